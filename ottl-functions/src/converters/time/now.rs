//! `Now()`.

use super::zone;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, Signature};
use ottl_core::value::{Time, Value};

/// `Now()` — the current time, in the local zone, from the clock of the request the batch runs
/// with ([`ottl_core::context::Clock`]: the system's, unless the host fixes it).
pub struct Now;

impl Function for Now {
    fn signature(&self) -> Signature {
        Signature::converter("Now", Kind::Time, "the current time")
            .example("Year(Now()) - Year(Now())", "0")
    }

    fn compile(&self, _args: Args) -> Result<Compiled, Diagnostic> {
        Ok(Compiled::converter(move |ctx| {
            Ok(Value::Time(Time::new(ctx.now(), zone::local().clone())))
        }))
    }
}
