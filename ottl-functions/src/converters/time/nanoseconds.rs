//! `Nanoseconds(duration)`.

use super::calendar::duration_to;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::value::Value;

/// `Nanoseconds(duration)` — a duration in nanoseconds.
pub struct Nanoseconds;

impl Function for Nanoseconds {
    fn signature(&self) -> Signature {
        Signature::converter("Nanoseconds", Kind::Int, "a duration in nanoseconds")
            .param("duration", ParamKind::Value(Kind::Duration))
            .example(r#"Nanoseconds(Duration("1.5µs"))"#, "1500")
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        duration_to(args, Value::Int)
    }
}
