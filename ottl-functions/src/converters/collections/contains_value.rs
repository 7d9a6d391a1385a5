//! `ContainsValue(target, item)`.

use crate::convert;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self};
use ottl_core::function::{Kind, Args, Compiled, Function, ParamKind, Signature};
use ottl_core::value::Value;

/// `ContainsValue(target, item)` — whether the list `target` has an element equal to `item`
/// (ints and doubles compare numerically, other kinds only with their own kind).
pub struct ContainsValue;

impl Function for ContainsValue {
    fn signature(&self) -> Signature {
        Signature::converter("ContainsValue", Kind::Bool, "whether a list contains a value")
            .param("target", ParamKind::Value(Kind::List))
            .param("item", ParamKind::Value(Kind::Any))
            .example(r#"ContainsValue([1, 2, 3, 4, 5], 3)"#, "true")
            .example(r#"ContainsValue([1.1, 2.2], 2)"#, "false")
            .example(r#"ContainsValue(["a", "b"], "b")"#, "true")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::List>(0)?;
        let item = args.value(1)?;
        Ok(Compiled::converter(move |ctx| {
            let items = target.eval(ctx)?;
            let item = item.get(ctx)?;
            Ok(Value::Bool(
                items.iter().any(|element| convert::equals(&item, element)),
            ))
        }))
    }
}
