//! Comparisons, exactly as the reference's `compare.go`: values of incompatible types are simply
//! not equal (`!=` holds, every other operator fails); comparison itself never errors.

use crate::model::{AnyValue, Map};
use crate::syntax::CompareOp;
use crate::value::Value;
use std::cmp::Ordering;

/// Whether `left op right` holds.
pub(crate) fn compare(left: &Value<'_>, op: CompareOp, right: &Value<'_>) -> bool {
    use Value as V;
    let ordering = match (left, right) {
        (V::Nil, V::Nil) => Some(Ordering::Equal),
        (V::Bool(a), V::Bool(b)) => Some(a.cmp(b)),
        (V::Int(a), V::Int(b)) => Some(a.cmp(b)),
        (V::Int(a), V::Double(b)) => (*a as f64).partial_cmp(b),
        (V::Double(a), V::Int(b)) => a.partial_cmp(&(*b as f64)),
        (V::Double(a), V::Double(b)) => a.partial_cmp(b),
        // Equality looks at the lengths first, so a value that can't match is never read
        // (its characters may be far away in memory).
        (V::Str(a), V::Str(b)) if matches!(op, CompareOp::Eq | CompareOp::Ne) => {
            return equality(op, a == b);
        }
        (V::Str(a), V::Str(b)) => Some(a.as_bytes().cmp(b.as_bytes())),
        (V::Bytes(a), V::Bytes(b)) => Some(a.as_ref().cmp(b.as_ref())),
        (V::Time(a), V::Time(b)) => Some(a.nanos().cmp(&b.nanos())),
        (V::Duration(a), V::Duration(b)) => Some(a.cmp(b)),
        (V::Map(a), V::Map(b)) => return equality(op, maps_equal(a, b)),
        (V::List(a), V::List(b)) => return equality(op, lists_equal(a, b)),
        (V::TraceId(a), V::TraceId(b)) => return equality(op, a == b),
        (V::SpanId(a), V::SpanId(b)) => return equality(op, a == b),
        (V::Object(a), V::Object(b)) => return equality(op, a == b),
        _ => None,
    };
    match ordering {
        // NaN, or types that don't compare: not equal.
        None => op == CompareOp::Ne,
        Some(ordering) => match op {
            CompareOp::Eq => ordering == Ordering::Equal,
            CompareOp::Ne => ordering != Ordering::Equal,
            CompareOp::Lt => ordering == Ordering::Less,
            CompareOp::Le => ordering != Ordering::Greater,
            CompareOp::Gt => ordering == Ordering::Greater,
            CompareOp::Ge => ordering != Ordering::Less,
        },
    }
}

/// Maps, lists and ids only know equality; ordering them is false.
fn equality(op: CompareOp, equal: bool) -> bool {
    match op {
        CompareOp::Eq => equal,
        CompareOp::Ne => !equal,
        _ => false,
    }
}

/// pdata's `Map.Equal`: same keys with equal values, in any order; values compare strictly by
/// type (int 1 is not double 1.0 inside containers).
fn maps_equal(a: &Map, b: &Map) -> bool {
    a.len() == b.len()
        && a.iter()
            .all(|(key, value)| b.get(key).is_some_and(|other| any_equal(value, other)))
}

fn lists_equal(a: &[AnyValue], b: &[AnyValue]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| any_equal(x, y))
}

fn any_equal(a: &AnyValue, b: &AnyValue) -> bool {
    match (a, b) {
        (AnyValue::KvList(x), AnyValue::KvList(y)) => maps_equal(x, y),
        (AnyValue::Array(x), AnyValue::Array(y)) => lists_equal(x, y),
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Value<'static> {
        Value::string(s)
    }

    #[test]
    fn strings_compare_by_bytes_whatever_their_lengths() {
        use CompareOp::*;
        for (a, op, b, holds) in [
            ("abc", Eq, "abc", true),
            ("abc", Eq, "ab", false),
            ("abc", Ne, "ab", true),
            ("abc", Ne, "abc", false),
            ("ab", Lt, "abc", true),
            ("b", Gt, "abc", true),
            ("abc", Le, "abc", true),
            ("", Ge, "a", false),
        ] {
            assert_eq!(compare(&text(a), op, &text(b)), holds, "{a:?} {op:?} {b:?}");
        }
    }
}
