//! `ParseJSON(target)`.

use ottl_core::RuntimeErrorKind;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self};
use ottl_core::function::{Kind, Args, Compiled, Function, ParamKind, Signature};
use ottl_core::model::AnyValue;
use ottl_core::value::Value;
use std::borrow::Cow;

/// `ParseJSON(target)` — a JSON object as a map or a JSON array as a list; numbers become
/// doubles and `null` an empty value. Other top-level values and invalid JSON are errors.
pub struct ParseJson;

const NAME: &str = "ParseJSON";

impl Function for ParseJson {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, Kind::Any, "parses a JSON object or array")
            .param("target", ParamKind::Value(Kind::String))
            .example(r#"ParseJSON("{\"attr\":true}")"#, r#"{"attr": true}"#)
            .example(r#"ParseJSON("{\"id\":1}")"#, r#"{"id": 1.0}"#)
            .example(r#"ParseJSON("[\"a\",\"b\"]")"#, r#"["a", "b"]"#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::String>(0)?;
        Ok(Compiled::converter(move |ctx| {
            let text = target.eval(ctx)?;
            let error = |message: String| {
                RuntimeErrorKind::Function {
                    function: NAME,
                    message,
                }
                .into()
            };
            match crate::json::parse(&text).map_err(|e| error(e.to_string()))? {
                AnyValue::KvList(map) => Ok(Value::Map(Cow::Owned(map))),
                AnyValue::Array(items) => Ok(Value::List(Cow::Owned(items.into_vec()))),
                _ => Err(error(
                    "could not convert parsed value to a map or a slice".to_owned(),
                )),
            }
        }))
    }
}
