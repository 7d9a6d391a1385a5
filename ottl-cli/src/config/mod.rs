//! Collector configurations: the transform and filter processors of a collector's YAML, as
//! the library's processor groups ([`ottl_functions::processor`]), with where each statement,
//! condition and group is in the file, for diagnostics.
//!
//! [`load`] reads the YAML (keeping positions) and hands each processor's configuration to the
//! library, which checks its shape (basic or advanced style, contexts, error modes) and keeps
//! the collector's semantics; what it finds is placed back in the file here. [`run`] compiles
//! the groups and runs them over OTLP/JSON documents.

pub(crate) mod position;
pub mod run;
mod yaml;

use ottl_core::context::Signal;
use ottl_functions::processor::config::{self as model, FilterConfig, TransformConfig};
use ottl_functions::processor::{Finding, ProcessorSpec, Where};
use position::ScalarMap;
use serde_saphyr::{Location, Spanned};
use std::fmt;

/// The transform and filter processors of a configuration, in document order.
#[derive(Debug)]
pub struct Config {
    /// The processors to run.
    pub processors: Vec<Processor>,
    /// Processors that are not run, with why (`filter/old`: pre-OTTL matchers).
    pub skipped: Vec<(String, String)>,
    /// `service.pipelines`, in document order; `None` when there is no `service:` with
    /// pipelines (a fragment), and then every processor runs, in file order.
    pub pipelines: Option<Vec<Pipeline>>,
}

/// A pipeline of `service.pipelines`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pipeline {
    /// Its id (`traces`, `logs/redact`).
    pub id: String,
    /// Its processors, in the order they run.
    pub processors: Vec<String>,
}

impl Pipeline {
    /// The signal it carries, from its id's type (`traces/x` carries traces); `None` for a
    /// signal this engine does not have (`profiles`).
    pub fn signal(&self) -> Option<Signal> {
        match self.id.split('/').next() {
            Some("traces") => Some(Signal::Traces),
            Some("metrics") => Some(Signal::Metrics),
            Some("logs") => Some(Signal::Logs),
            _ => None,
        }
    }
}

/// One transform or filter processor: its groups as the library reads them, each statement
/// and condition a [`Text`] that knows where it is in the file.
#[derive(Debug)]
pub struct Processor {
    /// Its key and groups.
    pub spec: ProcessorSpec<Text>,
    /// Where each group starts in the file (line, from 1).
    pub group_lines: Vec<u64>,
}

/// A statement or condition as the collector sees it, and where it is in the file.
#[derive(Debug)]
pub struct Text {
    /// The text, with the collector's `$$` → `$` applied.
    pub value: String,
    /// Where each byte of `value` is in the file, when the scalar's form allows it.
    map: Option<ScalarMap>,
    /// Line of the scalar, from 1.
    pub line: u64,
    /// Column of the scalar, from 1.
    pub column: u64,
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.value
    }
}

/// A mistake in the configuration's shape, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// What is wrong.
    pub message: String,
    /// Line, from 1 (0 when unknown).
    pub line: u64,
    /// Column, from 1 (0 when unknown).
    pub column: u64,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: ", self.line, self.column)?;
        }
        f.write_str(&self.message)
    }
}

/// Reads the transform and filter processors of the configuration `text`. A text that is not
/// YAML is one error; shape mistakes are all reported together.
pub fn load(text: &str) -> Result<Config, Vec<ConfigError>> {
    let document = yaml::parse(text).map_err(|error| {
        vec![ConfigError {
            message: format!("cannot read the configuration: {error}"),
            line: 0,
            column: 0,
        }]
    })?;
    let mut errors = Vec::new();
    let mut processors = Vec::new();
    let mut skipped = Vec::new();
    for processor in document.processors {
        let (tree, (spec, findings)) = match &processor {
            yaml::ProcessorYaml::Transform(key, yaml) => {
                let config = transform_config(text, yaml);
                let read = ProcessorSpec::transform(&key.value, config);
                (Tree::Transform(yaml), read)
            }
            yaml::ProcessorYaml::Filter(key, yaml) => {
                let config = filter_config(text, yaml);
                if let Some(matcher) = config.pre_ottl_key() {
                    let reason = format!(
                        "`{matcher}` is a pre-OTTL matcher, which eval --config does not run; \
                         rewrite it as `*_conditions`"
                    );
                    skipped.push((key.value.clone(), reason));
                    continue;
                }
                let read = ProcessorSpec::filter(&key.value, config);
                (Tree::Filter(yaml), read)
            }
        };
        let group_lines: Vec<u64> = spec
            .groups
            .iter()
            .map(|g| tree.location(g.at).line())
            .collect();
        let processor = Processor { spec, group_lines };
        for finding in findings {
            if let Finding::Error { at, message } = finding {
                let (line, column) = processor.position(at, &tree);
                errors.push(ConfigError {
                    message,
                    line,
                    column,
                });
            }
        }
        processors.push(processor);
    }
    if errors.is_empty() {
        let pipelines = document.pipelines.map(|pipelines| {
            pipelines
                .into_iter()
                .map(|(id, processors)| Pipeline { id, processors })
                .collect()
        });
        Ok(Config {
            processors,
            skipped,
            pipelines,
        })
    } else {
        Err(errors)
    }
}

/// A processor's YAML, to place what the library finds.
enum Tree<'a> {
    Transform(&'a yaml::TransformYaml),
    Filter(&'a yaml::FilterYaml),
}

impl Tree<'_> {
    /// The list of `signal`'s statements or conditions.
    fn list(&self, signal: Signal) -> &[Spanned<yaml::Entry>] {
        let list = match (self, signal) {
            (Tree::Transform(t), Signal::Traces) => &t.trace_statements,
            (Tree::Transform(t), Signal::Metrics) => &t.metric_statements,
            (Tree::Transform(t), Signal::Logs) => &t.log_statements,
            (Tree::Filter(f), Signal::Traces) => &f.trace_conditions,
            (Tree::Filter(f), Signal::Metrics) => &f.metric_conditions,
            (Tree::Filter(f), Signal::Logs) => &f.log_conditions,
        };
        list.as_deref().unwrap_or_default()
    }

    /// The group that is entry `index` of `signal`'s list.
    fn group(&self, signal: Signal, index: usize) -> Option<&yaml::GroupYaml> {
        match &self.list(signal).get(index)?.value {
            yaml::Entry::Group(group) => Some(group),
            _ => None,
        }
    }

    /// Where `at` is in the file (not for texts and compiled groups, which the processor
    /// knows).
    fn location(&self, at: Where) -> Location {
        let found = match at {
            Where::ErrorMode => match self {
                Tree::Transform(t) => t.error_mode.as_ref().map(|m| m.referenced),
                Tree::Filter(f) => f.error_mode.as_ref().map(|m| m.referenced),
            },
            Where::Entry { signal, index } => self.list(signal).get(index).map(|e| e.referenced),
            Where::Context { signal, index } => self
                .group(signal, index)
                .and_then(|g| g.context.as_ref())
                .map(|c| c.referenced),
            Where::GroupErrorMode { signal, index } => self
                .group(signal, index)
                .and_then(|g| g.error_mode.as_ref())
                .map(|m| m.referenced),
            Where::GroupStatements { signal, index } => self
                .group(signal, index)
                .and_then(|g| g.statements.first())
                .map(|s| s.referenced),
            Where::Legacy(signal) => match (self, signal) {
                (Tree::Filter(f), Signal::Traces) => f.traces.as_ref().map(|t| t.referenced),
                (Tree::Filter(f), Signal::Metrics) => f.metrics.as_ref().map(|m| m.referenced),
                (Tree::Filter(f), Signal::Logs) => f.logs.as_ref().map(|l| l.referenced),
                (Tree::Transform(_), _) => None,
            },
            Where::Processor | Where::Group(_) | Where::Text { .. } => None,
        };
        found.unwrap_or(Location::UNKNOWN)
    }
}

impl Processor {
    /// The text `at` names, when it names one.
    pub fn text(&self, at: Where) -> Option<&Text> {
        let Where::Text { group, index } = at else {
            return None;
        };
        self.spec.groups.get(group)?.texts().get(index).copied()
    }

    /// The label of the group `at` is in.
    pub fn label(&self, at: Where) -> &str {
        let group = match at {
            Where::Text { group, .. } | Where::Group(group) => group,
            _ => return &self.spec.name,
        };
        self.spec
            .groups
            .get(group)
            .map_or(&self.spec.name, |g| &g.label)
    }

    /// Line and column of `at` (0 when unknown; column 0 for a whole group).
    fn position(&self, at: Where, tree: &Tree<'_>) -> (u64, u64) {
        match at {
            Where::Text { .. } => self.text(at).map_or((0, 0), |t| (t.line, t.column)),
            Where::Group(group) => (self.group_lines.get(group).copied().unwrap_or(0), 0),
            _ => {
                let location = tree.location(at);
                (location.line(), location.column())
            }
        }
    }
}

/// A transform processor's YAML as the library's configuration, with `${env:…}` resolved.
fn transform_config(file: &str, yaml: &yaml::TransformYaml) -> TransformConfig<Text> {
    TransformConfig {
        error_mode: yaml.error_mode.as_ref().map(|m| m.value.clone()),
        trace_statements: entries(file, yaml.trace_statements.as_deref()),
        metric_statements: entries(file, yaml.metric_statements.as_deref()),
        log_statements: entries(file, yaml.log_statements.as_deref()),
        ..TransformConfig::default()
    }
}

/// A filter processor's YAML as the library's configuration, with `${env:…}` resolved.
fn filter_config(file: &str, yaml: &yaml::FilterYaml) -> FilterConfig<Text> {
    let texts = |list: &[Spanned<String>]| -> Vec<Text> {
        list.iter()
            .map(|c| text(file, c.value.clone(), &c.defined))
            .collect()
    };
    let ignored = |present: bool| present.then_some(serde::de::IgnoredAny);
    FilterConfig {
        error_mode: yaml.error_mode.as_ref().map(|m| m.value.clone()),
        trace_conditions: entries(file, yaml.trace_conditions.as_deref()),
        metric_conditions: entries(file, yaml.metric_conditions.as_deref()),
        log_conditions: entries(file, yaml.log_conditions.as_deref()),
        traces: yaml.traces.as_ref().map(|t| model::LegacyTraces {
            resource: texts(&t.value.resource),
            span: texts(&t.value.span),
            spanevent: texts(&t.value.spanevent),
        }),
        metrics: yaml.metrics.as_ref().map(|m| model::LegacyMetrics {
            resource: texts(&m.value.resource),
            metric: texts(&m.value.metric),
            datapoint: texts(&m.value.datapoint),
            include: ignored(m.value.include.is_some()),
            exclude: ignored(m.value.exclude.is_some()),
            regexp: ignored(m.value.regexp.is_some()),
        }),
        logs: yaml.logs.as_ref().map(|l| model::LegacyLogs {
            resource: texts(&l.value.resource),
            log_record: texts(&l.value.log_record),
            include: ignored(l.value.include.is_some()),
            exclude: ignored(l.value.exclude.is_some()),
        }),
        spans: ignored(yaml.spans.is_some()),
        ..FilterConfig::default()
    }
}

/// The entries of a `*_statements` or `*_conditions` list.
fn entries(file: &str, list: Option<&[Spanned<yaml::Entry>]>) -> Vec<model::Entry<Text>> {
    let texts = |list: &[Spanned<String>]| -> Vec<Text> {
        list.iter()
            .map(|s| text(file, s.value.clone(), &s.defined))
            .collect()
    };
    list.unwrap_or_default()
        .iter()
        .map(|entry| match &entry.value {
            yaml::Entry::Statement(value) => {
                model::Entry::Statement(text(file, value.clone(), &entry.defined))
            }
            yaml::Entry::Group(group) => model::Entry::Group(model::GroupConfig {
                context: group.context.as_ref().map(|c| c.value.clone()),
                statements: texts(&group.statements),
                conditions: texts(&group.conditions),
                error_mode: group.error_mode.as_ref().map(|m| m.value.clone()),
                ..model::GroupConfig::default()
            }),
            yaml::Entry::Other(what) => model::Entry::Other(what),
        })
        .collect()
}

/// A statement or condition read from `location` in `file`.
fn text(file: &str, value: String, location: &Location) -> Text {
    let span = location.span();
    let map = span
        .byte_offset()
        .zip(span.byte_len())
        .and_then(|(start, len)| {
            ScalarMap::new(
                file,
                usize::try_from(start).ok()?,
                usize::try_from(len).ok()?,
                &value,
            )
        });
    let (value, map) = ScalarMap::expand(&value, map, &position::process_env);
    Text {
        value,
        map,
        line: location.line(),
        column: location.column(),
    }
}

impl Text {
    /// The file span of a span in [`Text::value`], when the scalar could be mapped.
    pub fn file_span(&self, span: ottl_core::span::Span) -> Option<ottl_core::span::Span> {
        self.map.as_ref().map(|map| map.span(span))
    }
}
