//! What a program runs over ([`Batch`]), how ([`Run`]: the request, where failures go, who
//! watches), and what came of it ([`Failures`]).

use super::{Observer, Program, StatementError, Unobserved};
use crate::context::{NO_REQUEST, Request, TransformContext};
use crate::model::json::Document;
use crate::model::{Logs, Metrics, Traces};
use std::fmt;

/// Telemetry a [`Program`] runs over: a signal's batch ([`Logs`], [`Traces`], [`Metrics`]), a
/// decoded [`Document`], or a host's own type that holds one.
///
/// A host type implements it by handing its batch on:
///
/// ```
/// use ottl_core::model::Logs;
/// use ottl_core::run::{Batch, Observer, Program, Run, StatementError};
///
/// struct Received {
///     logs: Logs,
///     bytes: usize,
/// }
///
/// impl Batch for Received {
///     fn run_program<O: Observer>(&mut self, program: &Program, run: Run<'_, O>) -> Result<(), StatementError> {
///         self.logs.run_program(program, run)
///     }
/// }
/// ```
pub trait Batch {
    /// Runs `program` over every record of its context in the batch, in document order. A
    /// program whose context does not belong to the batch's signal runs on nothing.
    fn run_program<O: Observer>(
        &mut self,
        program: &Program,
        run: Run<'_, O>,
    ) -> Result<(), StatementError>;
}

/// Each signal's batch runs through its own walk (`signals.rs`).
macro_rules! signal_batches {
    ($($batch:ty => $walk:ident),* $(,)?) => {$(
        impl Batch for $batch {
            fn run_program<O: Observer>(
                &mut self,
                program: &Program,
                run: Run<'_, O>,
            ) -> Result<(), StatementError> {
                let Run {
                    request,
                    first_resource,
                    report,
                    mut observer,
                } = run;
                program.$walk(self, request, first_resource, report, &mut observer)
            }
        }
    )*};
}

signal_batches! {
    Logs => run_logs_observed,
    Traces => run_traces_observed,
    Metrics => run_metrics_observed,
}

impl Batch for Document {
    fn run_program<O: Observer>(
        &mut self,
        program: &Program,
        run: Run<'_, O>,
    ) -> Result<(), StatementError> {
        match self {
            Document::Logs(logs) => logs.run_program(program, run),
            Document::Traces(traces) => traces.run_program(program, run),
            Document::Metrics(metrics) => metrics.run_program(program, run),
        }
    }
}

/// How a program runs over a batch: the request the batch arrived with (what the `otelcol.*`
/// paths read; none by default), where the failures an `ignore` error mode lets pass go, the
/// number failures give the batch's first resource (0 by default), and who watches each record
/// and statement ([`Unobserved`] by default).
pub struct Run<'a, O = Unobserved> {
    request: &'a Request,
    first_resource: usize,
    report: &'a mut dyn FnMut(StatementError),
    observer: O,
}

impl<'a> Run<'a> {
    /// A run that hands each failure `ignore` lets pass to `report`.
    pub fn reporting(report: &'a mut dyn FnMut(StatementError)) -> Self {
        Run {
            request: &NO_REQUEST,
            first_resource: 0,
            report,
            observer: Unobserved,
        }
    }
}

impl<'a, O: Observer> Run<'a, O> {
    /// The run, for a batch that arrived with `request`.
    pub fn request(self, request: &'a Request) -> Self {
        Run { request, ..self }
    }

    /// The run, for a batch that is part of a larger one whose resources it holds from
    /// number `first` on: failures name records by their place in the larger batch
    /// (`resourceLogs[120].scopeLogs[0]…`).
    pub fn first_resource(self, first: usize) -> Self {
        Run {
            first_resource: first,
            ..self
        }
    }

    /// The run, telling `observer` about every record and statement.
    pub fn observer<P: Observer>(self, observer: P) -> Run<'a, P> {
        Run {
            request: self.request,
            first_resource: self.first_resource,
            report: self.report,
            observer,
        }
    }

    /// Runs `program` on the one record `ctx` is about. `at` names the record in failures
    /// (`logRecords[3]`).
    pub fn record(
        self,
        program: &Program,
        ctx: &mut TransformContext<'_>,
        at: &dyn Fn() -> String,
    ) -> Result<(), StatementError> {
        let Run {
            report,
            mut observer,
            ..
        } = self;
        program.run_record_observed(ctx, at, report, &mut observer)
    }
}

/// The failures an `ignore` error mode let pass during a run, per statement: how many records
/// it failed on, and the first failure. Bounded by the number of statements, however many
/// records failed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Failures {
    statements: Vec<StatementFailures>,
}

/// One statement's failures during a run.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementFailures {
    /// On how many records it failed.
    pub count: u64,
    /// The first failure: the statement, the record, the error.
    pub first: StatementError,
}

impl Failures {
    /// Counts `failure` against its statement (or the group conditions).
    pub fn add(&mut self, failure: StatementError) {
        match self
            .statements
            .iter_mut()
            .find(|seen| seen.first.statement == failure.statement)
        {
            Some(seen) => seen.count += 1,
            None => self.statements.push(StatementFailures {
                count: 1,
                first: failure,
            }),
        }
    }

    /// Whether nothing failed.
    pub fn is_empty(&self) -> bool {
        self.statements.is_empty()
    }

    /// Each statement that failed, in the order of its first failure.
    pub fn iter(&self) -> std::slice::Iter<'_, StatementFailures> {
        self.statements.iter()
    }
}

impl fmt::Display for Failures {
    /// One line per statement: `statement failed on 3 records, first: …`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for failed in &self.statements {
            let records = if failed.count == 1 {
                "record"
            } else {
                "records"
            };
            writeln!(
                f,
                "`{}` failed on {} {records}, first: {} (at {})",
                failed.first.statement, failed.count, failed.first.error, failed.first.record
            )?;
        }
        Ok(())
    }
}

impl<O: Observer> Observer for &mut O {
    #[inline]
    fn record(&mut self, at: &dyn Fn() -> String, selected: bool) {
        (**self).record(at, selected);
    }

    #[inline]
    fn before(&mut self, index: usize, ctx: &TransformContext<'_>) {
        (**self).before(index, ctx);
    }

    #[inline]
    fn after(&mut self, index: usize, outcome: super::Outcome<'_>, ctx: &TransformContext<'_>) {
        (**self).after(index, outcome, ctx);
    }
}
