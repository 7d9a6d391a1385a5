//! [`Value`]: what expressions evaluate to while a statement runs.
//!
//! A value read from the record borrows from it (`Cow::Borrowed`), so comparing
//! `attributes["k"]` with a string copies nothing; values a converter computes are owned.

mod object;
mod time;

pub use object::{Object, ObjectType};
pub use time::{Time, TimeZone};

use crate::model::{AnyValue, Map, SpanId, Str, TraceId};
use std::borrow::Cow;
use std::fmt;

/// A value during evaluation.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// Absent: a missing key, an empty value, `nil`.
    Nil,
    /// `true` or `false`.
    Bool(bool),
    /// A 64-bit signed integer.
    Int(i64),
    /// A 64-bit float.
    Double(f64),
    /// A string.
    Str(Cow<'a, Str>),
    /// Raw bytes.
    Bytes(Cow<'a, [u8]>),
    /// A map of attributes.
    Map(Cow<'a, Map>),
    /// A list of values.
    List(Cow<'a, [AnyValue]>),
    /// A 16-byte trace id (not bytes: it compares only with trace ids).
    TraceId(TraceId),
    /// An 8-byte span id.
    SpanId(SpanId),
    /// An instant and the zone it reads in.
    Time(Time),
    /// A duration in nanoseconds.
    Duration(i64),
    /// A whole OTLP object (`span.status`, `span.events`, …).
    Object(Object<'a>),
}

/// The kind of a [`Value`], for messages and for checking arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueType {
    /// [`Value::Nil`]
    Nil,
    /// [`Value::Bool`]
    Bool,
    /// [`Value::Int`]
    Int,
    /// [`Value::Double`]
    Double,
    /// [`Value::Str`]
    Str,
    /// [`Value::Bytes`]
    Bytes,
    /// [`Value::Map`]
    Map,
    /// [`Value::List`]
    List,
    /// [`Value::TraceId`]
    TraceId,
    /// [`Value::SpanId`]
    SpanId,
    /// [`Value::Time`]
    Time,
    /// [`Value::Duration`]
    Duration,
    /// [`Value::Object`], with the object's type.
    Object(ObjectType),
}

impl ValueType {
    /// The type's name with its article, for messages: `an int`, `a string`.
    pub fn with_article(self) -> String {
        let name = self.to_string();
        let article = match name.chars().next() {
            Some('a' | 'e' | 'i' | 'o' | 'u' | 'A' | 'E' | 'I' | 'O' | 'U') => "an",
            _ => "a",
        };
        format!("{article} {name}")
    }
}

impl fmt::Display for ValueType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ValueType::Nil => "nil",
            ValueType::Bool => "bool",
            ValueType::Int => "int",
            ValueType::Double => "double",
            ValueType::Str => "string",
            ValueType::Bytes => "bytes",
            ValueType::Map => "map",
            ValueType::List => "list",
            ValueType::TraceId => "trace id",
            ValueType::SpanId => "span id",
            ValueType::Time => "time",
            ValueType::Duration => "duration",
            ValueType::Object(object) => return object.fmt(f),
        })
    }
}

impl<'a> Value<'a> {
    /// Reads an OTLP value without copying it; an empty value reads as `Nil`.
    #[inline]
    pub fn from_any(value: &'a AnyValue) -> Self {
        match value {
            AnyValue::Empty => Value::Nil,
            AnyValue::Str(text) => Value::Str(Cow::Borrowed(text)),
            AnyValue::Bool(flag) => Value::Bool(*flag),
            AnyValue::Int(number) => Value::Int(*number),
            AnyValue::Double(number) => Value::Double(*number),
            AnyValue::Bytes(bytes) => Value::Bytes(Cow::Borrowed(bytes)),
            AnyValue::Array(items) => Value::List(Cow::Borrowed(items)),
            AnyValue::KvList(map) => Value::Map(Cow::Borrowed(map)),
        }
    }

    /// Reads a stored OTLP value that may be absent: absent and empty both read as `Nil`.
    #[inline]
    pub fn from_stored(value: Option<&'a AnyValue>) -> Self {
        value.map_or(Value::Nil, Value::from_any)
    }

    /// A string value that owns its text.
    pub fn string(text: impl Into<Str>) -> Self {
        Value::Str(Cow::Owned(text.into()))
    }

    /// The kind of this value.
    pub fn value_type(&self) -> ValueType {
        match self {
            Value::Nil => ValueType::Nil,
            Value::Bool(_) => ValueType::Bool,
            Value::Int(_) => ValueType::Int,
            Value::Double(_) => ValueType::Double,
            Value::Str(_) => ValueType::Str,
            Value::Bytes(_) => ValueType::Bytes,
            Value::Map(_) => ValueType::Map,
            Value::List(_) => ValueType::List,
            Value::TraceId(_) => ValueType::TraceId,
            Value::SpanId(_) => ValueType::SpanId,
            Value::Time(_) => ValueType::Time,
            Value::Duration(_) => ValueType::Duration,
            Value::Object(object) => ValueType::Object(object.object_type()),
        }
    }

    /// The text, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(text) => Some(text.as_str()),
            _ => None,
        }
    }

    /// A value that no longer borrows from the record.
    pub fn into_owned(self) -> Value<'static> {
        match self {
            Value::Nil => Value::Nil,
            Value::Bool(flag) => Value::Bool(flag),
            Value::Int(number) => Value::Int(number),
            Value::Double(number) => Value::Double(number),
            Value::Str(text) => Value::Str(Cow::Owned(text.into_owned())),
            Value::Bytes(bytes) => Value::Bytes(Cow::Owned(bytes.into_owned())),
            Value::Map(map) => Value::Map(Cow::Owned(map.into_owned())),
            Value::List(items) => Value::List(Cow::Owned(items.into_owned())),
            Value::TraceId(id) => Value::TraceId(id),
            Value::SpanId(id) => Value::SpanId(id),
            Value::Time(time) => Value::Time(time),
            Value::Duration(nanos) => Value::Duration(nanos),
            Value::Object(object) => Value::Object(object.into_owned()),
        }
    }

    /// The value as an OTLP value, to store in an attribute or body; `None` for kinds OTLP
    /// values cannot hold (ids, times, durations, objects).
    pub fn into_any(self) -> Option<AnyValue> {
        self.try_into_any().ok()
    }

    /// The value as an OTLP value, or the value itself back when OTLP values cannot hold its
    /// kind (ids, times, durations, whole objects), so the caller can still report it.
    #[inline]
    pub fn try_into_any(self) -> Result<AnyValue, Self> {
        Ok(match self {
            Value::Nil => AnyValue::Empty,
            Value::Bool(flag) => AnyValue::Bool(flag),
            Value::Int(number) => AnyValue::Int(number),
            Value::Double(number) => AnyValue::Double(number),
            Value::Str(text) => AnyValue::Str(text.into_owned()),
            Value::Bytes(bytes) => AnyValue::Bytes(bytes.into_owned()),
            Value::Map(map) => AnyValue::KvList(map.into_owned()),
            Value::List(items) => AnyValue::Array(items.into_owned().into()),
            other @ (Value::TraceId(_)
            | Value::SpanId(_)
            | Value::Time(_)
            | Value::Duration(_)
            | Value::Object(_)) => return Err(other),
        })
    }
}

impl From<bool> for Value<'_> {
    fn from(flag: bool) -> Self {
        Value::Bool(flag)
    }
}

impl From<i64> for Value<'_> {
    fn from(number: i64) -> Self {
        Value::Int(number)
    }
}

impl From<f64> for Value<'_> {
    fn from(number: f64) -> Self {
        Value::Double(number)
    }
}
