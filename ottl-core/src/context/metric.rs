//! `metric.*`: the paths of a metric, also reachable from its data points.

use super::paths::{Field, FieldTable};

/// A field of a metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MetricField {
    Name,
    Description,
    Unit,
    /// `METRIC_DATA_TYPE_*`; setting it does nothing.
    Type,
    /// Sum and histograms only; nil on the others.
    AggregationTemporality,
    /// Sum only; nil on the others.
    IsMonotonic,
    DataPoints,
    Metadata,
}

use MetricField as M;

pub(crate) const FIELDS: FieldTable = &[
    ("name", None, Field::Metric(M::Name)),
    ("description", None, Field::Metric(M::Description)),
    ("unit", None, Field::Metric(M::Unit)),
    ("type", None, Field::Metric(M::Type)),
    (
        "aggregation_temporality",
        None,
        Field::Metric(M::AggregationTemporality),
    ),
    ("is_monotonic", None, Field::Metric(M::IsMonotonic)),
    ("data_points", None, Field::Metric(M::DataPoints)),
    ("metadata", None, Field::Metric(M::Metadata)),
];
