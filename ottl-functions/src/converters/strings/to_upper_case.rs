//! `ToUpperCase(target)`.

use super::case::{self, Case};
use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self};
use ottl_core::function::{Kind, Args, Compiled, Function, ParamKind, Signature};
use ottl_core::value::Value;

/// `ToUpperCase(target)` — the string in upper case (Unicode simple case mapping, as Go's
/// `strings.ToUpper`); a string that is already upper case is returned without copying.
pub struct ToUpperCase;

impl Function for ToUpperCase {
    fn signature(&self) -> Signature {
        Signature::converter("ToUpperCase", Kind::String, "a string in upper case")
            .param("target", ParamKind::Value(Kind::String))
            .example(r#"ToUpperCase("hello àb")"#, r#""HELLO ÀB""#)
            .example(r#"ToUpperCase("")"#, r#""""#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::String>(0)?;
        Ok(Compiled::converter(move |ctx| {
            let text = target.value(ctx)?;
            Ok(Value::Str(case::convert(text, Case::Upper)))
        }))
    }
}
