//! The one-time cost of the data `UserAgent` and `ExtractGrokPatterns` build on first use,
//! which the steady-state benches (`--bench functions -- web`) leave out. Each run of
//! `cargo bench -p ottl-functions --bench lazy_data` is a fresh process, so the first compile
//! of each statement pays for the data.

#[path = "common/agents.rs"]
mod agents;

use ottl_core::context::ContextKind;
use ottl_core::function::Registry;
use ottl_core::model::{AnyValue, LogRecord, Logs, Map, ResourceLogs, ScopeLogs};
use ottl_core::run::{ErrorMode, Program};
use std::time::{Duration, Instant};

fn compile(statement: &str, registry: &Registry) -> (Program, Duration) {
    let start = Instant::now();
    let program = Program::compile(
        &[statement],
        &[],
        ContextKind::Log,
        ErrorMode::Propagate,
        registry,
    )
    .unwrap_or_else(|errors| panic!("{statement}: {errors:?}"));
    (program, start.elapsed())
}

fn run(program: &Program, logs: &mut Logs) -> Duration {
    let start = Instant::now();
    let _ = program.run(logs);
    start.elapsed()
}

fn main() {
    // `cargo bench` passes `--bench`; nothing to filter here.
    let registry = ottl_functions::standard();
    let statement = r#"set(cache["out"], UserAgent(attributes["ua"]))"#;
    let (program, first) = compile(statement, &registry);
    let (_, second) = compile(statement, &registry);
    let log_records = agents::agents(10_000)
        .into_iter()
        .map(|agent| LogRecord {
            attributes: [("ua", AnyValue::Str(agent.into()))]
                .into_iter()
                .collect::<Map>(),
            ..LogRecord::default()
        })
        .collect();
    let mut logs = Logs {
        resource_logs: vec![ResourceLogs {
            scope_logs: vec![ScopeLogs {
                log_records,
                ..ScopeLogs::default()
            }],
            ..ResourceLogs::default()
        }],
    };
    let cold = run(&program, &mut logs);
    let warm = run(&program, &mut logs);
    println!("UserAgent: first compile (uap rule sets built) {first:?}, next compile {second:?}");
    println!(
        "UserAgent: first run over 10 000 agents {cold:?} (each matching rule's regex compiled once), second run {warm:?}"
    );

    let statement =
        r#"set(cache["out"], ExtractGrokPatterns(attributes["line"], "%{COMMONAPACHELOG}"))"#;
    let (_, first) = compile(statement, &registry);
    let (_, second) = compile(statement, &registry);
    println!(
        "ExtractGrokPatterns %{{COMMONAPACHELOG}}: first compile (library read) {first:?}, next compile {second:?}"
    );
}
