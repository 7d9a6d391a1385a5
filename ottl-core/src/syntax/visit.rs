//! Walking a tree: the paths a statement or condition uses, the functions it calls and the
//! enum symbols it names, for context inference.

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

/// The enum symbols `statement` names (`SEVERITY_NUMBER_WARN`), in source order. A converter
/// passed by name (`SHA256` in `replace_pattern(…, SHA256)`) parses as one too.
pub fn statement_enums(statement: &Statement) -> Vec<&str> {
    statement_uses(statement).enums
}

/// The enum symbols `condition` names, in source order.
pub fn condition_enums(condition: &BoolExpr) -> Vec<&str> {
    condition_uses(condition).enums
}

/// What a tree names: its paths, the functions it calls and its enum symbols.
#[derive(Default)]
struct Uses<'a> {
    paths: Vec<&'a Path>,
    functions: Vec<&'a str>,
    enums: Vec<&'a str>,
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
            | ExprKind::Bytes(_) => {}
            ExprKind::Enum(symbol) => self.enums.push(symbol.as_str()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::{parse_condition, parse_statement};

    #[test]
    fn uses_lists_functions_and_enum_symbols_in_source_order() {
        let statement = parse_statement(
            r#"set(log.severity_number, SEVERITY_NUMBER_WARN) where IsMatch(resource.attributes["a"], "x") and span.kind == SPAN_KIND_SERVER"#,
        )
        .expect("parses");
        assert_eq!(statement_functions(&statement), ["set", "IsMatch"]);
        assert_eq!(
            statement_enums(&statement),
            ["SEVERITY_NUMBER_WARN", "SPAN_KIND_SERVER"]
        );
        let paths: Vec<String> = statement_paths(&statement)
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(
            paths,
            [
                "log.severity_number",
                "resource.attributes[\"a\"]",
                "span.kind"
            ]
        );
        let condition = parse_condition("metric.type == METRIC_DATA_TYPE_SUM").expect("parses");
        assert_eq!(condition_enums(&condition), ["METRIC_DATA_TYPE_SUM"]);
        assert_eq!(condition_functions(&condition), Vec::<&str>::new());
    }
}
