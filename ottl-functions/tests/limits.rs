//! A program's [`Limits`] bound what its statements write into a record: growth fails with
//! [`RuntimeErrorKind::LimitExceeded`] naming the limit, instead of eating memory.

use ottl_core::Limits;
use ottl_core::RuntimeErrorKind;
use ottl_core::context::ContextKind;
use ottl_core::model::{AnyValue, LogRecord, Logs, ResourceLogs, ScopeLogs};
use ottl_core::run::{ErrorMode, Program, Run, StatementError};

fn one_record() -> Logs {
    Logs {
        resource_logs: vec![ResourceLogs {
            scope_logs: vec![ScopeLogs {
                log_records: vec![LogRecord::default()],
                ..ScopeLogs::default()
            }],
            ..ResourceLogs::default()
        }],
    }
}

fn program(statements: &[&str]) -> Program {
    Program::compile(
        statements,
        &[],
        ContextKind::Log,
        ErrorMode::Propagate,
        &ottl_functions::standard(),
    )
    .expect("the statements compile")
}

/// Runs `program` on one empty log record: the failure, and the record as it was left.
fn run(program: &Program) -> (Result<(), StatementError>, LogRecord) {
    let mut logs = one_record();
    let result = program.run(&mut logs).map(drop);
    let record = logs.resource_logs[0].scope_logs[0].log_records[0].clone();
    (result, record)
}

fn limit_of(result: Result<(), StatementError>) -> &'static str {
    match result.as_ref().map_err(|e| e.error.kind()) {
        Err(RuntimeErrorKind::LimitExceeded { limit, .. }) => limit,
        other => panic!("expected a limit error, got {other:?}"),
    }
}

#[test]
fn a_huge_int_key_is_an_error_not_an_allocation() {
    let (result, record) = run(&program(&[
        r#"set(attributes["x"][9223372036854775807], 1)"#,
    ]));
    let error = result.expect_err("the list would have 2^63 elements");
    assert!(matches!(
        error.error.kind(),
        RuntimeErrorKind::LimitExceeded {
            limit: "max_list_len",
            max: 10_000,
            ..
        }
    ));
    assert!(error.to_string().contains("with_limits"), "{error}");
    assert!(
        record
            .attributes
            .get("x")
            .is_none_or(|v| *v == AnyValue::Empty)
    );
}

#[test]
fn an_int_key_within_the_limit_creates_the_list() {
    let (result, record) = run(&program(&[r#"set(attributes["x"][9999], 1)"#]));
    result.expect("10 000 elements are allowed");
    match record.attributes.get("x") {
        Some(AnyValue::Array(items)) => assert_eq!(items.len(), 10_000),
        other => panic!("expected a list, got {other:?}"),
    }
}

#[test]
fn doubling_a_string_stops_at_max_string_len() {
    let double = r#"set(attributes["a"], Concat([attributes["a"], attributes["a"]], ""))"#;
    let mut statements = vec![r#"set(attributes["a"], "0123456789abcdef")"#];
    // 16 bytes doubled 23 times is 128 MiB, past the default 64 MiB.
    statements.extend(std::iter::repeat_n(double, 23));
    let (result, record) = run(&program(&statements));
    let error = result.expect_err("the string outgrows 64 MiB");
    assert_eq!(error.statement, double);
    assert!(matches!(
        error.error.kind(),
        RuntimeErrorKind::LimitExceeded {
            limit: "max_string_len",
            max: 0x400_0000,
            found: 0x800_0000,
        }
    ));
    // The last write that fit is kept; the one that did not was not made.
    assert_eq!(
        record
            .attributes
            .get("a")
            .and_then(AnyValue::as_str)
            .map(str::len),
        Some(64 << 20)
    );
}

#[test]
fn with_limits_lowers_every_limit() {
    let limits = Limits {
        max_string_len: 8,
        max_list_len: 3,
        max_map_len: 2,
        max_depth: 2,
        max_value_size: 1_000,
    };
    let cases = [
        (r#"set(attributes["s"], "123456789")"#, "max_string_len"),
        (r#"set(body, 0x010203040506070809)"#, "max_string_len"),
        (r#"set(attributes["l"], [1, 2, 3, 4])"#, "max_list_len"),
        (r#"set(attributes["l"][3], 1)"#, "max_list_len"),
        (
            r#"set(attributes["m"], {"a": 1, "b": 2, "c": 3})"#,
            "max_map_len",
        ),
        (r#"set(attributes["d"], [[[1]]])"#, "max_depth"),
        (r#"set(cache["d"], {"a": {"b": {"c": 1}}})"#, "max_depth"),
    ];
    for (statement, limit) in cases {
        let lowered = program(&[statement]).with_limits(limits);
        assert_eq!(limit_of(run(&lowered).0), limit, "{statement}");
        // The default limits let the same statement through.
        run(&program(&[statement]))
            .0
            .unwrap_or_else(|e| panic!("{statement} fails by default: {e}"));
    }
}

#[test]
fn a_full_map_takes_no_new_key_but_updates_old_ones() {
    let limits = Limits {
        max_map_len: 2,
        ..Limits::default()
    };
    let filled = [r#"set(attributes["a"], 1)"#, r#"set(attributes["b"], 2)"#];
    let update = program(&[filled[0], filled[1], r#"set(attributes["a"], 3)"#]).with_limits(limits);
    run(&update).0.expect("updating a key adds nothing");
    for third in [
        r#"set(attributes["c"], 3)"#,
        r#"set(attributes["c"]["d"], 3)"#,
    ] {
        let grow = program(&[filled[0], filled[1], third]).with_limits(limits);
        assert_eq!(limit_of(run(&grow).0), "max_map_len", "{third}");
    }
}

#[test]
fn nesting_a_value_in_itself_stops_at_max_value_size() {
    let nest = r#"set(attributes["a"], [attributes["a"], attributes["a"]])"#;
    let mut statements = vec![r#"set(attributes["a"], "0123456789abcdef")"#];
    statements.extend(std::iter::repeat_n(nest, 40));
    let limits = Limits {
        max_value_size: 1 << 20,
        ..Limits::default()
    };
    let (result, _) = run(&program(&statements).with_limits(limits));
    // Depth grows by one per statement, size doubles: the size limit is reached first.
    assert_eq!(limit_of(result), "max_value_size");
}

#[test]
fn under_ignore_a_limit_error_is_reported_and_the_run_goes_on() {
    let program = Program::compile(
        &[
            r#"set(attributes["x"][9223372036854775807], 1)"#,
            r#"set(attributes["after"], true)"#,
        ],
        &[],
        ContextKind::Log,
        ErrorMode::Ignore,
        &ottl_functions::standard(),
    )
    .expect("the statements compile");
    let mut logs = one_record();
    let mut reported = Vec::new();
    program
        .run_with(&mut logs, Run::reporting(&mut |e| reported.push(e)))
        .expect("ignore goes on");
    assert_eq!(reported.len(), 1);
    let record = &logs.resource_logs[0].scope_logs[0].log_records[0];
    assert_eq!(record.attributes.get("after"), Some(&AnyValue::Bool(true)));
}

/// Found by `no_panic`: with a converter, each match replaces every occurrence of the matched
/// text in the text so far, so an empty pattern (or a replacement containing the match)
/// multiplies the text at each of its matches, and a 20-character name asked for gigabytes.
#[test]
fn replacing_with_a_function_stops_at_max_string_len() {
    let program = program(&[
        r#"set(attributes["name"], "twenty characters...")"#,
        r#"replace_pattern(attributes["name"], "", "日本", SHA256)"#,
    ]);
    let (result, record) = run(&program);
    assert_eq!(limit_of(result), "max_string_len");
    assert_eq!(
        record.attributes.get("name").and_then(AnyValue::as_str),
        Some("twenty characters...")
    );
}

#[test]
fn merging_a_map_into_itself_stops_at_max_value_size() {
    // merge_maps edits the map in place, past the setters, so it checks what comes in itself;
    // each round nests two copies of `m` in `m`, doubling it, and the run stops at the limit.
    let round = [
        r#"set(attributes["n"], attributes["m"])"#,
        r#"merge_maps(attributes["m"], attributes, "upsert")"#,
    ];
    let mut statements = vec![r#"set(attributes["m"], {"k": "0123456789abcdef"})"#];
    for _ in 0..40 {
        statements.extend(round);
    }
    let limits = Limits {
        max_value_size: 1 << 20,
        ..Limits::default()
    };
    let (result, _) = run(&program(&statements).with_limits(limits));
    assert_eq!(limit_of(result), "max_value_size");
}

#[test]
fn merging_into_a_full_map_counts_only_new_keys() {
    let limits = Limits {
        max_map_len: 2,
        ..Limits::default()
    };
    let statements = [
        r#"set(attributes["a"], 1)"#,
        r#"set(attributes["b"], 2)"#,
        r#"merge_maps(attributes, {"a": 3, "b": 4}, "upsert")"#,
    ];
    let (result, record) = run(&program(&statements).with_limits(limits));
    assert!(
        result.is_ok(),
        "upserting existing keys does not grow the map: {result:?}"
    );
    assert_eq!(record.attributes.get("a"), Some(&AnyValue::Int(3)));
    let grow = [
        r#"set(attributes["a"], 1)"#,
        r#"set(attributes["b"], 2)"#,
        r#"merge_maps(attributes, {"c": 3}, "upsert")"#,
    ];
    let (result, _) = run(&program(&grow).with_limits(limits));
    assert_eq!(limit_of(result), "max_map_len");
}

#[test]
fn a_growing_replacement_stops_at_max_string_len() {
    let limits = Limits {
        max_string_len: 1 << 16,
        ..Limits::default()
    };
    let grow = r#"replace_all_patterns(attributes, "value", "a", "aaaa")"#;
    let mut statements = vec![r#"set(attributes["s"], "a")"#];
    statements.extend(std::iter::repeat_n(grow, 20));
    let (result, record) = run(&program(&statements).with_limits(limits));
    assert_eq!(limit_of(result), "max_string_len");
    let kept = record
        .attributes
        .get("s")
        .and_then(AnyValue::as_str)
        .map_or(0, str::len);
    assert!(
        kept <= 1 << 16,
        "the record keeps the last value within the limit ({kept} bytes)"
    );
}
