//! `TruncateTime(time, duration)`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature, get};
use ottl_core::value::Value;

/// `TruncateTime(time, duration)` — the time rounded down to a multiple of the duration since
/// Go's zero time (0001-01-01 UTC, so hours and days align in UTC whatever the time's zone);
/// a duration of zero or less leaves it unchanged. The zone is kept.
pub struct TruncateTime;

/// Go's zero time, 0001-01-01T00:00:00Z, in nanoseconds since the Unix epoch.
const GO_ZERO_TIME: i128 = -62_135_596_800 * 1_000_000_000;

impl Function for TruncateTime {
    fn signature(&self) -> Signature {
        Signature::converter("TruncateTime", Kind::Time, "a time rounded down to a multiple of a duration")
            .param("time", ParamKind::Value(Kind::Time))
            .param("duration", ParamKind::Value(Kind::Duration))
            .example(r#"UnixNano(TruncateTime(Unix(1, 999), Duration("1s")))"#, "1000000000")
            .example(r#"UnixSeconds(TruncateTime(Unix(1681300807), Duration("1h")))"#, "1681300800")
            .example(r#"UnixNano(TruncateTime(Unix(1, 999), Duration("-1s")))"#, "1000000999")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let time = args.get::<get::Time>(0)?;
        let duration = args.get::<get::Duration>(1)?;
        Ok(Compiled::converter(move |ctx| {
            let time = time.eval(ctx)?;
            let duration = duration.eval(ctx)?;
            if duration <= 0 {
                return Ok(Value::Time(time.clone()));
            }
            let since_zero = i128::from(time.nanos()) - GO_ZERO_TIME;
            let rest = since_zero.rem_euclid(i128::from(duration));
            // `rest` is below `duration`, an i64, and the time is after Go's zero time.
            let rest = i64::try_from(rest).unwrap_or_default();
            Ok(Value::Time(time.with_nanos(time.nanos() - rest)))
        }))
    }
}
