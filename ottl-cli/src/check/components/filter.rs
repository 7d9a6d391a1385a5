//! The filter processor: legacy per-context keys, `*_conditions` lists and groups, and the
//! mixes the collector refuses.

use super::{Walk, contexts_of, mixes_styles, seq};
use crate::check::model::{Component, ContextChoice, Finding};
use crate::check::tree::{Entry, Node};
use ottl_core::context::{ContextKind, Signal};
use ottl_core::diag::Code;
use serde_saphyr::Spanned;

impl Walk<'_, '_> {
    pub(super) fn filter(&mut self, node: &Spanned<Node>) {
        const KEYS: &[&str] = &[
            "error_mode",
            "trace_conditions",
            "metric_conditions",
            "log_conditions",
            "profile_conditions",
            "traces",
            "metrics",
            "logs",
            "profiles",
            "spans",
        ];
        self.unknown_keys(&node.value, KEYS, "the filter processor");
        self.error_mode(&node.value);
        for legacy in &LEGACY_FILTER {
            self.filter_signal(node, legacy);
        }
        if let Some(entry) = node
            .value
            .entries()
            .iter()
            .find(|e| e.key.value == "profile_conditions" || e.key.value == "profiles")
        {
            let span = self.layer.span(&entry.key.referenced);
            let note = Finding::note(
                span,
                "profile conditions are not checked: this engine has no profile context yet",
            );
            self.found.findings.push(note.in_component(self.id));
        }
    }

    /// One signal of a filter processor: its legacy keys, its `*_conditions` list, and the
    /// mixes of the two (or of pre-OTTL matchers with OTTL) that the collector refuses.
    fn filter_signal(&mut self, node: &Spanned<Node>, legacy: &LegacyFilter) {
        let LegacyFilter {
            signal,
            key: legacy_key,
            list: list_key,
            levels,
            matchers,
        } = *legacy;
        let list = node
            .value
            .entries()
            .iter()
            .find(|e| e.key.value == list_key);
        let section = node
            .value
            .entries()
            .iter()
            .find(|e| e.key.value == legacy_key);
        let mut legacy_ottl = false;
        if let Some(section) = section {
            let mut known: Vec<&str> = levels.iter().map(|(k, _)| *k).collect();
            known.extend(matchers);
            let what = format!("the filter processor's `{legacy_key}`");
            self.unknown_keys(&section.value.value, &known, &what);
            for (key, context) in levels {
                let Some(conditions) = section.value.value.get(key) else {
                    continue;
                };
                legacy_ottl = true;
                let mut unit = self.unit(
                    Component::Filter,
                    ContextChoice::Given(*context),
                    conditions,
                );
                self.texts(Some(conditions), &mut unit.conditions);
                self.push(unit);
            }
            let matcher = matchers
                .iter()
                .find(|m| section.value.value.get(m).is_some());
            if let (Some(matcher), true) = (matcher, legacy_ottl) {
                let message = format!(
                    "`{legacy_key}.{matcher}` (a pre-OTTL matcher) cannot be used together \
                     with OTTL conditions"
                );
                self.error(Code::MixedStyles, &section.key, message).help = Some(format!(
                    "rewrite the matcher as an OTTL condition in `{list_key}`"
                ));
            }
            if let (Some(list), true) = (list, legacy_ottl) {
                let message = format!(
                    "`{list_key}` cannot be used together with the legacy `{legacy_key}` \
                     conditions"
                );
                self.error(Code::MixedStyles, &list.key, message).help = Some(format!(
                    "move the `{legacy_key}` conditions into `{list_key}`"
                ));
            }
        }
        if signal == Signal::Traces
            && let Some(spans) = node.value.entries().iter().find(|e| e.key.value == "spans")
            && (legacy_ottl || list.is_some())
        {
            let message = "`spans` (a pre-OTTL matcher) cannot be used together with OTTL \
                           conditions for traces"
                .to_owned();
            self.error(Code::MixedStyles, &spans.key, message);
        }
        if let Some(list) = list {
            self.condition_list(list, signal);
        }
    }

    /// A filter `*_conditions` list: basic style (each condition inferred) or groups.
    fn condition_list(&mut self, entry: &Entry, signal: Signal) {
        let list = &entry.value;
        let items: Vec<&Spanned<Node>> = seq(Some(list)).collect();
        if mixes_styles(&items) {
            let message = format!(
                "`{}` mixes conditions (basic style) and groups (advanced style)",
                entry.key.value
            );
            self.error(Code::MixedStyles, &entry.key, message);
        }
        let mut flat = self.unit(Component::Filter, ContextChoice::Each(signal), list);
        for item in items {
            match &item.value {
                Node::Scalar(_) => flat.conditions.extend(self.layer.item(item)),
                Node::Map(group) => {
                    if let Some(statements) = group.iter().find(|e| e.key.value == "statements") {
                        self.error(
                            Code::InvalidComponentConfig,
                            &statements.key,
                            "a condition group has `conditions`, not `statements`".to_owned(),
                        );
                    }
                    self.unknown_keys(
                        &item.value,
                        &["context", "conditions", "error_mode", "statements"],
                        "a condition group",
                    );
                    self.error_mode(&item.value);
                    let choice = match item.value.get("context") {
                        Some(context) => {
                            let allowed = contexts_of(signal);
                            match self
                                .context(context, &allowed)
                                .and_then(|n| ContextKind::from_name(&n))
                            {
                                Some(kind) => ContextChoice::Given(kind),
                                None => continue,
                            }
                        }
                        None => ContextChoice::Each(signal),
                    };
                    let mut unit = self.unit(Component::Filter, choice, item);
                    self.texts(item.value.get("conditions"), &mut unit.conditions);
                    self.push(unit);
                }
                other => {
                    let message =
                        format!("expected a condition or a group, found {}", other.what());
                    self.error(Code::InvalidComponentConfig, item, message);
                }
            }
        }
        if !flat.conditions.is_empty() {
            self.push(flat);
        }
    }
}

/// A signal's keys in a filter processor: its legacy section, with the conditions of each
/// context and the pre-OTTL matchers it may hold, and its `*_conditions` list.
struct LegacyFilter {
    signal: Signal,
    key: &'static str,
    list: &'static str,
    levels: &'static [(&'static str, ContextKind)],
    matchers: &'static [&'static str],
}

const LEGACY_FILTER: [LegacyFilter; 3] = [
    LegacyFilter {
        signal: Signal::Traces,
        key: "traces",
        list: "trace_conditions",
        levels: &[
            ("resource", ContextKind::Resource),
            ("span", ContextKind::Span),
            ("spanevent", ContextKind::SpanEvent),
        ],
        matchers: &[],
    },
    LegacyFilter {
        signal: Signal::Metrics,
        key: "metrics",
        list: "metric_conditions",
        levels: &[
            ("resource", ContextKind::Resource),
            ("metric", ContextKind::Metric),
            ("datapoint", ContextKind::DataPoint),
        ],
        matchers: &["include", "exclude", "regexp"],
    },
    LegacyFilter {
        signal: Signal::Logs,
        key: "logs",
        list: "log_conditions",
        levels: &[
            ("resource", ContextKind::Resource),
            ("log_record", ContextKind::Log),
        ],
        matchers: &["include", "exclude"],
    },
];
