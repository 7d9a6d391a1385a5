//! The filter processor's semantics: condition groups that remove the records they match
//! (see [`FilterGroup`]).

mod logs;
mod metrics;
#[cfg(test)]
mod tests;
mod traces;

use super::entries::{Parents, ResourceEntry, ScopeEntry};
use super::{ErrorMode, Program};
use crate::context::{ContextKind, Request, Signal, TransformContext};
use crate::diag::{Diagnostic, Diagnostics};
use crate::function::Registry;
use crate::model::Map;
use crate::{Limits, RuntimeError};
use std::fmt;

/// The conditions of one filter group for one signal: the [`FilterConditions`] of up to four
/// levels, resource, scope, item (log, span, metric) and sub-item (span event, data point).
/// [`FilterGroup::filter_logs`], [`filter_traces`](FilterGroup::filter_traces) and
/// [`filter_metrics`](FilterGroup::filter_metrics) walk a batch resources → scopes → items →
/// sub-items as the reference's filter processor does:
///
/// - an element whose level's conditions hold (any of them) is removed, and its children are
///   not looked at;
/// - span events and data points are looked at inside the spans and metrics that stay; a span
///   whose events are all removed stays, a metric whose points are all removed goes (also one
///   that had none, unless its type is empty);
/// - a resource left without scopes is removed; a scope left without items is removed when
///   the group has scope, item or sub-item conditions;
/// - a condition that fails under [`ErrorMode::Propagate`] keeps its element, the walk goes
///   on, and every failure comes back together in a [`FilterError`]; under `Ignore` failures
///   go to the report and count as "does not hold"; under `Silent` they only count as that.
///
/// ```
/// use ottl_core::context::{ContextKind, Signal};
/// use ottl_core::function::Registry;
/// use ottl_core::model::{LogRecord, Logs, ResourceLogs, ScopeLogs, SeverityNumber};
/// use ottl_core::run::{ErrorMode, FilterConditions, FilterGroup};
///
/// let registry = Registry::new();
/// let drop_debug = FilterConditions::compile(&["log.severity_number < 9"], ContextKind::Log,
///     ErrorMode::Propagate, &registry).expect("the condition compiles");
/// let group = FilterGroup::new(Signal::Logs, vec![drop_debug])?;
/// let debug = LogRecord { severity_number: SeverityNumber::DEBUG, ..LogRecord::default() };
/// let mut logs = Logs { resource_logs: vec![ResourceLogs {
///     scope_logs: vec![ScopeLogs { log_records: vec![debug], ..ScopeLogs::default() }],
///     ..ResourceLogs::default()
/// }] };
/// group.filter_logs(&mut logs, &mut |_| {}).expect("no condition fails");
/// assert!(logs.resource_logs.is_empty()); // the record went, and its empty scope and resource
/// # Ok::<(), ottl_core::run::FilterGroupError>(())
/// ```
#[derive(Debug)]
pub struct FilterGroup {
    signal: Signal,
    resource: Option<FilterConditions>,
    scope: Option<FilterConditions>,
    item: Option<FilterConditions>,
    sub_item: Option<FilterConditions>,
}

/// Compiled conditions for one context, any of which removes a record, with their error mode.
#[derive(Debug)]
pub struct FilterConditions {
    program: Program,
    sources: Vec<String>,
}

impl FilterConditions {
    /// Compiles `conditions` for `context`. Reports the mistakes of every condition, each
    /// with the index of the condition it belongs to.
    pub fn compile(
        conditions: &[&str],
        context: ContextKind,
        error_mode: ErrorMode,
        registry: &Registry,
    ) -> Result<FilterConditions, Vec<(usize, Diagnostics)>> {
        let program = Program::compile(&[], conditions, context, error_mode, registry)?;
        Ok(FilterConditions {
            program,
            sources: conditions.iter().map(|&c| c.to_owned()).collect(),
        })
    }

    /// The context the conditions are evaluated in.
    pub fn context(&self) -> ContextKind {
        self.program.context
    }

    /// What may go wrong when the conditions run, found while compiling: warnings, each with
    /// the index of its condition.
    pub fn warnings(&self) -> &[(usize, Diagnostic)] {
        self.program.warnings()
    }
}

/// Why programs cannot make a filter group.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FilterGroupError {
    /// A context does not run on the group's signal (`log` in a traces group).
    #[error("the {context} context does not run on {signal:?}")]
    WrongSignal {
        /// The program's context.
        context: ContextKind,
        /// The group's signal.
        signal: Signal,
    },
    /// Two condition lists have the same context; compile them as one.
    #[error("two condition lists for the {0} context; compile them as one")]
    DuplicateContext(ContextKind),
}

/// A condition that failed on a record.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("failed to eval condition: {condition}, {error} (at {record})")]
pub struct ConditionError {
    /// The condition as written.
    pub condition: String,
    /// The record, as a JSON path into the input (`resourceLogs[0].scopeLogs[0]`).
    pub record: String,
    /// Why it failed.
    pub error: RuntimeError,
}

/// Every condition that failed under [`ErrorMode::Propagate`] while a batch was filtered.
/// The elements they were evaluated on were kept.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct FilterError {
    /// The failures, in document order.
    pub failures: Vec<ConditionError>,
}

impl fmt::Display for FilterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let messages: Vec<String> = self.failures.iter().map(ToString::to_string).collect();
        f.write_str(&messages.join("; "))
    }
}

/// Where failures go under [`ErrorMode::Ignore`].
type Report<'a> = &'a mut dyn FnMut(ConditionError);

impl FilterGroup {
    /// Whether a failing condition of the group fails the batch (`ErrorMode::Propagate`):
    /// its failures then come back together after the whole batch was filtered.
    pub fn propagates(&self) -> bool {
        [&self.resource, &self.scope, &self.item, &self.sub_item]
            .into_iter()
            .flatten()
            .any(|level| level.program.error_mode() == ErrorMode::Propagate)
    }
}

impl FilterGroup {
    /// A group of `levels` (one per context) for `signal`.
    pub fn new(
        signal: Signal,
        levels: Vec<FilterConditions>,
    ) -> Result<FilterGroup, FilterGroupError> {
        let mut group = FilterGroup {
            signal,
            resource: None,
            scope: None,
            item: None,
            sub_item: None,
        };
        for level in levels {
            let context = level.context();
            if !context.runs_on(signal) {
                return Err(FilterGroupError::WrongSignal { context, signal });
            }
            let slot = match context {
                ContextKind::Resource => &mut group.resource,
                ContextKind::Scope => &mut group.scope,
                ContextKind::Log | ContextKind::Span | ContextKind::Metric => &mut group.item,
                ContextKind::SpanEvent | ContextKind::DataPoint => &mut group.sub_item,
            };
            if slot.is_some() {
                return Err(FilterGroupError::DuplicateContext(context));
            }
            *slot = Some(level);
        }
        Ok(group)
    }

    /// The signal the group filters.
    pub fn signal(&self) -> Signal {
        self.signal
    }

    /// Whether the group looks below resources (so empty scopes are removed).
    fn has_lower_levels(&self) -> bool {
        self.scope.is_some() || self.item.is_some() || self.sub_item.is_some()
    }
}

/// What one walk collects: the failures to return, and where to report the ignored ones.
struct Walk<'r> {
    failures: Vec<ConditionError>,
    report: Report<'r>,
}

impl<'r> Walk<'r> {
    fn new(report: Report<'r>) -> Self {
        Walk {
            failures: Vec::new(),
            report,
        }
    }

    /// Whether `level` removes the record `ctx` (see [`FilterConditions::holds`]).
    fn holds(
        &mut self,
        level: &FilterConditions,
        record: &dyn Fn() -> String,
        ctx: TransformContext<'_>,
    ) -> bool {
        level.holds(&ctx, record, &mut self.failures, self.report)
    }

    fn finish(self) -> Result<(), FilterError> {
        if self.failures.is_empty() {
            Ok(())
        } else {
            Err(FilterError {
                failures: self.failures,
            })
        }
    }
}

impl FilterGroup {
    /// The walk every signal shares: removes the resources and scopes the group's conditions
    /// match, hands each remaining scope's items to `items` (which removes what it must), and
    /// removes the containers left empty. `names` are the signal's JSON names for resource and
    /// scope entries (`resourceLogs`, `scopeLogs`), for the positions in messages, which number
    /// the resources from `first`.
    fn filter_entries<R: ResourceEntry>(
        &self,
        resources: &mut Vec<R>,
        (names, first): ([&str; 2], usize),
        request: &Request,
        report: Report<'_>,
        mut items: impl FnMut(
            &mut Vec<<R::Scope as ScopeEntry>::Item>,
            &mut Parents<'_>,
            &mut Walk<'_>,
            &dyn Fn() -> String,
        ),
    ) -> Result<(), FilterError> {
        let [resource_name, scope_name] = names;
        let mut walk = Walk::new(report);
        let mut cache = Map::new();
        let lower = self.has_lower_levels();
        let mut next_resource = first;
        resources.retain_mut(|entry| {
            let r = next_resource;
            next_resource += 1;
            let at = || format!("{resource_name}[{r}]");
            let (resource, resource_url, scopes) = entry.parts();
            if let Some(level) = &self.resource {
                cache.clear();
                let ctx = TransformContext::resource(resource, resource_url, &mut cache)
                    .with_request(request);
                if walk.holds(level, &at, ctx) {
                    return false;
                }
            }
            if !lower {
                return !scopes.is_empty();
            }
            let mut next_scope = 0;
            scopes.retain_mut(|entry| {
                let s = next_scope;
                next_scope += 1;
                let at = || format!("{resource_name}[{r}].{scope_name}[{s}]");
                let (scope, scope_url, records) = entry.parts();
                // Conditions write nothing, so the default limits do.
                let mut parents = Parents {
                    resource,
                    resource_url,
                    scope,
                    scope_url,
                    cache: &mut cache,
                    limits: &Limits::DEFAULT,
                    request,
                };
                if let Some(level) = &self.scope
                    && walk.holds(level, &at, parents.context())
                {
                    return false;
                }
                items(records, &mut parents, &mut walk, &at);
                !records.is_empty()
            });
            !scopes.is_empty()
        });
        walk.finish()
    }
}

impl FilterConditions {
    /// Whether any of the conditions holds on the record `ctx` (the reference's condition
    /// sequence, OR). A failing condition counts as not holding; under `Propagate` it ends the
    /// evaluation and is kept in `failures`, under `Ignore` it is reported.
    fn holds(
        &self,
        ctx: &TransformContext<'_>,
        record: &dyn Fn() -> String,
        failures: &mut Vec<ConditionError>,
        report: Report<'_>,
    ) -> bool {
        for (condition, source) in self.program.conditions.iter().zip(&self.sources) {
            match condition(ctx) {
                Ok(true) => return true,
                Ok(false) => {}
                Err(error) => {
                    let failure = || ConditionError {
                        condition: source.clone(),
                        record: record(),
                        error,
                    };
                    match self.program.error_mode {
                        ErrorMode::Propagate => {
                            failures.push(failure());
                            return false;
                        }
                        ErrorMode::Ignore => report(failure()),
                        ErrorMode::Silent => {}
                    }
                }
            }
        }
        false
    }
}
