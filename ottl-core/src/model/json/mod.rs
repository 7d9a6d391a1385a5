//! OTLP/JSON exactly as the collector's pdata reads and writes it.
//!
//! Output is what pdata's `JSONMarshaler` writes: lowerCamelCase keys in protocol field order,
//! default values left out except the always-written `resource`, `scope`, log `body`, span
//! `status`, `KeyValue.value` and exponential histogram `positive`/`negative`; ids as
//! lowercase hex; 64-bit integers as decimal strings; enums as numbers; bytes as base64;
//! doubles in Go's formatting with NaN and ±Inf as strings.
//!
//! Input is what pdata's `JSONUnmarshaler` accepts: lowerCamelCase or snake_case keys, 64-bit
//! and 32-bit integers as numbers or decimal strings, enums as numbers or names, doubles as
//! numbers or strings, unknown fields skipped. It is decoded in one streaming pass straight into
//! the model. Errors carry the JSON path and the line and column of the bad value; nesting is
//! limited to [`MAX_DEPTH`] levels so no input can exhaust the stack.

mod decode;
mod encode;
mod error;
mod split;

use std::io;

pub use error::{DecodeError, DecodeErrorKind, EncodeError, JsonPath, PathSegment};
pub use split::{Part, decode_part, split};

use crate::model::{Logs, Metrics, Traces};

/// The deepest nesting of JSON objects and arrays the codec reads or writes (about 170 levels
/// of `AnyValue` arrays inside a log body).
pub const MAX_DEPTH: usize = 512;

/// A decoded OTLP/JSON document of any signal.
#[derive(Clone, Debug, PartialEq)]
pub enum Document {
    /// A `resourceLogs` envelope.
    Logs(Logs),
    /// A `resourceSpans` envelope.
    Traces(Traces),
    /// A `resourceMetrics` envelope.
    Metrics(Metrics),
}

impl Document {
    /// The envelope field that names the signal (`resourceLogs`, …).
    pub fn envelope_field(&self) -> &'static str {
        match self {
            Self::Logs(_) => "resourceLogs",
            Self::Traces(_) => "resourceSpans",
            Self::Metrics(_) => "resourceMetrics",
        }
    }

    /// A borrowed view, for encoding.
    pub fn as_ref(&self) -> DocumentRef<'_> {
        match self {
            Self::Logs(data) => DocumentRef::Logs(data),
            Self::Traces(data) => DocumentRef::Traces(data),
            Self::Metrics(data) => DocumentRef::Metrics(data),
        }
    }
}

/// A borrowed document of any signal: what the encoder takes.
#[derive(Clone, Copy, Debug)]
pub enum DocumentRef<'a> {
    /// Logs.
    Logs(&'a Logs),
    /// Traces.
    Traces(&'a Traces),
    /// Metrics.
    Metrics(&'a Metrics),
}

impl<'a> From<&'a Document> for DocumentRef<'a> {
    fn from(document: &'a Document) -> Self {
        document.as_ref()
    }
}

impl<'a> From<&'a Logs> for DocumentRef<'a> {
    fn from(data: &'a Logs) -> Self {
        Self::Logs(data)
    }
}

impl<'a> From<&'a Traces> for DocumentRef<'a> {
    fn from(data: &'a Traces) -> Self {
        Self::Traces(data)
    }
}

impl<'a> From<&'a Metrics> for DocumentRef<'a> {
    fn from(data: &'a Metrics) -> Self {
        Self::Metrics(data)
    }
}

/// How to write OTLP/JSON.
#[derive(Clone, Copy, Debug, Default)]
pub struct EncodeOptions {
    /// Indent with two spaces per level (pdata writes compact JSON, the default).
    pub pretty: bool,
}

/// Decodes a document of any signal; the envelope field decides which.
///
/// Fails with [`DecodeErrorKind::NotAnEnvelope`] if the top-level object has no
/// `resourceLogs`, `resourceSpans` or `resourceMetrics` field.
pub fn decode(input: &[u8]) -> Result<Document, DecodeError> {
    decode::document(input)
}

/// Decodes a logs document. Like pdata, an object without `resourceLogs` decodes as no logs.
pub fn decode_logs(input: &[u8]) -> Result<Logs, DecodeError> {
    decode::logs(input)
}

/// Decodes a traces document. Like pdata, an object without `resourceSpans` decodes as no spans.
pub fn decode_traces(input: &[u8]) -> Result<Traces, DecodeError> {
    decode::traces(input)
}

/// Decodes a metrics document. Like pdata, an object without `resourceMetrics` decodes as no
/// metrics.
pub fn decode_metrics(input: &[u8]) -> Result<Metrics, DecodeError> {
    decode::metrics(input)
}

/// Appends the OTLP/JSON of `document` to `out`.
///
/// Fails only if an `AnyValue` nests deeper than [`MAX_DEPTH`] allows; `out` then holds a
/// partial document.
pub fn encode_into<'a>(
    document: impl Into<DocumentRef<'a>>,
    out: &mut Vec<u8>,
    options: EncodeOptions,
) -> Result<(), EncodeError> {
    encode::document(document.into(), out, options)
}

/// Writes the OTLP/JSON of `document` to `writer`.
pub fn write<'a>(
    document: impl Into<DocumentRef<'a>>,
    mut writer: impl io::Write,
    options: EncodeOptions,
) -> Result<(), EncodeError> {
    let mut out = Vec::new();
    encode::document(document.into(), &mut out, options)?;
    writer.write_all(&out)?;
    Ok(())
}

/// The compact OTLP/JSON of a document of any signal.
pub fn encode<'a>(document: impl Into<DocumentRef<'a>>) -> Result<Vec<u8>, EncodeError> {
    let mut out = Vec::new();
    encode::document(document.into(), &mut out, EncodeOptions::default())?;
    Ok(out)
}

/// The compact OTLP/JSON of logs.
pub fn encode_logs(logs: &Logs) -> Result<Vec<u8>, EncodeError> {
    encode(logs)
}

/// The compact OTLP/JSON of traces.
pub fn encode_traces(traces: &Traces) -> Result<Vec<u8>, EncodeError> {
    encode(traces)
}

/// The compact OTLP/JSON of metrics.
pub fn encode_metrics(metrics: &Metrics) -> Result<Vec<u8>, EncodeError> {
    encode(metrics)
}
