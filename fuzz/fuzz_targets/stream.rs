//! Fuzzes the stream reader (`ottl_core::model::stream`): for any bytes, read as found from the
//! content, as JSON Lines and as one document, it returns documents or errors without
//! panicking, stops after an error, and each document it yields encodes to OTLP/JSON that
//! decodes back to the same document (an empty one, written `{}`, excepted).
#![no_main]

use libfuzzer_sys::fuzz_target;
use ottl_core::model::json;
use ottl_core::model::stream::{Documents, Format};

fuzz_target!(|data: &[u8]| {
    for format in [None, Some(Format::JsonLines), Some(Format::Json)] {
        let mut documents = Documents::new(data, format);
        let mut failed = false;
        for document in documents.by_ref() {
            assert!(!failed, "a document after an error");
            match document {
                Ok(document) => {
                    let Ok(encoded) = json::encode(&document) else {
                        continue;
                    };
                    // An empty document is written as pdata writes it, `{}`, which names no
                    // signal and so does not decode as a document of any.
                    if encoded == b"{}" {
                        continue;
                    }
                    let decoded = json::decode(&encoded).unwrap_or_else(|error| {
                        panic!("{document:?} encodes to text that fails: {error}")
                    });
                    assert!(decoded == document || has_nan(&encoded), "{document:?}");
                }
                Err(_) => failed = true,
            }
        }
    }
});

/// NaN never equals itself, so a document holding one cannot compare equal after a round trip.
fn has_nan(encoded: &[u8]) -> bool {
    encoded.windows(5).any(|w| w == b"\"NaN\"")
}
