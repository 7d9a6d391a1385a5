//! The transform functions' registration and the run-time behaviours the conformance cases
//! do not show.

use super::{all, registry};
use ottl_core::context::ContextKind;
use ottl_core::model::{
    Metric, MetricData, Metrics, NumberDataPoint, NumberValue, ResourceMetrics, ScopeMetrics, Sum,
};
use ottl_core::run::{ErrorMode, Program};

#[test]
fn each_function_is_registered_only_in_its_context() {
    let contexts = [
        ContextKind::Metric,
        ContextKind::DataPoint,
        ContextKind::Span,
        ContextKind::Log,
    ];
    for (home, name) in all() {
        for context in contexts {
            let registry = registry(context);
            assert_eq!(
                registry.get(name).is_some(),
                context == home,
                "{name} in {context:?}"
            );
            if context != home {
                assert!(
                    registry.context_of(name).is_some(),
                    "{name} known elsewhere"
                );
            }
        }
    }
}

fn sum(values: &[f64]) -> Metric {
    Metric {
        name: "s".into(),
        data: MetricData::Sum(Sum {
            data_points: values
                .iter()
                .map(|v| NumberDataPoint {
                    value: NumberValue::Double(*v),
                    ..NumberDataPoint::default()
                })
                .collect(),
            ..Sum::default()
        }),
        ..Metric::default()
    }
}

fn run(statements: &[&str], metrics: Vec<Metric>) -> Vec<Metric> {
    let program = Program::compile(
        statements,
        &[],
        ContextKind::Metric,
        ErrorMode::Propagate,
        &registry(ContextKind::Metric),
    )
    .unwrap_or_else(|failures| panic!("{failures:?}"));
    let mut batch = Metrics {
        resource_metrics: vec![ResourceMetrics {
            scope_metrics: vec![ScopeMetrics {
                metrics,
                ..ScopeMetrics::default()
            }],
            ..ResourceMetrics::default()
        }],
    };
    program.run(&mut batch).expect("runs");
    std::mem::take(&mut batch.resource_metrics[0].scope_metrics[0].metrics)
}

fn values(metric: &Metric) -> Vec<f64> {
    match &metric.data {
        MetricData::Sum(sum) => sum
            .data_points
            .iter()
            .map(|p| match p.value {
                NumberValue::Double(v) => v,
                _ => f64::NAN,
            })
            .collect(),
        _ => Vec::new(),
    }
}

#[test]
fn a_copied_metric_is_visited_by_the_same_statements() {
    // Each copy is visited in turn and copied again while its name is short enough.
    let out = run(
        &[r#"copy_metric(name=Concat([name, "x"], "")) where Len(name) < 3"#],
        vec![sum(&[1.0])],
    );
    let names: Vec<&str> = out.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["s", "sx", "sxx"]);
}

#[test]
fn count_leaves_a_group_of_one_unchanged_as_the_reference_does() {
    let out = run(&[r#"aggregate_on_attributes("count")"#], vec![sum(&[7.5])]);
    assert_eq!(values(&out[0]), [7.5]);
    let out = run(
        &[r#"aggregate_on_attributes("count")"#],
        vec![sum(&[7.5, 1.0, 2.0])],
    );
    assert_eq!(values(&out[0]), [3.0]);
}

#[test]
fn median_of_an_even_group_is_the_mean_of_the_middle_two() {
    let out = run(
        &[r#"aggregate_on_attributes("median")"#],
        vec![sum(&[4.0, 1.0, 3.0, 10.0])],
    );
    assert_eq!(values(&out[0]), [3.5]);
}

#[test]
fn bad_literals_are_rejected_when_compiling() {
    for statement in [
        r#"aggregate_on_attributes("Sum")"#,
        r#"convert_gauge_to_sum("sometimes", true)"#,
        "scale_metric(10)",
    ] {
        let compiled = Program::compile(
            &[statement],
            &[],
            ContextKind::Metric,
            ErrorMode::Propagate,
            &registry(ContextKind::Metric),
        );
        assert!(compiled.is_err(), "{statement}");
    }
}
