//! The `ottl` binary as a user runs it: output, diagnostics and exit codes.

mod common;

use common::{ottl, repo};

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn fmt_prints_the_canonical_form_from_stdin() {
    let out = ottl(
        &["fmt", "-"],
        Some("set(attributes[\"a\"],\"b\")where attributes[\"x\"]==1\n"),
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout),
        "set(attributes[\"a\"], \"b\") where attributes[\"x\"] == 1\n"
    );
}

#[test]
fn fmt_rejects_an_unquoted_key_and_says_to_quote_it() {
    let out = ottl(&["fmt", "-e", "set(attributes[env], \"x\")"], None);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("error[E0008]"), "{stderr}");
    assert!(stderr.contains("quote the key: `[\"env\"]`"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn eval_sets_an_attribute_where_the_resource_matches() {
    let out = ottl(
        &[
            "eval",
            "-c",
            "log",
            "-e",
            "set(attributes[\"env\"], \"prod\") where resource.attributes[\"service.name\"] == \"checkout\"",
            "testdata/otlp/logs-every-field.json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(r#"{"key":"env","value":{"stringValue":"prod"}}"#),
        "{stdout}"
    );
}

#[test]
fn eval_rejects_a_misspelt_path_before_reading_any_input() {
    let out = ottl(
        &[
            "eval",
            "-c",
            "log",
            "-e",
            "set(atributes[\"env\"], \"prod\")",
            "no-such-file.json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("did you mean `attributes`?"), "{stderr}");
    assert!(
        !stderr.contains("no-such-file"),
        "the input was read: {stderr}"
    );
}

#[test]
fn eval_exits_3_when_a_statement_fails_under_propagate() {
    let out = ottl(
        &[
            "eval",
            "-c",
            "log",
            "--error-mode",
            "propagate",
            "-e",
            "set(attributes[\"x\"], 1 / 0)",
            "testdata/otlp/logs-every-field.json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(3));
    assert!(text(&out.stderr).contains("attempted to divide by 0"));
    assert!(out.stdout.is_empty());
}

#[test]
fn eval_reports_failures_under_ignore_and_goes_on() {
    let out = ottl(
        &[
            "eval",
            "-c",
            "log",
            "-e",
            "set(attributes[\"x\"], 1 / 0)",
            "-e",
            "set(attributes[\"y\"], 2)",
            "testdata/otlp/logs-every-field.json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("warning:") && stderr.contains("logRecords[0]"),
        "{stderr}"
    );
    assert!(text(&out.stdout).contains(r#"{"key":"y","value":{"intValue":"2"}}"#));
}

#[test]
fn eval_warns_about_a_comparison_that_never_holds_and_still_runs() {
    let out = ottl(
        &[
            "eval",
            "-c",
            "log",
            "-e",
            r#"set(attributes["error"], true) where severity_number == "ERROR""#,
            "testdata/otlp/logs-every-field.json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("warning[W0001]"), "{stderr}");
    assert!(stderr.contains("false on every record"), "{stderr}");
    assert!(stderr.contains("help: compare with an int"), "{stderr}");
    assert!(!text(&out.stdout).contains(r#""key":"error""#));
}

#[test]
fn eval_without_statements_writes_every_sample_back_unchanged() {
    let samples = std::fs::read_dir(repo().join("testdata/otlp")).expect("samples exist");
    for sample in samples
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
    {
        let out = ottl(&["eval", sample.to_str().expect("utf-8 path")], None);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}: {}",
            sample.display(),
            text(&out.stderr)
        );
        let written: serde_json::Value =
            serde_json::from_slice(&out.stdout).expect("eval writes JSON");
        let original: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&sample).expect("sample readable"))
                .expect("sample is JSON");
        assert_eq!(written, original, "{} changed", sample.display());
    }
}

#[test]
fn eval_rejects_input_that_is_not_otlp_with_exit_2() {
    let out = ottl(
        &["eval", "-c", "log", "-e", "set(attributes[\"a\"], 1)", "-"],
        Some("{\"not\": \"otlp\"}"),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("error:"));
}

#[test]
fn functions_lists_every_function_once() {
    let out = ottl(&["functions"], None);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    let names: Vec<&str> = stdout
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    let standard = ottl_functions::standard();
    for signature in standard.signatures() {
        assert!(
            names.contains(&signature.name),
            "{} missing",
            signature.name
        );
    }
    assert!(
        names.contains(&"IsRootSpan"),
        "filter functions are listed too"
    );
    let mut unique = names.clone();
    unique.dedup();
    assert_eq!(unique.len(), names.len(), "a function listed twice");
}

#[test]
fn functions_shows_one_with_typed_parameters_and_examples() {
    let out = ottl(&["functions", "HasPrefix"], None);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("HasPrefix(target: string, prefix: string) -> bool\n"),
        "{stdout}"
    );
    assert!(stdout.contains("converter — whether a string starts with another"));
    assert!(stdout.contains("HasPrefix(\"ingest_service\", \"ingest_\")\n    ⇒ true"));
}

#[test]
fn functions_of_an_unknown_name_exit_1_with_did_you_mean() {
    let out = ottl(&["functions", "HasPrefx"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("did you mean `HasPrefix`?"));
    let out = ottl(&["functions", "Nope"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("did you mean one of"));
    let out = ottl(&["functions", "Base64Decode"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains(r#"use `Decode(value, "base64")` instead"#));
}

#[test]
fn functions_as_json_carry_the_same_metadata() {
    let out = ottl(&["functions", "--format", "json"], None);
    assert_eq!(out.status.code(), Some(0));
    let all: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let has_prefix = all
        .as_array()
        .and_then(|all| all.iter().find(|f| f["name"] == "HasPrefix"))
        .expect("HasPrefix listed");
    assert_eq!(has_prefix["returns"], "bool");
    assert_eq!(has_prefix["params"][1]["name"], "prefix");
    assert_eq!(has_prefix["examples"][0]["result"], "true");
}

#[test]
fn functions_format_shows_its_typed_parameters_and_examples() {
    let out = ottl(&["functions", "Format"], None);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("Format(format: string literal, vals: [any, …]) -> string\n"),
        "{stdout}"
    );
    assert!(stdout.matches("\n    ⇒ ").count() >= 2, "{stdout}");
    assert!(stdout.contains("Format(\"test-%04d\", [2])\n    ⇒ \"test-0002\""));
}

#[test]
fn explain_prints_every_code_and_suggests_for_a_typo() {
    let mut ids = std::collections::BTreeSet::new();
    for code in ottl_core::diag::Code::ALL {
        assert!(ids.insert(code.id()), "{} registered twice", code.id());
        assert!(
            code.explanation().len() > 40,
            "{} has no explanation",
            code.id()
        );
    }
    let out = ottl(&["explain", "e0101"], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).starts_with("E0101: a path that the context does not have\n"));
    let out = ottl(&["explain", "E01O1"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("did you mean `E0101`?"));
    let out = ottl(&["explain", "--list"], None);
    assert_eq!(text(&out.stdout).lines().count(), ids.len());
}

/// Every `ottl <command>` that a message or a help text names is a command `ottl` has.
#[test]
fn messages_name_only_commands_that_exist() {
    let help = text(&ottl(&["--help"], None).stdout);
    let commands: Vec<&str> = help
        .lines()
        .skip_while(|line| !line.starts_with("Commands:"))
        .skip(1)
        .take_while(|line| line.starts_with("  "))
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    let mut named = Vec::new();
    for crate_dir in ["ottl-core/src", "ottl-functions/src", "ottl-cli/src"] {
        let mut stack = vec![repo().join(crate_dir)];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).expect("source folder").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let source = std::fs::read_to_string(&path).expect("source file");
                    for (at, _) in source.match_indices("`ottl ") {
                        let word: String = source[at + 6..]
                            .chars()
                            .take_while(|c| c.is_ascii_lowercase())
                            .collect();
                        if !word.is_empty() {
                            named.push((word, path.display().to_string()));
                        }
                    }
                }
            }
        }
    }
    assert!(!named.is_empty());
    for (command, file) in named {
        assert!(
            commands.contains(&command.as_str()),
            "{file} names `ottl {command}`, which does not exist"
        );
    }
}

#[test]
fn lambda_converters_need_the_feature_gate_on_eval_and_check() {
    let statement = r#"set(attributes["n"], Reduce([1, 2, 3], 0, (acc, _, v) => acc + v))"#;
    let input = "testdata/otlp/logs-every-field.json";
    let refused = ottl(&["eval", "-c", "log", "-e", statement, input], None);
    assert_eq!(refused.status.code(), Some(1));
    let stderr = text(&refused.stderr);
    assert!(
        stderr.contains("--feature-gates ottl.functions.enableLambda"),
        "{stderr}"
    );
    let gated = ["--feature-gates", "ottl.functions.enableLambda"];
    let mut args = vec!["eval", "-c", "log", "-e", statement, input];
    args.extend(gated);
    let out = ottl(&args, None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains(r#"{"key":"n","value":{"intValue":"6"}}"#));
    let mut args = vec!["check", "-c", "log", "-e", statement];
    args.extend(gated);
    assert_eq!(ottl(&args, None).status.code(), Some(0));
    // `-id` turns a gate off again (written `--feature-gates=-id`, as for otelcol, or the id
    // would read as an option); an unknown id is a usage error.
    let mut args = vec!["check", "-c", "log", "-e", statement];
    args.extend(gated);
    args.push("--feature-gates=-ottl.functions.enableLambda");
    assert_eq!(ottl(&args, None).status.code(), Some(1));
    let unknown = ottl(
        &["check", "-e", statement, "--feature-gates", "ottl.nope"],
        None,
    );
    assert_eq!(unknown.status.code(), Some(2));
}
