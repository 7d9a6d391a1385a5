//! Filter processors as written: the `*_conditions` lists (basic or advanced style) and the
//! legacy per-context keys (`traces.span`, `logs.log_record`, …), as condition groups.
//!
//! Pre-OTTL matchers (`spans`, `metrics.include`/`exclude`, `logs.include`/`exclude`) are not
//! OTTL: a processor using them is skipped, with the reason.

use super::yaml::{Entry, FilterYaml};
use super::{ConfigError, Processor, ProcessorKind, Text, build_list, parse_error_mode, text};
use ottl_core::context::{ContextKind, Signal};
use ottl_core::run::ErrorMode;
use serde_saphyr::Spanned;

/// One filter group: conditions by context, evaluated together in one walk of the batch.
#[derive(Debug)]
pub struct FilterGroupSpec {
    /// The signal it filters.
    pub signal: Signal,
    /// Its name in messages (`log_conditions group 1`, `logs.log_record`).
    pub label: String,
    /// Its conditions, by the context they are in.
    pub levels: Vec<Level>,
    /// The group's error mode, or its processor's.
    pub error_mode: ErrorMode,
    /// Where the group starts in the file.
    pub line: u64,
}

/// Conditions of one group in one context; `None` means each condition's context is inferred
/// from its path prefixes, as the collector does for basic style.
#[derive(Debug)]
pub struct Level {
    /// The context given, if any.
    pub context: Option<ContextKind>,
    /// The conditions (any of them removes a record).
    pub conditions: Vec<Text>,
}

/// The name of a signal's list in a filter processor.
pub fn list_name(signal: Signal) -> &'static str {
    match signal {
        Signal::Traces => "trace_conditions",
        Signal::Metrics => "metric_conditions",
        Signal::Logs => "log_conditions",
    }
}

/// Reads one filter processor; `Err` holds its key and why it is skipped.
pub(super) fn build(
    file: &str,
    key: Spanned<String>,
    processor: FilterYaml,
    errors: &mut Vec<ConfigError>,
) -> Result<Processor, (String, String)> {
    if let Some(matcher) = pre_ottl_key(&processor) {
        let reason = format!(
            "`{matcher}` is a pre-OTTL matcher, which eval --config does not run; rewrite it \
             as `*_conditions`"
        );
        return Err((key.value, reason));
    }
    let error_mode = parse_error_mode(processor.error_mode.as_ref(), ErrorMode::Ignore, errors);
    let legacy_traces = processor.traces.map(|t| {
        let levels = legacy_levels(
            file,
            [
                (ContextKind::Resource, t.value.resource),
                (ContextKind::Span, t.value.span),
                (ContextKind::SpanEvent, t.value.spanevent),
            ],
        );
        (t.referenced, levels)
    });
    let legacy_metrics = processor.metrics.map(|m| {
        let levels = legacy_levels(
            file,
            [
                (ContextKind::Resource, m.value.resource),
                (ContextKind::Metric, m.value.metric),
                (ContextKind::DataPoint, m.value.datapoint),
            ],
        );
        (m.referenced, levels)
    });
    let legacy_logs = processor.logs.map(|l| {
        let levels = legacy_levels(
            file,
            [
                (ContextKind::Resource, l.value.resource),
                (ContextKind::Log, l.value.log_record),
            ],
        );
        (l.referenced, levels)
    });
    let signals = [
        (
            Signal::Traces,
            processor.trace_conditions,
            legacy_traces,
            "traces",
        ),
        (
            Signal::Metrics,
            processor.metric_conditions,
            legacy_metrics,
            "metrics",
        ),
        (Signal::Logs, processor.log_conditions, legacy_logs, "logs"),
    ];
    let mut groups = Vec::new();
    for (signal, list, legacy, legacy_name) in signals {
        let list = list.unwrap_or_default();
        let legacy = legacy.filter(|(_, levels)| !levels.is_empty());
        if let Some((location, levels)) = legacy {
            if !list.is_empty() {
                errors.push(ConfigError::at(
                    &location,
                    format!(
                        "`{}` cannot be used together with the legacy `{legacy_name}` keys",
                        list_name(signal)
                    ),
                ));
                continue;
            }
            groups.push(FilterGroupSpec {
                signal,
                label: format!("{legacy_name} (legacy keys)"),
                levels,
                error_mode,
                line: location.line(),
            });
        } else {
            build_conditions(file, signal, list, error_mode, &mut groups, errors);
        }
    }
    for group in &groups {
        check_not_empty(&key.value, group, errors);
    }
    Ok(Processor {
        name: key.value,
        kind: ProcessorKind::Filter(groups),
    })
}

/// The key of a pre-OTTL matcher the processor uses, if any.
fn pre_ottl_key(processor: &FilterYaml) -> Option<&'static str> {
    let metrics = processor.metrics.as_ref().map(|m| &m.value);
    let logs = processor.logs.as_ref().map(|l| &l.value);
    if processor.spans.is_some() {
        Some("spans")
    } else if metrics.is_some_and(|m| m.include.is_some()) {
        Some("metrics.include")
    } else if metrics.is_some_and(|m| m.exclude.is_some()) {
        Some("metrics.exclude")
    } else if metrics.is_some_and(|m| m.regexp.is_some()) {
        Some("metrics.regexp")
    } else if logs.is_some_and(|l| l.include.is_some()) {
        Some("logs.include")
    } else if logs.is_some_and(|l| l.exclude.is_some()) {
        Some("logs.exclude")
    } else {
        None
    }
}

/// The non-empty legacy lists of one signal, each in its context.
fn legacy_levels<const N: usize>(
    file: &str,
    lists: [(ContextKind, Vec<Spanned<String>>); N],
) -> Vec<Level> {
    lists
        .into_iter()
        .filter(|(_, conditions)| !conditions.is_empty())
        .map(|(context, conditions)| Level {
            context: Some(context),
            conditions: conditions
                .into_iter()
                .map(|c| text(file, c.value, &c.defined))
                .collect(),
        })
        .collect()
}

/// The groups of one `*_conditions` list: a basic list is one group whose conditions are each
/// inferred; an advanced group has `context`, `conditions` and `error_mode` only.
fn build_conditions(
    file: &str,
    signal: Signal,
    list: Vec<Spanned<Entry>>,
    error_mode: ErrorMode,
    groups: &mut Vec<FilterGroupSpec>,
    errors: &mut Vec<ConfigError>,
) {
    let name = list_name(signal);
    for entry in &list {
        if let Entry::Group(group) = &entry.value
            && let Some(first) = group.statements.first()
        {
            let message = format!("{name}: a condition group has `conditions`, not `statements`");
            errors.push(ConfigError::at(&first.referenced, message));
        }
    }
    let mut parsed = Vec::new();
    build_list(file, (signal, name), list, error_mode, &mut parsed, errors);
    for group in parsed {
        // A basic list comes back as one group whose "statements" are the conditions.
        let conditions = if group.conditions.is_empty() {
            group.statements
        } else {
            group.conditions
        };
        groups.push(FilterGroupSpec {
            signal,
            label: format!("{name} group {}", group.number),
            levels: vec![Level {
                context: group.context,
                conditions,
            }],
            error_mode: group.error_mode,
            line: group.line,
        });
    }
}

/// The collector rejects an empty condition string.
fn check_not_empty(processor: &str, group: &FilterGroupSpec, errors: &mut Vec<ConfigError>) {
    for condition in group.levels.iter().flat_map(|l| &l.conditions) {
        if condition.value.is_empty() {
            errors.push(ConfigError {
                message: format!("{processor}: {}: condition cannot be empty", group.label),
                line: condition.line,
                column: condition.column,
            });
        }
    }
}
