//! `Sort(target, order)`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature, ValueArg};
use ottl_core::model::AnyValue;
use ottl_core::text;
use ottl_core::value::Value;
use std::borrow::Cow;
use std::cmp::Ordering;

const NAME: &str = "Sort";

/// `Sort(target, order)` — a sorted copy of the list `target`, `"asc"` (the default) or
/// `"desc"`. Ints sort as ints; ints mixed with doubles as numbers; a list holding any string,
/// bool or empty value sorts every element by its string form. The elements keep their types.
/// A list holding a map, a list or bytes is returned unsorted.
pub struct Sort;

impl Function for Sort {
    fn signature(&self) -> Signature {
        Signature::converter("Sort", Kind::List, "sorts a list")
            .param("target", ParamKind::Value(Kind::Any))
            .optional("order", ParamKind::String)
            .example("Sort([9, 6, 3])", "[3, 6, 9]")
            .example(
                r#"Sort(["i", "am", "awesome", "slice"])"#,
                r#"["am", "awesome", "i", "slice"]"#,
            )
            .example(r#"Sort([1, "two", 3.33, false])"#, r#"[1, 3.33, false, "two"]"#)
            .example(r#"Sort([3.14, 2, 3.33, 0], "desc")"#, "[3.33, 3.14, 2, 0]")
            .example("Sort([2, 0x01, 1])", "[2, 0x01, 1]")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let descending = match args.optional_string(1)?.as_deref() {
            None | Some("asc") => false,
            Some("desc") => true,
            Some(other) => {
                return Err(args.invalid(
                    1,
                    format!("invalid order {other:?}: the order is \"asc\" or \"desc\""),
                    r#"write "asc" (the default) or "desc""#,
                ));
            }
        };
        let target = args.value(0)?;
        if let ValueArg::Constant(literal) = &target
            && let Some(message) = literal_failure(literal)
        {
            args.warn(0, message, "sort a list of strings, numbers or bools");
        }
        // The reference converts a list literal to a pdata slice first, which fails on a map
        // (a map literal is not a raw Go map); a list read from the record has no such step.
        let literal_holds_map = matches!(&target, ValueArg::Constant(Value::List(items)) if holds_map(items));
        Ok(Compiled::converter(move |ctx| {
            let items = match target.value(ctx)? {
                Value::List(_) if literal_holds_map => {
                    return Err(failure(
                        "sort with unsupported type: the list literal holds a map".to_owned(),
                    ));
                }
                Value::List(items) => items,
                other => {
                    return Err(failure(format!(
                        "sort with unsupported type: {}; the target is not a list",
                        other.value_type()
                    )));
                }
            };
            Ok(Value::List(sorted(items, descending)))
        }))
    }
}

/// Why a literal target fails on every record, if it does.
fn literal_failure(literal: &Value<'_>) -> Option<String> {
    match literal {
        Value::List(items) if holds_map(items) => {
            Some("Sort cannot take a list literal holding a map".to_owned())
        }
        Value::List(_) => None,
        other => Some(format!("Sort takes a list, found {}", other.value_type())),
    }
}

fn failure(message: String) -> ottl_core::RuntimeError {
    ottl_core::RuntimeError::function(NAME, message)
}

/// Whether a map occurs in `items` or in lists nested in them.
fn holds_map(items: &[AnyValue]) -> bool {
    items.iter().any(|item| match item {
        AnyValue::KvList(_) => true,
        AnyValue::Array(nested) => holds_map(nested),
        _ => false,
    })
}

/// How the elements of a list compare, decided by the kinds it holds.
#[derive(Clone, Copy)]
enum Comparison {
    Ints,
    Numbers,
    Strings,
}

/// The comparison for `items` (not empty), or `None` when one of them is a map, a list or
/// bytes: the first element's kind, widened to numbers when ints meet doubles and to strings
/// when any string, bool or empty value is present.
fn comparison(items: &[AnyValue]) -> Option<Comparison> {
    let first_is_int = matches!(items.first(), Some(AnyValue::Int(_)));
    let (mut strings, mut mixed_numbers) = (false, false);
    for item in items {
        match item {
            AnyValue::Int(_) => mixed_numbers |= !first_is_int,
            AnyValue::Double(_) => mixed_numbers |= first_is_int,
            AnyValue::Str(_) | AnyValue::Bool(_) | AnyValue::Empty => strings = true,
            AnyValue::Bytes(_) | AnyValue::Array(_) | AnyValue::KvList(_) => return None,
        }
    }
    Some(if strings {
        Comparison::Strings
    } else if mixed_numbers || !first_is_int {
        Comparison::Numbers
    } else {
        Comparison::Ints
    })
}

/// `items` sorted by `comparison(items)`, or as they are when they cannot be.
fn sorted(items: Cow<'_, [AnyValue]>, descending: bool) -> Cow<'_, [AnyValue]> {
    let Some(comparison) = comparison(&items) else {
        return items;
    };
    // The order of the elements, found on their sort keys; a stable sort keeps equal keys in
    // their first order, as the reference's insertion sort does for lists of up to 12.
    let mut order: Vec<usize> = (0..items.len()).collect();
    let directed = |ordering: Ordering| {
        if descending {
            ordering.reverse()
        } else {
            ordering
        }
    };
    match comparison {
        Comparison::Ints => {
            let keys: Vec<i64> = items.iter().map(int_key).collect();
            order.sort_by(|&a, &b| directed(keys[a].cmp(&keys[b])));
        }
        Comparison::Numbers => {
            let keys: Vec<f64> = items.iter().map(number_key).collect();
            order.sort_by(|&a, &b| directed(compare_floats(keys[a], keys[b])));
        }
        Comparison::Strings => {
            let keys: Vec<Cow<'_, str>> = items.iter().map(string_key).collect();
            order.sort_by(|&a, &b| directed(keys[a].as_bytes().cmp(keys[b].as_bytes())));
        }
    }
    Cow::Owned(match items {
        Cow::Owned(mut owned) => order
            .into_iter()
            .map(|i| std::mem::take(&mut owned[i]))
            .collect(),
        Cow::Borrowed(borrowed) => order.into_iter().map(|i| borrowed[i].clone()).collect(),
    })
}

fn int_key(item: &AnyValue) -> i64 {
    match item {
        AnyValue::Int(number) => *number,
        _ => 0,
    }
}

fn number_key(item: &AnyValue) -> f64 {
    match item {
        AnyValue::Int(number) => *number as f64,
        AnyValue::Double(number) => *number,
        _ => 0.0,
    }
}

/// An element's string form (pdata's `AsString`), borrowed where it is a string.
fn string_key(item: &AnyValue) -> Cow<'_, str> {
    match item {
        AnyValue::Str(text) => Cow::Borrowed(text.as_str()),
        AnyValue::Bool(true) => Cow::Borrowed("true"),
        AnyValue::Bool(false) => Cow::Borrowed("false"),
        AnyValue::Empty => Cow::Borrowed(""),
        other => Cow::Owned(text::as_string(other)),
    }
}

/// Go's `cmp.Compare` on floats: NaN sorts before every number and equals NaN.
fn compare_floats(a: f64, b: f64) -> Ordering {
    match (a.is_nan(), b.is_nan()) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        (false, false) => a.partial_cmp(&b).unwrap_or(Ordering::Equal),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sort(items: Vec<AnyValue>, descending: bool) -> Vec<AnyValue> {
        sorted(Cow::Owned(items), descending).into_owned()
    }

    #[test]
    fn ints_and_doubles_compare_as_numbers_and_keep_their_types() {
        let items = vec![
            AnyValue::Int(2),
            AnyValue::Double(1.0),
            AnyValue::Int(1),
            AnyValue::Double(0.5),
        ];
        assert_eq!(
            sort(items, false),
            vec![
                AnyValue::Double(0.5),
                AnyValue::Double(1.0),
                AnyValue::Int(1),
                AnyValue::Int(2),
            ]
        );
    }

    #[test]
    fn nan_sorts_first_as_in_go() {
        let items = vec![
            AnyValue::Double(1.0),
            AnyValue::Double(f64::NAN),
            AnyValue::Double(-1.0),
        ];
        let out = sort(items, false);
        assert!(matches!(out[0], AnyValue::Double(n) if n.is_nan()));
        assert_eq!(out[1..], [AnyValue::Double(-1.0), AnyValue::Double(1.0)]);
    }

    #[test]
    fn empty_values_sort_as_empty_strings() {
        let items = vec![AnyValue::from("a"), AnyValue::Empty, AnyValue::Int(1)];
        assert_eq!(
            sort(items, false),
            vec![AnyValue::Empty, AnyValue::Int(1), AnyValue::from("a")]
        );
    }

    #[test]
    fn bytes_leave_the_list_unsorted() {
        let items = vec![AnyValue::Int(2), AnyValue::Bytes(vec![1]), AnyValue::Int(1)];
        assert_eq!(sort(items.clone(), false), items);
    }

    #[test]
    fn descending_keeps_equal_keys_in_their_first_order() {
        let items = vec![AnyValue::Int(1), AnyValue::Double(1.0), AnyValue::Int(2)];
        assert_eq!(
            sort(items, true),
            vec![AnyValue::Int(2), AnyValue::Int(1), AnyValue::Double(1.0)]
        );
    }
}
