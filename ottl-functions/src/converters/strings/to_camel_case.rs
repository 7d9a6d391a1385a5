//! `ToCamelCase(target)`.

use super::case;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::value::Value;

/// `ToCamelCase(target)` — the string in upper camel case, as the reference's strcase library
/// writes it: ` `, `_`, `-`, `.` and other punctuation dropped, the letter after a separator or
/// a digit capitalised, a capital after a capital lowered (`CPUUtilization` →
/// `Cpuutilization`); non-ASCII characters are dropped.
pub struct ToCamelCase;

impl Function for ToCamelCase {
    fn signature(&self) -> Signature {
        Signature::converter("ToCamelCase", Kind::String, "a string in upper camel case")
            .param("target", ParamKind::Value(Kind::String))
            .example(r#"ToCamelCase("simple_string")"#, r#""SimpleString""#)
            .example(r#"ToCamelCase("simple-string")"#, r#""SimpleString""#)
            .example(r#"ToCamelCase("userID")"#, r#""UserId""#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::String>(0)?;
        Ok(Compiled::converter(move |ctx| {
            let text = target.value(ctx)?;
            if text.is_empty() {
                return Ok(Value::Str(text));
            }
            Ok(Value::string(case::camel(&text)))
        }))
    }
}
