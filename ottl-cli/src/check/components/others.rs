//! The routing connector (and the removed routing processor), tail sampling `ottl_condition`
//! policies, the count, sum and signal to metrics connectors, and log deduplication.

use super::{Walk, seq};
use crate::check::model::{Component, ContextChoice};
use crate::check::tree::Node;
use ottl_core::context::ContextKind;
use ottl_core::diag::Code;
use serde_saphyr::Spanned;

impl Walk<'_, '_> {
    pub(super) fn routing_connector(&mut self, node: &Spanned<Node>) {
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

    pub(super) fn routing_processor(&mut self, key: &Spanned<String>, node: &Spanned<Node>) {
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

    pub(super) fn tail_sampling(&mut self, node: &Spanned<Node>) {
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
    pub(super) fn counting(&mut self, component: Component, node: &Spanned<Node>) {
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

    pub(super) fn signal_to_metrics(&mut self, node: &Spanned<Node>) {
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

    pub(super) fn logdedup(&mut self, node: &Spanned<Node>) {
        if let Some(conditions) = node.value.get("conditions") {
            let choice = ContextChoice::Given(ContextKind::Log);
            let mut unit = self.unit(Component::LogDedup, choice, conditions);
            self.texts(Some(conditions), &mut unit.conditions);
            self.push(unit);
        }
    }
}
