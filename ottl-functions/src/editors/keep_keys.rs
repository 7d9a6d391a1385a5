//! `keep_keys(target, keys)`.

use super::edit_map;
use ottl_core::RuntimeError;
use ottl_core::RuntimeErrorKind;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self, Coerce as _};
use ottl_core::function::{Kind, ValueArg, Args, Compiled, Function, ParamKind, Signature};
use ottl_core::model::{AnyValue, Str};
use ottl_core::value::Value;

/// `keep_keys(target, keys)` — removes every key of the map `target` not in the list `keys`.
pub struct KeepKeys;

const NAME: &str = "keep_keys";

/// The keys of a list, each of which must be a string.
fn keys_of(items: &[AnyValue]) -> Result<Vec<Str>, RuntimeError> {
    items
        .iter()
        .map(|item| match item {
            AnyValue::Str(key) => Ok(key.clone()),
            other => Err(RuntimeErrorKind::Type {
                expected: "string",
                found: Value::from_any(other).value_type(),
            }
            .into()),
        })
        .collect()
}

impl Function for KeepKeys {
    fn signature(&self) -> Signature {
        Signature::editor(NAME, "keeps only the listed keys of a map")
            .param("target", ParamKind::Target)
            .param("keys", ParamKind::Value(Kind::List))
            .edit_example(
                r#"keep_keys(attributes, ["http.method"])"#,
                r#"{"http.method": "GET", "x": 1}"#,
                r#"{"http.method": "GET"}"#,
            )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.target(0)?;
        // A list literal of string literals is read once; anything else per record.
        let keys = match args.value(1)? {
            ValueArg::Constant(Value::List(items)) => match keys_of(&items) {
                Ok(keys) => Ok(keys),
                Err(error) => {
                    return Err(args.invalid(1, error.to_string(), "list the keys as strings"));
                }
            },
            ValueArg::Constant(other) => {
                return Err(args.invalid(
                    1,
                    format!("`keys` must be a list, found {}", other.value_type()),
                    "write the keys as a list: [\"a\", \"b\"]",
                ));
            }
            dynamic => Err(dynamic),
        };
        Ok(Compiled::editor(move |ctx| {
            let dynamic;
            let keys = match &keys {
                Ok(keys) => keys,
                Err(input) => {
                    let value = input.get(ctx)?;
                    if matches!(value, Value::Nil) {
                        return Err(RuntimeErrorKind::Function {
                            function: NAME,
                            message: "keys cannot be nil".to_owned(),
                        }
                        .into());
                    }
                    dynamic = keys_of(&get::List::coerce(value)?)?;
                    &dynamic
                }
            };
            edit_map(&target, ctx, |map| {
                map.retain(|key, _| keys.iter().any(|wanted| wanted == key));
                Ok(())
            })
        }))
    }
}
