//! Paths to closures: a direct field access per path, decided when the statement compiles.

use super::keys::{self, KeyStep, KeyValue};
use super::render;
use crate::RuntimeError;
use crate::context::{Field, Item, TransformContext};
use crate::function::{Getter, MapTarget, Setter, Target};
use crate::model::{AnyValue, LogRecord, Map, SpanId, Str, TraceId};
use crate::value::Value;
use std::borrow::Cow;
use std::sync::Arc;

/// A resolved path with its keys compiled; cloning shares the key expressions.
#[derive(Clone)]
pub(crate) struct CompiledPath {
    pub(crate) field: Field,
    pub(crate) keys: Vec<KeyStep>,
    /// The path as written, for messages.
    pub(crate) text: Arc<str>,
}

fn log<'a>(ctx: &'a TransformContext<'_>) -> Result<&'a LogRecord, RuntimeError> {
    match &ctx.item {
        Item::Log(log) => Ok(log),
        Item::None => Err(wrong_record()),
    }
}

fn log_mut<'a>(ctx: &'a mut TransformContext<'_>) -> Result<&'a mut LogRecord, RuntimeError> {
    match &mut ctx.item {
        Item::Log(log) => Ok(log),
        Item::None => Err(wrong_record()),
    }
}

fn wrong_record() -> RuntimeError {
    // Paths are resolved for the context the program runs in, so this means a host ran a
    // program over records of another context.
    RuntimeError::Function {
        function: "path",
        message: "the record is not of this program's context".to_owned(),
    }
}

fn scope_mut<'a>(
    ctx: &'a mut TransformContext<'_>,
) -> Result<&'a mut crate::model::InstrumentationScope, RuntimeError> {
    ctx.scope
        .as_mut()
        .map(|s| &mut *s.scope)
        .ok_or_else(wrong_record)
}

/// The map a map-valued field holds.
fn map_of<'a>(
    field: Field,
    ctx: &'a TransformContext<'_>,
) -> Result<Option<&'a Map>, RuntimeError> {
    Ok(Some(match field {
        Field::Cache => ctx.cache,
        Field::ResourceAttributes => &ctx.resource.attributes,
        Field::ScopeAttributes => {
            &ctx.scope
                .as_ref()
                .ok_or_else(wrong_record)?
                .scope
                .attributes
        }
        Field::LogAttributes => &log(ctx)?.attributes,
        Field::LogBody => match &log(ctx)?.body {
            AnyValue::KvList(map) => map,
            _ => return Ok(None),
        },
        _ => return Ok(None),
    }))
}

fn map_of_mut<'a>(
    field: Field,
    ctx: &'a mut TransformContext<'_>,
) -> Result<&'a mut Map, RuntimeError> {
    Ok(match field {
        Field::Cache => ctx.cache,
        Field::ResourceAttributes => &mut ctx.resource.attributes,
        Field::ScopeAttributes => &mut scope_mut(ctx)?.attributes,
        Field::LogAttributes => &mut log_mut(ctx)?.attributes,
        _ => {
            return Err(RuntimeError::Function {
                function: "path",
                message: "not a map".to_owned(),
            });
        }
    })
}

/// The field's value, without keys.
fn read<'a>(field: Field, ctx: &'a TransformContext<'_>) -> Result<Value<'a>, RuntimeError> {
    let scope = || {
        ctx.scope
            .as_ref()
            .map(|s| &*s.scope)
            .ok_or_else(wrong_record)
    };
    let str = |text: &'a Str| Value::Str(Cow::Borrowed(text));
    Ok(match field {
        Field::Cache
        | Field::ResourceAttributes
        | Field::ScopeAttributes
        | Field::LogAttributes => {
            Value::Map(Cow::Borrowed(map_of(field, ctx)?.ok_or_else(wrong_record)?))
        }
        Field::ResourceDroppedAttributesCount => {
            Value::Int(ctx.resource.dropped_attributes_count.into())
        }
        Field::ResourceSchemaUrl => str(ctx.resource_schema_url),
        Field::ScopeName => str(&scope()?.name),
        Field::ScopeVersion => str(&scope()?.version),
        Field::ScopeDroppedAttributesCount => Value::Int(scope()?.dropped_attributes_count.into()),
        Field::ScopeSchemaUrl => str(ctx.scope.as_ref().ok_or_else(wrong_record)?.schema_url),
        Field::LogBody => Value::from_any(&log(ctx)?.body),
        Field::LogBodyString => Value::string(render::as_string(&log(ctx)?.body)),
        Field::LogTimeUnixNano => Value::Int(log(ctx)?.time_unix_nano as i64),
        Field::LogObservedTimeUnixNano => Value::Int(log(ctx)?.observed_time_unix_nano as i64),
        Field::LogTime => Value::Time(log(ctx)?.time_unix_nano as i64),
        Field::LogObservedTime => Value::Time(log(ctx)?.observed_time_unix_nano as i64),
        Field::LogSeverityNumber => Value::Int(log(ctx)?.severity_number.0.into()),
        Field::LogSeverityText => str(&log(ctx)?.severity_text),
        Field::LogDroppedAttributesCount => Value::Int(log(ctx)?.dropped_attributes_count.into()),
        Field::LogFlags => Value::Int(log(ctx)?.flags.into()),
        Field::LogTraceId => Value::TraceId(log(ctx)?.trace_id),
        Field::LogTraceIdString => Value::string(render::hex(&log(ctx)?.trace_id.0)),
        Field::LogSpanId => Value::SpanId(log(ctx)?.span_id),
        Field::LogSpanIdString => Value::string(render::hex(&log(ctx)?.span_id.0)),
        Field::LogEventName => str(&log(ctx)?.event_name),
    })
}

fn expect_str(path: &str, value: Value<'_>) -> Result<Str, RuntimeError> {
    match value {
        Value::Str(text) => Ok(text.into_owned()),
        other => Err(RuntimeError::Unsettable {
            path: path.to_owned(),
            found: other.value_type(),
        }),
    }
}

fn expect_int(path: &str, value: Value<'_>) -> Result<i64, RuntimeError> {
    match value {
        Value::Int(number) => Ok(number),
        other => Err(RuntimeError::Unsettable {
            path: path.to_owned(),
            found: other.value_type(),
        }),
    }
}

fn expect_time(path: &str, value: Value<'_>) -> Result<u64, RuntimeError> {
    match value {
        Value::Time(nanos) => Ok(nanos as u64),
        other => Err(RuntimeError::Unsettable {
            path: path.to_owned(),
            found: other.value_type(),
        }),
    }
}

/// Writes the field itself (no keys). Integer fields take the reference's conversions: times
/// reinterpret the int's bits, counts and flags truncate to 32 bits.
fn write(
    field: Field,
    path: &str,
    ctx: &mut TransformContext<'_>,
    value: Value<'static>,
) -> Result<(), RuntimeError> {
    match field {
        Field::Cache
        | Field::ResourceAttributes
        | Field::ScopeAttributes
        | Field::LogAttributes => {
            let map = map_of_mut(field, ctx)?;
            match value {
                Value::Map(new) => *map = new.into_owned(),
                Value::Nil => map.clear(),
                other => {
                    return Err(RuntimeError::Unsettable {
                        path: path.to_owned(),
                        found: other.value_type(),
                    });
                }
            }
        }
        Field::ResourceDroppedAttributesCount => {
            ctx.resource.dropped_attributes_count = expect_int(path, value)? as u32
        }
        Field::ResourceSchemaUrl => *ctx.resource_schema_url = expect_str(path, value)?,
        Field::ScopeName => scope_mut(ctx)?.name = expect_str(path, value)?,
        Field::ScopeVersion => scope_mut(ctx)?.version = expect_str(path, value)?,
        Field::ScopeDroppedAttributesCount => {
            scope_mut(ctx)?.dropped_attributes_count = expect_int(path, value)? as u32
        }
        Field::ScopeSchemaUrl => {
            *ctx.scope.as_mut().ok_or_else(wrong_record)?.schema_url = expect_str(path, value)?
        }
        Field::LogBody => {
            let found = value.value_type();
            log_mut(ctx)?.body = value.into_any().ok_or(RuntimeError::Unsettable {
                path: path.to_owned(),
                found,
            })?;
        }
        Field::LogBodyString => log_mut(ctx)?.body = AnyValue::Str(expect_str(path, value)?),
        Field::LogTimeUnixNano => log_mut(ctx)?.time_unix_nano = expect_int(path, value)? as u64,
        Field::LogObservedTimeUnixNano => {
            log_mut(ctx)?.observed_time_unix_nano = expect_int(path, value)? as u64
        }
        Field::LogTime => log_mut(ctx)?.time_unix_nano = expect_time(path, value)?,
        Field::LogObservedTime => log_mut(ctx)?.observed_time_unix_nano = expect_time(path, value)?,
        Field::LogSeverityNumber => {
            log_mut(ctx)?.severity_number.0 = expect_int(path, value)? as i32
        }
        Field::LogSeverityText => log_mut(ctx)?.severity_text = expect_str(path, value)?,
        Field::LogDroppedAttributesCount => {
            log_mut(ctx)?.dropped_attributes_count = expect_int(path, value)? as u32
        }
        Field::LogFlags => log_mut(ctx)?.flags = expect_int(path, value)? as u32,
        Field::LogTraceId => match value {
            Value::TraceId(id) => log_mut(ctx)?.trace_id = id,
            other => {
                return Err(RuntimeError::Unsettable {
                    path: path.to_owned(),
                    found: other.value_type(),
                });
            }
        },
        Field::LogTraceIdString => log_mut(ctx)?.trace_id = TraceId(parse_hex(path, value)?),
        Field::LogSpanId => match value {
            Value::SpanId(id) => log_mut(ctx)?.span_id = id,
            other => {
                return Err(RuntimeError::Unsettable {
                    path: path.to_owned(),
                    found: other.value_type(),
                });
            }
        },
        Field::LogSpanIdString => log_mut(ctx)?.span_id = SpanId(parse_hex(path, value)?),
        Field::LogEventName => log_mut(ctx)?.event_name = expect_str(path, value)?,
    }
    Ok(())
}

fn parse_hex<const N: usize>(path: &str, value: Value<'_>) -> Result<[u8; N], RuntimeError> {
    let text = expect_str(path, value)?;
    render::parse_hex(&text).ok_or_else(|| RuntimeError::Function {
        function: "set",
        message: format!("{path} must be {} hex digits, got {text:?}", N * 2),
    })
}

impl CompiledPath {
    /// The getter: the field, then each key.
    pub(crate) fn getter(self) -> Getter {
        let CompiledPath { field, keys, .. } = self;
        if keys.is_empty() {
            return Box::new(move |ctx| read(field, ctx));
        }
        if let [KeyStep::Str(key)] = keys.as_slice() {
            let key = key.clone();
            return Box::new(move |ctx| match map_of(field, ctx)? {
                Some(map) => Ok(map.get(&key).map_or(Value::Nil, Value::from_any)),
                None => keys::index(read(field, ctx)?, &KeyValue::Str(Cow::Borrowed(&key))),
            });
        }
        Box::new(move |ctx| {
            let evaluated = keys::evaluate(&keys, ctx)?;
            let mut value = read(field, ctx)?;
            for key in &evaluated {
                value = keys::index(value, key)?;
            }
            Ok(value)
        })
    }

    /// The setter: writes the field, or the value under its keys.
    pub(crate) fn setter(self) -> Setter {
        let CompiledPath { field, keys, text } = self;
        if keys.is_empty() {
            return Box::new(move |ctx, value| write(field, &text, ctx, value));
        }
        Box::new(move |ctx, value| {
            let evaluated = keys::evaluate(&keys, ctx)?;
            let found = value.value_type();
            let value = value.into_any().ok_or(RuntimeError::Unsettable {
                path: text.to_string(),
                found,
            })?;
            let slot = match field {
                Field::LogBody => keys::slot_in(body_container(log_mut(ctx)?)?, &evaluated)?,
                _ => keys::slot(map_of_mut(field, ctx)?, &evaluated)?,
            };
            *slot = value;
            Ok(())
        })
    }

    /// In-place access to the map the path names, for `delete_key` and friends; for a keyed
    /// path, the map stored under the keys (an error if the value there is not a map).
    pub(crate) fn map_target(self) -> Option<MapTarget> {
        let CompiledPath { field, keys, .. } = self;
        let is_map = matches!(
            field,
            Field::Cache
                | Field::ResourceAttributes
                | Field::ScopeAttributes
                | Field::LogAttributes
        );
        if !is_map {
            return None;
        }
        if keys.is_empty() {
            return Some(Box::new(map_access(move |ctx| map_of_mut(field, ctx))));
        }
        Some(Box::new(map_access(move |ctx| {
            let evaluated = keys::evaluate(&keys, ctx)?;
            let found = keys::existing_map(map_of_mut(field, ctx)?, &evaluated)?;
            found.ok_or(RuntimeError::Type {
                expected: "map",
                found: crate::value::ValueType::Nil,
            })
        })))
    }
}

/// Pins a closure's signature so its result may borrow from its argument.
fn map_access<F>(access: F) -> F
where
    F: for<'a, 'r> Fn(&'a mut TransformContext<'r>) -> Result<&'a mut Map, RuntimeError>,
{
    access
}

/// A path an editor changes: read, write, and (for maps) edit in place.
pub(crate) fn target(path: CompiledPath) -> Target {
    Target {
        get: path.clone().getter(),
        set: path.clone().setter(),
        map: path.map_target(),
    }
}

/// A log body takes keys only when it is a map or a list; an empty body is neither.
fn body_container(log: &mut LogRecord) -> Result<&mut AnyValue, RuntimeError> {
    match &log.body {
        AnyValue::KvList(_) | AnyValue::Array(_) => Ok(&mut log.body),
        other => Err(RuntimeError::NotIndexable {
            found: Value::from_any(other).value_type(),
            key: "a key (log bodies must be maps or lists to be indexed)",
        }),
    }
}
