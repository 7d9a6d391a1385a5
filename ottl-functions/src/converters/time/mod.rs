//! Time, dates and durations: parsing and formatting times, their calendar fields, durations
//! in Go's syntax and the conversions between them.
//!
//! Times carry their zone ([`ottl_core::value::Time`]): the record's fields read in UTC, `Now()`
//! and `Unix()` in the local zone (from `TZ`, as Go reads it), `Time()` in the zone it parsed or
//! was given.

mod calendar;
mod go_duration;
mod strptime;

pub(crate) use strptime::MONTHS;
mod zone;

pub(crate) use calendar::zone_label;
pub(crate) use zone::local as local_zone;

crate::family! {
    day => Day,
    duration => Duration,
    format_time => FormatTime,
    hour => Hour,
    hours => Hours,
    microseconds => Microseconds,
    milliseconds => Milliseconds,
    minute => Minute,
    minutes => Minutes,
    month => Month,
    nanosecond => Nanosecond,
    nanoseconds => Nanoseconds,
    now => Now,
    second => Second,
    seconds => Seconds,
    time => Time,
    truncate_time => TruncateTime,
    unix => Unix,
    unix_micro => UnixMicro,
    unix_milli => UnixMilli,
    unix_nano => UnixNano,
    unix_seconds => UnixSeconds,
    weekday => Weekday,
    year => Year,
}
