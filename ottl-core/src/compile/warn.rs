//! Warnings: what the reference accepts but what misbehaves on every record, known before any
//! record is read.

use super::Compiler;
use super::expr::literal;
use crate::context;
use crate::diag::{Code, Diagnostic};
use crate::syntax::{CompareOp, Comparison, Expr, ExprKind, MulOp};
use crate::value::{Value, ValueType};

impl Compiler<'_> {
    /// The type `expr` has on every record, when that is known without reading one: a
    /// literal's, an enum symbol's (int), or a path without keys to a field of one type.
    fn static_type(&self, expr: &Expr) -> Option<ValueType> {
        if let Some(value) = literal(expr) {
            return Some(value.value_type());
        }
        match &expr.kind {
            ExprKind::Enum(_) => Some(ValueType::Int),
            ExprKind::Path(path) => {
                let resolved = context::resolve(self.context, path).ok()?;
                if resolved.keys.is_empty() {
                    resolved.field.fixed_type()
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// Warns when the two sides of `comparison` have types that never compare, so that it has
    /// the same result on every record (`severity_number == "ERROR"` is always false).
    pub(super) fn warn_comparison(&mut self, comparison: &Comparison) {
        let (Some(left), Some(right)) = (
            self.static_type(&comparison.left),
            self.static_type(&comparison.right),
        ) else {
            return;
        };
        if ever_compare(left, right) {
            return;
        }
        let op = comparison.op;
        let outcome = if op == CompareOp::Ne { "true" } else { "false" };
        let why = if matches!(op, CompareOp::Eq | CompareOp::Ne) {
            format!(
                "{} never equals {}",
                left.with_article(),
                right.with_article()
            )
        } else {
            format!(
                "{} and {} have no order",
                left.with_article(),
                right.with_article()
            )
        };
        let mut warning = Diagnostic::warning(
            Code::ComparisonNeverHolds,
            format!("this comparison is {outcome} on every record: {why}"),
            comparison.right.span,
            right.with_article(),
        )
        .with_label(comparison.left.span, left.with_article());
        // A literal beside a path is the likely mistake: say what the path compares with.
        let path_type = match (is_literal(&comparison.left), is_literal(&comparison.right)) {
            (false, true) => Some(left),
            (true, false) => Some(right),
            _ => None,
        };
        if let Some(wanted) = path_type {
            warning = warning.with_help(format!("compare with {}", wanted.with_article()));
        }
        self.warnings.push(warning);
    }

    /// Warns about each division in `rest` by a literal zero, which fails wherever it runs.
    pub(super) fn warn_division_by_zero(&mut self, rest: &[(MulOp, Expr)]) {
        for (op, divisor) in rest {
            let zero = match literal(divisor) {
                Some(Value::Int(n)) => n == 0,
                Some(Value::Double(d)) => d == 0.0,
                _ => false,
            };
            if *op == MulOp::Div && zero {
                self.warnings.push(
                    Diagnostic::warning(
                        Code::DivisionByZero,
                        "this division by zero fails wherever it is evaluated",
                        divisor.span,
                        "a zero divisor",
                    )
                    .with_help("divide by a value that is not zero"),
                );
            }
        }
    }
}

/// Whether values of these two types may compare as anything but "not equal": the same type,
/// or two numbers (the reference compares ints with doubles).
fn ever_compare(left: ValueType, right: ValueType) -> bool {
    let number = |t| matches!(t, ValueType::Int | ValueType::Double);
    left == right || (number(left) && number(right))
}

fn is_literal(expr: &Expr) -> bool {
    literal(expr).is_some()
}

#[cfg(test)]
mod tests {
    use crate::compile::compile_condition;
    use crate::context::ContextKind;
    use crate::diag::Code;
    use crate::function::Registry;

    /// The codes of the warnings `condition` compiles with, in `context`.
    fn warnings(context: ContextKind, condition: &str) -> Vec<Code> {
        match compile_condition(condition, context, &Registry::new()) {
            Ok((_, warnings)) => warnings.iter().map(|w| w.code).collect(),
            Err(diagnostics) => panic!("{condition}: {diagnostics}"),
        }
    }

    #[test]
    fn comparisons_between_types_that_never_compare_are_warned_about() {
        for (context, condition) in [
            (ContextKind::Log, r#"severity_number == "ERROR""#),
            (ContextKind::Log, r#""ERROR" != severity_number"#),
            (ContextKind::Log, "severity_text == 9"),
            (ContextKind::Log, "severity_text == nil"),
            (ContextKind::Log, "time > 5"),
            (ContextKind::Span, "name == SPAN_KIND_SERVER"),
            (ContextKind::Span, "kind == name"),
            (ContextKind::Resource, r#"attributes == "x""#),
            (ContextKind::Log, "attributes == nil"),
            (ContextKind::Log, r#"1 == "1""#),
        ] {
            assert_eq!(
                warnings(context, condition),
                [Code::ComparisonNeverHolds],
                "{condition}"
            );
        }
    }

    #[test]
    fn comparisons_that_may_hold_are_not_warned_about() {
        for (context, condition) in [
            (ContextKind::Log, "severity_number > 1.5"),
            (ContextKind::Log, "severity_number >= SEVERITY_NUMBER_WARN"),
            (ContextKind::Log, r#"attributes["code"] == "500""#),
            (ContextKind::Log, r#"body == 1"#),
            (ContextKind::Log, "trace_id.string == \"abc\""),
            (ContextKind::Span, r#"kind.string == "Server""#),
            (ContextKind::Metric, "aggregation_temporality == 2"),
            (ContextKind::DataPoint, r#"value_int == "1""#),
            (ContextKind::Log, r#"not (severity_text == "x")"#),
        ] {
            assert_eq!(warnings(context, condition), [], "{condition}");
        }
    }

    #[test]
    fn divisions_by_a_literal_zero_are_warned_about() {
        for condition in [
            r#"attributes["a"] / 0 == 1"#,
            r#"attributes["a"] * 2 / 0.0 > 1"#,
            r#"attributes["a"] / -0 == 1"#,
        ] {
            assert_eq!(
                warnings(ContextKind::Log, condition),
                [Code::DivisionByZero],
                "{condition}"
            );
        }
        assert_eq!(
            warnings(ContextKind::Log, r#"attributes["a"] / 2 == 1"#),
            []
        );
        assert_eq!(
            warnings(ContextKind::Log, r#"attributes["a"] * 0 == 0"#),
            []
        );
    }
}
