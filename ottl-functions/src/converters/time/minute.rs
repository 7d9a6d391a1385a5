//! `Minute(time)`.

use super::calendar::time_to_int;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};

/// `Minute(time)` — the minute of a time (0 to 59), in its zone.
pub struct Minute;

impl Function for Minute {
    fn signature(&self) -> Signature {
        Signature::converter("Minute", Kind::Int, "the minute of a time (0 to 59), in its zone")
            .param("time", ParamKind::Value(Kind::Time))
            .example(r#"Minute(Unix(1681301100))"#, "5")
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        time_to_int(args, |time| time.civil().minute() as i64)
    }
}
