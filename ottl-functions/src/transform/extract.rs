//! What `extract_count_metric` and `extract_sum_metric` share: the new sum metric built from
//! the points of a histogram, exponential histogram or summary.

use super::{failure, type_name};
use ottl_core::RuntimeError;
use ottl_core::context::TransformContext;
use ottl_core::model::{
    AggregationTemporality, Map, Metric, MetricData, NumberDataPoint, NumberValue, Str, Sum,
};

/// What a histogram, exponential histogram or summary point gives an extracted point.
pub(super) struct Source<'a> {
    pub(super) attributes: &'a Map,
    pub(super) start_time_unix_nano: u64,
    pub(super) time_unix_nano: u64,
    pub(super) count: u64,
    /// `None` for a histogram point without a sum.
    pub(super) sum: Option<f64>,
}

/// How an extracting function builds its metric.
pub(super) struct Extraction<'s> {
    pub(super) function: &'static str,
    pub(super) suffix: &'s str,
    /// The new metric's unit; `None` keeps the source's.
    pub(super) unit: Option<&'static str>,
    pub(super) is_monotonic: bool,
    /// The value of the new point, or `None` to leave the point out.
    pub(super) value: fn(&Source<'_>) -> Option<NumberValue>,
}

impl Extraction<'_> {
    /// Adds to the scope a sum metric named `<name><suffix>` with one point per source point
    /// that has a value, if there is any; fails on a metric of another type, or a histogram
    /// whose temporality is unspecified, as the reference does.
    pub(super) fn run(&self, ctx: &mut TransformContext<'_>) -> Result<(), RuntimeError> {
        let metric = ctx.metric_record()?;
        let (temporality, points) = match &metric.data {
            MetricData::Histogram(h) => (
                h.aggregation_temporality,
                self.points(h.data_points.iter().map(|p| Source {
                    attributes: &p.attributes,
                    start_time_unix_nano: p.start_time_unix_nano,
                    time_unix_nano: p.time_unix_nano,
                    count: p.count,
                    sum: p.sum,
                })),
            ),
            MetricData::ExponentialHistogram(h) => (
                h.aggregation_temporality,
                self.points(h.data_points.iter().map(|p| Source {
                    attributes: &p.attributes,
                    start_time_unix_nano: p.start_time_unix_nano,
                    time_unix_nano: p.time_unix_nano,
                    count: p.count,
                    sum: p.sum,
                })),
            ),
            // Summaries have no temporality; OpenMetrics says they are cumulative.
            MetricData::Summary(s) => (
                AggregationTemporality::CUMULATIVE,
                self.points(s.data_points.iter().map(|p| Source {
                    attributes: &p.attributes,
                    start_time_unix_nano: p.start_time_unix_nano,
                    time_unix_nano: p.time_unix_nano,
                    count: p.count,
                    sum: Some(p.sum),
                })),
            ),
            other => return Err(self.wrong_type(other)),
        };
        if temporality == AggregationTemporality::UNSPECIFIED {
            return Err(self.wrong_type(&metric.data));
        }
        if points.is_empty() {
            return Ok(());
        }
        let extracted = Metric {
            name: Str::from(format!("{}{}", metric.name, self.suffix)),
            description: metric.description.clone(),
            unit: self.unit.map_or_else(|| metric.unit.clone(), Str::from),
            data: MetricData::Sum(Sum {
                data_points: points,
                aggregation_temporality: temporality,
                is_monotonic: self.is_monotonic,
            }),
            metadata: Map::new(),
        };
        ctx.add_metric(extracted);
        Ok(())
    }

    fn points<'a>(&self, sources: impl Iterator<Item = Source<'a>>) -> Vec<NumberDataPoint> {
        sources
            .filter_map(|source| {
                Some(NumberDataPoint {
                    value: (self.value)(&source)?,
                    attributes: source.attributes.clone(),
                    start_time_unix_nano: source.start_time_unix_nano,
                    time_unix_nano: source.time_unix_nano,
                    ..NumberDataPoint::default()
                })
            })
            .collect()
    }

    fn wrong_type(&self, data: &MetricData) -> RuntimeError {
        failure(
            self.function,
            format!(
                "{} requires an input metric of type Histogram, ExponentialHistogram or Summary, got {}",
                self.function,
                type_name(data)
            ),
        )
    }
}
