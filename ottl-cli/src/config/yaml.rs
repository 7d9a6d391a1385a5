//! The collector configuration as YAML: the processors section, and in it the transform and
//! filter processors, read with serde-saphyr so that every statement and condition keeps its
//! position in the file.
//!
//! Only what `eval --config` needs is kept; every other section and processor is skipped
//! without building a value for it.

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// What the configuration holds for `eval --config`: its transform and filter processors,
/// in document order.
#[derive(Debug, Default)]
pub(crate) struct Document {
    /// Every processor whose key is `transform`, `filter`, or one of them with `/<name>`.
    pub(crate) processors: Vec<ProcessorYaml>,
    /// `service.pipelines`: each pipeline's id and processors, in document order; `None`
    /// when the configuration has no pipelines (a fragment).
    pub(crate) pipelines: Option<Vec<PipelineIds>>,
}

/// A pipeline's id and the ids of its processors.
pub(crate) type PipelineIds = (String, Vec<String>);

/// A collector's `service:` section; only the pipelines are read.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ServiceYaml {
    pipelines: Option<PipelinesYaml>,
}

/// `service.pipelines`, in document order.
#[derive(Debug, Default)]
struct PipelinesYaml(Vec<PipelineIds>);

/// One pipeline; only its processors are read.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct PipelineYaml {
    processors: Option<Vec<String>>,
}

impl<'de> Deserialize<'de> for PipelinesYaml {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(PipelinesVisitor)
    }
}

struct PipelinesVisitor;

impl<'de> Visitor<'de> for PipelinesVisitor {
    type Value = PipelinesYaml;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a mapping of pipelines")
    }

    fn visit_unit<E: de::Error>(self) -> Result<PipelinesYaml, E> {
        Ok(PipelinesYaml::default())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PipelinesYaml, A::Error> {
        let mut pipelines = Vec::new();
        while let Some(id) = map.next_key::<String>()? {
            let pipeline = map
                .next_value::<Option<PipelineYaml>>()?
                .unwrap_or_default();
            pipelines.push((id, pipeline.processors.unwrap_or_default()));
        }
        Ok(PipelinesYaml(pipelines))
    }
}

/// The pipelines of a `service:` value, when it has any.
fn service_pipelines<'de, A: MapAccess<'de>>(
    map: &mut A,
) -> Result<Option<Vec<PipelineIds>>, A::Error> {
    let service = map.next_value::<Option<ServiceYaml>>()?.unwrap_or_default();
    Ok(service.pipelines.map(|p| p.0))
}

/// A processor `eval --config` runs, with its key.
#[derive(Debug)]
pub(crate) enum ProcessorYaml {
    /// A transform processor.
    Transform(Spanned<String>, TransformYaml),
    /// A filter processor.
    Filter(Spanned<String>, Box<FilterYaml>),
}

impl ProcessorYaml {
    /// The processor's key.
    #[cfg(test)]
    fn key(&self) -> &str {
        match self {
            ProcessorYaml::Transform(key, _) | ProcessorYaml::Filter(key, _) => &key.value,
        }
    }
}

/// One transform processor as written. Unknown keys are rejected, as the collector rejects
/// them (an old `traces: queries:` config would otherwise run nothing, silently).
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct TransformYaml {
    /// The processor's error mode; `ignore` when absent.
    pub(crate) error_mode: Option<Spanned<String>>,
    /// `trace_statements`, basic or advanced style.
    pub(crate) trace_statements: Option<Vec<Spanned<Entry>>>,
    /// `metric_statements`, basic or advanced style.
    pub(crate) metric_statements: Option<Vec<Spanned<Entry>>>,
    /// `log_statements`, basic or advanced style.
    pub(crate) log_statements: Option<Vec<Spanned<Entry>>>,
    /// `profile_statements`: there is no profile signal here, so they are not read.
    pub(crate) profile_statements: Option<IgnoredAny>,
    /// `flatten_data` (logs, behind a collector feature gate): not supported, not read.
    pub(crate) flatten_data: Option<IgnoredAny>,
}

/// One filter processor as written. Unknown keys are rejected, as the collector rejects them.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct FilterYaml {
    /// The processor's error mode; `ignore` when absent.
    pub(crate) error_mode: Option<Spanned<String>>,
    /// `trace_conditions`, basic or advanced style.
    pub(crate) trace_conditions: Option<Vec<Spanned<Entry>>>,
    /// `metric_conditions`, basic or advanced style.
    pub(crate) metric_conditions: Option<Vec<Spanned<Entry>>>,
    /// `log_conditions`, basic or advanced style.
    pub(crate) log_conditions: Option<Vec<Spanned<Entry>>>,
    /// `profile_conditions`: there is no profile signal here, so they are not read.
    pub(crate) profile_conditions: Option<IgnoredAny>,
    /// The legacy `traces:` section (OTTL conditions per context).
    pub(crate) traces: Option<Spanned<LegacyTraces>>,
    /// The legacy `metrics:` section (OTTL conditions per context, or pre-OTTL matchers).
    pub(crate) metrics: Option<Spanned<LegacyMetrics>>,
    /// The legacy `logs:` section (OTTL conditions per context, or pre-OTTL matchers).
    pub(crate) logs: Option<Spanned<LegacyLogs>>,
    /// `profiles:`: there is no profile signal here, so it is not read.
    pub(crate) profiles: Option<IgnoredAny>,
    /// `spans:`: pre-OTTL span matchers, which `eval --config` does not run.
    pub(crate) spans: Option<IgnoredAny>,
}

/// The legacy `traces:` section of a filter processor.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct LegacyTraces {
    /// Resource conditions.
    pub(crate) resource: Vec<Spanned<String>>,
    /// Span conditions.
    pub(crate) span: Vec<Spanned<String>>,
    /// Span event conditions.
    pub(crate) spanevent: Vec<Spanned<String>>,
}

/// The legacy `metrics:` section of a filter processor.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct LegacyMetrics {
    /// Resource conditions.
    pub(crate) resource: Vec<Spanned<String>>,
    /// Metric conditions.
    pub(crate) metric: Vec<Spanned<String>>,
    /// Data point conditions.
    pub(crate) datapoint: Vec<Spanned<String>>,
    /// Pre-OTTL matchers (not run).
    pub(crate) include: Option<IgnoredAny>,
    /// Pre-OTTL matchers (not run).
    pub(crate) exclude: Option<IgnoredAny>,
    /// Pre-OTTL regexp cache settings (not run).
    pub(crate) regexp: Option<IgnoredAny>,
}

/// The legacy `logs:` section of a filter processor.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct LegacyLogs {
    /// Resource conditions.
    pub(crate) resource: Vec<Spanned<String>>,
    /// Log record conditions.
    pub(crate) log_record: Vec<Spanned<String>>,
    /// Pre-OTTL matchers (not run).
    pub(crate) include: Option<IgnoredAny>,
    /// Pre-OTTL matchers (not run).
    pub(crate) exclude: Option<IgnoredAny>,
}

/// One item of a `*_statements` or `*_conditions` list: a statement or condition (basic
/// style) or a group (advanced style).
#[derive(Debug)]
pub(crate) enum Entry {
    /// A statement string.
    Statement(String),
    /// A statement group.
    Group(GroupYaml),
    /// Anything else (a number, a list): a configuration error.
    Other(&'static str),
}

/// A statement group as written (advanced style). Unknown keys are rejected.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct GroupYaml {
    /// The context the statements run in; inferred from path prefixes when absent.
    pub(crate) context: Option<Spanned<String>>,
    /// The statements, run in order.
    pub(crate) statements: Vec<Spanned<String>>,
    /// The group's conditions: a record is processed when any holds.
    pub(crate) conditions: Vec<Spanned<String>>,
    /// Overrides the processor's error mode for this group.
    pub(crate) error_mode: Option<Spanned<String>>,
    /// `shared_cache` (newer collectors): each group keeps its own cache here.
    pub(crate) shared_cache: Option<IgnoredAny>,
    /// `flatten` (logs, behind a collector feature gate): not supported, not read.
    pub(crate) flatten: Option<IgnoredAny>,
}

/// Reads the configuration. The processors are those under `processors:`; a document without
/// that key whose top-level keys are processors (the collector's `testdata/config.yaml`
/// fragments) is read as the processors section itself. A stream of several YAML documents
/// (`---`) contributes the processors of each, in order. A document with neither (Helm values,
/// an operator's resource) contributes the `processors:` mappings nested anywhere in it.
pub(crate) fn parse(text: &str) -> Result<Document, serde_saphyr::Error> {
    let documents: Vec<TopLevel> = serde_saphyr::from_multiple(text)?;
    let mut all = Document::default();
    for top in documents {
        let pipelines = top.pipelines.or(top.nested.pipelines.clone());
        let document = match top.processors {
            Some(processors) => processors,
            None if top.bare.processors.is_empty() => top.nested,
            None => top.bare,
        };
        all.processors.extend(document.processors);
        if let Some(pipelines) = pipelines {
            all.pipelines.get_or_insert_with(Vec::new).extend(pipelines);
        }
    }
    Ok(all)
}

/// The top level of the document.
#[derive(Default)]
struct TopLevel {
    /// The `processors:` section.
    processors: Option<Document>,
    /// Processors written at the top level.
    bare: Document,
    /// Processors of `processors:` mappings deeper in the document.
    nested: Document,
    /// The pipelines of the top-level `service:`.
    pipelines: Option<Vec<PipelineIds>>,
}

impl<'de> Deserialize<'de> for TopLevel {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TopLevelVisitor)
    }
}

struct TopLevelVisitor;

impl<'de> Visitor<'de> for TopLevelVisitor {
    type Value = TopLevel;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a collector configuration (a mapping with a `processors:` section)")
    }

    fn visit_unit<E: de::Error>(self) -> Result<TopLevel, E> {
        Ok(TopLevel::default())
    }

    fn visit_none<E: de::Error>(self) -> Result<TopLevel, E> {
        self.visit_unit()
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TopLevel, A::Error> {
        let mut top = TopLevel::default();
        while let Some(key) = map.next_key::<Spanned<String>>()? {
            let name = key.value.as_str();
            if name == "processors" {
                top.processors = Some(map.next_value::<Document>()?);
            } else if name == "service" {
                top.pipelines = service_pipelines(&mut map)?;
            } else if is_kind(name, "transform") || is_kind(name, "filter") {
                processor_value(&mut top.bare, key, &mut map)?;
            } else {
                let Nested(found) = map.next_value()?;
                top.nested.processors.extend(found.processors);
            }
        }
        Ok(top)
    }
}

/// Reads the value of the processor `key`: transform and filter processors are kept, the
/// others skipped.
fn processor_value<'de, A: MapAccess<'de>>(
    document: &mut Document,
    key: Spanned<String>,
    map: &mut A,
) -> Result<(), A::Error> {
    let name = key.value.as_str();
    if is_kind(name, "transform") {
        let processor = map.next_value::<Option<TransformYaml>>()?;
        let processor = ProcessorYaml::Transform(key, processor.unwrap_or_default());
        document.processors.push(processor);
    } else if is_kind(name, "filter") {
        let processor = map.next_value::<Option<FilterYaml>>()?;
        let processor = ProcessorYaml::Filter(key, Box::new(processor.unwrap_or_default()));
        document.processors.push(processor);
    } else {
        map.next_value::<IgnoredAny>()?;
    }
    Ok(())
}

/// Whether the component key `name` is of type `kind` (`kind` or `kind/<name>`).
fn is_kind(name: &str, kind: &str) -> bool {
    name.strip_prefix(kind)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

impl<'de> Deserialize<'de> for Document {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ProcessorsVisitor)
    }
}

struct ProcessorsVisitor;

impl<'de> Visitor<'de> for ProcessorsVisitor {
    type Value = Document;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a mapping of processors")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Document, E> {
        Ok(Document::default())
    }

    fn visit_none<E: de::Error>(self) -> Result<Document, E> {
        Ok(Document::default())
    }

    /// A pipeline's `processors: [a, b]` names processors; it defines none.
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Document, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Document::default())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Document, A::Error> {
        let mut document = Document::default();
        while let Some(key) = map.next_key::<Spanned<String>>()? {
            processor_value(&mut document, key, &mut map)?;
        }
        Ok(document)
    }
}

/// The processors of every `processors:` mapping inside a value, at any depth.
struct Nested(Document);

impl<'de> Deserialize<'de> for Nested {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NestedVisitor)
    }
}

struct NestedVisitor;

impl<'de> Visitor<'de> for NestedVisitor {
    type Value = Nested;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Nested, A::Error> {
        let mut document = Document::default();
        while let Some(key) = map.next_key::<String>()? {
            let found = if key == "processors" {
                map.next_value::<Document>()?
            } else if key == "service" {
                // Helm values have a `service:` of their own (the Kubernetes Service).
                let pipelines = service_pipelines(&mut map)?;
                Document {
                    processors: Vec::new(),
                    pipelines,
                }
            } else {
                map.next_value::<Nested>()?.0
            };
            document.processors.extend(found.processors);
            if let Some(pipelines) = found.pipelines {
                document
                    .pipelines
                    .get_or_insert_with(Vec::new)
                    .extend(pipelines);
            }
        }
        Ok(Nested(document))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Nested, A::Error> {
        let mut document = Document::default();
        while let Some(Nested(found)) = seq.next_element()? {
            document.processors.extend(found.processors);
            if let Some(pipelines) = found.pipelines {
                document
                    .pipelines
                    .get_or_insert_with(Vec::new)
                    .extend(pipelines);
            }
        }
        Ok(Nested(document))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Nested, E> {
        Ok(Nested(Document::default()))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Nested, E> {
        Ok(Nested(Document::default()))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Nested, E> {
        Ok(Nested(Document::default()))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Nested, E> {
        Ok(Nested(Document::default()))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Nested, E> {
        Ok(Nested(Document::default()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Nested, E> {
        Ok(Nested(Document::default()))
    }
}

impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(EntryVisitor)
    }
}

/// Tells a statement string from a group mapping without serde's `untagged`, which would lose
/// the positions inside the group.
struct EntryVisitor;

impl<'de> Visitor<'de> for EntryVisitor {
    type Value = Entry;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a statement or a statement group")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Entry, E> {
        Ok(Entry::Statement(value.to_owned()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Entry, E> {
        Ok(Entry::Statement(value))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Entry, A::Error> {
        GroupYaml::deserialize(de::value::MapAccessDeserializer::new(map)).map(Entry::Group)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Entry, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Entry::Other("a list"))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Entry, E> {
        Ok(Entry::Other("a boolean"))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Entry, E> {
        Ok(Entry::Other("a number"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Entry, E> {
        Ok(Entry::Other("a number"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Entry, E> {
        Ok(Entry::Other("a number"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Entry, E> {
        Ok(Entry::Other("an empty value"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        parse(text)
            .map(|d| d.processors.iter().map(|p| p.key().to_owned()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn processors_section_wins_and_pipelines_only_name_processors() {
        let text = "processors:\n  transform/a:\n  batch:\n  transform:\nservice:\n  \
                    pipelines:\n    logs:\n      processors: [transform/a]\n";
        assert_eq!(names(text), ["transform/a", "transform"]);
    }

    #[test]
    fn pipelines_keep_their_order_and_processors() {
        let text = "processors:\n  transform/a:\nservice:\n  pipelines:\n    logs/b:\n      \
                    processors: [transform/a, batch]\n    logs:\n      receivers: [otlp]\n";
        let pipelines = parse(text).ok().and_then(|d| d.pipelines);
        let expected = vec![
            (
                "logs/b".to_owned(),
                vec!["transform/a".to_owned(), "batch".to_owned()],
            ),
            ("logs".to_owned(), Vec::new()),
        ];
        assert_eq!(pipelines, Some(expected));
    }

    #[test]
    fn nested_processors_are_found_in_helm_values() {
        let text = "mode: deployment\nconfig:\n  processors:\n    transform/x:\n      \
                    log_statements: []\n";
        assert_eq!(names(text), ["transform/x"]);
    }

    #[test]
    fn top_level_processors_are_a_processors_section() {
        assert_eq!(
            names("transform:\ntransformer:\nfilter/a:\nfilters:\n"),
            ["transform", "filter/a"]
        );
    }
}
