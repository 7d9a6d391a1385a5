//! `set(target, value)`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, ParamKind, Signature, ValueArg};

/// `set(target, value)` — writes `value` to the path `target`.
///
/// Setting `nil` stores an empty value in an attribute or body, clears a map, and fails on a
/// typed field (as the reference does since v0.158).
pub struct Set;

impl Function for Set {
    fn signature(&self) -> Signature {
        Signature::editor("set", "writes a value to a path")
            .param("target", ParamKind::Target)
            .param("value", ParamKind::Value)
            .edit_example(
                r#"set(attributes["env"], "prod")"#,
                r#"{}"#,
                r#"{"env": "prod"}"#,
            )
            .edit_example(
                r#"set(attributes["n"], attributes["n"] + 1)"#,
                r#"{"n": 1}"#,
                r#"{"n": 2}"#,
            )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let set = args.target(0)?.set;
        Ok(match args.value(1)? {
            // A literal is written as is: no getter call, nothing to detach from the record.
            ValueArg::Constant(value) => Compiled::editor(move |ctx| set(ctx, value.clone())),
            ValueArg::Getter(value) => Compiled::editor(move |ctx| {
                let value = value(ctx)?.into_owned();
                set(ctx, value)
            }),
        })
    }
}
