//! `Milliseconds(duration)`.

use super::calendar::duration_to;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::value::Value;

/// `Milliseconds(duration)` — a duration in whole milliseconds (truncated toward zero).
pub struct Milliseconds;

impl Function for Milliseconds {
    fn signature(&self) -> Signature {
        Signature::converter("Milliseconds", Kind::Int, "a duration in whole milliseconds (truncated toward zero)")
            .param("duration", ParamKind::Value(Kind::Duration))
            .example(r#"Milliseconds(Duration("1h"))"#, "3600000")
            .example(r#"Milliseconds(Duration("-1.9ms"))"#, "-1")
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        duration_to(args, |nanos| Value::Int(nanos / 1_000_000))
    }
}
