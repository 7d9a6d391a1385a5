//! `Day(time)`.

use super::calendar::time_to_int;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};

/// `Day(time)` — the day of the month of a time (1 to 31), in its zone.
pub struct Day;

impl Function for Day {
    fn signature(&self) -> Signature {
        Signature::converter("Day", Kind::Int, "the day of the month of a time (1 to 31), in its zone")
            .param("time", ParamKind::Value(Kind::Time))
            .example(r#"Day(Unix(1681300800))"#, "12")
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        time_to_int(args, |time| time.civil().day() as i64)
    }
}
