//! Documents read, worked on and written in input order, on the calling thread or on `-j N`
//! workers.
//!
//! The calling thread reads each document's bytes ([`Documents::next_frame`]) and writes the
//! results; with more than one thread, `threads` workers decode a frame, hand the document to
//! the command's work, and encode the result. At most `2 × threads` documents are between
//! reading and writing at any time, so memory stays that of a few documents however long the
//! input is, and a document that takes long holds the output back rather than letting later
//! ones pile up.
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
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
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
pub(crate) fn for_each_frame<R: BufRead>(
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

/// The documents on `threads` workers, written in input order.
fn in_parallel<R: BufRead>(
    name: &str,
    documents: &mut Documents<R>,
    sink: &mut Sink<'_>,
    writer: &mut Writer<'_>,
    threads: usize,
    each: &Each<'_>,
) -> Result<(), ExitCode> {
    let in_flight = 2 * threads;
    let stop = AtomicBool::new(false);
    thread::scope(|scope| {
        let (work_on, jobs) = mpsc::sync_channel::<(usize, Frame)>(in_flight);
        let jobs = Arc::new(Mutex::new(jobs));
        let (report, done) = mpsc::channel::<(usize, Done)>();
        let mut report = Some(report);
        let mut order = Order::default();
        let mut sent = 0;
        let mut outcome = Ok(());
        // A document that cannot be read ends the input: those before it are still written.
        let mut unreadable = None;
        while let Some(frame) = documents.next_frame() {
            let frame = match frame {
                Ok(frame) => frame,
                Err(error) => {
                    unreadable = Some(error);
                    break;
                }
            };
            // The output format follows the first input's, known once a frame is read: the
            // workers start then, and the reader keeps no sender of results, so a worker that
            // ends early cannot leave it waiting.
            if let Some(report) = report.take() {
                sink.input_format(documents.format());
                let encoder = sink.encoder();
                for _ in 0..threads {
                    let jobs = Arc::clone(&jobs);
                    let report = report.clone();
                    let stop = &stop;
                    scope.spawn(move || {
                        while let Some((number, frame)) = next_job(&jobs) {
                            if stop.load(Ordering::Relaxed) {
                                break;
                            }
                            let done = work(name, frame, Some(encoder), each);
                            if report.send((number, done)).is_err() {
                                break;
                            }
                        }
                    });
                }
            }
            if work_on.send((sent, frame)).is_err() {
                break;
            }
            sent += 1;
            // Keep at most `in_flight` documents between reading and writing.
            while sent - order.written >= in_flight && outcome.is_ok() {
                outcome = order.take(&done, writer, sink);
            }
            if outcome.is_err() {
                break;
            }
        }
        drop(work_on);
        drop(report);
        while order.written < sent && outcome.is_ok() {
            outcome = order.take(&done, writer, sink);
        }
        if outcome.is_err() {
            stop.store(true, Ordering::Relaxed);
        }
        match unreadable {
            Some(error) if outcome.is_ok() => Err(read_failed(name, &error)),
            _ => outcome,
        }
    })
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

/// The next frame to work on; `None` once the reader is done.
fn next_job(jobs: &Mutex<Receiver<(usize, Frame)>>) -> Option<(usize, Frame)> {
    jobs.lock().ok()?.recv().ok()
}

/// Results waiting for the ones before them to be written.
#[derive(Default)]
struct Order {
    waiting: BTreeMap<usize, Done>,
    written: usize,
}

impl Order {
    /// Waits for one more result, then writes every result that is next in order.
    fn take(
        &mut self,
        done: &Receiver<(usize, Done)>,
        writer: &mut Writer<'_>,
        sink: &mut Sink<'_>,
    ) -> Result<(), ExitCode> {
        let (number, result) = done.recv().map_err(|_| ExitCode::BadInput)?;
        self.waiting.insert(number, result);
        while let Some(result) = self.waiting.remove(&self.written) {
            writer.write(result, sink)?;
            self.written += 1;
        }
        Ok(())
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
