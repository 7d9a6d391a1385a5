//! `log.*` fields.

use super::common::{
    expect_count32, expect_int, expect_str, expect_time, expect_time_ns, map, mismatch, parse_hex,
    text,
};
use crate::RuntimeError;
use crate::RuntimeErrorKind;
use crate::context::LogField;
use crate::model::{AnyValue, LogRecord, SpanId, TraceId};
use crate::text;
use crate::value::{Time, Value};

pub(super) fn read(field: LogField, log: &LogRecord) -> Value<'_> {
    match field {
        LogField::Attributes => map(&log.attributes),
        LogField::Body => Value::from_any(&log.body),
        LogField::BodyString => Value::string(text::as_string(&log.body)),
        LogField::TimeUnixNano => Value::Int(log.time_unix_nano as i64),
        LogField::ObservedTimeUnixNano => Value::Int(log.observed_time_unix_nano as i64),
        LogField::Time => Value::Time(Time::utc(log.time_unix_nano as i64)),
        LogField::ObservedTime => Value::Time(Time::utc(log.observed_time_unix_nano as i64)),
        LogField::SeverityNumber => Value::Int(log.severity_number.0.into()),
        LogField::SeverityText => text(&log.severity_text),
        LogField::DroppedAttributesCount => Value::Int(log.dropped_attributes_count.into()),
        LogField::Flags => Value::Int(log.flags.into()),
        LogField::TraceId => Value::TraceId(log.trace_id),
        LogField::TraceIdString => Value::string(text::hex(&log.trace_id.0)),
        LogField::SpanId => Value::SpanId(log.span_id),
        LogField::SpanIdString => Value::string(text::hex(&log.span_id.0)),
        LogField::EventName => text(&log.event_name),
    }
}

/// Writes a log field. Integer fields take the reference's conversions: times reinterpret the
/// int's bits, counts and flags truncate to 32 bits.
pub(super) fn write(
    field: LogField,
    path: &str,
    log: &mut LogRecord,
    value: Value<'_>,
) -> Result<(), RuntimeError> {
    match field {
        LogField::Attributes => super::common::set_map(&mut log.attributes, path, value)?,
        LogField::Body => {
            let found = value.value_type();
            log.body = value.into_any().ok_or(RuntimeErrorKind::Unsettable {
                path: path.to_owned(),
                found,
            })?;
        }
        LogField::BodyString => log.body = AnyValue::Str(expect_str(path, value)?),
        LogField::TimeUnixNano => log.time_unix_nano = expect_time_ns(path, value)?,
        LogField::ObservedTimeUnixNano => {
            log.observed_time_unix_nano = expect_time_ns(path, value)?
        }
        LogField::Time => log.time_unix_nano = expect_time(path, value)?,
        LogField::ObservedTime => log.observed_time_unix_nano = expect_time(path, value)?,
        LogField::SeverityNumber => log.severity_number.0 = expect_int(path, value)? as i32,
        LogField::SeverityText => log.severity_text = expect_str(path, value)?,
        LogField::DroppedAttributesCount => {
            log.dropped_attributes_count = expect_count32(path, value)?
        }
        LogField::Flags => log.flags = expect_count32(path, value)?,
        LogField::TraceId => match value {
            Value::TraceId(id) => log.trace_id = id,
            other => return Err(mismatch(path, &other)),
        },
        LogField::TraceIdString => {
            log.trace_id = TraceId(parse_hex(
                path,
                value,
                "trace ids must be 32 hex characters",
            )?)
        }
        LogField::SpanId => match value {
            Value::SpanId(id) => log.span_id = id,
            other => return Err(mismatch(path, &other)),
        },
        LogField::SpanIdString => {
            log.span_id = SpanId(parse_hex(
                path,
                value,
                "span ids must be 16 hex characters",
            )?)
        }
        LogField::EventName => log.event_name = expect_str(path, value)?,
    }
    Ok(())
}
