//! The components of a collector configuration that take OTTL, read into units to check, and
//! the configuration mistakes the collector would refuse to start with: [`transform`] and
//! [`filter`] processors, and the others ([`others`]: routing, tail sampling, count, sum,
//! signal to metrics, log deduplication).

mod filter;
mod others;
mod transform;

use super::model::{Component, ContextChoice, Finding, Unit};
use super::source::Layer;
use super::tree::{Entry, Node};
use ottl_core::context::{ContextKind, Signal};
use ottl_core::diag::{Code, suggest};
use ottl_core::run::ErrorMode;
use serde_saphyr::Spanned;

/// What reading a configuration found.
#[derive(Debug, Default)]
pub(crate) struct Found {
    /// The units to check.
    pub(crate) units: Vec<Unit>,
    /// Configuration mistakes and notes.
    pub(crate) findings: Vec<Finding>,
    /// Whether a component that takes OTTL was seen (even with no statements).
    pub(crate) components: usize,
}

/// The sections a component may be declared in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    /// `processors:`.
    Processors,
    /// `connectors:`.
    Connectors,
    /// A fragment whose top-level keys are component ids: either.
    Either,
}

/// Reads one component, `key: value`, declared in `section`.
pub(crate) fn component(layer: Layer<'_>, section: Section, entry: &Entry, found: &mut Found) {
    let id = entry.key.value.as_str();
    let kind = id.split('/').next().unwrap_or_default();
    let mut walk = Walk { layer, id, found };
    let value = &entry.value;
    use Section::{Connectors, Either, Processors};
    match (section, kind) {
        (Processors | Either, "transform") => walk.transform(value),
        (Processors | Either, "filter") => walk.filter(value),
        (Processors, "routing") => walk.routing_processor(&entry.key, value),
        (Connectors, "routing") => walk.routing_connector(value),
        (Either, "routing") if is_routing_processor(&value.value) => {
            walk.routing_processor(&entry.key, value);
        }
        (Either, "routing") => walk.routing_connector(value),
        (Processors | Either, "tail_sampling") => walk.tail_sampling(value),
        (Connectors | Either, "count") => walk.counting(Component::Count, value),
        (Connectors | Either, "sum") => walk.counting(Component::Sum, value),
        (Connectors | Either, "signaltometrics") => walk.signal_to_metrics(value),
        (Processors | Either, "logdedup") => walk.logdedup(value),
        _ => return,
    }
    walk.found.components += 1;
}

/// Whether `kind` (the part of a component id before `/`) names a component that takes OTTL.
pub(crate) fn takes_ottl(kind: &str) -> bool {
    matches!(
        kind,
        "transform"
            | "filter"
            | "routing"
            | "tail_sampling"
            | "count"
            | "sum"
            | "signaltometrics"
            | "logdedup"
    )
}

/// A routing table in a fragment: the processor's keys (`default_exporters`, `exporters` in
/// the table) tell it from the connector's (`default_pipelines`, `pipelines`).
fn is_routing_processor(node: &Node) -> bool {
    let processor_keys = ["default_exporters", "from_attribute", "attribute_source"];
    processor_keys.iter().any(|k| node.get(k).is_some())
        || seq(node.get("table")).any(|row| row.value.get("exporters").is_some())
}

/// The items of a sequence node (none for anything else).
/// Whether a list holds both basic-style items (strings) and advanced-style groups (maps),
/// which the transform and filter processors reject.
fn mixes_styles(items: &[&Spanned<Node>]) -> bool {
    let has = |style: fn(&Node) -> bool| items.iter().any(|item| style(&item.value));
    has(|node| matches!(node, Node::Scalar(_))) && has(|node| matches!(node, Node::Map(_)))
}

fn seq(node: Option<&Spanned<Node>>) -> impl Iterator<Item = &Spanned<Node>> {
    let items: &[Spanned<Node>] = match node.map(|n| &n.value) {
        Some(Node::Seq(items)) => items,
        _ => &[],
    };
    items.iter()
}

/// Reading one component.
struct Walk<'a, 'f> {
    layer: Layer<'a>,
    id: &'a str,
    found: &'f mut Found,
}

impl Walk<'_, '_> {
    fn error(&mut self, code: Code, at: &Spanned<impl Sized>, message: String) -> &mut Finding {
        let span = self.layer.span(&at.referenced);
        self.found
            .findings
            .push(Finding::error(code, span, message).in_component(self.id));
        let last = self.found.findings.len() - 1;
        &mut self.found.findings[last]
    }

    /// Reports keys of `node` outside `known` (the collector rejects them).
    fn unknown_keys(&mut self, node: &Node, known: &[&str], what: &str) {
        for entry in node.entries() {
            let key = entry.key.value.as_str();
            if known.contains(&key) {
                continue;
            }
            let message = format!("{what} has no setting `{key}`");
            let help = match suggest(key, known.iter().copied()) {
                Some(close) => format!("did you mean `{close}`?"),
                None => format!("its settings are: {}", known.join(", ")),
            };
            self.error(Code::InvalidComponentConfig, &entry.key, message)
                .help = Some(help);
        }
    }

    /// Checks an `error_mode` value, if there is one.
    fn error_mode(&mut self, node: &Node) {
        let Some(mode) = node.get("error_mode") else {
            return;
        };
        let text = mode.value.as_str().unwrap_or_default();
        if text.parse::<ErrorMode>().is_err() {
            let message = format!("unknown error mode `{text}`");
            let help = match suggest(
                &text.to_ascii_lowercase(),
                ["ignore", "silent", "propagate"],
            ) {
                Some(close) => format!("did you mean `{close}`?"),
                None => "use `ignore`, `silent` or `propagate`".to_owned(),
            };
            self.error(Code::UnknownErrorMode, mode, message).help = Some(help);
        }
    }

    /// A `context:` value, checked against the contexts the component allows.
    fn context(&mut self, node: &Spanned<Node>, allowed: &[&str]) -> Option<String> {
        let text = node.value.as_str().unwrap_or_default();
        let name = text.to_ascii_lowercase();
        if allowed.contains(&name.as_str()) {
            return Some(name);
        }
        let message = format!("unknown context `{text}`");
        let help = match suggest(&name, allowed.iter().copied()) {
            Some(close) => format!("did you mean `{close}`?"),
            None => format!("expected one of: {}", allowed.join(", ")),
        };
        self.error(Code::UnknownContext, node, message).help = Some(help);
        None
    }

    fn unit(&self, component: Component, choice: ContextChoice, at: &Spanned<Node>) -> Unit {
        Unit::new(component, self.id, choice, self.layer.span(&at.referenced))
    }

    /// The scalars of a list of texts; anything else in it is an error.
    fn texts(&mut self, list: Option<&Spanned<Node>>, into: &mut Vec<super::source::Item>) {
        let Some(list) = list else { return };
        match &list.value {
            Node::Seq(items) => {
                for item in items {
                    match self.layer.item(item) {
                        Some(text) => into.push(text),
                        None => {
                            let message = format!("expected a string, found {}", item.value.what());
                            self.error(Code::InvalidComponentConfig, item, message);
                        }
                    }
                }
            }
            Node::Null => {}
            Node::Scalar(_) => into.extend(self.layer.item(list)),
            Node::Map(_) => {
                self.error(
                    Code::InvalidComponentConfig,
                    list,
                    "expected a list of strings, found a mapping".to_owned(),
                );
            }
        }
    }

    fn push(&mut self, unit: Unit) {
        self.found.units.push(unit);
    }
}

/// The contexts a transform or filter group of `signal` may name, lowest first.
fn contexts_of(signal: Signal) -> Vec<&'static str> {
    ContextKind::ALL
        .iter()
        .filter(|c| c.runs_on(signal))
        .map(|c| c.name())
        .collect()
}
