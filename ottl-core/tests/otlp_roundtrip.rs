//! Every document in `testdata/otlp/` is in the collector's output form, so decoding and
//! re-encoding it must give it back (as JSON values), and decoding the output again must give
//! the same model.

use std::path::{Path, PathBuf};

use ottl_core::model::json::{self, Document, EncodeOptions};

fn samples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/otlp");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("testdata/otlp exists")
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

/// Models compared by their debug form, so that NaN equals NaN.
fn same_model(a: &Document, b: &Document) -> bool {
    format!("{a:?}") == format!("{b:?}")
}

#[test]
fn there_are_samples_for_every_signal() {
    let files = samples();
    assert!(files.len() >= 12, "only {} samples", files.len());
    let mut signals: Vec<&str> = files
        .iter()
        .map(|path| {
            let document = json::decode(&std::fs::read(path).expect("readable sample"))
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            document.envelope_field()
        })
        .collect();
    signals.sort_unstable();
    signals.dedup();
    assert_eq!(
        signals,
        ["resourceLogs", "resourceMetrics", "resourceSpans"]
    );
}

#[test]
fn every_sample_survives_decode_and_encode() {
    for path in samples() {
        let name = path.display();
        let input = std::fs::read(&path).expect("readable sample");
        let document = json::decode(&input).unwrap_or_else(|error| panic!("{name}: {error}"));
        let output = json::encode(&document).expect("encodable");

        let expected: serde_json::Value = serde_json::from_slice(&input).expect("sample is JSON");
        let actual: serde_json::Value = serde_json::from_slice(&output).expect("output is JSON");
        assert_eq!(
            actual,
            expected,
            "{name}: output differs\n{}",
            String::from_utf8_lossy(&output)
        );

        let again = json::decode(&output).unwrap_or_else(|error| panic!("{name}: {error}"));
        assert!(
            same_model(&again, &document),
            "{name}: model changed on the second decode"
        );

        let mut pretty = Vec::new();
        json::encode_into(&document, &mut pretty, EncodeOptions { pretty: true })
            .expect("encodable");
        let from_pretty = json::decode(&pretty).unwrap_or_else(|error| panic!("{name}: {error}"));
        assert!(
            same_model(&from_pretty, &document),
            "{name}: pretty output decodes differently"
        );
    }
}

#[test]
fn compact_output_matches_pdata_byte_for_byte() {
    let input = br#"{"resourceSpans":[{"resource":{},"scopeSpans":[{"scope":{},"spans":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"a","kind":2,"startTimeUnixNano":"1700000000000000000","attributes":[{"key":"d","value":{"doubleValue":1e+21}}],"status":{"code":1}}]}]}]}"#;
    let document = json::decode(input).expect("valid");
    assert_eq!(
        String::from_utf8(json::encode(&document).expect("encodable"))
            .ok()
            .as_deref(),
        std::str::from_utf8(input).ok()
    );
}
