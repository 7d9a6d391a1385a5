//! Byte soup as a log body through every XML function, with XPaths that select elements,
//! text, attributes, a node with its ancestors (which the reference loops on) and a union:
//! a value or a runtime error, never a panic, in bounded time.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ottl_core::context::ContextKind;
use ottl_core::model::{AnyValue, LogRecord, Logs, ResourceLogs, ScopeLogs};
use ottl_core::run::{ErrorMode, Program};
use std::sync::OnceLock;

const STATEMENTS: [&str; 11] = [
    r#"set(attributes["parsed"], ParseXML(body))"#,
    r#"set(attributes["simple"], ParseSimplifiedXML(body))"#,
    r#"set(attributes["all"], GetXML(body, "//*"))"#,
    r#"set(attributes["text"], GetXML(body, "/*/text() | //comment()"))"#,
    r#"set(attributes["attrs"], GetXML(body, "//@*[starts-with(name(), 'a') or . = '1']"))"#,
    r#"set(attributes["nested"], GetXML(body, "(//b)[last()]/ancestor-or-self::* | //a[2]"))"#,
    r#"set(attributes["removed"], RemoveXML(body, "//b | //@x | //comment() | //text()[1]"))"#,
    r#"set(attributes["inserted"], InsertXML(body, "//a | /", "<i>new</i><j/>"))"#,
    r#"set(attributes["elements"], ConvertAttributesToElementsXML(body))"#,
    r#"set(attributes["wrapped"], ConvertTextToElementsXML(body, "//*[count(*) > 1]", "v"))"#,
    r#"set(attributes["again"], ParseXML(GetXML(body, "/*[1]")))"#,
];

fn program() -> &'static Program {
    static PROGRAM: OnceLock<Program> = OnceLock::new();
    PROGRAM.get_or_init(|| {
        let registry = ottl_functions::transform::registry(ContextKind::Log);
        match Program::compile(
            &STATEMENTS,
            &[],
            ContextKind::Log,
            ErrorMode::Ignore,
            &registry,
        ) {
            Ok(program) => program,
            Err(errors) => panic!("the statements compile: {errors:?}"),
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let body = String::from_utf8_lossy(data);
    let mut logs = Logs {
        resource_logs: vec![ResourceLogs {
            scope_logs: vec![ScopeLogs {
                log_records: vec![LogRecord {
                    body: AnyValue::from(&*body),
                    ..LogRecord::default()
                }],
                ..ScopeLogs::default()
            }],
            ..ResourceLogs::default()
        }],
    };
    assert!(
        program().run(&mut logs).is_ok(),
        "ignore mode never fails"
    );
});
