//! `ParseInt(target, base)`.

use super::go_int;
use ottl_core::RuntimeError;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::value::Value;

const NAME: &str = "ParseInt";

/// `ParseInt(target, base)` — the int a string writes in `base`, read as Go's
/// `strconv.ParseInt(target, base, 64)` reads it: an optional sign, digits and letters of the
/// base in either case; base 0 takes the base from a prefix (`0b`, `0o` or `0`, `0x`, else 10)
/// and allows `_` between digits. An empty string, a negative base, a base other than 0 or
/// 2–36, a form that is not a number and one beyond the 64-bit range are errors.
pub struct ParseInt;

impl Function for ParseInt {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, Kind::Int, "parses a string as an int in a base")
            .param("target", ParamKind::Value(Kind::String))
            .param("base", ParamKind::Value(Kind::Int))
            .example(r#"ParseInt("0b1111_0000", 0)"#, "240")
            .example(r#"ParseInt("-0xFF", 0)"#, "-255")
            .example(r#"ParseInt("-0o123", 0)"#, "-83")
            .example(r#"ParseInt("AA", 16)"#, "170")
            .example(r#"ParseInt("-20", 8)"#, "-16")
            .example(r#"ParseInt("0123", 0)"#, "83")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::String>(0)?;
        let base = args.get::<get::Int>(1)?;
        Ok(Compiled::converter(move |ctx| {
            let text = target.eval(ctx)?;
            if text.as_str().is_empty() {
                return Err(failure("target cannot be empty".to_owned()));
            }
            let base = base.eval(ctx)?;
            if base < 0 {
                return Err(failure(format!("base {base} cannot be negative")));
            }
            go_int::parse(text.as_str(), base)
                .map(Value::Int)
                .map_err(|error| failure(error.describe(text.as_str(), base).to_string()))
        }))
    }
}

fn failure(message: String) -> RuntimeError {
    RuntimeError::function(NAME, message)
}
