//! Lambda arguments and the reads of their parameters.

use super::keys;
use super::{Compiler, ConditionFn};
use crate::context;
use crate::diag::{Code, Diagnostic};
use crate::function::{Getter, Lambda, Param, Signature, parameter};
use crate::syntax::{self, LambdaBody, Path};
use crate::value::Value;

impl Compiler<'_> {
    /// Compiles `lambda` for a parameter that takes `arity` parameters: its parameters are in
    /// scope in its body, after those of the lambdas around it.
    pub(crate) fn lambda(
        &mut self,
        lambda: &syntax::Lambda,
        arity: u8,
        param: &Param,
        signature: &Signature,
        span: crate::span::Span,
    ) -> Option<Lambda> {
        if lambda.params.len() != usize::from(arity) {
            self.errors.push(
                Diagnostic::error(
                    Code::WrongArity,
                    format!(
                        "`{}` of `{}` takes a lambda of {arity} parameters, found {}",
                        param.name,
                        signature.name,
                        lambda.params.len()
                    ),
                    span,
                    format!("expected {arity} parameters"),
                )
                .with_help(format!("write {}", param.kind.describe())),
            );
            return None;
        }
        let bound: Vec<bool> = lambda.params.iter().map(|p| p.name != "_").collect();
        let outer = self.params.len();
        self.params.extend(
            lambda
                .params
                .iter()
                .map(|p| (p.name != "_").then(|| p.name.clone())),
        );
        let body = match lambda.body.as_ref() {
            LambdaBody::Value(value) => self.expr(value),
            LambdaBody::Condition(condition) => as_value(self.condition(condition)),
        };
        self.params.truncate(outer);
        Some(Lambda::new(bound, body))
    }

    /// When `path` reads a lambda parameter in scope: a getter for it, indexed by the path's
    /// keys, or `None` inside after recording why it is invalid (a field after a parameter).
    /// A path of the record that starts with a parameter's name (`resource.attributes` with a
    /// parameter `resource`) still reads the record.
    pub(crate) fn parameter(&mut self, path: &Path) -> Option<Option<Getter>> {
        let [first, rest @ ..] = path.segments.as_slice() else {
            return None;
        };
        let position = self
            .params
            .iter()
            .rposition(|p| p.as_deref() == Some(first.name.name.as_str()))?;
        if !rest.is_empty() {
            // `resource.attributes` with a parameter named `resource`: the record's path.
            if first.keys.is_empty() && context::resolve(self.context, path).is_ok() {
                return None;
            }
            self.errors.push(
                Diagnostic::error(
                    Code::UnknownPath,
                    format!("the lambda parameter `{}` has no fields", first.name.name),
                    path.span,
                    "a field after a lambda parameter",
                )
                .with_help(format!(
                    "index it with keys instead: `{}[\"key\"]`",
                    first.name.name
                )),
            );
            return Some(None);
        }
        let back = self.params.len() - position;
        if first.keys.is_empty() {
            return Some(Some(Box::new(move |ctx| parameter(back, ctx))));
        }
        let steps = self.keys(&first.keys);
        Some(Some(Box::new(move |ctx| {
            let mut value = parameter(back, ctx)?;
            for step in &steps {
                value = keys::index(value, &keys::evaluate_one(step, ctx)?)?;
            }
            Ok(value)
        })))
    }

    /// Whether `path` names a lambda parameter in scope.
    pub(crate) fn is_parameter(&self, path: &Path) -> bool {
        path.segments.first().is_some_and(|first| {
            self.params
                .iter()
                .any(|p| p.as_deref() == Some(first.name.name.as_str()))
        })
    }
}

/// A condition body as a getter of its bool.
fn as_value(condition: ConditionFn) -> Getter {
    Box::new(move |ctx| Ok(Value::Bool(condition(ctx)?)))
}
