//! `delete_key(target, key)`.

use ottl_core::RuntimeErrorKind;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Kind, Args, Compiled, Function, ParamKind, Signature, ValueArg};
use ottl_core::value::Value;

/// `delete_key(target, key)` — removes `key` from the map `target`, if it is there.
pub struct DeleteKey;

impl Function for DeleteKey {
    fn signature(&self) -> Signature {
        Signature::editor("delete_key", "removes a key from a map")
            .param("target", ParamKind::Target)
            .param("key", ParamKind::Value(Kind::String))
            .edit_example(
                r#"delete_key(attributes, "secret")"#,
                r#"{"secret": "x", "a": 1}"#,
                r#"{"a": 1}"#,
            )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.target(0)?;
        let Some(map) = target.map else {
            return Err(args.invalid(
                0,
                "`delete_key` needs a map path",
                "use a map such as `attributes` or `cache`",
            ));
        };
        Ok(match args.value(1)? {
            // A literal key (the usual case) is checked once, here.
            ValueArg::Constant(Value::Str(key)) => {
                let key = key.into_owned();
                Compiled::editor(move |ctx| {
                    map(ctx)?.remove(&key);
                    Ok(())
                })
            }
            key => {
                let key = key.into_getter();
                Compiled::editor(move |ctx| {
                    let key = match key(ctx)? {
                        Value::Str(key) => key.into_owned(),
                        other => {
                            return Err(RuntimeErrorKind::Type {
                                expected: "string",
                                found: other.value_type(),
                            }
                            .into());
                        }
                    };
                    map(ctx)?.remove(&key);
                    Ok(())
                })
            }
        })
    }
}
