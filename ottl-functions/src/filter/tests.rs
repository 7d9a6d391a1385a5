//! The filter-only functions' examples, run in their context over a sample record: a root
//! span, and a gauge whose one point has the attributes `http.method: "GET"` and `code: 200`.

use super::registry;
use ottl_core::context::{ContextKind, Signal};
use ottl_core::model::{
    AnyValue, Gauge, Map, Metric, MetricData, Metrics, NumberDataPoint, ResourceMetrics,
    ResourceSpans, ScopeMetrics, ScopeSpans, Span, SpanId, Traces,
};
use ottl_core::run::{ErrorMode, FilterConditions, FilterError, FilterGroup};

fn point(attributes: &[(&str, AnyValue)]) -> NumberDataPoint {
    let mut map = Map::new();
    for (key, value) in attributes {
        map.insert(*key, value.clone());
    }
    NumberDataPoint {
        attributes: map,
        ..NumberDataPoint::default()
    }
}

fn metrics(data: MetricData) -> Metrics {
    Metrics {
        resource_metrics: vec![ResourceMetrics {
            scope_metrics: vec![ScopeMetrics {
                metrics: vec![Metric {
                    data,
                    ..Metric::default()
                }],
                ..ScopeMetrics::default()
            }],
            ..ResourceMetrics::default()
        }],
    }
}

fn sample_metrics() -> Metrics {
    let attributes = [("http.method", "GET".into()), ("code", AnyValue::Int(200))];
    metrics(MetricData::Gauge(Gauge {
        data_points: vec![point(&attributes)],
    }))
}

fn traces(span: Span) -> Traces {
    Traces {
        resource_spans: vec![ResourceSpans {
            scope_spans: vec![ScopeSpans {
                spans: vec![span],
                ..ScopeSpans::default()
            }],
            ..ResourceSpans::default()
        }],
    }
}

/// A group removing the records where `condition` holds, in `context`.
fn group(signal: Signal, context: ContextKind, condition: &str) -> FilterGroup {
    let level = FilterConditions::compile(
        &[condition],
        context,
        ErrorMode::Propagate,
        &registry(context),
    );
    let level = level.unwrap_or_else(|failures| panic!("{condition}: {failures:?}"));
    FilterGroup::new(signal, vec![level]).expect("one level")
}

/// Whether `condition` holds on the one metric of `batch`.
fn holds_on_metric(condition: &str, mut batch: Metrics) -> Result<bool, FilterError> {
    group(Signal::Metrics, ContextKind::Metric, condition)
        .filter_metrics(&mut batch, &mut |_| {})?;
    Ok(batch.resource_metrics.is_empty())
}

/// Whether `condition` holds on `span`.
fn holds_on_span(condition: &str, span: Span) -> bool {
    let mut batch = traces(span);
    let result =
        group(Signal::Traces, ContextKind::Span, condition).filter_traces(&mut batch, &mut |_| {});
    assert_eq!(result, Ok(()), "{condition}");
    batch.resource_spans.is_empty()
}

#[test]
fn every_example_holds_on_the_sample_record() {
    for (context, name) in [
        (ContextKind::Span, "IsRootSpan"),
        (ContextKind::Metric, "HasAttrKeyOnDatapoint"),
        (ContextKind::Metric, "HasAttrOnDatapoint"),
    ] {
        let registry = registry(context);
        let (signature, _) = registry.get(name).expect("registered in its context");
        assert!(!signature.examples.is_empty(), "{name} has examples");
        for example in &signature.examples {
            let condition = format!("{} == {}", example.source, example.input);
            let holds = match context {
                ContextKind::Span => holds_on_span(&condition, Span::default()),
                _ => holds_on_metric(&condition, sample_metrics()).expect("no failure"),
            };
            assert!(holds, "{condition}");
        }
    }
}

#[test]
fn a_span_with_a_parent_is_not_a_root() {
    let child = Span {
        parent_span_id: SpanId([1; 8]),
        ..Span::default()
    };
    assert!(!holds_on_span("IsRootSpan()", child));
}

#[test]
fn has_attr_on_datapoint_compares_the_first_point_with_the_key() {
    let points = vec![
        point(&[("other", "x".into())]),
        point(&[("k", "first".into())]),
        point(&[("k", "second".into())]),
    ];
    let batch = || {
        metrics(MetricData::Gauge(Gauge {
            data_points: points.clone(),
        }))
    };
    assert_eq!(
        holds_on_metric(r#"HasAttrOnDatapoint("k", "first")"#, batch()),
        Ok(true)
    );
    assert_eq!(
        holds_on_metric(r#"HasAttrOnDatapoint("k", "second")"#, batch()),
        Ok(false)
    );
}

#[test]
fn datapoint_functions_fail_on_an_empty_type_metric() {
    for condition in [
        r#"HasAttrKeyOnDatapoint("k")"#,
        r#"HasAttrOnDatapoint("k", "v")"#,
    ] {
        let error = holds_on_metric(condition, metrics(MetricData::Empty))
            .expect_err("unknown metric type");
        assert!(error.to_string().contains("unknown metric type"), "{error}");
    }
}

#[test]
fn conditions_call_no_editors() {
    let level = FilterConditions::compile(
        &[r#"set(attributes["a"], 1)"#],
        ContextKind::Log,
        ErrorMode::Ignore,
        &registry(ContextKind::Log),
    );
    assert!(level.is_err());
}
