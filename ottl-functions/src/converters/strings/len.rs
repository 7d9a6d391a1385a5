//! `Len(target)`.

use ottl_core::RuntimeErrorKind;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Kind, Args, Compiled, Function, ParamKind, Signature};
use ottl_core::value::Value;

/// `Len(target)` — the length of a string (in bytes, as Go's `len`), bytes, list or map.
pub struct Len;

impl Function for Len {
    fn signature(&self) -> Signature {
        Signature::converter("Len", Kind::Int, "the length of a string, bytes, list or map")
            .param("target", ParamKind::Value(Kind::Any))
            .example(r#"Len("hello")"#, "5")
            .example(r#"Len([1, 2, 3])"#, "3")
            .example(r#"Len({"a": 1})"#, "1")
            .example(r#"Len("一")"#, "3")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.value(0)?;
        Ok(Compiled::converter(move |ctx| {
            let len = match target.get(ctx)? {
                Value::Str(text) => text.len(),
                Value::Bytes(bytes) => bytes.len(),
                Value::List(items) => items.len(),
                Value::Map(map) => map.len(),
                other => {
                    return Err(RuntimeErrorKind::Type {
                        expected: "string, bytes, list or map",
                        found: other.value_type(),
                    }
                    .into());
                }
            };
            Ok(Value::Int(i64::try_from(len).unwrap_or(i64::MAX)))
        }))
    }
}
