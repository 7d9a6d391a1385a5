//! The records a session works on: the loaded inputs, where each record of a context is in
//! them, and a [`TransformContext`] over one of them.

use crate::runner::signal;
use ottl_core::context::{ContextKind, TransformContext};
use ottl_core::model::json::Document;
use ottl_core::model::{Map, MetricData};

/// Where a record is: its input and its indices at each level (resource, scope, item, and
/// the event or point of the item); the levels below the context's are 0.
#[derive(Debug, Clone, Copy)]
pub(super) struct Position {
    document: usize,
    indices: [usize; 4],
}

/// The loaded inputs, each with the name it is shown by.
#[derive(Debug, Clone, Default)]
pub(super) struct Records {
    pub(super) documents: Vec<(String, Document)>,
}

impl Records {
    /// The records of `context` in every input, in document order.
    pub(super) fn positions(&self, context: ContextKind) -> Vec<Position> {
        let mut found = Vec::new();
        let depth = depth(context);
        for (d, (_, document)) in self.documents.iter().enumerate() {
            if !context.runs_on(signal(document).0) {
                continue;
            }
            let mut push = |indices| {
                found.push(Position {
                    document: d,
                    indices,
                })
            };
            // Each resource's scopes, each scope's items, each item's events or points.
            for (r, scopes) in shape(document).iter().enumerate() {
                if depth == 0 {
                    push([r, 0, 0, 0]);
                    continue;
                }
                for (s, items) in scopes.iter().enumerate() {
                    if depth == 1 {
                        push([r, s, 0, 0]);
                        continue;
                    }
                    for (i, below) in items.iter().enumerate() {
                        if depth == 2 {
                            push([r, s, i, 0]);
                            continue;
                        }
                        for j in 0..*below {
                            push([r, s, i, j]);
                        }
                    }
                }
            }
        }
        found
    }

    /// The position of a record as its input's name and a JSON path into it.
    pub(super) fn describe(&self, context: ContextKind, position: Position) -> String {
        let Some((name, document)) = self.documents.get(position.document) else {
            return String::new();
        };
        let [r, s, i, j] = position.indices;
        let (resources, scopes, items, below) = match document {
            Document::Logs(_) => ("resourceLogs", "scopeLogs", "logRecords", ""),
            Document::Traces(_) => ("resourceSpans", "scopeSpans", "spans", "events"),
            Document::Metrics(_) => ("resourceMetrics", "scopeMetrics", "metrics", "dataPoints"),
        };
        let mut at = format!("{name}: {resources}[{r}]");
        let depth = depth(context);
        if depth >= 1 {
            at.push_str(&format!(".{scopes}[{s}]"));
        }
        if depth >= 2 {
            at.push_str(&format!(".{items}[{i}]"));
        }
        if depth >= 3 {
            at.push_str(&format!(".{below}[{j}]"));
        }
        at
    }

    /// The input holding the record at `position`, cut down to the record and its parents:
    /// other resources, scopes and items go; a span's events and a metric's points stay whole.
    pub(super) fn focused(&self, context: ContextKind, position: Position) -> Option<Document> {
        let (_, document) = self.documents.get(position.document)?;
        let mut document = document.clone();
        focus(&mut document, context, position.indices);
        Some(document)
    }

    /// Calls `f` with a context of kind `context` over the record at `position` (with an
    /// empty cache); does nothing when there is no such record.
    pub(super) fn with(
        &mut self,
        context: ContextKind,
        position: Position,
        f: impl FnOnce(&mut TransformContext<'_>),
    ) {
        let Some((_, document)) = self.documents.get_mut(position.document) else {
            return;
        };
        let [r, s, i, j] = position.indices;
        let mut cache = Map::new();
        macro_rules! narrow {
            ($resources:expr, $scopes:ident, $items:ident, $item:ident) => {{
                let Some(entry) = $resources.get_mut(r) else {
                    return;
                };
                if context == ContextKind::Resource {
                    f(&mut TransformContext::resource(
                        &mut entry.resource,
                        &mut entry.schema_url,
                        &mut cache,
                    ));
                    return;
                }
                let Some(scope) = entry.$scopes.get_mut(s) else {
                    return;
                };
                let ctx = TransformContext::scope(
                    &mut entry.resource,
                    &mut entry.schema_url,
                    &mut scope.scope,
                    &mut scope.schema_url,
                    &mut cache,
                );
                if context == ContextKind::Scope {
                    f(&mut { ctx });
                    return;
                }
                let Some($item) = scope.$items.get_mut(i) else {
                    return;
                };
                (ctx, $item)
            }};
        }
        match document {
            Document::Logs(logs) => {
                let (ctx, log) = narrow!(logs.resource_logs, scope_logs, log_records, log);
                f(&mut ctx.log(log));
            }
            Document::Traces(traces) => {
                let (ctx, span) = narrow!(traces.resource_spans, scope_spans, spans, span);
                if context == ContextKind::SpanEvent {
                    f(&mut ctx.span_event(span, j));
                } else {
                    f(&mut ctx.span(span));
                }
            }
            Document::Metrics(metrics) => {
                let (ctx, metric) =
                    narrow!(metrics.resource_metrics, scope_metrics, metrics, metric);
                if context == ContextKind::DataPoint {
                    f(&mut ctx.data_point(metric, j));
                } else {
                    f(&mut ctx.metric(metric));
                }
            }
        }
    }
}

/// How deep a context's records are: 0 resources, 1 scopes, 2 items, 3 events or points.
fn depth(context: ContextKind) -> usize {
    match context {
        ContextKind::Resource => 0,
        ContextKind::Scope => 1,
        ContextKind::Log | ContextKind::Span | ContextKind::Metric => 2,
        ContextKind::SpanEvent | ContextKind::DataPoint => 3,
    }
}

/// For each resource, for each scope, for each item: how many events or points it has.
fn shape(document: &Document) -> Vec<Vec<Vec<usize>>> {
    match document {
        Document::Logs(logs) => logs
            .resource_logs
            .iter()
            .map(|r| {
                r.scope_logs
                    .iter()
                    .map(|s| vec![0; s.log_records.len()])
                    .collect()
            })
            .collect(),
        Document::Traces(traces) => traces
            .resource_spans
            .iter()
            .map(|r| {
                r.scope_spans
                    .iter()
                    .map(|s| s.spans.iter().map(|span| span.events.len()).collect())
                    .collect()
            })
            .collect(),
        Document::Metrics(metrics) => metrics
            .resource_metrics
            .iter()
            .map(|r| {
                r.scope_metrics
                    .iter()
                    .map(|s| s.metrics.iter().map(|m| point_count(&m.data)).collect())
                    .collect()
            })
            .collect(),
    }
}

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

/// Cuts `document` down to the record at `indices` and its parents.
fn focus(document: &mut Document, context: ContextKind, indices: [usize; 4]) {
    fn keep<T>(items: &mut Vec<T>, index: usize) {
        let kept = (index < items.len()).then(|| items.swap_remove(index));
        items.clear();
        items.extend(kept);
    }
    let [r, s, i, _] = indices;
    let depth = depth(context);
    macro_rules! cut {
        ($resources:expr, $scopes:ident, $items:ident) => {{
            keep(&mut $resources, r);
            for entry in &mut $resources {
                if depth >= 1 {
                    keep(&mut entry.$scopes, s);
                }
                for scope in &mut entry.$scopes {
                    if depth >= 2 {
                        keep(&mut scope.$items, i);
                    }
                }
            }
        }};
    }
    match document {
        Document::Logs(logs) => cut!(logs.resource_logs, scope_logs, log_records),
        Document::Traces(traces) => cut!(traces.resource_spans, scope_spans, spans),
        Document::Metrics(metrics) => cut!(metrics.resource_metrics, scope_metrics, metrics),
    }
}
