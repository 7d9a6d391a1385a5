//! [`AnyValue`], the dynamically typed value of OTLP attributes and log bodies.

use std::ops::{Deref, DerefMut};

use super::{Map, Str};

/// A value of any OTLP kind: the body of a log record and the value of every attribute.
///
/// `PartialEq` compares doubles as IEEE numbers (like pdata: `NaN != NaN`).
#[derive(Clone, Debug, Default, PartialEq)]
pub enum AnyValue {
    /// No value set (pdata's `Empty`); written as `{}`.
    #[default]
    Empty,
    /// A UTF-8 string (`stringValue`).
    Str(Str),
    /// A boolean (`boolValue`).
    Bool(bool),
    /// A signed 64-bit integer (`intValue`).
    Int(i64),
    /// A 64-bit float (`doubleValue`).
    Double(f64),
    /// Raw bytes (`bytesValue`, base64 in JSON).
    Bytes(Vec<u8>),
    /// A list of values (`arrayValue`).
    Array(Array),
    /// A list of key/value pairs (`kvlistValue`).
    KvList(Map),
}

impl AnyValue {
    /// The value as a string slice, if it is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::Str(text) => Some(text.as_str()),
            _ => None,
        }
    }

    /// Whether this value is an array or a kvlist holding at least one element.
    pub(crate) fn has_children(&self) -> bool {
        match self {
            Self::Array(items) => !items.is_empty(),
            Self::KvList(map) => !map.is_empty(),
            _ => false,
        }
    }
}

impl From<&str> for AnyValue {
    fn from(text: &str) -> Self {
        Self::Str(Str::from(text))
    }
}

impl From<Str> for AnyValue {
    fn from(text: Str) -> Self {
        Self::Str(text)
    }
}

impl From<i64> for AnyValue {
    fn from(number: i64) -> Self {
        Self::Int(number)
    }
}

impl From<f64> for AnyValue {
    fn from(number: f64) -> Self {
        Self::Double(number)
    }
}

impl From<bool> for AnyValue {
    fn from(flag: bool) -> Self {
        Self::Bool(flag)
    }
}

/// The elements of an `arrayValue`; derefs to `Vec<AnyValue>`.
///
/// Dropping an arbitrarily deep array does not recurse, so it cannot overflow the stack.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Array(Vec<AnyValue>);

impl Array {
    /// An empty array.
    pub fn new() -> Self {
        Self(Vec::new())
    }

    /// The elements, moved out.
    pub fn into_vec(mut self) -> Vec<AnyValue> {
        std::mem::take(&mut self.0)
    }
}

impl From<Vec<AnyValue>> for Array {
    fn from(items: Vec<AnyValue>) -> Self {
        Self(items)
    }
}

impl FromIterator<AnyValue> for Array {
    fn from_iter<I: IntoIterator<Item = AnyValue>>(iter: I) -> Self {
        Self(iter.into_iter().collect())
    }
}

impl Deref for Array {
    type Target = Vec<AnyValue>;

    fn deref(&self) -> &Vec<AnyValue> {
        &self.0
    }
}

impl DerefMut for Array {
    fn deref_mut(&mut self) -> &mut Vec<AnyValue> {
        &mut self.0
    }
}

impl Drop for Array {
    fn drop(&mut self) {
        if self.0.iter().any(AnyValue::has_children) {
            drop_iteratively(std::mem::take(&mut self.0));
        }
    }
}

/// Drops nested values from an explicit stack instead of the call stack.
///
/// Every container popped here is emptied before it is dropped, so its own `Drop` does no
/// further work.
pub(crate) fn drop_iteratively(mut stack: Vec<AnyValue>) {
    while let Some(value) = stack.pop() {
        match value {
            AnyValue::Array(mut items) => stack.append(&mut items.0),
            AnyValue::KvList(mut map) => stack.extend(map.drain_values()),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropping_a_deeply_nested_value_does_not_overflow() {
        let mut value = AnyValue::Int(1);
        for depth in 0..200_000 {
            value = if depth % 2 == 0 {
                AnyValue::Array(Array::from(vec![value]))
            } else {
                let mut map = Map::new();
                map.insert("k", value);
                AnyValue::KvList(map)
            };
        }
        drop(value);
    }
}
