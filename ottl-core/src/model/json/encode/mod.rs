//! Model → OTLP/JSON, field for field as pdata's `JSONMarshaler` writes it.

mod common;
mod logs;
mod metrics;
mod traces;
mod writer;

use writer::Writer;

use super::{DocumentRef, EncodeError, EncodeOptions, MAX_DEPTH};

/// Appends `document` to `out`; on error `out` may hold a partial document.
pub(super) fn document(
    document: DocumentRef<'_>,
    out: &mut Vec<u8>,
    options: EncodeOptions,
) -> Result<(), EncodeError> {
    let mut w = Writer::new(out, options.pretty);
    match document {
        DocumentRef::Logs(data) => logs::logs(&mut w, data),
        DocumentRef::Traces(data) => traces::traces(&mut w, data),
        DocumentRef::Metrics(data) => metrics::metrics(&mut w, data),
    }
    if w.too_deep {
        Err(EncodeError::TooDeep(MAX_DEPTH))
    } else {
        Ok(())
    }
}
