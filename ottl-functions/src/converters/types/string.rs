//! `String(target)`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self, Coerce as _};
use ottl_core::function::{Kind, Args, Compiled, Function, ParamKind, Signature};
use ottl_core::value::Value;
use std::borrow::Cow;

/// `String(target)` — the string form of a value: strings as they are, bytes as hex, maps and
/// lists as JSON, numbers and bools as their JSON text; nil for nil.
pub struct String;

impl Function for String {
    fn signature(&self) -> Signature {
        Signature::converter("String", Kind::String, "converts a value to a string")
            .param("target", ParamKind::Like(Kind::String))
            .example(r#"String(false)"#, r#""false""#)
            .example(r#"String([1, 2, 3])"#, r#""[1,2,3]""#)
            .example(r#"String(0x0102)"#, r#""0102""#)
            .example(r#"String(1.5)"#, r#""1.5""#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.value(0)?;
        Ok(Compiled::converter(move |ctx| {
            // A string passes through as it is (borrowed from the record if it was).
            Ok(match target.value(ctx)? {
                value @ Value::Str(_) => value,
                other => match get::StringLike::coerce(other)? {
                    None => Value::Nil,
                    Some(Cow::Borrowed(text)) => Value::string(text),
                    Some(Cow::Owned(text)) => Value::string(text),
                },
            })
        }))
    }
}
