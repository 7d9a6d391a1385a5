//! Encoding of logs.

use super::common::{
    any_value, attributes_field, id_field, int32_field, list_field, resource, scope, string_field,
    u64_field,
};
use super::writer::Writer;
use crate::model::{LogRecord, Logs, ResourceLogs, ScopeLogs};

pub(super) fn logs(w: &mut Writer<'_>, logs: &Logs) {
    w.begin_object();
    list_field(w, "resourceLogs", &logs.resource_logs, resource_logs);
    w.end_object();
}

fn resource_logs(w: &mut Writer<'_>, resource_logs: &ResourceLogs) {
    w.begin_object();
    w.field("resource");
    resource(w, &resource_logs.resource);
    list_field(w, "scopeLogs", &resource_logs.scope_logs, scope_logs);
    string_field(w, "schemaUrl", &resource_logs.schema_url);
    w.end_object();
}

fn scope_logs(w: &mut Writer<'_>, scope_logs: &ScopeLogs) {
    w.begin_object();
    w.field("scope");
    scope(w, &scope_logs.scope);
    list_field(w, "logRecords", &scope_logs.log_records, log_record);
    string_field(w, "schemaUrl", &scope_logs.schema_url);
    w.end_object();
}

fn log_record(w: &mut Writer<'_>, record: &LogRecord) {
    w.begin_object();
    u64_field(w, "timeUnixNano", record.time_unix_nano);
    u64_field(w, "observedTimeUnixNano", record.observed_time_unix_nano);
    int32_field(w, "severityNumber", record.severity_number.0);
    string_field(w, "severityText", &record.severity_text);
    w.field("body");
    any_value(w, &record.body);
    attributes_field(w, "attributes", &record.attributes);
    int32_field(w, "droppedAttributesCount", record.dropped_attributes_count);
    int32_field(w, "flags", record.flags);
    id_field(w, "traceId", &record.trace_id.0);
    id_field(w, "spanId", &record.span_id.0);
    string_field(w, "eventName", &record.event_name);
    w.end_object();
}
