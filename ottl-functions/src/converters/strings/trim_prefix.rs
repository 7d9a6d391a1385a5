//! `TrimPrefix(target, prefix)`.

use super::trim::slice;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};

/// `TrimPrefix(target, prefix)` — the string without `prefix` at its start, once, if it starts
/// with it; unchanged otherwise (Go's `strings.TrimPrefix`).
pub struct TrimPrefix;

impl Function for TrimPrefix {
    fn signature(&self) -> Signature {
        Signature::converter("TrimPrefix", Kind::String, "removes a prefix from a string")
            .param("target", ParamKind::Value(Kind::String))
            .param("prefix", ParamKind::Value(Kind::String))
            .example(r#"TrimPrefix("ingest_service", "ingest_")"#, r#""service""#)
            .example(r#"TrimPrefix("aaab", "a")"#, r#""aab""#)
            .example(r#"TrimPrefix("service", "ingest_")"#, r#""service""#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::String>(0)?;
        let prefix = args.get::<get::String>(1)?;
        Ok(Compiled::converter(move |ctx| {
            let text = target.value(ctx)?;
            let prefix = prefix.eval(ctx)?;
            let start = if text.starts_with(prefix.as_str()) {
                prefix.len()
            } else {
                0
            };
            let end = text.len();
            Ok(slice(text, start, end))
        }))
    }
}
