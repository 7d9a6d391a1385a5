//! Documents read, worked on and written in input order, on the calling thread or on `-j N`
//! threads.
//!
//! Each thread in turn takes the next document's bytes ([`Documents::next_frame`]) under a
//! lock, decodes them, hands the document to the command's work, encodes the result, and
//! writes whatever results are next in input order. A thread waits while it is `2 × threads`
//! documents ahead of the output, so memory stays that of a few documents however long the
//! input is, and a document that takes long holds the output back rather than letting later
//! ones pile up. With one thread, a whole document is encoded straight into the sink's buffer.
//!
//! A large OTLP/JSON document comes as parts of whole resources ([`Documents::split_resources`]),
//! worked on like documents; the writer puts their outputs and their messages together and
//! writes them when the last part is done, so the output and stderr are those of the whole
//! document, failures included.

use crate::ExitCode;
use crate::io::{Encoder, Sink, Stitch, read_failed};
use crate::messages::Messages;
use ottl_core::model::json::Document;
use ottl_core::model::stream::{Documents, Frame, Piece, ReadError};
use std::collections::BTreeMap;
use std::io::BufRead;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex};
use std::thread;

/// Where a document comes from: the input's name and, for a part of a cut document, the
/// number of its first resource in the whole document (0 otherwise).
pub(crate) struct Origin<'a> {
    pub(crate) name: &'a str,
    pub(crate) first_resource: usize,
}

/// A command's work on one document: the document to write, what to say on stderr kept in
/// the messages.
pub(crate) type Each<'a> =
    dyn Fn(&Origin<'_>, Document, &mut Messages) -> Result<Document, ExitCode> + Sync + 'a;

/// One document (or part) worked on: where it stands, what it said, and its output or why
/// there is none.
struct Done {
    piece: Option<Piece>,
    messages: Messages,
    result: Result<Output, Failure>,
}

/// A document's output.
enum Output {
    /// Encoded by a worker, with the envelope field of its signal.
    Encoded(Vec<u8>, &'static str),
    /// Left for the sink to encode straight into its buffer (whole documents on one thread).
    Document(Document),
}

impl Output {
    /// The output encoded, and the envelope field of its signal.
    fn encoded(self, name: &str, encoder: Encoder) -> Result<(Vec<u8>, &'static str), ExitCode> {
        match self {
            Output::Encoded(encoded, field) => Ok((encoded, field)),
            Output::Document(document) => {
                let mut encoded = Vec::new();
                encoder.encode(name, &document, &mut encoded)?;
                Ok((encoded, document.envelope_field()))
            }
        }
    }
}

/// Why a document (or part) has no output.
enum Failure {
    /// It could not be decoded; said when it is written.
    Unreadable(ReadError),
    /// Its work failed (and said why in its messages).
    Failed(ExitCode),
}

/// Runs `each` over the documents of `documents` on `threads` threads and writes the results
/// to `sink` in input order. The first failure (in input order, a document that cannot be read
/// included) stops the run: what came before it is written, nothing after.
pub(crate) fn for_each_frame<R: BufRead + Send>(
    name: &str,
    documents: &mut Documents<R>,
    sink: &mut Sink<'_>,
    threads: usize,
    each: &Each<'_>,
) -> Result<(), ExitCode> {
    let mut writer = Writer::new(name);
    let outcome = if threads > 1 {
        in_parallel(name, documents, sink, &mut writer, threads, each)
    } else {
        in_turn(name, documents, sink, &mut writer, each)
    };
    outcome.and_then(|()| writer.finished())
}

/// The documents one after another on this thread.
fn in_turn<R: BufRead>(
    name: &str,
    documents: &mut Documents<R>,
    sink: &mut Sink<'_>,
    writer: &mut Writer<'_>,
    each: &Each<'_>,
) -> Result<(), ExitCode> {
    while let Some(frame) = documents.next_frame() {
        let frame = frame.map_err(|error| read_failed(name, &error))?;
        sink.input_format(documents.format());
        // A whole document is encoded straight into the sink's buffer; a part is encoded on
        // its own, to be stitched.
        let encoder = frame.piece().map(|_| sink.encoder());
        let done = work(name, frame, encoder, each);
        writer.write(done, sink)?;
    }
    Ok(())
}

/// The documents on `threads` threads (this one among them), written in input order. Each
/// thread in turn reads the next frame, works on it, and writes whatever results are next in
/// order; a thread stays `2 × threads` documents ahead of the output at most.
fn in_parallel<R: BufRead + Send>(
    name: &str,
    documents: &mut Documents<R>,
    sink: &mut Sink<'_>,
    writer: &mut Writer<'_>,
    threads: usize,
    each: &Each<'_>,
) -> Result<(), ExitCode> {
    let shared = Shared {
        input: Mutex::new(Input {
            documents,
            next: 0,
            encoder: None,
        }),
        output: Mutex::new(Writing {
            sink,
            writer,
            waiting: BTreeMap::new(),
            written: 0,
            outcome: Ok(()),
        }),
        written: Condvar::new(),
        ahead: 2 * threads,
        stop: AtomicBool::new(false),
    };
    thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(|| shared.run(name, each));
        }
        shared.run(name, each);
    });
    let output = shared.output.into_inner().map_err(|_| ExitCode::BadInput)?;
    output.outcome
}

/// What the threads of [`in_parallel`] share.
struct Shared<'i, 'o, 's, 'w, 'n, R> {
    input: Mutex<Input<'i, R>>,
    output: Mutex<Writing<'o, 's, 'w, 'n>>,
    /// Signalled whenever documents are written.
    written: Condvar,
    /// How far ahead of the output reading may go.
    ahead: usize,
    /// Set once the run has failed: the threads stop taking frames.
    stop: AtomicBool,
}

/// The reading side: the documents, the next one's number, and the encoder (known once the
/// first frame sets the output format).
struct Input<'i, R> {
    documents: &'i mut Documents<R>,
    next: usize,
    encoder: Option<Encoder>,
}

/// The writing side: results waiting for those before them, and what the run came to.
struct Writing<'o, 's, 'w, 'n> {
    sink: &'o mut Sink<'s>,
    writer: &'w mut Writer<'n>,
    waiting: BTreeMap<usize, Done>,
    written: usize,
    outcome: Result<(), ExitCode>,
}

impl<R: BufRead> Shared<'_, '_, '_, '_, '_, R> {
    /// One thread's loop: take the next frame, work on it, deliver it.
    fn run(&self, name: &str, each: &Each<'_>) {
        while let Some((number, frame, encoder)) = self.take() {
            let done = match frame {
                Ok(frame) => work(name, frame, Some(encoder), each),
                Err(error) => Done {
                    piece: None,
                    messages: Messages::default(),
                    result: Err(Failure::Unreadable(error)),
                },
            };
            self.deliver(number, done);
        }
    }

    /// The next frame (or the error reading it ends the input with), its number and the
    /// encoder; `None` at the end of the input or once the run has failed.
    fn take(&self) -> Option<(usize, Result<Frame, ReadError>, Encoder)> {
        let mut input = self.input.lock().ok()?;
        let number = input.next;
        // Wait until the output is close enough behind. The output is let go before reading:
        // writing and reading then go on at the same time.
        let mut output = self.output.lock().ok()?;
        while number >= output.written + self.ahead && !self.stop.load(Ordering::Relaxed) {
            output = self.written.wait(output).ok()?;
        }
        drop(output);
        if self.stop.load(Ordering::Relaxed) {
            return None;
        }
        let frame = input.documents.next_frame()?;
        // The output format follows the first input's, known once a frame is read.
        let encoder = match input.encoder {
            Some(encoder) => encoder,
            None => {
                let mut output = self.output.lock().ok()?;
                output.sink.input_format(input.documents.format());
                *input.encoder.insert(output.sink.encoder())
            }
        };
        if frame.is_err() {
            // Nothing can be read after an error: the others stop taking frames.
            self.stop.store(true, Ordering::Relaxed);
        }
        input.next += 1;
        Some((number, frame, encoder))
    }

    /// Hands in document `number`'s result and writes every result that is next in order; the
    /// first failure stops the run.
    fn deliver(&self, number: usize, done: Done) {
        let Ok(mut output) = self.output.lock() else {
            self.stop.store(true, Ordering::Relaxed);
            return;
        };
        let output = &mut *output;
        output.waiting.insert(number, done);
        while output.outcome.is_ok()
            && let Some(done) = output.waiting.remove(&output.written)
        {
            output.outcome = output.writer.write(done, output.sink);
            output.written += 1;
        }
        if output.outcome.is_err() {
            self.stop.store(true, Ordering::Relaxed);
            output.waiting.clear();
        }
        self.written.notify_all();
    }
}

/// Decodes `frame`, hands the document to `each` and encodes the result with `encoder` (or
/// leaves it to the sink).
fn work(name: &str, frame: Frame, encoder: Option<Encoder>, each: &Each<'_>) -> Done {
    let piece = frame.piece();
    // The output is about as large as the input: room for that saves growing it step by step.
    let room = frame.len();
    let origin = Origin {
        name,
        first_resource: piece.map_or(0, |piece| piece.first_resource),
    };
    let mut messages = Messages::default();
    let result = frame
        .decode()
        .map_err(Failure::Unreadable)
        .and_then(|document| {
            let document = each(&origin, document, &mut messages).map_err(Failure::Failed)?;
            let Some(encoder) = encoder else {
                return Ok(Output::Document(document));
            };
            let mut encoded = Vec::with_capacity(room);
            encoder
                .encode(name, &document, &mut encoded)
                .map_err(Failure::Failed)?;
            Ok(Output::Encoded(encoded, document.envelope_field()))
        });
    Done {
        piece,
        messages,
        result,
    }
}

/// Writes what each document said and its output, in order; the parts of a cut document are
/// held until its last one.
struct Writer<'n> {
    /// The input's name.
    name: &'n str,
    /// The notes shown so far, each shown once.
    notes: Vec<String>,
    /// The cut document being put together.
    cut: Option<Cut>,
}

/// A cut document's parts so far: what they said, their output, and the first failure among
/// them.
struct Cut {
    messages: Messages,
    stitch: Stitch,
    failed: Option<ExitCode>,
}

impl<'n> Writer<'n> {
    fn new(name: &'n str) -> Self {
        Self {
            name,
            notes: Vec::new(),
            cut: None,
        }
    }

    fn write(&mut self, done: Done, sink: &mut Sink<'_>) -> Result<(), ExitCode> {
        let Some(piece) = done.piece else {
            done.messages.print(&mut self.notes);
            return match done.result {
                Ok(Output::Encoded(encoded, _)) => sink.write_encoded(&encoded),
                Ok(Output::Document(document)) => sink.write(self.name, &document),
                Err(Failure::Unreadable(error)) => Err(read_failed(self.name, &error)),
                Err(Failure::Failed(code)) => Err(code),
            };
        };
        if piece.index == 0 {
            self.cut = Some(Cut {
                messages: Messages::default(),
                stitch: sink.encoder().stitch(),
                failed: None,
            });
        }
        let Some(cut) = &mut self.cut else {
            return Err(ExitCode::BadInput);
        };
        match done.result {
            // The whole document could not have been decoded: nothing of it ran.
            Err(Failure::Unreadable(error)) => {
                self.cut = None;
                return Err(read_failed(self.name, &error));
            }
            // The whole document's run would have stopped here; the parts left are still
            // read, as a document that cannot be decoded fails before any of it runs.
            Err(Failure::Failed(code)) if cut.failed.is_none() => {
                cut.messages.absorb(done.messages);
                cut.failed = Some(code);
            }
            Ok(output) if cut.failed.is_none() => {
                cut.messages.absorb(done.messages);
                let (encoded, field) = output.encoded(self.name, sink.encoder())?;
                cut.stitch.add(field, encoded)?;
            }
            _ => {}
        }
        if !piece.last {
            return Ok(());
        }
        let Some(cut) = self.cut.take() else {
            return Err(ExitCode::BadInput);
        };
        cut.messages.print(&mut self.notes);
        match cut.failed {
            Some(code) => Err(code),
            None => cut.stitch.finish(sink),
        }
    }

    /// Fails if a cut document's last part never came (its reading stopped early).
    fn finished(self) -> Result<(), ExitCode> {
        match self.cut {
            None => Ok(()),
            Some(_) => {
                eprintln!(
                    "error: {}: the document ended before its last resources were read",
                    self.name
                );
                Err(ExitCode::BadInput)
            }
        }
    }
}
