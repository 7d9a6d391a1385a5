//! Filtering metrics: resources, then their scopes, their metrics, and the data points of the
//! metrics that stay. A metric left without points goes.

use super::super::entries::Parents;
use super::super::entries::point_count;
use super::{FilterConditions, FilterError, FilterGroup, Report, Walk};
use crate::context::{NO_REQUEST, Request};
use crate::model::{Metric, MetricData, Metrics};

impl FilterGroup {
    /// Removes from `metrics` the resources, scopes, metrics and data points the group's
    /// conditions match, and the containers left empty; a metric whose points all go (or that
    /// had none, when the group has data point conditions) goes too, unless its type is empty
    /// (see [`FilterGroup`] for the rules). Condition failures under `Ignore` go to
    /// `report`; under `Propagate` they come back together, after the whole batch was
    /// filtered.
    pub fn filter_metrics(
        &self,
        metrics: &mut Metrics,
        report: Report<'_>,
    ) -> Result<(), FilterError> {
        self.filter_metrics_for(metrics, &NO_REQUEST, 0, report)
    }

    /// Like [`FilterGroup::filter_metrics`], for a batch that arrived with `request` and that
    /// holds the resources of a larger one from number `first_resource` on (see
    /// [`FilterGroup::filter_logs_for`]).
    pub fn filter_metrics_for(
        &self,
        metrics: &mut Metrics,
        request: &Request,
        first_resource: usize,
        report: Report<'_>,
    ) -> Result<(), FilterError> {
        let names = ["resourceMetrics", "scopeMetrics"];
        let metrics = &mut metrics.resource_metrics;
        self.filter_entries(
            metrics,
            (names, first_resource),
            request,
            report,
            |metrics, parents, walk, at| {
                let mut next_metric = 0;
                metrics.retain_mut(|metric| {
                    let m = next_metric;
                    next_metric += 1;
                    let at = || format!("{}.metrics[{m}]", at());
                    if let Some(level) = &self.item
                        && walk.holds(level, &at, parents.context().metric(metric))
                    {
                        return false;
                    }
                    match &self.sub_item {
                        Some(level) => filter_points(level, metric, parents, walk, &at),
                        None => true,
                    }
                });
            },
        )
    }
}

/// Removes the data points of `metric` that `level` matches, and says whether the metric
/// stays: it goes when no point is left, unless its type is empty. (A point whose condition
/// failed stays, so its metric does too, as in the reference.)
fn filter_points(
    level: &FilterConditions,
    metric: &mut Metric,
    parents: &mut Parents<'_>,
    walk: &mut Walk<'_>,
    metric_at: &dyn Fn() -> String,
) -> bool {
    if matches!(metric.data, MetricData::Empty) {
        return true;
    }
    let count = point_count(&metric.data);
    let mut remove = Vec::with_capacity(count);
    for p in 0..count {
        let ctx = parents.context().data_point(metric, p);
        remove.push(walk.holds(level, &|| format!("{}.dataPoints[{p}]", metric_at()), ctx));
    }
    retain_points(&mut metric.data, &remove) > 0
}

/// Removes the points whose flag in `remove` is set; returns how many are left.
fn retain_points(data: &mut MetricData, remove: &[bool]) -> usize {
    fn retain<T>(points: &mut Vec<T>, remove: &[bool]) -> usize {
        let mut flags = remove.iter();
        points.retain(|_| !flags.next().copied().unwrap_or(false));
        points.len()
    }
    match data {
        MetricData::Empty => 0,
        MetricData::Gauge(gauge) => retain(&mut gauge.data_points, remove),
        MetricData::Sum(sum) => retain(&mut sum.data_points, remove),
        MetricData::Histogram(h) => retain(&mut h.data_points, remove),
        MetricData::ExponentialHistogram(h) => retain(&mut h.data_points, remove),
        MetricData::Summary(summary) => retain(&mut summary.data_points, remove),
    }
}
