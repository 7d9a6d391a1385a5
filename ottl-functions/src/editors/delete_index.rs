//! `delete_index(target, start_index, [end_index])`.

use ottl_core::RuntimeErrorKind;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self, Coerce as _};
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::model::AnyValue;
use ottl_core::value::Value;
use std::borrow::Cow;

/// `delete_index(target, start_index, [end_index])` — removes the elements of the list
/// `target` from `start_index` up to, not including, `end_index` (default `start_index + 1`).
///
/// Deleting everything (`0` to the length) always works, even on an empty list; otherwise the
/// start must be an index of the list and the end lie between the start and the length.
pub struct DeleteIndex;

impl Function for DeleteIndex {
    fn signature(&self) -> Signature {
        Signature::editor("delete_index", "removes a range of elements from a list")
            .param("target", ParamKind::Target)
            .param("start_index", ParamKind::Value(Kind::Int))
            .optional("end_index", ParamKind::Value(Kind::Int))
            .edit_example(
                r#"delete_index(attributes["tags"], 0)"#,
                r#"{"tags": ["a", "b", "c", "d"]}"#,
                r#"{"tags": ["b", "c", "d"]}"#,
            )
            .edit_example(
                r#"delete_index(attributes["tags"], 0, 3)"#,
                r#"{"tags": ["a", "b", "c", "d"]}"#,
                r#"{"tags": ["d"]}"#,
            )
            .edit_example(
                r#"delete_index(attributes["tags"], Len(attributes["tags"]) - 1)"#,
                r#"{"tags": ["a", "b", "c", "d"]}"#,
                r#"{"tags": ["a", "b", "c"]}"#,
            )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.target(0)?;
        let start = args.get::<get::Int>(1)?;
        let end = args.optional::<get::Int>(2)?;
        Ok(Compiled::editor(move |ctx| {
            let kept = {
                // Read in the reference's order: the list, then the start, then the end.
                let items = get::List::coerce((target.get)(ctx)?)?;
                let start = start.eval(ctx)?;
                let end = match &end {
                    Some(end) => end.eval(ctx)?,
                    None => start.wrapping_add(1),
                };
                remaining(&items, start, end)?
            };
            let Some(kept) = kept else {
                return Ok(());
            };
            match &target.put {
                Some(put) => put(ctx, AnyValue::Array(kept.into())),
                None => (target.set)(ctx, Value::List(Cow::Owned(kept))),
            }
        }))
    }
}

/// The elements left after deleting `[start, end)`, or `None` when nothing is deleted; the
/// reference's checks, in its order.
fn remaining(
    items: &[AnyValue],
    start: i64,
    end: i64,
) -> Result<Option<Vec<AnyValue>>, RuntimeErrorKind> {
    let len = i64::try_from(items.len()).unwrap_or(i64::MAX);
    if start == 0 && end == len {
        return Ok(Some(Vec::new()));
    }
    if start < 0 || start >= len {
        return Err(failure(format!(
            "startIndex {start} out of bounds for slice of length {len}"
        )));
    }
    if end < start {
        return Err(failure(format!(
            "endIndex {end} cannot be less than startIndex {start}"
        )));
    }
    if end > len {
        return Err(failure(format!(
            "deletion range [{start}:{end}] out of bounds for slice of length {len}"
        )));
    }
    if start == end {
        return Ok(None);
    }
    // Both are within 0..=len here, so they are valid positions.
    let (start, end) = (start as usize, end as usize);
    let mut kept = Vec::with_capacity(items.len() - (end - start));
    kept.extend_from_slice(&items[..start]);
    kept.extend_from_slice(&items[end..]);
    Ok(Some(kept))
}

fn failure(message: String) -> RuntimeErrorKind {
    RuntimeErrorKind::Function {
        function: "delete_index",
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(values: &[i64]) -> Vec<AnyValue> {
        values.iter().copied().map(AnyValue::Int).collect()
    }

    #[test]
    fn deleting_everything_works_on_an_empty_list() {
        assert_eq!(remaining(&[], 0, 0), Ok(Some(Vec::new())));
        assert!(remaining(&[], 0, 1).is_err());
    }

    #[test]
    fn an_empty_range_changes_nothing() {
        assert_eq!(remaining(&ints(&[0, 1, 2, 3, 4]), 2, 2), Ok(None));
    }

    #[test]
    fn bounds_are_checked_in_the_references_order() {
        let items = ints(&[0, 1, 2, 3]);
        let message = |result: Result<_, RuntimeErrorKind>| match result {
            Err(RuntimeErrorKind::Function { message, .. }) => message,
            other => panic!("expected a failure, got {other:?}"),
        };
        assert_eq!(
            message(remaining(&items, 5, 1)),
            "startIndex 5 out of bounds for slice of length 4"
        );
        assert_eq!(
            message(remaining(&items, -1, 2)),
            "startIndex -1 out of bounds for slice of length 4"
        );
        assert_eq!(
            message(remaining(&items, 2, 1)),
            "endIndex 1 cannot be less than startIndex 2"
        );
        assert_eq!(
            message(remaining(&items, 2, 7)),
            "deletion range [2:7] out of bounds for slice of length 4"
        );
        assert_eq!(remaining(&items, 1, 3), Ok(Some(ints(&[0, 3]))));
    }

    #[test]
    fn the_largest_start_does_not_overflow() {
        assert!(remaining(&ints(&[1]), i64::MAX, i64::MAX.wrapping_add(1)).is_err());
    }
}
