//! `Year(time)`.

use super::calendar::time_to_int;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};

/// `Year(time)` — the year of a time, in its zone.
pub struct Year;

impl Function for Year {
    fn signature(&self) -> Signature {
        Signature::converter("Year", Kind::Int, "the year of a time, in its zone")
            .param("time", ParamKind::Value(Kind::Time))
            .example(r#"Year(Unix(1681300800))"#, "2023")
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        time_to_int(args, |time| time.civil().year() as i64)
    }
}
