//! `ottl repl` in piped mode: lines from standard input, results on standard output.

mod common;

fn repl(args: &[&str], input: &str) -> (String, String) {
    let mut all = vec!["repl"];
    all.extend_from_slice(args);
    let out = common::ottl(&all, Some(input));
    assert_eq!(out.status.code(), Some(0));
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const LOGS: &str = "testdata/otlp/proto-example-logs.json";
const TRACES: &str = "testdata/otlp/traces-every-field.json";

#[test]
fn a_statement_shows_its_change_and_show_prints_the_record() {
    let (stdout, stderr) = repl(&[LOGS], "set(attributes[\"a\"], \"b\")\n:show\n");
    assert_eq!(stderr, "");
    assert!(
        stdout.starts_with(
            "testdata/otlp/proto-example-logs.json: resourceLogs[0].scopeLogs[0].logRecords[0]\n  \
             1 set(attributes[\"a\"], \"b\")  [ran]\n      attributes[\"a\"]: (absent) -> \"b\"\n{"
        ),
        "{stdout}"
    );
    let shown = &stdout[stdout.find("\n{").expect("the record") + 1..];
    let record: serde_json::Value = serde_json::from_str(shown).expect("OTLP/JSON");
    let records = &record["resourceLogs"][0]["scopeLogs"][0]["logRecords"];
    assert_eq!(records.as_array().map(Vec::len), Some(1));
    assert!(
        records[0]["attributes"]
            .as_array()
            .expect("attributes")
            .iter()
            .any(|kv| kv["key"] == "a" && kv["value"]["stringValue"] == "b")
    );
}

#[test]
fn conditions_and_expressions_print_their_values() {
    let input = "attributes[\"http.method\"] == \"GET\"\nLen(body)\nseverity_number > 5\n";
    let (stdout, stderr) = repl(&[LOGS], input);
    assert_eq!(stderr, "");
    assert_eq!(stdout, "false\n18\ntrue\n");
}

#[test]
fn commands_move_between_records_and_contexts() {
    let input = ":next\n:prev\n:goto 3\nname\n:goto 9\n:context spanevent\nname\n:bogus\n";
    let (stdout, stderr) = repl(&[TRACES], input);
    assert_eq!(
        stdout,
        "span 2/4: testdata/otlp/traces-every-field.json: resourceSpans[0].scopeSpans[0].spans[1]\n\
         span 1/4: testdata/otlp/traces-every-field.json: resourceSpans[0].scopeSpans[0].spans[0]\n\
         span 3/4: testdata/otlp/traces-every-field.json: resourceSpans[0].scopeSpans[0].spans[2]\n\
         \"\"\n\
         spanevent 1/2: testdata/otlp/traces-every-field.json: \
         resourceSpans[0].scopeSpans[0].spans[0].events[0]\n\
         \"exception\"\n"
    );
    assert_eq!(
        stderr,
        "error: there are 4 span records\nerror: unknown command `:bogus`; :help lists them\n"
    );
}

#[test]
fn a_rejected_statement_shows_its_diagnostic_and_changes_nothing() {
    let (stdout, stderr) = repl(&[TRACES], "set(nme, \"x\")\nname\n");
    assert!(stderr.contains("did you mean `name`?"), "{stderr}");
    assert_eq!(stdout, "\"POST /cart\"\n");
}

#[test]
fn without_inputs_a_sample_of_logs_is_loaded() {
    let (stdout, _) = repl(&[], "body\n");
    assert_eq!(stdout, "\"Example log record\"\n");
}

#[test]
fn feature_gates_add_the_lambda_converters() {
    let line = "Reduce([1, 2, 3], 0, (acc, _, v) => acc + v)\n";
    let (stdout, _) = repl(&["--feature-gates", "ottl.functions.enableLambda"], line);
    assert_eq!(stdout, "6\n");
    let (_, stderr) = repl(&[], line);
    assert!(
        stderr.contains("--feature-gates ottl.functions.enableLambda"),
        "{stderr}"
    );
}

/// A file under the system's temporary directory, unique to this test run.
fn scratch(name: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!("ottl-repl-piped-{}-{name}", std::process::id()))
}

#[test]
fn undo_restores_the_records_and_history_lists_what_ran() {
    let input = "set(attributes[\"a\"], \"b\")\nset(body, \"new\")\n:history\n:undo\nbody\n\
                 attributes[\"a\"]\n:undo\nattributes[\"a\"]\n:undo\n:history\n";
    let (stdout, stderr) = repl(&[LOGS], input);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines[6..],
        [
            "  1 [log] set(attributes[\"a\"], \"b\")",
            "  2 [log] set(body, \"new\")",
            "undid set(body, \"new\")",
            "\"Example log record\"",
            "\"b\"",
            "undid set(attributes[\"a\"], \"b\")",
            "null",
            "no statements yet",
        ],
        "{stdout}"
    );
    assert_eq!(stderr, "error: nothing to undo\n");
}

#[test]
fn save_writes_an_ottl_file_that_check_reads() {
    let file = scratch("saved.ottl");
    let input = format!(
        "set(name, \"renamed\")\n:context resource\nset(attributes[\"r\"], 1)\n:context span\n\
         :save {}\n",
        file.display()
    );
    let (stdout, _) = repl(&[TRACES], &input);
    assert!(stdout.contains("saved 1 statements to"), "{stdout}");
    assert!(stdout.contains("(1 of other contexts left out"), "{stdout}");
    let text = std::fs::read_to_string(&file).expect("saved");
    assert_eq!(text, "# context: span\nset(name, \"renamed\")\n");
    let check = common::ottl(&["check", &file.display().to_string()], None);
    assert_eq!(check.status.code(), Some(0));
    let _ = std::fs::remove_file(file);
}

#[test]
fn case_writes_a_conformance_case_of_the_current_record() {
    let file = scratch("case.json");
    let input = format!(
        ":next\nset(attributes[\"seen\"], true) where name == \"GET /\"\nset(name, \"x\")\n\
         :case {}\n",
        file.display()
    );
    let (stdout, stderr) = repl(&[TRACES], &input);
    assert_eq!(stderr, "");
    let wrote = format!(
        "wrote a span case with 2 statements to {}\n",
        file.display()
    );
    assert!(stdout.ends_with(&wrote), "{stdout}");
    let text = std::fs::read_to_string(&file).expect("written");
    let case: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let keys: Vec<&str> = case
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "context",
            "description",
            "error_mode",
            "expect",
            "input",
            "source",
            "statements"
        ]
    );
    assert!(text.starts_with("{\n  \"description\": "), "{text}");
    assert_eq!(case["context"], "span");
    assert_eq!(case["error_mode"], "propagate");
    assert_eq!(case["statements"][1], "set(name, \"x\")");
    let spans = |doc: &serde_json::Value| doc["resourceSpans"][0]["scopeSpans"][0]["spans"].clone();
    let input_spans = spans(&case["input"]);
    assert_eq!(input_spans.as_array().map(Vec::len), Some(1));
    // The input is the record as loaded, before the statements.
    assert_ne!(input_spans[0]["name"], "x");
    assert_eq!(spans(&case["expect"]["output"])[0]["name"], "x");
    let _ = std::fs::remove_file(file);
}

#[test]
fn all_runs_on_every_record() {
    let input = ":all\nset(attributes[\"n\"], name) where kind == SPAN_KIND_INTERNAL\n:all\n\
                 :all name != \"\"\n:all Len(name)\n";
    let (stdout, _) = repl(&[TRACES], input);
    assert!(
        stdout.contains("ran on 1 of 4 span records (3 where false, 0 failed)\n"),
        "{stdout}"
    );
    assert!(stdout.contains("true on 2 of 4 span records\n"), "{stdout}");
    assert!(stdout.contains("span 1: 10\n"), "{stdout}");
}

#[test]
fn load_replaces_the_records_and_functions_and_explain_answer() {
    let input = format!(":load {TRACES}\n:functions Len\n:explain E0101\n:help\n:quit\nname\n");
    let (stdout, stderr) = repl(&[LOGS], &input);
    assert_eq!(stderr, "");
    assert!(
        stdout.starts_with("span 1/4: testdata/otlp/traces-every-field.json"),
        "{stdout}"
    );
    assert!(stdout.contains("Len(target: any) -> int"), "{stdout}");
    assert!(stdout.contains("E0101: "), "{stdout}");
    assert!(stdout.contains(":case FILE"), "{stdout}");
    // Nothing runs after :quit.
    assert!(!stdout.contains("POST /cart"), "{stdout}");
}

#[test]
fn without_inputs_each_signal_has_a_sample() {
    let (stdout, stderr) = repl(
        &["--context", "span"],
        "name\n:context datapoint\n:context resource\n",
    );
    assert_eq!(stderr, "");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], "\"I'm a server span\"");
    assert!(lines[1].starts_with("datapoint 1/"), "{stdout}");
    assert_eq!(lines[2], "resource 1/3: <sample logs>: resourceLogs[0]");
}

#[test]
fn open_brackets_continue_on_the_next_line() {
    let input = "set(attributes[\"a\"], Concat([\n  \"x\",\n  \"y\"], \"-\"))\nattributes[\"a\"]\n\
                 set(body,\n:history\n";
    let (stdout, stderr) = repl(&[LOGS], input);
    assert!(
        stdout.contains("  1 set(attributes[\"a\"], Concat([\"x\", \"y\"], \"-\"))  [ran]\n"),
        "{stdout}"
    );
    assert!(stdout.contains("\n\"x-y\"\n"), "{stdout}");
    // A command ends what is pending: the unfinished statement is reported, not run.
    assert!(stderr.contains("error["), "{stderr}");
    assert!(
        stdout.ends_with("  1 [log] set(attributes[\"a\"], Concat([\"x\", \"y\"], \"-\"))\n"),
        "{stdout}"
    );
}

#[test]
fn all_shows_the_first_twenty_records_and_counts_every_one() {
    let records: Vec<String> = (0..25)
        .map(|n| format!(r#"{{"body": {{"stringValue": "record {n}"}}}}"#))
        .collect();
    let logs = format!(
        r#"{{"resourceLogs": [{{"scopeLogs": [{{"logRecords": [{}]}}]}}]}}"#,
        records.join(", ")
    );
    let file = scratch("many.json");
    std::fs::write(&file, logs).expect("written");
    let input = ":all set(attributes[\"n\"], 1)\n:all Len(body)\n:all body == \"record 24\"\n";
    let (stdout, stderr) = repl(&[&file.display().to_string()], input);
    assert_eq!(stderr, "");
    assert_eq!(
        stdout
            .matches("  1 set(attributes[\"n\"], 1)  [ran]")
            .count(),
        20
    );
    assert!(
        stdout.contains(
            "… traced the first 20 records\nran on 25 of 25 log records (0 where false, 0 failed)\n"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("log 20: 9\n… and 5 more records\n"),
        "{stdout}"
    );
    assert!(
        stdout.ends_with("true on 1 of 25 log records\n"),
        "{stdout}"
    );
    let _ = std::fs::remove_file(file);
}

#[test]
fn records_cannot_come_from_standard_input() {
    // Exits before reading: nothing is written to its stdin (the pipe may be closed).
    let out = common::ottl(&["repl", "-"], None);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("give the records as a file"), "{stderr}");
}
