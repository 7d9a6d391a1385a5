//! The components of a collector configuration that take OTTL, read into units to check, and
//! the configuration mistakes the collector would refuse to start with.

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

    fn transform(&mut self, node: &Spanned<Node>) {
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
        let basic = items
            .iter()
            .filter(|i| matches!(i.value, Node::Scalar(_)))
            .count();
        let groups = items
            .iter()
            .filter(|i| matches!(i.value, Node::Map(_)))
            .count();
        if basic > 0 && groups > 0 {
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

    fn filter(&mut self, node: &Spanned<Node>) {
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
        let basic = items
            .iter()
            .filter(|i| matches!(i.value, Node::Scalar(_)))
            .count();
        let groups = items
            .iter()
            .filter(|i| matches!(i.value, Node::Map(_)))
            .count();
        if basic > 0 && groups > 0 {
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

    fn routing_connector(&mut self, node: &Spanned<Node>) {
        self.unknown_keys(
            &node.value,
            &["default_pipelines", "error_mode", "match_once", "table"],
            "the routing connector",
        );
        self.error_mode(&node.value);
        const CONTEXTS: &[&str] = &["resource", "span", "metric", "datapoint", "log", "request"];
        for row in seq(node.value.get("table")) {
            self.unknown_keys(
                &row.value,
                &["context", "statement", "condition", "pipelines"],
                "a routing table entry",
            );
            let choice = match row.value.get("context") {
                None => ContextChoice::Given(ContextKind::Resource),
                Some(context) => match self.context(context, CONTEXTS).as_deref() {
                    Some("request") => ContextChoice::Request,
                    Some(name) => match ContextKind::from_name(name) {
                        Some(kind) => ContextChoice::Given(kind),
                        None => continue,
                    },
                    None => continue,
                },
            };
            let statement = row.value.get("statement");
            let condition = row.value.get("condition");
            match (statement, condition) {
                (Some(statement), Some(_)) => {
                    self.error(
                        Code::InvalidComponentConfig,
                        statement,
                        "a routing table entry has both `statement` and `condition`".to_owned(),
                    )
                    .help = Some("keep one of them".to_owned());
                }
                (None, None) => {
                    self.error(
                        Code::InvalidComponentConfig,
                        row,
                        "a routing table entry needs a `statement` or a `condition`".to_owned(),
                    );
                }
                _ => {}
            }
            let mut unit = self.unit(Component::RoutingConnector, choice, row);
            if let Some(statement) = statement {
                unit.statements.extend(self.layer.item(statement));
            } else if let Some(condition) = condition {
                unit.conditions.extend(self.layer.item(condition));
            }
            self.push(unit);
        }
    }

    fn routing_processor(&mut self, key: &Spanned<String>, node: &Spanned<Node>) {
        self.error(
            Code::RemovedComponent,
            key,
            "the routing processor was removed from the collector".to_owned(),
        )
        .help = Some(
            "use the routing connector (`connectors: routing:`), with `pipelines` in place of \
             `exporters`; its statements are checked below"
                .to_owned(),
        );
        for row in seq(node.value.get("table")) {
            if let Some(statement) = row.value.get("statement") {
                let choice = ContextChoice::Given(ContextKind::Resource);
                let mut unit = self.unit(Component::RoutingProcessor, choice, row);
                unit.statements.extend(self.layer.item(statement));
                self.push(unit);
            }
        }
    }

    fn tail_sampling(&mut self, node: &Spanned<Node>) {
        self.ottl_policies(&node.value);
    }

    /// Every `ottl_condition` policy under `node`, however deeply nested in `and`,
    /// `composite` or `drop` sub-policies.
    fn ottl_policies(&mut self, node: &Node) {
        match node {
            Node::Map(entries) => {
                for entry in entries {
                    if entry.key.value == "ottl_condition" {
                        self.ottl_condition(&entry.value);
                    } else {
                        self.ottl_policies(&entry.value.value);
                    }
                }
            }
            Node::Seq(items) => {
                for item in items {
                    self.ottl_policies(&item.value);
                }
            }
            Node::Scalar(_) | Node::Null => {}
        }
    }

    fn ottl_condition(&mut self, node: &Spanned<Node>) {
        self.unknown_keys(
            &node.value,
            &["error_mode", "span", "spanevent"],
            "an `ottl_condition` policy",
        );
        self.error_mode(&node.value);
        for (key, context) in [
            ("span", ContextKind::Span),
            ("spanevent", ContextKind::SpanEvent),
        ] {
            if let Some(list) = node.value.get(key) {
                let mut unit =
                    self.unit(Component::TailSampling, ContextChoice::Given(context), list);
                self.texts(Some(list), &mut unit.conditions);
                self.push(unit);
            }
        }
    }

    /// The count and sum connectors: `conditions` of each metric, per kind of item.
    fn counting(&mut self, component: Component, node: &Spanned<Node>) {
        const KINDS: [(&str, ContextKind); 5] = [
            ("spans", ContextKind::Span),
            ("spanevents", ContextKind::SpanEvent),
            ("metrics", ContextKind::Metric),
            ("datapoints", ContextKind::DataPoint),
            ("logs", ContextKind::Log),
        ];
        for entry in node.value.entries() {
            let Some(&(_, context)) = KINDS.iter().find(|(k, _)| *k == entry.key.value) else {
                continue;
            };
            for metric in entry.value.value.entries() {
                if let Some(conditions) = metric.value.value.get("conditions") {
                    let choice = ContextChoice::Given(context);
                    let mut unit = self.unit(component, choice, conditions);
                    self.texts(Some(conditions), &mut unit.conditions);
                    self.push(unit);
                }
            }
        }
    }

    fn signal_to_metrics(&mut self, node: &Spanned<Node>) {
        const KINDS: [(&str, ContextKind); 3] = [
            ("spans", ContextKind::Span),
            ("datapoints", ContextKind::DataPoint),
            ("logs", ContextKind::Log),
        ];
        for (key, context) in KINDS {
            for metric in seq(node.value.get(key)) {
                let mut unit = self.unit(
                    Component::SignalToMetrics,
                    ContextChoice::Given(context),
                    metric,
                );
                self.texts(metric.value.get("conditions"), &mut unit.conditions);
                for kind in ["sum", "gauge", "histogram", "exponential_histogram"] {
                    let Some(metric_kind) = metric.value.get(kind) else {
                        continue;
                    };
                    for field in ["value", "count"] {
                        if let Some(value) = metric_kind.value.get(field) {
                            unit.values.extend(self.layer.item(value));
                        }
                    }
                }
                self.push(unit);
            }
        }
    }

    fn logdedup(&mut self, node: &Spanned<Node>) {
        if let Some(conditions) = node.value.get("conditions") {
            let choice = ContextChoice::Given(ContextKind::Log);
            let mut unit = self.unit(Component::LogDedup, choice, conditions);
            self.texts(Some(conditions), &mut unit.conditions);
            self.push(unit);
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

/// The contexts a transform or filter group of `signal` may name, lowest first.
fn contexts_of(signal: Signal) -> Vec<&'static str> {
    ContextKind::ALL
        .iter()
        .filter(|c| c.runs_on(signal))
        .map(|c| c.name())
        .collect()
}
