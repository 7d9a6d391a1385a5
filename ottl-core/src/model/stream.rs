//! Documents from a byte stream: one OTLP/JSON document; JSON Lines (one document per line,
//! as the collector's `file` exporter writes and its `otlpjsonfile` receiver reads); one OTLP
//! protobuf message; or a stream of protobuf messages, each preceded by its length as four
//! big-endian bytes (the `file` exporter with `format: proto`) or as a varint (protobuf's own
//! delimited stream).
//!
//! [`Documents`] yields the documents of a [`BufRead`] one at a time, so JSON Lines and
//! delimited protobuf input of any size is decoded with the memory of its largest document.
//! With [`Documents::split_resources`], a large OTLP/JSON document (or line) or protobuf
//! message comes as parts of whole resources, each decoded on its own.
//! Without a [`Format`] it decides from the content: JSON starts with `{`; a first line that is
//! a whole document makes the input JSON Lines (a single-line document reads the same either
//! way); a first line that ends inside a document makes it one (multi-line) OTLP/JSON document.
//! Protobuf starts with the envelope's field 1 (one message) or with a length and then that
//! (a delimited stream); which signal a message holds is told from its records
//! ([`proto::decode`]).
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
use std::io::{self, BufRead, Read};
use std::sync::Arc;

use super::json::{self, DecodeError, DecodeErrorKind, Document};
use super::proto;
use crate::context::Signal;

/// The largest line buffer kept from one line to the next.
const KEPT_LINE_CAPACITY: usize = 4 << 20;

/// The most room reserved for a protobuf message before its bytes arrive, so a corrupt length
/// costs no huge allocation.
const MESSAGE_ROOM: usize = 4 << 20;

/// How documents are laid out in a stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One OTLP/JSON document (compact or indented).
    Json,
    /// One compact OTLP/JSON document per line; blank lines are skipped.
    JsonLines,
    /// One OTLP protobuf message. Given to [`Documents::new`], it stands for protobuf in any
    /// of the three layouts, found from the first bytes.
    Protobuf,
    /// Protobuf messages, each preceded by its length as a big-endian `u32` (the collector's
    /// `file` exporter with `format: proto`).
    ProtobufDelimited,
    /// Protobuf messages, each preceded by its length as a varint (protobuf's
    /// `writeDelimitedTo`).
    ProtobufVarint,
}

impl Format {
    /// The format a file name's extension names (`.json`, `.jsonl`, `.pb`/`.binpb`/`.protobuf`,
    /// also under `.gz`/`.zst`), if any.
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
        } else if [".pb", ".binpb", ".protobuf"]
            .iter()
            .any(|suffix| stem.ends_with(suffix))
        {
            Some(Self::Protobuf)
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
            Some(_) if protobuf_layout(prefix).is_some() => Self::Protobuf,
            Some(_) => Self::Unknown,
        }
    }
}

/// Whether `bytes` start like an OTLP envelope message: field 1 (the resource list),
/// length-delimited, holding a resource-level message that starts with one of its fields 1–3.
fn envelope(bytes: &[u8]) -> bool {
    match bytes.split_first() {
        Some((0x0a, rest)) => match varint(rest) {
            Some((_, rest)) => matches!(rest.first(), None | Some(0x0a | 0x12 | 0x1a)),
            None => rest.len() < 10,
        },
        _ => false,
    }
}

/// The protobuf layout `prefix` starts like: an envelope (one message); a length then an
/// envelope, as four big-endian bytes (the `file` exporter) or as a varint. A stream starting
/// with an empty message (a zero length) counts as delimited.
fn protobuf_layout(prefix: &[u8]) -> Option<Format> {
    let four = |prefix: &[u8]| {
        let len = prefix.get(..4)?;
        Some(len == [0; 4] || prefix.get(4..).is_some_and(envelope))
    };
    // A message under 16 MiB has a four-byte length starting with zero, which no message and
    // no varint length of a non-empty message starts with; a longer one is tried last.
    if prefix.first() == Some(&0) && four(prefix) == Some(true) {
        Some(Format::ProtobufDelimited)
    } else if envelope(prefix) {
        Some(Format::Protobuf)
    } else if varint(prefix).is_some_and(|(len, rest)| len == 0 || envelope(rest)) {
        Some(Format::ProtobufVarint)
    } else if four(prefix) == Some(true) {
        Some(Format::ProtobufDelimited)
    } else {
        None
    }
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
    /// The stream was to be protobuf but looks like something else.
    NotProtobuf(Sniffed),
    /// A protobuf message is not valid OTLP; the error's offset is that of the whole stream.
    Protobuf {
        /// The message's 1-based number in the stream.
        document: usize,
        /// What was wrong.
        error: proto::DecodeError,
    },
    /// A delimited protobuf stream ends inside a length prefix or a message.
    Truncated {
        /// The 1-based number of the message cut short.
        document: usize,
        /// The byte offset of its length prefix in the stream.
        offset: usize,
        /// The bytes its prefix announces (`None` if the prefix itself is cut short).
        expected: Option<u64>,
        /// The bytes left in the stream after the prefix.
        found: usize,
    },
    /// A delimited message is compressed on its own (the `file` exporter's legacy per-message
    /// compression), which this reader does not undo.
    CompressedMessage {
        /// The message's 1-based number.
        document: usize,
        /// The byte offset of its length prefix in the stream.
        offset: usize,
    },
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
            Self::NotProtobuf(Sniffed::Json) => {
                f.write_str("not OTLP protobuf: this looks like OTLP/JSON")
            }
            Self::NotProtobuf(Sniffed::Gzip) => {
                f.write_str("not OTLP protobuf: this looks like gzip")
            }
            Self::NotProtobuf(Sniffed::Zstd) => {
                f.write_str("not OTLP protobuf: this looks like zstd")
            }
            Self::NotProtobuf(_) => f.write_str(
                "not OTLP protobuf: the input does not start with a LogsData, TracesData or \
                 MetricsData message or its length",
            ),
            Self::Protobuf { document, error } => write!(f, "document {document}: {error}"),
            Self::Truncated {
                document,
                offset,
                expected: Some(expected),
                found,
            } => write!(
                f,
                "truncated stream: document {document} (its length at byte {offset}) has \
                 {expected} bytes, the stream ends {found} bytes after its length"
            ),
            Self::Truncated {
                document, offset, ..
            } => write!(
                f,
                "truncated stream: the length of document {document} at byte {offset} is cut short"
            ),
            Self::CompressedMessage { document, offset } => write!(
                f,
                "document {document} (its length at byte {offset}) is zstd-compressed on its \
                 own (the file exporter's legacy `compression`); decompress it first"
            ),
        }
    }
}

impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Io(error) => Some(error),
            Self::Decode(error) => Some(error),
            Self::Protobuf { error, .. } => Some(error),
            _ => None,
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
    /// Documents read so far.
    documents: usize,
    /// The signal of the last protobuf message: an ambiguous one (no records) reads as it.
    signal: Signal,
    /// The size of the parts a large document is cut into, if it is.
    part_size: Option<usize>,
    /// The signals whose documents are cut.
    cut_signals: Vec<Signal>,
    /// The parts of the document being read, when it was cut.
    parts: Option<Parts>,
    started: bool,
    done: bool,
}

/// The parts of a cut document still to hand out.
#[derive(Debug)]
struct Parts {
    input: Arc<Vec<u8>>,
    left: std::iter::Peekable<std::vec::IntoIter<Cut>>,
    index: usize,
}

/// A part of a cut document, and where the document is in the stream.
#[derive(Debug)]
enum Cut {
    /// Of an OTLP/JSON document starting at this 1-based line and byte offset.
    Json {
        part: json::Part,
        line: usize,
        start: usize,
    },
    /// Of protobuf message `document`, whose body starts at byte `body`.
    Proto {
        part: proto::Part,
        document: usize,
        body: usize,
        signal: Signal,
    },
}

impl Cut {
    fn first_resource(&self) -> usize {
        match self {
            Cut::Json { part, .. } => part.first_resource(),
            Cut::Proto { part, .. } => part.first_resource(),
        }
    }

    fn len(&self) -> usize {
        match self {
            Cut::Json { part, .. } => part.len(),
            Cut::Proto { part, .. } => part.len(),
        }
    }

    /// Decodes the part of `input`, placing errors in the whole stream.
    fn decode(self, input: &[u8]) -> Result<Document, ReadError> {
        match self {
            Cut::Json { part, line, start } => json::decode_part(input, &part)
                .map_err(|error| ReadError::Decode(placed(error, line, start))),
            Cut::Proto {
                part,
                document,
                body,
                signal,
            } => proto::decode_part(input, &part, signal).map_err(|mut error| {
                error.offset += body;
                ReadError::Protobuf { document, error }
            }),
        }
    }
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
            documents: 0,
            signal: Signal::Logs,
            part_size: None,
            cut_signals: Signal::ALL.to_vec(),
            parts: None,
            started: false,
            done: false,
        }
    }

    /// Cuts a large document — an OTLP/JSON document or line, or a protobuf message — into
    /// parts of whole resources, each of about `size` bytes, read one after another as
    /// documents of their own: the parts can be run and encoded on their own, on any thread,
    /// and hold a part's memory instead of the whole document's model. [`Frame::piece`] says
    /// where a frame stands in its document. A JSON document is cut only if it is a bare
    /// envelope (one signal's resource list and no other field, [`json::split`]); a protobuf
    /// message if its top-level fields are well formed ([`proto::split`]). Decoding errors
    /// are the whole document's.
    ///
    /// ```
    /// use ottl_core::model::stream::Documents;
    ///
    /// let input = br#"{"resourceSpans": [{"schemaUrl": "a"}, {"schemaUrl": "b"}]}"#;
    /// let mut documents = Documents::new(&input[..], None).split_resources(1);
    /// let first = documents.next_frame().unwrap()?;
    /// assert_eq!(first.piece().map(|p| (p.index, p.last)), Some((0, false)));
    /// let second = documents.next_frame().unwrap()?;
    /// assert_eq!(second.piece().map(|p| (p.first_resource, p.last)), Some((1, true)));
    /// assert!(documents.next_frame().is_none());
    /// # Ok::<(), ottl_core::model::stream::ReadError>(())
    /// ```
    pub fn split_resources(mut self, size: usize) -> Self {
        self.part_size = Some(size);
        self
    }

    /// Cuts ([`Documents::split_resources`]) only documents of `signals` (every signal's by
    /// default).
    pub fn split_signals(mut self, signals: &[Signal]) -> Self {
        self.cut_signals = signals.to_vec();
        self
    }

    /// The format: the one given, or once the first document is read, the one found (for
    /// [`Format::Protobuf`] given, the protobuf layout found).
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

    /// Reads the next document's bytes into the buffer and says how to decode them; a
    /// document decoded already while finding the format comes back decoded.
    fn read(&mut self) -> Result<Option<Raw>, ReadError> {
        if !self.started {
            self.started = true;
            self.check_start()?;
        }
        match self.format {
            Some(Format::Protobuf) => {
                self.buffer.clear();
                self.reader.read_to_end(&mut self.buffer)?;
                self.done = true;
                if self.buffer.is_empty() {
                    return Ok(None);
                }
                let message = self.message(0);
                Ok(Some(self.cut_message(message)))
            }
            Some(Format::ProtobufDelimited) => {
                let start = self.offset;
                let mut prefix = [0; 4];
                let read = read_up_to(&mut self.reader, &mut prefix)?;
                self.offset += read;
                match read {
                    0 => Ok(None),
                    4 => self
                        .read_message(u64::from(u32::from_be_bytes(prefix)), start)
                        .map(Some),
                    _ => Err(self.truncated(start, None, 0)),
                }
            }
            Some(Format::ProtobufVarint) => {
                let start = self.offset;
                match self.read_varint()? {
                    None => Ok(None),
                    Some(len) => self.read_message(len, start).map(Some),
                }
            }
            Some(Format::JsonLines) => Ok(self
                .next_line()?
                .map(|(line, start)| self.cut(line, start).unwrap_or(Raw::Line { line, start }))),
            Some(Format::Json) => {
                self.buffer.clear();
                self.reader.read_to_end(&mut self.buffer)?;
                self.done = true;
                Ok(Some(self.cut(1, 0).unwrap_or(Raw::Whole)))
            }
            None => {
                let Some((line, start)) = self.next_line()? else {
                    return Ok(None);
                };
                // A line that can be cut is a whole document.
                if let Some(part) = self.cut(line, start) {
                    self.format = Some(Format::JsonLines);
                    return Ok(Some(part));
                }
                match (Raw::Line { line, start }).decode(&self.buffer) {
                    Ok(document) => {
                        self.format = Some(Format::JsonLines);
                        self.release_large_buffer();
                        Ok(Some(Raw::Decoded(document)))
                    }
                    Err(ReadError::Decode(error))
                        if error.kind == DecodeErrorKind::UnexpectedEnd =>
                    {
                        // The first line ends inside a document: one indented document. Blank
                        // lines before it stay in, so errors name the file's own lines.
                        let mut whole = vec![b'\n'; line - 1];
                        whole.append(&mut self.buffer);
                        self.reader.read_to_end(&mut whole)?;
                        self.buffer = whole;
                        self.done = true;
                        self.format = Some(Format::Json);
                        Ok(Some(self.cut(1, 0).unwrap_or(Raw::Whole)))
                    }
                    Err(error) => Err(error),
                }
            }
        }
    }

    /// The next document as its bytes, not decoded: [`Frame::decode`] decodes it, on any
    /// thread. A reader hands frames to workers that decode and run them in parallel; the
    /// [`Iterator`] decodes each as it reads it. `None` at the end of the stream.
    pub fn next_frame(&mut self) -> Option<Result<Frame, ReadError>> {
        if let Some(raw) = self.next_part() {
            return Some(Ok(Frame {
                bytes: Vec::new(),
                raw,
            }));
        }
        if self.done {
            return None;
        }
        let result = self.read().map(|raw| {
            raw.map(|raw| Frame {
                bytes: match raw {
                    Raw::Decoded(_) | Raw::Part { .. } => Vec::new(),
                    _ => std::mem::take(&mut self.buffer),
                },
                raw,
            })
        });
        self.stop_after(result.as_ref().map(Option::is_some));
        result.transpose()
    }

    /// The next part of a cut document: the document just read (cut now, if it is to be and
    /// can be), or the one being handed out.
    fn next_part(&mut self) -> Option<Raw> {
        let parts = self.parts.as_mut()?;
        let cut = parts.left.next()?;
        let raw = Raw::Part {
            input: Arc::clone(&parts.input),
            piece: Piece {
                index: parts.index,
                first_resource: cut.first_resource(),
                last: parts.left.peek().is_none(),
            },
            cut,
        };
        parts.index += 1;
        Some(raw)
    }

    /// Cuts the OTLP/JSON document in the buffer into parts when asked to and it can be: the
    /// parts' first comes back. `line` and `start` place the buffer in the stream (a line of
    /// JSON Lines), for errors.
    fn cut(&mut self, line: usize, start: usize) -> Option<Raw> {
        let size = self.large_enough()?;
        let parts = json::split(&self.buffer, size)?;
        if !self.cut_signals.contains(&parts.first()?.signal()) {
            return None;
        }
        let cuts = parts
            .into_iter()
            .map(|part| Cut::Json { part, line, start });
        self.hand_out(cuts.collect())
    }

    /// Cuts the protobuf message `raw` (a [`Raw::Message`]) in the buffer into parts when
    /// asked to and it can be; else `raw` comes back as it is.
    fn cut_message(&mut self, raw: Raw) -> Raw {
        let Raw::Message {
            document,
            body,
            signal,
        } = raw
        else {
            return raw;
        };
        let cuts = self
            .large_enough()
            .filter(|_| self.cut_signals.contains(&signal))
            .and_then(|size| proto::split(&self.buffer, size));
        let Some(parts) = cuts else {
            return raw;
        };
        let cuts = parts.into_iter().map(|part| Cut::Proto {
            part,
            document,
            body,
            signal,
        });
        self.hand_out(cuts.collect()).unwrap_or(raw)
    }

    /// The part size, when cutting is asked for and the buffer holds at least two parts.
    fn large_enough(&self) -> Option<usize> {
        self.part_size
            .filter(|&size| self.buffer.len() >= size.saturating_mul(2))
    }

    /// Hands out `cuts` of the buffer's document from now on: the first comes back.
    fn hand_out(&mut self, cuts: Vec<Cut>) -> Option<Raw> {
        let mut input = std::mem::take(&mut self.buffer);
        // Held until the last part is decoded: room to spare would be memory held for nothing.
        input.shrink_to_fit();
        self.parts = Some(Parts {
            input: Arc::new(input),
            left: cuts.into_iter().peekable(),
            index: 0,
        });
        self.next_part()
    }

    /// After an error, the end, or a format that holds one document, there is nothing more:
    /// after an error the stream's position is unknown.
    fn stop_after(&mut self, read: Result<bool, &ReadError>) {
        if !matches!(read, Ok(true)) || matches!(self.format, Some(Format::Json | Format::Protobuf))
        {
            self.done = true;
        }
    }

    /// The model now holds the buffer's document: a buffer grown far past a typical line is
    /// released, so a huge line's text does not stay alive while its document runs.
    fn release_large_buffer(&mut self) {
        if self.buffer.capacity() > KEPT_LINE_CAPACITY {
            self.buffer = Vec::new();
        }
    }

    /// Fails early, saying what the input looks like, when the stream does not start as the
    /// format given; with none given, or protobuf in any layout, finds the format.
    fn check_start(&mut self) -> Result<(), ReadError> {
        let buffered = self.reader.fill_buf()?;
        let prefix = &buffered[..buffered.len().min(64)];
        let sniffed = Sniffed::of(prefix);
        let layout = protobuf_layout(prefix);
        // What protobuf input cannot be: text starting like JSON, or compressed data.
        let not_protobuf =
            !prefix.is_empty() && (sniffed != Sniffed::Protobuf && sniffed != Sniffed::Unknown);
        match self.format {
            Some(Format::Json | Format::JsonLines) if sniffed != Sniffed::Json => {
                Err(ReadError::NotJson(sniffed))
            }
            Some(Format::Json | Format::JsonLines) => Ok(()),
            Some(_) if not_protobuf && layout.is_none() => Err(ReadError::NotProtobuf(sniffed)),
            Some(Format::Protobuf) => {
                self.format = layout.or(self.format);
                Ok(())
            }
            Some(_) => Ok(()),
            None => match sniffed {
                Sniffed::Json => Ok(()),
                Sniffed::Protobuf => {
                    self.format = layout;
                    Ok(())
                }
                other => Err(ReadError::NotJson(other)),
            },
        }
    }

    /// A varint length prefix; `None` at the end of the stream.
    fn read_varint(&mut self) -> Result<Option<u64>, ReadError> {
        let start = self.offset;
        let mut value = 0u64;
        for shift in (0..70).step_by(7) {
            let mut byte = [0];
            if read_up_to(&mut self.reader, &mut byte)? == 0 {
                return match shift {
                    0 => Ok(None),
                    _ => Err(self.truncated(start, None, 0)),
                };
            }
            self.offset += 1;
            value |= u64::from(byte[0] & 0x7f).checked_shl(shift).unwrap_or(0);
            if byte[0] & 0x80 == 0 {
                return Ok(Some(value));
            }
        }
        let error = proto::DecodeError {
            offset: start,
            message: "length prefix",
            kind: proto::DecodeErrorKind::VarintOverflow,
        };
        Err(ReadError::Protobuf {
            document: self.documents + 1,
            error,
        })
    }

    /// The error for a stream cut short in the document whose prefix starts at `start`.
    fn truncated(&self, start: usize, expected: Option<u64>, found: usize) -> ReadError {
        ReadError::Truncated {
            document: self.documents + 1,
            offset: start,
            expected,
            found,
        }
    }

    /// Reads a delimited message of `len` bytes whose prefix starts at `start`. Room for at
    /// most [`MESSAGE_ROOM`] bytes is made first, and the buffer grows as the rest arrive, so a
    /// corrupt length costs no huge allocation.
    fn read_message(&mut self, len: u64, start: usize) -> Result<Raw, ReadError> {
        self.buffer.clear();
        let room = usize::try_from(len).unwrap_or(usize::MAX).min(MESSAGE_ROOM);
        self.buffer.reserve(room);
        let read = (&mut self.reader).take(len).read_to_end(&mut self.buffer)?;
        let body = self.offset;
        self.offset += read;
        if (read as u64) < len {
            return Err(self.truncated(start, Some(len), read));
        }
        if self.buffer.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            return Err(ReadError::CompressedMessage {
                document: self.documents + 1,
                offset: start,
            });
        }
        let message = self.message(body);
        Ok(self.cut_message(message))
    }

    /// The protobuf message in the buffer, which starts at byte `body` of the stream: numbered,
    /// and its signal told (an ambiguous one, without records, reads as the one before).
    fn message(&mut self, body: usize) -> Raw {
        self.documents += 1;
        self.signal = proto::infer_signal(&self.buffer, self.signal);
        Raw::Message {
            document: self.documents,
            body,
            signal: self.signal,
        }
    }
}

/// How to decode the bytes of one document, and where they were in the stream.
#[derive(Debug)]
enum Raw {
    /// A line of JSON Lines: its 1-based number and byte offset.
    Line { line: usize, start: usize },
    /// A whole OTLP/JSON document.
    Whole,
    /// A protobuf message: its 1-based number, the byte offset of its body, its signal.
    Message {
        document: usize,
        body: usize,
        signal: Signal,
    },
    /// Decoded already (the first line, read to find the format).
    Decoded(Document),
    /// A part of a cut document, in the whole document's bytes.
    Part {
        input: Arc<Vec<u8>>,
        cut: Cut,
        piece: Piece,
    },
}

/// Where a frame stands in the document it is a part of ([`Documents::split_resources`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    /// The part's 0-based number in its document.
    pub index: usize,
    /// The 0-based number, in the whole document, of the part's first resource.
    pub first_resource: usize,
    /// Whether it is the document's last part.
    pub last: bool,
}

impl Raw {
    /// Decodes `bytes`, placing errors in the whole stream.
    fn decode(self, bytes: &[u8]) -> Result<Document, ReadError> {
        match self {
            Raw::Line { line, start } => {
                json::decode(bytes).map_err(|error| ReadError::Decode(placed(error, line, start)))
            }
            Raw::Whole => json::decode(bytes).map_err(ReadError::Decode),
            Raw::Message {
                document,
                body,
                signal,
            } => proto::decode_as(bytes, signal).map_err(|mut error| {
                error.offset += body;
                ReadError::Protobuf { document, error }
            }),
            Raw::Decoded(document) => Ok(document),
            Raw::Part { input, cut, .. } => cut.decode(&input),
        }
    }
}

/// `error` in a document that starts at this 1-based line and byte offset of the stream.
fn placed(mut error: DecodeError, line: usize, start: usize) -> DecodeError {
    error.line += line - 1;
    error.offset += start;
    error
}

/// One document's bytes as read from the stream, not decoded yet
/// ([`Documents::next_frame`]).
#[derive(Debug)]
pub struct Frame {
    bytes: Vec<u8>,
    raw: Raw,
}

impl Frame {
    /// Decodes the document; errors say where it was in the stream.
    pub fn decode(self) -> Result<Document, ReadError> {
        self.raw.decode(&self.bytes)
    }

    /// The bytes read for the document, or for the part (empty when it was decoded while
    /// finding the format).
    pub fn len(&self) -> usize {
        match &self.raw {
            Raw::Part { cut, .. } => cut.len(),
            _ => self.bytes.len(),
        }
    }

    /// Whether no bytes are held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Where the frame stands in its document, when it is a part of a cut one.
    pub fn piece(&self) -> Option<Piece> {
        match &self.raw {
            Raw::Part { piece, .. } => Some(*piece),
            _ => None,
        }
    }
}

/// Reads until `buf` is full or the stream ends; the bytes read.
fn read_up_to(reader: &mut impl BufRead, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    Ok(filled)
}

impl<R: BufRead> Iterator for Documents<R> {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(part) = self.next_part() {
            let document = part.decode(&[]);
            if document.is_err() {
                // As after any error, nothing more is read.
                self.parts = None;
                self.done = true;
            }
            return Some(document);
        }
        if self.done {
            return None;
        }
        let result = self.read().and_then(|raw| {
            let Some(raw) = raw else {
                return Ok(None);
            };
            let document = raw.decode(&self.buffer);
            if document.is_ok() {
                self.release_large_buffer();
            }
            document.map(Some)
        });
        self.stop_after(result.as_ref().map(Option::is_some));
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
        let (all, _) = read_bytes(&proto, Some(Format::Json));
        assert_eq!(
            all,
            [Err(
                "not OTLP/JSON: this looks like OTLP protobuf".to_owned()
            )]
        );
        let (all, _) = read_bytes(b"{\"resourceLogs\":[]}", Some(Format::Protobuf));
        assert_eq!(
            all,
            [Err(
                "not OTLP protobuf: this looks like OTLP/JSON".to_owned()
            )]
        );
    }

    fn read_bytes(
        input: &[u8],
        format: Option<Format>,
    ) -> (Vec<Result<Document, String>>, Option<Format>) {
        let mut documents = Documents::new(input, format);
        let all = documents
            .by_ref()
            .map(|result| result.map_err(|error| error.to_string()))
            .collect();
        (all, documents.format())
    }

    /// `TracesData { resource_spans: [{ scope_spans: [{ spans: [{ status: {} }] }] }] }`.
    const SPANS: [u8; 8] = [0x0a, 0x06, 0x12, 0x04, 0x12, 0x02, 0x7a, 0x00];

    #[test]
    fn protobuf_layouts_are_found() {
        let (all, format) = read_bytes(&SPANS, None);
        assert_eq!(format, Some(Format::Protobuf));
        assert!(matches!(all[..], [Ok(Document::Traces(_))]), "{all:?}");
        let mut delimited = Vec::new();
        let mut varint = Vec::new();
        for _ in 0..3 {
            delimited.extend([0, 0, 0, 8]);
            delimited.extend(SPANS);
            varint.push(8);
            varint.extend(SPANS);
        }
        // An empty message reads as the signal before it.
        delimited.extend([0, 0, 0, 0]);
        for (input, layout) in [
            (&delimited, Format::ProtobufDelimited),
            (&varint, Format::ProtobufVarint),
        ] {
            for given in [None, Some(Format::Protobuf), Some(layout)] {
                let (all, format) = read_bytes(input, given);
                assert_eq!(format, Some(layout));
                assert!(
                    all.iter().all(|d| matches!(d, Ok(Document::Traces(_)))),
                    "{all:?}"
                );
            }
        }
        assert_eq!(read_bytes(b"", Some(Format::Protobuf)).0, []);
    }

    /// What frames decode to, as `read_bytes` reads the iterator's documents.
    fn read_frames(input: &[u8], format: Option<Format>) -> Vec<Result<Document, String>> {
        let mut documents = Documents::new(input, format);
        std::iter::from_fn(|| documents.next_frame())
            .map(|frame| {
                frame
                    .and_then(Frame::decode)
                    .map_err(|error| error.to_string())
            })
            .collect()
    }

    #[test]
    fn frames_decode_to_what_the_iterator_reads() {
        let mut delimited = Vec::new();
        for _ in 0..3 {
            delimited.extend([0, 0, 0, 8]);
            delimited.extend(SPANS);
        }
        let mut truncated = delimited.clone();
        truncated.truncate(truncated.len() - 3);
        let inputs: [(&[u8], Option<Format>); 6] = [
            (b"{\"resourceLogs\":[]}\n\n{\"resourceSpans\":[]}\n", None),
            (
                b"{\"resourceLogs\":[]}\n{\"resourceSpans\":[]}\n",
                Some(Format::JsonLines),
            ),
            (b"{\n  \"resourceLogs\": []\n}\n", None),
            (b"{\"resourceLogs\":[]}\n{\"resourceSpans\":", None),
            (&delimited, None),
            (&truncated, None),
        ];
        for (input, format) in inputs {
            let (read, _) = read_bytes(input, format);
            assert_eq!(read_frames(input, format), read, "{input:?}");
        }
        assert_eq!(read_frames(&delimited, None).len(), 3);
    }

    #[test]
    fn a_truncated_stream_names_the_document_and_offset() {
        let mut input = Vec::new();
        input.extend([0, 0, 0, 8]);
        input.extend(SPANS);
        input.extend([0, 0, 0, 8]);
        input.extend(&SPANS[..5]);
        let (all, _) = read_bytes(&input, None);
        assert!(all[0].is_ok());
        assert_eq!(
            all[1],
            Err(
                "truncated stream: document 2 (its length at byte 12) has 8 bytes, \
                 the stream ends 5 bytes after its length"
                    .to_owned()
            )
        );
        let (all, _) = read_bytes(&input[..14], None);
        assert_eq!(
            all[1],
            Err("truncated stream: the length of document 2 at byte 12 is cut short".to_owned())
        );
        // A length inside the second message that runs past its end.
        let mut bad = input[..12].to_vec();
        bad.extend([0, 0, 0, 8]);
        bad.extend(SPANS);
        bad[21] = 0x09;
        let (all, _) = read_bytes(&bad, None);
        assert_eq!(
            all[1],
            Err(
                "document 2: invalid OTLP protobuf: truncated: a field runs past the end of \
                 its message or of the data (in ScopeSpans at byte 21)"
                    .to_owned()
            )
        );
    }

    #[test]
    fn a_cut_document_reads_as_its_parts() {
        let input = "{\n\"resourceLogs\": [{\"schemaUrl\": \"a\"}, {\"schemaUrl\": \"b\"},\n{}]}\n";
        let (whole, _) = read(input, None);
        let Ok(Document::Logs(whole)) = &whole[0] else {
            panic!("{whole:?}");
        };
        let mut documents = Documents::new(input.as_bytes(), None).split_resources(1);
        let mut joined = Vec::new();
        for part in documents.by_ref() {
            let Ok(Document::Logs(part)) = part else {
                panic!("{part:?}");
            };
            assert_eq!(part.resource_logs.len(), 1);
            joined.extend(part.resource_logs);
        }
        assert_eq!(joined, whole.resource_logs);
        assert_eq!(documents.format(), Some(Format::Json));

        let mut documents = Documents::new(input.as_bytes(), None).split_resources(1);
        let pieces: Vec<_> = std::iter::from_fn(|| documents.next_frame())
            .map(|frame| frame.map(|frame| frame.piece()).map_err(|e| e.to_string()))
            .collect();
        let piece = |index, last| {
            Ok(Some(Piece {
                index,
                first_resource: index,
                last,
            }))
        };
        assert_eq!(pieces, [piece(0, false), piece(1, false), piece(2, true)]);

        // An error in the second resource is the whole document's, and the last read.
        let bad = input.replace("\"b\"", "1");
        let (whole, _) = read(&bad, None);
        let parts: Vec<_> = Documents::new(bad.as_bytes(), None)
            .split_resources(1)
            .map(|result| result.map_err(|error| error.to_string()))
            .collect();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[1], whole[0]);
        assert!(
            parts[1]
                .as_ref()
                .is_err_and(|e| e.starts_with("resourceLogs[1].schemaUrl: expected string")),
            "{parts:?}"
        );
    }

    #[test]
    fn a_long_line_is_cut_and_placed_in_the_stream() {
        let line = r#"{"resourceLogs": [{"schemaUrl": "a"}, {"schemaUrl": 1}]}"#;
        let input = format!("{{\"resourceLogs\":[]}}\n\n{line}\n{{\"resourceLogs\":[]}}\n");
        let (whole, format) = read(&input, None);
        assert_eq!(format, Some(Format::JsonLines));
        for given in [None, Some(Format::JsonLines)] {
            let mut documents = Documents::new(input.as_bytes(), given).split_resources(1);
            let cut: Vec<_> = documents
                .by_ref()
                .map(|result| result.map_err(|error| error.to_string()))
                .collect();
            assert_eq!(documents.format(), Some(Format::JsonLines));
            assert_eq!(cut.len(), 3, "{cut:?}");
            assert_eq!(cut[2], whole[1]);
            assert!(
                cut[2]
                    .as_ref()
                    .is_err_and(|e| e.ends_with("at line 3 column 53")),
                "{cut:?}"
            );
        }
        // The first line is cut while the format is found.
        let documents = Documents::new(line.as_bytes(), None).split_resources(1);
        assert_eq!(documents.count(), 2);
        // Only the signals asked for are cut.
        let documents = Documents::new(line.as_bytes(), None)
            .split_resources(1)
            .split_signals(&[Signal::Traces]);
        assert_eq!(documents.count(), 1);
    }

    #[test]
    fn a_large_protobuf_message_is_cut() {
        let resource = |url| {
            format!(
                r#"{{"scopeSpans":[{{"spans":[{{"traceId":"0102030405060708090a0b0c0d0e0f10",
                "spanId":"0102030405060708"}}]}}],"schemaUrl":"{url}"}}"#
            )
        };
        let text = format!(
            r#"{{"resourceSpans":[{},{},{}]}}"#,
            resource("a"),
            resource("b"),
            resource("c")
        );
        let whole = json::decode(text.as_bytes()).unwrap();
        let message = proto::encode(&whole).unwrap();
        let mut delimited = Vec::new();
        for _ in 0..2 {
            delimited.extend(u32::try_from(message.len()).unwrap().to_be_bytes());
            delimited.extend(&message);
        }
        for (input, documents) in [(&message, 1), (&delimited, 2)] {
            let mut reader = Documents::new(&input[..], None).split_resources(1);
            let mut joined = Vec::new();
            while let Some(frame) = reader.next_frame() {
                let frame = frame.unwrap();
                let piece = frame.piece().expect("a part");
                let Ok(Document::Traces(part)) = frame.decode() else {
                    panic!("traces");
                };
                assert_eq!(part.resource_spans.len(), 1);
                assert_eq!(piece.first_resource, joined.len() % 3);
                joined.extend(part.resource_spans);
            }
            assert_eq!(joined.len(), 3 * documents);
            let first = crate::model::Traces {
                resource_spans: joined[..3].to_vec(),
            };
            assert_eq!(Document::Traces(first), whole);
        }
        let traces_whole = Documents::new(&message[..], None)
            .split_resources(1)
            .split_signals(&[Signal::Logs]);
        assert_eq!(traces_whole.count(), 1);
        // An error in the second message's last resource names that message and its offset.
        let mut bad = delimited.clone();
        let url = bad.len() - 3;
        assert_eq!(bad[url], 0x1a);
        bad[url] = 0x18;
        let (read, _) = read_bytes(&bad, None);
        let cut: Vec<_> = Documents::new(&bad[..], None)
            .split_resources(1)
            .map(|result| result.map_err(|error| error.to_string()))
            .collect();
        assert_eq!(cut.len(), 6);
        assert_eq!(cut[5], read[1]);
        assert!(
            cut[5].as_ref().is_err_and(|e| e.starts_with("document 2:")),
            "{cut:?}"
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
