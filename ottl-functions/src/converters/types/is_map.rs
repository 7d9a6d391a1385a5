//! `IsMap(target)`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::{Kind, Args, Compiled, Function, ParamKind, Signature};
use ottl_core::value::Value;

/// `IsMap(target)` — whether the value is a map (nil is not).
pub struct IsMap;

impl Function for IsMap {
    fn signature(&self) -> Signature {
        Signature::converter("IsMap", Kind::Bool, "whether a value is a map")
            .param("target", ParamKind::Value(Kind::Any))
            .example(r#"IsMap({"a": 1})"#, "true")
            .example(r#"IsMap("{}")"#, "false")
            .example(r#"IsMap(nil)"#, "false")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.value(0)?;
        Ok(Compiled::converter(move |ctx| {
            Ok(Value::Bool(matches!(target.get(ctx)?, Value::Map(_))))
        }))
    }
}
