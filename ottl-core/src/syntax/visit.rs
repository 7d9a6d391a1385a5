//! Walking a tree: the paths a statement or condition uses, for context inference.

use super::ast::*;

/// Every path in `statement`, in source order (lambda parameters included: they parse as
/// paths).
pub fn statement_paths(statement: &Statement) -> Vec<&Path> {
    let mut paths = Vec::new();
    call_paths(&statement.editor, &mut paths);
    if let Some(condition) = &statement.condition {
        collect_condition_paths(condition, &mut paths);
    }
    paths
}

/// Every path in `condition`, in source order.
pub fn condition_paths(condition: &BoolExpr) -> Vec<&Path> {
    let mut paths = Vec::new();
    collect_condition_paths(condition, &mut paths);
    paths
}

fn call_paths<'a>(call: &'a Call, paths: &mut Vec<&'a Path>) {
    for arg in &call.args {
        if let ArgumentValue::Expr(expr) = &arg.value {
            expr_paths(expr, paths);
        }
    }
}

fn collect_condition_paths<'a>(condition: &'a BoolExpr, paths: &mut Vec<&'a Path>) {
    match &condition.kind {
        BoolExprKind::Or(operands) | BoolExprKind::And(operands) => operands
            .iter()
            .for_each(|o| collect_condition_paths(o, paths)),
        BoolExprKind::Not(operand) => collect_condition_paths(operand, paths),
        BoolExprKind::Comparison(comparison) => {
            expr_paths(&comparison.left, paths);
            expr_paths(&comparison.right, paths);
        }
        BoolExprKind::Constant(_) => {}
        BoolExprKind::Converter(converter) => converter_paths(converter, paths),
    }
}

fn converter_paths<'a>(converter: &'a Converter, paths: &mut Vec<&'a Path>) {
    call_paths(&converter.call, paths);
    converter
        .keys
        .iter()
        .for_each(|key| expr_paths(&key.index, paths));
}

fn expr_paths<'a>(expr: &'a Expr, paths: &mut Vec<&'a Path>) {
    match &expr.kind {
        ExprKind::Path(path) => {
            paths.push(path);
            for segment in &path.segments {
                segment
                    .keys
                    .iter()
                    .for_each(|key| expr_paths(&key.index, paths));
            }
        }
        ExprKind::Converter(converter) => converter_paths(converter, paths),
        ExprKind::Unary { operand, .. } => expr_paths(operand, paths),
        ExprKind::Sum { first, rest } => {
            expr_paths(first, paths);
            rest.iter().for_each(|(_, e)| expr_paths(e, paths));
        }
        ExprKind::Product { first, rest } => {
            expr_paths(first, paths);
            rest.iter().for_each(|(_, e)| expr_paths(e, paths));
        }
        ExprKind::List(items) => items.iter().for_each(|item| expr_paths(item, paths)),
        ExprKind::Map(entries) => entries
            .iter()
            .for_each(|entry| expr_paths(&entry.value, paths)),
        ExprKind::Lambda(lambda) => match lambda.body.as_ref() {
            LambdaBody::Value(value) => expr_paths(value, paths),
            LambdaBody::Condition(condition) => collect_condition_paths(condition, paths),
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
