//! `ToUpperCase(target)`.

use super::case::{self, Case};
use crate::convert::{self, Input, Strict};
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, ParamKind, Signature};
use ottl_core::value::Value;

/// `ToUpperCase(target)` — the string in upper case (Unicode simple case mapping, as Go's
/// `strings.ToUpper`); a string that is already upper case is returned without copying.
pub struct ToUpperCase;

impl Function for ToUpperCase {
    fn signature(&self) -> Signature {
        Signature::converter("ToUpperCase", "a string in upper case")
            .param("target", ParamKind::Value)
            .example(r#"ToUpperCase("hello àb")"#, r#""HELLO ÀB""#)
            .example(r#"ToUpperCase("")"#, r#""""#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = Input::strict_at(&mut args, 0, Strict::String)?;
        Ok(Compiled::converter(move |ctx| {
            let text = convert::string(target.value(ctx)?)?;
            Ok(Value::Str(case::convert(text, Case::Upper)))
        }))
    }
}
