//! `Microseconds(duration)`.

use super::calendar::duration_to;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::value::Value;

/// `Microseconds(duration)` — a duration in whole microseconds (truncated toward zero).
pub struct Microseconds;

impl Function for Microseconds {
    fn signature(&self) -> Signature {
        Signature::converter("Microseconds", Kind::Int, "a duration in whole microseconds (truncated toward zero)")
            .param("duration", ParamKind::Value(Kind::Duration))
            .example(r#"Microseconds(Duration("1.5us"))"#, "1")
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        duration_to(args, |nanos| Value::Int(nanos / 1_000))
    }
}
