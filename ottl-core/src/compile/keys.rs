//! Reading and writing through keys: `attributes["a"]["b"][0]`.
//!
//! Reading follows the reference: a missing map key at any level is nil; a key on a scalar, a
//! string key on a list or an int key on a map is an error; a list index must be in range.
//! Writing creates missing levels (a map for a string key, a list of empties for an int key),
//! bounded by the program's [`Limits`] (`max_list_len`, `max_map_len`) so
//! `x[9223372036854775807]` is an error, not an out-of-memory.

use crate::RuntimeErrorKind;
use crate::context::TransformContext;
use crate::function::Getter;
use crate::model::{AnyValue, Map, MapKey, Str};
use crate::value::{Value, ValueType};
use crate::{Limits, RuntimeError};
use std::borrow::Cow;
use std::sync::Arc;

/// One compiled key.
#[derive(Clone)]
pub(crate) enum KeyStep {
    /// `["k"]`, hashed once.
    Str(MapKey),
    /// `[0]`
    Int(i64),
    /// `[expr]`, evaluated per record: must give a string or an int.
    Dynamic(Arc<Getter>),
}

/// A key evaluated for the current record.
pub(crate) enum KeyValue<'k> {
    Str(Cow<'k, Str>),
    Int(i64),
}

/// Evaluates the keys for this record (dynamic keys read the record, so this happens before
/// any write borrows it).
pub(crate) fn evaluate<'k>(
    steps: &'k [KeyStep],
    ctx: &TransformContext<'_>,
) -> Result<Vec<KeyValue<'k>>, RuntimeError> {
    steps.iter().map(|step| evaluate_one(step, ctx)).collect()
}

/// Evaluates one key for this record: what a read that writes nothing evaluates as it goes.
pub(crate) fn evaluate_one<'k>(
    step: &'k KeyStep,
    ctx: &TransformContext<'_>,
) -> Result<KeyValue<'k>, RuntimeError> {
    Ok(match step {
        KeyStep::Str(key) => KeyValue::Str(Cow::Borrowed(key.key())),
        KeyStep::Int(index) => KeyValue::Int(*index),
        KeyStep::Dynamic(getter) => match getter(ctx)? {
            Value::Str(text) => KeyValue::Str(Cow::Owned(text.into_owned())),
            Value::Int(index) => KeyValue::Int(index),
            other => {
                return Err(RuntimeErrorKind::Type {
                    expected: "a string or int key",
                    found: other.value_type(),
                }
                .into());
            }
        },
    })
}

/// Reads `value[key]`.
pub(crate) fn index<'a>(value: Value<'a>, key: &KeyValue<'_>) -> Result<Value<'a>, RuntimeError> {
    match (value, key) {
        (Value::Nil, _) => Ok(Value::Nil),
        (Value::Map(Cow::Borrowed(map)), KeyValue::Str(key)) => {
            Ok(Value::from_stored(map.get(key)))
        }
        (Value::Map(Cow::Owned(map)), KeyValue::Str(key)) => Ok(map
            .get(key)
            .map_or(Value::Nil, |v| Value::from_any(v).into_owned())),
        (Value::List(Cow::Borrowed(items)), KeyValue::Int(i)) => {
            Ok(Value::from_any(element(items, *i)?))
        }
        (Value::List(Cow::Owned(items)), KeyValue::Int(i)) => {
            Ok(Value::from_any(element(&items, *i)?).into_owned())
        }
        (other, KeyValue::Str(_)) => Err(RuntimeErrorKind::NotIndexable {
            found: other.value_type(),
            key: "a string key",
        }
        .into()),
        (other, KeyValue::Int(_)) => Err(RuntimeErrorKind::NotIndexable {
            found: other.value_type(),
            key: "an int index",
        }
        .into()),
    }
}

fn element(items: &[AnyValue], index: i64) -> Result<&AnyValue, RuntimeError> {
    usize::try_from(index)
        .ok()
        .and_then(|i| items.get(i))
        .ok_or_else(|| {
            RuntimeErrorKind::IndexOutOfBounds {
                index,
                len: items.len(),
            }
            .into()
        })
}

/// The value at `keys` under `map`, creating missing levels within `limits`; `keys` starts
/// with a string key.
pub(crate) fn slot<'m>(
    map: &'m mut Map,
    keys: &[KeyValue<'_>],
    limits: &Limits,
) -> Result<&'m mut AnyValue, RuntimeError> {
    let Some((KeyValue::Str(first), rest)) = keys.split_first() else {
        return Err(RuntimeErrorKind::NotIndexable {
            found: ValueType::Map,
            key: "an int index",
        }
        .into());
    };
    slot_in(entry(map, first, limits)?, rest, limits)
}

/// The value at `keys` under `value`, creating missing levels within `limits`.
pub(crate) fn slot_in<'v>(
    mut value: &'v mut AnyValue,
    keys: &[KeyValue<'_>],
    limits: &Limits,
) -> Result<&'v mut AnyValue, RuntimeError> {
    for key in keys {
        value = step_into(value, key, limits)?;
    }
    Ok(value)
}

/// The map at `keys` under `map`, without creating anything: `None` if a level is missing.
pub(crate) fn existing_map<'m>(
    map: &'m mut Map,
    keys: &[KeyValue<'_>],
) -> Result<Option<&'m mut Map>, RuntimeError> {
    let Some((KeyValue::Str(first), rest)) = keys.split_first() else {
        return Err(RuntimeErrorKind::NotIndexable {
            found: ValueType::Map,
            key: "an int index",
        }
        .into());
    };
    let Some(mut value) = map.get_mut(first) else {
        return Ok(None);
    };
    for key in rest {
        value = match (value, key) {
            (AnyValue::KvList(map), KeyValue::Str(key)) => match map.get_mut(key) {
                Some(value) => value,
                None => return Ok(None),
            },
            (AnyValue::Array(items), KeyValue::Int(index)) => {
                let len = items.len();
                usize::try_from(*index)
                    .ok()
                    .and_then(|i| items.get_mut(i))
                    .ok_or(RuntimeErrorKind::IndexOutOfBounds { index: *index, len })?
            }
            (AnyValue::Empty, _) => return Ok(None),
            (other, _) => {
                return Err(RuntimeErrorKind::NotIndexable {
                    found: Value::from_any(other).value_type(),
                    key: "a key",
                }
                .into());
            }
        };
    }
    match value {
        AnyValue::KvList(map) => Ok(Some(map)),
        AnyValue::Empty => Ok(None),
        other => Err(RuntimeErrorKind::Type {
            expected: "map",
            found: Value::from_any(other).value_type(),
        }
        .into()),
    }
}

/// The entry under `key`, added (empty) if missing and the map has room for it.
pub(crate) fn entry<'m>(
    map: &'m mut Map,
    key: &Str,
    limits: &Limits,
) -> Result<&'m mut AnyValue, RuntimeError> {
    room_for(map, |map| map.contains_key(key), limits)?;
    Ok(map.get_or_insert_with(key.clone(), AnyValue::default))
}

/// Whether `map` may take a key: one it has (`has_key`), or a new one while it is under
/// `max_map_len`. One comparison unless the map is full.
pub(crate) fn room_for(
    map: &Map,
    has_key: impl FnOnce(&Map) -> bool,
    limits: &Limits,
) -> Result<(), RuntimeError> {
    if map.len() >= limits.max_map_len && !has_key(map) {
        limits.check_new_key(map.len())?;
    }
    Ok(())
}

fn step_into<'v>(
    value: &'v mut AnyValue,
    key: &KeyValue<'_>,
    limits: &Limits,
) -> Result<&'v mut AnyValue, RuntimeError> {
    if matches!(value, AnyValue::Empty) {
        *value = match key {
            KeyValue::Str(_) => AnyValue::KvList(Map::new()),
            KeyValue::Int(index) => {
                let len = limits.created_list_len(*index)?;
                AnyValue::Array(vec![AnyValue::Empty; len].into())
            }
        };
    }
    match (value, key) {
        (AnyValue::KvList(map), KeyValue::Str(key)) => entry(map, key, limits),
        (AnyValue::Array(items), KeyValue::Int(index)) => {
            let len = items.len();
            usize::try_from(*index)
                .ok()
                .and_then(|i| items.get_mut(i))
                .ok_or_else(|| RuntimeErrorKind::IndexOutOfBounds { index: *index, len }.into())
        }
        (other, key) => Err(RuntimeErrorKind::NotIndexable {
            found: Value::from_any(other).value_type(),
            key: match key {
                KeyValue::Str(_) => "a string key",
                KeyValue::Int(_) => "an int index",
            },
        }
        .into()),
    }
}
