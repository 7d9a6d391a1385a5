//! Random models survive encode → decode unchanged.

use ottl_core::model::json;
use ottl_core::model::*;
use proptest::prelude::*;

fn text() -> impl Strategy<Value = Str> {
    prop_oneof![Just(String::new()), "[a-z.]{1,12}", "\\PC{0,40}"].prop_map(Str::from)
}

/// Doubles, with -0 folded into 0 where pdata leaves zero out (so -0 cannot survive).
fn double() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(1e21),
        Just(1e-7)
    ]
}

fn omittable_double() -> impl Strategy<Value = f64> {
    double().prop_map(|x| if x == 0.0 { 0.0 } else { x })
}

fn any_value() -> impl Strategy<Value = AnyValue> {
    let leaf = prop_oneof![
        Just(AnyValue::Empty),
        text().prop_map(AnyValue::Str),
        any::<bool>().prop_map(AnyValue::Bool),
        any::<i64>().prop_map(AnyValue::Int),
        double().prop_map(AnyValue::Double),
        prop::collection::vec(any::<u8>(), 0..8).prop_map(AnyValue::Bytes),
    ];
    leaf.prop_recursive(4, 32, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(|v| AnyValue::Array(v.into())),
            prop::collection::vec((text(), inner), 0..4)
                .prop_map(|entries| AnyValue::KvList(entries.into_iter().collect())),
        ]
    })
}

fn attributes() -> impl Strategy<Value = Map> {
    prop::collection::vec((text(), any_value()), 0..20)
        .prop_map(|entries| entries.into_iter().collect())
}

fn resource() -> impl Strategy<Value = Resource> {
    (
        attributes(),
        any::<u32>(),
        prop::collection::vec((text(), text(), prop::collection::vec(text(), 0..3)), 0..2),
    )
        .prop_map(|(attributes, dropped_attributes_count, refs)| Resource {
            attributes,
            dropped_attributes_count,
            entity_refs: refs
                .into_iter()
                .map(|(schema_url, entity_type, id_keys)| EntityRef {
                    schema_url,
                    entity_type,
                    description_keys: id_keys.clone(),
                    id_keys,
                })
                .collect(),
        })
}

fn scope() -> impl Strategy<Value = InstrumentationScope> {
    (text(), text(), attributes(), any::<u32>()).prop_map(|(name, version, attributes, dropped)| {
        InstrumentationScope {
            name,
            version,
            attributes,
            dropped_attributes_count: dropped,
        }
    })
}

fn log_record() -> impl Strategy<Value = LogRecord> {
    (
        (
            any::<u64>(),
            any::<u64>(),
            any::<i32>(),
            text(),
            any_value(),
            attributes(),
        ),
        (
            any::<u32>(),
            any::<u32>(),
            any::<[u8; 16]>(),
            any::<[u8; 8]>(),
            text(),
        ),
    )
        .prop_map(
            |((time, observed, severity, severity_text, body, attributes), rest)| {
                let (dropped, flags, trace_id, span_id, event_name) = rest;
                LogRecord {
                    time_unix_nano: time,
                    observed_time_unix_nano: observed,
                    severity_number: SeverityNumber(severity),
                    severity_text,
                    body,
                    attributes,
                    dropped_attributes_count: dropped,
                    flags,
                    trace_id: TraceId(trace_id),
                    span_id: SpanId(span_id),
                    event_name,
                }
            },
        )
}

fn logs() -> impl Strategy<Value = Logs> {
    let scope_logs = (scope(), prop::collection::vec(log_record(), 0..3), text()).prop_map(
        |(scope, log_records, schema_url)| ScopeLogs {
            scope,
            log_records,
            schema_url,
        },
    );
    let resource_logs = (resource(), prop::collection::vec(scope_logs, 0..3), text()).prop_map(
        |(resource, scope_logs, schema_url)| ResourceLogs {
            resource,
            scope_logs,
            schema_url,
        },
    );
    prop::collection::vec(resource_logs, 0..3).prop_map(|resource_logs| Logs { resource_logs })
}

fn span() -> impl Strategy<Value = Span> {
    let event =
        (any::<u64>(), text(), attributes(), any::<u32>()).prop_map(|(t, name, attributes, d)| {
            SpanEvent {
                time_unix_nano: t,
                name,
                attributes,
                dropped_attributes_count: d,
            }
        });
    let link = (
        any::<[u8; 16]>(),
        any::<[u8; 8]>(),
        text(),
        attributes(),
        any::<u32>(),
        any::<u32>(),
    )
        .prop_map(|(t, s, trace_state, attributes, d, flags)| SpanLink {
            trace_id: TraceId(t),
            span_id: SpanId(s),
            trace_state,
            attributes,
            dropped_attributes_count: d,
            flags,
        });
    (
        (
            any::<[u8; 16]>(),
            any::<[u8; 8]>(),
            text(),
            any::<[u8; 8]>(),
            any::<u32>(),
            text(),
            any::<i32>(),
        ),
        (
            any::<u64>(),
            any::<u64>(),
            attributes(),
            prop::collection::vec(event, 0..3),
        ),
        (
            prop::collection::vec(link, 0..3),
            any::<[u32; 3]>(),
            text(),
            any::<i32>(),
        ),
    )
        .prop_map(|(ids, body, tail)| {
            let (trace_id, span_id, trace_state, parent, flags, name, kind) = ids;
            let (start, end, attributes, events) = body;
            let (links, [dropped_attributes, dropped_events, dropped_links], message, code) = tail;
            Span {
                trace_id: TraceId(trace_id),
                span_id: SpanId(span_id),
                trace_state,
                parent_span_id: SpanId(parent),
                flags,
                name,
                kind: SpanKind(kind),
                start_time_unix_nano: start,
                end_time_unix_nano: end,
                attributes,
                dropped_attributes_count: dropped_attributes,
                events,
                dropped_events_count: dropped_events,
                links,
                dropped_links_count: dropped_links,
                status: Status {
                    message,
                    code: StatusCode(code),
                },
            }
        })
}

fn traces() -> impl Strategy<Value = Traces> {
    let scope_spans = (scope(), prop::collection::vec(span(), 0..3), text()).prop_map(
        |(scope, spans, schema_url)| ScopeSpans {
            scope,
            spans,
            schema_url,
        },
    );
    (resource(), prop::collection::vec(scope_spans, 0..3), text()).prop_map(
        |(resource, scope_spans, schema_url)| Traces {
            resource_spans: vec![ResourceSpans {
                resource,
                scope_spans,
                schema_url,
            }],
        },
    )
}

fn number_value() -> impl Strategy<Value = NumberValue> {
    prop_oneof![
        Just(NumberValue::None),
        double().prop_map(NumberValue::Double),
        any::<i64>().prop_map(NumberValue::Int)
    ]
}

fn exemplars() -> impl Strategy<Value = Vec<Exemplar>> {
    let exemplar = (
        attributes(),
        any::<u64>(),
        number_value(),
        any::<[u8; 8]>(),
        any::<[u8; 16]>(),
    )
        .prop_map(|(filtered_attributes, t, value, s, tr)| Exemplar {
            filtered_attributes,
            time_unix_nano: t,
            value,
            span_id: SpanId(s),
            trace_id: TraceId(tr),
        });
    prop::collection::vec(exemplar, 0..2)
}

fn optional_double() -> impl Strategy<Value = Option<f64>> {
    prop::option::of(double())
}

fn metric_data() -> impl Strategy<Value = MetricData> {
    let number_point = || {
        (
            attributes(),
            any::<[u64; 2]>(),
            number_value(),
            exemplars(),
            any::<u32>(),
        )
            .prop_map(|(attributes, [start, time], value, exemplars, flags)| {
                NumberDataPoint {
                    attributes,
                    start_time_unix_nano: start,
                    time_unix_nano: time,
                    value,
                    exemplars,
                    flags,
                }
            })
    };
    let histogram_point = (
        (
            attributes(),
            any::<[u64; 3]>(),
            optional_double(),
            prop::collection::vec(any::<u64>(), 0..4),
        ),
        (
            prop::collection::vec(double(), 0..3),
            exemplars(),
            any::<u32>(),
            optional_double(),
            optional_double(),
        ),
    )
        .prop_map(
            |((attributes, [start, time, count], sum, bucket_counts), rest)| {
                let (explicit_bounds, exemplars, flags, min, max) = rest;
                HistogramDataPoint {
                    attributes,
                    start_time_unix_nano: start,
                    time_unix_nano: time,
                    count,
                    sum,
                    bucket_counts,
                    explicit_bounds,
                    exemplars,
                    flags,
                    min,
                    max,
                }
            },
        );
    let buckets = (any::<i32>(), prop::collection::vec(any::<u64>(), 0..3)).prop_map(
        |(offset, bucket_counts)| Buckets {
            offset,
            bucket_counts,
        },
    );
    let exponential_point = (
        (
            attributes(),
            any::<[u64; 4]>(),
            optional_double(),
            any::<i32>(),
            buckets.clone(),
            buckets,
        ),
        (
            any::<u32>(),
            exemplars(),
            optional_double(),
            optional_double(),
            omittable_double(),
        ),
    )
        .prop_map(
            |(
                (attributes, [start, time, count, zero_count], sum, scale, positive, negative),
                rest,
            )| {
                let (flags, exemplars, min, max, zero_threshold) = rest;
                ExponentialHistogramDataPoint {
                    attributes,
                    start_time_unix_nano: start,
                    time_unix_nano: time,
                    count,
                    sum,
                    scale,
                    zero_count,
                    positive,
                    negative,
                    flags,
                    exemplars,
                    min,
                    max,
                    zero_threshold,
                }
            },
        );
    let quantile = (omittable_double(), omittable_double())
        .prop_map(|(quantile, value)| ValueAtQuantile { quantile, value });
    let summary_point = (
        attributes(),
        any::<[u64; 3]>(),
        omittable_double(),
        prop::collection::vec(quantile, 0..3),
        any::<u32>(),
    )
        .prop_map(
            |(attributes, [start, time, count], sum, quantile_values, flags)| SummaryDataPoint {
                attributes,
                start_time_unix_nano: start,
                time_unix_nano: time,
                count,
                sum,
                quantile_values,
                flags,
            },
        );
    let points = |s| prop::collection::vec(s, 0..3);
    prop_oneof![
        Just(MetricData::Empty),
        points(number_point()).prop_map(|data_points| MetricData::Gauge(Gauge { data_points })),
        (points(number_point()), any::<i32>(), any::<bool>()).prop_map(
            |(data_points, t, is_monotonic)| {
                MetricData::Sum(Sum {
                    data_points,
                    aggregation_temporality: AggregationTemporality(t),
                    is_monotonic,
                })
            }
        ),
        (prop::collection::vec(histogram_point, 0..3), any::<i32>()).prop_map(
            |(data_points, t)| {
                MetricData::Histogram(Histogram {
                    data_points,
                    aggregation_temporality: AggregationTemporality(t),
                })
            }
        ),
        (prop::collection::vec(exponential_point, 0..3), any::<i32>()).prop_map(
            |(data_points, t)| {
                MetricData::ExponentialHistogram(ExponentialHistogram {
                    data_points,
                    aggregation_temporality: AggregationTemporality(t),
                })
            }
        ),
        prop::collection::vec(summary_point, 0..3)
            .prop_map(|data_points| MetricData::Summary(Summary { data_points })),
    ]
}

fn metrics() -> impl Strategy<Value = Metrics> {
    let metric = (text(), text(), text(), metric_data(), attributes()).prop_map(
        |(name, description, unit, data, metadata)| Metric {
            name,
            description,
            unit,
            data,
            metadata,
        },
    );
    let scope_metrics = (scope(), prop::collection::vec(metric, 0..4), text()).prop_map(
        |(scope, metrics, schema_url)| ScopeMetrics {
            scope,
            metrics,
            schema_url,
        },
    );
    (
        resource(),
        prop::collection::vec(scope_metrics, 0..3),
        text(),
    )
        .prop_map(|(resource, scope_metrics, schema_url)| Metrics {
            resource_metrics: vec![ResourceMetrics {
                resource,
                scope_metrics,
                schema_url,
            }],
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn logs_survive_encode_and_decode(logs in logs()) {
        let decoded = json::decode_logs(&json::encode_logs(&logs).expect("encodable")).expect("decodable");
        prop_assert_eq!(format!("{decoded:?}"), format!("{logs:?}"));
    }

    #[test]
    fn traces_survive_encode_and_decode(traces in traces()) {
        let decoded = json::decode_traces(&json::encode_traces(&traces).expect("encodable")).expect("decodable");
        prop_assert_eq!(format!("{decoded:?}"), format!("{traces:?}"));
    }

    #[test]
    fn metrics_survive_encode_and_decode(metrics in metrics()) {
        let decoded = json::decode_metrics(&json::encode_metrics(&metrics).expect("encodable")).expect("decodable");
        prop_assert_eq!(format!("{decoded:?}"), format!("{metrics:?}"));
    }

    #[test]
    fn arbitrary_bytes_never_panic(input in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = json::decode(&input);
    }
}
