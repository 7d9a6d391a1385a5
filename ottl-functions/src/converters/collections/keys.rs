//! `Keys(target)`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::get;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::model::AnyValue;
use ottl_core::value::Value;
use std::borrow::Cow;

/// `Keys(target)` — the keys of the map `target` as a list of strings, in the map's order.
pub struct Keys;

impl Function for Keys {
    fn signature(&self) -> Signature {
        Signature::converter("Keys", Kind::List, "the keys of a map, in order")
            .param("target", ParamKind::Value(Kind::Map))
            .example(r#"Keys({"k1": "v1", "k2": 2})"#, r#"["k1", "k2"]"#)
            .example(r#"Keys({})"#, "[]")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::Map>(0)?;
        Ok(Compiled::converter(move |ctx| {
            let map = target.eval(ctx)?;
            let keys = map.keys().map(|key| AnyValue::Str(key.clone())).collect();
            Ok(Value::List(Cow::Owned(keys)))
        }))
    }
}
