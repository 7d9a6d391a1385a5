//! `datapoint.*`: the paths of a data point of any kind. A path the point's kind lacks reads
//! nil (`value_int` on a histogram point) and cannot be written.

use super::paths::{Field, FieldTable};

/// A field of a data point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DataPointField {
    Attributes,
    StartTimeUnixNano,
    TimeUnixNano,
    StartTime,
    Time,
    /// Number points.
    ValueDouble,
    /// Number points.
    ValueInt,
    /// Number and histogram points.
    Exemplars,
    Flags,
    /// Histogram, exponential histogram and summary points.
    Count,
    /// Histogram, exponential histogram and summary points.
    Sum,
    /// Histogram points.
    BucketCounts,
    /// Histogram points.
    ExplicitBounds,
    /// Exponential histogram points, as the rest below.
    Scale,
    ZeroCount,
    Positive,
    PositiveOffset,
    PositiveBucketCounts,
    Negative,
    NegativeOffset,
    NegativeBucketCounts,
    /// Summary points.
    QuantileValues,
}

use DataPointField as D;

pub(crate) const FIELDS: FieldTable = &[
    ("attributes", None, Field::DataPoint(D::Attributes)),
    (
        "start_time_unix_nano",
        None,
        Field::DataPoint(D::StartTimeUnixNano),
    ),
    ("time_unix_nano", None, Field::DataPoint(D::TimeUnixNano)),
    ("start_time", None, Field::DataPoint(D::StartTime)),
    ("time", None, Field::DataPoint(D::Time)),
    ("value_double", None, Field::DataPoint(D::ValueDouble)),
    ("value_int", None, Field::DataPoint(D::ValueInt)),
    ("exemplars", None, Field::DataPoint(D::Exemplars)),
    ("flags", None, Field::DataPoint(D::Flags)),
    ("count", None, Field::DataPoint(D::Count)),
    ("sum", None, Field::DataPoint(D::Sum)),
    ("bucket_counts", None, Field::DataPoint(D::BucketCounts)),
    ("explicit_bounds", None, Field::DataPoint(D::ExplicitBounds)),
    ("scale", None, Field::DataPoint(D::Scale)),
    ("zero_count", None, Field::DataPoint(D::ZeroCount)),
    ("positive", None, Field::DataPoint(D::Positive)),
    (
        "positive",
        Some("offset"),
        Field::DataPoint(D::PositiveOffset),
    ),
    (
        "positive",
        Some("bucket_counts"),
        Field::DataPoint(D::PositiveBucketCounts),
    ),
    ("negative", None, Field::DataPoint(D::Negative)),
    (
        "negative",
        Some("offset"),
        Field::DataPoint(D::NegativeOffset),
    ),
    (
        "negative",
        Some("bucket_counts"),
        Field::DataPoint(D::NegativeBucketCounts),
    ),
    ("quantile_values", None, Field::DataPoint(D::QuantileValues)),
];
