//! `Month(time)`.

use super::calendar::time_to_int;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};

/// `Month(time)` — the month of a time (1 to 12), in its zone.
pub struct Month;

impl Function for Month {
    fn signature(&self) -> Signature {
        Signature::converter("Month", Kind::Int, "the month of a time (1 to 12), in its zone")
            .param("time", ParamKind::Value(Kind::Time))
            .example(r#"Month(Unix(1681300800))"#, "4")
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        time_to_int(args, |time| time.civil().month() as i64)
    }
}
