//! Which signal an OTLP protobuf message holds.
//!
//! `LogsData`, `TracesData` and `MetricsData` share their wire layout down to the records
//! (field 1 lists resources, whose field 2 lists scopes, whose field 2 lists records), so only
//! the records tell them apart. Each record's top-level fields are checked against the three
//! record messages: a field a message knows must have its wire type (and an id its length);
//! every such match scores a point. The signal whose records all fit with the most points wins,
//! on a tie the caller's default if it is among the best, else the first of logs, traces,
//! metrics.

use super::reader::{Reader, WireType};
use crate::context::Signal;

/// Records looked at before deciding: enough to see past a few sparse ones.
const RECORDS_LOOKED_AT: usize = 64;

/// The three signals in the order ties go.
const SIGNALS: [Signal; 3] = [Signal::Logs, Signal::Traces, Signal::Metrics];

/// What a field of a record message must look like.
#[derive(Clone, Copy)]
enum Expect {
    Wire(WireType),
    /// A length-delimited id of this many bytes (or none).
    Id(usize),
}

/// The wire shape of field `number` in the record message of `signal`, if it knows the field.
fn expected(signal: Signal, number: u32) -> Option<Expect> {
    use Expect::{Id, Wire};
    use WireType::{I32, I64, Len, Varint};
    Some(match (signal, number) {
        (Signal::Logs, 1 | 11) => Wire(I64),
        (Signal::Logs, 2 | 7) => Wire(Varint),
        (Signal::Logs, 3 | 5 | 6 | 12) => Wire(Len),
        (Signal::Logs, 8) => Wire(I32),
        (Signal::Logs, 9) => Id(16),
        (Signal::Logs, 10) => Id(8),
        (Signal::Traces, 1) => Id(16),
        (Signal::Traces, 2 | 4) => Id(8),
        (Signal::Traces, 3 | 5 | 9 | 11 | 13 | 15) => Wire(Len),
        (Signal::Traces, 6 | 10 | 12 | 14) => Wire(Varint),
        (Signal::Traces, 7 | 8) => Wire(I64),
        (Signal::Traces, 16) => Wire(I32),
        (Signal::Metrics, 1 | 2 | 3 | 5 | 7 | 9 | 10 | 11 | 12) => Wire(Len),
        _ => return None,
    })
}

/// Scores per signal; `None` once a record did not fit.
struct Tally {
    scores: [Option<usize>; 3],
    records: usize,
}

impl Tally {
    /// Whether the decision cannot change: enough records seen, or only one signal left
    /// standing with points.
    fn settled(&self) -> bool {
        self.records >= RECORDS_LOOKED_AT || self.scores.iter().flatten().count() <= 1
    }

    fn record(&mut self, record: &[u8]) {
        self.records += 1;
        for (slot, signal) in self.scores.iter_mut().zip(SIGNALS) {
            if let Some(score) = slot {
                match fit(record, signal) {
                    Some(points) => *score += points,
                    None => *slot = None,
                }
            }
        }
    }
}

/// The points a record scores as `signal`'s record message, or `None` if it cannot be one.
/// A malformed record fits (decoding it will name the fault).
fn fit(record: &[u8], signal: Signal) -> Option<usize> {
    let mut r = Reader::new(record, "");
    let mut points = 0;
    let mut fits = true;
    // A malformed record ends the walk with what was seen so far.
    let _ = r.fields(|r, n, w| {
        match expected(signal, n) {
            Some(Expect::Id(len)) if w == WireType::Len => {
                let bytes = r.bytes(n, w)?;
                fits &= bytes.is_empty() || bytes.len() == len;
                points += 1;
                return Ok(());
            }
            Some(Expect::Wire(wire)) if wire == w => points += 1,
            Some(_) => fits = false,
            None => {}
        }
        r.skip(n, w)
    });
    fits.then_some(points)
}

/// The signal `data` most likely holds (see the [module](self) documentation).
pub(super) fn infer(data: &[u8], default: Signal) -> Signal {
    let mut tally = Tally {
        scores: [Some(0); 3],
        records: 0,
    };
    // envelope → resources (1) → scopes (2) → records (2); anything malformed ends the walk.
    let _ = Reader::new(data, "").fields(|r, n, w| {
        if n != 1 || w != WireType::Len || tally.settled() {
            return r.skip(n, w);
        }
        r.message(n, w, "", |r| {
            r.fields(|r, n, w| {
                if n != 2 || w != WireType::Len || tally.settled() {
                    return r.skip(n, w);
                }
                r.message(n, w, "", |r| {
                    r.fields(|r, n, w| {
                        if n != 2 || w != WireType::Len || tally.settled() {
                            return r.skip(n, w);
                        }
                        tally.record(r.bytes(n, w)?);
                        Ok(())
                    })
                })
            })
        })
    });
    let best = tally.scores.iter().flatten().max().copied();
    let leading = |signal: Signal| {
        let at = SIGNALS.iter().position(|&s| s == signal);
        best.is_some() && at.and_then(|at| tally.scores[at]) == best
    };
    if leading(default) {
        return default;
    }
    SIGNALS
        .into_iter()
        .find(|&signal| leading(signal))
        .unwrap_or(default)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `{1: {2: {2: record}}}`.
    fn wrap(record: &[u8]) -> Vec<u8> {
        let mut out = record.to_vec();
        for tag in [0x12, 0x12, 0x0a] {
            let mut outer = vec![tag, out.len() as u8];
            outer.extend(out);
            out = outer;
        }
        out
    }

    #[test]
    fn records_name_their_signal() {
        // LogRecord { time_unix_nano: 1 }
        let log = [0x09, 1, 0, 0, 0, 0, 0, 0, 0];
        assert_eq!(infer(&wrap(&log), Signal::Logs), Signal::Logs);
        // Span { status: {} }
        assert_eq!(infer(&wrap(&[0x7a, 0]), Signal::Logs), Signal::Traces);
        // Metric { name: "cpu", sum: {} }
        assert_eq!(
            infer(&wrap(&[0x0a, 3, b'c', b'p', b'u', 0x3a, 0]), Signal::Logs),
            Signal::Metrics
        );
        // Nothing to go on: the default.
        assert_eq!(infer(&[], Signal::Traces), Signal::Traces);
        assert_eq!(infer(&wrap(&[]), Signal::Metrics), Signal::Metrics);
    }
}
