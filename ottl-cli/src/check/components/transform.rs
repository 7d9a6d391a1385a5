//! The transform processor: flat lists (context inferred), groups, the removed `queries`.

use super::{Walk, contexts_of, mixes_styles, seq};
use crate::check::model::{Component, ContextChoice, Finding};
use crate::check::tree::{Entry, Node};
use ottl_core::context::{ContextKind, Signal};
use ottl_core::diag::{Code, suggest};
use serde_saphyr::Spanned;

impl Walk<'_, '_> {
    pub(super) fn transform(&mut self, node: &Spanned<Node>) {
        const KEYS: &[&str] = &[
            "error_mode",
            "trace_statements",
            "metric_statements",
            "log_statements",
            "profile_statements",
            "flatten_data",
        ];
        const LEGACY: [(&str, ContextKind, &str); 3] = [
            ("traces", ContextKind::Span, "trace_statements"),
            ("metrics", ContextKind::DataPoint, "metric_statements"),
            ("logs", ContextKind::Log, "log_statements"),
        ];
        self.error_mode(&node.value);
        for entry in node.value.entries() {
            let key = entry.key.value.as_str();
            if let Some(&(_, context, list)) = LEGACY.iter().find(|(k, _, _)| *k == key) {
                self.legacy_queries(entry, context, list);
            } else if !KEYS.contains(&key) {
                let mut known = KEYS.to_vec();
                known.retain(|k| *k != "flatten_data");
                let message = format!("the transform processor has no setting `{key}`");
                let help = match suggest(key, known.iter().copied()) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => format!("its settings are: {}", known.join(", ")),
                };
                self.error(Code::InvalidComponentConfig, &entry.key, message)
                    .help = Some(help);
            }
        }
        for (signal, list) in [
            (Signal::Traces, "trace_statements"),
            (Signal::Metrics, "metric_statements"),
            (Signal::Logs, "log_statements"),
        ] {
            if let Some(entry) = node.value.entries().iter().find(|e| e.key.value == list) {
                self.statement_list(entry, signal);
            }
        }
        if let Some(entry) = node
            .value
            .entries()
            .iter()
            .find(|e| e.key.value == "profile_statements")
        {
            let span = self.layer.span(&entry.key.referenced);
            let note = Finding::note(
                span,
                "profile_statements are not checked: this engine has no profile context yet",
            );
            self.found.findings.push(note.in_component(self.id));
        }
    }

    /// The 2022 `traces: queries:` form, which the collector no longer reads.
    fn legacy_queries(&mut self, entry: &Entry, context: ContextKind, list: &str) {
        let key = entry.key.value.as_str();
        let message = format!(
            "`{key}.queries` was removed from the transform processor; the collector refuses \
             this configuration"
        );
        let help = format!(
            "move the statements to `{list}` (they are checked below in the `{context}` context)"
        );
        self.error(Code::InvalidComponentConfig, &entry.key, message)
            .help = Some(help);
        let mut unit = self.unit(
            Component::Transform,
            ContextChoice::Given(context),
            &entry.value,
        );
        self.texts(entry.value.value.get("queries"), &mut unit.statements);
        self.push(unit);
    }

    /// A `*_statements` list: basic style (one inferred group) or advanced style (groups).
    fn statement_list(&mut self, entry: &Entry, signal: Signal) {
        let list = &entry.value;
        let items: Vec<&Spanned<Node>> = seq(Some(list)).collect();
        if !matches!(list.value, Node::Seq(_) | Node::Null) {
            let message = format!(
                "`{}` must be a list, found {}",
                entry.key.value,
                list.value.what()
            );
            self.error(Code::InvalidComponentConfig, list, message);
            return;
        }
        if mixes_styles(&items) {
            let message = format!(
                "`{}` mixes statements (basic style) and groups (advanced style)",
                entry.key.value
            );
            self.error(Code::MixedStyles, &entry.key, message).help = Some(
                "use only statements (contexts inferred from path prefixes) or only groups with \
                 `context:`"
                    .to_owned(),
            );
        }
        let mut flat = self.unit(Component::Transform, ContextChoice::Group(signal), list);
        for item in items {
            match &item.value {
                Node::Scalar(_) => flat.statements.extend(self.layer.item(item)),
                Node::Map(_) => self.transform_group(item, signal),
                other => {
                    let message =
                        format!("expected a statement or a group, found {}", other.what());
                    self.error(Code::InvalidComponentConfig, item, message);
                }
            }
        }
        if !flat.statements.is_empty() {
            self.push(flat);
        }
    }

    fn transform_group(&mut self, group: &Spanned<Node>, signal: Signal) {
        const KEYS: &[&str] = &[
            "context",
            "statements",
            "conditions",
            "error_mode",
            "shared_cache",
            "flatten",
        ];
        self.unknown_keys(&group.value, KEYS, "a statement group");
        self.error_mode(&group.value);
        let choice = match group.value.get("context") {
            Some(context) => {
                let allowed = contexts_of(signal);
                match self.context(context, &allowed) {
                    Some(name) => match ContextKind::from_name(&name) {
                        Some(kind) => ContextChoice::Given(kind),
                        None => return,
                    },
                    None => return,
                }
            }
            None => ContextChoice::Group(signal),
        };
        let mut unit = self.unit(Component::Transform, choice, group);
        self.texts(group.value.get("statements"), &mut unit.statements);
        self.texts(group.value.get("conditions"), &mut unit.conditions);
        self.push(unit);
    }
}
