//! A large OTLP/JSON document cut between its resources, so that each part is decoded, run
//! and encoded on its own (on any thread, with the memory of one part) and the parts together
//! give what the whole document gives.
//!
//! Only a document that is an envelope holding one signal's resource list and nothing else is
//! cut: `{"resourceLogs": [{…}, {…}, …]}`, whitespace anywhere. [`split`] checks that shape in
//! one pass over the bytes (strings and brackets only; the values are checked by decoding);
//! anything else — another field, a key with escapes, a resource that is not an object — is
//! left whole. Because the shape around the resources is valid, decoding the whole document
//! fails exactly where decoding the first part with a bad value fails, and [`decode_part`]
//! reads each part in place in the whole text, so its errors carry the whole document's
//! line, column, offset and path.

use super::decode;
use super::{DecodeError, Document};
use crate::context::Signal;

/// The envelope fields a part's resources may come from, as the decoder reads them.
const FIELDS: [(&str, Signal); 6] = [
    ("resourceLogs", Signal::Logs),
    ("resource_logs", Signal::Logs),
    ("resourceSpans", Signal::Traces),
    ("resource_spans", Signal::Traces),
    ("resourceMetrics", Signal::Metrics),
    ("resource_metrics", Signal::Metrics),
];

/// Consecutive resources of a document's resource list ([`split`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// The envelope field, as written.
    pub(super) field: &'static str,
    /// The byte offset of the first resource's `{`.
    pub(super) start: usize,
    /// The byte offset just after the last resource's `}`.
    pub(super) end: usize,
    /// The index of the first resource in the document's list.
    pub(super) first: usize,
    /// How many resources the part holds.
    resources: usize,
}

impl Part {
    /// The signal of the document the part belongs to.
    pub fn signal(&self) -> Signal {
        FIELDS
            .iter()
            .find(|(field, _)| *field == self.field)
            .map_or(Signal::Logs, |&(_, signal)| signal)
    }

    /// The index of the part's first resource in the whole document.
    pub fn first_resource(&self) -> usize {
        self.first
    }

    /// How many resources the part holds.
    pub fn resources(&self) -> usize {
        self.resources
    }

    /// The part's length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the part holds no bytes (never: a part holds at least one resource).
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// Cuts the OTLP/JSON document `input` into parts of whole resources, each of about `size`
/// bytes or one resource when a resource is larger. `None` when the document is not an
/// envelope holding only one signal's list of resource objects, or when it would make fewer
/// than two parts: it is then decoded whole.
///
/// ```
/// use ottl_core::model::json::{self, Document};
///
/// let text = br#"{"resourceLogs": [{"schemaUrl": "a"}, {"schemaUrl": "b"}, {"schemaUrl": "c"}]}"#;
/// let parts = json::split(text, 10).expect("one signal's resources");
/// assert_eq!(parts.len(), 3);
/// assert_eq!(parts[2].first_resource(), 2);
/// let Document::Logs(third) = json::decode_part(text, &parts[2])? else { unreachable!() };
/// assert_eq!(third.resource_logs[0].schema_url, "c");
/// # Ok::<(), json::DecodeError>(())
/// ```
pub fn split(input: &[u8], size: usize) -> Option<Vec<Part>> {
    let mut scan = Scan { input, pos: 0 };
    scan.expect(b'{')?;
    scan.expect(b'"')?;
    let key_start = scan.pos;
    let key_end = key_start + input.get(key_start..)?.iter().position(|&b| b == b'"')?;
    let key = &input[key_start..key_end];
    let &(field, _) = FIELDS.iter().find(|(name, _)| name.as_bytes() == key)?;
    scan.pos = key_end + 1;
    scan.expect(b':')?;
    scan.expect(b'[')?;
    let mut parts = Vec::new();
    let mut current: Option<Part> = None;
    let mut index = 0;
    if scan.peek()? != b']' {
        loop {
            if scan.peek()? != b'{' {
                return None;
            }
            let start = scan.pos;
            let end = scan.skip_container()?;
            let part = current.get_or_insert(Part {
                field,
                start,
                end,
                first: index,
                resources: 0,
            });
            part.end = end;
            part.resources += 1;
            index += 1;
            if part.len() >= size {
                parts.extend(current.take());
            }
            match scan.peek()? {
                b',' => scan.pos += 1,
                b']' => break,
                _ => return None,
            }
        }
    }
    parts.extend(current);
    scan.pos += 1;
    scan.expect(b'}')?;
    scan.skip_whitespace();
    (scan.pos == input.len() && parts.len() >= 2).then_some(parts)
}

/// Decodes the resources of `part`, a part of `input` as [`split`] cut it: a document of the
/// part's signal holding only them. An error is the one decoding the whole of `input` gives
/// when this is the first part with a bad value: its line, column, offset and path are the
/// whole document's.
pub fn decode_part(input: &[u8], part: &Part) -> Result<Document, DecodeError> {
    decode::part(input, part)
}

/// A cursor checking the shape around the resources.
struct Scan<'a> {
    input: &'a [u8],
    pos: usize,
}

impl Scan<'_> {
    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.input.get(self.pos) {
            self.pos += 1;
        }
    }

    /// The next significant byte.
    fn peek(&mut self) -> Option<u8> {
        self.skip_whitespace();
        self.input.get(self.pos).copied()
    }

    /// Consumes `byte` as the next significant byte.
    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.pos += 1)
    }

    /// Skips the object or array starting at the cursor, strings and nesting followed (not
    /// checked: decoding checks it); the offset just after its closing bracket.
    fn skip_container(&mut self) -> Option<usize> {
        let mut depth = 0usize;
        let mut bytes = self.input.get(self.pos..)?.iter().enumerate();
        while let Some((i, &b)) = bytes.next() {
            match b {
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth -= 1;
                    if depth == 0 {
                        self.pos += i + 1;
                        return Some(self.pos);
                    }
                }
                b'"' => loop {
                    match bytes.next()? {
                        (_, b'"') => break,
                        (_, b'\\') => {
                            bytes.next()?;
                        }
                        _ => {}
                    }
                },
                _ => {}
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::json;

    fn parts(text: &str, size: usize) -> Option<Vec<(usize, usize)>> {
        split(text.as_bytes(), size).map(|parts| {
            parts
                .iter()
                .map(|p| (p.first_resource(), p.resources()))
                .collect()
        })
    }

    #[test]
    fn resources_are_grouped_to_the_size_asked() {
        let text = r#" { "resourceSpans" : [ {}, {"schemaUrl":"x}]\"{"} ,{},{} ] } "#;
        assert_eq!(parts(text, 1), Some(vec![(0, 1), (1, 1), (2, 1), (3, 1)]));
        assert_eq!(parts(text, 25), Some(vec![(0, 2), (2, 2)]));
        assert_eq!(parts(text, 1000), None);
    }

    #[test]
    fn other_shapes_stay_whole() {
        for text in [
            r#"{"resourceLogs":[{},{}],"other":1}"#,
            r#"{"other":1,"resourceLogs":[{},{}]}"#,
            r#"{"resource\u004cogs":[{},{}]}"#,
            r#"{"resourceLogs":[{},[]]}"#,
            r#"{"resourceLogs":[{},{}]} x"#,
            r#"{"resourceLogs":[{},{},]}"#,
            r#"{"resourceLogs":[{},{"a":"}]}"#,
            r#"{"resourceLogs":[{"scopeLogs":[}]},{}]}"#,
            r#"{"resourceLogs":null}"#,
            r#"[{"resourceLogs":[{},{}]}]"#,
        ] {
            assert_eq!(parts(text, 1), None, "{text}");
        }
    }

    /// Each part decodes to its resources; the parts together are the whole document.
    #[test]
    fn parts_decode_to_the_whole_document() {
        let text = r#"{"resource_metrics":[
            {"resource":{"attributes":[{"key":"a","value":{"intValue":"1"}}]}},
            {"scopeMetrics":[{"metrics":[{"name":"m","gauge":{"dataPoints":[{"asDouble":1.5}]}}]}]},
            {"schemaUrl":"s"}]}"#;
        let whole = json::decode(text.as_bytes()).unwrap();
        let mut joined = Vec::new();
        for part in split(text.as_bytes(), 1).unwrap() {
            assert_eq!(part.signal(), Signal::Metrics);
            let Document::Metrics(metrics) = decode_part(text.as_bytes(), &part).unwrap() else {
                panic!("a metrics part");
            };
            joined.extend(metrics.resource_metrics);
        }
        assert_eq!(
            Document::Metrics(crate::model::Metrics {
                resource_metrics: joined
            }),
            whole
        );
    }

    /// The first bad part fails as the whole document does.
    #[test]
    fn errors_are_the_whole_documents() {
        let bad_values = [
            r#"{"scopeLogs":[{"logRecords":[{"timeUnixNano":true}]}]}"#,
            r#"{"scopeLogs":[{"logRecords":[{"traceId":"zz"}]}]}"#,
            "{\"scopeLogs\":[{\"logRecords\":[{\"body\":{\"stringValue\":\"\n\"}}]}]}",
            r#"{"scopeLogs":[{"logRecords":[{"body":{"stringValue":"é" x}}]}]}"#,
            r#"{"resource":{"attributes":[{"key":"k","value":{"kvlistValue":{"values":[[]]}}}]}}"#,
        ];
        for bad in bad_values {
            for at in 0..3 {
                let mut resources = ["{\n  \"schemaUrl\": \"é\"\n}"; 3];
                resources[at] = bad;
                let text = format!(
                    "{{\n \"resource_logs\": [\n{}\n]\n}}",
                    resources.join(",\n")
                );
                let whole = json::decode(text.as_bytes()).unwrap_err();
                let parts = split(text.as_bytes(), 1).expect("three parts");
                let first_error = parts
                    .iter()
                    .find_map(|part| decode_part(text.as_bytes(), part).err())
                    .expect("a part fails");
                assert_eq!(first_error, whole, "{text}");
            }
        }
    }

    #[test]
    fn nesting_is_limited_as_in_the_whole_document() {
        let deep = format!(
            "{{\"resourceLogs\":[{{}},{{\"x\":{}1{}}}]}}",
            "[".repeat(json::MAX_DEPTH),
            "]".repeat(json::MAX_DEPTH)
        );
        let whole = json::decode(deep.as_bytes()).unwrap_err();
        let parts = split(deep.as_bytes(), 1).expect("two parts");
        assert_eq!(decode_part(deep.as_bytes(), &parts[1]).unwrap_err(), whole);
    }
}
