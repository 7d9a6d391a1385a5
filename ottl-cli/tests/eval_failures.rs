//! `ottl eval` under `--error-mode ignore`: a statement that fails on many records shows its
//! first few failures, then one line that counts them.

mod common;

use std::process::Output;

/// OTLP/JSON logs with `count` records, each with a string body that is not a number.
fn logs(count: usize) -> String {
    let records: Vec<String> = (0..count)
        .map(|i| format!(r#"{{"body":{{"stringValue":"x{i}"}}}}"#))
        .collect();
    format!(
        r#"{{"resourceLogs":[{{"scopeLogs":[{{"logRecords":[{}]}}]}}]}}"#,
        records.join(",")
    )
}

fn eval(args: &[&str], count: usize) -> Output {
    let mut all = vec!["eval"];
    all.extend_from_slice(args);
    let out = common::ottl(&all, Some(&logs(count)));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn stderr_lines(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn many_failures_show_three_then_a_count_per_statement() {
    let out = eval(
        &[
            "-e",
            r#"set(attributes["ok"], true)"#,
            "-e",
            "set(attributes[\"n\"], Double(body))",
            "-e",
            "set(attributes[\"m\"], Double(body)) where body != \"x0\"",
        ],
        2000,
    );
    let lines = stderr_lines(&out);
    assert_eq!(lines.len(), 8, "{lines:#?}");
    assert!(lines[0].contains("logRecords[0])"), "{}", lines[0]);
    assert!(
        lines[2].contains("attributes[\"m\"]") && lines[2].contains("logRecords[1])"),
        "{}",
        lines[2]
    );
    let summaries: Vec<&String> = lines.iter().filter(|l| l.contains("failed on")).collect();
    assert_eq!(
        summaries,
        [
            "warning: <stdin>: statement 2 (`set(attributes[\"n\"], Double(body))`) failed on \
             2 000 of 2 000 records (3 shown above): cannot convert \"x0\" to float64",
            "warning: <stdin>: statement 3 (`set(attributes[\"m\"], Double(body)) where body != \
             \"x0\"`) failed on 1 999 of 2 000 records (3 shown above): cannot convert \"x1\" \
             to float64",
        ]
    );
}

#[test]
fn a_few_failures_are_all_shown_without_a_count() {
    let out = eval(&["-e", "set(attributes[\"n\"], Double(body))"], 3);
    let lines = stderr_lines(&out);
    assert_eq!(lines.len(), 3, "{lines:#?}");
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with("warning: <stdin>: failed to execute"))
    );
}

#[test]
fn silent_shows_nothing() {
    let out = eval(
        &[
            "--error-mode",
            "silent",
            "-e",
            "set(attributes[\"n\"], Double(body))",
        ],
        50,
    );
    assert_eq!(stderr_lines(&out), Vec::<String>::new());
}

#[test]
fn config_groups_are_summarised_too() {
    let config = std::env::temp_dir().join(format!("ottl-failures-{}.yaml", std::process::id()));
    let yaml = "processors:\n  transform:\n    log_statements:\n      - context: log\n        \
                statements:\n          - set(attributes[\"n\"], Double(body))\n";
    std::fs::write(&config, yaml).expect("temp file written");
    let path = config.display().to_string();
    let out = eval(&["--config", &path], 10);
    std::fs::remove_file(&config).ok();
    let lines = stderr_lines(&out);
    let last = lines.last().expect("a summary");
    assert_eq!(lines.len(), 4, "{lines:#?}");
    assert!(
        last.ends_with(
            "statement 1 (`set(attributes[\"n\"], Double(body))`) failed on 10 of 10 records \
             (3 shown above): cannot convert \"x0\" to float64"
        ),
        "{last}"
    );
}
