//! The three signals' containers seen alike: a resource entry holds a resource and its scope
//! entries, a scope entry a scope and its items. The transform walk (`signals.rs`) and the
//! filter walk (`filter.rs`) go through resources and scopes once, for every signal.

use crate::Limits;
use crate::context::{Request, TransformContext};
use crate::model::{
    InstrumentationScope, LogRecord, Map, Metric, MetricData, Resource, ResourceLogs,
    ResourceMetrics, ResourceSpans, ScopeLogs, ScopeMetrics, ScopeSpans, Span, Str,
};

/// A signal's resource entry (`ResourceLogs`, …): its resource, schema URL and scope entries.
pub(super) trait ResourceEntry {
    /// The signal's scope entry.
    type Scope: ScopeEntry;
    /// The resource, its schema URL and the scope entries.
    fn parts(&mut self) -> (&mut Resource, &mut Str, &mut Vec<Self::Scope>);
    /// The first item of the first scope, if any.
    fn first_item(&self) -> Option<&<Self::Scope as ScopeEntry>::Item>;
}

/// A signal's scope entry (`ScopeLogs`, …): its scope, schema URL and items.
pub(super) trait ScopeEntry {
    /// The signal's item (log record, span, metric).
    type Item;
    /// The scope, its schema URL and the items.
    fn parts(&mut self) -> (&mut InstrumentationScope, &mut Str, &mut Vec<Self::Item>);
}

/// What the record contexts of one scope's items are built from: the resource and scope they
/// belong to, the per-record cache, the limits on writes and the batch's request.
pub(super) struct Parents<'a> {
    pub(super) resource: &'a mut Resource,
    pub(super) resource_url: &'a mut Str,
    pub(super) scope: &'a mut InstrumentationScope,
    pub(super) scope_url: &'a mut Str,
    pub(super) cache: &'a mut Map,
    pub(super) limits: &'a Limits,
    pub(super) request: &'a Request,
}

impl Parents<'_> {
    /// A scope context over an emptied cache, for one record: narrow it to the item.
    pub(super) fn context(&mut self) -> TransformContext<'_> {
        self.cache.clear();
        TransformContext::scope(
            self.resource,
            self.resource_url,
            self.scope,
            self.scope_url,
            self.cache,
        )
        .with_limits(self.limits)
        .with_request(self.request)
    }
}

macro_rules! entries {
    ($($resource:ty => $scopes:ident: $scope:ty => $items:ident: $item:ty;)*) => {$(
        impl ResourceEntry for $resource {
            type Scope = $scope;
            fn parts(&mut self) -> (&mut Resource, &mut Str, &mut Vec<$scope>) {
                (&mut self.resource, &mut self.schema_url, &mut self.$scopes)
            }
            fn first_item(&self) -> Option<&$item> {
                self.$scopes.first().and_then(|scope| scope.$items.first())
            }
        }
        impl ScopeEntry for $scope {
            type Item = $item;
            fn parts(&mut self) -> (&mut InstrumentationScope, &mut Str, &mut Vec<$item>) {
                (&mut self.scope, &mut self.schema_url, &mut self.$items)
            }
        }
    )*};
}

entries! {
    ResourceLogs => scope_logs: ScopeLogs => log_records: LogRecord;
    ResourceSpans => scope_spans: ScopeSpans => spans: Span;
    ResourceMetrics => scope_metrics: ScopeMetrics => metrics: Metric;
}

/// How many data points a metric has, whatever their kind.
pub(super) fn point_count(data: &MetricData) -> usize {
    match data {
        MetricData::Empty => 0,
        MetricData::Gauge(gauge) => gauge.data_points.len(),
        MetricData::Sum(sum) => sum.data_points.len(),
        MetricData::Histogram(h) => h.data_points.len(),
        MetricData::ExponentialHistogram(h) => h.data_points.len(),
        MetricData::Summary(summary) => summary.data_points.len(),
    }
}
