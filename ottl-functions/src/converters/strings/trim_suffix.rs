//! `TrimSuffix(target, suffix)`.

use super::trim::slice;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};

/// `TrimSuffix(target, suffix)` — the string without `suffix` at its end, once, if it ends
/// with it; unchanged otherwise (Go's `strings.TrimSuffix`).
pub struct TrimSuffix;

impl Function for TrimSuffix {
    fn signature(&self) -> Signature {
        Signature::converter("TrimSuffix", Kind::String, "removes a suffix from a string")
            .param("target", ParamKind::Value(Kind::String))
            .param("suffix", ParamKind::Value(Kind::String))
            .example(r#"TrimSuffix("log.json", ".json")"#, r#""log""#)
            .example(r#"TrimSuffix("abbb", "b")"#, r#""abb""#)
            .example(r#"TrimSuffix("log.json", ".txt")"#, r#""log.json""#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::String>(0)?;
        let suffix = args.get::<get::String>(1)?;
        Ok(Compiled::converter(move |ctx| {
            let text = target.value(ctx)?;
            let suffix = suffix.eval(ctx)?;
            let end = if text.ends_with(suffix.as_str()) {
                text.len() - suffix.len()
            } else {
                text.len()
            };
            Ok(slice(text, 0, end))
        }))
    }
}
