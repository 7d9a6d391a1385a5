//! Every example on a standard (or experimental) function's signature runs as a test, through the public API,
//! in the `log` context over one log record.
//!
//! - A converter example `source` ⇒ `result` holds when `source == result` is true, and, when
//!   the result can be stored in an attribute, when both store the same value (so `1` and `1.0`
//!   are told apart).
//! - An editor example turns the attributes `before` into `after` (compared entry by entry,
//!   in order).

use libtest_mimic::{Arguments, Failed, Trial};
use ottl_core::context::ContextKind;
use ottl_core::function::{Example, FunctionKind, Registry};
use ottl_core::model::{AnyValue, LogRecord, Logs, Map, ResourceLogs, ScopeLogs};
use ottl_core::run::{ErrorMode, Program};

/// The standard functions, the experimental ones and the transform processor's log functions
/// (`ParseCEF`, …), whose examples run too.
fn registry() -> Registry {
    let mut registry = ottl_functions::transform::registry(ContextKind::Log);
    ottl_functions::experimental(&mut registry);
    registry
}

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

/// Runs `statements` on one empty log record and returns its attributes.
fn run(statements: &[&str]) -> Result<Map, String> {
    let registry = registry();
    let program = Program::compile(
        statements,
        &[],
        ContextKind::Log,
        ErrorMode::Propagate,
        &registry,
    )
    .map_err(|failures| {
        let messages: Vec<String> = failures
            .iter()
            .map(|(i, d)| format!("`{}`: {d}", statements[*i]))
            .collect();
        format!("does not compile: {}", messages.join("; "))
    })?;
    let mut logs = one_record();
    program
        .run(&mut logs)
        .map_err(|error| format!("fails: {error}"))?;
    logs.resource_logs
        .pop()
        .and_then(|mut r| r.scope_logs.pop())
        .and_then(|mut s| s.log_records.pop())
        .map(|record| record.attributes)
        .ok_or_else(|| "the record disappeared".to_owned())
}

fn check_converter(example: &Example) -> Result<(), String> {
    let (source, result) = (example.source, example.input);
    let condition = format!(r#"set(attributes["ok"], true) where {source} == {result}"#);
    let attributes = run(&[&condition])?;
    if attributes.get("ok") != Some(&AnyValue::Bool(true)) {
        let actual = run(&[&format!(r#"set(attributes["v"], {source})"#)])
            .map(|a| format!("{:?}", a.get("v")))
            .unwrap_or_else(|e| e);
        return Err(format!(
            "`{source} == {result}` is false; the value is {actual}"
        ));
    }
    // Where the result is storable, the stored values must be identical.
    let expected = run(&[&format!(r#"set(attributes["v"], {result})"#)]);
    if let Ok(expected) = expected {
        let actual = run(&[&format!(r#"set(attributes["v"], {source})"#)])?;
        if actual.get("v") != expected.get("v") {
            return Err(format!(
                "`{source}` gives {:?}, expected {:?}",
                actual.get("v"),
                expected.get("v")
            ));
        }
    }
    Ok(())
}

fn check_editor(example: &Example) -> Result<(), String> {
    let (statement, before, after) = (example.source, example.input, example.output);
    let actual = run(&[&format!("set(attributes, {before})"), statement])?;
    let expected = run(&[&format!("set(attributes, {after})")])?;
    if actual == expected {
        Ok(())
    } else {
        Err(format!(
            "`{statement}` on {before} gives {actual:?}, expected {expected:?}"
        ))
    }
}

fn main() {
    let registry = registry();
    let mut trials = Vec::new();
    for signature in registry.signatures() {
        for (index, example) in signature.examples.iter().enumerate() {
            let example = example.clone();
            let kind = signature.kind;
            let name = format!("{}/{}", signature.name, index + 1);
            trials.push(Trial::test(name, move || {
                let outcome = match kind {
                    FunctionKind::Converter => check_converter(&example),
                    FunctionKind::Editor => check_editor(&example),
                };
                outcome.map_err(|message| Failed::from(format!("{}: {message}", example.source)))
            }));
        }
    }
    libtest_mimic::run(&Arguments::from_args(), trials).exit();
}
