//! Shared shapes: the converters that read one number from a time or a duration, and a time's
//! zone as Go names it.

use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, get};
use ottl_core::value::{Time, TimeZone, Value};

/// A converter of one time (parameter 0) to an int.
pub(super) fn time_to_int(mut args: Args, read: fn(&Time) -> i64) -> Result<Compiled, Diagnostic> {
    let time = args.get::<get::Time>(0)?;
    Ok(Compiled::converter(move |ctx| {
        Ok(Value::Int(read(&time.eval(ctx)?)))
    }))
}

/// A converter of one duration (parameter 0), in nanoseconds, to a value.
pub(super) fn duration_to(
    mut args: Args,
    convert: fn(i64) -> Value<'static>,
) -> Result<Compiled, Diagnostic> {
    let duration = args.get::<get::Duration>(0)?;
    Ok(Compiled::converter(move |ctx| {
        Ok(convert(duration.eval(ctx)?))
    }))
}

/// Go's `Duration.Hours`/`Minutes`/`Seconds`: the whole units plus the rest as a fraction,
/// so large durations keep their precision.
pub(super) fn fractional(nanos: i64, unit: i64) -> Value<'static> {
    let whole = nanos / unit;
    let rest = nanos % unit;
    Value::Double(whole as f64 + rest as f64 / unit as f64)
}

/// The time's offset from UTC in seconds and its zone's name as Go's `MST` writes it: the
/// abbreviation, or `±hhmm` for a zone that has none (an offset read from the text).
pub(crate) fn zone_label(time: &Time) -> (i32, String) {
    let instant = jiff::Timestamp::from_nanosecond(i128::from(time.nanos())).unwrap_or_default();
    let info = time.zone().to_offset_info(instant);
    let offset = info.offset();
    let seconds = offset.seconds();
    if *time.zone() != TimeZone::UTC && *time.zone() == TimeZone::fixed(offset) {
        let sign = if seconds < 0 { '-' } else { '+' };
        let minutes = seconds.unsigned_abs() / 60;
        return (
            seconds,
            format!("{sign}{:02}{:02}", minutes / 60, minutes % 60),
        );
    }
    (seconds, info.abbreviation().to_owned())
}
