//! `IsMap(target)`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::{Kind, Args, Compiled, Function, ParamKind, Signature};
use ottl_core::value::Value;

/// `IsMap(target)` — whether the value is a map (nil is not). A literal
/// of another kind is rejected when the statement compiles, as the reference rejects it.
pub struct IsMap;

impl Function for IsMap {
    fn signature(&self) -> Signature {
        Signature::converter("IsMap", Kind::Bool, "whether a value is a map")
            .param("target", ParamKind::Value(Kind::Map))
            .example(r#"IsMap({"a": 1})"#, "true")
            .example(r#"IsMap(ParseJSON("[1]"))"#, "false")
            .example(r#"IsMap(attributes["missing"])"#, "false")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.value(0)?;
        Ok(Compiled::converter(move |ctx| {
            Ok(Value::Bool(matches!(target.get(ctx)?, Value::Map(_))))
        }))
    }
}
