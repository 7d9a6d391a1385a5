//! Benchmarks of the transform processor's metric functions.

use ottl_core::context::ContextKind;
use ottl_core::model::{
    AggregationTemporality, AnyValue, Map, Metric, MetricData, Metrics, NumberDataPoint,
    NumberValue, ResourceMetrics, ScopeMetrics, Sum,
};
use ottl_core::run::{ErrorMode, Program};

/// One cumulative sum of 1 000 points over 10 hosts, each point with a `host` and a `pod`
/// attribute.
fn thousand_point_sum() -> Metrics {
    let data_points = (0..1_000)
        .map(|i| {
            let mut attributes = Map::new();
            attributes.insert("host", AnyValue::from(format!("host-{}", i % 10).as_str()));
            attributes.insert("pod", AnyValue::from(format!("pod-{i}").as_str()));
            NumberDataPoint {
                attributes,
                time_unix_nano: 1_700_000_000_000_000_000,
                value: NumberValue::Double(f64::from(i)),
                ..NumberDataPoint::default()
            }
        })
        .collect();
    let metric = Metric {
        name: "requests".into(),
        data: MetricData::Sum(Sum {
            data_points,
            aggregation_temporality: AggregationTemporality::CUMULATIVE,
            is_monotonic: true,
        }),
        ..Metric::default()
    };
    Metrics {
        resource_metrics: vec![ResourceMetrics {
            scope_metrics: vec![ScopeMetrics {
                metrics: vec![metric],
                ..ScopeMetrics::default()
            }],
            ..ResourceMetrics::default()
        }],
    }
}

/// `aggregate_on_attributes("sum", ["host"])`: 1 000 points into 10, on a fresh copy of the
/// batch each time (the copy is not timed).
#[divan::bench]
fn aggregate_on_attributes_1000_points(bencher: divan::Bencher<'_, '_>) {
    let statement = r#"aggregate_on_attributes("sum", ["host"])"#;
    let program = Program::compile(
        &[statement],
        &[],
        ContextKind::Metric,
        ErrorMode::Propagate,
        &ottl_functions::transform::registry(ContextKind::Metric),
    )
    .unwrap_or_else(|errors| panic!("{statement}: {errors:?}"));
    let batch = thousand_point_sum();
    bencher
        .with_inputs(|| batch.clone())
        .bench_local_values(|mut metrics| {
            let result = program.run(&mut metrics);
            divan::black_box(result.is_ok());
            metrics
        });
}
