//! Errors of the OTLP/JSON codec.

use std::fmt;

/// One step of the JSON path to a bad value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathSegment {
    /// An object field, spelled as in the input.
    Field(String),
    /// An array index.
    Index(usize),
}

/// The JSON path to a value, e.g. `resourceSpans[0].scopeSpans[1].spans[3].traceId`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JsonPath(pub Vec<PathSegment>);

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                PathSegment::Field(name) if i == 0 => f.write_str(name)?,
                PathSegment::Field(name) => write!(f, ".{name}")?,
                PathSegment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// What was wrong with the input.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum DecodeErrorKind {
    /// The text is not valid JSON.
    #[error("invalid JSON: {0}")]
    Syntax(&'static str),
    /// The input ended inside a value.
    #[error("unexpected end of input")]
    UnexpectedEnd,
    /// Something follows the document.
    #[error("trailing characters after the document")]
    TrailingCharacters,
    /// A value of the wrong JSON type.
    #[error("expected {expected}, found {found}")]
    WrongType {
        /// What the field takes.
        expected: &'static str,
        /// The JSON type found.
        found: &'static str,
    },
    /// A trace or span id of the wrong length.
    #[error("expected {expected} hex digits, found {found}")]
    IdLength {
        /// 32 for a trace id, 16 for a span id.
        expected: usize,
        /// Digits in the input.
        found: usize,
    },
    /// A trace or span id with a character that is not a hex digit.
    #[error("invalid hex digit {0:?} in id")]
    IdDigit(char),
    /// A number that does not fit the field.
    #[error("{text:?} is out of range for {target}")]
    OutOfRange {
        /// The number as written.
        text: String,
        /// The field's type, e.g. `uint32`.
        target: &'static str,
    },
    /// Text that is not a number of the field's type.
    #[error("{text:?} is not a valid {target}")]
    InvalidNumber {
        /// The text as written.
        text: String,
        /// The field's type, e.g. `int64`.
        target: &'static str,
    },
    /// An enum given by a name it does not have.
    #[error("unknown {enum_name} name {name:?}")]
    UnknownEnumName {
        /// The enum, e.g. `SpanKind`.
        enum_name: &'static str,
        /// The name as written.
        name: String,
    },
    /// A `bytesValue` that is not standard padded base64.
    #[error("invalid base64: {0}")]
    Base64(String),
    /// A string that is not valid UTF-8.
    #[error("invalid UTF-8 in string")]
    InvalidUtf8,
    /// Objects and arrays nested deeper than the codec allows.
    #[error("nesting deeper than {0} levels")]
    TooDeep(usize),
    /// The top-level object names no signal.
    #[error(
        "not an OTLP envelope: expected a resourceLogs, resourceSpans or resourceMetrics field"
    )]
    NotAnEnvelope,
    /// The top-level object names two signals.
    #[error("the document holds both {first} and {second}")]
    MixedSignals {
        /// The first signal field.
        first: &'static str,
        /// The second one.
        second: &'static str,
    },
}

/// Why a document could not be decoded, and where.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{}{kind} at line {line} column {column}", PathPrefix(path))]
pub struct DecodeError {
    /// The JSON path to the bad value (empty at the top level).
    pub path: JsonPath,
    /// What was wrong.
    pub kind: DecodeErrorKind,
    /// Byte offset into the input.
    pub offset: usize,
    /// 1-based line of `offset`.
    pub line: usize,
    /// 1-based column of `offset`, counted in characters.
    pub column: usize,
}

struct PathPrefix<'a>(&'a JsonPath);

impl fmt::Display for PathPrefix<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.0.is_empty() {
            Ok(())
        } else {
            write!(f, "{}: ", self.0)
        }
    }
}

/// Why a model could not be encoded.
#[derive(Debug, thiserror::Error)]
pub enum EncodeError {
    /// An `AnyValue` nests deeper than the decoder would read back.
    #[error("value nesting deeper than {0} levels")]
    TooDeep(usize),
    /// The output could not be written.
    #[error("writing OTLP/JSON: {0}")]
    Io(#[from] std::io::Error),
}

/// An error while decoding, before its line and column are known; the path grows (innermost
/// segment first) as the error travels up.
#[derive(Debug)]
pub(crate) struct RawError {
    pub(crate) kind: DecodeErrorKind,
    pub(crate) offset: usize,
    pub(crate) reversed_path: Vec<PathSegment>,
}

/// The decoder's result: the error is boxed so the `Ok` path stays small.
pub(crate) type Decoded<T> = Result<T, Box<RawError>>;

impl RawError {
    /// Built out of line: inlined, the allocation made every reader that can fail save and
    /// restore registers on its fast path (as it did in the protobuf decoder).
    #[cold]
    #[inline(never)]
    pub(crate) fn new(kind: DecodeErrorKind, offset: usize) -> Box<Self> {
        Box::new(Self {
            kind,
            offset,
            reversed_path: Vec::new(),
        })
    }

    /// Resolves the offset into a line and column of `input`.
    pub(crate) fn locate(self, input: &[u8]) -> DecodeError {
        let offset = self.offset.min(input.len());
        let before = &input[..offset];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        let mut path = self.reversed_path;
        path.reverse();
        DecodeError {
            path: JsonPath(path),
            kind: self.kind,
            offset,
            line,
            column,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_names_path_and_position() {
        let raw = RawError {
            kind: DecodeErrorKind::IdLength {
                expected: 32,
                found: 31,
            },
            offset: 12,
            reversed_path: vec![
                PathSegment::Field("traceId".into()),
                PathSegment::Index(3),
                PathSegment::Field("spans".into()),
            ],
        };
        let error = raw.locate(b"{\n  \"spans\": [x");
        assert_eq!(
            error.to_string(),
            "spans[3].traceId: expected 32 hex digits, found 31 at line 2 column 11"
        );
    }
}
