//! The protobuf codec against an independent encoder: every sample of `testdata/otlp/`, as
//! Python's `opentelemetry-proto` wrote it (`testdata/otlp/encoded/make_proto_fixtures.py`),
//! decodes to what its OTLP/JSON decodes to, and our encoding of it decodes back the same.

use std::path::PathBuf;

use ottl_core::model::json::{self, Document};
use ottl_core::model::proto;

fn otlp_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../testdata/otlp")
}

#[test]
fn every_sample_decodes_as_its_json_and_round_trips() {
    let mut checked = 0;
    for entry in std::fs::read_dir(otlp_dir()).expect("testdata/otlp") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|ext| ext != "json") {
            continue;
        }
        let stem = path
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        let fixture = otlp_dir().join(format!("encoded/proto/{stem}.binpb"));
        let expected = json::decode(&std::fs::read(&path).expect("sample")).expect("valid JSON");
        let bytes = std::fs::read(&fixture).expect("fixture for every sample");
        let decoded = proto::decode(&bytes).unwrap_or_else(|e| panic!("{stem}: {e}"));
        // Compared as OTLP/JSON text: NaN is not equal to itself.
        let json =
            |document: &Document| String::from_utf8(json::encode(document).expect("encodes"));
        assert_eq!(json(&decoded), json(&expected), "{stem}");
        let encoded = proto::encode(&decoded).expect("encodes");
        let again = proto::decode(&encoded).expect("decodes");
        assert_eq!(json(&again), json(&expected), "{stem}");
        checked += 1;
    }
    assert!(checked >= 20, "{checked} samples");
}

/// Both encoders write fields in field-number order and leave proto3 defaults out, so where
/// the JSON sets no empty message pdata would not write, the bytes are the same.
#[test]
fn our_bytes_are_the_independent_encoders() {
    let dir = otlp_dir().join("encoded/proto");
    for entry in std::fs::read_dir(&dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        // One message per sample; the streams are read by the CLI's tests.
        if name.matches('.').count() > 1 {
            continue;
        }
        let bytes = std::fs::read(&path).expect("fixture");
        let encoded = proto::encode(&proto::decode(&bytes).expect("decodes")).expect("encodes");
        assert!(encoded == bytes, "{name}");
    }
}

/// Through `opentelemetry-proto`'s prost types, both ways: prost decodes our bytes and converts
/// into the same model; the model converted out and encoded by prost decodes back the same.
#[cfg(feature = "prost")]
#[test]
fn every_sample_converts_through_prost_types() {
    use ottl_core::model::prost::opentelemetry_proto::tonic::{
        logs::v1::LogsData, metrics::v1::MetricsData, trace::v1::TracesData,
    };
    use ottl_core::model::{Logs, Metrics, Traces};
    use prost::Message;

    for entry in std::fs::read_dir(otlp_dir()).expect("testdata/otlp") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|ext| ext != "json") {
            continue;
        }
        let expected = json::decode(&std::fs::read(&path).expect("sample")).expect("valid JSON");
        let ours = proto::encode(&expected).expect("encodes");
        let (converted, theirs) = match expected.clone() {
            Document::Logs(logs) => (
                Document::Logs(
                    Logs::try_from(LogsData::decode(ours.as_slice()).expect("prost decodes"))
                        .expect("converts"),
                ),
                LogsData::from(logs).encode_to_vec(),
            ),
            Document::Traces(traces) => (
                Document::Traces(
                    Traces::try_from(TracesData::decode(ours.as_slice()).expect("prost decodes"))
                        .expect("converts"),
                ),
                TracesData::from(traces).encode_to_vec(),
            ),
            Document::Metrics(metrics) => (
                Document::Metrics(
                    Metrics::try_from(MetricsData::decode(ours.as_slice()).expect("prost decodes"))
                        .expect("converts"),
                ),
                MetricsData::from(metrics).encode_to_vec(),
            ),
        };
        let json =
            |document: &Document| String::from_utf8(json::encode(document).expect("encodes"));
        let name = path.display();
        assert_eq!(json(&converted), json(&expected), "{name}: into the model");
        let back = proto::decode(&theirs).expect("decodes");
        assert_eq!(json(&back), json(&expected), "{name}: out of the model");
    }
}
