//! A converter passed by name (`replace_pattern(…, Counted)`) is compiled once, when the
//! statement compiles, and called per match with its one argument.

use ottl_core::context::ContextKind;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature, adapt};
use ottl_core::model::{AnyValue, LogRecord, Logs, ResourceLogs, ScopeLogs};
use ottl_core::run::{ErrorMode, Program};
use ottl_core::value::Value;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// `Counted(text)`: `text` in brackets; counts how often it is compiled.
struct Counted(Arc<AtomicUsize>);

impl Function for Counted {
    fn signature(&self) -> Signature {
        Signature::converter("Counted", Kind::String, "brackets a string")
            .param("text", ParamKind::Value(Kind::String))
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        self.0.fetch_add(1, Ordering::Relaxed);
        adapt::str1(args, |text| Ok(Value::string(format!("[{text}]"))))
    }
}

fn records(n: usize) -> Logs {
    let record = |i: usize| LogRecord {
        attributes: [("k", AnyValue::from(format!("a{i} b{i}").as_str()))]
            .into_iter()
            .collect(),
        ..LogRecord::default()
    };
    Logs {
        resource_logs: vec![ResourceLogs {
            scope_logs: vec![ScopeLogs {
                log_records: (0..n).map(record).collect(),
                ..ScopeLogs::default()
            }],
            ..ResourceLogs::default()
        }],
    }
}

#[test]
fn a_converter_passed_by_name_is_compiled_once_and_called_per_match() {
    let compiled = Arc::new(AtomicUsize::new(0));
    let mut registry = ottl_functions::standard();
    registry.insert(Counted(Arc::clone(&compiled)));
    let program = Program::compile(
        &[r#"replace_pattern(attributes["k"], "[ab](\\d)", "$1", Counted, "<%s>")"#],
        &[],
        ContextKind::Log,
        ErrorMode::Propagate,
        &registry,
    )
    .map_err(|errors| format!("{errors:?}"));
    let Ok(program) = program else {
        panic!("does not compile: {program:?}", program = program.err());
    };
    let mut logs = records(3);
    assert!(program.run(&mut logs).is_ok());
    assert_eq!(compiled.load(Ordering::Relaxed), 1, "compiled once");
    let values: Vec<String> = logs.resource_logs[0].scope_logs[0]
        .log_records
        .iter()
        .map(|record| {
            ottl_core::text::as_string(record.attributes.get("k").unwrap_or(&AnyValue::Empty))
        })
        .collect();
    assert_eq!(values, ["<[0]> <[0]>", "<[1]> <[1]>", "<[2]> <[2]>"]);
}

#[test]
fn a_converter_that_takes_two_arguments_fails_each_call_not_the_compile() {
    let program = Program::compile(
        &[r#"replace_pattern(attributes["k"], "a", "x", Split)"#],
        &[],
        ContextKind::Log,
        ErrorMode::Propagate,
        &ottl_functions::standard(),
    );
    let Ok(program) = program else {
        panic!("the reference accepts it when parsing");
    };
    let error = program.run(&mut records(1));
    let message = error.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(
        message.contains("incorrect number of arguments"),
        "{message}"
    );
}
