//! `Now()` reads the clock of the request a batch runs with, so a host or a test can fix it.

use ottl_core::context::{Clock, ContextKind, Request};
use ottl_core::model::{AnyValue, LogRecord, Logs, ResourceLogs, ScopeLogs};
use ottl_core::run::{ErrorMode, Program, Run};

fn one_log() -> Logs {
    Logs {
        resource_logs: vec![ResourceLogs {
            scope_logs: vec![ScopeLogs {
                log_records: vec![LogRecord::default()],
                ..Default::default()
            }],
            ..Default::default()
        }],
    }
}

/// 2030-01-03T12:00:00Z.
const FIXED: i64 = 1_893_672_000_000_000_000;

fn run(statements: &[&str], clock: Clock) -> LogRecord {
    let program = Program::compile(
        statements,
        &[],
        ContextKind::Log,
        ErrorMode::Propagate,
        &ottl_functions::standard(),
    )
    .expect("compiles");
    let request = Request {
        clock,
        ..Request::NONE
    };
    let mut batch = one_log();
    program
        .run_with(&mut batch, Run::reporting(&mut |_| {}).request(&request))
        .expect("runs");
    batch.resource_logs[0].scope_logs[0].log_records[0].clone()
}

#[test]
fn now_reads_a_fixed_clock() {
    let record = run(
        &[
            "set(observed_time, Now())",
            r#"set(attributes["ns"], UnixNano(Now()))"#,
        ],
        Clock::Fixed(FIXED),
    );
    assert_eq!(record.observed_time_unix_nano, FIXED as u64);
    assert_eq!(record.attributes.get("ns"), Some(&AnyValue::Int(FIXED)));
}

#[test]
fn a_yearless_time_takes_the_year_from_the_clock() {
    // Early January: a date in the coming week is this year, one later in the year is last
    // year's (the reference's seven-day rule).
    let record = run(
        &[
            r#"set(attributes["soon"], Year(Time("Jan 05 10:00:00", "%b %d %H:%M:%S")))"#,
            r#"set(attributes["later"], Year(Time("Dec 31 10:00:00", "%b %d %H:%M:%S")))"#,
        ],
        Clock::Fixed(FIXED),
    );
    assert_eq!(record.attributes.get("soon"), Some(&AnyValue::Int(2030)));
    assert_eq!(record.attributes.get("later"), Some(&AnyValue::Int(2029)));
}

#[test]
fn the_system_clock_is_the_default() {
    let record = run(&["set(observed_time, Now())"], Clock::System);
    // After 2024-01-01.
    assert!(record.observed_time_unix_nano > 1_704_067_200_000_000_000);
}
