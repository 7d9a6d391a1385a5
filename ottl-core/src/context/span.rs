//! `span.*`: the paths of a span, also reachable from its events.

use super::paths::{Field, FieldTable};

/// A field of a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SpanField {
    Attributes,
    TraceId,
    TraceIdString,
    SpanId,
    SpanIdString,
    ParentSpanId,
    ParentSpanIdString,
    /// The W3C tracestate text; with one key, a member of it.
    TraceState,
    Status,
    StatusCode,
    StatusMessage,
    Name,
    Kind,
    /// `Server`, `Client`, …
    KindString,
    /// `SPAN_KIND_SERVER`, …
    KindDeprecatedString,
    StartTimeUnixNano,
    EndTimeUnixNano,
    StartTime,
    EndTime,
    DroppedAttributesCount,
    Events,
    DroppedEventsCount,
    Links,
    DroppedLinksCount,
    Flags,
}

use SpanField as S;

pub(crate) const FIELDS: FieldTable = &[
    ("attributes", None, Field::Span(S::Attributes)),
    ("trace_id", None, Field::Span(S::TraceId)),
    ("trace_id", Some("string"), Field::Span(S::TraceIdString)),
    ("span_id", None, Field::Span(S::SpanId)),
    ("span_id", Some("string"), Field::Span(S::SpanIdString)),
    ("parent_span_id", None, Field::Span(S::ParentSpanId)),
    (
        "parent_span_id",
        Some("string"),
        Field::Span(S::ParentSpanIdString),
    ),
    ("trace_state", None, Field::Span(S::TraceState)),
    ("status", None, Field::Span(S::Status)),
    ("status", Some("code"), Field::Span(S::StatusCode)),
    ("status", Some("message"), Field::Span(S::StatusMessage)),
    ("name", None, Field::Span(S::Name)),
    ("kind", None, Field::Span(S::Kind)),
    ("kind", Some("string"), Field::Span(S::KindString)),
    (
        "kind",
        Some("deprecated_string"),
        Field::Span(S::KindDeprecatedString),
    ),
    (
        "start_time_unix_nano",
        None,
        Field::Span(S::StartTimeUnixNano),
    ),
    ("end_time_unix_nano", None, Field::Span(S::EndTimeUnixNano)),
    ("start_time", None, Field::Span(S::StartTime)),
    ("end_time", None, Field::Span(S::EndTime)),
    (
        "dropped_attributes_count",
        None,
        Field::Span(S::DroppedAttributesCount),
    ),
    ("events", None, Field::Span(S::Events)),
    (
        "dropped_events_count",
        None,
        Field::Span(S::DroppedEventsCount),
    ),
    ("links", None, Field::Span(S::Links)),
    (
        "dropped_links_count",
        None,
        Field::Span(S::DroppedLinksCount),
    ),
    ("flags", None, Field::Span(S::Flags)),
];
