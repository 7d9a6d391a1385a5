//! pdata accepts more than it writes: snake_case keys, 64-bit integers as numbers, 32-bit
//! integers as strings, enum names, uppercase hex, unknown fields. Each sample rewritten into
//! those forms must decode to the same model as the sample itself.

use std::path::{Path, PathBuf};

use ottl_core::model::json;
use ottl_core::model::{AggregationTemporality, SeverityNumber, SpanKind, StatusCode};
use serde_json::{Map, Value};

fn otlp_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/otlp")
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("directory exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

fn snake_case(key: &str) -> String {
    let mut out = String::new();
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn enum_name(key: &str, number: i64) -> Option<&'static str> {
    let number = i32::try_from(number).ok()?;
    match key {
        "kind" => SpanKind(number).name(),
        "code" => StatusCode(number).name(),
        "severityNumber" => SeverityNumber(number).name(),
        "aggregationTemporality" => AggregationTemporality(number).name(),
        _ => None,
    }
}

const INT64_FIELDS: &[&str] = &[
    "timeUnixNano",
    "observedTimeUnixNano",
    "startTimeUnixNano",
    "endTimeUnixNano",
    "intValue",
    "asInt",
    "count",
    "zeroCount",
    "bucketCounts",
];
const INT32_FIELDS: &[&str] = &[
    "flags",
    "droppedAttributesCount",
    "droppedEventsCount",
    "droppedLinksCount",
    "scale",
    "offset",
];
const ID_FIELDS: &[&str] = &["traceId", "spanId", "parentSpanId"];

fn number_from_decimal(text: &str) -> Value {
    match (text.parse::<u64>(), text.parse::<i64>()) {
        (Ok(number), _) => Value::from(number),
        (_, Ok(number)) => Value::from(number),
        _ => Value::from(text),
    }
}

fn rewrite_field(key: &str, value: Value) -> Value {
    match value {
        Value::String(text) if INT64_FIELDS.contains(&key) => number_from_decimal(&text),
        Value::Array(items) if key == "bucketCounts" => Value::Array(
            items
                .into_iter()
                .map(|item| rewrite_field(key, item))
                .collect(),
        ),
        Value::Number(number) if INT32_FIELDS.contains(&key) => Value::from(number.to_string()),
        Value::Number(number) => match number.as_i64().and_then(|n| enum_name(key, n)) {
            Some(name) => Value::from(name),
            None => Value::Number(number),
        },
        Value::String(text) if ID_FIELDS.contains(&key) => Value::from(text.to_ascii_uppercase()),
        other => rewrite(other),
    }
}

/// The sample in the forms pdata accepts but never writes.
fn rewrite(value: Value) -> Value {
    match value {
        Value::Object(fields) => {
            let mut out = Map::new();
            out.insert(
                "unknownField".into(),
                serde_json::json!({"nested": [1, {"a": null}, "x"]}),
            );
            for (key, value) in fields {
                let value = rewrite_field(&key, value);
                out.insert(snake_case(&key), value);
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.into_iter().map(rewrite).collect()),
        other => other,
    }
}

#[test]
fn snake_case_numbers_strings_and_enum_names_decode_to_the_same_model() {
    for path in json_files(&otlp_dir()) {
        let name = path.display();
        let input = std::fs::read(&path).expect("readable sample");
        let canonical = json::decode(&input).unwrap_or_else(|error| panic!("{name}: {error}"));
        let value: Value = serde_json::from_slice(&input).expect("sample is JSON");
        let rewritten = serde_json::to_vec(&rewrite(value)).expect("serializable");
        let decoded = json::decode(&rewritten).unwrap_or_else(|error| {
            panic!("{name}: {error}\n{}", String::from_utf8_lossy(&rewritten))
        });
        assert_eq!(format!("{decoded:?}"), format!("{canonical:?}"), "{name}");
    }
}

#[test]
fn published_examples_decode_to_their_collector_form() {
    for input_path in json_files(&otlp_dir().join("input")) {
        let file_name = input_path.file_name().expect("a file name");
        let canonical_path = otlp_dir().join(file_name);
        let input = json::decode(&std::fs::read(&input_path).expect("readable"));
        let canonical = json::decode(&std::fs::read(&canonical_path).expect("a collector form"));
        assert_eq!(input.ok(), canonical.ok(), "{}", input_path.display());
    }
}

#[test]
fn deprecated_scope_lists_are_read_when_the_current_one_is_absent() {
    let old = br#"{"resourceLogs":[{"deprecated_scope_logs":[{"logRecords":[{"severityText":"old"}]}]}]}"#;
    let logs = json::decode_logs(old).expect("valid");
    assert_eq!(
        logs.resource_logs[0].scope_logs[0].log_records[0].severity_text,
        "old"
    );
    let both = br#"{"resourceSpans":[{"scopeSpans":[{"spans":[{"name":"new"}]}],"deprecatedScopeSpans":[{"spans":[{"name":"old"}]}]}]}"#;
    let traces = json::decode_traces(both).expect("valid");
    assert_eq!(traces.resource_spans[0].scope_spans.len(), 1);
    assert_eq!(traces.resource_spans[0].scope_spans[0].spans[0].name, "new");
    let metrics =
        br#"{"resourceMetrics":[{"deprecatedScopeMetrics":[{"metrics":[{"name":"m"}]}]}]}"#;
    assert_eq!(
        json::decode_metrics(metrics)
            .expect("valid")
            .resource_metrics[0]
            .scope_metrics
            .len(),
        1
    );
    let reencoded = json::encode_logs(&logs).expect("encodable");
    assert!(!String::from_utf8_lossy(&reencoded).contains("deprecated"));
}

#[test]
fn nulls_read_as_defaults_and_last_oneof_wins() {
    let input = br#"{"resourceLogs":[{"resource":null,"scopeLogs":[{"scope":{"name":null},"logRecords":[{"attributes":null,"body":{"stringValue":"a","intValue":5}}]}]}]}"#;
    let logs = json::decode_logs(input).expect("valid");
    let record = &logs.resource_logs[0].scope_logs[0].log_records[0];
    assert_eq!(record.body, ottl_core::model::AnyValue::Int(5));
}

#[test]
fn an_object_without_the_signal_decodes_as_empty_for_that_signal() {
    assert!(
        json::decode_logs(b"{}")
            .expect("valid")
            .resource_logs
            .is_empty()
    );
    assert!(
        json::decode_logs(br#"{"resourceSpans":[]}"#)
            .expect("valid")
            .resource_logs
            .is_empty()
    );
    assert_eq!(
        json::encode_logs(&Default::default()).expect("encodable"),
        b"{}"
    );
}
