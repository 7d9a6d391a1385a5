//! [`ProgramBuilder`]: a program from statements, conditions and options, with errors and
//! warnings that say which text they are about.

use super::{ErrorMode, Program};
use crate::Limits;
use crate::context::{self, ContextKind};
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::function::Registry;
use crate::span::Span;
use crate::syntax;
use std::borrow::Cow;
use std::fmt;

/// Builds a [`Program`]: start with [`Program::builder`].
///
/// ```
/// use ottl_core::function::Registry;
/// use ottl_core::run::{Origin, Program};
///
/// let registry = Registry::new(); // a host starts from ottl_functions::standard()
/// let error = Program::builder(&registry)
///     .statements(["set(log.attributes[\"a\"], 1)"])
///     .conditions(["log.body == \"x\"", "log.nope == 1"])
///     .infer_context()
///     .compile()
///     .unwrap_err();
/// // `set` is not in the empty registry; `log.nope` is not a log path.
/// let origins: Vec<Origin> = error.problems().iter().map(|p| p.origin).collect();
/// assert_eq!(origins, [Origin::Statement(0), Origin::Condition(1)]);
/// ```
#[derive(Clone)]
#[must_use = "a builder does nothing until `compile` is called"]
pub struct ProgramBuilder<'r> {
    registry: &'r Registry,
    condition_registry: Option<&'r Registry>,
    statements: Vec<String>,
    conditions: Vec<String>,
    context: Option<ContextKind>,
    error_mode: ErrorMode,
    limits: Limits,
    gates: Vec<String>,
}

/// A compiled program and what may go wrong when it runs.
#[derive(Debug)]
pub struct Compiled {
    /// The program.
    pub program: Program,
    /// Warnings found while compiling, each with the text it is about.
    pub warnings: Vec<Problem>,
}

/// Which text a diagnostic is about: the statements and the conditions are numbered apart,
/// from 0, in the order given to the builder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Origin {
    /// Statement `i`.
    Statement(usize),
    /// Condition `i`.
    Condition(usize),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Statement(i) => write!(f, "statement {i}"),
            Origin::Condition(i) => write!(f, "condition {i}"),
        }
    }
}

/// A diagnostic with the text it points into.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Which statement or condition.
    pub origin: Origin,
    /// Its text, as given.
    pub text: String,
    /// What is wrong with it.
    pub diagnostic: Diagnostic,
}

impl fmt::Display for Problem {
    /// The diagnostic with its source snippet, notes and help, rustc style (with the `render`
    /// feature; else one line).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        #[cfg(feature = "render")]
        {
            let name = self.origin.to_string();
            let source = crate::diag::render::Source {
                name: &name,
                text: &self.text,
            };
            let diagnostics = std::slice::from_ref(&self.diagnostic);
            f.write_str(&crate::diag::render::to_string(&source, diagnostics))
        }
        #[cfg(not(feature = "render"))]
        {
            let d = &self.diagnostic;
            let severity = match d.severity {
                crate::diag::Severity::Error => "error",
                crate::diag::Severity::Warning => "warning",
            };
            writeln!(f, "{severity}[{}]: {} ({})", d.code, d.message, self.origin)
        }
    }
}

/// Why a program did not compile.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CompileError {
    /// Statements or conditions have mistakes: every one found.
    #[error("{}", render(.0))]
    Source(Vec<Problem>),
    /// A feature gate the registry does not know.
    #[error("no such feature gate `{gate}`; the registry knows {}", known_gates(.known))]
    UnknownGate {
        /// The id given.
        gate: String,
        /// The ids the registry knows.
        known: Vec<&'static str>,
    },
}

impl CompileError {
    /// The mistakes found in statements and conditions (none for an unknown gate).
    pub fn problems(&self) -> &[Problem] {
        match self {
            CompileError::Source(problems) => problems,
            CompileError::UnknownGate { .. } => &[],
        }
    }
}

fn render(problems: &[Problem]) -> String {
    problems.iter().map(Problem::to_string).collect()
}

fn known_gates(known: &[&str]) -> String {
    if known.is_empty() {
        return "none".to_owned();
    }
    known
        .iter()
        .map(|gate| format!("`{gate}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Program {
    /// A builder for a program calling the functions of `registry`: give it statements, and
    /// a context or [`ProgramBuilder::infer_context`].
    pub fn builder(registry: &Registry) -> ProgramBuilder<'_> {
        ProgramBuilder {
            registry,
            condition_registry: None,
            statements: Vec::new(),
            conditions: Vec::new(),
            context: None,
            error_mode: ErrorMode::default(),
            limits: Limits::DEFAULT,
            gates: Vec::new(),
        }
    }
}

impl<'r> ProgramBuilder<'r> {
    /// Adds statements, run in order on every record.
    pub fn statements<S: Into<String>>(mut self, statements: impl IntoIterator<Item = S>) -> Self {
        self.statements
            .extend(statements.into_iter().map(Into::into));
        self
    }

    /// Adds group conditions: the statements run only on records where one of them holds (on
    /// every record when there are none).
    pub fn conditions<S: Into<String>>(mut self, conditions: impl IntoIterator<Item = S>) -> Self {
        self.conditions
            .extend(conditions.into_iter().map(Into::into));
        self
    }

    /// Checks the conditions against `registry` instead of the statements' one: the transform
    /// processor gives a group's conditions the filter processor's functions.
    pub fn condition_registry(mut self, registry: &'r Registry) -> Self {
        self.condition_registry = Some(registry);
        self
    }

    /// Runs the program in `context`.
    pub fn context(mut self, context: ContextKind) -> Self {
        self.context = Some(context);
        self
    }

    /// Runs the program in the context its paths name (`log.body`, `span.name`: the lowest
    /// one named, as the reference infers it); compiling fails with E0206 when no path names one.
    pub fn infer_context(mut self) -> Self {
        self.context = None;
        self
    }

    /// What the program does when a statement fails on a record ([`ErrorMode::Ignore`] by
    /// default).
    pub fn error_mode(mut self, error_mode: ErrorMode) -> Self {
        self.error_mode = error_mode;
        self
    }

    /// Bounds what statements may write into a record ([`Limits::DEFAULT`] by default).
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Turns on feature gates (`ottl.functions.enableLambda`): the functions the registry
    /// holds behind them become callable ([`Registry::insert_gated`]).
    pub fn feature_gates<S: Into<String>>(mut self, gates: impl IntoIterator<Item = S>) -> Self {
        self.gates.extend(gates.into_iter().map(Into::into));
        self
    }

    /// Compiles the program, reporting every mistake of every statement and condition.
    pub fn compile(self) -> Result<Compiled, CompileError> {
        let registry = self.gated(self.registry)?;
        let condition_registry = match self.condition_registry {
            Some(conditions) => self.gated(conditions)?,
            None => Cow::Borrowed(&*registry),
        };
        let context = match self.context {
            Some(context) => context,
            None => self.inferred()?,
        };
        let statements: Vec<&str> = self.statements.iter().map(String::as_str).collect();
        let conditions: Vec<&str> = self.conditions.iter().map(String::as_str).collect();
        let program = Program::compile_with_condition_functions(
            &statements,
            &conditions,
            context,
            self.error_mode,
            &registry,
            &condition_registry,
        )
        .map_err(|failures| {
            let this = &self;
            CompileError::Source(
                failures
                    .into_iter()
                    .flat_map(|(index, Diagnostics(found))| {
                        found.into_iter().map(move |d| this.problem(index, d))
                    })
                    .collect(),
            )
        })?
        .with_limits(self.limits);
        let warnings = program
            .warnings()
            .iter()
            .map(|(index, d)| self.problem(*index, d.clone()))
            .collect();
        Ok(Compiled { program, warnings })
    }

    /// `registry` with the builder's gates turned on.
    fn gated<'a>(&self, registry: &'a Registry) -> Result<Cow<'a, Registry>, CompileError> {
        if self.gates.is_empty() {
            return Ok(Cow::Borrowed(registry));
        }
        let mut gated = registry.clone();
        for gate in &self.gates {
            if !gated.enable_gate(gate) {
                return Err(CompileError::UnknownGate {
                    gate: gate.clone(),
                    known: registry.gates().collect(),
                });
            }
        }
        Ok(Cow::Owned(gated))
    }

    /// The context the statements' and conditions' paths name.
    fn inferred(&self) -> Result<ContextKind, CompileError> {
        let mut problems = Vec::new();
        let mut statements = Vec::new();
        for (i, text) in self.statements.iter().enumerate() {
            match syntax::parse_statement(text) {
                Ok(statement) => statements.push(statement),
                Err(Diagnostics(found)) => problems.extend(
                    found
                        .into_iter()
                        .map(|d| self.problem_at(Origin::Statement(i), d)),
                ),
            }
        }
        let mut conditions = Vec::new();
        for (i, text) in self.conditions.iter().enumerate() {
            match syntax::parse_condition(text) {
                Ok(condition) => conditions.push(condition),
                Err(Diagnostics(found)) => problems.extend(
                    found
                        .into_iter()
                        .map(|d| self.problem_at(Origin::Condition(i), d)),
                ),
            }
        }
        if !problems.is_empty() {
            return Err(CompileError::Source(problems));
        }
        let paths = statements
            .iter()
            .flat_map(syntax::statement_paths)
            .chain(conditions.iter().flat_map(syntax::condition_paths));
        context::infer(paths).ok_or_else(|| {
            let (origin, text) = match (self.statements.first(), self.conditions.first()) {
                (Some(text), _) => (Origin::Statement(0), text),
                (None, Some(text)) => (Origin::Condition(0), text),
                (None, None) => (Origin::Statement(0), &String::new()),
            };
            let diagnostic = Diagnostic::error(
                Code::ContextNotInferred,
                "no path names the context to run in",
                Span::new(0, text.len()),
                "no `log.`, `span.`, `resource.`… prefix here",
            )
            .with_help(
                "prefix a path with its context (`log.body`), or give the context: \
                 `.context(ContextKind::Log)`",
            );
            CompileError::Source(vec![self.problem_at(origin, diagnostic)])
        })
    }

    /// The diagnostic of text `index`, numbered as `Program::compile` numbers texts
    /// (conditions after statements).
    fn problem(&self, index: usize, diagnostic: Diagnostic) -> Problem {
        let origin = match index.checked_sub(self.statements.len()) {
            None => Origin::Statement(index),
            Some(condition) => Origin::Condition(condition),
        };
        self.problem_at(origin, diagnostic)
    }

    fn problem_at(&self, origin: Origin, diagnostic: Diagnostic) -> Problem {
        let text = match origin {
            Origin::Statement(i) => self.statements.get(i),
            Origin::Condition(i) => self.conditions.get(i),
        };
        Problem {
            origin,
            text: text.cloned().unwrap_or_default(),
            diagnostic,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_gate_names_the_known_ones() {
        let error = Program::builder(&Registry::new())
            .context(ContextKind::Log)
            .feature_gates(["ottl.nope"])
            .compile()
            .err();
        assert_eq!(
            error.map(|e| e.to_string()),
            Some("no such feature gate `ottl.nope`; the registry knows none".to_owned())
        );
    }

    #[test]
    fn a_context_is_inferred_from_prefixes_or_reported() {
        let compiled = Program::builder(&Registry::new())
            .conditions([r#"span.name == "x""#])
            .infer_context()
            .compile();
        assert_eq!(
            compiled.map(|c| c.program.context()).ok(),
            Some(ContextKind::Span)
        );
        let error = Program::builder(&Registry::new())
            .conditions(["1 == 1"])
            .compile()
            .err();
        let codes: Vec<_> = error
            .iter()
            .flat_map(|e| e.problems())
            .map(|p| (p.origin, p.diagnostic.code))
            .collect();
        assert_eq!(codes, [(Origin::Condition(0), Code::ContextNotInferred)]);
    }

    #[test]
    fn problems_render_with_their_snippet() {
        let error = Program::builder(&Registry::new())
            .context(ContextKind::Log)
            .statements(["set(attributes[\"a\"], 1)"])
            .compile()
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(error.contains("statement 0"), "{error}");
        assert!(error.contains("set(attributes"), "{error}");
    }
}
