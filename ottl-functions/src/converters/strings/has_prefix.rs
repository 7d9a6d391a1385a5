//! `HasPrefix(target, prefix)`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self};
use ottl_core::function::{Kind, Args, Compiled, Function, ParamKind, Signature};
use ottl_core::value::Value;

/// `HasPrefix(target, prefix)` — whether the string `target` starts with `prefix` (byte-wise,
/// case-sensitive; both must be strings).
pub struct HasPrefix;

impl Function for HasPrefix {
    fn signature(&self) -> Signature {
        Signature::converter("HasPrefix", Kind::Bool, "whether a string starts with another")
            .param("target", ParamKind::Value(Kind::String))
            .param("prefix", ParamKind::Value(Kind::String))
            .example(r#"HasPrefix("ingest_service", "ingest_")"#, "true")
            .example(r#"HasPrefix("Ingest", "in")"#, "false")
            .example(r#"HasPrefix("abc", "")"#, "true")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::String>(0)?;
        let prefix = args.get::<get::String>(1)?;
        Ok(Compiled::converter(move |ctx| {
            let text = target.eval(ctx)?;
            let prefix = prefix.eval(ctx)?;
            Ok(Value::Bool(text.starts_with(prefix.as_str())))
        }))
    }
}
