//! Checked AST to closures: paths become direct field accessors, enums integers, literal
//! arguments plain values handed to each function's compile hook.
//!
//! Checking and compiling are one pass: every definite mistake (unknown path, function or enum,
//! wrong arity, an argument of the wrong kind, a literal a function rejects) is collected as a
//! [`Diagnostic`] and compiling goes on, so one run reports them all. What the reference accepts
//! but what is certain to misbehave when it runs (a comparison between types that never compare,
//! a write of a type the path never takes, a division by a literal zero) is a warning: the
//! statement still compiles, and carries its warnings.

mod call;
mod compare;
mod condition;
mod expr;
mod keys;
mod lambda;
mod math;
mod path;
mod warn;

pub use condition::ConditionFn;

use crate::context::ContextKind;
use crate::diag::{Diagnostic, Diagnostics};
use crate::function::{EditorFn, FunctionKind, Getter, Registry};
use crate::syntax::{self, BoolExpr, Statement};

/// A statement ready to run: the editor, its condition, and its source for messages.
pub struct CompiledStatement {
    pub(crate) editor: EditorFn,
    pub(crate) condition: Option<ConditionFn>,
    pub(crate) source: String,
    pub(crate) warnings: Vec<Diagnostic>,
    /// Whether it reads a log record's body (which the walk then loads ahead).
    pub(crate) reads_log_body: bool,
}

impl CompiledStatement {
    /// The statement as written.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// What may go wrong when it runs, found while compiling (warnings only).
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }
}

/// Compiles ASTs for one context against one registry, collecting diagnostics.
pub(crate) struct Compiler<'a> {
    context: ContextKind,
    registry: &'a Registry,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
    reads_log_body: bool,
    /// The parameters of the lambdas being compiled, outermost first (`None` for `_`).
    params: Vec<Option<String>>,
}

impl<'a> Compiler<'a> {
    pub(crate) fn new(context: ContextKind, registry: &'a Registry) -> Self {
        Self {
            context,
            registry,
            errors: Vec::new(),
            warnings: Vec::new(),
            reads_log_body: false,
            params: Vec::new(),
        }
    }

    /// The compiled value with the warnings found, or every diagnostic (warnings after errors)
    /// if there was an error.
    fn finish<T>(self, value: Option<T>) -> Result<(T, Vec<Diagnostic>), Diagnostics> {
        match value {
            Some(value) if self.errors.is_empty() => Ok((value, self.warnings)),
            _ => {
                let mut diagnostics = self.errors;
                diagnostics.extend(self.warnings);
                Err(Diagnostics(diagnostics))
            }
        }
    }

    /// Compiles a parsed statement.
    pub(crate) fn statement(
        mut self,
        statement: &Statement,
        source: &str,
    ) -> Result<CompiledStatement, Diagnostics> {
        let editor = self.call(&statement.editor, FunctionKind::Editor);
        let condition = statement.condition.as_ref().map(|c| self.condition(c));
        let compiled = editor.and_then(|editor| match editor {
            crate::function::Compiled::Editor(editor) => Some((editor, condition)),
            crate::function::Compiled::Converter(_) => None,
        });
        let reads_log_body = self.reads_log_body;
        let ((editor, condition), warnings) = self.finish(compiled)?;
        Ok(CompiledStatement {
            editor,
            condition,
            source: source.to_owned(),
            warnings,
            reads_log_body,
        })
    }

    /// Compiles a parsed condition.
    pub(crate) fn standalone_condition(
        mut self,
        condition: &BoolExpr,
    ) -> Result<(ConditionFn, Vec<Diagnostic>), Diagnostics> {
        let compiled = self.condition(condition);
        self.finish(Some(compiled))
    }
}

/// Parses and compiles one statement for `context`.
pub fn compile_statement(
    source: &str,
    context: ContextKind,
    registry: &Registry,
) -> Result<CompiledStatement, Diagnostics> {
    let statement = syntax::parse_statement(source)?;
    Compiler::new(context, registry).statement(&statement, source)
}

/// Parses and compiles one condition for `context`, with the warnings found.
pub fn compile_condition(
    source: &str,
    context: ContextKind,
    registry: &Registry,
) -> Result<(ConditionFn, Vec<Diagnostic>), Diagnostics> {
    let condition = syntax::parse_condition(source)?;
    Compiler::new(context, registry).standalone_condition(&condition)
}

/// Checks and compiles one standalone value expression for `context`: a getter that computes
/// the value from a record, with the expression's warnings.
///
/// ```
/// use ottl_core::compile::compile_value;
/// use ottl_core::context::ContextKind;
/// use ottl_core::function::Registry;
///
/// assert!(compile_value(r#"attributes["size"] * 2"#, ContextKind::Log, &Registry::new()).is_ok());
/// assert!(compile_value(r#"atributes["size"]"#, ContextKind::Log, &Registry::new()).is_err());
/// ```
pub fn compile_value(
    source: &str,
    context: ContextKind,
    registry: &Registry,
) -> Result<(Getter, Vec<Diagnostic>), Diagnostics> {
    let expr = syntax::parse_value(source)?;
    let mut compiler = Compiler::new(context, registry);
    let getter = compiler.expr(&expr);
    compiler.finish(Some(getter))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether compiling `condition` for `context` notes a read of the log body.
    fn reads_log_body(condition: &str, context: ContextKind) -> bool {
        let registry = Registry::new();
        let mut compiler = Compiler::new(context, &registry);
        let parsed = syntax::parse_condition(condition).expect("a valid condition");
        let _condition = compiler.condition(&parsed);
        assert!(compiler.errors.is_empty(), "{:?}", compiler.errors);
        compiler.reads_log_body
    }

    #[test]
    fn notes_reads_of_the_log_body_for_the_walk_to_load_ahead() {
        assert!(reads_log_body(r#"body == "x""#, ContextKind::Log));
        assert!(reads_log_body(
            r#"log.body.string == "x""#,
            ContextKind::Log
        ));
        assert!(reads_log_body(r#"body["k"] != nil"#, ContextKind::Log));
        assert!(!reads_log_body(
            r#"attributes["body"] == "x""#,
            ContextKind::Log
        ));
        assert!(!reads_log_body(r#"name == "x""#, ContextKind::Span));
    }
}
