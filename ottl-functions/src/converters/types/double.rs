//! `Double(target)`.

use super::like;
use ottl_core::function::get::FloatLike;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::value::Value;

/// `Double(target)` — a double from a double, an int, a bool or a numeric string (as Go's
/// `strconv.ParseFloat` reads it: exponents, `inf`, `nan`, hex floats, `_` between digits); nil
/// for nil; an error for a string that is not a number or is beyond the double range.
pub struct Double;

impl Function for Double {
    fn signature(&self) -> Signature {
        Signature::converter("Double", Kind::Float, "converts a value to a double")
            .param("target", ParamKind::Like(Kind::Float))
            .example(r#"Double("50")"#, "50.0")
            .example(r#"Double(true)"#, "1.0")
            .example(r#"Double(333)"#, "333.0")
            .example(r#"Double("1e3")"#, "1000.0")
            .example(r#"Double("0x1p-2")"#, "0.25")
            .example(r#"Double("1_000.5")"#, "1000.5")
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        like::unary::<FloatLike, _>(args, "Double", |number| {
            Ok(number.map_or(Value::Nil, Value::Double))
        })
    }
}
