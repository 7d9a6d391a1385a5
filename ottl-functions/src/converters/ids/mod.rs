//! Ids: trace and span ids from bytes, and UUIDs.

crate::family! {
    span_id => SpanIdConverter,
    trace_id => TraceIdConverter,
    uuid => Uuid,
    uuid_v7 => UuidV7,
}
