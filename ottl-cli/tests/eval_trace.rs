//! `ottl eval --trace`: every record and statement on stderr, with whether the `where` held
//! and what changed; `--trace=json` as JSON Lines.

mod common;

use serde_json::Value;
use std::process::Output;

fn eval(args: &[&str]) -> Output {
    let mut all = vec!["eval"];
    all.extend_from_slice(args);
    let out = common::ottl(&all, None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn logs_trace_shows_where_and_changes() {
    let out = eval(&[
        "--trace",
        "-e",
        r#"set(attributes["env"], "prod")"#,
        "-e",
        r#"set(severity_text, "FATAL") where severity_number > 16"#,
        "-e",
        r#"merge_maps(attributes, {"k": {"n": 1}}, "upsert")"#,
        "-e",
        r#"set(body, Double(body))"#,
        "testdata/otlp/proto-example-logs.json",
    ]);
    insta::assert_snapshot!(stderr(&out));
}

#[test]
fn span_events_trace_their_span_and_resource() {
    let out = eval(&[
        "--trace",
        "-c",
        "spanevent",
        "-e",
        r#"set(span.attributes["seen"], name)"#,
        "-e",
        r#"set(resource.attributes["r"], 1) where name == "nothing""#,
        "testdata/otlp/traces-every-field.json",
    ]);
    insta::assert_snapshot!(stderr(&out));
}

#[test]
fn data_points_trace_with_group_conditions() {
    let out = eval(&[
        "--trace",
        "-c",
        "datapoint",
        "--condition",
        r#"metric.name != "nothing""#,
        "-e",
        r#"set(attributes["double"], value_double * 2) where value_double != nil"#,
        "-e",
        r#"delete_key(attributes, "double")"#,
        "testdata/otlp/proto-example-metrics.json",
    ]);
    insta::assert_snapshot!(stderr(&out));
}

#[test]
fn json_trace_lines_parse_and_name_each_statement() {
    let out = eval(&[
        "--trace=json",
        "-e",
        r#"set(name, "renamed") where kind == SPAN_KIND_SERVER"#,
        "-e",
        r#"set(attributes["n"], Double(name))"#,
        "testdata/otlp/proto-example-trace.json",
    ]);
    let mut records = 0;
    let mut statements = Vec::new();
    for line in stderr(&out).lines() {
        let value: Value = serde_json::from_str(line).expect("each line is JSON");
        match value["event"].as_str() {
            Some("record") => records += 1,
            Some("statement") => statements.push(value),
            other => panic!("unexpected event {other:?} in {line}"),
        }
    }
    assert!(records > 0);
    assert_eq!(statements.len(), 2 * records);
    assert!(statements.iter().all(|s| s["record"].is_string()));
    let renamed: Vec<&Value> = statements
        .iter()
        .filter(|s| s["statement"] == 1 && s["matched"] == true)
        .collect();
    assert!(!renamed.is_empty());
    assert!(
        renamed
            .iter()
            .all(|s| s["changes"][0]["path"] == "name" && s["changes"][0]["after"] == "renamed")
    );
    assert!(
        statements
            .iter()
            .filter(|s| s["statement"] == 2)
            .all(|s| s["matched"].is_null() && s["error"].is_string())
    );
}

#[test]
fn tracing_leaves_the_output_as_it_is() {
    let args = [
        "-e",
        r#"set(attributes["env"], "prod")"#,
        "testdata/otlp/proto-example-logs.json",
    ];
    let plain = eval(&args);
    let mut traced_args = vec!["--trace"];
    traced_args.extend_from_slice(&args);
    let traced = eval(&traced_args);
    assert_eq!(plain.stdout, traced.stdout);
    assert!(plain.stderr.is_empty());
}

#[test]
fn trace_takes_no_separate_value() {
    // `--trace FILE` must not read FILE as the format.
    let out = eval(&[
        "--trace",
        "-e",
        r#"set(attributes["a"], 1)"#,
        "testdata/otlp/proto-example-logs.json",
    ]);
    assert!(!out.stdout.is_empty());
}

#[test]
fn a_failing_group_condition_is_a_json_line_too() {
    let out = eval(&[
        "--trace=json",
        "--condition",
        "Double(body) > 1",
        "-e",
        r#"set(attributes["a"], 1)"#,
        "testdata/otlp/proto-example-logs.json",
    ]);
    let lines: Vec<Value> = stderr(&out)
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect();
    assert_eq!(lines[0]["event"], "condition", "{lines:#?}");
    assert!(
        lines[0]["error"]
            .as_str()
            .is_some_and(|e| e.contains("float64"))
    );
    assert_eq!(lines[1]["event"], "record");
    assert_eq!(lines[1]["selected"], false);
}

#[test]
fn config_groups_are_traced() {
    let out = eval(&[
        "--config",
        "testdata/configs/basic-logs.yaml",
        "--trace=json",
        "testdata/otlp/proto-example-logs.json",
    ]);
    let mut statements = 0;
    for line in stderr(&out).lines().filter(|l| l.starts_with('{')) {
        let value: Value = serde_json::from_str(line).expect("each trace line is JSON");
        assert!(
            value["input"]
                .as_str()
                .is_some_and(|i| i.contains("transform"))
        );
        statements += usize::from(value["event"] == "statement");
    }
    assert!(statements > 0);
}
