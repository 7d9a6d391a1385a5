//! `Second(time)`.

use super::calendar::time_to_int;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};

/// `Second(time)` — the second of a time (0 to 59), in its zone.
pub struct Second;

impl Function for Second {
    fn signature(&self) -> Signature {
        Signature::converter("Second", Kind::Int, "the second of a time (0 to 59), in its zone")
            .param("time", ParamKind::Value(Kind::Time))
            .example(r#"Second(Unix(1681300807))"#, "7")
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        time_to_int(args, |time| time.civil().second() as i64)
    }
}
