//! Fuzzes the text parsers: any text (invalid UTF-8 replaced) through `URL`, `ParseCEF`,
//! `ParseCLF` (both formats), `ParseELF`, `ParseLEEF` and `ExtractGrokPatterns` (as the target
//! of `%{COMMONAPACHELOG}` and, when short, as the pattern): each returns a value or a runtime
//! error, never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ottl_core::context::ContextKind;
use ottl_core::model::{AnyValue, LogRecord, Logs, ResourceLogs, ScopeLogs};
use ottl_core::run::{ErrorMode, Program};
use std::sync::LazyLock;

const CALLS: [&str; 8] = [
    r#"URL(attributes["text"])"#,
    r#"ParseCEF(attributes["text"])"#,
    r#"ParseCLF(attributes["text"])"#,
    r#"ParseCLF(attributes["text"], "combined")"#,
    r#"ParseELF(attributes["text"])"#,
    r#"ParseLEEF(attributes["text"])"#,
    r#"ExtractGrokPatterns(attributes["text"], "%{COMMONAPACHELOG}")"#,
    r#"ExtractGrokPatterns("GET /index.html 200", attributes["text"])"#,
];

static PROGRAMS: LazyLock<Vec<Program>> = LazyLock::new(|| {
    let registry = ottl_functions::transform::registry(ContextKind::Log);
    CALLS
        .iter()
        .map(|call| {
            let statement = format!(r#"set(attributes["out"], {call})"#);
            Program::compile(&[&statement], &[], ContextKind::Log, ErrorMode::Propagate, &registry)
                .unwrap_or_else(|errors| panic!("{statement}: {errors:?}"))
        })
        .collect()
});

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for (call, program) in CALLS.iter().zip(PROGRAMS.iter()) {
        // A pattern per record compiles per record: keep those short so runs stay fast.
        if call.starts_with("ExtractGrokPatterns(\"GET") && text.len() > 64 {
            continue;
        }
        let mut logs = one_record(&text);
        let _ = program.run(&mut logs);
    }
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
