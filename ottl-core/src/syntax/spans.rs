//! Clearing spans, to compare trees by shape alone (the printer's round trip moves every span).

use super::ast::*;
use crate::span::Span;

/// A node whose spans can all be reset to [`Span::default`].
pub trait ClearSpans {
    /// Resets every span in the node and its children.
    fn clear_spans(&mut self);
}

impl ClearSpans for Statement {
    fn clear_spans(&mut self) {
        self.span = Span::default();
        self.editor.clear_spans();
        if let Some(condition) = &mut self.condition {
            condition.clear_spans();
        }
    }
}

impl ClearSpans for Ident {
    fn clear_spans(&mut self) {
        self.span = Span::default();
    }
}

impl ClearSpans for Call {
    fn clear_spans(&mut self) {
        self.span = Span::default();
        self.name.clear_spans();
        for arg in &mut self.args {
            arg.span = Span::default();
            if let Some(name) = &mut arg.name {
                name.clear_spans();
            }
            match &mut arg.value {
                ArgumentValue::Expr(expr) => expr.clear_spans(),
                ArgumentValue::Function(name) => name.clear_spans(),
            }
        }
    }
}

impl ClearSpans for Converter {
    fn clear_spans(&mut self) {
        self.call.clear_spans();
        self.keys.iter_mut().for_each(ClearSpans::clear_spans);
    }
}

impl ClearSpans for Key {
    fn clear_spans(&mut self) {
        self.span = Span::default();
        self.index.clear_spans();
    }
}

impl ClearSpans for BoolExpr {
    fn clear_spans(&mut self) {
        self.span = Span::default();
        match &mut self.kind {
            BoolExprKind::Or(operands) | BoolExprKind::And(operands) => {
                operands.iter_mut().for_each(ClearSpans::clear_spans)
            }
            BoolExprKind::Not(operand) => operand.clear_spans(),
            BoolExprKind::Comparison(comparison) => {
                comparison.op_span = Span::default();
                comparison.left.clear_spans();
                comparison.right.clear_spans();
            }
            BoolExprKind::Constant(_) => {}
            BoolExprKind::Converter(converter) => converter.clear_spans(),
        }
    }
}

impl ClearSpans for Expr {
    fn clear_spans(&mut self) {
        self.span = Span::default();
        match &mut self.kind {
            ExprKind::Nil
            | ExprKind::Bool(_)
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::String(_)
            | ExprKind::Bytes(_)
            | ExprKind::Enum(_) => {}
            ExprKind::Path(path) => {
                path.span = Span::default();
                for segment in &mut path.segments {
                    segment.name.clear_spans();
                    segment.keys.iter_mut().for_each(ClearSpans::clear_spans);
                }
            }
            ExprKind::Converter(converter) => converter.clear_spans(),
            ExprKind::Unary { operand, .. } => operand.clear_spans(),
            ExprKind::Sum { first, rest } => {
                first.clear_spans();
                rest.iter_mut().for_each(|(_, e)| e.clear_spans());
            }
            ExprKind::Product { first, rest } => {
                first.clear_spans();
                rest.iter_mut().for_each(|(_, e)| e.clear_spans());
            }
            ExprKind::List(items) => items.iter_mut().for_each(ClearSpans::clear_spans),
            ExprKind::Map(entries) => {
                for entry in entries {
                    entry.key_span = Span::default();
                    entry.value.clear_spans();
                }
            }
            ExprKind::Lambda(lambda) => {
                lambda.params.iter_mut().for_each(ClearSpans::clear_spans);
                match lambda.body.as_mut() {
                    LambdaBody::Value(value) => value.clear_spans(),
                    LambdaBody::Condition(condition) => condition.clear_spans(),
                }
            }
        }
    }
}
