//! `spanevent.*`: the paths of an event of a span.

use super::paths::{Field, FieldTable};

/// A field of a span event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SpanEventField {
    Attributes,
    Name,
    TimeUnixNano,
    Time,
    DroppedAttributesCount,
    /// The event's position in its span's events (read-only).
    EventIndex,
}

use SpanEventField as E;

pub(crate) const FIELDS: FieldTable = &[
    ("attributes", None, Field::SpanEvent(E::Attributes)),
    ("name", None, Field::SpanEvent(E::Name)),
    ("time_unix_nano", None, Field::SpanEvent(E::TimeUnixNano)),
    ("time", None, Field::SpanEvent(E::Time)),
    (
        "dropped_attributes_count",
        None,
        Field::SpanEvent(E::DroppedAttributesCount),
    ),
    ("event_index", None, Field::SpanEvent(E::EventIndex)),
];
