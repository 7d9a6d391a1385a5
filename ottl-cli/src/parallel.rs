//! `-j/--threads`: documents worked on in parallel, written in input order.
//!
//! The calling thread reads each document's bytes ([`Documents::next_frame`]) and writes the
//! results; `threads` workers decode a frame, hand the document to the command's work, and
//! encode the result. At most `2 × threads` documents are between reading and writing at
//! any time, so memory stays that of a few documents however long the input is, and a
//! document that takes long holds the output back rather than letting later ones pile up.

use crate::ExitCode;
use crate::io::{Sink, read_failed};
use ottl_core::model::json::Document;
use ottl_core::model::stream::{Documents, Frame};
use std::collections::BTreeMap;
use std::io::BufRead;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::thread;

/// What a worker hands back: the document's number and its encoded output.
type Done = (usize, Result<Vec<u8>, ExitCode>);

/// Runs `each` over the documents of `documents` on `threads` workers and writes the results
/// to `sink` in input order. The first failure (in input order, a document that cannot be read
/// included) stops the run: what came before it is written, nothing after.
pub(crate) fn for_each_frame<R: BufRead>(
    name: &str,
    documents: &mut Documents<R>,
    sink: &mut Sink<'_>,
    threads: usize,
    each: &(dyn Fn(&str, Document) -> Result<Document, ExitCode> + Sync),
) -> Result<(), ExitCode> {
    let in_flight = 2 * threads;
    let stop = AtomicBool::new(false);
    thread::scope(|scope| {
        let (work, jobs) = mpsc::sync_channel::<(usize, Frame)>(in_flight);
        let jobs = Arc::new(Mutex::new(jobs));
        let (report, done) = mpsc::channel::<Done>();
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
                            let result = frame
                                .decode()
                                .map_err(|error| read_failed(name, &error))
                                .and_then(|document| each(name, document))
                                .and_then(|document| {
                                    let mut encoded = Vec::new();
                                    encoder.encode(name, &document, &mut encoded)?;
                                    Ok(encoded)
                                });
                            if report.send((number, result)).is_err() {
                                break;
                            }
                        }
                    });
                }
            }
            if work.send((sent, frame)).is_err() {
                break;
            }
            sent += 1;
            // Keep at most `in_flight` documents between reading and writing.
            while sent - order.written >= in_flight && outcome.is_ok() {
                outcome = order.take(&done, sink);
            }
            if outcome.is_err() {
                break;
            }
        }
        drop(work);
        drop(report);
        while order.written < sent && outcome.is_ok() {
            outcome = order.take(&done, sink);
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

/// The next frame to work on; `None` once the reader is done.
fn next_job(jobs: &Mutex<Receiver<(usize, Frame)>>) -> Option<(usize, Frame)> {
    jobs.lock().ok()?.recv().ok()
}

/// Results waiting for the ones before them to be written.
#[derive(Default)]
struct Order {
    waiting: BTreeMap<usize, Result<Vec<u8>, ExitCode>>,
    written: usize,
}

impl Order {
    /// Waits for one more result, then writes every result that is next in order.
    fn take(&mut self, done: &Receiver<Done>, sink: &mut Sink<'_>) -> Result<(), ExitCode> {
        let (number, result) = done.recv().map_err(|_| ExitCode::BadInput)?;
        self.waiting.insert(number, result);
        while let Some(result) = self.waiting.remove(&self.written) {
            sink.write_encoded(&result?)?;
            self.written += 1;
        }
        Ok(())
    }
}
