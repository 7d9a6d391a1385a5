//! Arithmetic, exactly as the reference's `math.go`: ints wrap, int and double mix as doubles,
//! times and durations add and subtract, and division by zero is an error.

use crate::RuntimeError;
use crate::RuntimeErrorKind;
use crate::syntax::{AddOp, MulOp};
use crate::value::Value;

/// One of `+ - * /`.
#[derive(Debug, Clone, Copy)]
pub(crate) enum MathOp {
    Add,
    Sub,
    Mul,
    Div,
}

impl From<AddOp> for MathOp {
    fn from(op: AddOp) -> Self {
        match op {
            AddOp::Add => MathOp::Add,
            AddOp::Sub => MathOp::Sub,
        }
    }
}

impl From<MulOp> for MathOp {
    fn from(op: MulOp) -> Self {
        match op {
            MulOp::Mul => MathOp::Mul,
            MulOp::Div => MathOp::Div,
        }
    }
}

fn not_a_number(found: &Value<'_>) -> RuntimeError {
    RuntimeErrorKind::Type {
        expected: "int, double, time or duration",
        found: found.value_type(),
    }
    .into()
}

/// `left op right`.
pub(crate) fn apply(
    op: MathOp,
    left: Value<'_>,
    right: Value<'_>,
) -> Result<Value<'static>, RuntimeError> {
    use Value as V;
    Ok(match (left, right) {
        (V::Int(a), V::Int(b)) => V::Int(ints(op, a, b)?),
        (V::Int(a), V::Double(b)) => V::Double(doubles(op, a as f64, b)?),
        (V::Double(a), V::Int(b)) => V::Double(doubles(op, a, b as f64)?),
        (V::Double(a), V::Double(b)) => V::Double(doubles(op, a, b)?),
        (V::Time(a), V::Duration(b)) => match op {
            MathOp::Add => V::Time(a.with_nanos(a.nanos().wrapping_add(b))),
            MathOp::Sub => V::Time(a.with_nanos(a.nanos().wrapping_sub(b))),
            _ => return Err(time_only_adds()),
        },
        (V::Time(a), V::Time(b)) => match op {
            MathOp::Sub => V::Duration(a.nanos().wrapping_sub(b.nanos())),
            _ => return Err(time_only_adds()),
        },
        (V::Duration(a), V::Duration(b)) => match op {
            MathOp::Add => V::Duration(a.wrapping_add(b)),
            MathOp::Sub => V::Duration(a.wrapping_sub(b)),
            _ => return Err(time_only_adds()),
        },
        (V::Duration(a), V::Time(b)) => match op {
            MathOp::Add => V::Time(b.with_nanos(b.nanos().wrapping_add(a))),
            _ => return Err(time_only_adds()),
        },
        (left @ (V::Int(_) | V::Double(_) | V::Time(_) | V::Duration(_)), right) => {
            return Err(if matches!(left, V::Int(_) | V::Double(_)) {
                RuntimeErrorKind::Type {
                    expected: "int or double",
                    found: right.value_type(),
                }
                .into()
            } else {
                not_a_number(&right)
            });
        }
        (left, _) => return Err(not_a_number(&left)),
    })
}

fn time_only_adds() -> RuntimeError {
    RuntimeErrorKind::Function {
        function: "math",
        message: "only addition and subtraction are supported for times and durations".to_owned(),
    }
    .into()
}

fn ints(op: MathOp, a: i64, b: i64) -> Result<i64, RuntimeError> {
    Ok(match op {
        MathOp::Add => a.wrapping_add(b),
        MathOp::Sub => a.wrapping_sub(b),
        MathOp::Mul => a.wrapping_mul(b),
        MathOp::Div if b == 0 => return Err(RuntimeErrorKind::DivideByZero.into()),
        MathOp::Div => a.wrapping_div(b),
    })
}

fn doubles(op: MathOp, a: f64, b: f64) -> Result<f64, RuntimeError> {
    Ok(match op {
        MathOp::Add => a + b,
        MathOp::Sub => a - b,
        MathOp::Mul => a * b,
        MathOp::Div if b == 0.0 => return Err(RuntimeErrorKind::DivideByZero.into()),
        MathOp::Div => a / b,
    })
}

/// `-value`.
pub(crate) fn negate(value: Value<'_>) -> Result<Value<'static>, RuntimeError> {
    match value {
        Value::Int(number) => Ok(Value::Int(number.wrapping_neg())),
        Value::Double(number) => Ok(Value::Double(-number)),
        other => Err(RuntimeErrorKind::Type {
            expected: "int or double",
            found: other.value_type(),
        }
        .into()),
    }
}
