//! `replace_match(target, pattern, replacement, [function], [replacement_format])`.

use crate::pattern::{Pattern, Syntax};
use crate::replace::Replacement;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Kind, Args, Compiled, Function, ParamKind, Signature};
use ottl_core::value::Value;

/// `replace_match(target, pattern, replacement, [function], [replacement_format])` — sets the
/// string at `target` to `replacement` if the glob `pattern` matches all of it (`*` matches
/// any run of characters, `/` included).
pub struct ReplaceMatch;

const NAME: &str = "replace_match";

impl Function for ReplaceMatch {
    fn signature(&self) -> Signature {
        Signature::editor(NAME, "replaces a string that a glob matches")
            .param("target", ParamKind::Target)
            .param("pattern", ParamKind::Value(Kind::String))
            .param("replacement", ParamKind::Value(Kind::String))
            .optional("function", ParamKind::Function)
            .optional("replacement_format", ParamKind::Value(Kind::String))
            .edit_example(
                r#"replace_match(attributes["path"], "/user/*/list/*", "/user/{userId}/list/{listId}")"#,
                r#"{"path": "/user/123/list/456"}"#,
                r#"{"path": "/user/{userId}/list/{listId}"}"#,
            )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.target(0)?;
        let pattern = Pattern::at(&mut args, 1, Syntax::Glob, NAME)?;
        let replacement = Replacement::at(&mut args, 2, NAME)?;
        Ok(Compiled::editor(move |ctx| {
            // The replacement is computed before the target is looked at, as in the reference.
            let template = replacement.template(ctx)?.into_owned();
            let replaced = replacement.finish(ctx, template)?;
            let matches = {
                let Value::Str(text) = (target.get)(ctx)? else {
                    return Ok(());
                };
                pattern.matcher(ctx)?.is_match(&text)
            };
            if matches {
                (target.set)(ctx, Value::string(replaced))?;
            }
            Ok(())
        }))
    }
}
