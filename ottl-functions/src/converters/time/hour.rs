//! `Hour(time)`.

use super::calendar::time_to_int;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};

/// `Hour(time)` — the hour of a time (0 to 23), in its zone.
pub struct Hour;

impl Function for Hour {
    fn signature(&self) -> Signature {
        Signature::converter("Hour", Kind::Int, "the hour of a time (0 to 23), in its zone")
            .param("time", ParamKind::Value(Kind::Time))
            .example(r#"Hour(Unix(1681300800))"#, "12")
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        time_to_int(args, |time| time.civil().hour() as i64)
    }
}
