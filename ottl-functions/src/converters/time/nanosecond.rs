//! `Nanosecond(time)`.

use super::calendar::time_to_int;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};

/// `Nanosecond(time)` — the nanoseconds within the second of a time (0 to 999999999).
pub struct Nanosecond;

impl Function for Nanosecond {
    fn signature(&self) -> Signature {
        Signature::converter("Nanosecond", Kind::Int, "the nanoseconds within the second of a time (0 to 999999999)")
            .param("time", ParamKind::Value(Kind::Time))
            .example(r#"Nanosecond(Unix(1681300800, 1500))"#, "1500")
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        time_to_int(args, |time| time.nanos().rem_euclid(1_000_000_000))
    }
}
