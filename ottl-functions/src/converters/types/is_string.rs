//! `IsString(target)`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::{Kind, Args, Compiled, Function, ParamKind, Signature};
use ottl_core::value::Value;

/// `IsString(target)` — whether the value is a string (nil is not). A literal
/// of another kind is rejected when the statement compiles, as the reference rejects it.
pub struct IsString;

impl Function for IsString {
    fn signature(&self) -> Signature {
        Signature::converter("IsString", Kind::Bool, "whether a value is a string")
            .param("target", ParamKind::Value(Kind::String))
            .example(r#"IsString("")"#, "true")
            .example(r#"IsString(Int("1"))"#, "false")
            .example(r#"IsString(attributes)"#, "false")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.value(0)?;
        Ok(Compiled::converter(move |ctx| {
            Ok(Value::Bool(matches!(target.get(ctx)?, Value::Str(_))))
        }))
    }
}
