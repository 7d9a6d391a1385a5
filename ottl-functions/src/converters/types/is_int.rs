//! `IsInt(target)`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::value::Value;

/// `IsInt(target)` — whether the value is an int (nil is not; nothing converts). A literal
/// of another kind is rejected when the statement compiles, as the reference rejects it.
pub struct IsInt;

impl Function for IsInt {
    fn signature(&self) -> Signature {
        Signature::converter("IsInt", Kind::Bool, "whether a value is an int")
            // Any kind, so a literal of another kind is false rather than rejected.
            .param("target", ParamKind::Value(Kind::Int))
            .example(r#"IsInt(1)"#, "true")
            .example(r#"IsInt(Double(1))"#, "false")
            .example(r#"IsInt(String(1))"#, "false")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.value(0)?;
        Ok(Compiled::converter(move |ctx| {
            Ok(Value::Bool(matches!(target.get(ctx)?, Value::Int(_))))
        }))
    }
}
