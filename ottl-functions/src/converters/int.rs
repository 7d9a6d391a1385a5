//! `Int(target)`.

use crate::convert::{self, Input};
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, ParamKind, Signature};
use ottl_core::value::Value;

/// `Int(target)` — an int from an int, a double (truncated), a bool or a decimal string; nil
/// for nil and for a string that is not an integer.
pub struct Int;

impl Function for Int {
    fn signature(&self) -> Signature {
        Signature::converter("Int", "converts a value to an int")
            .param("target", ParamKind::Value)
            .example(r#"Int("50")"#, "50")
            .example(r#"Int(2.7)"#, "2")
            .example(r#"Int(-2.7)"#, "-2")
            .example(r#"Int(true)"#, "1")
            .example(r#"Int("2.0")"#, "nil")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = Input::at(&mut args, 0)?;
        Ok(Compiled::converter(move |ctx| {
            Ok(convert::int_like(target.get(ctx)?)?.map_or(Value::Nil, Value::Int))
        }))
    }
}
