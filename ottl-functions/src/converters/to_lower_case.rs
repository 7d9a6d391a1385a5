//! `ToLowerCase(target)`.

use super::case::{self, Case};
use crate::convert::{self, Input, Strict};
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, ParamKind, Signature};
use ottl_core::value::Value;

/// `ToLowerCase(target)` — the string in lower case (Unicode simple case mapping, as Go's
/// `strings.ToLower`); a string that is already lower case is returned without copying.
pub struct ToLowerCase;

impl Function for ToLowerCase {
    fn signature(&self) -> Signature {
        Signature::converter("ToLowerCase", "a string in lower case")
            .param("target", ParamKind::Value)
            .example(r#"ToLowerCase("Hello ÀB")"#, r#""hello àb""#)
            .example(r#"ToLowerCase("")"#, r#""""#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = Input::strict_at(&mut args, 0, Strict::String)?;
        Ok(Compiled::converter(move |ctx| {
            let text = convert::string(target.value(ctx)?)?;
            Ok(Value::Str(case::convert(text, Case::Lower)))
        }))
    }
}
