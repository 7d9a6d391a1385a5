//! A large OTLP/JSON document is run in parts of whole resources, on every thread: what
//! `ottl eval` writes and says must be what running it whole gives, failures included.
//!
//! The reference is the same document with one more top-level field after the resources:
//! only a bare envelope is cut, the decoder skips the field, and every position in a message
//! comes before it, so that run is the whole document's.

mod common;

use ottl_core::model::json;
use serde_json::{Value, json};
use std::path::PathBuf;
use std::process::Output;

/// Large enough to be cut into a few parts (`io::PART_SIZE` is 1 MiB).
const SIZE: usize = 5 << 19;

/// A document of `sample`'s resources repeated past [`SIZE`], each copy's resource given a
/// `copy` attribute with its number; `edit` may change any copy. Written to temporary files
/// named after `test`, as a bare envelope (cut) and with a trailing field (whole): the two
/// paths.
fn documents(
    test: &str,
    sample: &str,
    pretty: bool,
    edit: impl Fn(usize, &mut Value),
) -> (PathBuf, PathBuf) {
    let path = common::repo().join("testdata/otlp").join(sample);
    let text = std::fs::read_to_string(&path).expect("sample readable");
    let sample: Value = serde_json::from_str(&text).expect("sample is JSON");
    let (field, resources) = sample
        .as_object()
        .and_then(|o| o.iter().find(|(k, _)| k.starts_with("resource")))
        .map(|(k, v)| (k.clone(), v.as_array().cloned().unwrap_or_default()))
        .expect("an envelope");
    let one_copy = serde_json::to_string(&resources).expect("encodes").len();
    let copies = SIZE / one_copy.max(1) + 1;
    let mut all = Vec::new();
    for copy in 0..copies {
        for resource in &resources {
            let mut resource = resource.clone();
            let attributes = resource
                .as_object_mut()
                .expect("a resource object")
                .entry("resource")
                .or_insert_with(|| json!({}))
                .as_object_mut()
                .expect("a resource")
                .entry("attributes")
                .or_insert_with(|| json!([]));
            if let Some(attributes) = attributes.as_array_mut() {
                attributes.push(json!({"key": "copy", "value": {"intValue": copy.to_string()}}));
            }
            edit(copy, &mut resource);
            all.push(resource);
        }
    }
    let encode = |value: &Value| {
        if pretty {
            serde_json::to_string_pretty(value).expect("encodes")
        } else {
            serde_json::to_string(value).expect("encodes")
        }
    };
    let cut = encode(&json!({ field.as_str(): all }));
    assert!(
        json::split(cut.as_bytes(), 1 << 20).is_some_and(|parts| parts.len() >= 2),
        "the document is cut"
    );
    // `zzz` sorts after the resource field, so it comes last.
    let whole = encode(&json!({ field.as_str(): all, "zzz": 1 }));
    assert!(json::split(whole.as_bytes(), 1 << 20).is_none());
    let name = format!("{}-{test}-{field}", std::process::id());
    let dir = std::env::temp_dir();
    let cut_path = dir.join(format!("ottl-cut-{name}-{pretty}.json"));
    let whole_path = dir.join(format!("ottl-whole-{name}-{pretty}.json"));
    std::fs::write(&cut_path, cut).expect("written");
    std::fs::write(&whole_path, whole).expect("written");
    (cut_path, whole_path)
}

/// Runs `ottl ARGS INPUT` on both documents and requires the same exit code, output and
/// messages (the input's name aside); what the cut run gave.
fn same(args: &[&str], (cut, whole): (&PathBuf, &PathBuf)) -> Output {
    let run = |input: &PathBuf| {
        let mut all: Vec<&str> = args.to_vec();
        let input = input.to_str().expect("UTF-8 path");
        all.push(input);
        let out = common::ottl(&all, None);
        let stderr = String::from_utf8_lossy(&out.stderr).replace(input, "INPUT");
        (out, stderr)
    };
    let (cut_out, cut_err) = run(cut);
    let (whole_out, whole_err) = run(whole);
    assert_eq!(
        cut_out.status.code(),
        whole_out.status.code(),
        "{args:?}: {cut_err}"
    );
    assert_eq!(cut_err, whole_err, "{args:?}");
    assert!(
        cut_out.stdout == whole_out.stdout,
        "{args:?}: outputs differ"
    );
    cut_out
}

fn cleanup(paths: &[&PathBuf]) {
    for path in paths {
        let _ = std::fs::remove_file(path);
    }
}

#[test]
fn every_output_format_is_the_whole_documents() {
    let outputs: [&[&str]; 6] = [
        &[],
        &["--pretty"],
        &["--output-format", "jsonl"],
        &["--output-format", "proto"],
        &["--output-format", "proto-delimited"],
        &["--output-format", "proto-varint"],
    ];
    let samples = [
        ("logs-every-field.json", false),
        ("traces-every-field.json", true),
        ("transformprocessor-metrics.json", false),
        ("metrics-histograms.json", true),
    ];
    for (i, (sample, pretty)) in samples.into_iter().enumerate() {
        let (cut, whole) = documents("formats", sample, pretty, |_, _| {});
        // Each sample in three of the formats, each format with two samples.
        for j in [i, i + 2, i + 4] {
            let output = outputs[j % outputs.len()];
            let threads = if j % 2 == 0 { "1" } else { "2" };
            let mut args = vec!["eval", "-j", threads];
            args.extend_from_slice(output);
            let out = same(&args, (&cut, &whole));
            assert_eq!(out.status.code(), Some(0));
        }
        cleanup(&[&cut, &whole]);
    }
}

#[test]
fn failures_are_counted_and_placed_as_in_the_whole_document() {
    let (cut, whole) = documents("failures", "logs-every-field.json", false, |_, _| {});
    for threads in ["1", "2"] {
        let out = same(
            &[
                "eval",
                "-j",
                threads,
                "-c",
                "log",
                "-e",
                r#"set(attributes["n"], Double(body)) where resource.attributes["copy"] > 2"#,
                "-e",
                r#"set(attributes["m"], Double(severity_text))"#,
            ],
            (&cut, &whole),
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        // Copies 0–2 hold resources 0–5.
        assert!(
            stderr.contains("(at resourceLogs[6].scopeLogs[0]"),
            "{stderr}"
        );
        assert!(stderr.contains("(3 shown above)"), "{stderr}");
    }
    // Under propagate, the first failure is in a late resource (copy 700 holds resources 1400
    // and 1401): nothing is written.
    let late = r#"set(attributes["n"], Double(body)) where resource.attributes["copy"] == 700"#;
    let out = same(
        &[
            "eval",
            "-j",
            "2",
            "-c",
            "log",
            "--error-mode",
            "propagate",
            "-e",
            late,
        ],
        (&cut, &whole),
    );
    assert_eq!(out.status.code(), Some(3));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("(at resourceLogs[1400]"));
    cleanup(&[&cut, &whole]);
}

#[test]
fn a_bad_value_in_a_late_resource_fails_as_in_the_whole_document() {
    let (cut, whole) = documents("bad", "traces-every-field.json", true, |copy, resource| {
        if copy == 600 {
            resource["schemaUrl"] = json!(5);
        }
    });
    // Nothing of a document that cannot be decoded runs: neither the failures of the parts
    // before the bad one are shown, nor does an earlier failure under propagate count.
    let fails = r#"set(attributes["n"], Double(name))"#;
    let runs: [&[&str]; 3] = [
        &["eval", "-j", "1"],
        &["eval", "-j", "2", "-c", "span", "-e", fails],
        &[
            "eval",
            "-c",
            "span",
            "--error-mode",
            "propagate",
            "-e",
            fails,
        ],
    ];
    for args in runs {
        let out = same(args, (&cut, &whole));
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("].schemaUrl: expected string"), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
    cleanup(&[&cut, &whole]);
}

#[test]
fn configs_run_in_parts_as_whole() {
    let (cut, whole) = documents("configs", "logs-every-field.json", false, |_, _| {});
    for config in [
        "filter-drop-all.yaml",
        "filter-propagate.yaml",
        "filter-advanced.yaml",
        "basic-logs.yaml",
    ] {
        let config = format!("testdata/configs/{config}");
        same(&["eval", "-j", "2", "--config", &config], (&cut, &whole));
    }
    cleanup(&[&cut, &whole]);
}

#[test]
fn a_large_protobuf_message_runs_in_parts_as_whole() {
    let (cut, whole) = documents("proto", "traces-every-field.json", false, |_, _| {});
    let statement = r#"set(attributes["n"], Double(name)) where resource.attributes["copy"] > 1"#;
    for format in ["proto", "proto-delimited"] {
        let converted = common::ottl(
            &[
                "eval",
                "--output-format",
                format,
                whole.to_str().expect("UTF-8"),
            ],
            None,
        );
        assert_eq!(converted.status.code(), Some(0));
        let message = std::env::temp_dir().join(format!(
            "ottl-cut-{}-proto-{format}.binpb",
            std::process::id()
        ));
        std::fs::write(&message, &converted.stdout).expect("written");
        // The message is read in parts; the whole OTLP/JSON document is the reference.
        same(
            &["eval", "-j", "2", "--output-format", "json"],
            (&message, &whole),
        );
        let out = same(
            &[
                "eval",
                "-c",
                "span",
                "-e",
                statement,
                "--output-format",
                "json",
            ],
            (&message, &whole),
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("(at resourceSpans[2]."), "{stderr}");
        cleanup(&[&message]);
    }
    cleanup(&[&cut, &whole]);
}
