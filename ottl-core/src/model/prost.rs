//! Conversion to and from the prost types of the `opentelemetry-proto` crate (feature `prost`),
//! for a host that already holds telemetry in them: convert a batch in, run a program on the
//! model, convert it back.
//!
//! Both directions are one pass that takes its input by value: vectors of records become
//! vectors of records, strings move where [`Str`] can take them (a string longer than 23 bytes is
//! copied once into a shared one), and nothing is looked up. Into the model the conversion
//! checks what the model's types hold that prost's do not: ids of 16 and 8 bytes (or none), and
//! no `string_value_strindex` (an index into a profiles dictionary, meaningless in logs, traces
//! and metrics). The cost per record is in `docs/PERFORMANCE.md`.
//!
//! ```
//! use ottl_core::model::Logs;
//! use ottl_core::model::prost::opentelemetry_proto::tonic::logs::v1::LogsData;
//!
//! let data = LogsData::default();
//! let logs = Logs::try_from(data)?;
//! let back: LogsData = logs.into();
//! assert_eq!(back, LogsData::default());
//! # Ok::<(), ottl_core::model::prost::FromProstError>(())
//! ```

pub use opentelemetry_proto;

use opentelemetry_proto::tonic::collector::logs::v1::ExportLogsServiceRequest;
use opentelemetry_proto::tonic::collector::metrics::v1::ExportMetricsServiceRequest;
use opentelemetry_proto::tonic::collector::trace::v1::ExportTraceServiceRequest;
use opentelemetry_proto::tonic::common::v1 as pc;
use opentelemetry_proto::tonic::logs::v1 as pl;
use opentelemetry_proto::tonic::metrics::v1 as pm;
use opentelemetry_proto::tonic::resource::v1 as pr;
use opentelemetry_proto::tonic::trace::v1 as pt;

use crate::model::{
    AggregationTemporality, AnyValue, Array, Buckets, EntityRef, Exemplar, ExponentialHistogram,
    ExponentialHistogramDataPoint, Gauge, Histogram, HistogramDataPoint, InstrumentationScope,
    KeyValue, LogRecord, Logs, Map, Metric, MetricData, Metrics, NumberDataPoint, NumberValue,
    Resource, ResourceLogs, ResourceMetrics, ResourceSpans, ScopeLogs, ScopeMetrics, ScopeSpans,
    SeverityNumber, Span, SpanEvent, SpanId, SpanKind, SpanLink, Status, StatusCode, Str, Sum,
    Summary, SummaryDataPoint, TraceId, Traces, ValueAtQuantile,
};

/// What a prost message held that the model cannot.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FromProstError {
    /// A trace or span id of another length than 16 or 8 bytes (or none).
    #[error("id of {found} bytes, expected {expected}")]
    IdLength {
        /// 16 for a trace id, 8 for a span id.
        expected: usize,
        /// Bytes in the message.
        found: usize,
    },
    /// An `AnyValue` set to `string_value_strindex`, which only profiles give a meaning.
    #[error("AnyValue.string_value_strindex is only meaningful in profiles")]
    StringIndex,
}

type Converted<T> = Result<T, FromProstError>;

// ---- into the model ----

fn trace_id(bytes: Vec<u8>) -> Converted<TraceId> {
    match bytes.len() {
        0 => Ok(TraceId::default()),
        found => <[u8; 16]>::try_from(bytes)
            .map(TraceId)
            .map_err(|_| FromProstError::IdLength {
                expected: 16,
                found,
            }),
    }
}

fn span_id(bytes: Vec<u8>) -> Converted<SpanId> {
    match bytes.len() {
        0 => Ok(SpanId::default()),
        found => <[u8; 8]>::try_from(bytes)
            .map(SpanId)
            .map_err(|_| FromProstError::IdLength { expected: 8, found }),
    }
}

fn any_value(value: Option<pc::AnyValue>) -> Converted<AnyValue> {
    use pc::any_value::Value;
    Ok(match value.and_then(|value| value.value) {
        None => AnyValue::Empty,
        Some(Value::StringValue(text)) => AnyValue::Str(Str::from(text)),
        Some(Value::BoolValue(flag)) => AnyValue::Bool(flag),
        Some(Value::IntValue(number)) => AnyValue::Int(number),
        Some(Value::DoubleValue(number)) => AnyValue::Double(number),
        Some(Value::BytesValue(bytes)) => AnyValue::Bytes(bytes),
        Some(Value::ArrayValue(array)) => AnyValue::Array(
            array
                .values
                .into_iter()
                .map(|item| any_value(Some(item)))
                .collect::<Converted<Array>>()?,
        ),
        Some(Value::KvlistValue(list)) => AnyValue::KvList(attributes(list.values)?),
        Some(Value::StringValueStrindex(_)) => return Err(FromProstError::StringIndex),
    })
}

/// Key/value pairs as a map, kept as they are (duplicates included, as the decoders keep them).
fn attributes(pairs: Vec<pc::KeyValue>) -> Converted<Map> {
    let mut entries = Vec::with_capacity(pairs.len());
    for pair in pairs {
        entries.push(KeyValue {
            key: Str::from(pair.key),
            value: any_value(pair.value)?,
        });
    }
    Ok(Map::from_decoded(entries))
}

fn strings(strings: Vec<String>) -> Vec<Str> {
    strings.into_iter().map(Str::from).collect()
}

fn resource(resource: Option<pr::Resource>) -> Converted<Resource> {
    let Some(resource) = resource else {
        return Ok(Resource::default());
    };
    Ok(Resource {
        attributes: attributes(resource.attributes)?,
        dropped_attributes_count: resource.dropped_attributes_count,
        entity_refs: resource
            .entity_refs
            .into_iter()
            .map(|entity| EntityRef {
                schema_url: Str::from(entity.schema_url),
                entity_type: Str::from(entity.r#type),
                id_keys: strings(entity.id_keys),
                description_keys: strings(entity.description_keys),
            })
            .collect(),
    })
}

fn scope(scope: Option<pc::InstrumentationScope>) -> Converted<InstrumentationScope> {
    let Some(scope) = scope else {
        return Ok(InstrumentationScope::default());
    };
    Ok(InstrumentationScope {
        name: Str::from(scope.name),
        version: Str::from(scope.version),
        attributes: attributes(scope.attributes)?,
        dropped_attributes_count: scope.dropped_attributes_count,
    })
}

fn log_record(log: pl::LogRecord) -> Converted<LogRecord> {
    Ok(LogRecord {
        time_unix_nano: log.time_unix_nano,
        observed_time_unix_nano: log.observed_time_unix_nano,
        severity_number: SeverityNumber(log.severity_number),
        severity_text: Str::from(log.severity_text),
        body: any_value(log.body)?,
        attributes: attributes(log.attributes)?,
        dropped_attributes_count: log.dropped_attributes_count,
        flags: log.flags,
        trace_id: trace_id(log.trace_id)?,
        span_id: span_id(log.span_id)?,
        event_name: Str::from(log.event_name),
    })
}

fn resource_logs(resource_logs: Vec<pl::ResourceLogs>) -> Converted<Logs> {
    let resource_logs = resource_logs
        .into_iter()
        .map(|rl| {
            Ok(ResourceLogs {
                resource: resource(rl.resource)?,
                scope_logs: rl
                    .scope_logs
                    .into_iter()
                    .map(|sl| {
                        Ok(ScopeLogs {
                            scope: scope(sl.scope)?,
                            log_records: sl
                                .log_records
                                .into_iter()
                                .map(log_record)
                                .collect::<Converted<_>>()?,
                            schema_url: Str::from(sl.schema_url),
                        })
                    })
                    .collect::<Converted<_>>()?,
                schema_url: Str::from(rl.schema_url),
            })
        })
        .collect::<Converted<_>>()?;
    Ok(Logs { resource_logs })
}

impl TryFrom<pl::LogsData> for Logs {
    type Error = FromProstError;

    fn try_from(data: pl::LogsData) -> Converted<Self> {
        resource_logs(data.resource_logs)
    }
}

impl TryFrom<ExportLogsServiceRequest> for Logs {
    type Error = FromProstError;

    fn try_from(request: ExportLogsServiceRequest) -> Converted<Self> {
        resource_logs(request.resource_logs)
    }
}

fn span(span: pt::Span) -> Converted<Span> {
    let status = span.status.unwrap_or_default();
    Ok(Span {
        trace_id: trace_id(span.trace_id)?,
        span_id: span_id(span.span_id)?,
        trace_state: Str::from(span.trace_state),
        parent_span_id: span_id(span.parent_span_id)?,
        flags: span.flags,
        name: Str::from(span.name),
        kind: SpanKind(span.kind),
        start_time_unix_nano: span.start_time_unix_nano,
        end_time_unix_nano: span.end_time_unix_nano,
        attributes: attributes(span.attributes)?,
        dropped_attributes_count: span.dropped_attributes_count,
        events: span
            .events
            .into_iter()
            .map(|event| {
                Ok(SpanEvent {
                    time_unix_nano: event.time_unix_nano,
                    name: Str::from(event.name),
                    attributes: attributes(event.attributes)?,
                    dropped_attributes_count: event.dropped_attributes_count,
                })
            })
            .collect::<Converted<_>>()?,
        dropped_events_count: span.dropped_events_count,
        links: span
            .links
            .into_iter()
            .map(|link| {
                Ok(SpanLink {
                    trace_id: trace_id(link.trace_id)?,
                    span_id: span_id(link.span_id)?,
                    trace_state: Str::from(link.trace_state),
                    attributes: attributes(link.attributes)?,
                    dropped_attributes_count: link.dropped_attributes_count,
                    flags: link.flags,
                })
            })
            .collect::<Converted<_>>()?,
        dropped_links_count: span.dropped_links_count,
        status: Status {
            message: Str::from(status.message),
            code: StatusCode(status.code),
        },
    })
}

fn resource_spans(resource_spans: Vec<pt::ResourceSpans>) -> Converted<Traces> {
    let resource_spans = resource_spans
        .into_iter()
        .map(|rs| {
            Ok(ResourceSpans {
                resource: resource(rs.resource)?,
                scope_spans: rs
                    .scope_spans
                    .into_iter()
                    .map(|ss| {
                        Ok(ScopeSpans {
                            scope: scope(ss.scope)?,
                            spans: ss.spans.into_iter().map(span).collect::<Converted<_>>()?,
                            schema_url: Str::from(ss.schema_url),
                        })
                    })
                    .collect::<Converted<_>>()?,
                schema_url: Str::from(rs.schema_url),
            })
        })
        .collect::<Converted<_>>()?;
    Ok(Traces { resource_spans })
}

impl TryFrom<pt::TracesData> for Traces {
    type Error = FromProstError;

    fn try_from(data: pt::TracesData) -> Converted<Self> {
        resource_spans(data.resource_spans)
    }
}

impl TryFrom<ExportTraceServiceRequest> for Traces {
    type Error = FromProstError;

    fn try_from(request: ExportTraceServiceRequest) -> Converted<Self> {
        resource_spans(request.resource_spans)
    }
}

fn exemplars(exemplars: Vec<pm::Exemplar>) -> Converted<Vec<Exemplar>> {
    use pm::exemplar::Value;
    exemplars
        .into_iter()
        .map(|exemplar| {
            Ok(Exemplar {
                filtered_attributes: attributes(exemplar.filtered_attributes)?,
                time_unix_nano: exemplar.time_unix_nano,
                value: match exemplar.value {
                    None => NumberValue::None,
                    Some(Value::AsDouble(number)) => NumberValue::Double(number),
                    Some(Value::AsInt(number)) => NumberValue::Int(number),
                },
                span_id: span_id(exemplar.span_id)?,
                trace_id: trace_id(exemplar.trace_id)?,
            })
        })
        .collect()
}

fn number_points(points: Vec<pm::NumberDataPoint>) -> Converted<Vec<NumberDataPoint>> {
    use pm::number_data_point::Value;
    points
        .into_iter()
        .map(|point| {
            Ok(NumberDataPoint {
                attributes: attributes(point.attributes)?,
                start_time_unix_nano: point.start_time_unix_nano,
                time_unix_nano: point.time_unix_nano,
                value: match point.value {
                    None => NumberValue::None,
                    Some(Value::AsDouble(number)) => NumberValue::Double(number),
                    Some(Value::AsInt(number)) => NumberValue::Int(number),
                },
                exemplars: exemplars(point.exemplars)?,
                flags: point.flags,
            })
        })
        .collect()
}

fn buckets(buckets: Option<pm::exponential_histogram_data_point::Buckets>) -> Buckets {
    let buckets = buckets.unwrap_or_default();
    Buckets {
        offset: buckets.offset,
        bucket_counts: buckets.bucket_counts,
    }
}

fn metric_data(data: Option<pm::metric::Data>) -> Converted<MetricData> {
    use pm::metric::Data;
    Ok(match data {
        None => MetricData::Empty,
        Some(Data::Gauge(gauge)) => MetricData::Gauge(Gauge {
            data_points: number_points(gauge.data_points)?,
        }),
        Some(Data::Sum(sum)) => MetricData::Sum(Sum {
            data_points: number_points(sum.data_points)?,
            aggregation_temporality: AggregationTemporality(sum.aggregation_temporality),
            is_monotonic: sum.is_monotonic,
        }),
        Some(Data::Histogram(histogram)) => MetricData::Histogram(Histogram {
            data_points: histogram
                .data_points
                .into_iter()
                .map(|point| {
                    Ok(HistogramDataPoint {
                        attributes: attributes(point.attributes)?,
                        start_time_unix_nano: point.start_time_unix_nano,
                        time_unix_nano: point.time_unix_nano,
                        count: point.count,
                        sum: point.sum,
                        bucket_counts: point.bucket_counts,
                        explicit_bounds: point.explicit_bounds,
                        exemplars: exemplars(point.exemplars)?,
                        flags: point.flags,
                        min: point.min,
                        max: point.max,
                    })
                })
                .collect::<Converted<_>>()?,
            aggregation_temporality: AggregationTemporality(histogram.aggregation_temporality),
        }),
        Some(Data::ExponentialHistogram(histogram)) => {
            MetricData::ExponentialHistogram(ExponentialHistogram {
                data_points: histogram
                    .data_points
                    .into_iter()
                    .map(|point| {
                        Ok(ExponentialHistogramDataPoint {
                            attributes: attributes(point.attributes)?,
                            start_time_unix_nano: point.start_time_unix_nano,
                            time_unix_nano: point.time_unix_nano,
                            count: point.count,
                            sum: point.sum,
                            scale: point.scale,
                            zero_count: point.zero_count,
                            positive: buckets(point.positive),
                            negative: buckets(point.negative),
                            flags: point.flags,
                            exemplars: exemplars(point.exemplars)?,
                            min: point.min,
                            max: point.max,
                            zero_threshold: point.zero_threshold,
                        })
                    })
                    .collect::<Converted<_>>()?,
                aggregation_temporality: AggregationTemporality(histogram.aggregation_temporality),
            })
        }
        Some(Data::Summary(summary)) => MetricData::Summary(Summary {
            data_points: summary
                .data_points
                .into_iter()
                .map(|point| {
                    Ok(SummaryDataPoint {
                        attributes: attributes(point.attributes)?,
                        start_time_unix_nano: point.start_time_unix_nano,
                        time_unix_nano: point.time_unix_nano,
                        count: point.count,
                        sum: point.sum,
                        quantile_values: point
                            .quantile_values
                            .into_iter()
                            .map(|q| ValueAtQuantile {
                                quantile: q.quantile,
                                value: q.value,
                            })
                            .collect(),
                        flags: point.flags,
                    })
                })
                .collect::<Converted<_>>()?,
        }),
    })
}

fn metric(metric: pm::Metric) -> Converted<Metric> {
    Ok(Metric {
        name: Str::from(metric.name),
        description: Str::from(metric.description),
        unit: Str::from(metric.unit),
        data: metric_data(metric.data)?,
        metadata: attributes(metric.metadata)?,
    })
}

fn resource_metrics(resource_metrics: Vec<pm::ResourceMetrics>) -> Converted<Metrics> {
    let resource_metrics = resource_metrics
        .into_iter()
        .map(|rm| {
            Ok(ResourceMetrics {
                resource: resource(rm.resource)?,
                scope_metrics: rm
                    .scope_metrics
                    .into_iter()
                    .map(|sm| {
                        Ok(ScopeMetrics {
                            scope: scope(sm.scope)?,
                            metrics: sm
                                .metrics
                                .into_iter()
                                .map(metric)
                                .collect::<Converted<_>>()?,
                            schema_url: Str::from(sm.schema_url),
                        })
                    })
                    .collect::<Converted<_>>()?,
                schema_url: Str::from(rm.schema_url),
            })
        })
        .collect::<Converted<_>>()?;
    Ok(Metrics { resource_metrics })
}

impl TryFrom<pm::MetricsData> for Metrics {
    type Error = FromProstError;

    fn try_from(data: pm::MetricsData) -> Converted<Self> {
        resource_metrics(data.resource_metrics)
    }
}

impl TryFrom<ExportMetricsServiceRequest> for Metrics {
    type Error = FromProstError;

    fn try_from(request: ExportMetricsServiceRequest) -> Converted<Self> {
        resource_metrics(request.resource_metrics)
    }
}

// ---- out of the model ----

fn id_bytes(id: &[u8]) -> Vec<u8> {
    if id.iter().all(|&b| b == 0) {
        Vec::new()
    } else {
        id.to_vec()
    }
}

fn to_any_value(value: AnyValue) -> pc::AnyValue {
    use pc::any_value::Value;
    pc::AnyValue {
        value: match value {
            AnyValue::Empty => None,
            AnyValue::Str(text) => Some(Value::StringValue(text.into())),
            AnyValue::Bool(flag) => Some(Value::BoolValue(flag)),
            AnyValue::Int(number) => Some(Value::IntValue(number)),
            AnyValue::Double(number) => Some(Value::DoubleValue(number)),
            AnyValue::Bytes(bytes) => Some(Value::BytesValue(bytes)),
            AnyValue::Array(items) => Some(Value::ArrayValue(pc::ArrayValue {
                values: items.into_vec().into_iter().map(to_any_value).collect(),
            })),
            AnyValue::KvList(map) => Some(Value::KvlistValue(pc::KeyValueList {
                values: to_attributes(map),
            })),
        },
    }
}

fn to_attributes(map: Map) -> Vec<pc::KeyValue> {
    map.into_entries()
        .into_iter()
        .map(|entry| pc::KeyValue {
            key: entry.key.into(),
            value: Some(to_any_value(entry.value)),
            key_strindex: 0,
        })
        .collect()
}

fn to_resource(resource: Resource) -> Option<pr::Resource> {
    Some(pr::Resource {
        attributes: to_attributes(resource.attributes),
        dropped_attributes_count: resource.dropped_attributes_count,
        entity_refs: resource
            .entity_refs
            .into_iter()
            .map(|entity| pc::EntityRef {
                schema_url: entity.schema_url.into(),
                r#type: entity.entity_type.into(),
                id_keys: entity.id_keys.into_iter().map(String::from).collect(),
                description_keys: entity
                    .description_keys
                    .into_iter()
                    .map(String::from)
                    .collect(),
            })
            .collect(),
    })
}

fn to_scope(scope: InstrumentationScope) -> Option<pc::InstrumentationScope> {
    Some(pc::InstrumentationScope {
        name: scope.name.into(),
        version: scope.version.into(),
        attributes: to_attributes(scope.attributes),
        dropped_attributes_count: scope.dropped_attributes_count,
    })
}

fn to_log_record(log: LogRecord) -> pl::LogRecord {
    pl::LogRecord {
        time_unix_nano: log.time_unix_nano,
        observed_time_unix_nano: log.observed_time_unix_nano,
        severity_number: log.severity_number.0,
        severity_text: log.severity_text.into(),
        body: Some(to_any_value(log.body)),
        attributes: to_attributes(log.attributes),
        dropped_attributes_count: log.dropped_attributes_count,
        flags: log.flags,
        trace_id: id_bytes(&log.trace_id.0),
        span_id: id_bytes(&log.span_id.0),
        event_name: log.event_name.into(),
    }
}

fn to_resource_logs(logs: Logs) -> Vec<pl::ResourceLogs> {
    logs.resource_logs
        .into_iter()
        .map(|rl| pl::ResourceLogs {
            resource: to_resource(rl.resource),
            scope_logs: rl
                .scope_logs
                .into_iter()
                .map(|sl| pl::ScopeLogs {
                    scope: to_scope(sl.scope),
                    log_records: sl.log_records.into_iter().map(to_log_record).collect(),
                    schema_url: sl.schema_url.into(),
                })
                .collect(),
            schema_url: rl.schema_url.into(),
        })
        .collect()
}

impl From<Logs> for pl::LogsData {
    fn from(logs: Logs) -> Self {
        Self {
            resource_logs: to_resource_logs(logs),
        }
    }
}

impl From<Logs> for ExportLogsServiceRequest {
    fn from(logs: Logs) -> Self {
        Self {
            resource_logs: to_resource_logs(logs),
        }
    }
}

fn to_span(span: Span) -> pt::Span {
    pt::Span {
        trace_id: id_bytes(&span.trace_id.0),
        span_id: id_bytes(&span.span_id.0),
        trace_state: span.trace_state.into(),
        parent_span_id: id_bytes(&span.parent_span_id.0),
        flags: span.flags,
        name: span.name.into(),
        kind: span.kind.0,
        start_time_unix_nano: span.start_time_unix_nano,
        end_time_unix_nano: span.end_time_unix_nano,
        attributes: to_attributes(span.attributes),
        dropped_attributes_count: span.dropped_attributes_count,
        events: span
            .events
            .into_iter()
            .map(|event| pt::span::Event {
                time_unix_nano: event.time_unix_nano,
                name: event.name.into(),
                attributes: to_attributes(event.attributes),
                dropped_attributes_count: event.dropped_attributes_count,
            })
            .collect(),
        dropped_events_count: span.dropped_events_count,
        links: span
            .links
            .into_iter()
            .map(|link| pt::span::Link {
                trace_id: id_bytes(&link.trace_id.0),
                span_id: id_bytes(&link.span_id.0),
                trace_state: link.trace_state.into(),
                attributes: to_attributes(link.attributes),
                dropped_attributes_count: link.dropped_attributes_count,
                flags: link.flags,
            })
            .collect(),
        dropped_links_count: span.dropped_links_count,
        status: Some(pt::Status {
            message: span.status.message.into(),
            code: span.status.code.0,
        }),
    }
}

fn to_resource_spans(traces: Traces) -> Vec<pt::ResourceSpans> {
    traces
        .resource_spans
        .into_iter()
        .map(|rs| pt::ResourceSpans {
            resource: to_resource(rs.resource),
            scope_spans: rs
                .scope_spans
                .into_iter()
                .map(|ss| pt::ScopeSpans {
                    scope: to_scope(ss.scope),
                    spans: ss.spans.into_iter().map(to_span).collect(),
                    schema_url: ss.schema_url.into(),
                })
                .collect(),
            schema_url: rs.schema_url.into(),
        })
        .collect()
}

impl From<Traces> for pt::TracesData {
    fn from(traces: Traces) -> Self {
        Self {
            resource_spans: to_resource_spans(traces),
        }
    }
}

impl From<Traces> for ExportTraceServiceRequest {
    fn from(traces: Traces) -> Self {
        Self {
            resource_spans: to_resource_spans(traces),
        }
    }
}

fn to_exemplars(exemplars: Vec<Exemplar>) -> Vec<pm::Exemplar> {
    use pm::exemplar::Value;
    exemplars
        .into_iter()
        .map(|exemplar| pm::Exemplar {
            filtered_attributes: to_attributes(exemplar.filtered_attributes),
            time_unix_nano: exemplar.time_unix_nano,
            span_id: id_bytes(&exemplar.span_id.0),
            trace_id: id_bytes(&exemplar.trace_id.0),
            value: match exemplar.value {
                NumberValue::None => None,
                NumberValue::Double(number) => Some(Value::AsDouble(number)),
                NumberValue::Int(number) => Some(Value::AsInt(number)),
            },
        })
        .collect()
}

fn to_number_points(points: Vec<NumberDataPoint>) -> Vec<pm::NumberDataPoint> {
    use pm::number_data_point::Value;
    points
        .into_iter()
        .map(|point| pm::NumberDataPoint {
            attributes: to_attributes(point.attributes),
            start_time_unix_nano: point.start_time_unix_nano,
            time_unix_nano: point.time_unix_nano,
            exemplars: to_exemplars(point.exemplars),
            flags: point.flags,
            value: match point.value {
                NumberValue::None => None,
                NumberValue::Double(number) => Some(Value::AsDouble(number)),
                NumberValue::Int(number) => Some(Value::AsInt(number)),
            },
        })
        .collect()
}

fn to_buckets(buckets: Buckets) -> Option<pm::exponential_histogram_data_point::Buckets> {
    Some(pm::exponential_histogram_data_point::Buckets {
        offset: buckets.offset,
        bucket_counts: buckets.bucket_counts,
    })
}

fn to_metric_data(data: MetricData) -> Option<pm::metric::Data> {
    use pm::metric::Data;
    Some(match data {
        MetricData::Empty => return None,
        MetricData::Gauge(gauge) => Data::Gauge(pm::Gauge {
            data_points: to_number_points(gauge.data_points),
        }),
        MetricData::Sum(sum) => Data::Sum(pm::Sum {
            data_points: to_number_points(sum.data_points),
            aggregation_temporality: sum.aggregation_temporality.0,
            is_monotonic: sum.is_monotonic,
        }),
        MetricData::Histogram(histogram) => Data::Histogram(pm::Histogram {
            data_points: histogram
                .data_points
                .into_iter()
                .map(|point| pm::HistogramDataPoint {
                    attributes: to_attributes(point.attributes),
                    start_time_unix_nano: point.start_time_unix_nano,
                    time_unix_nano: point.time_unix_nano,
                    count: point.count,
                    sum: point.sum,
                    bucket_counts: point.bucket_counts,
                    explicit_bounds: point.explicit_bounds,
                    exemplars: to_exemplars(point.exemplars),
                    flags: point.flags,
                    min: point.min,
                    max: point.max,
                })
                .collect(),
            aggregation_temporality: histogram.aggregation_temporality.0,
        }),
        MetricData::ExponentialHistogram(histogram) => {
            Data::ExponentialHistogram(pm::ExponentialHistogram {
                data_points: histogram
                    .data_points
                    .into_iter()
                    .map(|point| pm::ExponentialHistogramDataPoint {
                        attributes: to_attributes(point.attributes),
                        start_time_unix_nano: point.start_time_unix_nano,
                        time_unix_nano: point.time_unix_nano,
                        count: point.count,
                        sum: point.sum,
                        scale: point.scale,
                        zero_count: point.zero_count,
                        positive: to_buckets(point.positive),
                        negative: to_buckets(point.negative),
                        flags: point.flags,
                        exemplars: to_exemplars(point.exemplars),
                        min: point.min,
                        max: point.max,
                        zero_threshold: point.zero_threshold,
                    })
                    .collect(),
                aggregation_temporality: histogram.aggregation_temporality.0,
            })
        }
        MetricData::Summary(summary) => Data::Summary(pm::Summary {
            data_points: summary
                .data_points
                .into_iter()
                .map(|point| pm::SummaryDataPoint {
                    attributes: to_attributes(point.attributes),
                    start_time_unix_nano: point.start_time_unix_nano,
                    time_unix_nano: point.time_unix_nano,
                    count: point.count,
                    sum: point.sum,
                    quantile_values: point
                        .quantile_values
                        .into_iter()
                        .map(|q| pm::summary_data_point::ValueAtQuantile {
                            quantile: q.quantile,
                            value: q.value,
                        })
                        .collect(),
                    flags: point.flags,
                })
                .collect(),
        }),
    })
}

fn to_resource_metrics(metrics: Metrics) -> Vec<pm::ResourceMetrics> {
    metrics
        .resource_metrics
        .into_iter()
        .map(|rm| pm::ResourceMetrics {
            resource: to_resource(rm.resource),
            scope_metrics: rm
                .scope_metrics
                .into_iter()
                .map(|sm| pm::ScopeMetrics {
                    scope: to_scope(sm.scope),
                    metrics: sm
                        .metrics
                        .into_iter()
                        .map(|metric| pm::Metric {
                            name: metric.name.into(),
                            description: metric.description.into(),
                            unit: metric.unit.into(),
                            metadata: to_attributes(metric.metadata),
                            data: to_metric_data(metric.data),
                        })
                        .collect(),
                    schema_url: sm.schema_url.into(),
                })
                .collect(),
            schema_url: rm.schema_url.into(),
        })
        .collect()
}

impl From<Metrics> for pm::MetricsData {
    fn from(metrics: Metrics) -> Self {
        Self {
            resource_metrics: to_resource_metrics(metrics),
        }
    }
}

impl From<Metrics> for ExportMetricsServiceRequest {
    fn from(metrics: Metrics) -> Self {
        Self {
            resource_metrics: to_resource_metrics(metrics),
        }
    }
}
