//! `Unix(seconds, [nanoseconds])`.

use super::zone;
use ottl_core::RuntimeErrorKind;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature, get};
use ottl_core::value::{Time, Value};

/// `Unix(seconds, [nanoseconds])` — the time that many seconds and nanoseconds after the Unix
/// epoch, in the local zone (Go's `time.Unix`: the nanoseconds may be negative or past a second).
pub struct Unix;

const NAME: &str = "Unix";

impl Function for Unix {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, Kind::Time, "the time some seconds after the Unix epoch")
            .param("seconds", ParamKind::Value(Kind::Int))
            .optional("nanoseconds", ParamKind::Value(Kind::Int))
            .example("UnixNano(Unix(1672527600))", "1672527600000000000")
            .example("UnixNano(Unix(1, -1))", "999999999")
            .example("Unix(1672527600) - Unix(1672527599)", r#"Duration("1s")"#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let seconds = args.get::<get::Int>(0)?;
        let nanoseconds = args.optional::<get::Int>(1)?;
        Ok(Compiled::converter(move |ctx| {
            let seconds = seconds.eval(ctx)?;
            let nanoseconds = match &nanoseconds {
                Some(nanoseconds) => nanoseconds.eval(ctx)?,
                None => 0,
            };
            let nanos = i128::from(seconds) * 1_000_000_000 + i128::from(nanoseconds);
            let nanos = i64::try_from(nanos).map_err(|_| {
                RuntimeErrorKind::Function {
                    function: NAME,
                    message: format!(
                        "{seconds}s {nanoseconds}ns is outside the times this engine holds (1677 to 2262)"
                    ),
                }
            })?;
            Ok(Value::Time(Time::new(nanos, zone::local().clone())))
        }))
    }
}
