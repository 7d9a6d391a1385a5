//! Logs: `Logs → ResourceLogs → ScopeLogs → LogRecord`.

use super::{AnyValue, InstrumentationScope, Map, Resource, SeverityNumber, SpanId, Str, TraceId};

/// A batch of log records (`LogsData` / `ExportLogsServiceRequest`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Logs {
    /// Records grouped by resource.
    pub resource_logs: Vec<ResourceLogs>,
}

/// The log records of one resource.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ResourceLogs {
    /// The resource.
    pub resource: Resource,
    /// Records grouped by scope.
    pub scope_logs: Vec<ScopeLogs>,
    /// Schema URL of the resource.
    pub schema_url: Str,
}

/// The log records of one instrumentation scope.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScopeLogs {
    /// The scope.
    pub scope: InstrumentationScope,
    /// The records.
    pub log_records: Vec<LogRecord>,
    /// Schema URL of the scope.
    pub schema_url: Str,
}

/// One log record.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LogRecord {
    /// When the event happened, nanoseconds since the Unix epoch (0 = unknown).
    pub time_unix_nano: u64,
    /// When the event was observed by the collection system.
    pub observed_time_unix_nano: u64,
    /// Numeric severity.
    pub severity_number: SeverityNumber,
    /// Severity as the source wrote it.
    pub severity_text: Str,
    /// The body.
    pub body: AnyValue,
    /// Attributes.
    pub attributes: Map,
    /// Attributes dropped before the data reached us.
    pub dropped_attributes_count: u32,
    /// W3C trace flags in bits 0–7 (see [`LogRecord::TRACE_FLAGS_MASK`]).
    pub flags: u32,
    /// Trace the record belongs to.
    pub trace_id: TraceId,
    /// Span the record belongs to.
    pub span_id: SpanId,
    /// Name of the event, for records that are events.
    pub event_name: Str,
}

impl LogRecord {
    /// The bits of [`LogRecord::flags`] that hold W3C trace flags.
    pub const TRACE_FLAGS_MASK: u32 = 0xff;
}
