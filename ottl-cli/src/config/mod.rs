//! Collector configurations: the transform and filter processors of a collector's YAML, as
//! statement and condition groups ready to compile and run the way the collector runs them.
//!
//! [`load`] reads the YAML (keeping positions, for diagnostics) and checks its shape: basic
//! style (a list of statements: one group without a context) or advanced style (a list of
//! groups), never both in one list; contexts that exist and fit the signal; valid error modes.
//! Filter processors are read by [`filter`]. [`run`] compiles the groups and runs them over
//! OTLP/JSON documents.

pub mod filter;
mod filter_run;
pub mod infer;
pub(crate) mod position;
pub mod run;
mod yaml;

use ottl_core::context::{ContextKind, Signal};
use ottl_core::run::ErrorMode;
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

/// One transform or filter processor.
#[derive(Debug)]
pub struct Processor {
    /// Its key (`transform`, `transform/redact`, `filter/drop`).
    pub name: String,
    /// What it does.
    pub kind: ProcessorKind,
}

/// What a processor does.
#[derive(Debug)]
pub enum ProcessorKind {
    /// A transform processor's statement groups, each for one signal, in configuration order.
    Transform(Vec<Group>),
    /// A filter processor's condition groups, each for one signal, in configuration order.
    Filter(Vec<filter::FilterGroupSpec>),
}

/// A statement group: statements that run together, in one context, over a whole batch.
#[derive(Debug)]
pub struct Group {
    /// The signal whose list the group is in.
    pub signal: Signal,
    /// Its position in that list, from 1 (for messages).
    pub number: usize,
    /// The context given with `context:`; `None` means inferred from path prefixes.
    pub context: Option<ContextKind>,
    /// The statements, in order.
    pub statements: Vec<Text>,
    /// The group's conditions (any must hold).
    pub conditions: Vec<Text>,
    /// The group's error mode, or its processor's.
    pub error_mode: ErrorMode,
    /// Where the group starts in the file.
    pub line: u64,
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

impl ConfigError {
    fn at(location: &Location, message: impl Into<String>) -> ConfigError {
        ConfigError {
            message: message.into(),
            line: location.line(),
            column: location.column(),
        }
    }
}

/// The name of a signal's list in a transform processor.
pub fn list_name(signal: Signal) -> &'static str {
    match signal {
        Signal::Traces => "trace_statements",
        Signal::Metrics => "metric_statements",
        Signal::Logs => "log_statements",
    }
}

/// The contexts a signal's groups may name.
fn contexts_of(signal: Signal) -> Vec<ContextKind> {
    let mut contexts: Vec<ContextKind> = ContextKind::ALL
        .iter()
        .copied()
        .filter(|c| c.runs_on(signal))
        .collect();
    contexts.reverse();
    contexts
}

/// Reads the transform and filter processors of the configuration `text`. A text that is not YAML is one
/// error; shape mistakes are all reported together.
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
        match processor {
            yaml::ProcessorYaml::Transform(key, processor) => {
                processors.push(build_processor(text, key, processor, &mut errors));
            }
            yaml::ProcessorYaml::Filter(key, processor) => {
                match filter::build(text, key, *processor, &mut errors) {
                    Ok(processor) => processors.push(processor),
                    Err(skip) => skipped.push(skip),
                }
            }
        }
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

fn build_processor(
    file: &str,
    key: Spanned<String>,
    processor: yaml::TransformYaml,
    errors: &mut Vec<ConfigError>,
) -> Processor {
    let error_mode = parse_error_mode(processor.error_mode.as_ref(), ErrorMode::Ignore, errors);
    let lists = [
        (Signal::Traces, processor.trace_statements),
        (Signal::Metrics, processor.metric_statements),
        (Signal::Logs, processor.log_statements),
    ];
    let mut groups = Vec::new();
    for (signal, list) in lists {
        let list = list.unwrap_or_default();
        let name = list_name(signal);
        build_list(file, (signal, name), list, error_mode, &mut groups, errors);
    }
    Processor {
        name: key.value,
        kind: ProcessorKind::Transform(groups),
    }
}

/// The groups of one `*_statements` (or `*_conditions`) list, named `name`.
fn build_list(
    file: &str,
    (signal, name): (Signal, &str),
    list: Vec<Spanned<yaml::Entry>>,
    error_mode: ErrorMode,
    groups: &mut Vec<Group>,
    errors: &mut Vec<ConfigError>,
) {
    let basic = list
        .iter()
        .filter(|e| matches!(e.value, yaml::Entry::Statement(_)))
        .count();
    let advanced = list
        .iter()
        .filter(|e| matches!(e.value, yaml::Entry::Group(_)))
        .count();
    if basic > 0 && advanced > 0 {
        let location = list.first().map_or(Location::UNKNOWN, |e| e.referenced);
        errors.push(ConfigError::at(
            &location,
            format!(
                "{name}: configuring multiple configuration styles is not supported, please use \
                 only Basic configuration or only Advanced configuration"
            ),
        ));
        return;
    }
    let mut statements = Vec::new();
    let first_line = list.first().map_or(0, |e| e.referenced.line());
    for entry in list {
        match entry.value {
            yaml::Entry::Statement(value) => {
                statements.push(text(file, value, &entry.defined));
            }
            yaml::Entry::Group(group) => {
                let number = groups.iter().filter(|g| g.signal == signal).count() + 1;
                let line = entry.referenced.line();
                groups.push(build_group(
                    file,
                    (signal, name),
                    number,
                    line,
                    group,
                    error_mode,
                    errors,
                ));
            }
            yaml::Entry::Other(what) => errors.push(ConfigError::at(
                &entry.referenced,
                format!("{name}: expected a statement or a statement group, found {what}"),
            )),
        }
    }
    if !statements.is_empty() {
        groups.push(Group {
            signal,
            number: 1,
            context: None,
            statements,
            conditions: Vec::new(),
            error_mode,
            line: first_line,
        });
    }
}

fn build_group(
    file: &str,
    (signal, name): (Signal, &str),
    number: usize,
    line: u64,
    group: yaml::GroupYaml,
    processor_mode: ErrorMode,
    errors: &mut Vec<ConfigError>,
) -> Group {
    let context = group
        .context
        .as_ref()
        .and_then(|c| parse_context(c, (signal, name), errors));
    Group {
        signal,
        number,
        context,
        statements: group
            .statements
            .into_iter()
            .map(|s| text(file, s.value, &s.defined))
            .collect(),
        conditions: group
            .conditions
            .into_iter()
            .map(|s| text(file, s.value, &s.defined))
            .collect(),
        error_mode: parse_error_mode(group.error_mode.as_ref(), processor_mode, errors),
        line,
    }
}

/// A group's `context:`, case-insensitive, checked against the signal.
fn parse_context(
    context: &Spanned<String>,
    (signal, list): (Signal, &str),
    errors: &mut Vec<ConfigError>,
) -> Option<ContextKind> {
    let name = context.value.to_ascii_lowercase();
    let allowed = contexts_of(signal);
    let names: Vec<&str> = allowed.iter().map(|c| c.name()).collect();
    let message = match ContextKind::from_name(&name) {
        Some(kind) if kind.runs_on(signal) => return Some(kind),
        Some(_) => format!(
            "context `{}` is not valid in {list}; expected one of: {}",
            context.value,
            names.join(", ")
        ),
        None if matches!(name.as_str(), "exemplar" | "profile") => {
            format!("context `{}` is not supported yet", context.value)
        }
        None => format!(
            "unknown context `{}`; expected one of: {}",
            context.value,
            names.join(", ")
        ),
    };
    errors.push(ConfigError::at(&context.referenced, message));
    None
}

fn parse_error_mode(
    mode: Option<&Spanned<String>>,
    default: ErrorMode,
    errors: &mut Vec<ConfigError>,
) -> ErrorMode {
    let Some(mode) = mode else {
        return default;
    };
    mode.value.parse().unwrap_or_else(|message: String| {
        errors.push(ConfigError::at(&mode.referenced, message));
        default
    })
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
