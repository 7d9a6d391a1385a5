//! Walking a batch of each signal in document order (resources, their scopes, their items) and
//! running the program on every record of its context. The cache is cleared before each
//! record. A program whose context does not belong to the signal (a `log` program over
//! traces) runs on nothing.

use super::entries::{Parents, ResourceEntry, ScopeEntry, point_count};
use super::lookahead;
use super::{Observer, Program, StatementError};
use crate::context::{ContextKind, Request, TransformContext};
use crate::model::{LogRecord, Logs, Map, Metric, Metrics, Span, Traces};

/// Where failures go under `ErrorMode::Ignore`.
type Report<'a> = &'a mut dyn FnMut(StatementError);

/// How failures name records (`resourceLogs[3].scopeLogs[0].logRecords[2]`): the JSON names
/// of the resource and scope levels, and the number of the batch's first resource.
struct Names<'a> {
    resource: &'a str,
    scope: &'a str,
    first: usize,
}

impl Program {
    /// Runs the program over every record of its context in `logs`, in document order,
    /// telling `observer` about every record and statement; failures number the resources
    /// from `first`.
    pub(super) fn run_logs_observed<O: Observer>(
        &self,
        logs: &mut Logs,
        request: &Request,
        first: usize,
        report: Report<'_>,
        observer: &mut O,
    ) -> Result<(), StatementError> {
        let names = Names {
            resource: "resourceLogs",
            scope: "scopeLogs",
            first,
        };
        let items = Items {
            contexts: &[ContextKind::Log],
            run: Self::on_logs::<O>,
            ahead: self.log_lookahead(),
        };
        self.walk(
            &mut logs.resource_logs,
            names,
            items,
            request,
            report,
            observer,
        )
    }

    /// Runs the program over every record of its context in `traces`, in document order:
    /// resources (numbered from `first` in failures), scopes, spans, or each event of each
    /// span.
    pub(super) fn run_traces_observed<O: Observer>(
        &self,
        traces: &mut Traces,
        request: &Request,
        first: usize,
        report: Report<'_>,
        observer: &mut O,
    ) -> Result<(), StatementError> {
        let names = Names {
            resource: "resourceSpans",
            scope: "scopeSpans",
            first,
        };
        let items = Items {
            contexts: &[ContextKind::Span, ContextKind::SpanEvent],
            run: Self::on_spans::<O>,
            ahead: None,
        };
        self.walk(
            &mut traces.resource_spans,
            names,
            items,
            request,
            report,
            observer,
        )
    }

    /// Runs the program over every record of its context in `metrics`, in document order:
    /// resources (numbered from `first` in failures), scopes, metrics, or every data point (of
    /// any kind) of every metric. Metrics
    /// and points are counted afresh at each step, as the reference does.
    pub(super) fn run_metrics_observed<O: Observer>(
        &self,
        metrics: &mut Metrics,
        request: &Request,
        first: usize,
        report: Report<'_>,
        observer: &mut O,
    ) -> Result<(), StatementError> {
        let names = Names {
            resource: "resourceMetrics",
            scope: "scopeMetrics",
            first,
        };
        let items = Items {
            contexts: &[ContextKind::Metric, ContextKind::DataPoint],
            run: Self::on_metrics::<O>,
            ahead: None,
        };
        self.walk(
            &mut metrics.resource_metrics,
            names,
            items,
            request,
            report,
            observer,
        )
    }

    /// The walk all signals share: each resource, each of its scopes, and the scope's items
    /// (handed to `items.run` when the program's context is one of `items.contexts`), with the
    /// next resource's first item loaded ahead when `items.ahead` says how. `names` say how
    /// failures name the records.
    fn walk<R: ResourceEntry, O: Observer>(
        &self,
        resources: &mut [R],
        names: Names<'_>,
        items: Items<'_, <R::Scope as ScopeEntry>::Item, O>,
        request: &Request,
        report: Report<'_>,
        observer: &mut O,
    ) -> Result<(), StatementError> {
        let Names {
            resource: resource_name,
            scope: scope_name,
            first,
        } = names;
        let mut cache = Map::new();
        let mut rest = resources;
        let mut r = first;
        while let Some((entry, next)) = rest.split_first_mut() {
            if let Some(ahead) = items.ahead
                && let Some(item) = next.first().and_then(R::first_item)
            {
                ahead(item);
            }
            let (resource, resource_url, scopes) = entry.parts();
            let at = || format!("{resource_name}[{r}]");
            if self.context == ContextKind::Resource {
                cache.clear();
                let mut ctx = TransformContext::resource(resource, resource_url, &mut cache)
                    .with_limits(&self.limits)
                    .with_request(request);
                self.run_record_observed(&mut ctx, &at, report, observer)?;
            } else {
                for (s, entry) in scopes.iter_mut().enumerate() {
                    let (scope, scope_url, items_of) = entry.parts();
                    let at = || format!("{resource_name}[{r}].{scope_name}[{s}]");
                    let mut parents = Parents {
                        resource: &mut *resource,
                        resource_url: &mut *resource_url,
                        scope,
                        scope_url,
                        cache: &mut cache,
                        limits: &self.limits,
                        request,
                    };
                    if self.context == ContextKind::Scope {
                        self.run_record_observed(&mut parents.context(), &at, report, observer)?;
                    } else if items.contexts.contains(&self.context) {
                        (items.run)(self, parents, items_of, &at, report, observer)?;
                    }
                }
            }
            rest = next;
            r += 1;
        }
        Ok(())
    }

    /// What to load of a log record ahead of its turn: its body, if the program reads it.
    fn log_lookahead(&self) -> Option<fn(&LogRecord)> {
        self.reads_log_body.then_some(lookahead::log_body)
    }

    /// Each log record, with the next one loaded ahead (see [`Program::log_lookahead`]).
    #[allow(clippy::ptr_arg, reason = "an `ItemsFn`, whose metric walk appends")]
    fn on_logs<O: Observer>(
        &self,
        mut parents: Parents<'_>,
        logs: &mut Vec<LogRecord>,
        at: &dyn Fn() -> String,
        report: Report<'_>,
        observer: &mut O,
    ) -> Result<(), StatementError> {
        let ahead = self.log_lookahead();
        for l in 0..logs.len() {
            if let Some(ahead) = ahead
                && let Some(next) = logs.get(l + 1)
            {
                ahead(next);
            }
            let mut ctx = parents.context().log(&mut logs[l]);
            self.run_record_observed(
                &mut ctx,
                &|| format!("{}.logRecords[{l}]", at()),
                report,
                observer,
            )?;
        }
        Ok(())
    }

    /// Each span, or each event of each span.
    #[allow(clippy::ptr_arg, reason = "an `ItemsFn`, whose metric walk appends")]
    fn on_spans<O: Observer>(
        &self,
        parents: Parents<'_>,
        spans: &mut Vec<Span>,
        at: &dyn Fn() -> String,
        report: Report<'_>,
        observer: &mut O,
    ) -> Result<(), StatementError> {
        let mut parents = parents;
        for (i, span) in spans.iter_mut().enumerate() {
            let span_at = || format!("{}.spans[{i}]", at());
            if self.context == ContextKind::Span {
                let mut ctx = parents.context().span(span);
                self.run_record_observed(&mut ctx, &span_at, report, observer)?;
                continue;
            }
            let mut e = 0;
            while e < span.events.len() {
                let mut ctx = parents.context().span_event(span, e);
                self.run_record_observed(
                    &mut ctx,
                    &|| format!("{}.events[{e}]", span_at()),
                    report,
                    observer,
                )?;
                e += 1;
            }
        }
        Ok(())
    }

    /// Each metric, or each data point of each metric. The metrics a record's statements add
    /// (`copy_metric`, `extract_*`) are appended after it, and the loop re-reads the length, so
    /// later iterations visit them: the transform processor ranges with
    /// `for k := 0; k < metrics.Len(); k++` over the slice it appends to.
    fn on_metrics<O: Observer>(
        &self,
        parents: Parents<'_>,
        metrics: &mut Vec<Metric>,
        at: &dyn Fn() -> String,
        report: Report<'_>,
        observer: &mut O,
    ) -> Result<(), StatementError> {
        let mut parents = parents;
        let mut m = 0;
        while let Some(metric) = metrics.get_mut(m) {
            let metric_at = || format!("{}.metrics[{m}]", at());
            let mut added = Vec::new();
            if self.context == ContextKind::Metric {
                let mut ctx = parents.context().metric(metric);
                let result = self.run_record_observed(&mut ctx, &metric_at, report, observer);
                added = ctx.take_added_metrics();
                result?;
            } else {
                let mut p = 0;
                while p < point_count(&metric.data) {
                    let mut ctx = parents.context().data_point(metric, p);
                    let point_at = || format!("{}.dataPoints[{p}]", metric_at());
                    let result = self.run_record_observed(&mut ctx, &point_at, report, observer);
                    added.append(&mut ctx.take_added_metrics());
                    result?;
                    p += 1;
                }
            }
            metrics.append(&mut added);
            m += 1;
        }
        Ok(())
    }
}

/// The items of one signal's scopes: the contexts that run on them, and how.
struct Items<'a, T, O> {
    contexts: &'a [ContextKind],
    run: ItemsFn<'a, T, O>,
    /// What to load ahead of the first item of the next resource (see `lookahead`).
    ahead: Option<fn(&T)>,
}

/// What runs a program over the items of one scope (`Program::on_logs`, …).
type ItemsFn<'a, T, O> = fn(
    &Program,
    Parents<'_>,
    &mut Vec<T>,
    &dyn Fn() -> String,
    Report<'_>,
    &mut O,
) -> Result<(), StatementError>;
