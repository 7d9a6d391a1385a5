//! Errors of the OTLP protobuf codec.

use std::fmt;

use super::reader::WireType;

/// What was wrong with the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeErrorKind {
    /// The input ends inside a field, or a length runs past the end of its message.
    Truncated,
    /// A varint longer than ten bytes or past 64 bits.
    VarintOverflow,
    /// A field key with wire type 6 or 7.
    InvalidWireType(u8),
    /// A field key numbering field 0 or a number past protobuf's largest.
    InvalidFieldNumber(u64),
    /// A known field written with another wire type than its type has.
    WrongWireType {
        /// The field number.
        field: u32,
        /// The wire type found.
        found: WireType,
        /// The wire type of the field's type.
        expected: WireType,
    },
    /// A packed repeated fixed-width field whose length is not a multiple of its width.
    PackedLength(usize),
    /// A trace or span id of the wrong length.
    IdLength {
        /// 16 for a trace id, 8 for a span id.
        expected: usize,
        /// Bytes in the input.
        found: usize,
    },
    /// `AnyValue`s nested deeper than [`MAX_DEPTH`](crate::model::json::MAX_DEPTH).
    TooDeep,
    /// A group end without its start.
    UnmatchedGroupEnd,
}

impl fmt::Display for DecodeErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Truncated => {
                f.write_str("truncated: a field runs past the end of its message or of the data")
            }
            Self::VarintOverflow => f.write_str("invalid varint: longer than 64 bits"),
            Self::InvalidWireType(bits) => write!(f, "invalid wire type {bits}"),
            Self::InvalidFieldNumber(number) => write!(f, "invalid field number {number}"),
            Self::WrongWireType {
                field,
                found,
                expected,
            } => write!(
                f,
                "field {field} has wire type {}, expected {}",
                found.name(),
                expected.name()
            ),
            Self::PackedLength(len) => {
                write!(
                    f,
                    "packed field of {len} bytes is not a whole number of values"
                )
            }
            Self::IdLength { expected, found } => {
                write!(f, "id of {found} bytes, expected {expected}")
            }
            Self::TooDeep => write!(
                f,
                "values nested deeper than {} levels",
                crate::model::json::MAX_DEPTH
            ),
            Self::UnmatchedGroupEnd => f.write_str("group end without a group start"),
        }
    }
}

/// A protobuf message that is not valid OTLP: what was wrong, where, and in which message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    /// Byte offset of the bad field or value from the start of the input.
    pub offset: usize,
    /// The protocol message being read, e.g. `LogRecord`.
    pub message: &'static str,
    /// What was wrong.
    pub kind: DecodeErrorKind,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid OTLP protobuf: {} (in {} at byte {})",
            self.kind, self.message, self.offset
        )
    }
}

impl std::error::Error for DecodeError {}

/// A decoding result. The error is boxed so the `Ok` path moves a small value: results travel
/// through every field's closure.
pub(crate) type Decoded<T> = Result<T, Box<DecodeError>>;
