//! `append(target, [value], [values])`.

use ottl_core::context::TransformContext;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature, ValueArg};
use ottl_core::model::AnyValue;
use ottl_core::value::{Value, ValueType};
use ottl_core::{RuntimeError, RuntimeErrorKind};
use std::borrow::Cow;

/// `append(target, [value], [values])` — writes to `target` a list of its current items (a
/// list's elements, a scalar as one element, nothing for nil) followed by `value` and each
/// item of `values`, unconverted, so lists may mix types.
///
/// Only what the reference can turn into a list element is taken: scalars, bytes, nil (an
/// empty element) and lists built in the statement. A map, a list read from a record path, a
/// time, a duration or an id fails, as the reference fails on them.
pub struct Append;

impl Function for Append {
    fn signature(&self) -> Signature {
        Signature::editor("append", "appends values to a list, making one if needed")
            .param("target", ParamKind::Target)
            .optional("value", ParamKind::Value(Kind::Any))
            .optional("values", ParamKind::Values(Kind::Any))
            .edit_example(
                r#"append(attributes["tags"], "prod")"#,
                r#"{}"#,
                r#"{"tags": ["prod"]}"#,
            )
            .edit_example(
                r#"append(attributes["tags"], values = ["staging", "staging:east"])"#,
                r#"{"tags": "prod"}"#,
                r#"{"tags": ["prod", "staging", "staging:east"]}"#,
            )
            .edit_example(
                r#"append(attributes["tags"], 1, [true, nil])"#,
                r#"{"tags": ["a"]}"#,
                r#"{"tags": ["a", 1, true, nil]}"#,
            )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.target(0)?;
        let value = args.optional_value(1)?;
        let values = if args.is_given(2) {
            Some(args.values(2)?)
        } else {
            None
        };
        if value.is_none() && values.is_none() {
            return Err(args.invalid(
                1,
                "at least one of the optional arguments (`value` or `values`) must be provided",
                "add the value to append: `append(attributes[\"tags\"], \"prod\")`",
            ));
        }
        if target.never_takes(ValueType::List) {
            args.warn(
                0,
                "`append` writes a list, which this path cannot hold",
                "append to an attribute or cache key",
            );
        }
        let has_value = value.is_some();
        let items: Vec<Item> = value
            .into_iter()
            .chain(values.into_iter().flatten())
            .map(Item::new)
            .collect();
        for (position, item) in items.iter().enumerate() {
            if let Item::Constant(Err(error)) = item {
                let index = if position == 0 && has_value { 1 } else { 2 };
                args.warn(
                    index,
                    format!("`append` fails on every record: {error}"),
                    "append strings, numbers, bools, bytes or lists of them",
                );
            }
        }
        Ok(Compiled::editor(move |ctx| {
            let mut list = current_items(&target.get, ctx, items.len())?;
            for item in &items {
                list.push(item.element(ctx)?);
            }
            match &target.put {
                Some(put) => put(ctx, AnyValue::Array(list.into())),
                None => (target.set)(ctx, Value::List(Cow::Owned(list))),
            }
        }))
    }
}

/// A value to append: a literal, converted once, or an argument evaluated per record.
enum Item {
    Constant(Result<AnyValue, RuntimeError>),
    Dynamic(ValueArg),
}

impl Item {
    fn new(arg: ValueArg) -> Self {
        match arg {
            ValueArg::Constant(value) => Item::Constant(element(value, false)),
            dynamic => Item::Dynamic(dynamic),
        }
    }

    fn element(&self, ctx: &TransformContext<'_>) -> Result<AnyValue, RuntimeError> {
        match self {
            Item::Constant(element) => element.clone(),
            Item::Dynamic(arg) => element(arg.get(ctx)?, arg.stored().is_some()),
        }
    }
}

/// The target's current content as the first items of the new list, with room for `more`.
fn current_items(
    get: &ottl_core::function::Getter,
    ctx: &TransformContext<'_>,
    more: usize,
) -> Result<Vec<AnyValue>, RuntimeError> {
    let current = get(ctx)?;
    let mut list = Vec::with_capacity(list_len(&current) + more);
    match current {
        Value::Nil => {}
        Value::List(items) => list.extend_from_slice(&items),
        Value::Map(_) => return Err(unsupported("cannot append to a map")),
        scalar => match scalar.try_into_any() {
            Ok(element) => list.push(element),
            Err(other) => {
                return Err(unsupported(format!(
                    "cannot append to {}",
                    other.value_type().with_article()
                )));
            }
        },
    }
    Ok(list)
}

fn list_len(value: &Value<'_>) -> usize {
    match value {
        Value::List(items) => items.len(),
        Value::Nil => 0,
        _ => 1,
    }
}

/// `value` as a list element, as the reference's `pcommon.Slice.FromRaw` takes it: maps are
/// rejected (the reference holds them as `pcommon.Map`, which it cannot convert), and so are
/// lists read from a record path (`pcommon.Slice`); lists built by the statement are taken,
/// unless a map is somewhere inside.
fn element(value: Value<'_>, from_path: bool) -> Result<AnyValue, RuntimeError> {
    match &value {
        Value::Map(_) => return Err(unsupported("a map cannot be a list element")),
        Value::List(_) if from_path => {
            return Err(unsupported(
                "a list read from the record cannot be a list element; \
                 write its items in `values` or a list literal",
            ));
        }
        Value::List(items) if items.iter().any(holds_map) => {
            return Err(unsupported("a map cannot be a list element"));
        }
        _ => {}
    }
    value.try_into_any().map_err(|other| {
        unsupported(format!(
            "{} cannot be a list element",
            other.value_type().with_article()
        ))
    })
}

/// Whether a map is `value` or inside it, through lists.
fn holds_map(value: &AnyValue) -> bool {
    match value {
        AnyValue::KvList(_) => true,
        AnyValue::Array(items) => items.iter().any(holds_map),
        _ => false,
    }
}

fn unsupported(message: impl Into<String>) -> RuntimeError {
    RuntimeErrorKind::Function {
        function: "append",
        message: message.into(),
    }
    .into()
}
