//! Filtering traces: resources, then their scopes, their spans, and the events of the spans
//! that stay.

use super::super::entries::Parents;
use super::{FilterConditions, FilterError, FilterGroup, Report, Walk};
use crate::context::{NO_REQUEST, Request};
use crate::model::{Span, Traces};

impl FilterGroup {
    /// Removes from `traces` the resources, scopes, spans and span events the group's
    /// conditions match, and the containers left empty; a span whose events all go stays (see
    /// [`FilterGroup`] for the rules). Condition failures under `Ignore` go to `report`;
    /// under `Propagate` they come back together, after the whole batch was filtered.
    pub fn filter_traces(
        &self,
        traces: &mut Traces,
        report: Report<'_>,
    ) -> Result<(), FilterError> {
        self.filter_traces_for(traces, &NO_REQUEST, 0, report)
    }

    /// Like [`FilterGroup::filter_traces`], for a batch that arrived with `request` and that
    /// holds the resources of a larger one from number `first_resource` on (see
    /// [`FilterGroup::filter_logs_for`]).
    pub fn filter_traces_for(
        &self,
        traces: &mut Traces,
        request: &Request,
        first_resource: usize,
        report: Report<'_>,
    ) -> Result<(), FilterError> {
        let names = ["resourceSpans", "scopeSpans"];
        self.filter_entries(
            &mut traces.resource_spans,
            (names, first_resource),
            request,
            report,
            |spans, parents, walk, at| {
                let mut next_span = 0;
                spans.retain_mut(|span| {
                    let i = next_span;
                    next_span += 1;
                    let at = || format!("{}.spans[{i}]", at());
                    if let Some(level) = &self.item
                        && walk.holds(level, &at, parents.context().span(span))
                    {
                        return false;
                    }
                    if let Some(level) = &self.sub_item {
                        filter_events(level, span, parents, walk, &at);
                    }
                    true
                });
            },
        )
    }
}

/// Removes the events of `span` that `level` matches. Each event is evaluated through its
/// span (so `span.*` paths work), then the matched ones are removed together.
fn filter_events(
    level: &FilterConditions,
    span: &mut Span,
    parents: &mut Parents<'_>,
    walk: &mut Walk<'_>,
    span_at: &dyn Fn() -> String,
) {
    let mut remove = Vec::with_capacity(span.events.len());
    for e in 0..span.events.len() {
        let ctx = parents.context().span_event(span, e);
        remove.push(walk.holds(level, &|| format!("{}.events[{e}]", span_at()), ctx));
    }
    let mut flags = remove.into_iter();
    span.events.retain(|_| !flags.next().unwrap_or(false));
}
