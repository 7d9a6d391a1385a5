//! `Hours(duration)`.

use super::calendar::{duration_to, fractional};
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};

/// `Hours(duration)` — a duration in hours, with the fraction.
pub struct Hours;

impl Function for Hours {
    fn signature(&self) -> Signature {
        Signature::converter("Hours", Kind::Float, "a duration in hours, with the fraction")
            .param("duration", ParamKind::Value(Kind::Duration))
            .example(r#"Hours(Duration("90m"))"#, "1.5")
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        duration_to(args, |nanos| fractional(nanos, 3_600_000_000_000))
    }
}
