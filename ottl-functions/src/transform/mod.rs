//! The functions the transform processor adds to the standard library, each registered only in
//! the context where the processor registers it: metric reshaping in `metric`
//! (`convert_sum_to_gauge`, `aggregate_on_attributes`, `extract_sum_metric`, `copy_metric`, …),
//! summary conversions and `merge_histogram_buckets` in `datapoint`, `IsRootSpan()` and
//! `set_semconv_span_name` in `span`, and the log parsers `ParseCEF`, `ParseCLF`, `ParseELF`
//! and `ParseLEEF` in `log`.
//!
//! A host running transform-processor statements builds its registry with [`registry`]; a
//! statement that calls one of these functions in another context is told which context has it.
//!
//! ```
//! use ottl_core::context::ContextKind;
//!
//! let metric = ottl_functions::transform::registry(ContextKind::Metric);
//! assert!(metric.get("convert_sum_to_gauge").is_some());
//! assert!(metric.get("set").is_some());
//! let log = ottl_functions::transform::registry(ContextKind::Log);
//! assert!(log.get("convert_sum_to_gauge").is_none());
//! assert_eq!(log.context_of("convert_sum_to_gauge"), Some("metric"));
//! ```

mod aggregate;
mod aggregate_on_attribute_value;
mod aggregate_on_attributes;
mod convert_exponential_histogram_to_histogram;
mod convert_gauge_to_sum;
mod convert_sum_to_gauge;
mod convert_summary_count_val_to_sum;
mod convert_summary_quantile_val_to_gauge;
mod convert_summary_sum_val_to_sum;
mod copy_metric;
mod extract;
mod extract_count_metric;
mod extract_percentile_metric;
mod extract_sum_metric;
mod merge_histogram_buckets;
mod parse_cef;
mod parse_clf;
mod parse_elf;
mod parse_leef;
mod scale_metric;
mod set_semconv_span_name;

pub use aggregate_on_attribute_value::AggregateOnAttributeValue;
pub use aggregate_on_attributes::AggregateOnAttributes;
pub use convert_exponential_histogram_to_histogram::ConvertExponentialHistogramToHistogram;
pub use convert_gauge_to_sum::ConvertGaugeToSum;
pub use convert_sum_to_gauge::ConvertSumToGauge;
pub use convert_summary_count_val_to_sum::ConvertSummaryCountValToSum;
pub use convert_summary_quantile_val_to_gauge::ConvertSummaryQuantileValToGauge;
pub use convert_summary_sum_val_to_sum::ConvertSummarySumValToSum;
pub use copy_metric::CopyMetric;
pub use extract_count_metric::ExtractCountMetric;
pub use extract_percentile_metric::ExtractPercentileMetric;
pub use extract_sum_metric::ExtractSumMetric;
pub use merge_histogram_buckets::MergeHistogramBuckets;
pub use parse_cef::ParseCef;
pub use parse_clf::ParseClf;
pub use parse_elf::ParseElf;
pub use parse_leef::ParseLeef;
pub use scale_metric::ScaleMetric;
pub use set_semconv_span_name::SetSemconvSpanName;

use crate::filter::IsRootSpan;
use ottl_core::context::ContextKind;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Registry};
use ottl_core::model::{AggregationTemporality, MetricData};
use ottl_core::{RuntimeError, RuntimeErrorKind};

/// Adds a function to a registry.
type Adder = fn(&mut Registry);

/// A context's functions, by name.
type Functions = &'static [(&'static str, Adder)];

/// Each context's transform functions (the processor's `MetricFunctions()`,
/// `DataPointFunctions()`, `SpanFunctions()`, `LogFunctions()`).
const CONTEXTS: [(ContextKind, &str, Functions); 4] = [
    (
        ContextKind::Metric,
        "metric",
        &[
            ("convert_sum_to_gauge", |r| r.insert(ConvertSumToGauge)),
            ("convert_gauge_to_sum", |r| r.insert(ConvertGaugeToSum)),
            ("extract_count_metric", |r| r.insert(ExtractCountMetric)),
            ("extract_sum_metric", |r| r.insert(ExtractSumMetric)),
            ("extract_percentile_metric", |r| {
                r.insert(ExtractPercentileMetric)
            }),
            ("convert_summary_quantile_val_to_gauge", |r| {
                r.insert(ConvertSummaryQuantileValToGauge)
            }),
            ("copy_metric", |r| r.insert(CopyMetric)),
            ("scale_metric", |r| r.insert(ScaleMetric)),
            ("aggregate_on_attributes", |r| {
                r.insert(AggregateOnAttributes)
            }),
            ("aggregate_on_attribute_value", |r| {
                r.insert(AggregateOnAttributeValue)
            }),
            ("convert_exponential_histogram_to_histogram", |r| {
                r.insert(ConvertExponentialHistogramToHistogram)
            }),
        ],
    ),
    (
        ContextKind::DataPoint,
        "datapoint",
        &[
            ("convert_summary_count_val_to_sum", |r| {
                r.insert(ConvertSummaryCountValToSum)
            }),
            ("convert_summary_sum_val_to_sum", |r| {
                r.insert(ConvertSummarySumValToSum)
            }),
            ("merge_histogram_buckets", |r| {
                r.insert(MergeHistogramBuckets)
            }),
        ],
    ),
    (
        ContextKind::Span,
        "span",
        &[
            ("IsRootSpan", |r| r.insert(IsRootSpan)),
            ("set_semconv_span_name", |r| r.insert(SetSemconvSpanName)),
        ],
    ),
    (
        ContextKind::Log,
        "log",
        &[
            ("ParseCEF", |r| r.insert(ParseCef)),
            ("ParseCLF", |r| r.insert(ParseClf)),
            ("ParseELF", |r| r.insert(ParseElf)),
            ("ParseLEEF", |r| r.insert(ParseLeef)),
        ],
    ),
];

/// The functions transform-processor statements of `context` may call: the standard library
/// and the processor's functions for that context. The others are known by name, so that a
/// statement calling one in the wrong context is told where it belongs.
pub fn registry(context: ContextKind) -> Registry {
    let mut registry = crate::standard();
    for (kind, name, functions) in CONTEXTS {
        for (function, add) in functions {
            if kind == context {
                add(&mut registry);
            } else {
                registry.known_in(function, name);
            }
        }
    }
    registry
}

/// A failure of `function` while it runs.
fn failure(function: &'static str, message: impl Into<String>) -> RuntimeError {
    RuntimeErrorKind::Function {
        function,
        message: message.into(),
    }
    .into()
}

/// The aggregation temporality named by the string literal at `index`: `"delta"` or
/// `"cumulative"`, as the reference accepts them.
fn temporality(args: &mut Args, index: usize) -> Result<AggregationTemporality, Diagnostic> {
    let name = args.string(index)?;
    match name.as_str() {
        "delta" => Ok(AggregationTemporality::DELTA),
        "cumulative" => Ok(AggregationTemporality::CUMULATIVE),
        _ => Err(args.invalid(
            index,
            format!("unknown aggregation temporality: {name}"),
            r#"use "delta" or "cumulative""#,
        )),
    }
}

/// The metric type as pdata names it (`Gauge`, `ExponentialHistogram`, …), for messages.
fn type_name(data: &MetricData) -> &'static str {
    match data {
        MetricData::Empty => "Empty",
        MetricData::Gauge(_) => "Gauge",
        MetricData::Sum(_) => "Sum",
        MetricData::Histogram(_) => "Histogram",
        MetricData::ExponentialHistogram(_) => "ExponentialHistogram",
        MetricData::Summary(_) => "Summary",
    }
}

/// Every transform function, with its context, for the tests and `ottl functions`.
#[cfg(test)]
fn all() -> impl Iterator<Item = (ContextKind, &'static str)> {
    CONTEXTS
        .into_iter()
        .flat_map(|(kind, _, functions)| functions.iter().map(move |(name, _)| (kind, *name)))
}

#[cfg(test)]
mod tests;
