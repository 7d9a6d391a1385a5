//! A large protobuf message cut between its resources, as [`json::split`](crate::model::json::split)
//! cuts an OTLP/JSON document: protobuf's repeated fields concatenate, so a message is the
//! concatenation of any cut between its top-level fields, and each part decodes on its own
//! (reading in place in the whole message, so errors carry the whole message's offsets).

use super::DecodeError;
use super::decode;
use super::reader::Reader;
use crate::context::Signal;
use crate::model::json::Document;

/// Consecutive top-level fields of a message, holding whole resources ([`split`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    start: usize,
    end: usize,
    first: usize,
}

impl Part {
    /// The index of the part's first resource in the whole message.
    pub fn first_resource(&self) -> usize {
        self.first
    }

    /// The part's length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the part holds no bytes (never: a part holds at least one field).
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// Cuts the message `input` between its top-level fields into parts of about `size` bytes,
/// or one field when a field is larger. `None` when a field is not well formed (decoding the
/// whole message says how) or the message would make fewer than two parts.
///
/// ```
/// use ottl_core::context::Signal;
/// use ottl_core::model::{json, proto};
///
/// let document = json::decode(br#"{"resourceSpans":[{"schemaUrl":"a"},{"schemaUrl":"b"}]}"#)?;
/// let bytes = proto::encode(&document)?;
/// let parts = proto::split(&bytes, 1).expect("two resources");
/// assert_eq!(parts[1].first_resource(), 1);
/// let json::Document::Traces(second) = proto::decode_part(&bytes, &parts[1], Signal::Traces)?
/// else {
///     unreachable!()
/// };
/// assert_eq!(second.resource_spans[0].schema_url, "b");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn split(input: &[u8], size: usize) -> Option<Vec<Part>> {
    let ends = Reader::new(input, "").field_ends()?;
    let mut parts = Vec::new();
    let mut current: Option<Part> = None;
    let (mut start, mut resources) = (0, 0);
    for (number, end) in ends {
        let part = current.get_or_insert(Part {
            start,
            end,
            first: resources,
        });
        part.end = end;
        start = end;
        // Field 1 of every envelope is its resource list.
        resources += usize::from(number == 1);
        if part.len() >= size {
            parts.extend(current.take());
        }
    }
    parts.extend(current);
    (parts.len() >= 2).then_some(parts)
}

/// Decodes `part` of the message `input` ([`split`]) as `signal`: a document holding the
/// part's resources. An error is the one decoding the whole message gives when this is the
/// first part with a bad value.
pub fn decode_part(input: &[u8], part: &Part, signal: Signal) -> Result<Document, DecodeError> {
    let within = |message| Reader::within(input, part.start, part.end, message);
    let document = match signal {
        Signal::Logs => decode::logs(&mut within("LogsData")).map(Document::Logs),
        Signal::Traces => decode::traces(&mut within("TracesData")).map(Document::Traces),
        Signal::Metrics => decode::metrics(&mut within("MetricsData")).map(Document::Metrics),
    };
    document.map_err(|error| *error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{json, proto};

    #[test]
    fn parts_decode_to_the_whole_message_and_fail_as_it() {
        let text = br#"{"resourceLogs":[{"schemaUrl":"a"},{"schemaUrl":"b"},
            {"scopeLogs":[{"logRecords":[{"spanId":"0102030405060708"}]}]}]}"#;
        let whole = json::decode(text).unwrap();
        let mut bytes = proto::encode(&whole).unwrap();
        // An unknown field between the resources is skipped, and counts for no resource.
        let second = 2 + usize::from(bytes[1]);
        bytes.splice(second..second, [0x10, 0x05]);
        let parts = split(&bytes, 1).unwrap();
        assert_eq!(parts.len(), 4);
        let firsts: Vec<usize> = parts.iter().map(Part::first_resource).collect();
        assert_eq!(firsts, [0, 1, 1, 2]);
        let mut joined = Vec::new();
        for part in &parts {
            let Document::Logs(logs) = decode_part(&bytes, part, Signal::Logs).unwrap() else {
                panic!("logs");
            };
            joined.extend(logs.resource_logs);
        }
        assert_eq!(
            Document::Logs(crate::model::Logs {
                resource_logs: joined
            }),
            whole
        );

        // The second resource's schema URL (field 3) as a varint: the wrong wire type.
        let url = bytes
            .windows(3)
            .position(|w| w == [0x1a, 0x01, b'b'])
            .unwrap();
        bytes[url] = 0x18;
        let whole = proto::decode_as(&bytes, Signal::Logs).unwrap_err();
        let parts = split(&bytes, 1).unwrap();
        let first_error = parts
            .iter()
            .find_map(|part| decode_part(&bytes, part, Signal::Logs).err())
            .unwrap();
        assert_eq!(first_error, whole);
        assert!(whole.to_string().contains("wire type"), "{whole}");
    }

    #[test]
    fn a_malformed_field_leaves_the_message_whole() {
        // Field 1, LEN, length 9 with 2 bytes left.
        assert_eq!(split(&[0x0a, 0x00, 0x0a, 0x09, 0x01, 0x02], 1), None);
        assert_eq!(split(&[0x0a, 0x00], 1), None);
    }
}
