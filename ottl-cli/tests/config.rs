//! `ottl eval --config`: the transform processors of a collector configuration, run over
//! OTLP/JSON as the collector runs them. Fixtures are in `testdata/configs/`.

mod common;

use common::ottl;
use serde_json::Value;
use std::process::Output;

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn json(out: &Output) -> Value {
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(out));
    serde_json::from_slice(&out.stdout).expect("the output is JSON")
}

/// The value of attribute `key` in an OTLP attribute list, as `{"stringValue": …}` etc.
fn attribute<'a>(attributes: &'a Value, key: &str) -> Option<&'a Value> {
    attributes
        .as_array()?
        .iter()
        .find(|kv| kv["key"] == key)
        .map(|kv| &kv["value"])
}

#[test]
fn basic_style_infers_the_context_and_runs_processors_in_order() {
    let out = ottl(
        &[
            "eval",
            "--config",
            "testdata/configs/basic-logs.yaml",
            "testdata/otlp/logs-every-field.json",
        ],
        None,
    );
    let doc = json(&out);
    let resource = &doc["resourceLogs"][0]["resource"]["attributes"];
    assert_eq!(
        attribute(resource, "processed"),
        Some(&serde_json::json!({"boolValue": true}))
    );
    let records = &doc["resourceLogs"][0]["scopeLogs"][0]["logRecords"];
    let first = &records[0];
    assert_eq!(first["severityText"], "SEVERE");
    let prod = serde_json::json!({"stringValue": "prod"});
    assert_eq!(attribute(&first["attributes"], "env"), Some(&prod));
    // `transform/second` runs after `transform`, so it sees what the first one wrote.
    assert_eq!(attribute(&first["attributes"], "env_seen"), Some(&prod));
    // The filter processor is not there; `batch` is skipped without a word.
    assert!(!stderr(&out).contains("batch"), "{}", stderr(&out));
}

#[test]
fn advanced_style_runs_groups_in_their_contexts_with_conditions() {
    let out = ottl(
        &[
            "eval",
            "--config",
            "testdata/configs/advanced-traces.yaml",
            "testdata/otlp/traces-every-field.json",
        ],
        None,
    );
    let doc = json(&out);
    let resource = &doc["resourceSpans"][0]["resource"]["attributes"];
    assert_eq!(
        attribute(resource, "deployment.environment"),
        Some(&serde_json::json!({"stringValue": "test"}))
    );
    let spans = &doc["resourceSpans"][0]["scopeSpans"][0]["spans"];
    // Only the consumer span meets the group's condition.
    assert_eq!(spans[0]["name"], "POST /cart client");
    assert!(attribute(&spans[0]["attributes"], "client").is_some());
    let output = String::from_utf8_lossy(&out.stdout);
    assert_eq!(output.matches(r#""key":"client""#).count(), 1, "{output}");
    // The span event group runs after the span group has renamed the span.
    let event = &spans[0]["events"][0];
    assert_eq!(
        attribute(&event["attributes"], "span"),
        Some(&serde_json::json!({"stringValue": "POST /cart client"}))
    );
    // The log group does not touch traces.
    assert!(!output.contains("never"));
}

#[test]
fn mixing_basic_and_advanced_style_is_a_config_error() {
    let out = ottl(
        &[
            "eval",
            "--config",
            "testdata/configs/mixed-styles.yaml",
            "testdata/otlp/logs-every-field.json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(
            "mixed-styles.yaml:4:9: log_statements: configuring multiple configuration styles is \
             not supported"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_misspelt_path_is_shown_inside_the_yaml_before_input_is_read() {
    let out = ottl(
        &[
            "eval",
            "--config",
            "testdata/configs/misspelt-path.yaml",
            "no-such-input.json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("testdata/configs/misspelt-path.yaml:6:34"),
        "{err}"
    );
    assert!(
        err.contains(r#"6 │           - set(attributes["a"], atributes["b"])"#),
        "{err}"
    );
    assert!(err.contains("did you mean `attributes`?"), "{err}");
    assert!(!err.contains("no-such-input"), "{err}");
}

#[test]
fn quoted_statements_map_back_into_the_yaml() {
    let config = std::env::temp_dir().join(format!("ottl-config-{}.yaml", std::process::id()));
    let yaml = "processors:\n  transform:\n    log_statements:\n      - context: log\n        \
                statements:\n          - 'set(attributes[\"a\"], nme)'\n          - \
                \"set(attributes[\\\"b\\\"], bdy)\"\n";
    std::fs::write(&config, yaml).expect("temp file written");
    let path = config.to_string_lossy().into_owned();
    let out = ottl(&["eval", "--config", &path, "-"], Some(""));
    let _ = std::fs::remove_file(&config);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains(&format!("{path}:6:35")), "{err}");
    assert!(err.contains(&format!("{path}:7:37")), "{err}");
}

#[test]
fn a_failure_under_propagate_exits_3_naming_statement_and_record() {
    let out = ottl(
        &[
            "eval",
            "--config",
            "testdata/configs/propagate.yaml",
            "testdata/otlp/logs-every-field.json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(
        err.contains("transform: log_statements group 1: failed to execute statement: set(attributes[\"ratio\"], 1 / 0)"),
        "{err}"
    );
    assert!(
        err.contains("resourceLogs[0].scopeLogs[0].logRecords[0]"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn statements_on_the_command_line_conflict_with_config() {
    let out = ottl(
        &[
            "eval",
            "--config",
            "testdata/configs/basic-logs.yaml",
            "-e",
            "set(body, 1)",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("-e/--statement cannot be used with --config"));
}

#[test]
fn a_config_without_transform_processor_or_not_yaml_exits_2() {
    let out = ottl(
        &["eval", "--config", "testdata/otlp/logs-every-field.json"],
        Some(""),
    );
    // JSON is YAML: it reads, but has no transform processor.
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no transform processor"),
        "{}",
        stderr(&out)
    );
    let out = ottl(
        &["eval", "--config", "testdata/configs/README.md"],
        Some(""),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot read the configuration"),
        "{}",
        stderr(&out)
    );
}

/// A Dynatrace example: statements shared by a YAML anchor between the span, datapoint and log
/// groups, and `$$` for a literal `$` in the replacement (the collector's escape).
#[test]
fn real_config_masks_credit_cards_in_logs() {
    let input = r#"{"resourceLogs":[{"resource":{},"scopeLogs":[{"scope":{},"logRecords":[{"attributes":[{"key":"card","value":{"stringValue":"4111 1111 1111 1234"}},{"key":"note","value":{"stringValue":"hello"}}]}]}]}]}"#;
    let out = ottl(
        &[
            "eval",
            "--config",
            "testdata/configs/dynatrace-masking_creditcards.yaml",
        ],
        Some(input),
    );
    let doc = json(&out);
    let attributes = &doc["resourceLogs"][0]["scopeLogs"][0]["logRecords"][0]["attributes"];
    assert_eq!(
        attribute(attributes, "card"),
        Some(&serde_json::json!({"stringValue": "**** 1234"}))
    );
    assert_eq!(
        attribute(attributes, "note"),
        Some(&serde_json::json!({"stringValue": "hello"}))
    );
}

/// A Dynatrace example: the span group's statements, reused by alias, redact span attributes.
#[test]
fn real_config_redacts_user_data_in_spans() {
    let out = ottl(
        &[
            "eval",
            "--config",
            "testdata/configs/dynatrace-filtering_user_data.yaml",
            "testdata/otlp/traces-every-field.json",
        ],
        None,
    );
    let doc = json(&out);
    let span = &doc["resourceSpans"][0]["scopeSpans"][0]["spans"][0];
    assert_eq!(
        attribute(&span["attributes"], "user.email"),
        Some(&serde_json::json!({"stringValue": "****"}))
    );
}

#[test]
fn group_conditions_may_call_the_filter_functions_of_their_context() {
    let out = ottl(
        &[
            "eval",
            "--config",
            "testdata/configs/transform-root-span-condition.yaml",
            "testdata/otlp/traces-every-field.json",
        ],
        None,
    );
    let doc = json(&out);
    let spans: Vec<&Value> = doc["resourceSpans"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|r| r["scopeSpans"].as_array().into_iter().flatten())
        .flat_map(|s| s["spans"].as_array().into_iter().flatten())
        .collect();
    let root = serde_json::json!({"boolValue": true});
    // Exactly the spans without a parent are root spans.
    for span in &spans {
        let marked = attribute(&span["attributes"], "root") == Some(&root);
        assert_eq!(marked, span["parentSpanId"].is_null(), "{span}");
    }
    assert!(spans.iter().any(|span| span["parentSpanId"].is_string()));
    assert!(spans.iter().any(|span| span["parentSpanId"].is_null()));
}

/// Runs `ottl eval --config testdata/configs/pipelines.yaml` over the sample logs with
/// `OTTL_TEST_ENV=prod`, adding `extra` arguments.
fn eval_pipelines(extra: &[&str]) -> Output {
    let mut args = vec!["eval", "--config", "testdata/configs/pipelines.yaml"];
    args.extend(extra);
    args.push("testdata/otlp/logs-every-field.json");
    std::process::Command::new(env!("CARGO_BIN_EXE_ottl"))
        .args(&args)
        .current_dir(common::repo())
        .env("OTTL_TEST_ENV", "prod")
        .env_remove("OTTL_TEST_UNSET")
        .output()
        .expect("the ottl binary runs")
}

#[test]
fn the_pipeline_decides_which_processors_run_and_in_which_order() {
    let out = eval_pipelines(&[]);
    let doc = json(&out);
    let first = &doc["resourceLogs"][0]["scopeLogs"][0]["logRecords"][0]["attributes"];
    let string = |s: &str| serde_json::json!({ "stringValue": s });
    assert_eq!(attribute(first, "order"), Some(&string("first,second")));
    assert_eq!(attribute(first, "unused"), None);
    assert_eq!(attribute(first, "other"), None);
    let err = stderr(&out);
    assert!(
        err.contains("pipeline `logs` ran `transform/first`, `transform/second` (also logs/other"),
        "{err}"
    );
}

#[test]
fn env_references_and_dollar_escapes_resolve_as_in_the_collector() {
    let doc = json(&eval_pipelines(&[]));
    let first = &doc["resourceLogs"][0]["scopeLogs"][0]["logRecords"][0]["attributes"];
    let string = |s: &str| serde_json::json!({ "stringValue": s });
    assert_eq!(attribute(first, "env"), Some(&string("prod")));
    assert_eq!(attribute(first, "default"), Some(&string("fallback")));
    assert_eq!(attribute(first, "dollar"), Some(&string("$5")));
}

#[test]
fn pipeline_flag_picks_one_pipeline_and_rejects_unknown_ones() {
    let doc = json(&eval_pipelines(&["--pipeline", "logs/other"]));
    let first = &doc["resourceLogs"][0]["scopeLogs"][0]["logRecords"][0]["attributes"];
    assert_eq!(
        attribute(first, "other"),
        Some(&serde_json::json!({ "boolValue": true }))
    );
    assert_eq!(attribute(first, "order"), None);
    let unknown = eval_pipelines(&["--pipeline", "logs/nope"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown).contains("logs, logs/other"),
        "{}",
        stderr(&unknown)
    );
}

#[test]
fn a_collector_resource_with_its_config_in_a_string_masks_the_tutorial_players() {
    let out = ottl(
        &[
            "eval",
            "--config",
            "testdata/configs/check/kubecon-backend-07-collector.yaml",
            "testdata/otlp/kubecon-dice-spans.json",
        ],
        None,
    );
    let doc = json(&out);
    let spans = &doc["resourceSpans"][0]["scopeSpans"][0]["spans"];
    let string = |s: &str| serde_json::json!({ "stringValue": s });
    assert_eq!(
        attribute(&spans[0]["attributes"], "app.player1"),
        Some(&string("P"))
    );
    assert_eq!(
        attribute(&spans[0]["attributes"], "app.player2"),
        Some(&string("B"))
    );
    assert_eq!(
        attribute(&spans[0]["attributes"], "http.url"),
        Some(&string(
            "http://backend1:5165/play?player1={playerName}&player2={playerName}"
        ))
    );
    let err = stderr(&out);
    assert!(err.contains("pipeline `traces` ran `transform`"), "{err}");
}
