//! Each standard function on realistic inputs, by family, with allocation counts: one record,
//! one statement `set(cache["out"], <call>)` (or the editor itself), run in a loop.
//!
//! `cargo bench -p ottl-functions --bench functions [-- FILTER]`. The `baseline` bench is the
//! statement around the call with a plain path in its place (`set(cache["out"],
//! attributes["text"])`): subtract it to see the function alone. Allocation counts are per
//! iteration: a function that allocates only its output shows the baseline's count plus one.

mod collections;
mod editors;
mod encoding;
mod hash;
mod lambda;
mod net;
mod parse;
mod strings;
mod time;
mod transform;
mod types;
mod web;

#[path = "../common/agents.rs"]
mod agents;
mod xml;

use divan::AllocProfiler;
use ottl_core::context::ContextKind;
use ottl_core::model::{AnyValue, LogRecord, Logs, Map, ResourceLogs, ScopeLogs};
use ottl_core::run::{ErrorMode, Program};

#[global_allocator]
static ALLOC: AllocProfiler = AllocProfiler::system();

fn main() {
    divan::main();
}

/// A compiled statement and one log record whose attributes are `attributes` (as an OTTL map
/// literal), ready to run again and again.
pub(crate) struct Fixture {
    program: Program,
    logs: Logs,
}

impl Fixture {
    /// `statement` in the log context over one record; panics (in a bench, on our own input)
    /// if it does not compile.
    pub(crate) fn new(statement: &str, attributes: Map) -> Self {
        let mut registry = ottl_functions::standard();
        ottl_functions::experimental(&mut registry);
        let program = Program::compile(
            &[statement],
            &[],
            ContextKind::Log,
            ErrorMode::Propagate,
            &registry,
        )
        .unwrap_or_else(|errors| panic!("{statement}: {errors:?}"));
        let logs = Logs {
            resource_logs: vec![ResourceLogs {
                scope_logs: vec![ScopeLogs {
                    log_records: vec![LogRecord {
                        attributes,
                        ..LogRecord::default()
                    }],
                    ..ScopeLogs::default()
                }],
                ..ResourceLogs::default()
            }],
        };
        Self { program, logs }
    }

    /// Runs the statement once; for editors that change their input, the record is restored
    /// by the caller (see [`Fixture::run_on_copy`]).
    pub(crate) fn run(&mut self) {
        let result = self.program.run(&mut self.logs);
        divan::black_box(result.is_ok());
    }

    /// Runs the statement on a fresh copy of the record (for editors), timing only the run.
    pub(crate) fn run_on_copy(&self, bencher: divan::Bencher<'_, '_>) {
        bencher
            .with_inputs(|| self.logs.clone())
            .bench_local_values(|mut logs| {
                let result = self.program.run(&mut logs);
                divan::black_box(result.is_ok());
                logs
            });
    }
}

/// A map from string keys and values, for attributes.
pub(crate) fn attributes<'a>(entries: impl IntoIterator<Item = (&'a str, AnyValue)>) -> Map {
    entries.into_iter().collect()
}

/// `set(cache["out"], attributes["text"])` over a 16-byte string: the statement around every
/// converter bench, with no call in it.
#[divan::bench]
fn baseline(bencher: divan::Bencher<'_, '_>) {
    let mut fixture = Fixture::new(
        r#"set(cache["out"], attributes["text"])"#,
        attributes([("text", AnyValue::from("0123456789abcdef"))]),
    );
    bencher.bench_local(|| fixture.run());
}
