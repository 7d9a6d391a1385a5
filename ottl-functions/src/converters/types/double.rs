//! `Double(target)`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self, Coerce as _};
use ottl_core::function::{Kind, Args, Compiled, Function, ParamKind, Signature};
use ottl_core::value::Value;

/// `Double(target)` — a double from a double, an int, a bool or a numeric string; nil for nil;
/// an error for a string that is not a number.
pub struct Double;

impl Function for Double {
    fn signature(&self) -> Signature {
        Signature::converter("Double", Kind::Float, "converts a value to a double")
            .param("target", ParamKind::Like(Kind::Float))
            .example(r#"Double("50")"#, "50.0")
            .example(r#"Double(true)"#, "1.0")
            .example(r#"Double(333)"#, "333.0")
            .example(r#"Double("1e3")"#, "1000.0")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.value(0)?;
        Ok(Compiled::converter(move |ctx| {
            Ok(get::FloatLike::coerce(target.get(ctx)?)?.map_or(Value::Nil, Value::Double))
        }))
    }
}
