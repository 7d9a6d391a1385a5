//! `set(target, value)`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::{Kind, Args, Compiled, Function, ParamKind, Signature, Target, ValueArg};

/// `set(target, value)` — writes `value` to the path `target`.
///
/// Setting `nil` stores an empty value in an attribute or body, clears a map, and fails on a
/// typed field (as the reference does since v0.158).
pub struct Set;

impl Function for Set {
    fn signature(&self) -> Signature {
        Signature::editor("set", "writes a value to a path")
            .param("target", ParamKind::Target)
            .param("value", ParamKind::Value(Kind::Any))
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
        let target = args.target(0)?;
        let value = args.value(1)?;
        if let ValueArg::Constant(literal) = &value
            && target.never_takes(literal.value_type())
            && let Some(wanted) = target.value_type
        {
            args.warn(
                1,
                format!(
                    "the path takes {}, so setting it to {} fails",
                    wanted.with_article(),
                    literal.value_type().with_article()
                ),
                format!("write {} here", wanted.with_article()),
            );
        }
        let Target { set, put, .. } = target;
        Ok(match (value, put) {
            // A path that stores an OTLP value takes one converted once: a literal here, a
            // computed value on each record.
            (ValueArg::Constant(value), Some(put)) => match value.try_into_any() {
                Ok(value) => Compiled::editor(move |ctx| put(ctx, value.clone())),
                Err(value) => Compiled::editor(move |ctx| set(ctx, value.clone())),
            },
            // A stored OTLP value is copied as it is.
            (ValueArg::Stored(value), Some(put)) => Compiled::editor(move |ctx| {
                let value = value(ctx)?.cloned().unwrap_or_default();
                put(ctx, value)
            }),
            (ValueArg::Getter(value), Some(put)) => Compiled::editor(move |ctx| {
                match value(ctx)?.try_into_any() {
                    Ok(value) => put(ctx, value),
                    // Not an OTLP value (an id, a time): the setter says why it can't be stored.
                    Err(value) => {
                        let value = value.into_owned();
                        set(ctx, value)
                    }
                }
            }),
            (ValueArg::Constant(value), None) => {
                Compiled::editor(move |ctx| set(ctx, value.clone()))
            }
            (value @ (ValueArg::Stored(_) | ValueArg::Getter(_)), None) => {
                let value = value.into_getter();
                Compiled::editor(move |ctx| {
                    let value = value(ctx)?.into_owned();
                    set(ctx, value)
                })
            }
        })
    }
}
