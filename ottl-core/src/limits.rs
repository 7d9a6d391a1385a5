//! [`Limits`]: how large a value statements may write into a record.
//!
//! Statements can grow a record without end — `set(attributes["a"], Concat([attributes["a"],
//! attributes["a"]], ""))` repeated doubles a string each time, `set(attributes["x"][N], 1)`
//! creates a list of `N + 1` elements — so every write into the record is checked against the
//! program's limits and fails with [`RuntimeErrorKind::LimitExceeded`] instead of eating memory.
//!
//! The check happens where a value is stored (the setters of paths, and the levels a keyed
//! write creates). A string, bytes or scalar costs one comparison; a list or map is walked
//! once, stopping at the first limit it passes (the walk costs less than the copy that put the
//! value in hand). Functions that edit a map in place through [`crate::function::Target::map`]
//! are not checked here.

use crate::RuntimeError;
use crate::RuntimeErrorKind;
use crate::model::AnyValue;
use crate::value::Value;

/// The most a statement may write into a record. Set on a program with
/// [`Program::with_limits`](crate::run::Program::with_limits); [`Limits::default`] is
/// [`Limits::DEFAULT`].
///
/// ```
/// use ottl_core::Limits;
///
/// let strict = Limits { max_string_len: 1024, ..Limits::default() };
/// assert_eq!(strict.max_list_len, 10_000);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The longest string or byte string, in bytes, anywhere in a written value.
    /// Default 64 MiB.
    pub max_string_len: usize,
    /// The longest list anywhere in a written value, and the longest a write through an int
    /// key may create (`x[9999]` creates 10 000 elements). Default 10 000.
    pub max_list_len: usize,
    /// The most entries of a map anywhere in a written value, and of a map a write adds a key
    /// to. Default 100 000.
    pub max_map_len: usize,
    /// The deepest nesting of lists and maps in a written value (a scalar is 0, `[1]` is 1).
    /// Default 100.
    pub max_depth: usize,
    /// The approximate size of a whole written value, in bytes: the bytes of its strings,
    /// byte strings and map keys, plus 16 per list element and map entry. Default 64 MiB.
    pub max_value_size: usize,
}

impl Limits {
    /// The default limits: 64 MiB strings, 10 000-element lists, 100 000-entry maps, 100
    /// levels of nesting, 64 MiB values.
    pub const DEFAULT: Limits = Limits {
        max_string_len: 64 << 20,
        max_list_len: 10_000,
        max_map_len: 100_000,
        max_depth: 100,
        max_value_size: 64 << 20,
    };

    /// What one list element or map entry counts towards [`Limits::max_value_size`].
    const ELEMENT_SIZE: usize = 16;

    /// Checks a value about to be written.
    pub fn check(&self, value: &Value<'_>) -> Result<(), RuntimeError> {
        match value {
            Value::Str(text) => self.check_string(text.len()),
            Value::Bytes(bytes) => self.check_string(bytes.len()),
            Value::List(items) => self.check_list(items, 1, &mut 0),
            Value::Map(map) => {
                let mut size = 0;
                self.check_len("max_map_len", map.len(), self.max_map_len)?;
                self.check_depth(1)?;
                for (key, value) in map.iter() {
                    self.add_size(&mut size, key.len() + Self::ELEMENT_SIZE)?;
                    self.check_any(value, 1, &mut size)?;
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// Checks an OTLP value about to be written.
    #[inline]
    pub fn check_any_value(&self, value: &AnyValue) -> Result<(), RuntimeError> {
        // Inlined for what most writes store: a scalar, or a string within both limits.
        match value {
            AnyValue::Empty | AnyValue::Bool(_) | AnyValue::Int(_) | AnyValue::Double(_) => Ok(()),
            AnyValue::Str(text)
                if text.len() <= self.max_string_len && text.len() <= self.max_value_size =>
            {
                Ok(())
            }
            _ => self.check_any(value, 0, &mut 0),
        }
    }

    /// Checks the length, in bytes, of a string or byte string a function is about to build,
    /// for functions whose result can outgrow their input many times over.
    pub fn check_string_len(&self, len: usize) -> Result<(), RuntimeError> {
        self.check_string(len)
    }

    /// Checks that a map of `len` entries may take one more.
    pub(crate) fn check_new_key(&self, len: usize) -> Result<(), RuntimeError> {
        self.check_len("max_map_len", len + 1, self.max_map_len)
    }

    /// Checks that a write through int key `index` may create a list of `index + 1` elements.
    pub(crate) fn created_list_len(&self, index: i64) -> Result<usize, RuntimeError> {
        let len = usize::try_from(index)
            .map_err(|_| RuntimeErrorKind::IndexOutOfBounds { index, len: 0 })?
            .saturating_add(1);
        self.check_len("max_list_len", len, self.max_list_len)?;
        Ok(len)
    }

    fn check_any(
        &self,
        value: &AnyValue,
        depth: usize,
        size: &mut usize,
    ) -> Result<(), RuntimeError> {
        match value {
            AnyValue::Str(text) => {
                self.check_string(text.len())?;
                self.add_size(size, text.len())
            }
            AnyValue::Bytes(bytes) => {
                self.check_string(bytes.len())?;
                self.add_size(size, bytes.len())
            }
            AnyValue::Array(items) => self.check_list(items, depth + 1, size),
            AnyValue::KvList(map) => {
                self.check_len("max_map_len", map.len(), self.max_map_len)?;
                self.check_depth(depth + 1)?;
                for (key, value) in map.iter() {
                    self.add_size(size, key.len() + Self::ELEMENT_SIZE)?;
                    self.check_any(value, depth + 1, size)?;
                }
                Ok(())
            }
            AnyValue::Empty | AnyValue::Bool(_) | AnyValue::Int(_) | AnyValue::Double(_) => Ok(()),
        }
    }

    fn check_list(
        &self,
        items: &[AnyValue],
        depth: usize,
        size: &mut usize,
    ) -> Result<(), RuntimeError> {
        self.check_len("max_list_len", items.len(), self.max_list_len)?;
        self.check_depth(depth)?;
        for item in items {
            self.add_size(size, Self::ELEMENT_SIZE)?;
            self.check_any(item, depth, size)?;
        }
        Ok(())
    }

    fn check_string(&self, len: usize) -> Result<(), RuntimeError> {
        self.check_len("max_string_len", len, self.max_string_len)
    }

    fn check_depth(&self, depth: usize) -> Result<(), RuntimeError> {
        self.check_len("max_depth", depth, self.max_depth)
    }

    fn add_size(&self, size: &mut usize, more: usize) -> Result<(), RuntimeError> {
        *size = size.saturating_add(more);
        self.check_len("max_value_size", *size, self.max_value_size)
    }

    fn check_len(&self, limit: &'static str, found: usize, max: usize) -> Result<(), RuntimeError> {
        if found > max {
            return Err(RuntimeErrorKind::LimitExceeded { limit, max, found }.into());
        }
        Ok(())
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Array, Map, Str};
    use std::borrow::Cow;

    fn small() -> Limits {
        Limits {
            max_string_len: 4,
            max_list_len: 2,
            max_map_len: 2,
            max_depth: 2,
            max_value_size: 100,
        }
    }

    fn exceeded(result: Result<(), RuntimeError>) -> &'static str {
        match result.as_ref().map_err(RuntimeError::kind) {
            Err(RuntimeErrorKind::LimitExceeded { limit, .. }) => limit,
            other => panic!("expected a limit error, got {other:?}"),
        }
    }

    #[test]
    fn values_within_the_limits_pass() {
        let limits = small();
        assert!(limits.check(&Value::string("abcd")).is_ok());
        assert!(limits.check(&Value::Int(i64::MAX)).is_ok());
        let list: Array = vec![AnyValue::from("ab"), AnyValue::from(1)].into();
        assert!(
            limits
                .check(&Value::List(Cow::Owned(list.to_vec())))
                .is_ok()
        );
    }

    #[test]
    fn each_limit_is_named_when_passed() {
        let limits = small();
        assert_eq!(
            exceeded(limits.check(&Value::string("abcde"))),
            "max_string_len"
        );
        let three = vec![AnyValue::Int(1); 3];
        assert_eq!(
            exceeded(limits.check(&Value::List(Cow::Owned(three)))),
            "max_list_len"
        );
        let mut map = Map::new();
        for key in ["a", "b", "c"] {
            map.insert(Str::from(key), AnyValue::Int(1));
        }
        assert_eq!(
            exceeded(limits.check(&Value::Map(Cow::Owned(map)))),
            "max_map_len"
        );
        let list = |items: Vec<AnyValue>| AnyValue::Array(items.into());
        let deep = list(vec![list(vec![list(Vec::new())])]);
        assert_eq!(exceeded(limits.check_any_value(&deep)), "max_depth");
        let wide = vec![AnyValue::from("abcd"); 2];
        let nested: Vec<AnyValue> = vec![AnyValue::Array(wide.into()); 2];
        let tight = Limits {
            max_value_size: 60,
            ..small()
        };
        assert_eq!(
            exceeded(tight.check(&Value::List(Cow::Owned(nested)))),
            "max_value_size"
        );
    }

    #[test]
    fn a_huge_int_key_creates_no_list() {
        assert_eq!(Limits::DEFAULT.created_list_len(9_999).ok(), Some(10_000));
        assert!(Limits::DEFAULT.created_list_len(10_000).is_err());
        assert!(Limits::DEFAULT.created_list_len(i64::MAX).is_err());
        assert!(Limits::DEFAULT.created_list_len(-1).is_err());
    }

    #[test]
    fn the_message_says_how_to_raise_the_limit() {
        let message = exceeded_message(small().check(&Value::string("abcdef")));
        assert!(message.contains("max_string_len"), "{message}");
        assert!(message.contains("with_limits"), "{message}");
    }

    fn exceeded_message(result: Result<(), RuntimeError>) -> String {
        result.expect_err("over the limit").to_string()
    }
}
