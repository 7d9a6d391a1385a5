//! `SliceToMap(target, key_path, value_path)`.

use ottl_core::RuntimeError;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::model::{AnyValue, Map};
use ottl_core::value::Value;
use std::borrow::Cow;

const NAME: &str = "SliceToMap";

/// `SliceToMap(target, key_path, value_path)` — a map from the list `target`: each element
/// is keyed by the string found at `key_path` (keys of nested maps) in it, or by its index
/// without one, and its value is the element, or what is found at `value_path` in it. With
/// either path every element must be a map holding the path; a repeated key keeps the last.
pub struct SliceToMap;

impl Function for SliceToMap {
    fn signature(&self) -> Signature {
        Signature::converter("SliceToMap", Kind::Map, "turns a list of maps into a map")
            .param("target", ParamKind::Value(Kind::List))
            .optional("key_path", ParamKind::StringList)
            .optional("value_path", ParamKind::StringList)
            .example(r#"SliceToMap(["a", "b"])"#, r#"{"0": "a", "1": "b"}"#)
            .example(
                r#"SliceToMap(Values({"x": {"name": "foo", "value": 2}}), ["name"], ["value"])"#,
                r#"{"foo": 2}"#,
            )
            .example(
                r#"SliceToMap(Values({"x": {"id": {"n": "a"}, "v": 1}}), ["id", "n"])"#,
                r#"{"a": {"id": {"n": "a"}, "v": 1}}"#,
            )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::List>(0)?;
        let key_path = args.optional_string_list(1)?;
        let value_path = args.optional_string_list(2)?;
        Ok(Compiled::converter(move |ctx| {
            let items = target.eval(ctx)?;
            let mut out = Map::with_capacity(items.len());
            for (i, element) in items.iter().enumerate() {
                let fields = match element {
                    AnyValue::KvList(fields) => Some(fields),
                    _ if key_path.is_some() || value_path.is_some() => {
                        return Err(failure(format!(
                            "with `key_path` or `value_path` every element must be a map, \
                             but element {i} is {}",
                            Value::from_any(element).value_type().with_article()
                        )));
                    }
                    _ => None,
                };
                let key = match (&key_path, fields) {
                    (Some(path), Some(fields)) => match find(fields, path) {
                        Ok(AnyValue::Str(key)) => key.clone(),
                        Ok(other) => {
                            return Err(failure(format!(
                                "element {i}: the key at {path:?} must be a string, found {}",
                                Value::from_any(other).value_type().with_article()
                            )));
                        }
                        Err(message) => {
                            return Err(failure(format!(
                                "could not extract the key of element {i}: {message}"
                            )));
                        }
                    },
                    _ => i.to_string().into(),
                };
                let value = match (&value_path, fields) {
                    (Some(path), Some(fields)) => find(fields, path).map_err(|message| {
                        failure(format!(
                            "could not extract the value of element {i}: {message}"
                        ))
                    })?,
                    _ => element,
                };
                out.insert(key, value.clone());
            }
            Ok(Value::Map(Cow::Owned(out)))
        }))
    }
}

/// The value at `path` in `fields`, descending through nested maps.
fn find<'m>(fields: &'m Map, path: &[String]) -> Result<&'m AnyValue, String> {
    let Some((first, rest)) = path.split_first() else {
        return Err("the path must have at least one key".to_owned());
    };
    let missing = || format!("the element has no value at {path:?}");
    let mut found = fields.get(first).ok_or_else(missing)?;
    for key in rest {
        found = match found {
            AnyValue::KvList(nested) => nested.get(key).ok_or_else(missing)?,
            _ => return Err(missing()),
        };
    }
    Ok(found)
}

fn failure(message: String) -> RuntimeError {
    RuntimeError::function(NAME, message)
}
