//! OTLP protobuf straight into the model, one pass, field numbers as in the `.proto` files.
//! Unknown fields are skipped; a known field with another wire type is an error (as pdata's
//! generated decoders make it).

use super::error::Decoded;
use super::reader::{Reader, WireType, set};
use crate::model::attribute_counts::Holder;
use crate::model::{
    AggregationTemporality, AnyValue, Array, Buckets, EntityRef, Exemplar, ExponentialHistogram,
    ExponentialHistogramDataPoint, Gauge, Histogram, HistogramDataPoint, InstrumentationScope,
    KeyValue, LogRecord, Logs, Map, Metric, MetricData, Metrics, NumberDataPoint, NumberValue,
    Resource, ResourceLogs, ResourceMetrics, ResourceSpans, ScopeLogs, ScopeMetrics, ScopeSpans,
    SeverityNumber, Span, SpanEvent, SpanKind, SpanLink, Status, StatusCode, Sum, Summary,
    SummaryDataPoint, Traces, ValueAtQuantile,
};

/// The field number of the pre-1.0 `instrumentation_library_*` lists pdata still reads when
/// the scope list is empty.
const DEPRECATED_SCOPES: u32 = 1000;

/// `LogsData` / `ExportLogsServiceRequest`.
pub(super) fn logs(r: &mut Reader<'_>) -> Decoded<Logs> {
    let mut logs = Logs::default();
    r.fields(|r, n, w| match n {
        1 => push(
            r,
            n,
            w,
            "ResourceLogs",
            &mut logs.resource_logs,
            resource_logs,
        ),
        _ => r.skip(n, w),
    })?;
    Ok(logs)
}

/// `TracesData` / `ExportTraceServiceRequest`.
pub(super) fn traces(r: &mut Reader<'_>) -> Decoded<Traces> {
    let mut traces = Traces::default();
    r.fields(|r, n, w| match n {
        1 => push(
            r,
            n,
            w,
            "ResourceSpans",
            &mut traces.resource_spans,
            resource_spans,
        ),
        _ => r.skip(n, w),
    })?;
    Ok(traces)
}

/// `MetricsData` / `ExportMetricsServiceRequest`.
pub(super) fn metrics(r: &mut Reader<'_>) -> Decoded<Metrics> {
    let mut metrics = Metrics::default();
    r.fields(|r, n, w| match n {
        1 => push(
            r,
            n,
            w,
            "ResourceMetrics",
            &mut metrics.resource_metrics,
            resource_metrics,
        ),
        _ => r.skip(n, w),
    })?;
    Ok(metrics)
}

/// One element of a repeated message field, decoded by `read` and appended to `out`.
#[inline]
fn push<'a, T>(
    r: &mut Reader<'a>,
    number: u32,
    wire: WireType,
    message: &'static str,
    out: &mut Vec<T>,
    read: fn(&mut Reader<'a>) -> Decoded<T>,
) -> Decoded<()> {
    out.push(r.message(number, wire, message, read)?);
    Ok(())
}

// ---- common ----

fn any_value(r: &mut Reader<'_>) -> Decoded<AnyValue> {
    let mut value = AnyValue::Empty;
    r.fields(|r, n, w| {
        value = match n {
            1 => AnyValue::Str(r.string(n, w)?),
            2 => AnyValue::Bool(r.bool(n, w)?),
            3 => AnyValue::Int(r.uint(n, w)? as i64),
            4 => AnyValue::Double(r.double(n, w)?),
            5 => AnyValue::Array(r.nested(n, w, "ArrayValue", |r| {
                let mut items = Array::new();
                r.fields(|r, n, w| match n {
                    1 => {
                        items.push(r.nested(n, w, "AnyValue", any_value)?);
                        Ok(())
                    }
                    _ => r.skip(n, w),
                })?;
                Ok(items)
            })?),
            6 => AnyValue::KvList(r.nested(n, w, "KeyValueList", |r| {
                let mut entries = Vec::new();
                r.fields(|r, n, w| match n {
                    1 => {
                        entries.push(entry(r, n, w)?);
                        Ok(())
                    }
                    _ => r.skip(n, w),
                })?;
                Ok(Map::from_decoded(entries))
            })?),
            7 => AnyValue::Bytes(r.bytes(n, w)?.to_vec()),
            _ => return r.skip(n, w),
        };
        Ok(())
    })?;
    Ok(value)
}

/// A `KeyValue` field: its common encodings read in one step, any other by [`key_value`].
#[inline]
fn entry(r: &mut Reader<'_>, number: u32, wire: WireType) -> Decoded<KeyValue> {
    match r.common_key_value(wire) {
        Some(entry) => Ok(entry),
        None => r.message(number, wire, "KeyValue", key_value),
    }
}

fn key_value(r: &mut Reader<'_>) -> Decoded<KeyValue> {
    let mut entry = KeyValue::default();
    r.fields(|r, n, w| match n {
        1 => set(&mut entry.key, r.string(n, w)?),
        2 => set(&mut entry.value, r.nested(n, w, "AnyValue", any_value)?),
        _ => r.skip(n, w),
    })?;
    Ok(entry)
}

/// Reads the fields of a message that holds attributes with `field`, but its attributes into
/// `map`, as written (duplicates kept, as pdata keeps them), straight into a vector sized from
/// the last message of its kind ([`AttributeCounts`](crate::model::attribute_counts)).
fn fields_with_attributes<'a>(
    r: &mut Reader<'a>,
    holder: Holder,
    map: &mut Map,
    mut field: impl FnMut(&mut Reader<'a>, u32, WireType) -> Decoded<()>,
) -> Decoded<()> {
    let number = attributes_field(holder);
    let mut entries = r.attribute_counts.vector(holder);
    let read = r.fields(|r, n, w| {
        if n == number {
            entries.push(entry(r, n, w)?);
            Ok(())
        } else {
            field(r, n, w)
        }
    });
    r.attribute_counts.remember(holder, entries.len());
    if read.is_ok() {
        *map = Map::from_decoded(entries);
    }
    read
}

/// The number of the attributes field of `holder`'s message.
fn attributes_field(holder: Holder) -> u32 {
    match holder {
        Holder::Resource | Holder::ExponentialPoint | Holder::KvList => 1,
        Holder::Scope | Holder::SpanEvent => 3,
        Holder::SpanLink => 4,
        Holder::LogRecord => 6,
        Holder::NumberPoint | Holder::Exemplar | Holder::SummaryPoint => 7,
        Holder::Span | Holder::HistogramPoint => 9,
        Holder::Metric => 12,
    }
}

fn resource(r: &mut Reader<'_>) -> Decoded<Resource> {
    let mut resource = Resource::default();
    let mut attributes = Map::default();
    fields_with_attributes(r, Holder::Resource, &mut attributes, |r, n, w| match n {
        2 => set(&mut resource.dropped_attributes_count, r.uint32(n, w)?),
        3 => push(r, n, w, "EntityRef", &mut resource.entity_refs, entity_ref),
        _ => r.skip(n, w),
    })?;
    resource.attributes = attributes;
    Ok(resource)
}

fn entity_ref(r: &mut Reader<'_>) -> Decoded<EntityRef> {
    let mut entity = EntityRef::default();
    r.fields(|r, n, w| match n {
        1 => set(&mut entity.schema_url, r.string(n, w)?),
        2 => set(&mut entity.entity_type, r.string(n, w)?),
        3 => {
            entity.id_keys.push(r.string(n, w)?);
            Ok(())
        }
        4 => {
            entity.description_keys.push(r.string(n, w)?);
            Ok(())
        }
        _ => r.skip(n, w),
    })?;
    Ok(entity)
}

fn scope(r: &mut Reader<'_>) -> Decoded<InstrumentationScope> {
    let mut scope = InstrumentationScope::default();
    let mut attributes = Map::default();
    fields_with_attributes(r, Holder::Scope, &mut attributes, |r, n, w| match n {
        1 => set(&mut scope.name, r.string(n, w)?),
        2 => set(&mut scope.version, r.string(n, w)?),
        4 => set(&mut scope.dropped_attributes_count, r.uint32(n, w)?),
        _ => r.skip(n, w),
    })?;
    scope.attributes = attributes;
    Ok(scope)
}

// ---- logs ----

fn resource_logs(r: &mut Reader<'_>) -> Decoded<ResourceLogs> {
    let mut out = ResourceLogs::default();
    let mut deprecated = Vec::new();
    r.fields(|r, n, w| match n {
        1 => set(&mut out.resource, r.message(n, w, "Resource", resource)?),
        2 => push(r, n, w, "ScopeLogs", &mut out.scope_logs, scope_logs),
        3 => set(&mut out.schema_url, r.string(n, w)?),
        DEPRECATED_SCOPES => push(r, n, w, "ScopeLogs", &mut deprecated, scope_logs),
        _ => r.skip(n, w),
    })?;
    if out.scope_logs.is_empty() {
        out.scope_logs = deprecated;
    }
    Ok(out)
}

fn scope_logs(r: &mut Reader<'_>) -> Decoded<ScopeLogs> {
    let mut out = ScopeLogs::default();
    r.fields(|r, n, w| match n {
        1 => set(
            &mut out.scope,
            r.message(n, w, "InstrumentationScope", scope)?,
        ),
        2 => push(r, n, w, "LogRecord", &mut out.log_records, log_record),
        3 => set(&mut out.schema_url, r.string(n, w)?),
        _ => r.skip(n, w),
    })?;
    Ok(out)
}

fn log_record(r: &mut Reader<'_>) -> Decoded<LogRecord> {
    let mut log = LogRecord::default();
    let mut attributes = Map::default();
    fields_with_attributes(r, Holder::LogRecord, &mut attributes, |r, n, w| match n {
        1 => set(&mut log.time_unix_nano, r.fixed64(n, w)?),
        2 => set(&mut log.severity_number, SeverityNumber(r.int32(n, w)?)),
        3 => set(&mut log.severity_text, r.string(n, w)?),
        5 => set(&mut log.body, r.nested(n, w, "AnyValue", any_value)?),
        7 => set(&mut log.dropped_attributes_count, r.uint32(n, w)?),
        8 => set(&mut log.flags, r.fixed32(n, w)?),
        9 => set(&mut log.trace_id, r.trace_id(n, w)?),
        10 => set(&mut log.span_id, r.span_id(n, w)?),
        11 => set(&mut log.observed_time_unix_nano, r.fixed64(n, w)?),
        12 => set(&mut log.event_name, r.string(n, w)?),
        _ => r.skip(n, w),
    })?;
    log.attributes = attributes;
    Ok(log)
}

// ---- traces ----

fn resource_spans(r: &mut Reader<'_>) -> Decoded<ResourceSpans> {
    let mut out = ResourceSpans::default();
    let mut deprecated = Vec::new();
    r.fields(|r, n, w| match n {
        1 => set(&mut out.resource, r.message(n, w, "Resource", resource)?),
        2 => push(r, n, w, "ScopeSpans", &mut out.scope_spans, scope_spans),
        3 => set(&mut out.schema_url, r.string(n, w)?),
        DEPRECATED_SCOPES => push(r, n, w, "ScopeSpans", &mut deprecated, scope_spans),
        _ => r.skip(n, w),
    })?;
    if out.scope_spans.is_empty() {
        out.scope_spans = deprecated;
    }
    Ok(out)
}

fn scope_spans(r: &mut Reader<'_>) -> Decoded<ScopeSpans> {
    let mut out = ScopeSpans::default();
    r.fields(|r, n, w| match n {
        1 => set(
            &mut out.scope,
            r.message(n, w, "InstrumentationScope", scope)?,
        ),
        2 => push(r, n, w, "Span", &mut out.spans, span),
        3 => set(&mut out.schema_url, r.string(n, w)?),
        _ => r.skip(n, w),
    })?;
    Ok(out)
}

fn span(r: &mut Reader<'_>) -> Decoded<Span> {
    let mut span = Span::default();
    let mut attributes = Map::default();
    fields_with_attributes(r, Holder::Span, &mut attributes, |r, n, w| match n {
        1 => set(&mut span.trace_id, r.trace_id(n, w)?),
        2 => set(&mut span.span_id, r.span_id(n, w)?),
        3 => set(&mut span.trace_state, r.string(n, w)?),
        4 => set(&mut span.parent_span_id, r.span_id(n, w)?),
        5 => set(&mut span.name, r.string(n, w)?),
        6 => set(&mut span.kind, SpanKind(r.int32(n, w)?)),
        7 => set(&mut span.start_time_unix_nano, r.fixed64(n, w)?),
        8 => set(&mut span.end_time_unix_nano, r.fixed64(n, w)?),
        10 => set(&mut span.dropped_attributes_count, r.uint32(n, w)?),
        11 => push(r, n, w, "Span.Event", &mut span.events, span_event),
        12 => set(&mut span.dropped_events_count, r.uint32(n, w)?),
        13 => push(r, n, w, "Span.Link", &mut span.links, span_link),
        14 => set(&mut span.dropped_links_count, r.uint32(n, w)?),
        15 => set(&mut span.status, r.message(n, w, "Status", status)?),
        16 => set(&mut span.flags, r.fixed32(n, w)?),
        _ => r.skip(n, w),
    })?;
    span.attributes = attributes;
    Ok(span)
}

fn span_event(r: &mut Reader<'_>) -> Decoded<SpanEvent> {
    let mut event = SpanEvent::default();
    let mut attributes = Map::default();
    fields_with_attributes(r, Holder::SpanEvent, &mut attributes, |r, n, w| match n {
        1 => set(&mut event.time_unix_nano, r.fixed64(n, w)?),
        2 => set(&mut event.name, r.string(n, w)?),
        4 => set(&mut event.dropped_attributes_count, r.uint32(n, w)?),
        _ => r.skip(n, w),
    })?;
    event.attributes = attributes;
    Ok(event)
}

fn span_link(r: &mut Reader<'_>) -> Decoded<SpanLink> {
    let mut link = SpanLink::default();
    let mut attributes = Map::default();
    fields_with_attributes(r, Holder::SpanLink, &mut attributes, |r, n, w| match n {
        1 => set(&mut link.trace_id, r.trace_id(n, w)?),
        2 => set(&mut link.span_id, r.span_id(n, w)?),
        3 => set(&mut link.trace_state, r.string(n, w)?),
        5 => set(&mut link.dropped_attributes_count, r.uint32(n, w)?),
        6 => set(&mut link.flags, r.fixed32(n, w)?),
        _ => r.skip(n, w),
    })?;
    link.attributes = attributes;
    Ok(link)
}

fn status(r: &mut Reader<'_>) -> Decoded<Status> {
    let mut status = Status::default();
    r.fields(|r, n, w| match n {
        2 => set(&mut status.message, r.string(n, w)?),
        3 => set(&mut status.code, StatusCode(r.int32(n, w)?)),
        _ => r.skip(n, w),
    })?;
    Ok(status)
}

// ---- metrics ----

fn resource_metrics(r: &mut Reader<'_>) -> Decoded<ResourceMetrics> {
    let mut out = ResourceMetrics::default();
    let mut deprecated = Vec::new();
    r.fields(|r, n, w| match n {
        1 => set(&mut out.resource, r.message(n, w, "Resource", resource)?),
        2 => push(
            r,
            n,
            w,
            "ScopeMetrics",
            &mut out.scope_metrics,
            scope_metrics,
        ),
        3 => set(&mut out.schema_url, r.string(n, w)?),
        DEPRECATED_SCOPES => push(r, n, w, "ScopeMetrics", &mut deprecated, scope_metrics),
        _ => r.skip(n, w),
    })?;
    if out.scope_metrics.is_empty() {
        out.scope_metrics = deprecated;
    }
    Ok(out)
}

fn scope_metrics(r: &mut Reader<'_>) -> Decoded<ScopeMetrics> {
    let mut out = ScopeMetrics::default();
    r.fields(|r, n, w| match n {
        1 => set(
            &mut out.scope,
            r.message(n, w, "InstrumentationScope", scope)?,
        ),
        2 => push(r, n, w, "Metric", &mut out.metrics, metric),
        3 => set(&mut out.schema_url, r.string(n, w)?),
        _ => r.skip(n, w),
    })?;
    Ok(out)
}

/// A metric; if it sets several data kinds, the last one wins (protobuf's oneof rule).
fn metric(r: &mut Reader<'_>) -> Decoded<Metric> {
    let mut metric = Metric::default();
    let mut attributes = Map::default();
    fields_with_attributes(r, Holder::Metric, &mut attributes, |r, n, w| match n {
        1 => set(&mut metric.name, r.string(n, w)?),
        2 => set(&mut metric.description, r.string(n, w)?),
        3 => set(&mut metric.unit, r.string(n, w)?),
        5 => set(
            &mut metric.data,
            MetricData::Gauge(r.message(n, w, "Gauge", gauge)?),
        ),
        7 => set(
            &mut metric.data,
            MetricData::Sum(r.message(n, w, "Sum", sum)?),
        ),
        9 => set(
            &mut metric.data,
            MetricData::Histogram(r.message(n, w, "Histogram", histogram)?),
        ),
        10 => set(
            &mut metric.data,
            MetricData::ExponentialHistogram(r.message(
                n,
                w,
                "ExponentialHistogram",
                exponential_histogram,
            )?),
        ),
        11 => set(
            &mut metric.data,
            MetricData::Summary(r.message(n, w, "Summary", summary)?),
        ),
        _ => r.skip(n, w),
    })?;
    metric.metadata = attributes;
    Ok(metric)
}

fn gauge(r: &mut Reader<'_>) -> Decoded<Gauge> {
    let mut gauge = Gauge::default();
    r.fields(|r, n, w| match n {
        1 => push(
            r,
            n,
            w,
            "NumberDataPoint",
            &mut gauge.data_points,
            number_point,
        ),
        _ => r.skip(n, w),
    })?;
    Ok(gauge)
}

fn sum(r: &mut Reader<'_>) -> Decoded<Sum> {
    let mut sum = Sum::default();
    r.fields(|r, n, w| match n {
        1 => push(
            r,
            n,
            w,
            "NumberDataPoint",
            &mut sum.data_points,
            number_point,
        ),
        2 => set(
            &mut sum.aggregation_temporality,
            AggregationTemporality(r.int32(n, w)?),
        ),
        3 => set(&mut sum.is_monotonic, r.bool(n, w)?),
        _ => r.skip(n, w),
    })?;
    Ok(sum)
}

fn histogram(r: &mut Reader<'_>) -> Decoded<Histogram> {
    let mut histogram = Histogram::default();
    r.fields(|r, n, w| match n {
        1 => push(
            r,
            n,
            w,
            "HistogramDataPoint",
            &mut histogram.data_points,
            histogram_point,
        ),
        2 => set(
            &mut histogram.aggregation_temporality,
            AggregationTemporality(r.int32(n, w)?),
        ),
        _ => r.skip(n, w),
    })?;
    Ok(histogram)
}

fn exponential_histogram(r: &mut Reader<'_>) -> Decoded<ExponentialHistogram> {
    let mut histogram = ExponentialHistogram::default();
    r.fields(|r, n, w| match n {
        1 => push(
            r,
            n,
            w,
            "ExponentialHistogramDataPoint",
            &mut histogram.data_points,
            exponential_point,
        ),
        2 => set(
            &mut histogram.aggregation_temporality,
            AggregationTemporality(r.int32(n, w)?),
        ),
        _ => r.skip(n, w),
    })?;
    Ok(histogram)
}

fn summary(r: &mut Reader<'_>) -> Decoded<Summary> {
    let mut summary = Summary::default();
    r.fields(|r, n, w| match n {
        1 => push(
            r,
            n,
            w,
            "SummaryDataPoint",
            &mut summary.data_points,
            summary_point,
        ),
        _ => r.skip(n, w),
    })?;
    Ok(summary)
}

fn number_point(r: &mut Reader<'_>) -> Decoded<NumberDataPoint> {
    let mut point = NumberDataPoint::default();
    let mut attributes = Map::default();
    fields_with_attributes(r, Holder::NumberPoint, &mut attributes, |r, n, w| match n {
        2 => set(&mut point.start_time_unix_nano, r.fixed64(n, w)?),
        3 => set(&mut point.time_unix_nano, r.fixed64(n, w)?),
        4 => set(&mut point.value, NumberValue::Double(r.double(n, w)?)),
        5 => push(r, n, w, "Exemplar", &mut point.exemplars, exemplar),
        6 => set(&mut point.value, NumberValue::Int(r.fixed64(n, w)? as i64)),
        8 => set(&mut point.flags, r.uint32(n, w)?),
        _ => r.skip(n, w),
    })?;
    point.attributes = attributes;
    Ok(point)
}

fn exemplar(r: &mut Reader<'_>) -> Decoded<Exemplar> {
    let mut exemplar = Exemplar::default();
    let mut attributes = Map::default();
    fields_with_attributes(r, Holder::Exemplar, &mut attributes, |r, n, w| match n {
        2 => set(&mut exemplar.time_unix_nano, r.fixed64(n, w)?),
        3 => set(&mut exemplar.value, NumberValue::Double(r.double(n, w)?)),
        4 => set(&mut exemplar.span_id, r.span_id(n, w)?),
        5 => set(&mut exemplar.trace_id, r.trace_id(n, w)?),
        6 => set(
            &mut exemplar.value,
            NumberValue::Int(r.fixed64(n, w)? as i64),
        ),
        _ => r.skip(n, w),
    })?;
    exemplar.filtered_attributes = attributes;
    Ok(exemplar)
}

fn histogram_point(r: &mut Reader<'_>) -> Decoded<HistogramDataPoint> {
    let mut point = HistogramDataPoint::default();
    let mut attributes = Map::default();
    fields_with_attributes(
        r,
        Holder::HistogramPoint,
        &mut attributes,
        |r, n, w| match n {
            2 => set(&mut point.start_time_unix_nano, r.fixed64(n, w)?),
            3 => set(&mut point.time_unix_nano, r.fixed64(n, w)?),
            4 => set(&mut point.count, r.fixed64(n, w)?),
            5 => set(&mut point.sum, Some(r.double(n, w)?)),
            6 => r.repeated_fixed64(n, w, &mut point.bucket_counts, |v| v),
            7 => r.repeated_fixed64(n, w, &mut point.explicit_bounds, f64::from_bits),
            8 => push(r, n, w, "Exemplar", &mut point.exemplars, exemplar),
            10 => set(&mut point.flags, r.uint32(n, w)?),
            11 => set(&mut point.min, Some(r.double(n, w)?)),
            12 => set(&mut point.max, Some(r.double(n, w)?)),
            _ => r.skip(n, w),
        },
    )?;
    point.attributes = attributes;
    Ok(point)
}

fn exponential_point(r: &mut Reader<'_>) -> Decoded<ExponentialHistogramDataPoint> {
    let mut point = ExponentialHistogramDataPoint::default();
    let mut attributes = Map::default();
    fields_with_attributes(
        r,
        Holder::ExponentialPoint,
        &mut attributes,
        |r, n, w| match n {
            2 => set(&mut point.start_time_unix_nano, r.fixed64(n, w)?),
            3 => set(&mut point.time_unix_nano, r.fixed64(n, w)?),
            4 => set(&mut point.count, r.fixed64(n, w)?),
            5 => set(&mut point.sum, Some(r.double(n, w)?)),
            6 => set(&mut point.scale, r.sint32(n, w)?),
            7 => set(&mut point.zero_count, r.fixed64(n, w)?),
            8 => set(&mut point.positive, r.message(n, w, "Buckets", buckets)?),
            9 => set(&mut point.negative, r.message(n, w, "Buckets", buckets)?),
            10 => set(&mut point.flags, r.uint32(n, w)?),
            11 => push(r, n, w, "Exemplar", &mut point.exemplars, exemplar),
            12 => set(&mut point.min, Some(r.double(n, w)?)),
            13 => set(&mut point.max, Some(r.double(n, w)?)),
            14 => set(&mut point.zero_threshold, r.double(n, w)?),
            _ => r.skip(n, w),
        },
    )?;
    point.attributes = attributes;
    Ok(point)
}

fn buckets(r: &mut Reader<'_>) -> Decoded<Buckets> {
    let mut buckets = Buckets::default();
    r.fields(|r, n, w| match n {
        1 => set(&mut buckets.offset, r.sint32(n, w)?),
        2 => r.repeated_uint64(n, w, &mut buckets.bucket_counts),
        _ => r.skip(n, w),
    })?;
    Ok(buckets)
}

fn summary_point(r: &mut Reader<'_>) -> Decoded<SummaryDataPoint> {
    let mut point = SummaryDataPoint::default();
    let mut attributes = Map::default();
    fields_with_attributes(
        r,
        Holder::SummaryPoint,
        &mut attributes,
        |r, n, w| match n {
            2 => set(&mut point.start_time_unix_nano, r.fixed64(n, w)?),
            3 => set(&mut point.time_unix_nano, r.fixed64(n, w)?),
            4 => set(&mut point.count, r.fixed64(n, w)?),
            5 => set(&mut point.sum, r.double(n, w)?),
            6 => push(
                r,
                n,
                w,
                "ValueAtQuantile",
                &mut point.quantile_values,
                value_at_quantile,
            ),
            8 => set(&mut point.flags, r.uint32(n, w)?),
            _ => r.skip(n, w),
        },
    )?;
    point.attributes = attributes;
    Ok(point)
}

fn value_at_quantile(r: &mut Reader<'_>) -> Decoded<ValueAtQuantile> {
    let mut value = ValueAtQuantile::default();
    r.fields(|r, n, w| match n {
        1 => set(&mut value.quantile, r.double(n, w)?),
        2 => set(&mut value.value, r.double(n, w)?),
        _ => r.skip(n, w),
    })?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// One protobuf field: a key byte, then a one-byte length and `body` (length-delimited
    /// fields), or `body` as it is. `length_off` makes the length lie.
    fn field(key: u8, body: &[u8], length_off: i8) -> Vec<u8> {
        let mut out = vec![key];
        if key & 7 == 2 {
            out.push((body.len() as i16 + i16::from(length_off)).clamp(0, 255) as u8);
        }
        out.extend_from_slice(body);
        out
    }

    /// A length that is mostly right.
    fn length_off() -> impl Strategy<Value = i8> {
        prop_oneof![6 => Just(0), 1 => -1i8..=1]
    }

    /// `AnyValue` bodies near the common encodings: each kind, odd varints and lengths, other
    /// fields, invalid UTF-8.
    fn value_body() -> impl Strategy<Value = Vec<u8>> {
        let bytes = || prop::collection::vec(any::<u8>(), 0..12);
        prop_oneof![
            Just(Vec::new()),
            ("[a-z./=?]{0,40}", length_off()).prop_map(|(text, off)| field(
                0x0a,
                text.as_bytes(),
                off
            )),
            (bytes(), length_off()).prop_map(|(text, off)| field(0x0a, &text, off)),
            prop::collection::vec(0x7fu8..=0x81, 1..12).prop_map(|varint| field(0x18, &varint, 0)),
            (0x80u8..=0xff, 0u8..=3).prop_map(|(high, last)| {
                let mut varint = vec![high; 9];
                varint.push(last);
                field(0x18, &varint, 0)
            }),
            (0u8..=0x81).prop_map(|flag| field(0x10, &[flag], 0)),
            bytes().prop_map(|flag| field(0x10, &flag, 0)),
            any::<[u8; 8]>().prop_map(|number| field(0x21, &number, 0)),
            bytes().prop_map(|number| field(0x21, &number, 0)),
            bytes(),
        ]
    }

    /// A `KeyValue` message near the common encoding.
    fn key_value_body() -> impl Strategy<Value = Vec<u8>> {
        let key = prop_oneof![
            "[a-z.]{0,30}".prop_map(String::into_bytes),
            prop::collection::vec(any::<u8>(), 0..8)
        ];
        (
            key,
            length_off(),
            value_body(),
            length_off(),
            prop::bool::weighted(0.2),
            prop_oneof![4 => Just(Vec::new()), 1 => prop::collection::vec(any::<u8>(), 1..3)],
        )
            .prop_map(|(key, key_off, value, value_off, swapped, extra)| {
                let key = field(0x0a, &key, key_off);
                let value = field(0x12, &value, value_off);
                let mut body = if swapped {
                    [value, key].concat()
                } else {
                    [key, value].concat()
                };
                body.extend(extra);
                body
            })
    }

    fn read_all(data: &[u8], common: bool) -> (Decoded<Vec<KeyValue>>, usize) {
        let mut r = Reader::new(data, "Test");
        let mut entries = Vec::new();
        let read = r.fields(|r, n, w| {
            entries.push(if common {
                entry(r, n, w)?
            } else {
                r.message(n, w, "KeyValue", key_value)?
            });
            Ok(())
        });
        (read.map(|()| entries), r.position())
    }

    #[test]
    fn common_encodings_are_read_in_one_step() {
        // {key: "k", value: {string_value: "v"}}, then {key: "n", value: {int_value: 300}}
        let data = [
            8, 0x0a, 1, b'k', 0x12, 3, 0x0a, 1, b'v', 8, 0x0a, 1, b'n', 0x12, 3, 0x18, 0xac, 0x02,
        ];
        let mut r = Reader::new(&data, "Test");
        assert_eq!(
            r.common_key_value(WireType::Len),
            Some(KeyValue::new("k", "v"))
        );
        assert_eq!(r.position(), 9);
        assert_eq!(
            r.common_key_value(WireType::Len),
            Some(KeyValue::new("n", 300))
        );
        // A kvlist value is left to the general decoder, with nothing read.
        let data = [7, 0x0a, 1, b'k', 0x12, 2, 0x32, 0];
        let mut r = Reader::new(&data, "Test");
        assert_eq!(r.common_key_value(WireType::Len), None);
        assert_eq!(r.position(), 0);
    }

    proptest! {
        /// The one-step reading of common `KeyValue`s reads what the general decoder reads, and
        /// leaves any other encoding, errors included, to it.
        #[test]
        fn common_key_values_read_as_the_general_decoder_reads_them(
            bodies in prop::collection::vec((key_value_body(), length_off()), 1..4),
        ) {
            let data: Vec<u8> = bodies.iter().flat_map(|(body, off)| field(0x0a, body, *off)).collect();
            // Compared as written out, so that a NaN read by both compares equal.
            prop_assert_eq!(
                format!("{:?}", read_all(&data, true)),
                format!("{:?}", read_all(&data, false))
            );
        }
    }
}
