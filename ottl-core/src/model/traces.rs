//! Traces: `Traces → ResourceSpans → ScopeSpans → Span` with events, links and status.

use super::{InstrumentationScope, Map, Resource, SpanId, SpanKind, StatusCode, Str, TraceId};

/// A batch of spans (`TracesData` / `ExportTraceServiceRequest`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Traces {
    /// Spans grouped by resource.
    pub resource_spans: Vec<ResourceSpans>,
}

/// The spans of one resource.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ResourceSpans {
    /// The resource.
    pub resource: Resource,
    /// Spans grouped by scope.
    pub scope_spans: Vec<ScopeSpans>,
    /// Schema URL of the resource.
    pub schema_url: Str,
}

/// The spans of one instrumentation scope.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScopeSpans {
    /// The scope.
    pub scope: InstrumentationScope,
    /// The spans.
    pub spans: Vec<Span>,
    /// Schema URL of the scope.
    pub schema_url: Str,
}

/// One span.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Span {
    /// The trace.
    pub trace_id: TraceId,
    /// This span.
    pub span_id: SpanId,
    /// W3C trace state.
    pub trace_state: Str,
    /// The parent span; all zero for a root span.
    pub parent_span_id: SpanId,
    /// W3C trace flags and the is-remote bits (see the `FLAG_*` constants).
    pub flags: u32,
    /// Operation name.
    pub name: Str,
    /// Kind of span.
    pub kind: SpanKind,
    /// Start, nanoseconds since the Unix epoch.
    pub start_time_unix_nano: u64,
    /// End, nanoseconds since the Unix epoch.
    pub end_time_unix_nano: u64,
    /// Attributes.
    pub attributes: Map,
    /// Attributes dropped before the data reached us.
    pub dropped_attributes_count: u32,
    /// Timed events.
    pub events: Vec<SpanEvent>,
    /// Events dropped before the data reached us.
    pub dropped_events_count: u32,
    /// Links to other spans.
    pub links: Vec<SpanLink>,
    /// Links dropped before the data reached us.
    pub dropped_links_count: u32,
    /// Outcome.
    pub status: Status,
}

impl Span {
    /// The bits of `flags` that hold W3C trace flags.
    pub const TRACE_FLAGS_MASK: u32 = 0xff;
    /// Set when the is-remote bit below is meaningful.
    pub const FLAG_HAS_IS_REMOTE: u32 = 0x100;
    /// The parent (or linked) span is remote.
    pub const FLAG_IS_REMOTE: u32 = 0x200;
}

/// A timed event within a span (`Span.Event`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SpanEvent {
    /// When, nanoseconds since the Unix epoch.
    pub time_unix_nano: u64,
    /// Event name.
    pub name: Str,
    /// Attributes.
    pub attributes: Map,
    /// Attributes dropped before the data reached us.
    pub dropped_attributes_count: u32,
}

/// A link from a span to another span (`Span.Link`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SpanLink {
    /// The linked trace.
    pub trace_id: TraceId,
    /// The linked span.
    pub span_id: SpanId,
    /// W3C trace state of the linked span.
    pub trace_state: Str,
    /// Attributes.
    pub attributes: Map,
    /// Attributes dropped before the data reached us.
    pub dropped_attributes_count: u32,
    /// W3C trace flags and the is-remote bits, as in [`Span::flags`].
    pub flags: u32,
}

/// The outcome of a span (`Status`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Status {
    /// Developer-facing message.
    pub message: Str,
    /// Status code.
    pub code: StatusCode,
}
