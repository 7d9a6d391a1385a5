//! Conditions to closures. `and`/`or` short-circuit left to right; an error in an operand that
//! runs aborts the whole condition; comparisons of two literals are decided when compiling.

use super::Compiler;
use super::compare::compare;
use super::expr::{Operand, literal};
use crate::RuntimeError;
use crate::RuntimeErrorKind;
use crate::context::TransformContext;
use crate::syntax::{BoolExpr, BoolExprKind};
use crate::value::Value;

/// A compiled condition.
pub type ConditionFn =
    Box<dyn Fn(&TransformContext<'_>) -> Result<bool, RuntimeError> + Send + Sync>;

impl Compiler<'_> {
    pub(crate) fn condition(&mut self, condition: &BoolExpr) -> ConditionFn {
        match &condition.kind {
            BoolExprKind::Constant(value) => {
                let value = *value;
                Box::new(move |_| Ok(value))
            }
            BoolExprKind::Not(operand) => {
                let operand = self.condition(operand);
                Box::new(move |ctx| Ok(!operand(ctx)?))
            }
            BoolExprKind::And(operands) => {
                let operands: Vec<ConditionFn> =
                    operands.iter().map(|o| self.condition(o)).collect();
                Box::new(move |ctx| {
                    for operand in &operands {
                        if !operand(ctx)? {
                            return Ok(false);
                        }
                    }
                    Ok(true)
                })
            }
            BoolExprKind::Or(operands) => {
                let operands: Vec<ConditionFn> =
                    operands.iter().map(|o| self.condition(o)).collect();
                Box::new(move |ctx| {
                    for operand in &operands {
                        if operand(ctx)? {
                            return Ok(true);
                        }
                    }
                    Ok(false)
                })
            }
            BoolExprKind::Comparison(comparison) => {
                self.warn_comparison(comparison);
                let op = comparison.op;
                if let (Some(left), Some(right)) =
                    (literal(&comparison.left), literal(&comparison.right))
                {
                    let holds = compare(&left, op, &right);
                    return Box::new(move |_| Ok(holds));
                }
                // A literal side is compared in place rather than produced (and cloned) by a
                // getter on every record: `attributes["code"] >= 500` reads one value.
                match (literal(&comparison.left), literal(&comparison.right)) {
                    (None, Some(right)) => match self.operand(&comparison.left) {
                        Some(Operand::Stored(left)) => Box::new(move |ctx| {
                            let left = Value::from_stored(left(ctx)?);
                            Ok(compare(&left, op, &right))
                        }),
                        Some(Operand::Getter(left)) => {
                            Box::new(move |ctx| Ok(compare(&left(ctx)?, op, &right)))
                        }
                        None => Box::new(|_| Ok(false)),
                    },
                    (Some(left), None) => {
                        let right = self.expr(&comparison.right);
                        Box::new(move |ctx| Ok(compare(&left, op, &right(ctx)?)))
                    }
                    _ => {
                        let left = self.expr(&comparison.left);
                        let right = self.expr(&comparison.right);
                        Box::new(move |ctx| Ok(compare(&left(ctx)?, op, &right(ctx)?)))
                    }
                }
            }
            BoolExprKind::Converter(converter) => {
                let converter = self.converter(converter);
                Box::new(move |ctx| match converter(ctx)? {
                    Value::Bool(value) => Ok(value),
                    other => Err(RuntimeErrorKind::Type {
                        expected: "bool from a converter used as a condition",
                        found: other.value_type(),
                    }
                    .into()),
                })
            }
        }
    }
}
