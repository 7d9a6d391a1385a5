//! `HasSuffix(target, suffix)`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self};
use ottl_core::function::{Kind, Args, Compiled, Function, ParamKind, Signature};
use ottl_core::value::Value;

/// `HasSuffix(target, suffix)` — whether the string `target` ends with `suffix` (byte-wise,
/// case-sensitive; both must be strings).
pub struct HasSuffix;

impl Function for HasSuffix {
    fn signature(&self) -> Signature {
        Signature::converter("HasSuffix", Kind::Bool, "whether a string ends with another")
            .param("target", ParamKind::Value(Kind::String))
            .param("suffix", ParamKind::Value(Kind::String))
            .example(r#"HasSuffix("ingest_service", "_service")"#, "true")
            .example(r#"HasSuffix("Ingest", "EST")"#, "false")
            .example(r#"HasSuffix("abc", "")"#, "true")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::String>(0)?;
        let suffix = args.get::<get::String>(1)?;
        Ok(Compiled::converter(move |ctx| {
            let text = target.eval(ctx)?;
            let suffix = suffix.eval(ctx)?;
            Ok(Value::Bool(text.ends_with(suffix.as_str())))
        }))
    }
}
