//! `Int(target)`.

use super::like;
use ottl_core::function::get::IntLike;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::value::Value;

/// `Int(target)` — an int from an int, a double (truncated), a bool or a decimal string; nil
/// for nil and for a string that is not an integer. A double with no int value (NaN, ±inf,
/// beyond ±2^63) gives the most negative int, as the reference does on x86-64.
pub struct Int;

impl Function for Int {
    fn signature(&self) -> Signature {
        Signature::converter("Int", Kind::Int, "converts a value to an int")
            .param("target", ParamKind::Like(Kind::Int))
            .example(r#"Int("50")"#, "50")
            .example(r#"Int(2.7)"#, "2")
            .example(r#"Int(-2.7)"#, "-2")
            .example(r#"Int(true)"#, "1")
            .example(r#"Int("2.0")"#, "nil")
            .example(r#"Int(Double("nan")) + 1"#, "-9223372036854775807")
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        like::unary::<IntLike, _>(args, "Int", |number| {
            Ok(number.map_or(Value::Nil, Value::Int))
        })
    }
}
