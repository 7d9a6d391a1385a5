//! [`RuntimeError`]: why a statement failed on one record.

use std::fmt;

use crate::value::ValueType;

/// A statement failed while running on a record; [`RuntimeError::kind`] says why. Error modes
/// decide what happens next.
///
/// The reason is boxed so that the results every getter and editor returns stay as small as
/// the values they carry: a failure is rare, and a 64-byte error inline made each
/// `Result<Value, _>` that large, to be copied through every call on the hot path.
#[derive(Debug, Clone, PartialEq)]
pub struct RuntimeError(Box<RuntimeErrorKind>);

impl RuntimeError {
    /// A function's own failure: `function` could not do its work, for the reason `message`.
    pub fn function(function: &'static str, message: impl Into<String>) -> Self {
        RuntimeErrorKind::Function {
            function,
            message: message.into(),
        }
        .into()
    }

    /// Why the statement failed.
    pub fn kind(&self) -> &RuntimeErrorKind {
        &self.0
    }
}

impl From<RuntimeErrorKind> for RuntimeError {
    fn from(kind: RuntimeErrorKind) -> Self {
        Self(Box::new(kind))
    }
}

impl fmt::Display for RuntimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for RuntimeError {}

/// Why a statement failed on a record.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RuntimeErrorKind {
    /// A value had the wrong type for what was done with it.
    #[error("expected {expected} but got {found}")]
    Type {
        /// What was needed, in words (`string`, `int or double`).
        expected: &'static str,
        /// What was there.
        found: ValueType,
    },
    /// A list index outside the list.
    #[error("index {index} out of bounds (length {len})")]
    IndexOutOfBounds {
        /// The index used.
        index: i64,
        /// The list's length.
        len: usize,
    },
    /// A key or index applied to a value that has no keys.
    #[error("{found} cannot be indexed with {key}")]
    NotIndexable {
        /// The value that was indexed.
        found: ValueType,
        /// What the key was, in words (`a string key`, `an int index`).
        key: &'static str,
    },
    /// Division by zero.
    #[error("attempted to divide by 0")]
    DivideByZero,
    /// A statement would write a value larger than the program's [`Limits`](crate::Limits)
    /// allow (a string, list or map too long, nesting too deep, a value too large).
    #[error(
        "value exceeds the limit `{limit}` of {max} (found {found}); raise it with \
         `Program::with_limits(Limits {{ {limit}: ..., ..Limits::default() }})`"
    )]
    LimitExceeded {
        /// The field of [`Limits`](crate::Limits) that was passed (`max_string_len`, …).
        limit: &'static str,
        /// Its value.
        max: usize,
        /// What was found: a length, a depth, or a size (at least this much: the check stops
        /// at the first excess).
        found: usize,
    },
    /// A function failed; the message says why.
    #[error("{function}: {message}")]
    Function {
        /// The function's name.
        function: &'static str,
        /// What went wrong.
        message: String,
    },
    /// A string that does not read as the number or bool a function needs.
    #[error("cannot convert {text:?} to {target}")]
    Conversion {
        /// The string.
        text: String,
        /// What it should have been (`float64`, `bool`).
        target: &'static str,
    },
    /// A path cannot take the value given.
    #[error("{path} cannot be set to a value of type {found}")]
    Unsettable {
        /// The path.
        path: String,
        /// The value's type.
        found: ValueType,
    },
    /// A path cannot take this value, although its type is right.
    #[error("{path} cannot be set to {value}: {reason}")]
    InvalidValue {
        /// The path.
        path: String,
        /// The value, as OTTL would write it.
        value: String,
        /// Why not.
        reason: &'static str,
    },
    /// A read-only path was written.
    #[error("{path} is read-only and cannot be modified")]
    ReadOnly {
        /// The path.
        path: String,
    },
    /// A data point path written on a point of a kind that lacks it (`datapoint.count` on a
    /// gauge point).
    #[error("{path} does not exist on a {point} data point")]
    NotApplicable {
        /// The path.
        path: String,
        /// The point's kind (`Number`, `Histogram`, …).
        point: &'static str,
    },
    /// The record a path needs is not there: the program runs over records of another
    /// context, or a statement removed the span event or data point being processed.
    #[error("there is no {record} to read or write")]
    NoRecord {
        /// What was missing (`span`, `data point`, …).
        record: &'static str,
    },
}
