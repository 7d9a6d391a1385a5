//! Programs: compiled statement sequences run over batches, with the reference's error modes.
//! [`Program::builder`] compiles one; [`Program::run`] walks any [`Batch`] in document order
//! and builds each record's context; [`Run::record`] runs one record.
//!
//! ```
//! use ottl_core::context::ContextKind;
//! use ottl_core::function::Registry;
//! use ottl_core::model::Logs;
//! use ottl_core::run::{ErrorMode, Program};
//!
//! let registry = Registry::new(); // a host adds the standard library: ottl_functions::standard()
//! let program = Program::builder(&registry)
//!     .context(ContextKind::Log)
//!     .error_mode(ErrorMode::Propagate)
//!     .compile()?
//!     .program;
//! let mut logs = Logs::default();
//! let failures = program.run(&mut logs)?;
//! assert!(failures.is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod batch;
mod builder;
mod entries;
mod filter;
mod lookahead;
mod observe;
mod signals;

pub use batch::{Batch, Failures, Run, StatementFailures};
pub use builder::{CompileError, Compiled, Origin, Problem, ProgramBuilder};
pub use filter::{ConditionError, FilterConditions, FilterError, FilterGroup, FilterGroupError};
pub use observe::{Observer, Outcome, Unobserved};

use crate::compile::{CompiledStatement, ConditionFn, compile_condition, compile_statement};
use crate::context::{ContextKind, TransformContext};
use crate::diag::{Diagnostic, Diagnostics};
use crate::function::Registry;
use crate::{Limits, RuntimeError};
use std::fmt;
use std::str::FromStr;

/// What a statement sequence does when a statement fails on a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ErrorMode {
    /// Report the failure and go on with the next statement (the collector's default).
    #[default]
    Ignore,
    /// Go on with the next statement, reporting nothing.
    Silent,
    /// Stop and return the error: the whole batch fails.
    Propagate,
}

impl FromStr for ErrorMode {
    type Err = String;

    /// Case-insensitive, as the collector reads it.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.to_ascii_lowercase().as_str() {
            "ignore" => Ok(ErrorMode::Ignore),
            "silent" => Ok(ErrorMode::Silent),
            "propagate" => Ok(ErrorMode::Propagate),
            _ => Err(format!(
                "unknown error mode `{text}`: expected ignore, silent or propagate"
            )),
        }
    }
}

/// Where a statement failed: which statement, on which record, and why.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("failed to execute statement: {statement}, {error} (at {record})")]
pub struct StatementError {
    /// The statement as written.
    pub statement: String,
    /// The record, as a JSON path into the input (`resourceLogs[0].scopeLogs[0].logRecords[3]`).
    pub record: String,
    /// Why it failed.
    pub error: RuntimeError,
}

/// A compiled statement sequence for one context, with its group conditions and error mode.
/// Compile once; run over any number of batches, from any number of threads.
pub struct Program {
    context: ContextKind,
    conditions: Vec<ConditionFn>,
    statements: Vec<CompiledStatement>,
    warnings: Vec<(usize, Diagnostic)>,
    error_mode: ErrorMode,
    limits: Limits,
    /// Whether a statement reads the log body (see `lookahead`).
    reads_log_body: bool,
}

impl Program {
    /// Compiles `statements` for `context`, to run only on records where one of `conditions`
    /// holds (all records when there are none). Reports the mistakes of every statement and
    /// condition, each with the index of the text it belongs to (conditions after statements).
    pub fn compile(
        statements: &[&str],
        conditions: &[&str],
        context: ContextKind,
        error_mode: ErrorMode,
        registry: &Registry,
    ) -> Result<Program, Vec<(usize, Diagnostics)>> {
        Self::compile_with_condition_functions(
            statements, conditions, context, error_mode, registry, registry,
        )
    }

    /// Like [`Program::compile`], with the group conditions checked against a function set of
    /// their own: the transform processor gives a group's `conditions` the filter processor's
    /// functions of its context (`IsRootSpan()` for spans, …), not the statements' ones.
    pub fn compile_with_condition_functions(
        statements: &[&str],
        conditions: &[&str],
        context: ContextKind,
        error_mode: ErrorMode,
        registry: &Registry,
        condition_registry: &Registry,
    ) -> Result<Program, Vec<(usize, Diagnostics)>> {
        let mut failures = Vec::new();
        let mut compiled = Vec::new();
        for (index, source) in statements.iter().enumerate() {
            match compile_statement(source, context, registry) {
                Ok(statement) => compiled.push(statement),
                Err(diagnostics) => failures.push((index, diagnostics)),
            }
        }
        let mut warnings: Vec<(usize, Diagnostic)> = compiled
            .iter()
            .enumerate()
            .flat_map(|(index, s)| s.warnings.iter().map(move |w| (index, w.clone())))
            .collect();
        let mut compiled_conditions = Vec::new();
        for (index, source) in conditions.iter().enumerate() {
            match compile_condition(source, context, condition_registry) {
                Ok((condition, found)) => {
                    compiled_conditions.push(condition);
                    let index = statements.len() + index;
                    warnings.extend(found.into_iter().map(|w| (index, w)));
                }
                Err(diagnostics) => failures.push((statements.len() + index, diagnostics)),
            }
        }
        if !failures.is_empty() {
            return Err(failures);
        }
        Ok(Program {
            reads_log_body: compiled.iter().any(|s| s.reads_log_body),
            context,
            conditions: compiled_conditions,
            statements: compiled,
            warnings,
            error_mode,
            limits: Limits::DEFAULT,
        })
    }

    /// The program, with what its statements may write into a record bounded by `limits`
    /// instead of [`Limits::DEFAULT`]. A write past a limit fails the statement with
    /// [`RuntimeErrorKind::LimitExceeded`](crate::RuntimeErrorKind::LimitExceeded), which the
    /// error mode handles like any failure.
    ///
    /// ```
    /// use ottl_core::Limits;
    /// use ottl_core::context::ContextKind;
    /// use ottl_core::function::Registry;
    /// use ottl_core::run::{ErrorMode, Program};
    ///
    /// let program = Program::compile(&[], &[], ContextKind::Log, ErrorMode::Propagate, &Registry::new())
    ///     .expect("no statements compile trivially")
    ///     .with_limits(Limits { max_string_len: 1 << 20, ..Limits::default() });
    /// assert_eq!(program.limits().max_string_len, 1 << 20);
    /// ```
    pub fn with_limits(self, limits: Limits) -> Program {
        Program { limits, ..self }
    }

    /// What the program's statements may write into a record.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Whether the program has no statements (it then leaves every record as it is).
    pub fn is_empty(&self) -> bool {
        self.statements.is_empty()
    }

    /// What may go wrong when the program runs, found while compiling: warnings, each with the
    /// index of the text it belongs to, numbered as [`Program::compile`] numbers failures.
    pub fn warnings(&self) -> &[(usize, Diagnostic)] {
        &self.warnings
    }

    /// Statement `index` as written (numbered in the order given to [`Program::compile`]).
    pub fn statement(&self, index: usize) -> Option<&str> {
        self.statements.get(index).map(CompiledStatement::source)
    }

    /// The index of the statement written as `source`, if the program has one.
    pub fn statement_index(&self, source: &str) -> Option<usize> {
        self.statements.iter().position(|s| s.source() == source)
    }

    /// The context the program runs in.
    pub fn context(&self) -> ContextKind {
        self.context
    }

    /// What the program does when a statement fails on a record.
    pub fn error_mode(&self) -> ErrorMode {
        self.error_mode
    }

    /// Runs the program over every record of its context in `batch`, in document order. Under
    /// [`ErrorMode::Ignore`] the failures that pass are counted, per statement, in the result;
    /// under `Propagate` the first one is the error.
    ///
    /// ```
    /// use ottl_core::context::ContextKind;
    /// use ottl_core::function::Registry;
    /// use ottl_core::model::json;
    /// use ottl_core::run::Program;
    ///
    /// let registry = Registry::new(); // a host starts from ottl_functions::standard()
    /// let program = Program::builder(&registry).context(ContextKind::Log).compile()?.program;
    /// let mut logs = json::decode_logs(br#"{"resourceLogs":[]}"#)?;
    /// let failures = program.run(&mut logs)?;
    /// assert!(failures.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn run<B: Batch>(&self, batch: &mut B) -> Result<Failures, StatementError> {
        let mut failures = Failures::default();
        batch.run_program(self, Run::reporting(&mut |failure| failures.add(failure)))?;
        Ok(failures)
    }

    /// Runs the program over `batch` as `run` says: with the request the batch arrived with,
    /// every failure handed to a closure, an [`Observer`] watching.
    pub fn run_with<B: Batch, O: Observer>(
        &self,
        batch: &mut B,
        run: Run<'_, O>,
    ) -> Result<(), StatementError> {
        batch.run_program(self, run)
    }

    /// Runs the program on one record, telling `observer` about the record and each
    /// statement. Under `Ignore`, failures go to `report`. Writes are checked against the
    /// limits `ctx` carries ([`TransformContext::with_limits`]), which the batch runners set
    /// to the program's. [`Run::record`] is the short form.
    #[inline]
    pub(crate) fn run_record_observed<O: Observer>(
        &self,
        ctx: &mut TransformContext<'_>,
        record: &dyn Fn() -> String,
        report: &mut dyn FnMut(StatementError),
        observer: &mut O,
    ) -> Result<(), StatementError> {
        let mut selected = self.conditions.is_empty();
        for condition in &self.conditions {
            match condition(ctx) {
                Ok(true) => {
                    selected = true;
                    break;
                }
                Ok(false) => {}
                Err(error) => self.fail("condition", error, record, report)?,
            }
        }
        observer.record(record, selected);
        if !selected {
            return Ok(());
        }
        for (index, statement) in self.statements.iter().enumerate() {
            observer.before(index, ctx);
            let holds = match &statement.condition {
                None => Ok(true),
                Some(condition) => condition(ctx),
            };
            // The result stays `Result<(), _>` and `ran` is dead when nothing observes: the
            // unobserved loop is the one without observers.
            let mut ran = false;
            let result = holds.and_then(|holds| {
                if holds {
                    ran = true;
                    (statement.editor)(ctx)
                } else {
                    Ok(())
                }
            });
            match result {
                Ok(()) => {
                    let outcome = if ran { Outcome::Ran } else { Outcome::Skipped };
                    observer.after(index, outcome, ctx);
                }
                Err(error) => {
                    observer.after(index, Outcome::Failed(&error), ctx);
                    self.fail(&statement.source, error, record, report)?;
                }
            }
        }
        Ok(())
    }

    fn fail(
        &self,
        statement: &str,
        error: RuntimeError,
        record: &dyn Fn() -> String,
        report: &mut dyn FnMut(StatementError),
    ) -> Result<(), StatementError> {
        let failure = || StatementError {
            statement: statement.to_owned(),
            record: record(),
            error,
        };
        match self.error_mode {
            ErrorMode::Propagate => Err(failure()),
            ErrorMode::Ignore => {
                report(failure());
                Ok(())
            }
            ErrorMode::Silent => Ok(()),
        }
    }
}

impl fmt::Debug for Program {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Program")
            .field("context", &self.context)
            .field(
                "statements",
                &self
                    .statements
                    .iter()
                    .map(CompiledStatement::source)
                    .collect::<Vec<_>>(),
            )
            .field("conditions", &self.conditions.len())
            .field("error_mode", &self.error_mode)
            .field("limits", &self.limits)
            .finish()
    }
}
