//! `ottl eval` over the other input formats: JSON Lines, and gzip or zstd compression. The
//! fixtures in `testdata/otlp/encoded/` are made by `make_fixtures.py` with encoders independent
//! of ours; with no statements, each must come back exactly as the OTLP/JSON samples do.

mod common;

use std::path::PathBuf;
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

fn stderr_of(out: &Output, code: i32) -> String {
    assert_eq!(out.status.code(), Some(code));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The samples of `testdata/otlp/`, in the order `make_fixtures.py` writes them.
fn samples() -> Vec<String> {
    let dir = common::repo().join("testdata/otlp");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("testdata/otlp is readable")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".json"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| format!("testdata/otlp/{name}"))
        .collect()
}

/// `ottl eval` of every sample, one after another: what every other format must give.
fn expected() -> String {
    samples()
        .iter()
        .map(|sample| stdout_of(&ottl(&["eval", sample])))
        .collect()
}

/// A file in the temporary directory holding `bytes`.
fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!("ottl-formats-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).expect("temporary file written");
    path
}

#[test]
fn json_lines_and_compressed_json_lines_round_trip() {
    let expected = expected();
    for fixture in ["samples.jsonl", "samples.jsonl.gz", "samples.jsonl.zst"] {
        let path = format!("testdata/otlp/encoded/{fixture}");
        let output = stdout_of(&ottl(&["eval", &path]));
        assert!(output == expected, "{fixture} differs");
    }
}

#[test]
fn json_lines_are_found_from_the_content() {
    let text = std::fs::read_to_string(common::repo().join("testdata/otlp/encoded/samples.jsonl"))
        .expect("fixture readable");
    let out = common::ottl(&["eval"], Some(&text));
    assert!(stdout_of(&out) == expected(), "stdin differs");
    let path = temp_file("samples.txt", text.as_bytes());
    let output = stdout_of(&ottl(&["eval", &path.to_string_lossy()]));
    std::fs::remove_file(&path).ok();
    assert!(output == expected(), "a .txt file differs");
}

#[test]
fn compressed_single_documents_round_trip() {
    let expected = stdout_of(&ottl(&["eval", "testdata/otlp/logs-every-field.json"]));
    for fixture in ["logs-every-field.json.gz", "logs-every-field.json.zst"] {
        let path = format!("testdata/otlp/encoded/{fixture}");
        assert_eq!(stdout_of(&ottl(&["eval", &path])), expected, "{fixture}");
    }
}

#[test]
fn statements_run_on_every_line() {
    let out = ottl(&[
        "eval",
        "-c",
        "resource",
        "-e",
        "set(attributes[\"line\"], true)",
        "testdata/otlp/encoded/samples.jsonl.gz",
    ]);
    let stdout = stdout_of(&out);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), samples().len());
    assert!(
        lines
            .iter()
            .all(|line| line.contains(r#"{"key":"line","value":{"boolValue":true}}"#)),
        "{stdout}"
    );
}

#[test]
fn a_bad_line_is_named_by_its_number() {
    let input = "{\"resourceLogs\":[]}\n\n{\"resourceLogs\":[{\"resource\":x}]}\n";
    let err = stderr_of(&common::ottl(&["eval"], Some(input)), 2);
    assert!(
        err.contains(
            "resourceLogs[0].resource: invalid JSON: expected a value at line 3 column 30"
        ),
        "{err}"
    );
}

#[test]
fn input_format_json_refuses_json_lines() {
    let out = ottl(&[
        "eval",
        "--input-format",
        "json",
        "testdata/otlp/encoded/samples.jsonl",
    ]);
    let err = stderr_of(&out, 2);
    assert!(
        err.contains("trailing characters after the document at line 2 column 1"),
        "{err}"
    );
}

#[test]
fn output_format_and_pretty() {
    let out = ottl(&[
        "eval",
        "--pretty",
        "--output-format",
        "jsonl",
        "testdata/otlp/encoded/samples.jsonl",
    ]);
    assert!(stderr_of(&out, 2).contains("--pretty cannot be used with --output-format jsonl"));
    // --pretty over JSON Lines input writes indented JSON, the same as over each sample.
    let pretty = stdout_of(&ottl(&[
        "eval",
        "--pretty",
        "testdata/otlp/encoded/samples.jsonl",
    ]));
    let expected: String = samples()
        .iter()
        .map(|sample| stdout_of(&ottl(&["eval", "--pretty", sample])))
        .collect();
    assert!(pretty == expected, "pretty output differs");
}

#[test]
fn protobuf_given_as_json_says_so() {
    // LogsData { resource_logs: [ResourceLogs { resource: Resource {} }] }
    let path = temp_file("logs.binpb", &[0x0a, 0x02, 0x0a, 0x00]);
    let out = ottl(&["eval", &path.to_string_lossy()]);
    std::fs::remove_file(&path).ok();
    let err = stderr_of(&out, 2);
    assert!(
        err.contains("not OTLP/JSON: this looks like OTLP protobuf"),
        "{err}"
    );
}

#[test]
fn config_runs_over_json_lines() {
    let out = ottl(&[
        "eval",
        "--config",
        "testdata/configs/basic-logs.yaml",
        "testdata/otlp/encoded/samples.jsonl",
    ]);
    assert_eq!(stdout_of(&out).lines().count(), samples().len());
}

#[test]
fn every_protobuf_fixture_is_named_as_protobuf() {
    // Made by make_proto_fixtures.py with Python's opentelemetry-proto: single messages,
    // varint-delimited streams and the file exporter's u32-framed streams.
    let dir = common::repo().join("testdata/otlp/encoded/proto");
    let mut fixtures: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("proto fixtures readable")
        .filter_map(|entry| Some(entry.ok()?.path()))
        .collect();
    fixtures.sort();
    assert!(fixtures.len() > 20, "{fixtures:?}");
    for fixture in fixtures {
        let err = stderr_of(&ottl(&["eval", &fixture.to_string_lossy()]), 2);
        assert!(
            err.contains("not OTLP/JSON: this looks like OTLP protobuf"),
            "{}: {err}",
            fixture.display()
        );
    }
}
