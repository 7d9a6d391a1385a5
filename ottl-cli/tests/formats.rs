//! `ottl eval` over the other input formats: JSON Lines, OTLP protobuf (single messages and
//! delimited streams), and gzip or zstd compression. The fixtures in `testdata/otlp/encoded/`
//! are made by `make_fixtures.py` and `make_proto_fixtures.py` with encoders independent of
//! ours (Python's json, gzip and `opentelemetry-proto`, the zstd tool); with no statements,
//! each must come back exactly as the OTLP/JSON samples do.

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
fn config_runs_over_json_lines() {
    let out = ottl(&[
        "eval",
        "--config",
        "testdata/configs/basic-logs.yaml",
        "testdata/otlp/encoded/samples.jsonl",
    ]);
    assert_eq!(stdout_of(&out).lines().count(), samples().len());
}

/// A fixture of `testdata/otlp/encoded/proto/`, as a path from the repository root.
fn proto_fixture(name: &str) -> String {
    format!("testdata/otlp/encoded/proto/{name}")
}

fn bytes_of(out: &Output) -> Vec<u8> {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout.clone()
}

#[test]
fn protobuf_messages_come_back_as_their_json() {
    let singles: Vec<String> = samples()
        .iter()
        .map(|sample| {
            let stem = sample
                .trim_start_matches("testdata/otlp/")
                .trim_end_matches(".json");
            proto_fixture(&format!("{stem}.binpb"))
        })
        .collect();
    let mut args = vec!["eval", "--output-format", "jsonl"];
    args.extend(singles.iter().map(String::as_str));
    assert!(
        stdout_of(&ottl(&args)) == expected(),
        "single messages differ"
    );
}

#[test]
fn delimited_and_compressed_protobuf_streams_come_back_as_their_json() {
    let expected = expected();
    for fixture in [
        "samples.u32.binpb",
        "samples.u32.binpb.gz",
        "samples.u32.binpb.zst",
        "samples.delimited.binpb",
    ] {
        let output = stdout_of(&ottl(&[
            "eval",
            "--output-format",
            "jsonl",
            &proto_fixture(fixture),
        ]));
        assert!(output == expected, "{fixture} differs");
    }
    let single = stdout_of(&ottl(&["eval", "testdata/otlp/logs-every-field.json"]));
    for fixture in ["logs-every-field.binpb.gz", "logs-every-field.binpb.zst"] {
        let path = proto_fixture(fixture);
        let output = stdout_of(&ottl(&["eval", "--output-format", "json", &path]));
        assert_eq!(output, single, "{fixture}");
    }
}

/// Our encoder writes what the independent one wrote, byte for byte, so protobuf output in the
/// input's layout (the default) is the input, and JSON converts to the fixtures.
#[test]
fn protobuf_output_is_the_independent_encoders_bytes() {
    for fixture in [
        "samples.u32.binpb",
        "samples.delimited.binpb",
        "logs-every-field.binpb",
        "metrics-histograms.binpb",
    ] {
        let path = proto_fixture(fixture);
        let input = std::fs::read(common::repo().join(&path)).expect("fixture readable");
        assert!(bytes_of(&ottl(&["eval", &path])) == input, "{fixture}");
    }
    let stream = std::fs::read(common::repo().join(proto_fixture("samples.u32.binpb")))
        .expect("fixture readable");
    let out = ottl(&[
        "eval",
        "--output-format",
        "proto-delimited",
        "testdata/otlp/encoded/samples.jsonl",
    ]);
    assert!(bytes_of(&out) == stream, "JSON Lines to delimited protobuf");
    // Written protobuf reads back as the same JSON.
    let varint = bytes_of(&ottl(&[
        "eval",
        "--output-format",
        "proto-varint",
        "testdata/otlp/encoded/samples.jsonl",
    ]));
    let path = temp_file("varint.bin", &varint);
    let output = stdout_of(&ottl(&[
        "eval",
        "--output-format",
        "jsonl",
        &path.to_string_lossy(),
    ]));
    std::fs::remove_file(&path).ok();
    assert!(output == expected(), "varint-delimited output differs");
}

#[test]
fn protobuf_and_json_given_as_each_other_say_so() {
    let err = stderr_of(
        &ottl(&[
            "eval",
            "--input-format",
            "proto",
            "testdata/otlp/encoded/samples.jsonl",
        ]),
        2,
    );
    assert!(
        err.contains("not OTLP protobuf: this looks like OTLP/JSON; drop --input-format"),
        "{err}"
    );
    let err = stderr_of(
        &ottl(&[
            "eval",
            "--input-format",
            "json",
            &proto_fixture("samples.u32.binpb"),
        ]),
        2,
    );
    assert!(
        err.contains("not OTLP/JSON: this looks like OTLP protobuf; drop --input-format"),
        "{err}"
    );
    let bytes = std::fs::read(common::repo().join(proto_fixture("logs-every-field.binpb")))
        .expect("fixture readable");
    let path = temp_file("logs.json", &bytes);
    let err = stderr_of(&ottl(&["eval", &path.to_string_lossy()]), 2);
    std::fs::remove_file(&path).ok();
    assert!(err.contains("this looks like OTLP protobuf"), "{err}");
    let out = ottl(&["eval", "--pretty", "--output-format", "proto", "x.pb"]);
    assert!(stderr_of(&out, 2).contains("--pretty cannot be used with a protobuf"));
}

#[test]
fn a_truncated_stream_names_the_document_and_byte_after_writing_those_before() {
    let stream = std::fs::read(common::repo().join(proto_fixture("samples.u32.binpb")))
        .expect("fixture readable");
    // Cut inside the third message.
    let first = u32::from_be_bytes([stream[0], stream[1], stream[2], stream[3]]) as usize + 4;
    let at = first + 4 + u32::from_be_bytes(stream[first..first + 4].try_into().unwrap()) as usize;
    let path = temp_file("cut.binpb", &stream[..at + 10]);
    let out = ottl(&["eval", "--output-format", "jsonl", &path.to_string_lossy()]);
    std::fs::remove_file(&path).ok();
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
    let err = stderr_of(&out, 2);
    assert!(
        err.contains(&format!(
            "truncated stream: document 3 (its length at byte {at}) has"
        )),
        "{err}"
    );
}

/// `-j`: documents worked on in parallel come out in input order, byte for byte as on one
/// thread, in every output format; a failure stops the output at the failing document.
#[test]
fn threads_keep_the_input_order() {
    let jsonl = common::repo().join("testdata/otlp/encoded/samples.jsonl");
    let jsonl = jsonl.to_string_lossy();
    let statement = r#"set(attributes["seen"], true)"#;
    for format in ["jsonl", "json", "proto-delimited"] {
        let run = |threads: &str| {
            let out = ottl(&[
                "eval",
                "-j",
                threads,
                "--output-format",
                format,
                "-c",
                "resource",
                "-e",
                statement,
                &jsonl,
            ]);
            assert_eq!(
                out.status.code(),
                Some(0),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            out.stdout
        };
        let one = run("1");
        assert!(!one.is_empty());
        assert_eq!(run("2"), one, "{format}");
        assert_eq!(run("3"), one, "{format}");
    }

    // The third document fails under propagate: the two before it are written, none after.
    let lines: Vec<&str> = include_str!("../../testdata/otlp/encoded/samples.jsonl")
        .lines()
        .take(3)
        .collect();
    let mut input = lines[..2].join("\n");
    input.push_str("\n{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"n\",\"value\":{\"stringValue\":\"x\"}}]}}]}\n");
    for line in &lines {
        input.push_str(line);
        input.push('\n');
    }
    let path = temp_file("threads-fail.jsonl", input.as_bytes());
    let path = path.to_string_lossy();
    let fail = r#"set(attributes["i"], ParseJSON(attributes["n"])) where attributes["n"] != nil"#;
    let run = |threads: &str| {
        ottl(&[
            "eval",
            "-j",
            threads,
            "-c",
            "resource",
            "--error-mode",
            "propagate",
            "-e",
            fail,
            &path,
        ])
    };
    let one = run("1");
    let two = run("2");
    assert_eq!(one.status.code(), Some(3));
    assert_eq!(two.status.code(), Some(3));
    assert_eq!(two.stdout, one.stdout);
    assert_eq!(String::from_utf8_lossy(&one.stdout).lines().count(), 2);
}
