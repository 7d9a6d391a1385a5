//! Fuzzes the OTLP protobuf codec (`ottl_core::model::proto`) and the delimited stream reader
//! (`ottl_core::model::stream` in its protobuf layouts): for any bytes, decoding as each signal,
//! as the signal found from the records, and as a stream in each layout returns documents or
//! errors without panicking and stops after an error; each document decoded re-encodes to
//! bytes that decode back to the same document (compared as OTLP/JSON text, where NaN equals
//! itself).
#![no_main]

use libfuzzer_sys::fuzz_target;
use ottl_core::context::Signal;
use ottl_core::model::json::{self, Document};
use ottl_core::model::proto;
use ottl_core::model::stream::{Documents, Format};

fuzz_target!(|data: &[u8]| {
    for signal in [Signal::Logs, Signal::Traces, Signal::Metrics] {
        if let Ok(document) = proto::decode_as(data, signal) {
            round_trip(&document, signal);
        }
    }
    if let Ok(document) = proto::decode(data) {
        let signal = proto::infer_signal(data, Signal::Logs);
        round_trip(&document, signal);
    }
    for format in [
        None,
        Some(Format::Protobuf),
        Some(Format::ProtobufDelimited),
        Some(Format::ProtobufVarint),
    ] {
        let mut failed = false;
        for document in Documents::new(data, format) {
            assert!(!failed, "a document after an error");
            failed = document.is_err();
        }
    }
});

/// Encoding `document` and decoding it as `signal` gives it back.
fn round_trip(document: &Document, signal: Signal) {
    let Ok(bytes) = proto::encode(document) else {
        return;
    };
    let again = proto::decode_as(&bytes, signal)
        .unwrap_or_else(|error| panic!("{document:?} encodes to bytes that fail: {error}"));
    assert_eq!(as_json(&again), as_json(document));
}

fn as_json(document: &Document) -> Option<Vec<u8>> {
    json::encode(document).ok()
}
