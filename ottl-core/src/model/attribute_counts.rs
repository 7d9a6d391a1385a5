//! How large the decoders make the next attributes vector of each kind of message.

use super::KeyValue;

/// The messages that hold attributes, and `AnyValue`'s key/value list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Holder {
    Resource,
    Scope,
    LogRecord,
    Span,
    SpanEvent,
    SpanLink,
    /// A metric's metadata.
    Metric,
    NumberPoint,
    Exemplar,
    HistogramPoint,
    ExponentialPoint,
    SummaryPoint,
    KvList,
}

impl Holder {
    /// How many kinds there are.
    const COUNT: usize = Self::KvList as usize + 1;
}

/// Room a vector gets beyond the count expected: statements mostly add a key or two.
const SPARE: usize = 2;

/// How many attributes the last message of each kind held.
///
/// Records of a batch mostly carry the same attributes, so a decoder reads the next message's
/// straight into a vector sized from this, instead of growing one a push at a time or gathering
/// the entries first and copying them into an exactly sized one.
#[derive(Debug, Default)]
pub(crate) struct AttributeCounts([usize; Holder::COUNT]);

impl AttributeCounts {
    /// A vector for the attributes of the next `holder`.
    #[inline]
    pub(crate) fn vector(&self, holder: Holder) -> Vec<KeyValue> {
        match self.0[holder as usize] {
            0 => Vec::new(),
            expected => Vec::with_capacity(expected + SPARE),
        }
    }

    /// Remembers that a `holder` held `count` attributes.
    #[inline]
    pub(crate) fn remember(&mut self, holder: Holder, count: usize) {
        self.0[holder as usize] = count;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_is_sized_from_its_last_count() {
        let mut counts = AttributeCounts::default();
        assert_eq!(counts.vector(Holder::LogRecord).capacity(), 0);
        counts.remember(Holder::LogRecord, 10);
        counts.remember(Holder::Resource, 0);
        assert!(counts.vector(Holder::LogRecord).capacity() >= 12);
        assert_eq!(counts.vector(Holder::Resource).capacity(), 0);
        assert_eq!(counts.vector(Holder::Span).capacity(), 0);
    }
}
