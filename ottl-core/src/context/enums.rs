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

const SPAN_KINDS_AND_STATUS_CODES: &[(&str, i64)] = &[
    ("SPAN_KIND_UNSPECIFIED", 0),
    ("SPAN_KIND_INTERNAL", 1),
    ("SPAN_KIND_SERVER", 2),
    ("SPAN_KIND_CLIENT", 3),
    ("SPAN_KIND_PRODUCER", 4),
    ("SPAN_KIND_CONSUMER", 5),
    ("STATUS_CODE_UNSET", 0),
    ("STATUS_CODE_OK", 1),
    ("STATUS_CODE_ERROR", 2),
];

/// The metric enums, then the data point flags: the metric context knows the first nine,
/// the datapoint context all of them.
const METRIC_AND_DATA_POINT: &[(&str, i64)] = &[
    ("AGGREGATION_TEMPORALITY_UNSPECIFIED", 0),
    ("AGGREGATION_TEMPORALITY_DELTA", 1),
    ("AGGREGATION_TEMPORALITY_CUMULATIVE", 2),
    ("METRIC_DATA_TYPE_NONE", 0),
    ("METRIC_DATA_TYPE_GAUGE", 1),
    ("METRIC_DATA_TYPE_SUM", 2),
    ("METRIC_DATA_TYPE_HISTOGRAM", 3),
    ("METRIC_DATA_TYPE_EXPONENTIAL_HISTOGRAM", 4),
    ("METRIC_DATA_TYPE_SUMMARY", 5),
    ("FLAG_NONE", 0),
    ("FLAG_NO_RECORDED_VALUE", 1),
];

/// The metric context's symbols: all but the data point flags.
const METRIC: &[(&str, i64)] = METRIC_AND_DATA_POINT.split_at(9).0;

/// The symbols `context` knows, with their values.
pub(crate) fn symbols(context: ContextKind) -> &'static [(&'static str, i64)] {
    match context {
        ContextKind::Log => SEVERITY_NUMBERS,
        ContextKind::Span | ContextKind::SpanEvent => SPAN_KINDS_AND_STATUS_CODES,
        ContextKind::Metric => METRIC,
        ContextKind::DataPoint => METRIC_AND_DATA_POINT,
        ContextKind::Resource | ContextKind::Scope => &[],
    }
}

/// The value of enum `symbol` in `context`, if the context has it.
///
/// ```
/// use ottl_core::context::{ContextKind, enum_value};
/// assert_eq!(enum_value(ContextKind::Log, "SEVERITY_NUMBER_ERROR"), Some(17));
/// assert_eq!(enum_value(ContextKind::Resource, "SEVERITY_NUMBER_ERROR"), None);
/// assert_eq!(enum_value(ContextKind::SpanEvent, "SPAN_KIND_SERVER"), Some(2));
/// assert_eq!(enum_value(ContextKind::DataPoint, "FLAG_NO_RECORDED_VALUE"), Some(1));
/// assert_eq!(enum_value(ContextKind::Metric, "FLAG_NO_RECORDED_VALUE"), None);
/// ```
pub fn enum_value(context: ContextKind, symbol: &str) -> Option<i64> {
    symbols(context)
        .iter()
        .find(|(name, _)| *name == symbol)
        .map(|(_, value)| *value)
}
