//! `UnixMicro(time)`.

use super::calendar::time_to_int;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};

/// `UnixMicro(time)` — the whole microseconds since the Unix epoch (rounded down).
pub struct UnixMicro;

impl Function for UnixMicro {
    fn signature(&self) -> Signature {
        Signature::converter("UnixMicro", Kind::Int, "the whole microseconds since the Unix epoch (rounded down)")
            .param("time", ParamKind::Value(Kind::Time))
            .example(r#"UnixMicro(Unix(1675468800, 1999))"#, "1675468800000001")
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        time_to_int(args, |time| time.nanos().div_euclid(1_000))
    }
}
