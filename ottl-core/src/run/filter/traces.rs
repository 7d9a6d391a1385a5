//! Filtering traces: resources, then their scopes, their spans, and the events of the spans
//! that stay.

use super::{FilterConditions, FilterError, FilterGroup, Parents, Report, Walk, fresh};
use crate::context::TransformContext;
use crate::model::{Map, Span, Traces};

impl FilterGroup {
    /// Removes from `traces` the resources, scopes, spans and span events the group's
    /// conditions match, and the containers left empty; a span whose events all go stays (see
    /// the [module](super) for the rules). Condition failures under `Ignore` go to `report`;
    /// under `Propagate` they come back together, after the whole batch was filtered.
    pub fn filter_traces(
        &self,
        traces: &mut Traces,
        report: Report<'_>,
    ) -> Result<(), FilterError> {
        let mut walk = Walk::new(report);
        let mut cache = Map::new();
        let lower = self.has_lower_levels();
        let mut next_resource = 0;
        traces.resource_spans.retain_mut(|entry| {
            let r = next_resource;
            next_resource += 1;
            let at = || format!("resourceSpans[{r}]");
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
                return !entry.scope_spans.is_empty();
            }
            let (resource, resource_url) = (&mut entry.resource, &mut entry.schema_url);
            let mut next_scope = 0;
            entry.scope_spans.retain_mut(|scope| {
                let s = next_scope;
                next_scope += 1;
                let at = || format!("resourceSpans[{r}].scopeSpans[{s}]");
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
                let mut next_span = 0;
                scope.spans.retain_mut(|span| {
                    let i = next_span;
                    next_span += 1;
                    let at = || format!("{}.spans[{i}]", at());
                    if let Some(level) = &self.item
                        && walk.holds(level, &at, parents.context().span(span))
                    {
                        return false;
                    }
                    if let Some(level) = &self.sub_item {
                        filter_events(level, span, &mut parents, &mut walk, &at);
                    }
                    true
                });
                !scope.spans.is_empty()
            });
            !entry.scope_spans.is_empty()
        });
        walk.finish()
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
