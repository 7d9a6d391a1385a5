//! Compiling a filter processor's groups and running them over a document.

use super::Text;
use super::filter::{FilterGroupSpec, Level};
use super::infer::{self, Inferred};
use super::run::render_in_file;
use crate::registry::{Component, Registries};
use crate::render::Source;
use ottl_core::context::ContextKind;
use ottl_core::model::json::Document;
use ottl_core::run::{ConditionError, FilterConditions, FilterError, FilterGroup};
use std::collections::BTreeMap;

/// Compiles one group: each level in its context (given, or inferred per condition), with the
/// filter function set of that context. On failure the reasons are on stderr.
pub(super) fn compile(
    spec: &FilterGroupSpec,
    label: &str,
    source: &Source<'_>,
    registries: &mut Registries,
) -> Option<FilterGroup> {
    let mut buckets: BTreeMap<ContextKind, Vec<&Text>> = BTreeMap::new();
    let mut ok = true;
    for level in &spec.levels {
        ok &= bucket(spec, level, label, source.name, &mut buckets);
    }
    let mut levels = Vec::new();
    for (context, texts) in buckets {
        let conditions: Vec<&str> = texts.iter().map(|t| t.value.as_str()).collect();
        let registry = registries.get(Component::Filter, context, true);
        match FilterConditions::compile(&conditions, context, spec.error_mode, registry) {
            Ok(level) => {
                for (index, warning) in level.warnings() {
                    if let Some(text) = texts.get(*index) {
                        render_in_file(text, vec![warning.clone()], label, source);
                    }
                }
                levels.push(level);
            }
            Err(failures) => {
                ok = false;
                for (index, diagnostics) in failures {
                    if let Some(text) = texts.get(index) {
                        render_in_file(text, diagnostics.0, label, source);
                    }
                }
            }
        }
    }
    if !ok {
        return None;
    }
    FilterGroup::new(spec.signal, levels)
        .map_err(|error| eprintln!("error: {}:{}: {label}: {error}", source.name, spec.line))
        .ok()
}

/// Puts the conditions of `level` in the bucket of their context; false (with the reason on
/// stderr) when a condition's context cannot be inferred or does not fit the signal.
fn bucket<'t>(
    spec: &FilterGroupSpec,
    level: &'t Level,
    label: &str,
    file_name: &str,
    buckets: &mut BTreeMap<ContextKind, Vec<&'t Text>>,
) -> bool {
    let mut ok = true;
    for text in &level.conditions {
        let context = match level.context {
            Some(context) => context,
            None => match infer(spec, text, label, file_name) {
                Some(context) => context,
                None => {
                    ok = false;
                    continue;
                }
            },
        };
        buckets.entry(context).or_default().push(text);
    }
    ok
}

/// The context of one basic-style condition, from its path prefixes. A condition that does
/// not parse gets the signal's record context, where compiling reports its syntax errors.
fn infer(spec: &FilterGroupSpec, text: &Text, label: &str, file_name: &str) -> Option<ContextKind> {
    let at = format!("{file_name}:{}:{}", text.line, text.column);
    match infer::condition(&text.value, spec.signal) {
        Inferred::Context(context) => Some(context),
        Inferred::WrongSignal(context) => {
            eprintln!(
                "error: {at}: {label}: the paths name the `{context}` context, which does not \
                 run in {}",
                super::filter::list_name(spec.signal)
            );
            None
        }
        Inferred::NoPrefix => {
            eprintln!(
                "error: {at}: {label}: cannot infer the context of `{}`: no path names one; \
                 prefix the paths (`{}.attributes`, `resource.attributes`) or use an advanced \
                 group with `context:`",
                text.value,
                spec.signal.record_context()
            );
            None
        }
    }
}

/// Runs `group` over `document` when it holds the group's signal. Failures under `ignore`
/// go to `report`.
pub(super) fn run(
    group: &FilterGroup,
    document: &mut Document,
    report: &mut dyn FnMut(ConditionError),
) -> Result<(), FilterError> {
    match document {
        Document::Logs(logs) => group.filter_logs(logs, report),
        Document::Traces(traces) => group.filter_traces(traces, report),
        Document::Metrics(metrics) => group.filter_metrics(metrics, report),
    }
}
