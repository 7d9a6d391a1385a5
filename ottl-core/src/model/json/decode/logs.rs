//! Decoding of logs.

use super::common::{any_value, key_values, resource, scope};
use super::reader::{Reader, set};
use super::scalar::{read_enum, read_span_id, read_string, read_trace_id, read_u32, read_u64};
use crate::model::attribute_counts::Holder;
use crate::model::json::error::Decoded;
use crate::model::{LogRecord, ResourceLogs, ScopeLogs, SeverityNumber};

/// The elements of a `resourceLogs` array, appended to `out`.
pub(super) fn resource_logs_list(r: &mut Reader<'_>, out: &mut Vec<ResourceLogs>) -> Decoded<()> {
    r.read_array_into(out, resource_logs)
}

pub(super) fn resource_logs(r: &mut Reader<'_>) -> Decoded<ResourceLogs> {
    let mut resource_logs = ResourceLogs::default();
    let mut deprecated = Vec::new();
    r.read_object(|r, key| match key {
        "resource" => resource(r, &mut resource_logs.resource),
        "scopeLogs" | "scope_logs" => r.read_array_into(&mut resource_logs.scope_logs, scope_logs),
        "schemaUrl" | "schema_url" => set(&mut resource_logs.schema_url, read_string(r)?),
        "deprecatedScopeLogs" | "deprecated_scope_logs" => {
            r.read_array_into(&mut deprecated, scope_logs)
        }
        _ => r.skip_value(),
    })?;
    if resource_logs.scope_logs.is_empty() {
        resource_logs.scope_logs = deprecated;
    }
    Ok(resource_logs)
}

fn scope_logs(r: &mut Reader<'_>) -> Decoded<ScopeLogs> {
    let mut scope_logs = ScopeLogs::default();
    r.read_object(|r, key| match key {
        "scope" => scope(r, &mut scope_logs.scope),
        "logRecords" | "log_records" => r.read_array_into(&mut scope_logs.log_records, log_record),
        "schemaUrl" | "schema_url" => set(&mut scope_logs.schema_url, read_string(r)?),
        _ => r.skip_value(),
    })?;
    Ok(scope_logs)
}

fn log_record(r: &mut Reader<'_>) -> Decoded<LogRecord> {
    let mut record = LogRecord::default();
    r.read_object(|r, key| {
        match key {
            "timeUnixNano" | "time_unix_nano" => record.time_unix_nano = read_u64(r)?,
            "observedTimeUnixNano" | "observed_time_unix_nano" => {
                record.observed_time_unix_nano = read_u64(r)?;
            }
            "severityNumber" | "severity_number" => {
                record.severity_number =
                    read_enum(r, "SeverityNumber", SeverityNumber::NAMES, SeverityNumber)?;
            }
            "severityText" | "severity_text" => record.severity_text = read_string(r)?,
            "body" => record.body = any_value(r)?,
            "attributes" => key_values(r, Holder::LogRecord, &mut record.attributes)?,
            "droppedAttributesCount" | "dropped_attributes_count" => {
                record.dropped_attributes_count = read_u32(r)?;
            }
            "flags" => record.flags = read_u32(r)?,
            "traceId" | "trace_id" => record.trace_id = read_trace_id(r)?,
            "spanId" | "span_id" => record.span_id = read_span_id(r)?,
            "eventName" | "event_name" => record.event_name = read_string(r)?,
            _ => r.skip_value()?,
        }
        Ok(())
    })?;
    Ok(record)
}
