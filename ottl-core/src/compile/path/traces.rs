//! `span.*` and `spanevent.*` fields.

use super::common::{
    expect_count32, expect_int, expect_str, expect_time, expect_time_ns, map, mismatch, parse_hex,
    set_map, static_text, text,
};
use crate::RuntimeError;
use crate::RuntimeErrorKind;
use crate::context::{SpanEventField, SpanField};
use crate::model::{Span, SpanEvent, SpanId, SpanKind, TraceId};
use crate::text;
use crate::value::{Object, Time, Value};
use std::borrow::Cow;

/// `span.kind.string` names, by kind value.
const KIND_STRINGS: [&str; 6] = [
    "Unspecified",
    "Internal",
    "Server",
    "Client",
    "Producer",
    "Consumer",
];

pub(super) fn read_span(field: SpanField, span: &Span) -> Value<'_> {
    use SpanField as S;
    match field {
        S::Attributes => map(&span.attributes),
        S::TraceId => Value::TraceId(span.trace_id),
        S::TraceIdString => Value::string(text::hex(&span.trace_id.0)),
        S::SpanId => Value::SpanId(span.span_id),
        S::SpanIdString => Value::string(text::hex(&span.span_id.0)),
        S::ParentSpanId => Value::SpanId(span.parent_span_id),
        S::ParentSpanIdString => Value::string(text::hex(&span.parent_span_id.0)),
        S::TraceState => text(&span.trace_state),
        S::Status => Value::Object(Object::Status(Cow::Borrowed(&span.status))),
        S::StatusCode => Value::Int(span.status.code.0.into()),
        S::StatusMessage => text(&span.status.message),
        S::Name => text(&span.name),
        S::Kind => Value::Int(span.kind.0.into()),
        S::KindString => static_text(
            usize::try_from(span.kind.0)
                .ok()
                .and_then(|i| KIND_STRINGS.get(i))
                .copied()
                .unwrap_or(""),
        ),
        S::KindDeprecatedString => static_text(span.kind.name().unwrap_or("")),
        S::StartTimeUnixNano => Value::Int(span.start_time_unix_nano as i64),
        S::EndTimeUnixNano => Value::Int(span.end_time_unix_nano as i64),
        S::StartTime => Value::Time(Time::utc(span.start_time_unix_nano as i64)),
        S::EndTime => Value::Time(Time::utc(span.end_time_unix_nano as i64)),
        S::DroppedAttributesCount => Value::Int(span.dropped_attributes_count.into()),
        S::Events => Value::Object(Object::SpanEvents(Cow::Borrowed(&span.events))),
        S::DroppedEventsCount => Value::Int(span.dropped_events_count.into()),
        S::Links => Value::Object(Object::SpanLinks(Cow::Borrowed(&span.links))),
        S::DroppedLinksCount => Value::Int(span.dropped_links_count.into()),
        S::Flags => Value::Int(span.flags.into()),
    }
}

/// Writes a span field, with the reference's checks: ids need id values (or exactly 32/16 hex
/// digits for `.string`), kind strings must be known names, flags must fit 32 bits; times
/// reinterpret the int's bits and counts truncate to 32 bits.
pub(super) fn write_span(
    field: SpanField,
    path: &str,
    span: &mut Span,
    value: Value<'_>,
) -> Result<(), RuntimeError> {
    use SpanField as S;
    const TRACE_ID_HEX: &str = "trace ids must be 32 hex characters";
    const SPAN_ID_HEX: &str = "span ids must be 16 hex characters";
    match field {
        S::Attributes => set_map(&mut span.attributes, path, value)?,
        S::TraceId => span.trace_id = expect_trace_id(path, value)?,
        S::TraceIdString => span.trace_id = TraceId(parse_hex(path, value, TRACE_ID_HEX)?),
        S::SpanId => span.span_id = expect_span_id(path, value)?,
        S::SpanIdString => span.span_id = SpanId(parse_hex(path, value, SPAN_ID_HEX)?),
        S::ParentSpanId => span.parent_span_id = expect_span_id(path, value)?,
        S::ParentSpanIdString => span.parent_span_id = SpanId(parse_hex(path, value, SPAN_ID_HEX)?),
        S::TraceState => span.trace_state = expect_str(path, value)?,
        S::Status => match value {
            Value::Object(Object::Status(status)) => span.status = status.into_owned(),
            other => return Err(mismatch(path, &other)),
        },
        S::StatusCode => span.status.code.0 = expect_int(path, value)? as i32,
        S::StatusMessage => span.status.message = expect_str(path, value)?,
        S::Name => span.name = expect_str(path, value)?,
        S::Kind => span.kind.0 = expect_int(path, value)? as i32,
        S::KindString => {
            let name = expect_str(path, value)?;
            let index = KIND_STRINGS.iter().position(|k| *k == name.as_str());
            span.kind = index
                .and_then(|i| i32::try_from(i).ok())
                .map(SpanKind)
                .ok_or_else(|| invalid(path, &name, "unknown span kind string"))?;
        }
        S::KindDeprecatedString => {
            let name = expect_str(path, value)?;
            span.kind = SpanKind::from_name(&name)
                .ok_or_else(|| invalid(path, &name, "unknown span kind deprecated string"))?;
        }
        S::StartTimeUnixNano => span.start_time_unix_nano = expect_time_ns(path, value)?,
        S::EndTimeUnixNano => span.end_time_unix_nano = expect_time_ns(path, value)?,
        S::StartTime => span.start_time_unix_nano = expect_time(path, value)?,
        S::EndTime => span.end_time_unix_nano = expect_time(path, value)?,
        S::DroppedAttributesCount => span.dropped_attributes_count = expect_count32(path, value)?,
        S::Events => match value {
            Value::Object(Object::SpanEvents(events)) => span.events = events.into_owned(),
            Value::Nil => span.events.clear(),
            other => return Err(mismatch(path, &other)),
        },
        S::DroppedEventsCount => span.dropped_events_count = expect_count32(path, value)?,
        S::Links => match value {
            Value::Object(Object::SpanLinks(links)) => span.links = links.into_owned(),
            Value::Nil => span.links.clear(),
            other => return Err(mismatch(path, &other)),
        },
        S::DroppedLinksCount => span.dropped_links_count = expect_count32(path, value)?,
        S::Flags => {
            let flags = expect_int(path, value)?;
            span.flags = u32::try_from(flags)
                .map_err(|_| invalid(path, &flags, "out of range for uint32"))?;
        }
    }
    Ok(())
}

pub(super) fn read_event(field: SpanEventField, event: &SpanEvent, index: usize) -> Value<'_> {
    use SpanEventField as E;
    match field {
        E::Attributes => map(&event.attributes),
        E::Name => text(&event.name),
        E::TimeUnixNano => Value::Int(event.time_unix_nano as i64),
        E::Time => Value::Time(Time::utc(event.time_unix_nano as i64)),
        E::DroppedAttributesCount => Value::Int(event.dropped_attributes_count.into()),
        E::EventIndex => Value::Int(i64::try_from(index).unwrap_or(i64::MAX)),
    }
}

pub(super) fn write_event(
    field: SpanEventField,
    path: &str,
    event: &mut SpanEvent,
    value: Value<'_>,
) -> Result<(), RuntimeError> {
    use SpanEventField as E;
    match field {
        E::Attributes => set_map(&mut event.attributes, path, value)?,
        E::Name => event.name = expect_str(path, value)?,
        E::TimeUnixNano => event.time_unix_nano = expect_time_ns(path, value)?,
        E::Time => event.time_unix_nano = expect_time(path, value)?,
        E::DroppedAttributesCount => event.dropped_attributes_count = expect_count32(path, value)?,
        E::EventIndex => {
            return Err(RuntimeErrorKind::ReadOnly {
                path: path.to_owned(),
            }
            .into());
        }
    }
    Ok(())
}

fn expect_trace_id(path: &str, value: Value<'_>) -> Result<TraceId, RuntimeError> {
    match value {
        Value::TraceId(id) => Ok(id),
        other => Err(mismatch(path, &other)),
    }
}

fn expect_span_id(path: &str, value: Value<'_>) -> Result<SpanId, RuntimeError> {
    match value {
        Value::SpanId(id) => Ok(id),
        other => Err(mismatch(path, &other)),
    }
}

fn invalid(path: &str, value: &dyn std::fmt::Debug, reason: &'static str) -> RuntimeError {
    RuntimeErrorKind::InvalidValue {
        path: path.to_owned(),
        value: format!("{value:?}"),
        reason,
    }
    .into()
}
