//! Documents from a byte stream: one OTLP/JSON document, or JSON Lines (one document per line,
//! as the collector's `file` exporter writes and its `otlpjsonfile` receiver reads).
//!
//! [`Documents`] yields the documents of a [`BufRead`] one at a time, so JSON Lines input of
//! any size is decoded with the memory of its longest line. Without a [`Format`] it decides from
//! the content: a first line that is a whole document makes the input JSON Lines (a single-line
//! document reads the same either way); a first line that ends inside a document makes it one
//! (multi-line) OTLP/JSON document.
//!
//! ```
//! use ottl_core::model::stream::{Documents, Format};
//!
//! let input = b"{\"resourceLogs\":[]}\n{\"resourceSpans\":[]}\n";
//! let mut documents = Documents::new(&input[..], None);
//! assert_eq!(documents.next().unwrap()?.envelope_field(), "resourceLogs");
//! assert_eq!(documents.next().unwrap()?.envelope_field(), "resourceSpans");
//! assert!(documents.next().is_none());
//! assert_eq!(documents.format(), Some(Format::JsonLines));
//! # Ok::<(), ottl_core::model::stream::ReadError>(())
//! ```

use std::fmt;
use std::io::{self, BufRead};

use super::json::{self, DecodeError, DecodeErrorKind, Document};

/// The largest line buffer kept from one line to the next.
const KEPT_LINE_CAPACITY: usize = 4 << 20;

/// How documents are laid out in a stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One OTLP/JSON document (compact or indented).
    Json,
    /// One compact OTLP/JSON document per line; blank lines are skipped.
    JsonLines,
}

impl Format {
    /// The format a file name's extension names (`.json`, `.jsonl`, also under `.gz`/`.zst`),
    /// if any.
    pub fn from_file_name(name: &str) -> Option<Self> {
        let name = name.to_ascii_lowercase();
        let stem = [".gz", ".zst", ".zstd"]
            .iter()
            .find_map(|suffix| name.strip_suffix(suffix))
            .unwrap_or(&name);
        if stem.ends_with(".jsonl") || stem.ends_with(".ndjson") {
            Some(Self::JsonLines)
        } else if stem.ends_with(".json") {
            Some(Self::Json)
        } else {
            None
        }
    }
}

/// What the first bytes of a stream look like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sniffed {
    /// Text that starts like JSON (`{` after any whitespace), or nothing yet.
    Json,
    /// gzip-compressed data.
    Gzip,
    /// zstd-compressed data.
    Zstd,
    /// A binary OTLP protobuf message (`LogsData`, `TracesData`, `MetricsData` or an export
    /// request), single or length-delimited.
    Protobuf,
    /// Something else.
    Unknown,
}

impl Sniffed {
    /// Looks at the first bytes of a stream (a few dozen are plenty).
    pub fn of(prefix: &[u8]) -> Self {
        match prefix {
            [0x1f, 0x8b, ..] => return Self::Gzip,
            [0x28, 0xb5, 0x2f, 0xfd, ..] => return Self::Zstd,
            _ => {}
        }
        match prefix.iter().find(|b| !b.is_ascii_whitespace()) {
            None | Some(b'{') => Self::Json,
            Some(_) if looks_like_protobuf(prefix) => Self::Protobuf,
            Some(_) => Self::Unknown,
        }
    }
}

/// Whether `prefix` starts like an OTLP envelope message: field 1 (the resource list),
/// length-delimited, holding a resource-level message that starts with one of its fields 1–3;
/// or a length followed by that: a varint (protobuf's delimited stream) or four big-endian
/// bytes (the collector's `file` exporter with `format: proto`).
fn looks_like_protobuf(prefix: &[u8]) -> bool {
    fn envelope(bytes: &[u8]) -> bool {
        match bytes.split_first() {
            Some((0x0a, rest)) => match varint(rest) {
                Some((_, rest)) => matches!(rest.first(), None | Some(0x0a | 0x12 | 0x1a)),
                None => rest.len() < 10,
            },
            _ => false,
        }
    }
    envelope(prefix)
        || varint(prefix).is_some_and(|(_, rest)| envelope(rest))
        || prefix.get(4..).is_some_and(envelope)
}

/// A protobuf varint at the start of `bytes` and what follows it.
fn varint(bytes: &[u8]) -> Option<(u64, &[u8])> {
    let mut value = 0u64;
    for (i, &b) in bytes.iter().enumerate().take(10) {
        value |= u64::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            return Some((value, &bytes[i + 1..]));
        }
    }
    None
}

/// Why the next document could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The stream failed.
    Io(io::Error),
    /// A document is not valid OTLP/JSON; for JSON Lines, its line and offset are those of the
    /// whole stream.
    Decode(DecodeError),
    /// The stream is not JSON at all but looks like something else.
    NotJson(Sniffed),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Io(error) => write!(f, "{error}"),
            Self::Decode(error) => write!(f, "{error}"),
            Self::NotJson(Sniffed::Protobuf) => {
                f.write_str("not OTLP/JSON: this looks like OTLP protobuf")
            }
            Self::NotJson(Sniffed::Gzip) => f.write_str("not OTLP/JSON: this looks like gzip"),
            Self::NotJson(Sniffed::Zstd) => f.write_str("not OTLP/JSON: this looks like zstd"),
            Self::NotJson(_) => f.write_str("not OTLP/JSON: the input does not start with `{`"),
        }
    }
}

impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Io(error) => Some(error),
            Self::Decode(error) => Some(error),
            Self::NotJson(_) => None,
        }
    }
}

impl From<io::Error> for ReadError {
    fn from(error: io::Error) -> Self {
        Self::Io(error)
    }
}

/// The documents of a stream, one at a time (see the [module](self) documentation).
#[derive(Debug)]
pub struct Documents<R> {
    reader: R,
    format: Option<Format>,
    /// The current line (or the whole document), reused from line to line.
    buffer: Vec<u8>,
    /// Lines read so far.
    line: usize,
    /// Bytes read so far.
    offset: usize,
    done: bool,
}

impl<R: BufRead> Documents<R> {
    /// Reads `reader` as `format`, or decides from the content when `None`.
    pub fn new(reader: R, format: Option<Format>) -> Self {
        Self {
            reader,
            format,
            buffer: Vec::new(),
            line: 0,
            offset: 0,
            done: false,
        }
    }

    /// The format: the one given, or once the first document is read, the one found.
    pub fn format(&self) -> Option<Format> {
        self.format
    }

    /// The next non-blank line into the buffer, with its 1-based number and byte offset;
    /// `None` at the end of the stream.
    fn next_line(&mut self) -> io::Result<Option<(usize, usize)>> {
        loop {
            self.buffer.clear();
            let read = self.reader.read_until(b'\n', &mut self.buffer)?;
            if read == 0 {
                return Ok(None);
            }
            self.line += 1;
            let start = self.offset;
            self.offset += read;
            if !self.buffer.iter().all(u8::is_ascii_whitespace) {
                return Ok(Some((self.line, start)));
            }
        }
    }

    /// Decodes the line in the buffer, placing errors on the stream's lines. The model now
    /// holds the line: a buffer grown far past a typical line is released, so a huge line's
    /// text does not stay alive while its document runs and is written.
    fn decode_line(&mut self, line: usize, start: usize) -> Result<Document, ReadError> {
        let decoded = json::decode(&self.buffer).map_err(|mut error| {
            error.line += line - 1;
            error.offset += start;
            ReadError::Decode(error)
        });
        if decoded.is_ok() && self.buffer.capacity() > KEPT_LINE_CAPACITY {
            self.buffer = Vec::new();
        }
        decoded
    }

    fn read(&mut self) -> Result<Option<Document>, ReadError> {
        if self.offset == 0 {
            self.check_json()?;
        }
        match self.format {
            Some(Format::JsonLines) => match self.next_line()? {
                Some((line, start)) => self.decode_line(line, start).map(Some),
                None => Ok(None),
            },
            Some(Format::Json) => {
                self.buffer.clear();
                self.reader.read_to_end(&mut self.buffer)?;
                self.done = true;
                let document = json::decode(&self.buffer).map_err(ReadError::Decode)?;
                self.buffer = Vec::new();
                Ok(Some(document))
            }
            None => {
                let Some((line, start)) = self.next_line()? else {
                    return Ok(None);
                };
                match self.decode_line(line, start) {
                    Ok(document) => {
                        self.format = Some(Format::JsonLines);
                        Ok(Some(document))
                    }
                    Err(ReadError::Decode(error))
                        if error.kind == DecodeErrorKind::UnexpectedEnd =>
                    {
                        // The first line ends inside a document: one indented document. Blank
                        // lines before it stay in, so errors name the file's own lines.
                        let mut whole = vec![b'\n'; line - 1];
                        whole.append(&mut self.buffer);
                        self.reader.read_to_end(&mut whole)?;
                        self.done = true;
                        self.format = Some(Format::Json);
                        json::decode(&whole).map(Some).map_err(ReadError::Decode)
                    }
                    Err(error) => Err(error),
                }
            }
        }
    }

    /// Fails early, saying what the input looks like, when the stream does not start as JSON.
    fn check_json(&mut self) -> Result<(), ReadError> {
        let buffered = self.reader.fill_buf()?;
        match Sniffed::of(&buffered[..buffered.len().min(64)]) {
            Sniffed::Json => Ok(()),
            other => Err(ReadError::NotJson(other)),
        }
    }
}

impl<R: BufRead> Iterator for Documents<R> {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let result = self.read();
        // After an error the stream's position is unknown: stop there.
        if !matches!(result, Ok(Some(_))) || self.format == Some(Format::Json) {
            self.done = true;
        }
        result.transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(
        input: &str,
        format: Option<Format>,
    ) -> (Vec<Result<Document, String>>, Option<Format>) {
        let mut documents = Documents::new(input.as_bytes(), format);
        let all = documents
            .by_ref()
            .map(|result| result.map_err(|error| error.to_string()))
            .collect();
        (all, documents.format())
    }

    #[test]
    fn lines_are_documents_and_blank_lines_are_skipped() {
        let (all, format) = read("{\"resourceLogs\":[]}\n\n{\"resourceSpans\":[]}\r\n", None);
        assert_eq!(all.len(), 2);
        assert!(all.iter().all(Result::is_ok));
        assert_eq!(format, Some(Format::JsonLines));
    }

    #[test]
    fn an_indented_document_is_one_document() {
        let (all, format) = read("\n{\n  \"resourceLogs\": []\n}\n", None);
        assert_eq!(all.len(), 1);
        assert!(all[0].is_ok());
        assert_eq!(format, Some(Format::Json));
    }

    #[test]
    fn errors_name_the_line_of_the_stream() {
        let (all, _) = read(
            "{\"resourceLogs\":[]}\n{\"resourceLogs\":[]}\n{\"resourceLogs\":[}\n",
            None,
        );
        assert_eq!(all.len(), 3);
        let error = all[2].as_ref().unwrap_err();
        assert!(error.ends_with("at line 3 column 18"), "{error}");
        let (all, _) = read("\n\n{\n \"resourceLogs\": [}\n", None);
        let error = all[0].as_ref().unwrap_err();
        assert!(error.ends_with("at line 4 column 19"), "{error}");
    }

    #[test]
    fn json_format_refuses_a_second_document() {
        let (all, _) = read(
            "{\"resourceLogs\":[]}\n{\"resourceLogs\":[]}\n",
            Some(Format::Json),
        );
        let error = all[0].as_ref().unwrap_err();
        assert!(error.starts_with("trailing characters"), "{error}");
    }

    #[test]
    fn protobuf_and_compressed_input_are_named() {
        // LogsData { resource_logs: [ResourceLogs { resource: {} }] }
        let proto = [0x0a, 0x02, 0x0a, 0x00];
        assert_eq!(Sniffed::of(&proto), Sniffed::Protobuf);
        // The same, length-delimited.
        assert_eq!(
            Sniffed::of(&[0x04, 0x0a, 0x02, 0x0a, 0x00]),
            Sniffed::Protobuf
        );
        assert_eq!(Sniffed::of(&[0x1f, 0x8b, 8]), Sniffed::Gzip);
        assert_eq!(Sniffed::of(&[0x28, 0xb5, 0x2f, 0xfd]), Sniffed::Zstd);
        assert_eq!(Sniffed::of(b"  {"), Sniffed::Json);
        let mut documents = Documents::new(&proto[..], None);
        let error = documents.next().map(|r| r.map_err(|e| e.to_string()));
        assert_eq!(
            error,
            Some(Err(
                "not OTLP/JSON: this looks like OTLP protobuf".to_owned()
            ))
        );
    }

    #[test]
    fn file_names_name_formats() {
        assert_eq!(Format::from_file_name("x.jsonl"), Some(Format::JsonLines));
        assert_eq!(
            Format::from_file_name("x.JSONL.gz"),
            Some(Format::JsonLines)
        );
        assert_eq!(Format::from_file_name("x.json.zst"), Some(Format::Json));
        assert_eq!(Format::from_file_name("x.bin"), None);
    }
}
