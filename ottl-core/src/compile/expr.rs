//! Values to getters: literals become constants, paths field accessors, calls their
//! function's compiled closure.

use super::Compiler;
use super::keys::{self, KeyStep};
use super::math::{self, MathOp};
use super::path::CompiledPath;
use crate::context::{self, Field, LogField, enum_value};
use crate::diag::{Code, Diagnostic, suggest};
use crate::function::{Compiled, FunctionKind, Getter, StoredGetter};
use crate::model::{AnyValue, Map, MapKey, Str};
use crate::syntax::{Converter, Expr, ExprKind, Key, Path, UnaryOp};
use crate::value::Value;
use std::borrow::Cow;
use std::sync::Arc;

/// A getter that always yields `value`.
pub(crate) fn constant(value: Value<'static>) -> Getter {
    Box::new(move |_| Ok(value.clone()))
}

/// The value of a literal expression, if it is one (lists and maps of literals included).
pub(crate) fn literal(expr: &Expr) -> Option<Value<'static>> {
    Some(match &expr.kind {
        ExprKind::Nil => Value::Nil,
        ExprKind::Bool(flag) => Value::Bool(*flag),
        ExprKind::Int(number) => Value::Int(*number),
        ExprKind::Float(number) => Value::Double(*number),
        ExprKind::String(text) => Value::string(text.as_str()),
        ExprKind::Bytes(bytes) => Value::Bytes(Cow::Owned(bytes.clone())),
        ExprKind::Unary {
            op: UnaryOp::Minus,
            operand,
        } => math::negate(literal(operand)?).ok()?,
        ExprKind::Unary {
            op: UnaryOp::Plus,
            operand,
        } => literal(operand)?,
        ExprKind::List(items) => {
            let items: Option<Vec<AnyValue>> =
                items.iter().map(|item| literal(item)?.into_any()).collect();
            Value::List(Cow::Owned(items?))
        }
        ExprKind::Map(entries) => {
            let mut map = Map::new();
            for entry in entries {
                map.insert(entry.key.as_str(), literal(&entry.value)?.into_any()?);
            }
            Value::Map(Cow::Owned(map))
        }
        _ => return None,
    })
}

/// How a non-literal value is read: a path to a stored OTLP value by reference, anything else
/// through a getter.
pub(crate) enum Operand {
    /// A path to an OTLP value stored in the record.
    Stored(StoredGetter),
    /// Any other expression.
    Getter(Getter),
}

impl Compiler<'_> {
    /// `expr` compiled to be read: by reference when it is a path to a stored value.
    pub(crate) fn operand(&mut self, expr: &Expr) -> Option<Operand> {
        if let ExprKind::Path(path) = &expr.kind {
            if let Some(parameter) = self.parameter(path) {
                return Some(Operand::Getter(parameter?));
            }
            let compiled = self.path(path)?;
            return Some(match compiled.stored_getter() {
                Some(stored) => Operand::Stored(stored),
                None => Operand::Getter(compiled.getter()),
            });
        }
        Some(Operand::Getter(self.expr(expr)))
    }

    /// A getter for `expr`; on a mistake, records it and returns a getter yielding nil.
    pub(crate) fn expr(&mut self, expr: &Expr) -> Getter {
        if let Some(value) = literal(expr) {
            return constant(value);
        }
        match &expr.kind {
            ExprKind::Enum(symbol) => self.enum_symbol(symbol, expr),
            ExprKind::Path(path) => match self.parameter(path) {
                Some(parameter) => parameter.unwrap_or_else(|| constant(Value::Nil)),
                None => match self.path(path) {
                    Some(path) => path.getter(),
                    None => constant(Value::Nil),
                },
            },
            ExprKind::Converter(converter) => self.converter(converter),
            ExprKind::Unary { op, operand } => {
                let operand = self.expr(operand);
                match op {
                    UnaryOp::Plus => operand,
                    UnaryOp::Minus => Box::new(move |ctx| math::negate(operand(ctx)?)),
                }
            }
            ExprKind::Sum { first, rest } => {
                let rest = rest
                    .iter()
                    .map(|(op, e)| (MathOp::from(*op), e))
                    .collect::<Vec<_>>();
                self.chain(first, &rest)
            }
            ExprKind::Product { first, rest } => {
                self.warn_division_by_zero(rest);
                let rest = rest
                    .iter()
                    .map(|(op, e)| (MathOp::from(*op), e))
                    .collect::<Vec<_>>();
                self.chain(first, &rest)
            }
            ExprKind::List(items) => {
                let items: Vec<Getter> = items.iter().map(|item| self.expr(item)).collect();
                Box::new(move |ctx| {
                    let mut values = Vec::with_capacity(items.len());
                    for item in &items {
                        let value = item(ctx)?;
                        let found = value.value_type();
                        values.push(value.into_any().ok_or(crate::RuntimeErrorKind::Type {
                            expected: "a value a list can hold",
                            found,
                        })?);
                    }
                    Ok(Value::List(Cow::Owned(values)))
                })
            }
            ExprKind::Map(entries) => {
                let entries: Vec<(Str, Getter)> = entries
                    .iter()
                    .map(|entry| (Str::from(entry.key.as_str()), self.expr(&entry.value)))
                    .collect();
                Box::new(move |ctx| {
                    let mut map = Map::with_capacity(entries.len());
                    for (key, value) in &entries {
                        let value = value(ctx)?;
                        let found = value.value_type();
                        map.insert(
                            key.clone(),
                            value.into_any().ok_or(crate::RuntimeErrorKind::Type {
                                expected: "a value a map can hold",
                                found,
                            })?,
                        );
                    }
                    Ok(Value::Map(Cow::Owned(map)))
                })
            }
            ExprKind::Lambda(_) => {
                self.errors.push(
                    Diagnostic::error(
                        Code::WrongArgumentKind,
                        "a lambda is only allowed as the argument of a lambda parameter",
                        expr.span,
                        "lambda here",
                    )
                    .with_note("functions such as `Filter`, `MapEach` and `Reduce` take one; `ottl functions <name>` shows which parameter"),
                );
                constant(Value::Nil)
            }
            // Literals were handled above.
            _ => constant(Value::Nil),
        }
    }

    fn chain(&mut self, first: &Expr, rest: &[(MathOp, &Expr)]) -> Getter {
        let first = self.expr(first);
        let rest: Vec<(MathOp, Getter)> = rest.iter().map(|(op, e)| (*op, self.expr(e))).collect();
        Box::new(move |ctx| {
            let mut value = first(ctx)?.into_owned();
            for (op, operand) in &rest {
                value = math::apply(*op, value, operand(ctx)?)?;
            }
            Ok(value)
        })
    }

    fn enum_symbol(&mut self, symbol: &str, expr: &Expr) -> Getter {
        match enum_value(self.context, symbol) {
            Some(value) => constant(Value::Int(value)),
            None => {
                let known = context::enum_symbols(self.context);
                let mut diagnostic = Diagnostic::error(
                    Code::UnknownEnum,
                    format!("the {} context has no enum `{symbol}`", self.context),
                    expr.span,
                    "unknown enum",
                );
                if let Some(best) = suggest(symbol, known.iter().map(|(name, _)| *name)) {
                    diagnostic = diagnostic.with_help(format!("did you mean `{best}`?"));
                }
                self.errors.push(diagnostic);
                constant(Value::Nil)
            }
        }
    }

    /// Resolves and compiles a path; `None` after recording why it is invalid.
    pub(crate) fn path(&mut self, path: &Path) -> Option<CompiledPath> {
        match context::resolve(self.context, path) {
            Ok(resolved) => {
                if let Field::Log(LogField::Body | LogField::BodyString) = resolved.field {
                    self.reads_log_body = true;
                }
                let keys = self.keys(resolved.keys);
                Some(CompiledPath {
                    field: resolved.field,
                    keys,
                    text: resolved.text.into(),
                })
            }
            Err(diagnostic) => {
                self.errors.push(diagnostic);
                None
            }
        }
    }

    pub(crate) fn keys(&mut self, keys: &[Key]) -> Vec<KeyStep> {
        keys.iter()
            .map(|key| match &key.index.kind {
                ExprKind::String(text) => KeyStep::Str(MapKey::new(text.as_str())),
                ExprKind::Int(index) => KeyStep::Int(*index),
                _ => KeyStep::Dynamic(Arc::new(self.expr(&key.index))),
            })
            .collect()
    }

    pub(crate) fn converter(&mut self, converter: &Converter) -> Getter {
        let Some(Compiled::Converter(call)) = self.call(&converter.call, FunctionKind::Converter)
        else {
            return constant(Value::Nil);
        };
        if converter.keys.is_empty() {
            return call;
        }
        let steps = self.keys(&converter.keys);
        Box::new(move |ctx| {
            let mut value = call(ctx)?.into_owned();
            for step in &steps {
                value = keys::index(value, &keys::evaluate_one(step, ctx)?)?.into_owned();
            }
            Ok(value)
        })
    }
}
