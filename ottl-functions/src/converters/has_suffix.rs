//! `HasSuffix(target, suffix)`.

use crate::convert::{self, Input, Strict};
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, ParamKind, Signature};
use ottl_core::value::Value;

/// `HasSuffix(target, suffix)` — whether the string `target` ends with `suffix` (byte-wise,
/// case-sensitive; both must be strings).
pub struct HasSuffix;

impl Function for HasSuffix {
    fn signature(&self) -> Signature {
        Signature::converter("HasSuffix", "whether a string ends with another")
            .param("target", ParamKind::Value)
            .param("suffix", ParamKind::Value)
            .example(r#"HasSuffix("ingest_service", "_service")"#, "true")
            .example(r#"HasSuffix("Ingest", "EST")"#, "false")
            .example(r#"HasSuffix("abc", "")"#, "true")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = Input::strict_at(&mut args, 0, Strict::String)?;
        let suffix = Input::strict_at(&mut args, 1, Strict::String)?;
        Ok(Compiled::converter(move |ctx| {
            let text = convert::string(target.get(ctx)?)?;
            let suffix = convert::string(suffix.get(ctx)?)?;
            Ok(Value::Bool(text.ends_with(suffix.as_str())))
        }))
    }
}
