//! Running a program over a document with its failures (or a trace) on stderr: shared by
//! `eval`, `eval --config` and the REPL.

use crate::failures::{Failures, RecordCount};
use crate::trace::{Shared, TraceFormat, Tracer};
use ottl_core::context::{Request, Signal};
use ottl_core::model::json::Document;
use ottl_core::run::{Observer, Program, StatementError};
use std::cell::RefCell;

/// The signal of a document, and its name for messages.
pub fn signal(document: &Document) -> (Signal, &'static str) {
    match document {
        Document::Logs(_) => (Signal::Logs, "logs"),
        Document::Traces(_) => (Signal::Traces, "traces"),
        Document::Metrics(_) => (Signal::Metrics, "metrics"),
    }
}

/// Runs `program` over `document`, showing its failures on stderr after `prefix`: the first
/// few of each statement, then how many records it failed on; or, with `trace`, every
/// failure within a trace of every record and statement.
pub fn run_reported(
    program: &Program,
    document: &mut Document,
    prefix: &str,
    trace: Option<TraceFormat>,
) -> Result<(), StatementError> {
    if let Some(format) = trace {
        let tracer = RefCell::new(Tracer::new(program, format, prefix));
        let mut report = |failure| tracer.borrow().failure(&failure);
        return run_observed(program, document, &mut report, &mut Shared(&tracer));
    }
    let mut failures = Failures::default();
    let mut records = RecordCount::default();
    let result = run_observed(
        program,
        document,
        &mut |failure| failures.report(prefix, failure),
        &mut records,
    );
    failures.summarize(prefix, program, records.0);
    result
}

/// Runs `program` over the records of `document`, whichever signal it holds, telling
/// `observer` about every record and statement.
pub fn run_observed(
    program: &Program,
    document: &mut Document,
    report: &mut dyn FnMut(StatementError),
    observer: &mut impl Observer,
) -> Result<(), StatementError> {
    match document {
        Document::Logs(logs) => program.run_logs_observed(logs, &Request::NONE, report, observer),
        Document::Traces(traces) => {
            program.run_traces_observed(traces, &Request::NONE, report, observer)
        }
        Document::Metrics(metrics) => {
            program.run_metrics_observed(metrics, &Request::NONE, report, observer)
        }
    }
}
