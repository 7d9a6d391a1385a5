//! The drop rules of the filter processor, one test each.

use super::{FilterConditions, FilterGroup, FilterGroupError};
use crate::context::{ContextKind, Signal};
use crate::function::Registry;
use crate::model::{
    Gauge, LogRecord, Logs, Metric, MetricData, Metrics, NumberDataPoint, ResourceLogs,
    ResourceMetrics, ResourceSpans, ScopeLogs, ScopeMetrics, ScopeSpans, SeverityNumber, Span,
    SpanEvent, Traces,
};
use crate::run::{ConditionError, ErrorMode};

/// Conditions for one context, under `mode`.
fn level(context: ContextKind, conditions: &[&str], mode: ErrorMode) -> FilterConditions {
    match FilterConditions::compile(conditions, context, mode, &Registry::new()) {
        Ok(level) => level,
        Err(failures) => panic!("{conditions:?} do not compile: {failures:?}"),
    }
}

fn group(signal: Signal, levels: &[(ContextKind, &[&str])]) -> FilterGroup {
    group_in(signal, levels, ErrorMode::Propagate)
}

fn group_in(signal: Signal, levels: &[(ContextKind, &[&str])], mode: ErrorMode) -> FilterGroup {
    let levels = levels
        .iter()
        .map(|(context, conditions)| level(*context, conditions, mode))
        .collect();
    FilterGroup::new(signal, levels).expect("one level per context")
}

fn log(severity: i32) -> LogRecord {
    LogRecord {
        severity_number: SeverityNumber(severity),
        ..LogRecord::default()
    }
}

fn scope_logs(logs: Vec<LogRecord>) -> ScopeLogs {
    ScopeLogs {
        log_records: logs,
        ..ScopeLogs::default()
    }
}

fn logs(resources: Vec<Vec<ScopeLogs>>) -> Logs {
    Logs {
        resource_logs: resources
            .into_iter()
            .map(|scopes| ResourceLogs {
                scope_logs: scopes,
                ..ResourceLogs::default()
            })
            .collect(),
    }
}

fn severities(logs: &Logs) -> Vec<Vec<Vec<i32>>> {
    logs.resource_logs
        .iter()
        .map(|r| {
            r.scope_logs
                .iter()
                .map(|s| s.log_records.iter().map(|l| l.severity_number.0).collect())
                .collect()
        })
        .collect()
}

fn filter_logs(group: &FilterGroup, batch: &mut Logs) -> Vec<ConditionError> {
    let mut reported = Vec::new();
    let result = group.filter_logs(batch, &mut |failure| reported.push(failure));
    assert_eq!(result, Ok(()));
    reported
}

#[test]
fn matching_log_records_go_and_their_emptied_scope_and_resource_too() {
    let group = group(
        Signal::Logs,
        &[(ContextKind::Log, &["severity_number < 9"])],
    );
    let mut batch = logs(vec![
        vec![scope_logs(vec![log(5), log(13)]), scope_logs(vec![log(1)])],
        vec![scope_logs(vec![log(3)])],
    ]);
    filter_logs(&group, &mut batch);
    assert_eq!(severities(&batch), [[[13]]]);
}

#[test]
fn a_matching_resource_goes_without_its_children_being_evaluated() {
    // The log condition fails on every record; it must never run under the removed resource.
    let group = group(
        Signal::Logs,
        &[
            (ContextKind::Resource, &[r#"attributes["drop"] == true"#]),
            (ContextKind::Log, &[r#"attributes["n"] + 1 > 0"#]),
        ],
    );
    let mut batch = logs(vec![vec![scope_logs(vec![log(1)])]]);
    batch.resource_logs[0]
        .resource
        .attributes
        .insert("drop", true.into());
    assert_eq!(group.filter_logs(&mut batch, &mut |_| {}), Ok(()));
    assert!(batch.resource_logs.is_empty());
}

#[test]
fn a_resource_without_scopes_always_goes() {
    let group = group(Signal::Logs, &[(ContextKind::Resource, &["false"])]);
    let mut batch = logs(vec![vec![], vec![scope_logs(vec![])]]);
    filter_logs(&group, &mut batch);
    // Only resource conditions: the empty scope stays, so its resource does too.
    assert_eq!(severities(&batch), [[Vec::<i32>::new()]]);
}

#[test]
fn an_empty_scope_goes_when_the_group_looks_below_resources() {
    for context in [ContextKind::Scope, ContextKind::Log] {
        let group = group(Signal::Logs, &[(context, &["false"])]);
        let mut batch = logs(vec![vec![scope_logs(vec![]), scope_logs(vec![log(1)])]]);
        filter_logs(&group, &mut batch);
        assert_eq!(severities(&batch), [[[1]]], "{context} conditions");
    }
}

#[test]
fn a_matching_scope_goes_with_its_records() {
    let group = group(
        Signal::Logs,
        &[(ContextKind::Scope, &[r#"name == "noisy""#])],
    );
    let mut noisy = scope_logs(vec![log(1)]);
    noisy.scope.name = "noisy".into();
    let mut batch = logs(vec![vec![noisy, scope_logs(vec![log(2)])]]);
    filter_logs(&group, &mut batch);
    assert_eq!(severities(&batch), [[[2]]]);
}

#[test]
fn under_propagate_a_failing_condition_keeps_its_record_and_the_walk_goes_on() {
    let group = group(
        Signal::Logs,
        &[(
            ContextKind::Log,
            &[r#"attributes["n"] + 1 > 0"#, "severity_number < 9"],
        )],
    );
    let mut with_n = log(1);
    with_n.attributes.insert("n", 1.into());
    let mut batch = logs(vec![vec![scope_logs(vec![log(2), with_n, log(3)])]]);
    let error = group
        .filter_logs(&mut batch, &mut |_| {
            panic!("nothing is reported under propagate")
        })
        .expect_err("two conditions failed");
    // The failing condition ends the sequence: the records without `n` stay; the one whose
    // first condition holds goes.
    assert_eq!(severities(&batch), [[[2, 3]]]);
    let records: Vec<&str> = error.failures.iter().map(|f| f.record.as_str()).collect();
    assert_eq!(
        records,
        [
            "resourceLogs[0].scopeLogs[0].logRecords[0]",
            "resourceLogs[0].scopeLogs[0].logRecords[2]"
        ]
    );
    assert_eq!(error.failures[0].condition, r#"attributes["n"] + 1 > 0"#);
}

#[test]
fn under_ignore_a_failure_is_reported_and_the_next_condition_decides() {
    let group = group_in(
        Signal::Logs,
        &[(
            ContextKind::Log,
            &[r#"attributes["n"] + 1 > 0"#, "severity_number < 9"],
        )],
        ErrorMode::Ignore,
    );
    let mut batch = logs(vec![vec![scope_logs(vec![log(2), log(20)])]]);
    let reported = filter_logs(&group, &mut batch);
    assert_eq!(severities(&batch), [[[20]]]);
    assert_eq!(reported.len(), 2);
}

#[test]
fn under_silent_a_failure_is_not_reported() {
    let group = group_in(
        Signal::Logs,
        &[(ContextKind::Log, &[r#"attributes["n"] + 1 > 0"#])],
        ErrorMode::Silent,
    );
    let mut batch = logs(vec![vec![scope_logs(vec![log(2)])]]);
    assert!(filter_logs(&group, &mut batch).is_empty());
    assert_eq!(severities(&batch), [[[2]]]);
}

fn span(name: &str, events: &[&str]) -> Span {
    Span {
        name: name.into(),
        events: events
            .iter()
            .map(|&name| SpanEvent {
                name: name.into(),
                ..SpanEvent::default()
            })
            .collect(),
        ..Span::default()
    }
}

fn traces(spans: Vec<Span>) -> Traces {
    Traces {
        resource_spans: vec![ResourceSpans {
            scope_spans: vec![ScopeSpans {
                spans,
                ..ScopeSpans::default()
            }],
            ..ResourceSpans::default()
        }],
    }
}

fn span_names(traces: &Traces) -> Vec<(String, Vec<String>)> {
    traces
        .resource_spans
        .iter()
        .flat_map(|r| &r.scope_spans)
        .flat_map(|s| &s.spans)
        .map(|span| {
            let events = span.events.iter().map(|e| e.name.to_string()).collect();
            (span.name.to_string(), events)
        })
        .collect()
}

#[test]
fn span_events_are_filtered_inside_the_spans_that_stay() {
    // The event condition fails on events of the removed span; it must not run there.
    let group = group(
        Signal::Traces,
        &[
            (ContextKind::Span, &[r#"name == "drop""#]),
            (
                ContextKind::SpanEvent,
                &[
                    r#"name == "retry""#,
                    r#"span.name == "drop" and attributes["n"] + 1 > 0"#,
                ],
            ),
        ],
    );
    let mut batch = traces(vec![
        span("drop", &["x"]),
        span("keep", &["retry", "done"]),
        span("quiet", &["retry"]),
    ]);
    assert_eq!(group.filter_traces(&mut batch, &mut |_| {}), Ok(()));
    let expected = [
        ("keep".to_owned(), vec!["done".to_owned()]),
        ("quiet".to_owned(), vec![]),
    ];
    assert_eq!(span_names(&batch), expected);
}

#[test]
fn removing_every_span_removes_the_scope_and_resource() {
    let group = group(Signal::Traces, &[(ContextKind::Span, &["true"])]);
    let mut batch = traces(vec![span("a", &[])]);
    assert_eq!(group.filter_traces(&mut batch, &mut |_| {}), Ok(()));
    assert!(batch.resource_spans.is_empty());
}

fn gauge(name: &str, times: &[u64]) -> Metric {
    let data_points = times
        .iter()
        .map(|&time_unix_nano| NumberDataPoint {
            time_unix_nano,
            ..NumberDataPoint::default()
        })
        .collect();
    Metric {
        name: name.into(),
        data: MetricData::Gauge(Gauge { data_points }),
        ..Metric::default()
    }
}

fn metrics(list: Vec<Metric>) -> Metrics {
    Metrics {
        resource_metrics: vec![ResourceMetrics {
            scope_metrics: vec![ScopeMetrics {
                metrics: list,
                ..ScopeMetrics::default()
            }],
            ..ResourceMetrics::default()
        }],
    }
}

fn metric_points(metrics: &Metrics) -> Vec<(String, Vec<u64>)> {
    let points = |metric: &Metric| match &metric.data {
        MetricData::Gauge(gauge) => gauge.data_points.iter().map(|p| p.time_unix_nano).collect(),
        _ => Vec::new(),
    };
    metrics
        .resource_metrics
        .iter()
        .flat_map(|r| &r.scope_metrics)
        .flat_map(|s| &s.metrics)
        .map(|m| (m.name.to_string(), points(m)))
        .collect()
}

#[test]
fn a_metric_whose_points_all_go_goes_and_an_empty_typed_one_stays() {
    let group = group(
        Signal::Metrics,
        &[(ContextKind::DataPoint, &["time_unix_nano > 5"])],
    );
    let empty_type = Metric {
        name: "empty".into(),
        ..Metric::default()
    };
    let mut batch = metrics(vec![
        gauge("some", &[1, 9]),
        gauge("all", &[6, 7]),
        gauge("none", &[]),
        empty_type,
    ]);
    assert_eq!(group.filter_metrics(&mut batch, &mut |_| {}), Ok(()));
    let expected = [("some".to_owned(), vec![1]), ("empty".to_owned(), vec![])];
    assert_eq!(metric_points(&batch), expected);
}

#[test]
fn a_point_whose_condition_fails_stays_with_its_metric() {
    let group = group(
        Signal::Metrics,
        &[(
            ContextKind::DataPoint,
            &[r#"time_unix_nano > 5"#, r#"attributes["n"] + 1 > 0"#],
        )],
    );
    let mut batch = metrics(vec![gauge("m", &[6, 1])]);
    let error = group
        .filter_metrics(&mut batch, &mut |_| {})
        .expect_err("the second point's condition fails");
    assert_eq!(error.failures.len(), 1);
    assert_eq!(metric_points(&batch), [("m".to_owned(), vec![1])]);
}

#[test]
fn a_matching_metric_goes_with_its_points_unevaluated() {
    let group = group(
        Signal::Metrics,
        &[
            (ContextKind::Metric, &[r#"name == "drop""#]),
            (ContextKind::DataPoint, &[r#"attributes["n"] + 1 > 0"#]),
        ],
    );
    let mut batch = metrics(vec![gauge("drop", &[1])]);
    assert_eq!(group.filter_metrics(&mut batch, &mut |_| {}), Ok(()));
    assert!(batch.resource_metrics.is_empty());
}

#[test]
fn a_group_takes_one_level_per_context_of_its_signal() {
    let log = || level(ContextKind::Log, &["true"], ErrorMode::Ignore);
    assert_eq!(
        FilterGroup::new(Signal::Traces, vec![log()]).map(|_| ()),
        Err(FilterGroupError::WrongSignal {
            context: ContextKind::Log,
            signal: Signal::Traces
        })
    );
    assert_eq!(
        FilterGroup::new(Signal::Logs, vec![log(), log()]).map(|_| ()),
        Err(FilterGroupError::DuplicateContext(ContextKind::Log))
    );
}
