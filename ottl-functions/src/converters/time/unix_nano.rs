//! `UnixNano(time)`.

use super::calendar::time_to_int;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};

/// `UnixNano(time)` — the nanoseconds since the Unix epoch.
pub struct UnixNano;

impl Function for UnixNano {
    fn signature(&self) -> Signature {
        Signature::converter("UnixNano", Kind::Int, "the nanoseconds since the Unix epoch")
            .param("time", ParamKind::Value(Kind::Time))
            .example(r#"UnixNano(Unix(1675468800, 5))"#, "1675468800000000005")
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        time_to_int(args, |time| time.nanos())
    }
}
