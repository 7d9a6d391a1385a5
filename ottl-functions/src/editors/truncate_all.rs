//! `truncate_all(target, limit, [utf8_safe], [truncation_marker])`.

use super::edit_map;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, ParamKind, Signature};
use ottl_core::model::{AnyValue, Str};

/// `truncate_all(target, limit, [utf8_safe], [truncation_marker])` — shortens every string
/// value of the map `target` longer than `limit` bytes, appending the marker to those cut.
pub struct TruncateAll;

impl Function for TruncateAll {
    fn signature(&self) -> Signature {
        Signature::editor(
            "truncate_all",
            "shortens the string values of a map to a byte limit",
        )
        .param("target", ParamKind::Target)
        .param("limit", ParamKind::Int)
        .optional("utf8_safe", ParamKind::Bool)
        .optional("truncation_marker", ParamKind::String)
        .edit_example(
            r#"truncate_all(attributes, 5)"#,
            r#"{"s": "hello world", "n": 123456}"#,
            r#"{"s": "hello", "n": 123456}"#,
        )
        .edit_example(
            r#"truncate_all(attributes, 6, true, "…")"#,
            r#"{"s": "hello world"}"#,
            r#"{"s": "hel…"}"#,
        )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.target(0)?;
        let limit = args.int(1)?;
        let utf8_safe = args.optional_bool(2)?.unwrap_or(true);
        let marker = args.optional_string(3)?.unwrap_or_default();
        let Ok(limit) = usize::try_from(limit) else {
            return Err(args.invalid(
                1,
                format!("invalid limit for truncate_all function, {limit} cannot be negative"),
                "use a limit of 0 or more",
            ));
        };
        if marker.len() > limit {
            return Err(args.invalid(
                3,
                format!(
                    "truncation marker ({} bytes) is longer than the limit {limit}",
                    marker.len()
                ),
                "use a shorter marker or a larger limit",
            ));
        }
        let keep = limit - marker.len();
        Ok(Compiled::editor(move |ctx| {
            edit_map(&target, ctx, |map| {
                for (_, value) in map.iter_mut() {
                    let AnyValue::Str(text) = value else {
                        continue;
                    };
                    if text.len() <= limit {
                        continue;
                    }
                    *text = truncate(text, keep, utf8_safe, &marker);
                }
                Ok(())
            })
        }))
    }
}

fn truncate(text: &str, keep: usize, utf8_safe: bool, marker: &str) -> Str {
    let mut cut = keep;
    if utf8_safe {
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
    }
    let mut out = match text.get(..cut) {
        Some(head) => head.to_owned(),
        // Cutting inside a character leaves invalid UTF-8 in the reference; strings here are
        // UTF-8, so the partial character becomes U+FFFD, as the reference's output encoders
        // write it.
        None => String::from_utf8_lossy(&text.as_bytes()[..cut]).into_owned(),
    };
    out.push_str(marker);
    Str::from(out)
}
