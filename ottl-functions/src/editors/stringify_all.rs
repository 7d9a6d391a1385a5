//! `stringify_all(target)`.

use super::edit_map;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, ParamKind, Signature};
use ottl_core::model::{AnyValue, Str};
use ottl_core::text;

/// `stringify_all(target)` — turns every value of the map `target` that is not a string into
/// one, as pdata's `AsString` writes it: ints in decimal, doubles in ES6 form (`1e-7`,
/// `1e+21`), bools, bytes in base64, maps and lists as compact JSON with keys sorted, an empty
/// value as `""`. Only the top level changes: nested values are written inside the JSON.
pub struct StringifyAll;

impl Function for StringifyAll {
    fn signature(&self) -> Signature {
        Signature::editor("stringify_all", "turns every value of a map into a string")
            .param("target", ParamKind::Target)
            .edit_example(
                r#"stringify_all(attributes)"#,
                r#"{"a": 42, "b": true, "c": [1, 2], "d": "x"}"#,
                r#"{"a": "42", "b": "true", "c": "[1,2]", "d": "x"}"#,
            )
            .edit_example(
                r#"stringify_all(attributes)"#,
                r#"{"ratio": 0.5, "m": {"z": 1, "k": "v"}, "none": nil}"#,
                r#"{"ratio": "0.5", "m": "{\"k\":\"v\",\"z\":1}", "none": ""}"#,
            )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.target(0)?;
        Ok(Compiled::editor(move |ctx| {
            let limits = *ctx.limits();
            edit_map(&target, ctx, |map| {
                // Every text is made and checked before the map changes, so a value too large
                // for the limits leaves the map as it was.
                let mut texts: Vec<Option<Str>> = Vec::with_capacity(map.len());
                for (_, value) in map.iter() {
                    texts.push(match value {
                        AnyValue::Str(_) => None,
                        other => {
                            let text = text::as_string(other);
                            limits.check_string_len(text.len())?;
                            Some(Str::from(text))
                        }
                    });
                }
                for ((_, value), text) in map.iter_mut().zip(texts) {
                    if let Some(text) = text {
                        *value = AnyValue::Str(text);
                    }
                }
                Ok(())
            })
        }))
    }
}
