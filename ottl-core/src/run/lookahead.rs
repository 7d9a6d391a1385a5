//! Starting to load the next record's body while the current record runs.
//!
//! A log body of any length lives behind a pointer, away from the record. In a batch larger
//! than the cache, the first read of each body waits on memory: about 60 ns a record in the
//! benchmark's P7 (`docs/PERFORMANCE.md`), as long as the rest of a simple statement. When a
//! program reads the body, the walks therefore ask the processor to fetch the next record's
//! body first, so that it arrives while the current record runs. It is a hint: it never
//! faults, changes no result, and is a no-op where the target has no prefetch instruction.

use crate::model::{AnyValue, LogRecord};

/// Bytes of a cache line.
const LINE: usize = 64;

/// How much of a body is fetched ahead: four lines, a typical log line.
const AHEAD: usize = 4 * LINE;

/// Starts loading the first bytes of `log`'s body, if it is a string.
pub(super) fn log_body(log: &LogRecord) {
    if let AnyValue::Str(text) = &log.body {
        let bytes = text.as_bytes();
        for offset in (0..bytes.len().min(AHEAD)).step_by(LINE) {
            prefetch(&bytes[offset]);
        }
    }
}

#[cfg(all(target_arch = "x86_64", target_feature = "sse"))]
fn prefetch(byte: &u8) {
    safe_arch::prefetch_t0(byte);
}

#[cfg(not(all(target_arch = "x86_64", target_feature = "sse")))]
fn prefetch(_: &u8) {}
