//! `keep_matching_keys(target, pattern)`.

use super::edit_map;
use crate::pattern::{Pattern, Syntax};
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Kind, Args, Compiled, Function, ParamKind, Signature};

/// `keep_matching_keys(target, pattern)` — keeps only the keys of the map `target` that the
/// regex `pattern` matches anywhere.
pub struct KeepMatchingKeys;

const NAME: &str = "keep_matching_keys";

impl Function for KeepMatchingKeys {
    fn signature(&self) -> Signature {
        Signature::editor(NAME, "keeps only the keys of a map that a regex matches")
            .param("target", ParamKind::Target)
            .param("pattern", ParamKind::Value(Kind::String))
            .edit_example(
                r#"keep_matching_keys(attributes, "^http\\.")"#,
                r#"{"http.method": "GET", "user": "u"}"#,
                r#"{"http.method": "GET"}"#,
            )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.target(0)?;
        let pattern = Pattern::at(&mut args, 1, Syntax::Regex, NAME)?;
        Ok(Compiled::editor(move |ctx| {
            let matcher = pattern.matcher(ctx)?;
            edit_map(&target, ctx, |map| {
                map.retain(|key, _| matcher.is_match(key));
                Ok(())
            })
        }))
    }
}
