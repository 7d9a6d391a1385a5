//! `IsBool(target)`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::value::Value;

/// `IsBool(target)` — whether the value is a bool (nil is not; nothing converts). A literal
/// of another kind is rejected when the statement compiles, as the reference rejects it.
pub struct IsBool;

impl Function for IsBool {
    fn signature(&self) -> Signature {
        Signature::converter("IsBool", Kind::Bool, "whether a value is a bool")
            // Any kind, so a literal of another kind is false rather than rejected.
            .param("target", ParamKind::Value(Kind::Bool))
            .example(r#"IsBool(false)"#, "true")
            .example(r#"IsBool(Int("1"))"#, "false")
            .example(r#"IsBool(attributes["missing"])"#, "false")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.value(0)?;
        Ok(Compiled::converter(move |ctx| {
            Ok(Value::Bool(matches!(target.get(ctx)?, Value::Bool(_))))
        }))
    }
}
