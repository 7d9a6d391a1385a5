//! Decoding of traces.

use super::common::{key_values, resource, scope};
use super::reader::{Reader, set};
use super::scalar::{read_enum, read_span_id, read_string, read_trace_id, read_u32, read_u64};
use crate::model::attribute_counts::Holder;
use crate::model::json::error::Decoded;
use crate::model::{
    ResourceSpans, ScopeSpans, Span, SpanEvent, SpanKind, SpanLink, Status, StatusCode,
};

/// The elements of a `resourceSpans` array, appended to `out`.
pub(super) fn resource_spans_list(r: &mut Reader<'_>, out: &mut Vec<ResourceSpans>) -> Decoded<()> {
    r.read_array_into(out, resource_spans)
}

pub(super) fn resource_spans(r: &mut Reader<'_>) -> Decoded<ResourceSpans> {
    let mut resource_spans = ResourceSpans::default();
    let mut deprecated = Vec::new();
    r.read_object(|r, key| match key {
        "resource" => resource(r, &mut resource_spans.resource),
        "scopeSpans" | "scope_spans" => {
            r.read_array_into(&mut resource_spans.scope_spans, scope_spans)
        }
        "schemaUrl" | "schema_url" => set(&mut resource_spans.schema_url, read_string(r)?),
        "deprecatedScopeSpans" | "deprecated_scope_spans" => {
            r.read_array_into(&mut deprecated, scope_spans)
        }
        _ => r.skip_value(),
    })?;
    if resource_spans.scope_spans.is_empty() {
        resource_spans.scope_spans = deprecated;
    }
    Ok(resource_spans)
}

fn scope_spans(r: &mut Reader<'_>) -> Decoded<ScopeSpans> {
    let mut scope_spans = ScopeSpans::default();
    r.read_object(|r, key| match key {
        "scope" => scope(r, &mut scope_spans.scope),
        "spans" => r.read_array_into(&mut scope_spans.spans, span),
        "schemaUrl" | "schema_url" => set(&mut scope_spans.schema_url, read_string(r)?),
        _ => r.skip_value(),
    })?;
    Ok(scope_spans)
}

fn span(r: &mut Reader<'_>) -> Decoded<Span> {
    let mut span = Span::default();
    r.read_object(|r, key| {
        match key {
            "traceId" | "trace_id" => span.trace_id = read_trace_id(r)?,
            "spanId" | "span_id" => span.span_id = read_span_id(r)?,
            "traceState" | "trace_state" => span.trace_state = read_string(r)?,
            "parentSpanId" | "parent_span_id" => span.parent_span_id = read_span_id(r)?,
            "flags" => span.flags = read_u32(r)?,
            "name" => span.name = read_string(r)?,
            "kind" => span.kind = read_enum(r, "SpanKind", SpanKind::NAMES, SpanKind)?,
            "startTimeUnixNano" | "start_time_unix_nano" => {
                span.start_time_unix_nano = read_u64(r)?
            }
            "endTimeUnixNano" | "end_time_unix_nano" => span.end_time_unix_nano = read_u64(r)?,
            "attributes" => key_values(r, Holder::Span, &mut span.attributes)?,
            "droppedAttributesCount" | "dropped_attributes_count" => {
                span.dropped_attributes_count = read_u32(r)?;
            }
            "events" => r.read_array_into(&mut span.events, event)?,
            "droppedEventsCount" | "dropped_events_count" => {
                span.dropped_events_count = read_u32(r)?
            }
            "links" => r.read_array_into(&mut span.links, link)?,
            "droppedLinksCount" | "dropped_links_count" => span.dropped_links_count = read_u32(r)?,
            "status" => span.status = status(r)?,
            _ => r.skip_value()?,
        }
        Ok(())
    })?;
    Ok(span)
}

fn event(r: &mut Reader<'_>) -> Decoded<SpanEvent> {
    let mut event = SpanEvent::default();
    r.read_object(|r, key| match key {
        "timeUnixNano" | "time_unix_nano" => set(&mut event.time_unix_nano, read_u64(r)?),
        "name" => set(&mut event.name, read_string(r)?),
        "attributes" => key_values(r, Holder::SpanEvent, &mut event.attributes),
        "droppedAttributesCount" | "dropped_attributes_count" => {
            set(&mut event.dropped_attributes_count, read_u32(r)?)
        }
        _ => r.skip_value(),
    })?;
    Ok(event)
}

fn link(r: &mut Reader<'_>) -> Decoded<SpanLink> {
    let mut link = SpanLink::default();
    r.read_object(|r, key| match key {
        "traceId" | "trace_id" => set(&mut link.trace_id, read_trace_id(r)?),
        "spanId" | "span_id" => set(&mut link.span_id, read_span_id(r)?),
        "traceState" | "trace_state" => set(&mut link.trace_state, read_string(r)?),
        "attributes" => key_values(r, Holder::SpanLink, &mut link.attributes),
        "droppedAttributesCount" | "dropped_attributes_count" => {
            set(&mut link.dropped_attributes_count, read_u32(r)?)
        }
        "flags" => set(&mut link.flags, read_u32(r)?),
        _ => r.skip_value(),
    })?;
    Ok(link)
}

fn status(r: &mut Reader<'_>) -> Decoded<Status> {
    let mut status = Status::default();
    r.read_object(|r, key| match key {
        "message" => set(&mut status.message, read_string(r)?),
        "code" => set(
            &mut status.code,
            read_enum(r, "StatusCode", StatusCode::NAMES, StatusCode)?,
        ),
        _ => r.skip_value(),
    })?;
    Ok(status)
}
