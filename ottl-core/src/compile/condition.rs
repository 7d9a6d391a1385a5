//! Conditions to closures. `and`/`or` short-circuit left to right; an error in an operand that
//! runs aborts the whole condition. What constant parts decide is decided when compiling, as the
//! reference folds it: comparisons of two literals, `… or true`, `… and false`.

use super::Compiler;
use super::compare::compare;
use super::expr::{Operand, literal};
use crate::RuntimeError;
use crate::RuntimeErrorKind;
use crate::context::TransformContext;
use crate::syntax::{BoolExpr, BoolExprKind, Comparison};
use crate::value::Value;

/// A compiled condition.
pub type ConditionFn =
    Box<dyn Fn(&TransformContext<'_>) -> Result<bool, RuntimeError> + Send + Sync>;

/// A condition after compiling: decided already, or to run per record.
enum Folded {
    /// A constant part decides it (`… or true`, `… and false`, `1 < 2`), as the reference
    /// folds it: the other parts never run, so they cannot fail.
    Constant(bool),
    /// Depends on the record.
    Runs(ConditionFn),
}

impl Compiler<'_> {
    pub(crate) fn condition(&mut self, condition: &BoolExpr) -> ConditionFn {
        match self.fold(condition) {
            Folded::Constant(value) => Box::new(move |_| Ok(value)),
            Folded::Runs(condition) => condition,
        }
    }

    /// Compiles `condition`, every part of it (so every mistake is reported), and decides it
    /// now if its constant parts do.
    fn fold(&mut self, condition: &BoolExpr) -> Folded {
        match &condition.kind {
            BoolExprKind::Constant(value) => Folded::Constant(*value),
            BoolExprKind::Not(operand) => match self.fold(operand) {
                Folded::Constant(value) => Folded::Constant(!value),
                Folded::Runs(operand) => Folded::Runs(Box::new(move |ctx| Ok(!operand(ctx)?))),
            },
            BoolExprKind::And(operands) => self.bool_chain(operands, false),
            BoolExprKind::Or(operands) => self.bool_chain(operands, true),
            BoolExprKind::Comparison(comparison) => {
                if let (Some(left), Some(right)) =
                    (literal(&comparison.left), literal(&comparison.right))
                {
                    self.warn_comparison(comparison);
                    return Folded::Constant(compare(&left, comparison.op, &right));
                }
                Folded::Runs(self.comparison(comparison))
            }
            BoolExprKind::Converter(converter) => {
                let converter = self.converter(converter);
                Folded::Runs(Box::new(move |ctx| match converter(ctx)? {
                    Value::Bool(value) => Ok(value),
                    other => Err(RuntimeErrorKind::Type {
                        expected: "bool from a converter used as a condition",
                        found: other.value_type(),
                    }
                    .into()),
                }))
            }
        }
    }

    /// An `and` chain (`decisive` false) or an `or` chain (`decisive` true): an operand that is
    /// constantly `decisive` decides the chain; constant operands of the other value drop out.
    fn bool_chain(&mut self, operands: &[BoolExpr], decisive: bool) -> Folded {
        let mut decided = false;
        let mut runs: Vec<ConditionFn> = Vec::with_capacity(operands.len());
        for operand in operands {
            match self.fold(operand) {
                Folded::Constant(value) if value == decisive => decided = true,
                Folded::Constant(_) => {}
                Folded::Runs(operand) => runs.push(operand),
            }
        }
        if decided || runs.is_empty() {
            return Folded::Constant(decided == decisive);
        }
        if runs.len() == 1 {
            return Folded::Runs(runs.remove(0));
        }
        Folded::Runs(Box::new(move |ctx| {
            for operand in &runs {
                if operand(ctx)? == decisive {
                    return Ok(decisive);
                }
            }
            Ok(!decisive)
        }))
    }

    /// A comparison with a record's value on at least one side.
    fn comparison(&mut self, comparison: &Comparison) -> ConditionFn {
        self.warn_comparison(comparison);
        let op = comparison.op;
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
}
