//! `IsDouble(target)`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::value::Value;

/// `IsDouble(target)` — whether the value is a double (nil is not; nothing converts). A literal
/// of another kind is rejected when the statement compiles, as the reference rejects it.
pub struct IsDouble;

impl Function for IsDouble {
    fn signature(&self) -> Signature {
        Signature::converter("IsDouble", Kind::Bool, "whether a value is a double")
            // Any kind, so a literal of another kind is false rather than rejected.
            .param("target", ParamKind::Value(Kind::Float))
            .example(r#"IsDouble(1.5)"#, "true")
            .example(r#"IsDouble(Int(1.5))"#, "false")
            .example(r#"IsDouble(String(1.5))"#, "false")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.value(0)?;
        Ok(Compiled::converter(move |ctx| {
            Ok(Value::Bool(matches!(target.get(ctx)?, Value::Double(_))))
        }))
    }
}
