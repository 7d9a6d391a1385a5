//! OTTL values as the Go values the reference passes to `fmt.Sprintf`, with Go's type names
//! and the text of the `String` methods of ids, times and durations.

use crate::converters::time::{local_zone, zone_label};
use ottl_core::model::{AnyValue, Map};
use ottl_core::value::{Object, Time, TimeZone, Value};

/// How an argument of `Format` was written, which decides the Go type of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    /// A literal: a list is a `[]interface {}`.
    Literal,
    /// A path or a call: a list is a `pcommon.Slice`.
    Path,
}

/// A value as Go's `fmt` sees it.
#[derive(Debug, Clone, Copy)]
pub(super) enum GoValue<'v> {
    /// `nil`.
    Nil,
    /// `bool`.
    Bool(bool),
    /// `int64`.
    Int(i64),
    /// An unsigned integer (an element of bytes or of an id is a `uint8`), with its type name.
    Uint(u64, &'static str),
    /// `float64`.
    Float(f64),
    /// `string`.
    Str(&'v str),
    /// `[]byte` (`[]uint8`).
    Bytes(&'v [u8]),
    /// A list, with its Go type name.
    List(&'v [AnyValue], &'static str),
    /// A map.
    Map(&'v Map),
    /// A trace or span id (a byte array with a `String` method), with its Go type name.
    Id(&'v [u8], &'static str),
    /// `time.Time`.
    Time(&'v Time),
    /// `time.Duration`, in nanoseconds.
    Duration(i64),
    /// A nil pointer of this type (a UTC time's location).
    NilPointer(&'static str),
    /// A pdata object (`span.status`), by its Go type name.
    Object(&'static str),
}

impl<'v> GoValue<'v> {
    /// An argument of `Format`.
    pub(super) fn top(value: &'v Value<'_>, origin: Origin) -> Self {
        match value {
            Value::Nil => GoValue::Nil,
            Value::Bool(flag) => GoValue::Bool(*flag),
            Value::Int(number) => GoValue::Int(*number),
            Value::Double(number) => GoValue::Float(*number),
            Value::Str(text) => GoValue::Str(text.as_str()),
            Value::Bytes(bytes) => GoValue::Bytes(bytes),
            Value::Map(map) => GoValue::Map(map),
            Value::List(items) => GoValue::List(
                items,
                match origin {
                    Origin::Literal => "[]interface {}",
                    Origin::Path => "pcommon.Slice",
                },
            ),
            Value::TraceId(id) => GoValue::Id(&id.0, "pcommon.TraceID"),
            Value::SpanId(id) => GoValue::Id(&id.0, "pcommon.SpanID"),
            Value::Time(time) => GoValue::Time(time),
            Value::Duration(nanos) => GoValue::Duration(*nanos),
            Value::Object(object) => GoValue::Object(object_type_name(object)),
        }
    }

    /// An element of a list or a value of a map.
    pub(super) fn nested(value: &'v AnyValue) -> Self {
        match value {
            AnyValue::Empty => GoValue::Nil,
            AnyValue::Str(text) => GoValue::Str(text.as_str()),
            AnyValue::Bool(flag) => GoValue::Bool(*flag),
            AnyValue::Int(number) => GoValue::Int(*number),
            AnyValue::Double(number) => GoValue::Float(*number),
            AnyValue::Bytes(bytes) => GoValue::Bytes(bytes),
            AnyValue::Array(items) => GoValue::List(items, "[]interface {}"),
            AnyValue::KvList(map) => GoValue::Map(map),
        }
    }

    /// Go's name of the value's type, as `%T` and the markers print it.
    pub(super) fn type_name(&self) -> &'static str {
        match self {
            GoValue::Nil => "<nil>",
            GoValue::Bool(_) => "bool",
            GoValue::Int(_) => "int64",
            GoValue::Uint(_, name) | GoValue::NilPointer(name) => name,
            GoValue::Float(_) => "float64",
            GoValue::Str(_) => "string",
            GoValue::Bytes(_) => "[]uint8",
            GoValue::List(_, name) | GoValue::Id(_, name) | GoValue::Object(name) => name,
            GoValue::Map(_) => "pcommon.Map",
            GoValue::Time(_) => "time.Time",
            GoValue::Duration(_) => "time.Duration",
        }
    }

    /// The value as a `*` width or precision: Go takes any integer kind (a duration too) up
    /// to a million either way.
    pub(super) fn as_int(&self) -> Option<i64> {
        match self {
            GoValue::Int(number) | GoValue::Duration(number)
                if number.unsigned_abs() <= 1_000_000 =>
            {
                Some(*number)
            }
            _ => None,
        }
    }
}

fn object_type_name(object: &Object<'_>) -> &'static str {
    match object {
        Object::Status(_) => "ptrace.Status",
        Object::SpanEvents(_) => "ptrace.SpanEventSlice",
        Object::SpanLinks(_) => "ptrace.SpanLinkSlice",
        Object::NumberDataPoints(_) => "pmetric.NumberDataPointSlice",
        Object::HistogramDataPoints(_) => "pmetric.HistogramDataPointSlice",
        Object::ExponentialHistogramDataPoints(_) => "pmetric.ExponentialHistogramDataPointSlice",
        Object::SummaryDataPoints(_) => "pmetric.SummaryDataPointSlice",
        Object::Exemplars(_) => "pmetric.ExemplarSlice",
        Object::Buckets(_) => "pmetric.ExponentialHistogramDataPointBuckets",
        Object::QuantileValues(_) => "pmetric.SummaryDataPointValueAtQuantileSlice",
    }
}

/// `time.Time.String()`, in the time's zone: `2006-01-02 15:04:05.999999999 -0700 MST`.
pub(super) fn time_string(time: &Time) -> String {
    let (offset, name) = zone_label(time);
    let sign = if offset < 0 { '-' } else { '+' };
    let minutes = offset.unsigned_abs() / 60;
    format!(
        "{} {sign}{:02}{:02} {name}",
        time.clock_text(' '),
        minutes / 60,
        minutes % 60
    )
}

/// `time.Time.GoString()`: `time.Date(2020, time.February, 11, …, time.UTC)`, the fields in
/// the time's zone and the zone as Go names it.
pub(super) fn time_go_string(time: &Time) -> String {
    let t = time.civil();
    let month = crate::converters::time::MONTHS
        .get(usize::from(t.month().unsigned_abs()).wrapping_sub(1))
        .copied()
        .unwrap_or("January");
    let zone = time.zone();
    let location = if *zone == TimeZone::UTC {
        "time.UTC".to_owned()
    } else if zone == local_zone() {
        "time.Local".to_owned()
    } else {
        let name = zone
            .iana_name()
            .map_or_else(|| zone_label(time).1, str::to_owned);
        format!("time.Location({name:?})")
    };
    format!(
        "time.Date({}, time.{month}, {}, {}, {}, {}, {}, {location})",
        t.year(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.subsec_nanosecond()
    )
}

/// `time.Duration.String()`: `1h2m0.5s`, `1.5ms`, `0s`.
pub(super) fn duration_string(nanos: i64) -> String {
    let mut text = String::new();
    if nanos < 0 {
        text.push('-');
    }
    let total = nanos.unsigned_abs();
    if total < 1_000_000_000 {
        let (unit, digits) = match total {
            0 => return "0s".to_owned(),
            1..=999 => ("ns", 0),
            1_000..=999_999 => ("µs", 3),
            _ => ("ms", 6),
        };
        push_scaled(&mut text, total, digits);
        text.push_str(unit);
        return text;
    }
    let seconds = total / 1_000_000_000;
    let (hours, minutes) = (seconds / 3600, seconds / 60 % 60);
    if hours > 0 {
        text.push_str(&format!("{hours}h"));
    }
    if hours > 0 || minutes > 0 {
        text.push_str(&format!("{minutes}m"));
    }
    push_scaled(&mut text, total % 60_000_000_000, 9);
    text.push('s');
    text
}

/// `value / 10^digits` in decimal, without trailing zeros in the fraction.
fn push_scaled(text: &mut String, value: u64, digits: u32) {
    let scale = 10u64.pow(digits);
    text.push_str(&(value / scale).to_string());
    let fraction = value % scale;
    if fraction != 0 {
        let padded = format!("{fraction:0width$}", width = digits as usize);
        text.push('.');
        text.push_str(padded.trim_end_matches('0'));
    }
}
