//! `Index(target, value)`.

use crate::convert;
use ottl_core::RuntimeErrorKind;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::value::Value;

/// `Index(target, value)` — where `value` first occurs in `target`, or -1: for a string, the
/// byte offset of the substring `value` (which must be a string); for a list, the position of
/// the first element equal to `value` (OTTL's `==`: ints and floats compare numerically).
pub struct Index;

impl Function for Index {
    fn signature(&self) -> Signature {
        Signature::converter("Index", Kind::Int, "where a substring or element first occurs")
            .param("target", ParamKind::Value(Kind::Any))
            .param("value", ParamKind::Value(Kind::Any))
            .example(r#"Index("hello world", "world")"#, "6")
            .example(r#"Index("hello world", "universe")"#, "-1")
            .example(r#"Index(["ok", "error"], "error")"#, "1")
            .example(r#"Index([1, 2.0, 3], 2)"#, "1")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.value(0)?;
        let value = args.value(1)?;
        Ok(Compiled::converter(move |ctx| {
            let target = target.get(ctx)?;
            let value = value.get(ctx)?;
            let position = match &target {
                Value::Str(text) => match &value {
                    Value::Str(part) => text.find(part.as_str()),
                    _ => {
                        return Err(RuntimeErrorKind::Function {
                            function: "Index",
                            message: format!(
                                "the value searched for in a string must be a string, not {}",
                                value.value_type().with_article()
                            ),
                        }
                        .into());
                    }
                },
                Value::List(items) => items.iter().position(|item| convert::equals(&value, item)),
                other => return Err(get::type_error("string or list", other)),
            };
            Ok(Value::Int(position.map_or(-1, |at| at as i64)))
        }))
    }
}
