//! `Split(target, delimiter)`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self};
use ottl_core::function::{Kind, Args, Compiled, Function, ParamKind, Signature};
use ottl_core::model::AnyValue;
use ottl_core::value::Value;
use std::borrow::Cow;

/// `Split(target, delimiter)` — the parts of a string between the delimiters, as Go's
/// `strings.Split`: an empty delimiter splits into characters.
pub struct Split;

impl Function for Split {
    fn signature(&self) -> Signature {
        Signature::converter("Split", Kind::List, "splits a string at a delimiter")
            .param("target", ParamKind::Value(Kind::String))
            .param("delimiter", ParamKind::Value(Kind::String))
            .example(r#"Split("A|B|C", "|")"#, r#"["A", "B", "C"]"#)
            .example(r#"Split("A|B|C", "")"#, r#"["A", "|", "B", "|", "C"]"#)
            .example(r#"Split("", ",")"#, r#"[""]"#)
            .example(r#"Split("a,,b", ",")"#, r#"["a", "", "b"]"#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::String>(0)?;
        let delimiter = args.get::<get::String>(1)?;
        Ok(Compiled::converter(move |ctx| {
            let text = target.eval(ctx)?;
            let delimiter = delimiter.eval(ctx)?;
            let parts: Vec<AnyValue> = if delimiter.is_empty() {
                let mut buffer = [0u8; 4];
                text.chars()
                    .map(|c| AnyValue::from(&*c.encode_utf8(&mut buffer)))
                    .collect()
            } else {
                text.split(delimiter.as_str()).map(AnyValue::from).collect()
            };
            Ok(Value::List(Cow::Owned(parts)))
        }))
    }
}
