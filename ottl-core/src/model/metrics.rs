//! Metrics: `Metrics → ResourceMetrics → ScopeMetrics → Metric` and the five data point kinds.

use super::{AggregationTemporality, InstrumentationScope, Map, Resource, SpanId, Str, TraceId};

/// A batch of metrics (`MetricsData` / `ExportMetricsServiceRequest`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metrics {
    /// Metrics grouped by resource.
    pub resource_metrics: Vec<ResourceMetrics>,
}

/// The metrics of one resource.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ResourceMetrics {
    /// The resource.
    pub resource: Resource,
    /// Metrics grouped by scope.
    pub scope_metrics: Vec<ScopeMetrics>,
    /// Schema URL of the resource.
    pub schema_url: Str,
}

/// The metrics of one instrumentation scope.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScopeMetrics {
    /// The scope.
    pub scope: InstrumentationScope,
    /// The metrics.
    pub metrics: Vec<Metric>,
    /// Schema URL of the scope.
    pub schema_url: Str,
}

/// One metric: its metadata and its data points.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metric {
    /// Metric name.
    pub name: Str,
    /// Description.
    pub description: Str,
    /// Unit (UCUM).
    pub unit: Str,
    /// The data, whose kind is the metric type.
    pub data: MetricData,
    /// Additional metadata (`metadata` key/value list).
    pub metadata: Map,
}

/// The data of a metric; which variant is set is the metric type.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum MetricData {
    /// No data set (pdata's `MetricTypeEmpty`).
    #[default]
    Empty,
    /// A gauge.
    Gauge(Gauge),
    /// A sum.
    Sum(Sum),
    /// An explicit-bucket histogram.
    Histogram(Histogram),
    /// An exponential histogram.
    ExponentialHistogram(ExponentialHistogram),
    /// A summary.
    Summary(Summary),
}

/// Instantaneous measurements.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Gauge {
    /// The points.
    pub data_points: Vec<NumberDataPoint>,
}

/// Measurements that add up.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sum {
    /// The points.
    pub data_points: Vec<NumberDataPoint>,
    /// Delta or cumulative.
    pub aggregation_temporality: AggregationTemporality,
    /// Whether the sum only grows.
    pub is_monotonic: bool,
}

/// Distributions over explicit bucket bounds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Histogram {
    /// The points.
    pub data_points: Vec<HistogramDataPoint>,
    /// Delta or cumulative.
    pub aggregation_temporality: AggregationTemporality,
}

/// Distributions over exponentially sized buckets.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExponentialHistogram {
    /// The points.
    pub data_points: Vec<ExponentialHistogramDataPoint>,
    /// Delta or cumulative.
    pub aggregation_temporality: AggregationTemporality,
}

/// Quantile summaries.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// The points.
    pub data_points: Vec<SummaryDataPoint>,
}

/// The value of a number data point or exemplar (`asDouble` / `asInt` oneof).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum NumberValue {
    /// Neither set.
    #[default]
    None,
    /// `asDouble`.
    Double(f64),
    /// `asInt`.
    Int(i64),
}

/// Bits of a data point's `flags`.
pub struct DataPointFlags;

impl DataPointFlags {
    /// The point marks a gap: it has no recorded value.
    pub const NO_RECORDED_VALUE: u32 = 0x1;
}

/// A point of a gauge or sum.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NumberDataPoint {
    /// Attributes.
    pub attributes: Map,
    /// Start of the aggregation interval, nanoseconds since the Unix epoch.
    pub start_time_unix_nano: u64,
    /// Time of the point.
    pub time_unix_nano: u64,
    /// The value.
    pub value: NumberValue,
    /// Sample measurements.
    pub exemplars: Vec<Exemplar>,
    /// See [`DataPointFlags`].
    pub flags: u32,
}

/// A point of an explicit-bucket histogram.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HistogramDataPoint {
    /// Attributes.
    pub attributes: Map,
    /// Start of the aggregation interval.
    pub start_time_unix_nano: u64,
    /// Time of the point.
    pub time_unix_nano: u64,
    /// Number of measurements.
    pub count: u64,
    /// Sum of the measurements, when recorded.
    pub sum: Option<f64>,
    /// Count per bucket (one more than `explicit_bounds`).
    pub bucket_counts: Vec<u64>,
    /// Upper bounds of the buckets.
    pub explicit_bounds: Vec<f64>,
    /// Sample measurements.
    pub exemplars: Vec<Exemplar>,
    /// See [`DataPointFlags`].
    pub flags: u32,
    /// Smallest measurement, when recorded.
    pub min: Option<f64>,
    /// Largest measurement, when recorded.
    pub max: Option<f64>,
}

/// A point of an exponential histogram.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExponentialHistogramDataPoint {
    /// Attributes.
    pub attributes: Map,
    /// Start of the aggregation interval.
    pub start_time_unix_nano: u64,
    /// Time of the point.
    pub time_unix_nano: u64,
    /// Number of measurements.
    pub count: u64,
    /// Sum of the measurements, when recorded.
    pub sum: Option<f64>,
    /// Resolution of the buckets.
    pub scale: i32,
    /// Measurements in the zero bucket.
    pub zero_count: u64,
    /// Buckets of positive measurements.
    pub positive: Buckets,
    /// Buckets of negative measurements.
    pub negative: Buckets,
    /// See [`DataPointFlags`].
    pub flags: u32,
    /// Sample measurements.
    pub exemplars: Vec<Exemplar>,
    /// Smallest measurement, when recorded.
    pub min: Option<f64>,
    /// Largest measurement, when recorded.
    pub max: Option<f64>,
    /// Width of the zero bucket.
    pub zero_threshold: f64,
}

/// A run of exponential histogram buckets.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Buckets {
    /// Index of the first bucket.
    pub offset: i32,
    /// Count per bucket.
    pub bucket_counts: Vec<u64>,
}

/// A point of a summary.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SummaryDataPoint {
    /// Attributes.
    pub attributes: Map,
    /// Start of the aggregation interval.
    pub start_time_unix_nano: u64,
    /// Time of the point.
    pub time_unix_nano: u64,
    /// Number of measurements.
    pub count: u64,
    /// Sum of the measurements.
    pub sum: f64,
    /// Values at quantiles.
    pub quantile_values: Vec<ValueAtQuantile>,
    /// See [`DataPointFlags`].
    pub flags: u32,
}

/// The value at one quantile of a summary.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ValueAtQuantile {
    /// The quantile, 0.0 to 1.0.
    pub quantile: f64,
    /// The value at it.
    pub value: f64,
}

/// A sample measurement attached to a data point.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Exemplar {
    /// Attributes filtered out of the point's attributes.
    pub filtered_attributes: Map,
    /// Time of the measurement.
    pub time_unix_nano: u64,
    /// The measurement.
    pub value: NumberValue,
    /// Span active at the measurement.
    pub span_id: SpanId,
    /// Trace active at the measurement.
    pub trace_id: TraceId,
}
