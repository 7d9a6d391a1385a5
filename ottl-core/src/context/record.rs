//! [`TransformContext`]: one record and everything a statement on it can reach.

use super::Request;
use crate::RuntimeErrorKind;
use crate::model::{
    ExponentialHistogramDataPoint, HistogramDataPoint, InstrumentationScope, LogRecord, Map,
    Metric, MetricData, NumberDataPoint, Resource, Span, SpanEvent, Str, SummaryDataPoint,
};
use crate::{Limits, RuntimeError};

/// The record a compiled statement runs over, with everything it can reach.
pub struct TransformContext<'r> {
    pub(crate) resource: &'r mut Resource,
    pub(crate) resource_schema_url: &'r mut Str,
    pub(crate) scope: Option<ScopeRef<'r>>,
    pub(crate) item: Item<'r>,
    pub(crate) cache: &'r mut Map,
    /// What statements may write; [`Limits::DEFAULT`] unless the runner sets the program's.
    pub(crate) limits: &'r Limits,
    /// The request the batch arrived with, for `otelcol.*`; [`Request::NONE`] unless set.
    pub(crate) request: &'r Request,
    /// Metrics a statement added to the scope (`copy_metric`, `extract_sum_metric`), which the
    /// walk appends to the scope's metrics after the record, so that later iterations visit
    /// them as the transform processor does.
    pub(crate) added_metrics: Vec<Metric>,
}

/// The scope a record belongs to.
pub(crate) struct ScopeRef<'r> {
    pub(crate) scope: &'r mut InstrumentationScope,
    pub(crate) schema_url: &'r mut Str,
}

/// The record itself, below resource and scope. A span event and a data point are held
/// through their parent and an index, so `span.*` and `metric.*` stay reachable from them.
pub(crate) enum Item<'r> {
    /// The context is `resource` or `scope`: there is no lower record.
    None,
    /// A log record.
    Log(&'r mut LogRecord),
    /// A span.
    Span(&'r mut Span),
    /// The event at `index` of `span.events`.
    SpanEvent { span: &'r mut Span, index: usize },
    /// A metric.
    Metric(&'r mut Metric),
    /// The data point at `index` of the metric's points (whatever their kind).
    DataPoint {
        metric: &'r mut Metric,
        index: usize,
    },
}

/// A data point of any kind, borrowed.
#[derive(Clone, Copy)]
pub(crate) enum PointRef<'a> {
    Number(&'a NumberDataPoint),
    Histogram(&'a HistogramDataPoint),
    ExponentialHistogram(&'a ExponentialHistogramDataPoint),
    Summary(&'a SummaryDataPoint),
}

/// A data point of any kind, mutably borrowed.
pub(crate) enum PointMut<'a> {
    Number(&'a mut NumberDataPoint),
    Histogram(&'a mut HistogramDataPoint),
    ExponentialHistogram(&'a mut ExponentialHistogramDataPoint),
    Summary(&'a mut SummaryDataPoint),
}

impl<'r> TransformContext<'r> {
    /// This scope's context narrowed to one of its log records.
    pub fn log(self, log: &'r mut LogRecord) -> Self {
        self.with_item(Item::Log(log))
    }

    /// This scope's context narrowed to one of its spans.
    pub fn span(self, span: &'r mut Span) -> Self {
        self.with_item(Item::Span(span))
    }

    /// This scope's context narrowed to event `index` of `span` (`spanevent.event_index`
    /// reads `index`).
    pub fn span_event(self, span: &'r mut Span, index: usize) -> Self {
        self.with_item(Item::SpanEvent { span, index })
    }

    /// This scope's context narrowed to one of its metrics.
    pub fn metric(self, metric: &'r mut Metric) -> Self {
        self.with_item(Item::Metric(metric))
    }

    /// This scope's context narrowed to data point `index` of `metric` (counting the points of
    /// its one kind).
    pub fn data_point(self, metric: &'r mut Metric, index: usize) -> Self {
        self.with_item(Item::DataPoint { metric, index })
    }

    /// A context over a scope; narrow it to a record with [`log`](Self::log),
    /// [`span`](Self::span), [`span_event`](Self::span_event), [`metric`](Self::metric) or
    /// [`data_point`](Self::data_point).
    pub fn scope(
        resource: &'r mut Resource,
        resource_schema_url: &'r mut Str,
        scope: &'r mut InstrumentationScope,
        scope_schema_url: &'r mut Str,
        cache: &'r mut Map,
    ) -> Self {
        Self {
            scope: Some(ScopeRef {
                scope,
                schema_url: scope_schema_url,
            }),
            ..Self::resource(resource, resource_schema_url, cache)
        }
    }

    /// A context over a resource.
    pub fn resource(
        resource: &'r mut Resource,
        resource_schema_url: &'r mut Str,
        cache: &'r mut Map,
    ) -> Self {
        Self {
            resource,
            resource_schema_url,
            scope: None,
            item: Item::None,
            cache,
            limits: &Limits::DEFAULT,
            request: &super::NO_REQUEST,
            added_metrics: Vec::new(),
        }
    }

    /// The same context, checking writes against `limits` instead of [`Limits::DEFAULT`].
    pub fn with_limits(self, limits: &'r Limits) -> Self {
        Self { limits, ..self }
    }

    /// The same context, with `request` as the request the batch arrived with (what the
    /// `otelcol.*` paths read) instead of [`Request::NONE`].
    pub fn with_request(self, request: &'r Request) -> Self {
        Self { request, ..self }
    }

    /// The limits writes are checked against.
    pub fn limits(&self) -> &Limits {
        self.limits
    }

    /// The current instant for `Now()`, from the request's [`Clock`](super::Clock), in
    /// nanoseconds since the Unix epoch.
    pub fn now(&self) -> i64 {
        self.request.clock.now()
    }

    fn with_item(self, item: Item<'r>) -> Self {
        Self { item, ..self }
    }

    /// The scope, for `scope.*` paths.
    pub(crate) fn scope_ref(&self) -> Result<&ScopeRef<'r>, RuntimeError> {
        self.scope.as_ref().ok_or(no_record("scope"))
    }

    /// The scope, for writing `scope.*` paths.
    pub(crate) fn scope_mut(&mut self) -> Result<&mut ScopeRef<'r>, RuntimeError> {
        self.scope.as_mut().ok_or(no_record("scope"))
    }

    /// The log record.
    pub(crate) fn log_record(&self) -> Result<&LogRecord, RuntimeError> {
        match &self.item {
            Item::Log(log) => Ok(log),
            _ => Err(no_record("log record")),
        }
    }

    /// The log record, for writing.
    pub(crate) fn log_record_mut(&mut self) -> Result<&mut LogRecord, RuntimeError> {
        match &mut self.item {
            Item::Log(log) => Ok(log),
            _ => Err(no_record("log record")),
        }
    }

    /// The span of a span or span-event context (what `IsRootSpan()` looks at).
    pub fn span_record(&self) -> Result<&Span, RuntimeError> {
        match &self.item {
            Item::Span(span) | Item::SpanEvent { span, .. } => Ok(span),
            _ => Err(no_record("span")),
        }
    }

    /// The span, or the span of the event, for writing.
    pub fn span_record_mut(&mut self) -> Result<&mut Span, RuntimeError> {
        match &mut self.item {
            Item::Span(span) | Item::SpanEvent { span, .. } => Ok(span),
            _ => Err(no_record("span")),
        }
    }

    /// The span event and its index.
    pub(crate) fn span_event_record(&self) -> Result<(&SpanEvent, usize), RuntimeError> {
        match &self.item {
            Item::SpanEvent { span, index } => span
                .events
                .get(*index)
                .map(|event| (event, *index))
                .ok_or(no_record("span event")),
            _ => Err(no_record("span event")),
        }
    }

    /// The span event, for writing.
    pub(crate) fn span_event_record_mut(&mut self) -> Result<&mut SpanEvent, RuntimeError> {
        match &mut self.item {
            Item::SpanEvent { span, index } => {
                span.events.get_mut(*index).ok_or(no_record("span event"))
            }
            _ => Err(no_record("span event")),
        }
    }

    /// The metric of a metric or data-point context.
    pub fn metric_record(&self) -> Result<&Metric, RuntimeError> {
        match &self.item {
            Item::Metric(metric) | Item::DataPoint { metric, .. } => Ok(metric),
            _ => Err(no_record("metric")),
        }
    }

    /// Appends `metric` to the metrics of the record's scope, after the ones there (the
    /// transform processor's `GetMetrics().AppendEmpty()`): a metric context visits it later in
    /// the same run.
    pub fn add_metric(&mut self, metric: Metric) {
        self.added_metrics.push(metric);
    }

    /// The metrics [`add_metric`](Self::add_metric) added, in order, taken out.
    pub(crate) fn take_added_metrics(&mut self) -> Vec<Metric> {
        std::mem::take(&mut self.added_metrics)
    }

    /// The index of the data point among its metric's points, in a data-point context.
    pub fn data_point_index(&self) -> Option<usize> {
        match &self.item {
            Item::DataPoint { index, .. } => Some(*index),
            _ => None,
        }
    }

    /// The metric, or the metric of the data point, for writing.
    pub fn metric_record_mut(&mut self) -> Result<&mut Metric, RuntimeError> {
        match &mut self.item {
            Item::Metric(metric) | Item::DataPoint { metric, .. } => Ok(metric),
            _ => Err(no_record("metric")),
        }
    }

    /// The data point.
    pub(crate) fn point_record(&self) -> Result<PointRef<'_>, RuntimeError> {
        let Item::DataPoint { metric, index } = &self.item else {
            return Err(no_record("data point"));
        };
        let i = *index;
        let point = match &metric.data {
            MetricData::Gauge(gauge) => gauge.data_points.get(i).map(PointRef::Number),
            MetricData::Sum(sum) => sum.data_points.get(i).map(PointRef::Number),
            MetricData::Histogram(h) => h.data_points.get(i).map(PointRef::Histogram),
            MetricData::ExponentialHistogram(h) => {
                h.data_points.get(i).map(PointRef::ExponentialHistogram)
            }
            MetricData::Summary(summary) => summary.data_points.get(i).map(PointRef::Summary),
            MetricData::Empty => None,
        };
        point.ok_or(no_record("data point"))
    }

    /// The data point, for writing.
    pub(crate) fn point_record_mut(&mut self) -> Result<PointMut<'_>, RuntimeError> {
        let Item::DataPoint { metric, index } = &mut self.item else {
            return Err(no_record("data point"));
        };
        let i = *index;
        let point = match &mut metric.data {
            MetricData::Gauge(gauge) => gauge.data_points.get_mut(i).map(PointMut::Number),
            MetricData::Sum(sum) => sum.data_points.get_mut(i).map(PointMut::Number),
            MetricData::Histogram(h) => h.data_points.get_mut(i).map(PointMut::Histogram),
            MetricData::ExponentialHistogram(h) => {
                h.data_points.get_mut(i).map(PointMut::ExponentialHistogram)
            }
            MetricData::Summary(summary) => summary.data_points.get_mut(i).map(PointMut::Summary),
            MetricData::Empty => None,
        };
        point.ok_or(no_record("data point"))
    }
}

/// The record a path needs is not there: the program runs over another context's records, or
/// a statement removed the span event or data point being processed.
fn no_record(record: &'static str) -> RuntimeError {
    RuntimeErrorKind::NoRecord { record }.into()
}
