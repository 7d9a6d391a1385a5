//! `Minutes(duration)`.

use super::calendar::{duration_to, fractional};
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};

/// `Minutes(duration)` — a duration in minutes, with the fraction.
pub struct Minutes;

impl Function for Minutes {
    fn signature(&self) -> Signature {
        Signature::converter("Minutes", Kind::Float, "a duration in minutes, with the fraction")
            .param("duration", ParamKind::Value(Kind::Duration))
            .example(r#"Minutes(Duration("1h"))"#, "60.0")
            .example(r#"Minutes(Duration("-90s"))"#, "-1.5")
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        duration_to(args, |nanos| fractional(nanos, 60_000_000_000))
    }
}
