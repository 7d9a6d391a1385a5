//! `Int(target)`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self, Coerce as _};
use ottl_core::function::{Kind, Args, Compiled, Function, ParamKind, Signature};
use ottl_core::value::Value;

/// `Int(target)` — an int from an int, a double (truncated), a bool or a decimal string; nil
/// for nil and for a string that is not an integer.
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
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.value(0)?;
        Ok(Compiled::converter(move |ctx| {
            Ok(get::IntLike::coerce(target.get(ctx)?)?.map_or(Value::Nil, Value::Int))
        }))
    }
}
