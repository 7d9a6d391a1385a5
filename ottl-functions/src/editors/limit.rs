//! `limit(target, limit, priority_keys)`.

use super::edit_map;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, ParamKind, Signature};

/// `limit(target, limit, priority_keys)` — shrinks the map `target` to at most `limit`
/// entries, keeping the priority keys and then the first other keys in map order.
pub struct Limit;

impl Function for Limit {
    fn signature(&self) -> Signature {
        Signature::editor(
            "limit",
            "shrinks a map to a number of entries, keeping priority keys",
        )
        .param("target", ParamKind::Target)
        .param("limit", ParamKind::Int)
        .param("priority_keys", ParamKind::StringList)
        .edit_example(
            r#"limit(attributes, 2, ["c"])"#,
            r#"{"a": 1, "b": 2, "c": 3}"#,
            r#"{"a": 1, "c": 3}"#,
        )
        .edit_example(r#"limit(attributes, 0, [])"#, r#"{"a": 1}"#, r#"{}"#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.target(0)?;
        let limit = args.int(1)?;
        let priority = args.string_list(2)?;
        let Ok(limit) = usize::try_from(limit) else {
            return Err(args.invalid(
                1,
                format!("invalid limit for limit function, {limit} cannot be negative"),
                "use a limit of 0 or more",
            ));
        };
        // Duplicates count, as in the reference.
        if limit < priority.len() {
            return Err(args.invalid(
                2,
                format!(
                    "invalid limit for limit function, {limit} cannot be less than number of priority attributes {}",
                    priority.len()
                ),
                "raise the limit or list fewer priority keys",
            ));
        }
        Ok(Compiled::editor(move |ctx| {
            edit_map(&target, ctx, |map| {
                if map.len() <= limit {
                    return Ok(());
                }
                let mut kept = priority.iter().filter(|key| map.contains_key(key)).count();
                map.retain(|key, _| {
                    if priority.iter().any(|p| p == key.as_str()) {
                        return true;
                    }
                    if kept < limit {
                        kept += 1;
                        return true;
                    }
                    false
                });
                Ok(())
            })
        }))
    }
}
