//! `log.*`: the paths of a log record.

use super::paths::{Field, FieldTable};

/// A field of a log record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LogField {
    Body,
    BodyString,
    Attributes,
    TimeUnixNano,
    ObservedTimeUnixNano,
    Time,
    ObservedTime,
    SeverityNumber,
    SeverityText,
    DroppedAttributesCount,
    Flags,
    TraceId,
    TraceIdString,
    SpanId,
    SpanIdString,
    EventName,
}

use LogField as L;

pub(crate) const FIELDS: FieldTable = &[
    ("body", None, Field::Log(L::Body)),
    ("body", Some("string"), Field::Log(L::BodyString)),
    ("attributes", None, Field::Log(L::Attributes)),
    ("time_unix_nano", None, Field::Log(L::TimeUnixNano)),
    (
        "observed_time_unix_nano",
        None,
        Field::Log(L::ObservedTimeUnixNano),
    ),
    ("time", None, Field::Log(L::Time)),
    ("observed_time", None, Field::Log(L::ObservedTime)),
    ("severity_number", None, Field::Log(L::SeverityNumber)),
    ("severity_text", None, Field::Log(L::SeverityText)),
    (
        "dropped_attributes_count",
        None,
        Field::Log(L::DroppedAttributesCount),
    ),
    ("flags", None, Field::Log(L::Flags)),
    ("trace_id", None, Field::Log(L::TraceId)),
    ("trace_id", Some("string"), Field::Log(L::TraceIdString)),
    ("span_id", None, Field::Log(L::SpanId)),
    ("span_id", Some("string"), Field::Log(L::SpanIdString)),
    ("event_name", None, Field::Log(L::EventName)),
];
