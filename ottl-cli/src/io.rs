//! Telemetry in and out: opening inputs (gzip and zstd are decompressed on the fly, found by
//! their magic bytes), reading their documents one at a time in the format given or found, and
//! writing documents as they are done, so JSON Lines and delimited protobuf input stream through
//! in flat memory.
//!
//! The formats themselves and their detection are the library's ([`ottl_core::model::stream`]);
//! decompression lives here so `ottl-core` carries no compression crates a host may not want.

use crate::ExitCode;
use crate::parallel::Each;
use ottl_core::context::Signal;
use ottl_core::model::json::{self, Document, EncodeOptions};
use ottl_core::model::proto;
use ottl_core::model::stream::{Documents, Format, ReadError, Sniffed};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Read buffer size: large enough that a line is rarely split across many reads.
const BUFFER: usize = 256 * 1024;

/// `--input-format`: how documents are laid out in the inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// One OTLP/JSON document per input.
    Json,
    /// One OTLP/JSON document per line (the collector's `file` exporter).
    Jsonl,
    /// OTLP protobuf: one message, or messages each preceded by its length (four big-endian
    /// bytes as the collector's `file` exporter writes, or a varint), found from the content.
    Proto,
}

/// `--output-format`: how documents are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// OTLP/JSON, one document after another (indented with --pretty).
    Json,
    /// One compact OTLP/JSON document per line.
    Jsonl,
    /// One OTLP protobuf message per document, one after another (several documents read back
    /// as one message holding all their resources).
    Proto,
    /// OTLP protobuf, each message preceded by its length as four big-endian bytes (the
    /// collector's `file` exporter with `format: proto`).
    ProtoDelimited,
    /// OTLP protobuf, each message preceded by its length as a varint (protobuf's delimited
    /// stream).
    ProtoVarint,
}

impl OutputFormat {
    /// Whether the format is binary protobuf.
    fn is_protobuf(self) -> bool {
        matches!(self, Self::Proto | Self::ProtoDelimited | Self::ProtoVarint)
    }
}

impl From<InputFormat> for Format {
    fn from(format: InputFormat) -> Self {
        match format {
            InputFormat::Json => Self::Json,
            InputFormat::Jsonl => Self::JsonLines,
            InputFormat::Proto => Self::Protobuf,
        }
    }
}

/// Opens `path` (`-` is standard input), decompressing gzip or zstd; its display name and
/// reader.
fn open(path: &Path) -> Result<(String, Box<dyn BufRead + Send>), ExitCode> {
    let cannot_read = |error: io::Error| {
        eprintln!("error: cannot read {}: {error}", path.display());
        ExitCode::BadInput
    };
    // Unlocked standard streams: the threads of `-j` take turns reading and writing.
    let (name, raw): (String, Box<dyn Read + Send>) = if path.as_os_str() == "-" {
        ("<stdin>".to_owned(), Box::new(io::stdin()))
    } else {
        let file = File::open(path).map_err(cannot_read)?;
        (path.display().to_string(), Box::new(file))
    };
    let mut reader = BufReader::with_capacity(BUFFER, raw);
    let sniffed = Sniffed::of(reader.fill_buf().map_err(cannot_read)?);
    let reader: Box<dyn BufRead + Send> = match sniffed {
        Sniffed::Gzip => Box::new(BufReader::with_capacity(
            BUFFER,
            flate2::bufread::MultiGzDecoder::new(reader),
        )),
        Sniffed::Zstd => {
            let decoder = ruzstd::decoding::StreamingDecoder::new(reader).map_err(|error| {
                eprintln!("error: {name}: invalid zstd data: {error}");
                ExitCode::BadInput
            })?;
            Box::new(BufReader::with_capacity(BUFFER, decoder))
        }
        _ => Box::new(reader),
    };
    Ok((name, reader))
}

/// The size of the parts a large OTLP/JSON document is cut into: big enough that the work on
/// a part dwarfs handing it around, small enough that every thread gets several.
const PART_SIZE: usize = 1 << 20;

/// Reads the documents of `path` one at a time, hands each to `each` with the input's name and
/// writes what it returns to `sink`. The format is `format`, else the file name's extension,
/// else the content's. With `threads` above 1, documents are decoded, handed to `each` and
/// encoded on that many threads, and written in input order (see [`crate::parallel`]). A large
/// document of a signal in `cut` is worked on in parts of whole resources: `each` must then
/// give each part what it gives the whole document (resources run independently of one
/// another), and number the resources from the part's first in what it says.
pub(crate) fn for_each_document(
    path: &Path,
    format: Option<InputFormat>,
    sink: &mut Sink<'_>,
    threads: usize,
    cut: &[Signal],
    each: &Each<'_>,
) -> Result<(), ExitCode> {
    let (name, reader) = open(path)?;
    let format = format
        .map(Format::from)
        .or_else(|| Format::from_file_name(&path.to_string_lossy()));
    let mut documents = Documents::new(reader, format);
    if !cut.is_empty() {
        documents = documents.split_resources(PART_SIZE).split_signals(cut);
    }
    crate::parallel::for_each_frame(&name, &mut documents, sink, threads, each)
}

/// Says on stderr why a document of `name` could not be read.
pub(crate) fn read_failed(name: &str, error: &ReadError) -> ExitCode {
    match error {
        ReadError::NotJson(Sniffed::Protobuf) => eprintln!(
            "error: {name}: {error}; drop --input-format (or the file's JSON extension) \
             to read it as protobuf"
        ),
        ReadError::NotProtobuf(Sniffed::Json) => eprintln!(
            "error: {name}: {error}; drop --input-format (or the file's protobuf \
             extension) to read it as JSON"
        ),
        ReadError::Io(error) => eprintln!("error: cannot read {name}: {error}"),
        error => eprintln!("error: {name}: {error}"),
    }
    ExitCode::BadInput
}

/// How documents are encoded for the output: what a [`Sink`] writes, and what its workers
/// encode with when documents are worked on in parallel.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Encoder {
    format: Option<OutputFormat>,
    pretty: bool,
}

impl Encoder {
    /// Appends `document` to `buffer`: JSON with a newline after it, protobuf with its length
    /// before it if the format is delimited. Failures are said on stderr.
    pub(crate) fn encode(
        self,
        name: &str,
        document: &Document,
        buffer: &mut Vec<u8>,
    ) -> Result<(), ExitCode> {
        let failed = |error: &dyn std::fmt::Display| {
            eprintln!("error: {name}: {error}");
            ExitCode::BadInput
        };
        let start = buffer.len();
        match self.format {
            Some(OutputFormat::Proto) => {
                proto::encode_into(document, buffer).map_err(|e| failed(&e))?;
            }
            Some(OutputFormat::ProtoDelimited) => {
                buffer.extend([0; 4]);
                proto::encode_into(document, buffer).map_err(|e| failed(&e))?;
                let len = u32::try_from(buffer.len() - start - 4)
                    .map_err(|_| failed(&"a message of 4 GiB or more has no 4-byte length"))?;
                buffer[start..start + 4].copy_from_slice(&len.to_be_bytes());
            }
            Some(OutputFormat::ProtoVarint) => {
                let mut message = Vec::new();
                proto::encode_into(document, &mut message).map_err(|e| failed(&e))?;
                push_varint(message.len() as u64, buffer);
                buffer.append(&mut message);
            }
            Some(OutputFormat::Json | OutputFormat::Jsonl) | None => {
                let options = EncodeOptions {
                    pretty: self.pretty && self.format != Some(OutputFormat::Jsonl),
                };
                json::encode_into(document, buffer, options).map_err(|e| failed(&e))?;
                buffer.push(b'\n');
            }
        }
        Ok(())
    }

    /// Puts together the output of a cut document from its parts' encodings.
    pub(crate) fn stitch(self) -> Stitch {
        Stitch {
            encoder: self,
            field: "",
            parts: Vec::new(),
            len: 0,
        }
    }
}

/// Appends `value` as a protobuf varint.
fn push_varint(mut value: u64, buffer: &mut Vec<u8>) {
    while value >= 0x80 {
        buffer.push((value as u8) | 0x80);
        value >>= 7;
    }
    buffer.push(value as u8);
}

/// The output of a document cut into parts, put together from what [`Encoder::encode`] wrote
/// for each part into what it writes for the whole document: the resources of every part
/// inside one envelope (JSON), or one message holding them all (protobuf, whose repeated
/// resource field concatenates). The parts' encodings are kept as they are and written one
/// after another, so the whole document's output is never copied into one buffer.
pub(crate) struct Stitch {
    encoder: Encoder,
    /// The JSON envelope field, once a part is added.
    field: &'static str,
    /// Each part's encoding, and where its resources are in it.
    parts: Vec<(Vec<u8>, Range<usize>)>,
    /// The bytes of the resources (for JSON, with the separators between parts).
    len: usize,
}

impl Stitch {
    /// Adds the resources of a part encoded as `encoded`, whose signal's envelope field is
    /// `field`.
    pub(crate) fn add(
        &mut self,
        field: &'static str,
        mut encoded: Vec<u8>,
    ) -> Result<(), ExitCode> {
        self.field = field;
        // Kept until the last part: room to spare would be memory held for nothing.
        encoded.shrink_to_fit();
        let resources = match self.encoder.format {
            Some(OutputFormat::Proto) => Some(0..encoded.len()),
            Some(OutputFormat::ProtoDelimited) => (encoded.len() >= 4).then_some(4..encoded.len()),
            Some(OutputFormat::ProtoVarint) => {
                let prefix = encoded.iter().take_while(|&&b| b & 0x80 != 0).count() + 1;
                (encoded.len() >= prefix).then_some(prefix..encoded.len())
            }
            Some(OutputFormat::Json | OutputFormat::Jsonl) | None => {
                if encoded == EMPTY_JSON {
                    return Ok(());
                }
                let envelope = self.json_envelope();
                let (open, close) = (envelope.open.as_bytes(), envelope.close.as_bytes());
                let enveloped = encoded.len() >= open.len() + close.len()
                    && encoded.starts_with(open)
                    && encoded.ends_with(close);
                if enveloped && !self.parts.is_empty() {
                    self.len += envelope.separator.len();
                }
                enveloped.then(|| open.len()..encoded.len() - close.len())
            }
        };
        let resources = resources.ok_or_else(|| {
            eprintln!("error: a part of a document was encoded in an unexpected shape");
            ExitCode::BadInput
        })?;
        self.len += resources.len();
        self.parts.push((encoded, resources));
        Ok(())
    }

    /// Writes the whole document's encoding to `sink`.
    pub(crate) fn finish(self, sink: &mut Sink<'_>) -> Result<(), ExitCode> {
        let json = self.json_envelope();
        let mut separator: &[u8] = b"";
        let (open, close): (Vec<u8>, &[u8]) = match self.encoder.format {
            Some(OutputFormat::Proto) => (Vec::new(), b""),
            Some(OutputFormat::ProtoDelimited) => {
                let len = u32::try_from(self.len).map_err(|_| {
                    eprintln!("error: a message of 4 GiB or more has no 4-byte length");
                    ExitCode::BadInput
                })?;
                (len.to_be_bytes().to_vec(), b"")
            }
            Some(OutputFormat::ProtoVarint) => {
                let mut len = Vec::new();
                push_varint(self.len as u64, &mut len);
                (len, b"")
            }
            Some(OutputFormat::Json | OutputFormat::Jsonl) | None if self.parts.is_empty() => {
                return sink.write_encoded(EMPTY_JSON);
            }
            Some(OutputFormat::Json | OutputFormat::Jsonl) | None => {
                separator = json.separator.as_bytes();
                (json.open.into_bytes(), json.close.as_bytes())
            }
        };
        sink.write_encoded(&open)?;
        for (i, (encoded, resources)) in self.parts.iter().enumerate() {
            if i > 0 {
                sink.write_encoded(separator)?;
            }
            sink.write_encoded(&encoded[resources.clone()])?;
        }
        sink.write_encoded(close)
    }

    /// How the JSON encoder writes the envelope around the resources.
    fn json_envelope(&self) -> JsonEnvelope {
        let field = self.field;
        if self.encoder.pretty && self.encoder.format != Some(OutputFormat::Jsonl) {
            JsonEnvelope {
                open: format!("{{\n  \"{field}\": [\n    "),
                separator: ",\n    ",
                close: "\n  ]\n}\n",
            }
        } else {
            JsonEnvelope {
                open: format!("{{\"{field}\":["),
                separator: ",",
                close: "]}\n",
            }
        }
    }
}

/// A document without resources, as the JSON encoder writes it (and a newline).
const EMPTY_JSON: &[u8] = b"{}\n";

/// What surrounds and separates the resources in a JSON document.
struct JsonEnvelope {
    open: String,
    separator: &'static str,
    close: &'static str,
}

/// Where documents go: standard output or `-o FILE` (created on the first write), buffered and
/// written as each document is done.
pub(crate) struct Sink<'a> {
    path: Option<&'a PathBuf>,
    /// The output, opened when the first document is written.
    writer: Option<Box<dyn Write + Send>>,
    format: Option<OutputFormat>,
    pretty: bool,
    /// Documents encoded and not yet written, written once they reach [`BUFFER`] bytes.
    /// Documents are encoded straight into it: a `BufWriter` would copy each one again.
    pending: Vec<u8>,
}

impl<'a> Sink<'a> {
    /// A sink writing `format` (the first input's when `None`) to `path` or standard output.
    /// `--pretty` indents JSON only: with `--output-format jsonl` or a protobuf one it is
    /// refused.
    pub(crate) fn new(
        path: Option<&'a PathBuf>,
        format: Option<OutputFormat>,
        pretty: bool,
    ) -> Result<Self, ExitCode> {
        if pretty && format == Some(OutputFormat::Jsonl) {
            eprintln!(
                "error: --pretty cannot be used with --output-format jsonl: a line holds one compact document"
            );
            return Err(ExitCode::BadInput);
        }
        if pretty && format.is_some_and(OutputFormat::is_protobuf) {
            eprintln!("error: --pretty cannot be used with a protobuf --output-format");
            return Err(ExitCode::BadInput);
        }
        Ok(Self {
            path,
            writer: None,
            format,
            pretty,
            pending: Vec::new(),
        })
    }

    /// Fixes the output format from the first input's when none was given. `--pretty` asks for
    /// indented JSON, so it keeps JSON Lines or protobuf input from setting its format.
    pub(crate) fn input_format(&mut self, format: Option<Format>) {
        if self.format.is_none()
            && let Some(format) = format
        {
            self.format = Some(match format {
                _ if self.pretty => OutputFormat::Json,
                Format::JsonLines => OutputFormat::Jsonl,
                Format::Protobuf => OutputFormat::Proto,
                Format::ProtobufDelimited => OutputFormat::ProtoDelimited,
                Format::ProtobufVarint => OutputFormat::ProtoVarint,
                _ => OutputFormat::Json,
            });
        }
    }

    /// How the sink encodes documents (fixed once the first input's format is known).
    pub(crate) fn encoder(&self) -> Encoder {
        Encoder {
            format: self.format,
            pretty: self.pretty,
        }
    }

    /// Encodes `document` and writes it.
    pub(crate) fn write(&mut self, name: &str, document: &Document) -> Result<(), ExitCode> {
        let start = self.pending.len();
        if let Err(code) = self.encoder().encode(name, document, &mut self.pending) {
            // Nothing of a document that could not be encoded is written.
            self.pending.truncate(start);
            return Err(code);
        }
        output(&mut self.writer, self.path)?;
        self.write_full()
    }

    /// Writes a document encoded by [`Sink::encoder`].
    pub(crate) fn write_encoded(&mut self, encoded: &[u8]) -> Result<(), ExitCode> {
        let writer = output(&mut self.writer, self.path)?;
        if self.pending.is_empty() && encoded.len() >= BUFFER {
            return writer.write_all(encoded).map_err(cannot_write);
        }
        self.pending.extend_from_slice(encoded);
        self.write_full()
    }

    /// Writes the pending documents once they fill a buffer.
    fn write_full(&mut self) -> Result<(), ExitCode> {
        if self.pending.len() < BUFFER {
            return Ok(());
        }
        let written = output(&mut self.writer, self.path)?
            .write_all(&self.pending)
            .map_err(cannot_write);
        self.pending.clear();
        // A large document's buffer would only raise the peak memory from here on.
        if self.pending.capacity() > 16 * BUFFER {
            self.pending = Vec::new();
        }
        written
    }

    /// Flushes the output; with `-o` and no document written, creates the file empty.
    pub(crate) fn finish(mut self) -> ExitCode {
        let pending = std::mem::take(&mut self.pending);
        let result = match (self.writer.take(), self.path) {
            (Some(mut writer), _) => writer.write_all(&pending).and_then(|()| writer.flush()),
            (None, Some(path)) => File::create(path).map(drop),
            (None, None) => Ok(()),
        };
        match result {
            Ok(()) => ExitCode::Ok,
            Err(error) => cannot_write(error),
        }
    }
}

impl Drop for Sink<'_> {
    /// Writes what is pending when a failure ends the run before [`Sink::finish`]: the
    /// documents done before it are output, as a `BufWriter` dropped would write them (and,
    /// like it, errors are not reported).
    fn drop(&mut self) {
        if let Some(writer) = &mut self.writer {
            let _ = writer.write_all(&self.pending);
        }
    }
}

/// The output in `writer`, created (`path`, else standard output) on the first call.
fn output<'w>(
    writer: &'w mut Option<Box<dyn Write + Send>>,
    path: Option<&PathBuf>,
) -> Result<&'w mut Box<dyn Write + Send>, ExitCode> {
    Ok(match writer {
        Some(writer) => writer,
        slot @ None => {
            let raw: Box<dyn Write + Send> = match path {
                Some(path) => Box::new(File::create(path).map_err(cannot_write)?),
                None => Box::new(io::stdout()),
            };
            slot.insert(raw)
        }
    })
}

fn cannot_write(error: io::Error) -> ExitCode {
    eprintln!("error: cannot write the output: {error}");
    ExitCode::BadInput
}
