//! `Values(target)`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::get;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::value::Value;
use std::borrow::Cow;

/// `Values(target)` — copies of the values of the map `target` as a list, in the map's order.
pub struct Values;

impl Function for Values {
    fn signature(&self) -> Signature {
        Signature::converter("Values", Kind::List, "the values of a map, in order")
            .param("target", ParamKind::Value(Kind::Map))
            .example(r#"Values({"key1": "value1", "key2": 5})"#, r#"["value1", 5]"#)
            .example(r#"Values({"m": {"a": [1]}})"#, r#"[{"a": [1]}]"#)
            .example(r#"Values({})"#, "[]")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::Map>(0)?;
        Ok(Compiled::converter(move |ctx| {
            let values = match target.value(ctx)? {
                // A map computed for this call (or a literal's copy) gives its values up.
                Cow::Owned(map) => map
                    .into_entries()
                    .into_iter()
                    .map(|entry| entry.value)
                    .collect(),
                Cow::Borrowed(map) => map.iter().map(|(_, value)| value.clone()).collect(),
            };
            Ok(Value::List(Cow::Owned(values)))
        }))
    }
}
