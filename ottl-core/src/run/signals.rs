//! Walking a batch of each signal in document order (resources, their scopes, their items) and
//! running the program on every record of its context. The cache is cleared before each
//! record. A program whose context does not belong to the signal (a `log` program over
//! traces) runs on nothing.

use super::{Program, StatementError};
use crate::Limits;
use crate::context::{ContextKind, TransformContext};
use crate::model::{
    InstrumentationScope, LogRecord, Logs, Map, Metric, MetricData, Metrics, Resource, Str, Traces,
};

/// Where failures go under `ErrorMode::Ignore`.
type Report<'a> = &'a mut dyn FnMut(StatementError);

impl Program {
    /// Runs the program over every record of its context in `logs`, in document order.
    pub fn run_logs(&self, logs: &mut Logs, report: Report<'_>) -> Result<(), StatementError> {
        let mut cache = Map::new();
        for (r, resource_logs) in logs.resource_logs.iter_mut().enumerate() {
            let resource = &mut resource_logs.resource;
            let resource_url = &mut resource_logs.schema_url;
            let at = || format!("resourceLogs[{r}]");
            if self.context == ContextKind::Resource {
                self.on_resource(resource, resource_url, &mut cache, &at, report)?;
                continue;
            }
            for (s, scope_logs) in resource_logs.scope_logs.iter_mut().enumerate() {
                let scope = &mut scope_logs.scope;
                let scope_url = &mut scope_logs.schema_url;
                let at = || format!("resourceLogs[{r}].scopeLogs[{s}]");
                let parents = Parents {
                    resource: &mut *resource,
                    resource_url: &mut *resource_url,
                    scope,
                    scope_url,
                };
                match self.context {
                    ContextKind::Scope => self.on_scope(parents, &mut cache, &at, report)?,
                    ContextKind::Log => self.on_logs(
                        parents,
                        &mut scope_logs.log_records,
                        &mut cache,
                        &at,
                        report,
                    )?,
                    _ => {}
                }
            }
        }
        Ok(())
    }

    /// Runs the program over every record of its context in `traces`, in document order:
    /// resources, scopes, spans, or each event of each span.
    pub fn run_traces(
        &self,
        traces: &mut Traces,
        report: Report<'_>,
    ) -> Result<(), StatementError> {
        let mut cache = Map::new();
        for (r, resource_spans) in traces.resource_spans.iter_mut().enumerate() {
            let resource = &mut resource_spans.resource;
            let resource_url = &mut resource_spans.schema_url;
            let at = || format!("resourceSpans[{r}]");
            if self.context == ContextKind::Resource {
                self.on_resource(resource, resource_url, &mut cache, &at, report)?;
                continue;
            }
            for (s, scope_spans) in resource_spans.scope_spans.iter_mut().enumerate() {
                let scope = &mut scope_spans.scope;
                let scope_url = &mut scope_spans.schema_url;
                let at = || format!("resourceSpans[{r}].scopeSpans[{s}]");
                let parents = Parents {
                    resource: &mut *resource,
                    resource_url: &mut *resource_url,
                    scope,
                    scope_url,
                };
                match self.context {
                    ContextKind::Scope => self.on_scope(parents, &mut cache, &at, report)?,
                    ContextKind::Span | ContextKind::SpanEvent => {
                        self.on_spans(parents, &mut scope_spans.spans, &mut cache, &at, report)?
                    }
                    _ => {}
                }
            }
        }
        Ok(())
    }

    /// Runs the program over every record of its context in `metrics`, in document order:
    /// resources, scopes, metrics, or every data point (of any kind) of every metric. Metrics
    /// and points are counted afresh at each step, as the reference does.
    pub fn run_metrics(
        &self,
        metrics: &mut Metrics,
        report: Report<'_>,
    ) -> Result<(), StatementError> {
        let mut cache = Map::new();
        for (r, resource_metrics) in metrics.resource_metrics.iter_mut().enumerate() {
            let resource = &mut resource_metrics.resource;
            let resource_url = &mut resource_metrics.schema_url;
            let at = || format!("resourceMetrics[{r}]");
            if self.context == ContextKind::Resource {
                self.on_resource(resource, resource_url, &mut cache, &at, report)?;
                continue;
            }
            for (s, scope_metrics) in resource_metrics.scope_metrics.iter_mut().enumerate() {
                let scope = &mut scope_metrics.scope;
                let scope_url = &mut scope_metrics.schema_url;
                let at = || format!("resourceMetrics[{r}].scopeMetrics[{s}]");
                let parents = Parents {
                    resource: &mut *resource,
                    resource_url: &mut *resource_url,
                    scope,
                    scope_url,
                };
                match self.context {
                    ContextKind::Scope => self.on_scope(parents, &mut cache, &at, report)?,
                    ContextKind::Metric | ContextKind::DataPoint => self.on_metrics(
                        parents,
                        &mut scope_metrics.metrics,
                        &mut cache,
                        &at,
                        report,
                    )?,
                    _ => {}
                }
            }
        }
        Ok(())
    }

    fn on_resource(
        &self,
        resource: &mut Resource,
        resource_url: &mut Str,
        cache: &mut Map,
        at: &dyn Fn() -> String,
        report: Report<'_>,
    ) -> Result<(), StatementError> {
        cache.clear();
        let mut ctx =
            TransformContext::resource(resource, resource_url, cache).with_limits(&self.limits);
        self.run_record(&mut ctx, at, report)
    }

    fn on_scope(
        &self,
        parents: Parents<'_>,
        cache: &mut Map,
        at: &dyn Fn() -> String,
        report: Report<'_>,
    ) -> Result<(), StatementError> {
        cache.clear();
        let mut parents = parents;
        let mut ctx = parents.context(cache, &self.limits);
        self.run_record(&mut ctx, at, report)
    }

    /// Each log record.
    fn on_logs(
        &self,
        mut parents: Parents<'_>,
        logs: &mut [LogRecord],
        cache: &mut Map,
        at: &dyn Fn() -> String,
        report: Report<'_>,
    ) -> Result<(), StatementError> {
        for (l, log) in logs.iter_mut().enumerate() {
            cache.clear();
            let mut ctx = parents.context(cache, &self.limits).log(log);
            self.run_record(&mut ctx, &|| format!("{}.logRecords[{l}]", at()), report)?;
        }
        Ok(())
    }

    /// Each span, or each event of each span.
    fn on_spans(
        &self,
        parents: Parents<'_>,
        spans: &mut [crate::model::Span],
        cache: &mut Map,
        at: &dyn Fn() -> String,
        report: Report<'_>,
    ) -> Result<(), StatementError> {
        let mut parents = parents;
        for (i, span) in spans.iter_mut().enumerate() {
            let span_at = || format!("{}.spans[{i}]", at());
            if self.context == ContextKind::Span {
                cache.clear();
                let mut ctx = parents.context(cache, &self.limits).span(span);
                self.run_record(&mut ctx, &span_at, report)?;
                continue;
            }
            let mut e = 0;
            while e < span.events.len() {
                cache.clear();
                let mut ctx = parents.context(cache, &self.limits).span_event(span, e);
                self.run_record(&mut ctx, &|| format!("{}.events[{e}]", span_at()), report)?;
                e += 1;
            }
        }
        Ok(())
    }

    /// Each metric, or each data point of each metric.
    fn on_metrics(
        &self,
        parents: Parents<'_>,
        metrics: &mut [Metric],
        cache: &mut Map,
        at: &dyn Fn() -> String,
        report: Report<'_>,
    ) -> Result<(), StatementError> {
        let mut parents = parents;
        let mut m = 0;
        while let Some(metric) = metrics.get_mut(m) {
            let metric_at = || format!("{}.metrics[{m}]", at());
            if self.context == ContextKind::Metric {
                cache.clear();
                let mut ctx = parents.context(cache, &self.limits).metric(metric);
                self.run_record(&mut ctx, &metric_at, report)?;
            } else {
                let mut p = 0;
                while p < point_count(&metric.data) {
                    cache.clear();
                    let mut ctx = parents.context(cache, &self.limits).data_point(metric, p);
                    let point_at = || format!("{}.dataPoints[{p}]", metric_at());
                    self.run_record(&mut ctx, &point_at, report)?;
                    p += 1;
                }
            }
            m += 1;
        }
        Ok(())
    }
}

/// The resource and scope the items of one scope belong to.
struct Parents<'a> {
    resource: &'a mut Resource,
    resource_url: &'a mut Str,
    scope: &'a mut InstrumentationScope,
    scope_url: &'a mut Str,
}

impl Parents<'_> {
    /// A scope-level context over these parents, for one record: narrow it to the item.
    fn context<'c>(&'c mut self, cache: &'c mut Map, limits: &'c Limits) -> TransformContext<'c> {
        TransformContext::scope(
            self.resource,
            self.resource_url,
            self.scope,
            self.scope_url,
            cache,
        )
        .with_limits(limits)
    }
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
