//! `Seconds(duration)`.

use super::calendar::{duration_to, fractional};
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};

/// `Seconds(duration)` — a duration in seconds, with the fraction.
pub struct Seconds;

impl Function for Seconds {
    fn signature(&self) -> Signature {
        Signature::converter("Seconds", Kind::Float, "a duration in seconds, with the fraction")
            .param("duration", ParamKind::Value(Kind::Duration))
            .example(r#"Seconds(Duration("1m30.5s"))"#, "90.5")
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        duration_to(args, |nanos| fractional(nanos, 1_000_000_000))
    }
}
