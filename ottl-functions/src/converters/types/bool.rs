//! `Bool(target)`.

use super::like;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::value::Value;

/// `Bool(target)` — a bool from a bool, an int or a double (true when not zero), or a string
/// Go's `strconv.ParseBool` reads (`1 t T TRUE true True`, `0 f F FALSE false False`); nil for
/// nil; an error for any other string or kind.
pub struct Bool;

impl Function for Bool {
    fn signature(&self) -> Signature {
        Signature::converter("Bool", Kind::Bool, "converts a value to a bool")
            .param("target", ParamKind::Like(Kind::Bool))
            .example(r#"Bool("T")"#, "true")
            .example(r#"Bool("0")"#, "false")
            .example(r#"Bool(2.7)"#, "true")
            .example(r#"Bool(0)"#, "false")
            .example(r#"Bool(nil)"#, "nil")
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        like::unary::<get::BoolLike, _>(args, "Bool", |flag| {
            Ok(flag.map_or(Value::Nil, Value::Bool))
        })
    }
}
