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
