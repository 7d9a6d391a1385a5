//! `replace_all_matches(target, pattern, replacement, [function], [replacement_format])`.

use super::edit_map;
use crate::pattern::{Pattern, Syntax};
use crate::replace::Replacement;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Kind, Args, Compiled, Function, ParamKind, Signature};
use ottl_core::model::{AnyValue, Str};

/// `replace_all_matches(target, pattern, replacement, [function], [replacement_format])` —
/// sets every string value of the map `target` that the glob `pattern` matches entirely to
/// `replacement`.
pub struct ReplaceAllMatches;

const NAME: &str = "replace_all_matches";

impl Function for ReplaceAllMatches {
    fn signature(&self) -> Signature {
        Signature::editor(
            NAME,
            "replaces the string values of a map that a glob matches",
        )
        .param("target", ParamKind::Target)
        .param("pattern", ParamKind::Value(Kind::String))
        .param("replacement", ParamKind::Value(Kind::String))
        .optional("function", ParamKind::Function)
        .optional("replacement_format", ParamKind::Value(Kind::String))
        .edit_example(
            r#"replace_all_matches(attributes, "/user/*/list/*", "/user/{userId}/list/{listId}")"#,
            r#"{"path": "/user/123/list/456", "other": "/x"}"#,
            r#"{"path": "/user/{userId}/list/{listId}", "other": "/x"}"#,
        )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.target(0)?;
        let pattern = Pattern::at(&mut args, 1, Syntax::Glob, NAME)?;
        let replacement = Replacement::at(&mut args, 2, NAME)?;
        Ok(Compiled::editor(move |ctx| {
            let template = replacement.template(ctx)?.into_owned();
            let replaced = Str::from(replacement.finish(ctx, template)?);
            let matcher = pattern.matcher(ctx)?;
            edit_map(&target, ctx, |map| {
                for (_, value) in map.iter_mut() {
                    if let AnyValue::Str(text) = value
                        && matcher.is_match(text)
                    {
                        *text = replaced.clone();
                    }
                }
                Ok(())
            })
        }))
    }
}
