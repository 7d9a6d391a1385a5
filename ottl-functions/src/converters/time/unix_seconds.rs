//! `UnixSeconds(time)`.

use super::calendar::time_to_int;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};

/// `UnixSeconds(time)` — the whole seconds since the Unix epoch (rounded down).
pub struct UnixSeconds;

impl Function for UnixSeconds {
    fn signature(&self) -> Signature {
        Signature::converter("UnixSeconds", Kind::Int, "the whole seconds since the Unix epoch (rounded down)")
            .param("time", ParamKind::Value(Kind::Time))
            .example(r#"UnixSeconds(Unix(1675468800, 999))"#, "1675468800")
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        time_to_int(args, |time| time.nanos().div_euclid(1_000_000_000))
    }
}
