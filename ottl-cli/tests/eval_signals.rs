//! `ottl eval` over traces and metrics: the record context each signal defaults to, lower
//! contexts reaching their parents, and statements that do not fit the input.

mod common;

use std::process::Output;

fn ottl(args: &[&str]) -> Output {
    common::ottl(args, None)
}

fn stdout_of(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

const TRACES: &str = "testdata/otlp/traces-every-field.json";
const HISTOGRAMS: &str = "testdata/otlp/metrics-histograms.json";

#[test]
fn unprefixed_statements_on_traces_run_on_each_span() {
    let out = ottl(&[
        "eval",
        "-e",
        "set(attributes[\"kind\"], kind.string) where name == \"POST /cart\"",
        "-e",
        "set(attributes[\"member\"], trace_state[\"congo\"])",
        TRACES,
    ]);
    let stdout = stdout_of(&out);
    assert!(
        stdout.contains(r#"{"key":"kind","value":{"stringValue":"Consumer"}}"#),
        "{stdout}"
    );
    assert!(
        stdout.contains(r#"{"key":"member","value":{"stringValue":"t61rcWkgMzE"}}"#),
        "{stdout}"
    );
}

#[test]
fn span_times_past_2_63_read_as_negative_ints() {
    let out = ottl(&[
        "eval",
        "-e",
        "set(span.attributes[\"end\"], span.end_time_unix_nano) where span.name == \"POST /cart\"",
        TRACES,
    ]);
    let stdout = stdout_of(&out);
    assert!(
        stdout.contains(r#"{"key":"end","value":{"intValue":"-1"}}"#),
        "{stdout}"
    );
}

#[test]
fn span_event_statements_see_their_index_and_their_span() {
    let out = ottl(&[
        "eval",
        "-e",
        "set(spanevent.attributes[\"at\"], spanevent.event_index) where span.name == \"POST /cart\"",
        "-e",
        "set(spanevent.attributes[\"span\"], span.name)",
        TRACES,
    ]);
    let stdout = stdout_of(&out);
    assert!(
        stdout.contains(r#"{"key":"at","value":{"intValue":"1"}},{"key":"span","value":{"stringValue":"POST /cart"}}"#),
        "{stdout}"
    );
}

#[test]
fn datapoint_statements_visit_every_kind_of_point_and_read_nil_where_a_field_does_not_apply() {
    let out = ottl(&[
        "eval",
        "-c",
        "datapoint",
        "-e",
        "set(attributes[\"count\"], count)",
        "-e",
        "set(attributes[\"scale\"], scale) where scale != nil",
        "-e",
        "set(attributes[\"metric\"], metric.name)",
        HISTOGRAMS,
    ]);
    let stdout = stdout_of(&out);
    assert!(
        stdout.contains(r#"{"key":"count","value":{"intValue":"#),
        "{stdout}"
    );
    assert!(
        stdout.contains(r#"{"key":"scale","value":{"intValue":"#),
        "{stdout}"
    );
    assert!(
        stdout.contains(r#"{"key":"metric","value":{"stringValue":"#),
        "{stdout}"
    );
}

#[test]
fn setting_metric_type_changes_nothing() {
    let before =
        std::fs::read_to_string(common::repo().join("testdata/otlp/metrics-gauge-and-sum.json"))
            .expect("sample readable");
    let unchanged = ottl(&["eval", "testdata/otlp/metrics-gauge-and-sum.json"]);
    let out = ottl(&[
        "eval",
        "-e",
        "set(type, METRIC_DATA_TYPE_SUMMARY)",
        "testdata/otlp/metrics-gauge-and-sum.json",
    ]);
    assert!(!before.is_empty());
    assert_eq!(stdout_of(&out), stdout_of(&unchanged));
}

#[test]
fn a_span_statement_on_logs_is_bad_input() {
    let out = ottl(&[
        "eval",
        "-e",
        "set(span.name, \"x\")",
        "testdata/otlp/logs-every-field.json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("span statements do not run on logs"),
        "{stderr}"
    );
}

#[test]
fn a_log_path_in_a_span_statement_is_rejected_before_running() {
    let out = ottl(&["eval", "-c", "span", "-e", "set(log.body, \"x\")", TRACES]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cannot reach `log` paths"), "{stderr}");
}
