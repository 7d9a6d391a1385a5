//! OTLP/JSON → model, streaming: fields are decoded straight into the structs as the reader
//! meets them; no JSON tree is built.

mod common;
mod logs;
mod metrics;
mod reader;
mod scalar;
mod traces;

use reader::Reader;

use super::Document;
use super::error::{DecodeError, DecodeErrorKind, Decoded, PathSegment};
use super::split::Part;
use crate::context::Signal;
use crate::model::{Logs, Metrics, Traces};

/// Runs `decode_document` over `input`, requires nothing but whitespace after it, and places
/// any error on a line and column.
fn run<T>(
    input: &[u8],
    decode_document: impl FnOnce(&mut Reader<'_>) -> Decoded<T>,
) -> Result<T, DecodeError> {
    let mut reader = Reader::new(input);
    decode_document(&mut reader)
        .and_then(|document| reader.finish().map(|()| document))
        .map_err(|error| error.locate(input))
}

pub(super) fn logs(input: &[u8]) -> Result<Logs, DecodeError> {
    run(input, |r| {
        let mut logs = Logs::default();
        r.read_object(|r, key| match key {
            "resourceLogs" | "resource_logs" => {
                logs::resource_logs_list(r, &mut logs.resource_logs)
            }
            _ => r.skip_value(),
        })?;
        Ok(logs)
    })
}

pub(super) fn traces(input: &[u8]) -> Result<Traces, DecodeError> {
    run(input, |r| {
        let mut traces = Traces::default();
        r.read_object(|r, key| match key {
            "resourceSpans" | "resource_spans" => {
                traces::resource_spans_list(r, &mut traces.resource_spans)
            }
            _ => r.skip_value(),
        })?;
        Ok(traces)
    })
}

pub(super) fn metrics(input: &[u8]) -> Result<Metrics, DecodeError> {
    run(input, |r| {
        let mut metrics = Metrics::default();
        r.read_object(|r, key| match key {
            "resourceMetrics" | "resource_metrics" => {
                metrics::resource_metrics_list(r, &mut metrics.resource_metrics)
            }
            _ => r.skip_value(),
        })?;
        Ok(metrics)
    })
}

/// Decodes one signal field of the envelope into `document`, which must be empty or hold the
/// same signal.
fn envelope_field(r: &mut Reader<'_>, document: &mut Option<Document>, key: &str) -> Decoded<()> {
    let signal = match key {
        "resourceLogs" | "resource_logs" => "resourceLogs",
        "resourceSpans" | "resource_spans" => "resourceSpans",
        "resourceMetrics" | "resource_metrics" => "resourceMetrics",
        _ => return r.skip_value(),
    };
    let start = r.offset();
    let current = document.get_or_insert_with(|| match signal {
        "resourceLogs" => Document::Logs(Logs::default()),
        "resourceSpans" => Document::Traces(Traces::default()),
        _ => Document::Metrics(Metrics::default()),
    });
    match current {
        Document::Logs(logs) if signal == "resourceLogs" => {
            logs::resource_logs_list(r, &mut logs.resource_logs)
        }
        Document::Traces(traces) if signal == "resourceSpans" => {
            traces::resource_spans_list(r, &mut traces.resource_spans)
        }
        Document::Metrics(metrics) if signal == "resourceMetrics" => {
            metrics::resource_metrics_list(r, &mut metrics.resource_metrics)
        }
        other => {
            let kind = DecodeErrorKind::MixedSignals {
                first: other.envelope_field(),
                second: signal,
            };
            r.error_at(start, kind)
        }
    }
}

pub(super) fn document(input: &[u8]) -> Result<Document, DecodeError> {
    run(input, |r| {
        let start = r.offset();
        let mut document = None;
        r.read_object(|r, key| envelope_field(r, &mut document, key))?;
        match document {
            Some(document) => Ok(document),
            None => r.error_at(start, DecodeErrorKind::NotAnEnvelope),
        }
    })
}

/// The resources of `part`, a stretch of `input`'s resource list; an error is the one decoding
/// the whole of `input` reports when its first bad value lies in this part.
pub(super) fn part(input: &[u8], part: &Part) -> Result<Document, DecodeError> {
    // The envelope object and the resource array are open around the part.
    let mut r = Reader::within(input, part.start..part.end, 2);
    let (end, first) = (part.end, part.first);
    let document = match part.signal() {
        Signal::Logs => {
            let mut resource_logs = Vec::new();
            r.read_elements_into(end, first, &mut resource_logs, logs::resource_logs)
                .map(|()| Document::Logs(Logs { resource_logs }))
        }
        Signal::Traces => {
            let mut resource_spans = Vec::new();
            r.read_elements_into(end, first, &mut resource_spans, traces::resource_spans)
                .map(|()| Document::Traces(Traces { resource_spans }))
        }
        Signal::Metrics => {
            let mut resource_metrics = Vec::new();
            r.read_elements_into(end, first, &mut resource_metrics, metrics::resource_metrics)
                .map(|()| Document::Metrics(Metrics { resource_metrics }))
        }
    };
    document.map_err(|mut error| {
        error
            .reversed_path
            .push(PathSegment::Field(part.field.to_owned()));
        error.locate(input)
    })
}
