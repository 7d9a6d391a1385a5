//! Walking a tree: the paths a statement or condition uses and the functions it calls, for
//! context inference.

use super::ast::*;

/// Every path in `statement`, in source order (lambda parameters included: they parse as
/// paths).
pub fn statement_paths(statement: &Statement) -> Vec<&Path> {
    statement_uses(statement).paths
}

/// Every path in `condition`, in source order.
pub fn condition_paths(condition: &BoolExpr) -> Vec<&Path> {
    condition_uses(condition).paths
}

/// The names of the functions `statement` calls: its editor, then every converter, in source
/// order.
pub fn statement_functions(statement: &Statement) -> Vec<&str> {
    statement_uses(statement).functions
}

/// The names of the converters `condition` calls, in source order.
pub fn condition_functions(condition: &BoolExpr) -> Vec<&str> {
    condition_uses(condition).functions
}

/// What a tree names: its paths and the functions it calls.
#[derive(Default)]
struct Uses<'a> {
    paths: Vec<&'a Path>,
    functions: Vec<&'a str>,
}

fn statement_uses(statement: &Statement) -> Uses<'_> {
    let mut uses = Uses::default();
    uses.call(&statement.editor);
    if let Some(condition) = &statement.condition {
        uses.condition(condition);
    }
    uses
}

fn condition_uses(condition: &BoolExpr) -> Uses<'_> {
    let mut uses = Uses::default();
    uses.condition(condition);
    uses
}

impl<'a> Uses<'a> {
    fn call(&mut self, call: &'a Call) {
        self.functions.push(call.name.name.as_str());
        for arg in &call.args {
            if let ArgumentValue::Expr(expr) = &arg.value {
                self.expr(expr);
            }
        }
    }

    fn condition(&mut self, condition: &'a BoolExpr) {
        match &condition.kind {
            BoolExprKind::Or(operands) | BoolExprKind::And(operands) => {
                operands.iter().for_each(|o| self.condition(o))
            }
            BoolExprKind::Not(operand) => self.condition(operand),
            BoolExprKind::Comparison(comparison) => {
                self.expr(&comparison.left);
                self.expr(&comparison.right);
            }
            BoolExprKind::Constant(_) => {}
            BoolExprKind::Converter(converter) => self.converter(converter),
        }
    }

    fn converter(&mut self, converter: &'a Converter) {
        self.call(&converter.call);
        converter.keys.iter().for_each(|key| self.expr(&key.index));
    }

    fn expr(&mut self, expr: &'a Expr) {
        match &expr.kind {
            ExprKind::Path(path) => {
                self.paths.push(path);
                for segment in &path.segments {
                    segment.keys.iter().for_each(|key| self.expr(&key.index));
                }
            }
            ExprKind::Converter(converter) => self.converter(converter),
            ExprKind::Unary { operand, .. } => self.expr(operand),
            ExprKind::Sum { first, rest } => {
                self.expr(first);
                rest.iter().for_each(|(_, e)| self.expr(e));
            }
            ExprKind::Product { first, rest } => {
                self.expr(first);
                rest.iter().for_each(|(_, e)| self.expr(e));
            }
            ExprKind::List(items) => items.iter().for_each(|item| self.expr(item)),
            ExprKind::Map(entries) => entries.iter().for_each(|entry| self.expr(&entry.value)),
            ExprKind::Lambda(lambda) => match lambda.body.as_ref() {
                LambdaBody::Value(value) => self.expr(value),
                LambdaBody::Condition(condition) => self.condition(condition),
            },
            ExprKind::Nil
            | ExprKind::Bool(_)
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::String(_)
            | ExprKind::Bytes(_)
            | ExprKind::Enum(_) => {}
        }
    }
}
