//! `replace_pattern(target, regex, replacement, [function], [replacement_format])`.

use crate::pattern::{Pattern, Syntax};
use crate::replace::Replacement;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Kind, Args, Compiled, Function, ParamKind, Signature};
use ottl_core::value::Value;

/// `replace_pattern(target, regex, replacement, [function], [replacement_format])` — replaces
/// every match of `regex` in the string at `target`; `$1`, `${name}` and `$$` in
/// `replacement` expand as in Go. Nil and non-string targets are left alone.
pub struct ReplacePattern;

const NAME: &str = "replace_pattern";

impl Function for ReplacePattern {
    fn signature(&self) -> Signature {
        Signature::editor(NAME, "replaces the matches of a regex in a string")
            .param("target", ParamKind::Target)
            .param("regex", ParamKind::Value(Kind::String))
            .param("replacement", ParamKind::Value(Kind::String))
            .optional("function", ParamKind::Function)
            .optional("replacement_format", ParamKind::Value(Kind::String))
            .edit_example(
                r#"replace_pattern(attributes["cmd"], "password=[^\\s]*", "password=***")"#,
                r#"{"cmd": "login password=secret -v"}"#,
                r#"{"cmd": "login password=*** -v"}"#,
            )
            .edit_example(
                r#"replace_pattern(attributes["url"], "^(http://[a-z]+)/.*$", "$1/status")"#,
                r#"{"url": "http://host/a/b"}"#,
                r#"{"url": "http://host/status"}"#,
            )
            .edit_example(
                r#"replace_pattern(attributes["name"], "^kube_([a-z]+)$", "$1", SHA256, "k8s.%s")"#,
                r#"{"name": "kube_pod"}"#,
                r#"{"name": "k8s.425c89ed5bb78a7623fae60fd8a6f648488168740fe82cf6ad34caa4d07aa972"}"#,
            )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.target(0)?;
        let pattern = Pattern::at(&mut args, 1, Syntax::Regex, NAME)?;
        let replacement = Replacement::at(&mut args, 2, NAME)?;
        Ok(Compiled::editor(move |ctx| {
            let updated = {
                let value = (target.get)(ctx)?;
                if matches!(value, Value::Nil) {
                    return Ok(());
                }
                let template = replacement.template(ctx)?;
                let Value::Str(text) = value else {
                    return Ok(());
                };
                let matcher = pattern.matcher(ctx)?;
                replacement.replace_all(ctx, &matcher, &text, &template)?
            };
            match updated {
                Some(updated) => (target.set)(ctx, Value::string(updated)),
                None => Ok(()),
            }
        }))
    }
}
