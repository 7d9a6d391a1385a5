//! Encoding of traces.

use super::common::{
    attributes_field, id_field, int32_field, list_field, resource, scope, string_field, u64_field,
};
use super::writer::Writer;
use crate::model::{ResourceSpans, ScopeSpans, Span, SpanEvent, SpanLink, Traces};

pub(super) fn traces(w: &mut Writer<'_>, traces: &Traces) {
    w.begin_object();
    list_field(w, "resourceSpans", &traces.resource_spans, resource_spans);
    w.end_object();
}

fn resource_spans(w: &mut Writer<'_>, resource_spans: &ResourceSpans) {
    w.begin_object();
    w.field("resource");
    resource(w, &resource_spans.resource);
    list_field(w, "scopeSpans", &resource_spans.scope_spans, scope_spans);
    string_field(w, "schemaUrl", &resource_spans.schema_url);
    w.end_object();
}

fn scope_spans(w: &mut Writer<'_>, scope_spans: &ScopeSpans) {
    w.begin_object();
    w.field("scope");
    scope(w, &scope_spans.scope);
    list_field(w, "spans", &scope_spans.spans, span);
    string_field(w, "schemaUrl", &scope_spans.schema_url);
    w.end_object();
}

fn span(w: &mut Writer<'_>, span: &Span) {
    w.begin_object();
    id_field(w, "traceId", &span.trace_id.0);
    id_field(w, "spanId", &span.span_id.0);
    string_field(w, "traceState", &span.trace_state);
    id_field(w, "parentSpanId", &span.parent_span_id.0);
    int32_field(w, "flags", span.flags);
    string_field(w, "name", &span.name);
    int32_field(w, "kind", span.kind.0);
    u64_field(w, "startTimeUnixNano", span.start_time_unix_nano);
    u64_field(w, "endTimeUnixNano", span.end_time_unix_nano);
    attributes_field(w, "attributes", &span.attributes);
    int32_field(w, "droppedAttributesCount", span.dropped_attributes_count);
    list_field(w, "events", &span.events, event);
    int32_field(w, "droppedEventsCount", span.dropped_events_count);
    list_field(w, "links", &span.links, link);
    int32_field(w, "droppedLinksCount", span.dropped_links_count);
    w.field("status");
    w.begin_object();
    string_field(w, "message", &span.status.message);
    int32_field(w, "code", span.status.code.0);
    w.end_object();
    w.end_object();
}

fn event(w: &mut Writer<'_>, event: &SpanEvent) {
    w.begin_object();
    u64_field(w, "timeUnixNano", event.time_unix_nano);
    string_field(w, "name", &event.name);
    attributes_field(w, "attributes", &event.attributes);
    int32_field(w, "droppedAttributesCount", event.dropped_attributes_count);
    w.end_object();
}

fn link(w: &mut Writer<'_>, link: &SpanLink) {
    w.begin_object();
    id_field(w, "traceId", &link.trace_id.0);
    id_field(w, "spanId", &link.span_id.0);
    string_field(w, "traceState", &link.trace_state);
    attributes_field(w, "attributes", &link.attributes);
    int32_field(w, "droppedAttributesCount", link.dropped_attributes_count);
    int32_field(w, "flags", link.flags);
    w.end_object();
}
