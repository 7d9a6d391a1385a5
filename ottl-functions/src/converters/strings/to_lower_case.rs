//! `ToLowerCase(target)`.

use super::case::{self, Case};
use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self};
use ottl_core::function::{Kind, Args, Compiled, Function, ParamKind, Signature};
use ottl_core::value::Value;

/// `ToLowerCase(target)` — the string in lower case (Unicode simple case mapping, as Go's
/// `strings.ToLower`); a string that is already lower case is returned without copying.
pub struct ToLowerCase;

impl Function for ToLowerCase {
    fn signature(&self) -> Signature {
        Signature::converter("ToLowerCase", Kind::String, "a string in lower case")
            .param("target", ParamKind::Value(Kind::String))
            .example(r#"ToLowerCase("Hello ÀB")"#, r#""hello àb""#)
            .example(r#"ToLowerCase("")"#, r#""""#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::String>(0)?;
        Ok(Compiled::converter(move |ctx| {
            let text = target.value(ctx)?;
            Ok(Value::Str(case::convert(text, Case::Lower)))
        }))
    }
}
