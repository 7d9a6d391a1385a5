//! Running a program over a document with its failures (or a trace) on stderr: shared by
//! `eval`, `eval --config` and the REPL.

use crate::failures::{Failures, RecordCount};
use crate::trace::{Shared, TraceFormat, Tracer};
use ottl_core::context::Signal;
use ottl_core::model::json::Document;
use ottl_core::run::{Program, Run, StatementError};
use std::cell::RefCell;

/// The signal of a document, and its name for messages.
pub(crate) fn signal(document: &Document) -> (Signal, &'static str) {
    match document {
        Document::Logs(_) => (Signal::Logs, "logs"),
        Document::Traces(_) => (Signal::Traces, "traces"),
        Document::Metrics(_) => (Signal::Metrics, "metrics"),
    }
}

/// Runs `program` over `document`, showing its failures on stderr after `prefix`: the first
/// few of each statement, then how many records it failed on; or, with `trace`, every
/// failure within a trace of every record and statement.
pub(crate) fn run_reported(
    program: &Program,
    document: &mut Document,
    prefix: &str,
    trace: Option<TraceFormat>,
) -> Result<(), StatementError> {
    if let Some(format) = trace {
        let tracer = RefCell::new(Tracer::new(program, format, prefix));
        let mut report = |failure| tracer.borrow().failure(&failure);
        let run = Run::reporting(&mut report).observer(Shared(&tracer));
        return program.run_with(document, run);
    }
    let mut failures = Failures::default();
    let mut records = RecordCount::default();
    let mut report = |failure| failures.report(prefix, failure);
    let result = program.run_with(document, Run::reporting(&mut report).observer(&mut records));
    failures.summarize(prefix, program, records.0);
    result
}
