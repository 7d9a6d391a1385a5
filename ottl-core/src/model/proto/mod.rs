//! OTLP protobuf: `LogsData` / `TracesData` / `MetricsData` and the `Export*ServiceRequest`
//! messages (the same wire layout), decoded straight into the model and encoded from it.
//!
//! The codec is hand-written over the wire format, with no generated types and no
//! dependencies: decoding is one pass from the bytes into the model's structs (strings are
//! copied once, into [`Str`](crate::model::Str)), encoding one pass from the structs into a
//! byte buffer. Unknown fields are skipped; a known field with the wrong wire type, a length
//! past the end of its message or an id of the wrong length is an error that names its byte
//! offset and the message it is in. Invalid UTF-8 in a string becomes U+FFFD, as the
//! collector's JSON writes it.
//!
//! The three envelopes share their layout down to the records, so [`decode`] tells the signal
//! from the records' fields; [`decode_as`] takes it from the caller.
//!
//! ```
//! use ottl_core::model::{json, proto, AnyValue};
//!
//! let input = br#"{"resourceLogs":[{"resource":{},"scopeLogs":[{"scope":{},
//!     "logRecords":[{"timeUnixNano":"1","body":{"stringValue":"hello"}}]}]}]}"#;
//! let logs = json::decode(input)?;
//! let bytes = proto::encode(&logs)?;
//! assert_eq!(proto::decode(&bytes)?, logs);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod decode;
mod encode;
mod error;
mod reader;
mod signal;
mod split;

pub use error::{DecodeError, DecodeErrorKind};
pub use reader::WireType;
pub use split::{Part, decode_part, split};

use crate::context::Signal;
use crate::model::json::{Document, DocumentRef};
use crate::model::{Logs, Metrics, Traces};
use reader::Reader;

/// Why a document could not be encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EncodeError {
    /// An `AnyValue` nests deeper than [`MAX_DEPTH`](crate::model::json::MAX_DEPTH).
    #[error("values nested deeper than {} levels", crate::model::json::MAX_DEPTH)]
    TooDeep,
}

/// Decodes a message of any signal, telling which from its records (a message without any
/// record decodes as logs).
pub fn decode(input: &[u8]) -> Result<Document, DecodeError> {
    decode_as(input, signal::infer(input, Signal::Logs))
}

/// The signal `input`'s records say it holds; where they leave it open (a message without
/// records, or records every signal could read), `default` if it is among those left.
pub fn infer_signal(input: &[u8], default: Signal) -> Signal {
    signal::infer(input, default)
}

/// Decodes a message of the given signal.
pub fn decode_as(input: &[u8], signal: Signal) -> Result<Document, DecodeError> {
    Ok(match signal {
        Signal::Logs => Document::Logs(decode_logs(input)?),
        Signal::Traces => Document::Traces(decode_traces(input)?),
        Signal::Metrics => Document::Metrics(decode_metrics(input)?),
    })
}

/// Decodes a `LogsData` or `ExportLogsServiceRequest`.
pub fn decode_logs(input: &[u8]) -> Result<Logs, DecodeError> {
    decode::logs(&mut Reader::new(input, "LogsData")).map_err(|error| *error)
}

/// Decodes a `TracesData` or `ExportTraceServiceRequest`.
pub fn decode_traces(input: &[u8]) -> Result<Traces, DecodeError> {
    decode::traces(&mut Reader::new(input, "TracesData")).map_err(|error| *error)
}

/// Decodes a `MetricsData` or `ExportMetricsServiceRequest`.
pub fn decode_metrics(input: &[u8]) -> Result<Metrics, DecodeError> {
    decode::metrics(&mut Reader::new(input, "MetricsData")).map_err(|error| *error)
}

/// Appends the protobuf of `document` to `out`.
///
/// Fails only if an `AnyValue` nests deeper than [`MAX_DEPTH`](crate::model::json::MAX_DEPTH)
/// allows; `out` then holds a partial message.
pub fn encode_into<'a>(
    document: impl Into<DocumentRef<'a>>,
    out: &mut Vec<u8>,
) -> Result<(), EncodeError> {
    let mut writer = encode::Writer::new(out);
    match document.into() {
        DocumentRef::Logs(logs) => writer.logs(logs),
        DocumentRef::Traces(traces) => writer.traces(traces),
        DocumentRef::Metrics(metrics) => writer.metrics(metrics),
    }
}

/// The protobuf of a document of any signal.
pub fn encode<'a>(document: impl Into<DocumentRef<'a>>) -> Result<Vec<u8>, EncodeError> {
    let mut out = Vec::new();
    encode_into(document, &mut out)?;
    Ok(out)
}
