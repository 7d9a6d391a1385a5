//! `ContainsValue(target, item)`.

use crate::convert::{self, Input, Strict};
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, ParamKind, Signature};
use ottl_core::value::Value;

/// `ContainsValue(target, item)` — whether the list `target` has an element equal to `item`
/// (ints and doubles compare numerically, other kinds only with their own kind).
pub struct ContainsValue;

impl Function for ContainsValue {
    fn signature(&self) -> Signature {
        Signature::converter("ContainsValue", "whether a list contains a value")
            .param("target", ParamKind::Value)
            .param("item", ParamKind::Value)
            .example(r#"ContainsValue([1, 2, 3, 4, 5], 3)"#, "true")
            .example(r#"ContainsValue([1.1, 2.2], 2)"#, "false")
            .example(r#"ContainsValue(["a", "b"], "b")"#, "true")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = Input::strict_at(&mut args, 0, Strict::List)?;
        let item = Input::at(&mut args, 1)?;
        Ok(Compiled::converter(move |ctx| {
            let items = convert::list(target.get(ctx)?)?;
            let item = item.get(ctx)?;
            Ok(Value::Bool(
                items.iter().any(|element| convert::equals(&item, element)),
            ))
        }))
    }
}
