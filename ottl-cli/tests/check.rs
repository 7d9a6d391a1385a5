//! `ottl check`: every OTTL text of a collector configuration (plain, fragments, Helm values,
//! Kubernetes manifests), `.ottl` files and `-e`, checked in its component's context(s).
//! The configurations are in `testdata/configs/check/` (sources in `testdata/configs/README.md`);
//! each file's `--format json` output is pinned.

mod common;

use common::ottl;
use serde_json::Value;
use std::process::Output;

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The JSON objects of `--format json` output; each line must be one.
fn json_lines(out: &Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

#[test]
fn every_configuration_checks_as_pinned() {
    insta::glob!("../../testdata/configs/check", "*.{yaml,ottl}", |path| {
        let relative = path
            .strip_prefix(common::repo().canonicalize().expect("repo root"))
            .unwrap_or(path);
        let file = relative.to_string_lossy();
        let out = ottl(&["check", "--format", "json", &file], None);
        let lines = json_lines(&out);
        let summary = lines.last().expect("a summary line");
        assert!(summary["summary"].is_object(), "{summary}");
        let errors = summary["summary"]["errors"].as_u64().unwrap_or_default();
        assert_eq!(out.status.code(), Some(i32::from(errors > 0)));
        insta::assert_snapshot!(stdout(&out));
    });
}

#[test]
fn json_lines_have_every_field_with_one_based_positions() {
    let out = ottl(
        &[
            "check",
            "--format",
            "json",
            "testdata/configs/check/written-shapes.yaml",
        ],
        None,
    );
    let lines = json_lines(&out);
    let (summary, findings) = lines.split_last().expect("a summary");
    assert_eq!(summary["summary"]["files"], 1);
    for finding in findings {
        for key in [
            "file",
            "line",
            "column",
            "end_line",
            "end_column",
            "severity",
            "message",
        ] {
            assert!(!finding[key].is_null(), "{key} missing in {finding}");
        }
        assert!(finding["line"].as_u64() >= Some(1));
        assert!(finding["column"].as_u64() >= Some(1));
    }
    // The misspelt path in a folded block scalar is found on its own line.
    let misspelt = findings
        .iter()
        .find(|f| f["code"] == "E0101" && f["context"] == "span")
        .expect("the misspelt span path");
    assert_eq!(
        (&misspelt["line"], &misspelt["column"]),
        (&13.into(), &18.into())
    );
}

#[test]
fn github_annotations_follow_the_workflow_command_syntax() {
    let out = ottl(
        &[
            "check",
            "--format",
            "github",
            "testdata/configs/check/written-shapes.yaml",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(!text.is_empty());
    for line in text.lines() {
        let (command, rest) = line
            .strip_prefix("::")
            .and_then(|l| l.split_once(' '))
            .expect("::command properties::message");
        assert!(matches!(command, "error" | "warning" | "notice"), "{line}");
        let (properties, _message) = rest.split_once("::").expect("a message");
        let keys: Vec<&str> = properties
            .split(',')
            .map(|p| p.split_once('=').expect("key=value").0)
            .collect();
        assert_eq!(
            keys,
            ["file", "line", "col", "endLine", "endColumn", "title"]
        );
    }
}

#[test]
fn a_misspelt_section_is_named_and_its_components_still_checked() {
    let out = ottl(
        &[
            "check",
            "testdata/configs/check/written-misspelt-section.yaml",
        ],
        None,
    );
    let err = stderr(&out);
    assert!(
        err.contains("E0207") && err.contains("did you mean `processors`"),
        "{err}"
    );
    assert!(
        err.contains("E0101") && err.contains("did you mean `attributes`"),
        "{err}"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_file_without_ottl_says_so_and_passes() {
    let out = ottl(
        &["check", "testdata/configs/check/written-no-ottl.yaml"],
        None,
    );
    assert!(stderr(&out).contains("no OTTL here"), "{}", stderr(&out));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn statements_on_the_command_line_take_the_given_or_inferred_context() {
    let ok = ottl(&["check", "-c", "span", "-e", "set(name, \"x\")"], None);
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    let inferred = ottl(&["check", "-e", "set(log.body, \"x\")"], None);
    assert_eq!(inferred.status.code(), Some(0), "{}", stderr(&inferred));
    let no_context = ottl(&["check", "-e", "set(name, \"x\")"], None);
    assert!(
        stderr(&no_context).contains("E0206"),
        "{}",
        stderr(&no_context)
    );
    assert_eq!(no_context.status.code(), Some(1));
}

#[test]
fn warnings_fail_only_with_deny_warnings() {
    let statement = "set(attributes[\"e\"], true) where severity_number == \"ERROR\"";
    let warned = ottl(&["check", "-c", "log", "-e", statement], None);
    assert_eq!(warned.status.code(), Some(0), "{}", stderr(&warned));
    assert!(stderr(&warned).contains("W0001"));
    let denied = ottl(
        &["check", "-c", "log", "--deny", "warnings", "-e", statement],
        None,
    );
    assert_eq!(denied.status.code(), Some(1));
}

#[test]
fn an_unreadable_file_exits_2_after_checking_the_others() {
    let out = ottl(
        &[
            "check",
            "testdata/configs/check/written-no-ottl.yaml",
            "testdata/configs/check/missing.yaml",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot read"), "{}", stderr(&out));
}
