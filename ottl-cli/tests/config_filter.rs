//! `ottl eval --config` with filter processors: what they drop, in which order they run, and
//! how their mistakes are reported. Fixtures are `testdata/configs/filter-*.yaml`.

mod common;

use common::ottl;
use serde_json::Value;
use std::process::Output;

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn eval(config: &str, input: &str) -> Output {
    let config = format!("testdata/configs/{config}");
    let input = format!("testdata/otlp/{input}");
    ottl(&["eval", "--config", &config, &input], None)
}

fn json(out: &Output) -> Value {
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(out));
    serde_json::from_slice(&out.stdout).expect("the output is JSON")
}

/// The values of `field` of every item of every scope, as `resources[scopes[items]]`.
fn items(doc: &Value, names: [&str; 3], field: &str) -> Vec<Vec<Vec<Value>>> {
    let [resources, scopes, items] = names;
    let list = |v: &Value, key: &str| v[key].as_array().cloned().unwrap_or_default();
    list(doc, resources)
        .iter()
        .map(|r| {
            list(r, scopes)
                .iter()
                .map(|s| list(s, items).iter().map(|i| i[field].clone()).collect())
                .collect()
        })
        .collect()
}

const LOGS: [&str; 3] = ["resourceLogs", "scopeLogs", "logRecords"];
const SPANS: [&str; 3] = ["resourceSpans", "scopeSpans", "spans"];
const METRICS: [&str; 3] = ["resourceMetrics", "scopeMetrics", "metrics"];

#[test]
fn log_conditions_drop_records_and_the_scopes_and_resources_left_empty() {
    let doc = json(&eval("filter-logs.yaml", "logs-every-field.json"));
    // The input has two resources: the first with a scope of two records (one has `code`)
    // and an empty scope, the second with no scopes.
    assert_eq!(items(&doc, LOGS, "severityNumber"), [[[Value::from(99)]]]);
}

#[test]
fn a_filter_that_drops_everything_writes_an_empty_batch() {
    let out = eval("filter-drop-all.yaml", "logs-every-field.json");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "{}");
}

#[test]
fn span_and_span_event_conditions_are_inferred_one_by_one() {
    let doc = json(&eval("filter-traces.yaml", "traces-every-field.json"));
    let names = items(&doc, SPANS, "name");
    // `minimal` is a root span and goes; `POST /cart` has a parent and stays.
    assert!(!names[0][0].contains(&Value::from("minimal")), "{names:?}");
    assert!(
        names[0][0].contains(&Value::from("POST /cart")),
        "{names:?}"
    );
    let cart = &doc["resourceSpans"][0]["scopeSpans"][0]["spans"][0];
    assert_eq!(cart["name"], "POST /cart");
    // Its `exception` event went; the other event stayed.
    let events = cart["events"].as_array().cloned().unwrap_or_default();
    assert_eq!(events.len(), 1);
    assert_ne!(events[0]["name"], "exception");
}

#[test]
fn a_metric_whose_data_points_all_go_is_removed() {
    let doc = json(&eval("filter-metrics.yaml", "metrics-gauge-and-sum.json"));
    // `requests` had only points without `room`; `no.data` has no type, so it stays.
    assert_eq!(
        items(&doc, METRICS, "name"),
        [[[Value::from("temperature"), Value::from("no.data")]]]
    );
    let points = &doc["resourceMetrics"][0]["scopeMetrics"][0]["metrics"][0]["gauge"]["dataPoints"];
    assert_eq!(points.as_array().map(Vec::len), Some(1));
}

#[test]
fn advanced_groups_give_the_context_and_run_after_the_transform_before_them() {
    let doc = json(&eval("filter-advanced.yaml", "metrics-gauge-and-sum.json"));
    let metrics = &doc["resourceMetrics"][0]["scopeMetrics"][0]["metrics"];
    // `temperature` has a point with `room`: the metric group removes it.
    assert_eq!(
        items(&doc, METRICS, "name"),
        [[[Value::from("requests"), Value::from("no.data")]]]
    );
    // The transform processor, first in the file, ran before the filter.
    assert_eq!(metrics[0]["description"], "seen");
}

#[test]
fn legacy_keys_are_unprefixed_conditions_per_context() {
    let doc = json(&eval("filter-legacy.yaml", "logs-every-field.json"));
    assert_eq!(items(&doc, LOGS, "severityNumber"), [[[Value::from(24)]]]);
}

#[test]
fn a_rejected_condition_is_shown_at_its_yaml_position() {
    let out = eval("filter-rejected.yaml", "logs-every-field.json");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("filter-rejected.yaml:5:13"), "{err}");
    assert!(err.contains("no path `atributes`"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_failing_condition_under_propagate_exits_3() {
    let out = eval("filter-propagate.yaml", "logs-every-field.json");
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("failed to eval condition"), "{err}");
    assert!(err.contains("logRecords[1]"), "{err}");
}

#[test]
fn pre_ottl_matchers_skip_their_processor_with_a_note() {
    let out = eval("filter-matchers.yaml", "traces-every-field.json");
    let doc = json(&out);
    let err = stderr(&out);
    assert!(err.contains("skipping processor `filter/old`"), "{err}");
    assert!(err.contains("`spans`"), "{err}");
    // The transform still ran.
    assert_eq!(items(&doc, SPANS, "name")[0][0].len(), 4);
}

#[test]
fn an_empty_condition_is_a_configuration_error() {
    let out = eval("filter-empty-condition.yaml", "logs-every-field.json");
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("filter-empty-condition.yaml:4:9"), "{err}");
    assert!(err.contains("condition cannot be empty"), "{err}");
}

#[test]
fn a_function_only_a_lower_context_has_moves_the_condition_there() {
    let doc = json(&eval(
        "filter-infer-lower-context.yaml",
        "traces-every-field.json",
    ));
    // Inferred as `span` (not `resource`, its only path): every root span goes, the span with
    // a parent stays.
    let parents = items(&doc, SPANS, "parentSpanId");
    let left: Vec<&Value> = parents.iter().flatten().flatten().collect();
    assert!(!left.is_empty(), "{doc}");
    assert!(left.iter().all(|parent| parent.is_string()), "{left:?}");
}
