//! `UnixMilli(time)`.

use super::calendar::time_to_int;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};

/// `UnixMilli(time)` — the whole milliseconds since the Unix epoch (rounded down).
pub struct UnixMilli;

impl Function for UnixMilli {
    fn signature(&self) -> Signature {
        Signature::converter("UnixMilli", Kind::Int, "the whole milliseconds since the Unix epoch (rounded down)")
            .param("time", ParamKind::Value(Kind::Time))
            .example(r#"UnixMilli(Unix(1675468800, 1999999))"#, "1675468800001")
            .example(r#"UnixMilli(Unix(0, -1))"#, "-1")
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        time_to_int(args, |time| time.nanos().div_euclid(1_000_000))
    }
}
