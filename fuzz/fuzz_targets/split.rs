//! Fuzzes cutting a document between its resources (`json::split`, `proto::split`): for any
//! bytes and part size, when the bytes as an OTLP/JSON document or as a protobuf message are
//! cut, the parts decode (in order, up to the first failure) to the whole document's
//! resources, and the first part that fails fails with the whole document's error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ottl_core::context::Signal;
use ottl_core::model::json::{self, Document};
use ottl_core::model::proto;

fuzz_target!(|data: &[u8]| {
    let Some((&size, text)) = data.split_first() else {
        return;
    };
    let size = usize::from(size % 64) + 1;
    check_proto(text, size);
    let Some(parts) = json::split(text, size) else {
        return;
    };
    let whole = json::decode(text);
    let mut joined: Option<Document> = None;
    for part in &parts {
        match json::decode_part(text, part) {
            Ok(document) => append(&mut joined, document),
            Err(error) => {
                assert_eq!(Err(error), whole.map(drop), "{parts:?}");
                return;
            }
        }
    }
    let whole = whole.unwrap_or_else(|error| panic!("the parts decode, the whole fails: {error}"));
    let joined = joined.expect("at least two parts");
    assert!(
        joined == whole || format!("{whole:?}").contains("NaN"),
        "{joined:?} != {whole:?}"
    );
});

/// The same for `bytes` as a protobuf message of each signal.
fn check_proto(bytes: &[u8], size: usize) {
    let Some(parts) = proto::split(bytes, size) else {
        return;
    };
    for signal in [Signal::Logs, Signal::Traces, Signal::Metrics] {
        let whole = proto::decode_as(bytes, signal);
        let mut joined: Option<Document> = None;
        let mut failed = false;
        for part in &parts {
            match proto::decode_part(bytes, part, signal) {
                Ok(document) => append(&mut joined, document),
                Err(error) => {
                    assert_eq!(Err(error), whole.clone().map(drop), "{parts:?}");
                    failed = true;
                    break;
                }
            }
        }
        if !failed {
            let whole = whole.unwrap_or_else(|e| panic!("the parts decode, the whole fails: {e}"));
            let joined = joined.expect("at least two parts");
            assert!(
                joined == whole || format!("{whole:?}").contains("NaN"),
                "{joined:?} != {whole:?}"
            );
        }
    }
}

/// Adds the resources of `part` to those of the parts before it.
fn append(joined: &mut Option<Document>, part: Document) {
    match (joined.as_mut(), part) {
        (None, part) => *joined = Some(part),
        (Some(Document::Logs(all)), Document::Logs(part)) => {
            all.resource_logs.extend(part.resource_logs);
        }
        (Some(Document::Traces(all)), Document::Traces(part)) => {
            all.resource_spans.extend(part.resource_spans);
        }
        (Some(Document::Metrics(all)), Document::Metrics(part)) => {
            all.resource_metrics.extend(part.resource_metrics);
        }
        (Some(all), part) => panic!("parts of two signals: {all:?} and {part:?}"),
    }
}
