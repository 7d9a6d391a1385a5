//! Running a program over a document with its failures (or a trace) on stderr: shared by
//! `eval`, `eval --config` and the REPL.

use crate::messages::{Messages, RecordCount, RunMessages};
use crate::trace::{Shared, TraceFormat, Tracer};
use ottl_core::context::Signal;
use ottl_core::model::json::Document;
use ottl_core::run::{Program, Run, StatementError};
use std::cell::RefCell;

/// The signal of a document, and its name for messages.
pub fn signal(document: &Document) -> (Signal, &'static str) {
    match document {
        Document::Logs(_) => (Signal::Logs, "logs"),
        Document::Traces(_) => (Signal::Traces, "traces"),
        Document::Metrics(_) => (Signal::Metrics, "metrics"),
    }
}

/// Runs `program` over `document`, whose resources are numbered from `first_resource` (a part
/// of a cut document), keeping in `messages` the first few failures of each statement and how
/// many records it failed on, each line after `prefix`; with `trace`, every failure is shown on
/// stderr at once within a trace of every record and statement.
pub(crate) fn run_reported(
    program: &Program,
    document: &mut Document,
    first_resource: usize,
    prefix: &str,
    trace: Option<TraceFormat>,
    messages: &mut Messages,
) -> Result<(), StatementError> {
    if let Some(format) = trace {
        let tracer = RefCell::new(Tracer::new(program, format, prefix));
        let mut report = |failure| tracer.borrow().failure(&failure);
        let run = Run::reporting(&mut report)
            .first_resource(first_resource)
            .observer(Shared(&tracer));
        return program.run_with(document, run);
    }
    let mut run = RunMessages::new(prefix);
    let mut records = RecordCount::default();
    let mut report = |failure| run.failure(program, failure);
    let result = program.run_with(
        document,
        Run::reporting(&mut report)
            .first_resource(first_resource)
            .observer(&mut records),
    );
    run.records(records.0);
    messages.push_run(run);
    result
}
