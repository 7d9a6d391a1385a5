//! Fuzzes `UserAgent`: any text (invalid UTF-8 replaced) as the user agent of one log record;
//! the statement runs without panicking and always yields `user_agent.name` and `os.name`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ottl_core::context::ContextKind;
use ottl_core::model::{AnyValue, LogRecord, Logs, ResourceLogs, ScopeLogs};
use ottl_core::run::{ErrorMode, Program};
use std::sync::LazyLock;

static PROGRAM: LazyLock<Program> = LazyLock::new(|| {
    Program::compile(
        &[r#"set(attributes["ua"], UserAgent(attributes["text"]))"#],
        &[],
        ContextKind::Log,
        ErrorMode::Propagate,
        &ottl_functions::standard(),
    )
    .unwrap_or_else(|errors| panic!("{errors:?}"))
});

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut logs = one_record(&text);
    if let Err(error) = PROGRAM.run(&mut logs) {
        panic!("UserAgent failed on {text:?}: {error}");
    }
    let record = &logs.resource_logs[0].scope_logs[0].log_records[0];
    let Some(AnyValue::KvList(parsed)) = record.attributes.get("ua") else {
        panic!("no map for {text:?}");
    };
    assert!(parsed.get("user_agent.name").is_some() && parsed.get("os.name").is_some());
});

fn one_record(text: &str) -> Logs {
    Logs {
        resource_logs: vec![ResourceLogs {
            scope_logs: vec![ScopeLogs {
                log_records: vec![LogRecord {
                    attributes: [("text", AnyValue::from(text))].into_iter().collect(),
                    ..LogRecord::default()
                }],
                ..ScopeLogs::default()
            }],
            ..ResourceLogs::default()
        }],
    }
}
