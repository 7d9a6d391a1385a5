//! Where the collector configuration is in a YAML file: the whole document, component-level
//! fragments (top-level keys are component ids), or somewhere inside Helm values and
//! Kubernetes resources — as a mapping (`config:`, `spec.config`) or as a string holding YAML
//! (a ConfigMap's `data.relay: |`).

use super::components::{self, Found, Section};
use super::model::{Component, ContextChoice, Finding, Unit};
use super::source::{Embedding, Layer};
use super::tree::{self, Node};
use ottl_core::diag::{Code, suggest};
use serde_saphyr::Spanned;

/// The top-level sections of a collector configuration.
const SECTIONS: &[&str] = &[
    "receivers",
    "processors",
    "exporters",
    "connectors",
    "extensions",
    "service",
];

/// Reads every document of `layer`'s text.
pub(crate) fn documents(layer: Layer<'_>, documents: &[Spanned<Node>], found: &mut Found) {
    for document in documents {
        document_root(layer, &document.value, found);
    }
}

fn document_root(layer: Layer<'_>, node: &Node, found: &mut Found) {
    if is_collector_config(node) {
        collector_config(layer, node, found);
    } else if is_fragment(node) {
        for entry in node.entries() {
            components::component(layer, Section::Either, entry, found);
        }
    } else if let Node::Seq(items) = node
        && !items.is_empty()
        && items.iter().all(|i| matches!(i.value, Node::Scalar(_)))
    {
        // A bare list of statements (a snippet): each in the context its paths name.
        for item in items {
            let span = layer.span(&item.referenced);
            let mut unit = Unit::new(
                Component::Statements,
                "statements",
                ContextChoice::Free,
                span,
            );
            unit.statements.extend(layer.item(item));
            found.units.push(unit);
        }
        found.components += 1;
    } else {
        search(layer, node, found);
    }
}

/// A mapping with a collector section whose value is a mapping. Helm values have a
/// `service:` of their own (the Kubernetes Service): the collector's has `pipelines`.
fn is_collector_config(node: &Node) -> bool {
    node.entries().iter().any(|e| match e.key.value.as_str() {
        "service" => e.value.value.get("pipelines").is_some(),
        name => SECTIONS.contains(&name) && matches!(e.value.value, Node::Map(_)),
    })
}

/// A mapping whose keys include the id of a component that takes OTTL.
fn is_fragment(node: &Node) -> bool {
    node.entries().iter().any(|e| {
        let kind = e.key.value.split('/').next().unwrap_or_default();
        components::takes_ottl(kind) && matches!(e.value.value, Node::Map(_) | Node::Null)
    })
}

fn collector_config(layer: Layer<'_>, node: &Node, found: &mut Found) {
    for entry in node.entries() {
        let name = entry.key.value.as_str();
        let section = if SECTIONS.contains(&name) {
            name
        } else {
            let Some(close) = suggest(name, SECTIONS.iter().copied()) else {
                continue;
            };
            let span = layer.span(&entry.key.referenced);
            let finding = Finding::error(
                Code::UnknownSection,
                span,
                format!("the collector has no section `{name}`"),
            )
            .with_help(format!(
                "did you mean `{close}`? (its components are checked as if it were)"
            ));
            found.findings.push(finding);
            close
        };
        let section = match section {
            "processors" => Section::Processors,
            "connectors" => Section::Connectors,
            _ => continue,
        };
        for component in entry.value.value.entries() {
            components::component(layer, section, component, found);
        }
    }
}

/// Looks for configurations inside any value: a mapping that is one, or a string that
/// holds one.
fn search(layer: Layer<'_>, node: &Node, found: &mut Found) {
    match node {
        Node::Map(entries) => {
            for entry in entries {
                let value = &entry.value;
                match &value.value {
                    Node::Map(_) if is_collector_config(&value.value) => {
                        collector_config(layer, &value.value, found);
                    }
                    Node::Scalar(text) if layer.embedding.is_none() && holds_config(text) => {
                        embedded(layer, value, text, found);
                    }
                    other => search(layer, other, found),
                }
            }
        }
        Node::Seq(items) => {
            for item in items {
                search(layer, &item.value, found);
            }
        }
        Node::Scalar(_) | Node::Null => {}
    }
}

/// Whether a string looks like a collector configuration written as YAML.
fn holds_config(text: &str) -> bool {
    text.contains('\n') && SECTIONS.iter().any(|s| text.contains(&format!("{s}:")))
}

/// Reads the configuration in the string scalar `node` (whose value is `text`), mapping its
/// positions back to the file. A string that is not YAML is not a configuration: skipped.
fn embedded(layer: Layer<'_>, node: &Spanned<Node>, text: &str, found: &mut Found) {
    let Ok(inner) = tree::parse(text) else {
        return;
    };
    let start = node
        .defined
        .span()
        .byte_offset()
        .and_then(|o| usize::try_from(o).ok())
        .unwrap_or(0);
    let embedding = Embedding::new(layer.text, start, text);
    let inner_layer = Layer {
        text,
        embedding: Some(&embedding),
    };
    for document in &inner {
        if is_collector_config(&document.value) {
            collector_config(inner_layer, &document.value, found);
        }
    }
}

/// The collector configurations held as strings in `text` (a ConfigMap's `data.relay`, an
/// operator resource's `spec.config: |`), each with the dotted path of its key, in document
/// order. A text that is not YAML holds none.
pub(crate) fn embedded_configs(text: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for document in tree::parse(text).unwrap_or_default() {
        strings(&document.value, "", &mut found);
    }
    found
}

fn strings(node: &Node, path: &str, found: &mut Vec<(String, String)>) {
    let join = |key: &str| {
        if path.is_empty() {
            key.to_owned()
        } else {
            format!("{path}.{key}")
        }
    };
    match node {
        Node::Map(entries) => {
            for entry in entries {
                let path = join(&entry.key.value);
                match &entry.value.value {
                    Node::Scalar(text) if holds_config(text) => {
                        let is_config = tree::parse(text)
                            .is_ok_and(|docs| docs.iter().any(|d| is_collector_config(&d.value)));
                        if is_config {
                            found.push((path, text.clone()));
                        }
                    }
                    other => strings(other, &path, found),
                }
            }
        }
        Node::Seq(items) => {
            for (index, item) in items.iter().enumerate() {
                strings(&item.value, &join(&index.to_string()), found);
            }
        }
        Node::Scalar(_) | Node::Null => {}
    }
}
