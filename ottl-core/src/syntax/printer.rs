//! AST to canonical source text: one space around binary operators and after commas, `where`
//! spelled out, parentheses only where precedence needs them, strings re-escaped.
//!
//! For every tree the parser can produce, parsing the printed text gives the same tree.

use super::ast::*;
use std::fmt::{self, Display, Formatter, Write as _};

impl Display for Statement {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.editor)?;
        if let Some(condition) = &self.condition {
            write!(f, " where {condition}")?;
        }
        Ok(())
    }
}

impl Display for Call {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{}(", self.name.name)?;
        for (i, arg) in self.args.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{arg}")?;
        }
        f.write_char(')')
    }
}

impl Display for Converter {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.call)?;
        self.keys.iter().try_for_each(|key| write!(f, "{key}"))
    }
}

impl Display for Argument {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if let Some(name) = &self.name {
            write!(f, "{}=", name.name)?;
        }
        match &self.value {
            ArgumentValue::Expr(expr) => write!(f, "{expr}"),
            ArgumentValue::Function(name) => f.write_str(&name.name),
        }
    }
}

impl Display for BoolExpr {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match &self.kind {
            BoolExprKind::Or(terms) => {
                join_conditions(f, terms, " or ", |t| matches!(t.kind, BoolExprKind::Or(_)))
            }
            BoolExprKind::And(factors) => join_conditions(f, factors, " and ", |t| {
                matches!(t.kind, BoolExprKind::Or(_) | BoolExprKind::And(_))
            }),
            BoolExprKind::Not(operand) => {
                let grouped = matches!(
                    operand.kind,
                    BoolExprKind::Or(_) | BoolExprKind::And(_) | BoolExprKind::Not(_)
                );
                f.write_str("not ")?;
                parenthesized(f, operand, grouped)
            }
            BoolExprKind::Comparison(comparison) => {
                write!(
                    f,
                    "{} {} {}",
                    comparison.left, comparison.op, comparison.right
                )
            }
            BoolExprKind::Constant(value) => write!(f, "{value}"),
            BoolExprKind::Converter(converter) => write!(f, "{converter}"),
        }
    }
}

/// Writes `items` separated by `separator`, parenthesizing those `needs_parens` picks.
fn join<T: Display>(
    f: &mut Formatter<'_>,
    items: &[T],
    separator: &str,
    needs_parens: impl Fn(&T) -> bool,
) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(separator)?;
        }
        parenthesized(f, item, needs_parens(item))?;
    }
    Ok(())
}

/// Joins the operands of `and`/`or`, parenthesizing those `needs_parens` picks, and any but
/// the last that ends in a lambda: a lambda's body would otherwise take the rest of the chain.
fn join_conditions(
    f: &mut Formatter<'_>,
    operands: &[BoolExpr],
    separator: &str,
    needs_parens: impl Fn(&BoolExpr) -> bool,
) -> fmt::Result {
    let last = operands.len().saturating_sub(1);
    for (i, operand) in operands.iter().enumerate() {
        if i > 0 {
            f.write_str(separator)?;
        }
        let parens = needs_parens(operand) || (i < last && condition_ends_in_lambda(operand));
        parenthesized(f, operand, parens)?;
    }
    Ok(())
}

/// Whether the printed condition ends with a lambda (whose body would run on).
fn condition_ends_in_lambda(condition: &BoolExpr) -> bool {
    match &condition.kind {
        BoolExprKind::Comparison(comparison) => {
            matches!(comparison.right.kind, ExprKind::Lambda(_))
        }
        BoolExprKind::Not(operand) => condition_ends_in_lambda(operand),
        BoolExprKind::Or(operands) | BoolExprKind::And(operands) => {
            operands.last().is_some_and(condition_ends_in_lambda)
        }
        BoolExprKind::Constant(_) | BoolExprKind::Converter(_) => false,
    }
}

fn parenthesized(f: &mut Formatter<'_>, item: &impl Display, parens: bool) -> fmt::Result {
    if parens {
        write!(f, "({item})")
    } else {
        write!(f, "{item}")
    }
}

impl Display for CompareOp {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CompareOp::Eq => "==",
            CompareOp::Ne => "!=",
            CompareOp::Lt => "<",
            CompareOp::Le => "<=",
            CompareOp::Gt => ">",
            CompareOp::Ge => ">=",
        })
    }
}

impl Display for Expr {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ExprKind::Nil => f.write_str("nil"),
            ExprKind::Bool(value) => write!(f, "{value}"),
            ExprKind::Int(value) => write!(f, "{value}"),
            ExprKind::Float(value) => write_float(f, *value),
            ExprKind::String(value) => write_string(f, value),
            ExprKind::Bytes(bytes) => {
                f.write_str("0x")?;
                bytes.iter().try_for_each(|b| write!(f, "{b:02x}"))
            }
            ExprKind::Enum(name) => f.write_str(name),
            ExprKind::Path(path) => write!(f, "{path}"),
            ExprKind::Converter(converter) => write!(f, "{converter}"),
            ExprKind::Unary { op, operand } => {
                f.write_char(if *op == UnaryOp::Minus { '-' } else { '+' })?;
                let grouped = matches!(
                    operand.kind,
                    ExprKind::Sum { .. } | ExprKind::Product { .. } | ExprKind::Unary { .. }
                );
                parenthesized(f, operand.as_ref(), grouped)
            }
            ExprKind::Sum { first, rest } => {
                let grouped = |e: &Expr| matches!(e.kind, ExprKind::Sum { .. });
                parenthesized(f, first.as_ref(), grouped(first))?;
                for (op, operand) in rest {
                    f.write_str(if *op == AddOp::Add { " + " } else { " - " })?;
                    parenthesized(f, operand, grouped(operand))?;
                }
                Ok(())
            }
            ExprKind::Product { first, rest } => {
                let grouped =
                    |e: &Expr| matches!(e.kind, ExprKind::Sum { .. } | ExprKind::Product { .. });
                parenthesized(f, first.as_ref(), grouped(first))?;
                for (op, operand) in rest {
                    f.write_str(if *op == MulOp::Mul { " * " } else { " / " })?;
                    parenthesized(f, operand, grouped(operand))?;
                }
                Ok(())
            }
            ExprKind::List(items) => {
                f.write_char('[')?;
                join(f, items, ", ", |_| false)?;
                f.write_char(']')
            }
            ExprKind::Map(entries) => {
                f.write_char('{')?;
                for (i, entry) in entries.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write_string(f, &entry.key)?;
                    write!(f, ": {}", entry.value)?;
                }
                f.write_char('}')
            }
            ExprKind::Lambda(lambda) => write!(f, "{lambda}"),
        }
    }
}

impl Display for Path {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.segments.iter().enumerate() {
            if i > 0 {
                f.write_char('.')?;
            }
            f.write_str(&segment.name.name)?;
            segment.keys.iter().try_for_each(|key| write!(f, "{key}"))?;
        }
        Ok(())
    }
}

impl Display for Key {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "[{}]", self.index)
    }
}

impl Display for Lambda {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_char('(')?;
        for (i, param) in self.params.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(&param.name)?;
        }
        f.write_str(") => ")?;
        match self.body.as_ref() {
            LambdaBody::Value(value) => write!(f, "{value}"),
            LambdaBody::Condition(condition) => write!(f, "{condition}"),
        }
    }
}

/// Floats print in the shortest form that reads back to the same value, always with a `.`
/// (OTTL reads `1e5` as an int followed by junk).
fn write_float(f: &mut Formatter<'_>, value: f64) -> fmt::Result {
    let text = format!("{value:?}");
    match text.split_once('e') {
        Some((mantissa, exponent)) if !mantissa.contains('.') => {
            write!(f, "{mantissa}.0e{exponent}")
        }
        _ => f.write_str(&text),
    }
}

/// Writes a string literal, escaping what OTTL needs escaped and control characters.
fn write_string(f: &mut Formatter<'_>, value: &str) -> fmt::Result {
    f.write_char('"')?;
    for c in value.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            '\t' => f.write_str("\\t")?,
            '\r' => f.write_str("\\r")?,
            c if c.is_control() => {
                if (c as u32) <= 0xff {
                    write!(f, "\\x{:02x}", c as u32)?;
                } else {
                    write!(f, "\\u{:04x}", c as u32)?;
                }
            }
            c => f.write_char(c)?,
        }
    }
    f.write_char('"')
}
