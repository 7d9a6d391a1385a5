//! Enum symbols: all-caps names a context resolves to integers when statements compile.

use super::ContextKind;

const SEVERITY_NUMBERS: &[(&str, i64)] = &[
    ("SEVERITY_NUMBER_UNSPECIFIED", 0),
    ("SEVERITY_NUMBER_TRACE", 1),
    ("SEVERITY_NUMBER_TRACE2", 2),
    ("SEVERITY_NUMBER_TRACE3", 3),
    ("SEVERITY_NUMBER_TRACE4", 4),
    ("SEVERITY_NUMBER_DEBUG", 5),
    ("SEVERITY_NUMBER_DEBUG2", 6),
    ("SEVERITY_NUMBER_DEBUG3", 7),
    ("SEVERITY_NUMBER_DEBUG4", 8),
    ("SEVERITY_NUMBER_INFO", 9),
    ("SEVERITY_NUMBER_INFO2", 10),
    ("SEVERITY_NUMBER_INFO3", 11),
    ("SEVERITY_NUMBER_INFO4", 12),
    ("SEVERITY_NUMBER_WARN", 13),
    ("SEVERITY_NUMBER_WARN2", 14),
    ("SEVERITY_NUMBER_WARN3", 15),
    ("SEVERITY_NUMBER_WARN4", 16),
    ("SEVERITY_NUMBER_ERROR", 17),
    ("SEVERITY_NUMBER_ERROR2", 18),
    ("SEVERITY_NUMBER_ERROR3", 19),
    ("SEVERITY_NUMBER_ERROR4", 20),
    ("SEVERITY_NUMBER_FATAL", 21),
    ("SEVERITY_NUMBER_FATAL2", 22),
    ("SEVERITY_NUMBER_FATAL3", 23),
    ("SEVERITY_NUMBER_FATAL4", 24),
];

/// The symbols `context` knows, with their values.
pub(crate) fn symbols(context: ContextKind) -> &'static [(&'static str, i64)] {
    match context {
        ContextKind::Log => SEVERITY_NUMBERS,
        ContextKind::Resource | ContextKind::Scope => &[],
    }
}

/// The value of enum `symbol` in `context`, if the context has it.
///
/// ```
/// use ottl_core::context::{ContextKind, enum_value};
/// assert_eq!(enum_value(ContextKind::Log, "SEVERITY_NUMBER_ERROR"), Some(17));
/// assert_eq!(enum_value(ContextKind::Resource, "SEVERITY_NUMBER_ERROR"), None);
/// ```
pub fn enum_value(context: ContextKind, symbol: &str) -> Option<i64> {
    symbols(context)
        .iter()
        .find(|(name, _)| *name == symbol)
        .map(|(_, value)| *value)
}
