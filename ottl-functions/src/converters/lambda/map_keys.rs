//! `MapKeys(source, keyMapper)`.

use super::{Element, Key};
use ottl_core::RuntimeError;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::model::Map;
use ottl_core::value::Value;
use std::borrow::Cow;

/// `MapKeys(source, keyMapper)` — a new map with each key replaced by `keyMapper(key, value)`,
/// which must be a string; values unchanged. When two keys map to the same one, the later
/// value wins, in the earlier one's place.
pub struct MapKeys;

impl Function for MapKeys {
    fn signature(&self) -> Signature {
        Signature::converter("MapKeys", Kind::Map, "a map with each key replaced by a lambda's result")
            .param("source", ParamKind::Value(Kind::Map))
            .param("key_mapper", ParamKind::Lambda(2))
            .example(
                r#"MapKeys({"method": "GET", "code": 200}, (k, _) => Concat(["http.", k], ""))"#,
                r#"{"http.method": "GET", "http.code": 200}"#,
            )
            .example(
                r#"MapKeys({"a": 1, "b": 2}, (_, v) => "same")"#,
                r#"{"same": 2}"#,
            )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let source = args.get::<get::Map>(0)?;
        let mapper = args.lambda(1)?;
        Ok(Compiled::converter(move |ctx| {
            let source = source.eval(ctx)?;
            let mut mapped = Map::with_capacity(source.len());
            for (name, value) in source.iter() {
                let key = Key::Key(name);
                match mapper.call(ctx, Element::copied(key, value).pair(&mapper)) {
                    Ok(Value::Str(new)) => {
                        mapped.insert(new.into_owned(), value.clone());
                    }
                    Ok(other) => {
                        return Err(RuntimeError::function(
                            "MapKeys",
                            format!(
                                "error while evaluating lambda function on {key}: lambda expression must return a string, got {}",
                                other.value_type().with_article()
                            ),
                        ));
                    }
                    Err(error) => return Err(key.wrap("MapKeys", &error)),
                }
            }
            Ok(Value::Map(Cow::Owned(mapped)))
        }))
    }
}
