//! `Weekday(time)`.

use super::calendar::time_to_int;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};

/// `Weekday(time)` — the day of the week of a time (Sunday is 0), in its zone.
pub struct Weekday;

impl Function for Weekday {
    fn signature(&self) -> Signature {
        Signature::converter("Weekday", Kind::Int, "the day of the week of a time (Sunday is 0), in its zone")
            .param("time", ParamKind::Value(Kind::Time))
            .example(r#"Weekday(Unix(1681300800))"#, "3")
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        time_to_int(args, |time| i64::from(time.civil().weekday().to_sunday_zero_offset()))
    }
}
