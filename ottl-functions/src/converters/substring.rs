//! `Substring(target, start, length, [utf8_safe])`.

use crate::convert::{self, Input, Strict};
use ottl_core::RuntimeErrorKind;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, ParamKind, Signature};
use ottl_core::value::Value;

/// `Substring(target, start, length, [utf8_safe])` — the bytes `[start, start + length)` of a
/// string. With `utf8_safe`, a cut inside a character moves to the character's edge inward.
pub struct Substring;

const NAME: &str = "Substring";

impl Function for Substring {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, "a byte range of a string")
            .param("target", ParamKind::Value)
            .param("start", ParamKind::Value)
            .param("length", ParamKind::Value)
            .optional("utf8_safe", ParamKind::Bool)
            .example(r#"Substring("123456789", 0, 3)"#, r#""123""#)
            .example(r#"Substring("一二三", 0, 4, true)"#, r#""一""#)
            .example(r#"Substring("一二三", 1, 5, true)"#, r#""二""#)
            .example(r#"Substring("一二三", 1, 2, true)"#, r#""""#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = Input::strict_at(&mut args, 0, Strict::String)?;
        let start = Input::strict_at(&mut args, 1, Strict::Int)?;
        let length = Input::strict_at(&mut args, 2, Strict::Int)?;
        let utf8_safe = args.optional_bool(3)?.unwrap_or(false);
        Ok(Compiled::converter(move |ctx| {
            let text = convert::string(target.get(ctx)?)?;
            let start = convert::int(start.get(ctx)?)?;
            let length = convert::int(length.get(ctx)?)?;
            let error = |message: String| {
                RuntimeErrorKind::Function {
                    function: NAME,
                    message,
                }
                .into()
            };
            if start < 0 {
                return Err(error(format!(
                    "invalid start for substring function, {start} cannot be negative"
                )));
            }
            if length <= 0 {
                return Err(error(format!(
                    "invalid length for substring function, {length} cannot be negative or zero"
                )));
            }
            let end = start.checked_add(length).unwrap_or(i64::MAX);
            let (Ok(mut begin), Ok(mut end)) = (usize::try_from(start), usize::try_from(end))
            else {
                return Err(error("invalid range".to_owned()));
            };
            if end > text.len() {
                return Err(error(format!(
                    "invalid range for substring function, {end} cannot be greater than the length of target string({})",
                    text.len()
                )));
            }
            if utf8_safe {
                while !text.is_char_boundary(begin) {
                    begin += 1;
                }
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                if begin >= end {
                    return Ok(Value::string(""));
                }
            }
            Ok(Value::string(match text.get(begin..end) {
                Some(part) => part.to_owned(),
                // A cut inside a character gives invalid UTF-8 in the reference; strings here
                // are UTF-8, so the partial character becomes U+FFFD.
                None => String::from_utf8_lossy(&text.as_bytes()[begin..end]).into_owned(),
            }))
        }))
    }
}
