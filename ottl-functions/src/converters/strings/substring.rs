//! `Substring(target, start, length, [utf8_safe])`.

use ottl_core::RuntimeErrorKind;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self};
use ottl_core::function::{Kind, Args, Compiled, Function, ParamKind, Signature};
use ottl_core::value::Value;

/// `Substring(target, start, length, [utf8_safe])` — the bytes `[start, start + length)` of a
/// string. With `utf8_safe`, a cut inside a character moves to the character's edge inward.
pub struct Substring;

const NAME: &str = "Substring";

impl Function for Substring {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, Kind::String, "a byte range of a string")
            .param("target", ParamKind::Value(Kind::String))
            .param("start", ParamKind::Value(Kind::Int))
            .param("length", ParamKind::Value(Kind::Int))
            .optional("utf8_safe", ParamKind::Bool)
            .example(r#"Substring("123456789", 0, 3)"#, r#""123""#)
            .example(r#"Substring("一二三", 0, 4, true)"#, r#""一""#)
            .example(r#"Substring("一二三", 1, 5, true)"#, r#""二""#)
            .example(r#"Substring("一二三", 1, 2, true)"#, r#""""#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::String>(0)?;
        let start = args.get::<get::Int>(1)?;
        let length = args.get::<get::Int>(2)?;
        let utf8_safe = args.optional_bool(3)?.unwrap_or(false);
        Ok(Compiled::converter(move |ctx| {
            let text = target.eval(ctx)?;
            let start = start.eval(ctx)?;
            let length = length.eval(ctx)?;
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
