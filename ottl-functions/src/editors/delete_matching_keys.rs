//! `delete_matching_keys(target, pattern)`.

use super::edit_map;
use crate::pattern::{Pattern, Syntax};
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Kind, Args, Compiled, Function, ParamKind, Signature};

/// `delete_matching_keys(target, pattern)` — removes every key of the map `target` that the
/// regex `pattern` matches anywhere (use `^…$` to match whole keys).
pub struct DeleteMatchingKeys;

const NAME: &str = "delete_matching_keys";

impl Function for DeleteMatchingKeys {
    fn signature(&self) -> Signature {
        Signature::editor(NAME, "removes the keys of a map that a regex matches")
            .param("target", ParamKind::Target)
            .param("pattern", ParamKind::Value(Kind::String))
            .edit_example(
                r#"delete_matching_keys(attributes, "(?i)password")"#,
                r#"{"db.Password": "x", "user": "u"}"#,
                r#"{"user": "u"}"#,
            )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.target(0)?;
        let pattern = Pattern::at(&mut args, 1, Syntax::Regex, NAME)?;
        Ok(Compiled::editor(move |ctx| {
            let matcher = pattern.matcher(ctx)?;
            edit_map(&target, ctx, |map| {
                map.retain(|key, _| !matcher.is_match(key));
                Ok(())
            })
        }))
    }
}
