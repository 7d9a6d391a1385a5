//! Filtering metrics: resources, then their scopes, their metrics, and the data points of the
//! metrics that stay. A metric left without points goes.

use super::{FilterConditions, FilterError, FilterGroup, Parents, Report, Walk, fresh};
use crate::context::TransformContext;
use crate::model::{Map, Metric, MetricData, Metrics};

impl FilterGroup {
    /// Removes from `metrics` the resources, scopes, metrics and data points the group's
    /// conditions match, and the containers left empty; a metric whose points all go (or that
    /// had none, when the group has data point conditions) goes too, unless its type is empty
    /// (see the [module](super) for the rules). Condition failures under `Ignore` go to
    /// `report`; under `Propagate` they come back together, after the whole batch was
    /// filtered.
    pub fn filter_metrics(
        &self,
        metrics: &mut Metrics,
        report: Report<'_>,
    ) -> Result<(), FilterError> {
        let mut walk = Walk::new(report);
        let mut cache = Map::new();
        let lower = self.has_lower_levels();
        let mut next_resource = 0;
        metrics.resource_metrics.retain_mut(|entry| {
            let r = next_resource;
            next_resource += 1;
            let at = || format!("resourceMetrics[{r}]");
            if let Some(level) = &self.resource {
                let ctx = TransformContext::resource(
                    &mut entry.resource,
                    &mut entry.schema_url,
                    fresh(&mut cache),
                );
                if walk.holds(level, &at, ctx) {
                    return false;
                }
            }
            if !lower {
                return !entry.scope_metrics.is_empty();
            }
            let (resource, resource_url) = (&mut entry.resource, &mut entry.schema_url);
            let mut next_scope = 0;
            entry.scope_metrics.retain_mut(|scope| {
                let s = next_scope;
                next_scope += 1;
                let at = || format!("resourceMetrics[{r}].scopeMetrics[{s}]");
                let mut parents = Parents {
                    resource,
                    resource_url,
                    scope: &mut scope.scope,
                    scope_url: &mut scope.schema_url,
                    cache: &mut cache,
                };
                if let Some(level) = &self.scope
                    && walk.holds(level, &at, parents.context())
                {
                    return false;
                }
                let mut next_metric = 0;
                scope.metrics.retain_mut(|metric| {
                    let m = next_metric;
                    next_metric += 1;
                    let at = || format!("{}.metrics[{m}]", at());
                    if let Some(level) = &self.item
                        && walk.holds(level, &at, parents.context().metric(metric))
                    {
                        return false;
                    }
                    match &self.sub_item {
                        Some(level) => filter_points(level, metric, &mut parents, &mut walk, &at),
                        None => true,
                    }
                });
                !scope.metrics.is_empty()
            });
            !entry.scope_metrics.is_empty()
        });
        walk.finish()
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

/// How many data points a metric has, whatever their kind.
fn point_count(data: &MetricData) -> usize {
    match data {
        MetricData::Empty => 0,
        MetricData::Gauge(gauge) => gauge.data_points.len(),
        MetricData::Sum(sum) => sum.data_points.len(),
        MetricData::Histogram(h) => h.data_points.len(),
        MetricData::ExponentialHistogram(h) => h.data_points.len(),
        MetricData::Summary(summary) => summary.data_points.len(),
    }
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
