//! `HasPrefix(target, prefix)`.

use crate::convert::{self, Input, Strict};
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, ParamKind, Signature};
use ottl_core::value::Value;

/// `HasPrefix(target, prefix)` — whether the string `target` starts with `prefix` (byte-wise,
/// case-sensitive; both must be strings).
pub struct HasPrefix;

impl Function for HasPrefix {
    fn signature(&self) -> Signature {
        Signature::converter("HasPrefix", "whether a string starts with another")
            .param("target", ParamKind::Value)
            .param("prefix", ParamKind::Value)
            .example(r#"HasPrefix("ingest_service", "ingest_")"#, "true")
            .example(r#"HasPrefix("Ingest", "in")"#, "false")
            .example(r#"HasPrefix("abc", "")"#, "true")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = Input::strict_at(&mut args, 0, Strict::String)?;
        let prefix = Input::strict_at(&mut args, 1, Strict::String)?;
        Ok(Compiled::converter(move |ctx| {
            let text = convert::string(target.get(ctx)?)?;
            let prefix = convert::string(prefix.get(ctx)?)?;
            Ok(Value::Bool(text.starts_with(prefix.as_str())))
        }))
    }
}
