//! What every path shares: type checks for setters, maps, ids, and the `resource.*` and
//! `scope.*` fields.

use crate::RuntimeError;
use crate::RuntimeErrorKind;
use crate::context::{ResourceField, ScopeField, TransformContext};
use crate::model::{InstrumentationScope, Map, Resource, Str};
use crate::text;
use crate::value::Value;
use std::borrow::Cow;

/// A string field, borrowed.
pub(super) fn text(text: &Str) -> Value<'_> {
    Value::Str(Cow::Borrowed(text))
}

/// A map field, borrowed.
pub(super) fn map(map: &Map) -> Value<'_> {
    Value::Map(Cow::Borrowed(map))
}

/// A string known at compile time (a span kind name): no allocation.
pub(super) fn static_text(text: &'static str) -> Value<'static> {
    Value::Str(Cow::Owned(Str::new_static(text)))
}

/// The setter's type check failed.
pub(super) fn mismatch(path: &str, value: &Value<'_>) -> RuntimeError {
    RuntimeErrorKind::Unsettable {
        path: path.to_owned(),
        found: value.value_type(),
    }
    .into()
}

pub(super) fn expect_str(path: &str, value: Value<'_>) -> Result<Str, RuntimeError> {
    match value {
        Value::Str(text) => Ok(text.into_owned()),
        other => Err(mismatch(path, &other)),
    }
}

pub(super) fn expect_int(path: &str, value: Value<'_>) -> Result<i64, RuntimeError> {
    match value {
        Value::Int(number) => Ok(number),
        other => Err(mismatch(path, &other)),
    }
}

pub(super) fn expect_double(path: &str, value: Value<'_>) -> Result<f64, RuntimeError> {
    match value {
        Value::Double(number) => Ok(number),
        other => Err(mismatch(path, &other)),
    }
}

pub(super) fn expect_bool(path: &str, value: Value<'_>) -> Result<bool, RuntimeError> {
    match value {
        Value::Bool(flag) => Ok(flag),
        other => Err(mismatch(path, &other)),
    }
}

/// A time value, as the OTLP nanosecond field stores it.
pub(super) fn expect_time(path: &str, value: Value<'_>) -> Result<u64, RuntimeError> {
    match value {
        Value::Time(time) => Ok(time.nanos() as u64),
        other => Err(mismatch(path, &other)),
    }
}

/// A `*_unix_nano` field: the int's bits, reinterpreted as the unsigned OTLP field.
pub(super) fn expect_time_ns(path: &str, value: Value<'_>) -> Result<u64, RuntimeError> {
    expect_int(path, value).map(|nanos| nanos as u64)
}

/// A 32-bit count or flags field: the int truncated, as the reference does.
pub(super) fn expect_count32(path: &str, value: Value<'_>) -> Result<u32, RuntimeError> {
    expect_int(path, value).map(|count| count as u32)
}

/// Replaces a whole map: with a map (copied), or with nothing for nil.
pub(super) fn set_map(map: &mut Map, path: &str, value: Value<'_>) -> Result<(), RuntimeError> {
    match value {
        Value::Map(new) => *map = new.into_owned(),
        Value::Nil => map.clear(),
        other => return Err(mismatch(path, &other)),
    }
    Ok(())
}

/// Exactly `N` bytes from the `2 * N` hex digits of a string value.
pub(super) fn parse_hex<const N: usize>(
    path: &str,
    value: Value<'_>,
    reason: &'static str,
) -> Result<[u8; N], RuntimeError> {
    let text = expect_str(path, value)?;
    text::parse_hex(&text).ok_or_else(|| {
        RuntimeErrorKind::InvalidValue {
            path: path.to_owned(),
            value: format!("{text:?}"),
            reason,
        }
        .into()
    })
}

pub(super) fn read_resource<'a>(field: ResourceField, ctx: &'a TransformContext<'_>) -> Value<'a> {
    let resource: &Resource = ctx.resource;
    match field {
        ResourceField::Attributes => map(&resource.attributes),
        ResourceField::DroppedAttributesCount => {
            Value::Int(resource.dropped_attributes_count.into())
        }
        ResourceField::SchemaUrl => text(ctx.resource_schema_url),
    }
}

pub(super) fn write_resource(
    field: ResourceField,
    path: &str,
    ctx: &mut TransformContext<'_>,
    value: Value<'_>,
) -> Result<(), RuntimeError> {
    match field {
        ResourceField::Attributes => set_map(&mut ctx.resource.attributes, path, value)?,
        ResourceField::DroppedAttributesCount => {
            ctx.resource.dropped_attributes_count = expect_count32(path, value)?
        }
        ResourceField::SchemaUrl => *ctx.resource_schema_url = expect_str(path, value)?,
    }
    Ok(())
}

pub(super) fn read_scope<'a>(
    field: ScopeField,
    scope: &'a InstrumentationScope,
    schema_url: &'a Str,
) -> Value<'a> {
    match field {
        ScopeField::Name => text(&scope.name),
        ScopeField::Version => text(&scope.version),
        ScopeField::Attributes => map(&scope.attributes),
        ScopeField::DroppedAttributesCount => Value::Int(scope.dropped_attributes_count.into()),
        ScopeField::SchemaUrl => text(schema_url),
    }
}

pub(super) fn write_scope(
    field: ScopeField,
    path: &str,
    scope: &mut InstrumentationScope,
    schema_url: &mut Str,
    value: Value<'_>,
) -> Result<(), RuntimeError> {
    match field {
        ScopeField::Name => scope.name = expect_str(path, value)?,
        ScopeField::Version => scope.version = expect_str(path, value)?,
        ScopeField::Attributes => set_map(&mut scope.attributes, path, value)?,
        ScopeField::DroppedAttributesCount => {
            scope.dropped_attributes_count = expect_count32(path, value)?
        }
        ScopeField::SchemaUrl => *schema_url = expect_str(path, value)?,
    }
    Ok(())
}
