//! The collector's transform and filter processors, built from their configuration as the
//! collector builds them: basic style (a list of statements, whose context is inferred from
//! path prefixes) or advanced style (groups with `context`, `conditions`, `error_mode`), never
//! both in one list; contexts checked against the signal; group conditions with the filter
//! processor's functions; filter processors' `*_conditions` and legacy per-context keys.
//!
//! The configuration is [`config`]'s serde structs, read from any serde format. Nothing is
//! printed: what is wrong comes back as [`Finding`]s that say [`Where`] they are, so a host
//! that keeps positions (the CLI keeps YAML lines and columns) can show them in its file.
//!
//! ```
//! use ottl_core::model::json;
//! use ottl_functions::processor::{Options, Processor, TransformConfig};
//!
//! let config: TransformConfig = serde_json::from_str(r#"{
//!     "error_mode": "propagate",
//!     "log_statements": ["set(log.attributes[\"seen\"], true)"]
//! }"#)?;
//! let processor = Processor::transform("transform", config, &Options::default())
//!     .map_err(|findings| format!("{findings:?}"))?;
//! let mut document = json::decode(br#"{"resourceLogs":[{"scopeLogs":[{"logRecords":[{}]}]}]}"#)?;
//! processor.run(&mut document, &mut |_, _| {})?;
//! let output = String::from_utf8(json::encode(document.as_ref())?)?;
//! assert!(output.contains("seen"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod config;
pub mod infer;

pub use config::{Entry, FilterConfig, GroupConfig, TransformConfig};

use infer::Inferred;
use ottl_core::context::{ContextKind, Request, Signal};
use ottl_core::diag::Diagnostic;
use ottl_core::function::Registry;
use ottl_core::model::json::Document;
use ottl_core::run::{
    ConditionError, ErrorMode, FilterConditions, FilterError, FilterGroup, Program, Run,
    StatementError,
};
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// What building processors needs besides their configuration.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Give statements and conditions the experimental functions (the collector's feature
    /// gates [`LAMBDA_GATE`](crate::LAMBDA_GATE) and
    /// [`EXPERIMENTAL_GATE`](crate::EXPERIMENTAL_GATE)).
    pub experimental: bool,
}

/// Where in a processor's configuration a [`Finding`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Where {
    /// The processor as a whole.
    Processor,
    /// The processor's `error_mode`.
    ErrorMode,
    /// Entry `index` of the signal's list (`log_statements`, `trace_conditions`).
    Entry {
        /// The list's signal.
        signal: Signal,
        /// The entry, from 0.
        index: usize,
    },
    /// The `context` of the group that is entry `index` of the signal's list.
    Context {
        /// The list's signal.
        signal: Signal,
        /// The entry, from 0.
        index: usize,
    },
    /// The `error_mode` of the group that is entry `index` of the signal's list.
    GroupErrorMode {
        /// The list's signal.
        signal: Signal,
        /// The entry, from 0.
        index: usize,
    },
    /// The first of the `statements` of the group that is entry `index` of the signal's list.
    GroupStatements {
        /// The list's signal.
        signal: Signal,
        /// The entry, from 0.
        index: usize,
    },
    /// A filter processor's legacy section of the signal (`traces:`, `logs:`).
    Legacy(Signal),
    /// Group `group` of [`ProcessorSpec::groups`].
    Group(usize),
    /// Text `index` of group `group` of [`ProcessorSpec::groups`], in [`GroupSpec::texts`]
    /// order.
    Text {
        /// The group, from 0.
        group: usize,
        /// The text, from 0.
        index: usize,
    },
}

/// Something wrong (or worth a warning) in a processor's configuration.
#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    /// A mistake the collector rejects at startup, or a group whose context cannot be found.
    Error {
        /// Where it is.
        at: Where,
        /// What is wrong.
        message: String,
    },
    /// A statement or condition that does not compile.
    Rejected {
        /// Where it is (a [`Where::Text`]).
        at: Where,
        /// Why, with spans in the text.
        diagnostics: Vec<Diagnostic>,
    },
    /// A statement or condition that compiles, with a warning.
    Warning {
        /// Where it is (a [`Where::Text`]).
        at: Where,
        /// The warning, with spans in the text.
        diagnostic: Diagnostic,
    },
}

impl Finding {
    /// Whether the finding stops the processor from being built.
    pub fn is_error(&self) -> bool {
        !matches!(self, Finding::Warning { .. })
    }

    fn error(at: Where, message: impl Into<String>) -> Finding {
        Finding::Error {
            at,
            message: message.into(),
        }
    }
}

/// A processor's groups as configured, before compiling: `T` is the text of each statement
/// and condition.
#[derive(Debug)]
pub struct ProcessorSpec<T> {
    /// The processor's key (`transform/redact`).
    pub name: String,
    /// Its groups, in the order they run.
    pub groups: Vec<GroupSpec<T>>,
}

/// One group: statements that run together (transform), or conditions that drop what they
/// match (filter), over a whole batch of one signal.
#[derive(Debug)]
pub struct GroupSpec<T> {
    /// The signal whose list the group is in.
    pub signal: Signal,
    /// Its name in messages (`transform/x: log_statements group 1`, `filter: logs (legacy
    /// keys)`).
    pub label: String,
    /// Its number among the processor's groups of its signal, from 1.
    pub number: usize,
    /// What it holds.
    pub kind: GroupKind<T>,
    /// The group's error mode, or its processor's.
    pub error_mode: ErrorMode,
    /// Where it starts: the list entry, or the legacy section.
    pub at: Where,
}

/// What a group holds.
#[derive(Debug)]
pub enum GroupKind<T> {
    /// A transform group.
    Transform {
        /// The context given with `context:`; `None` means inferred from path prefixes.
        context: Option<ContextKind>,
        /// The statements, in order.
        statements: Vec<T>,
        /// The conditions (any must hold for the statements to run on a record).
        conditions: Vec<T>,
    },
    /// A filter group: conditions by context, evaluated together in one walk of the batch.
    Filter(Vec<Level<T>>),
}

/// Conditions of one filter group in one context; `None` means each condition's context is
/// inferred from its path prefixes, as the collector does for basic style.
#[derive(Debug)]
pub struct Level<T> {
    /// The context given, if any.
    pub context: Option<ContextKind>,
    /// The conditions (any of them removes a record).
    pub conditions: Vec<T>,
}

impl<T> GroupSpec<T> {
    /// The group's statements and conditions in [`Where::Text`] order: a transform group's
    /// statements then conditions; a filter group's conditions, level by level.
    pub fn texts(&self) -> Vec<&T> {
        match &self.kind {
            GroupKind::Transform {
                statements,
                conditions,
                ..
            } => statements.iter().chain(conditions).collect(),
            GroupKind::Filter(levels) => levels.iter().flat_map(|l| &l.conditions).collect(),
        }
    }
}

/// The name of a signal's list in a transform processor.
pub fn statements_list(signal: Signal) -> &'static str {
    match signal {
        Signal::Traces => "trace_statements",
        Signal::Metrics => "metric_statements",
        Signal::Logs => "log_statements",
    }
}

/// The name of a signal's list in a filter processor.
pub fn conditions_list(signal: Signal) -> &'static str {
    match signal {
        Signal::Traces => "trace_conditions",
        Signal::Metrics => "metric_conditions",
        Signal::Logs => "log_conditions",
    }
}

const SIGNALS: [Signal; 3] = [Signal::Traces, Signal::Metrics, Signal::Logs];

/// A processor's `error_mode` (`ignore` when absent); an unknown one is a finding, and the
/// processor reads on as `ignore`.
fn processor_error_mode(text: Option<&str>, findings: &mut Vec<Finding>) -> ErrorMode {
    parse_error_mode(text, ErrorMode::Ignore, Where::ErrorMode).unwrap_or_else(|finding| {
        findings.push(finding);
        ErrorMode::Ignore
    })
}

impl<T: AsRef<str>> ProcessorSpec<T> {
    /// The groups of the transform processor `name`, and what is wrong in its configuration
    /// (an error finding means it cannot run).
    pub fn transform(name: &str, config: TransformConfig<T>) -> (Self, Vec<Finding>) {
        let mut findings = Vec::new();
        let error_mode = processor_error_mode(config.error_mode.as_deref(), &mut findings);
        let mut spec = ProcessorSpec {
            name: name.to_owned(),
            groups: Vec::new(),
        };
        let lists = [
            config.trace_statements,
            config.metric_statements,
            config.log_statements,
        ];
        for (signal, list) in SIGNALS.into_iter().zip(lists) {
            let list_name = statements_list(signal);
            for (number, group) in read_list(signal, list_name, list, error_mode, &mut findings)
                .into_iter()
                .enumerate()
            {
                let number = number + 1;
                spec.groups.push(GroupSpec {
                    signal,
                    label: format!("{name}: {list_name} group {number}"),
                    number,
                    kind: GroupKind::Transform {
                        context: group.context,
                        statements: group.statements,
                        conditions: group.conditions,
                    },
                    error_mode: group.error_mode,
                    at: group.at,
                });
            }
        }
        (spec, findings)
    }

    /// The groups of the filter processor `name`, and what is wrong in its configuration.
    /// Pre-OTTL matchers (see [`FilterConfig::pre_ottl_key`]) are not read; check for them
    /// first.
    pub fn filter(name: &str, config: FilterConfig<T>) -> (Self, Vec<Finding>) {
        let mut findings = Vec::new();
        let error_mode = processor_error_mode(config.error_mode.as_deref(), &mut findings);
        let legacy_traces = config.traces.map(|t| {
            legacy_levels([
                (ContextKind::Resource, t.resource),
                (ContextKind::Span, t.span),
                (ContextKind::SpanEvent, t.spanevent),
            ])
        });
        let legacy_metrics = config.metrics.map(|m| {
            legacy_levels([
                (ContextKind::Resource, m.resource),
                (ContextKind::Metric, m.metric),
                (ContextKind::DataPoint, m.datapoint),
            ])
        });
        let legacy_logs = config.logs.map(|l| {
            legacy_levels([
                (ContextKind::Resource, l.resource),
                (ContextKind::Log, l.log_record),
            ])
        });
        let signals = [
            (config.trace_conditions, legacy_traces, "traces"),
            (config.metric_conditions, legacy_metrics, "metrics"),
            (config.log_conditions, legacy_logs, "logs"),
        ];
        let mut spec = ProcessorSpec {
            name: name.to_owned(),
            groups: Vec::new(),
        };
        for (signal, (list, legacy, legacy_name)) in SIGNALS.into_iter().zip(signals) {
            let legacy = legacy.filter(|levels| !levels.is_empty());
            let list_name = conditions_list(signal);
            if let Some(levels) = legacy {
                if !list.is_empty() {
                    findings.push(Finding::error(
                        Where::Legacy(signal),
                        format!(
                            "`{list_name}` cannot be used together with the legacy \
                             `{legacy_name}` keys"
                        ),
                    ));
                    continue;
                }
                spec.groups.push(GroupSpec {
                    signal,
                    label: format!("{name}: {legacy_name} (legacy keys)"),
                    number: 1,
                    kind: GroupKind::Filter(levels),
                    error_mode,
                    at: Where::Legacy(signal),
                });
                continue;
            }
            for (index, entry) in list.iter().enumerate() {
                if let Entry::Group(group) = entry
                    && !group.statements.is_empty()
                {
                    findings.push(Finding::error(
                        Where::GroupStatements { signal, index },
                        format!(
                            "{list_name}: a condition group has `conditions`, not `statements`"
                        ),
                    ));
                }
            }
            let groups = read_list(signal, list_name, list, error_mode, &mut findings);
            for (number, group) in groups.into_iter().enumerate() {
                let number = number + 1;
                // A basic list comes back as one group whose "statements" are the conditions.
                let conditions = if group.conditions.is_empty() {
                    group.statements
                } else {
                    group.conditions
                };
                spec.groups.push(GroupSpec {
                    signal,
                    label: format!("{name}: {list_name} group {number}"),
                    number,
                    kind: GroupKind::Filter(vec![Level {
                        context: group.context,
                        conditions,
                    }]),
                    error_mode: group.error_mode,
                    at: group.at,
                });
            }
        }
        // The collector rejects an empty condition string.
        for (group_index, group) in spec.groups.iter().enumerate() {
            for (index, text) in group.texts().into_iter().enumerate() {
                if text.as_ref().is_empty() {
                    findings.push(Finding::error(
                        Where::Text {
                            group: group_index,
                            index,
                        },
                        format!("{}: condition cannot be empty", group.label),
                    ));
                }
            }
        }
        (spec, findings)
    }
}

impl<T> FilterConfig<T> {
    /// The key of a pre-OTTL matcher the processor uses (`spans`, `logs.include` …), if any:
    /// such a processor is not OTTL and is not built here.
    pub fn pre_ottl_key(&self) -> Option<&'static str> {
        let metrics = self.metrics.as_ref();
        let logs = self.logs.as_ref();
        if self.spans.is_some() {
            Some("spans")
        } else if metrics.is_some_and(|m| m.include.is_some()) {
            Some("metrics.include")
        } else if metrics.is_some_and(|m| m.exclude.is_some()) {
            Some("metrics.exclude")
        } else if metrics.is_some_and(|m| m.regexp.is_some()) {
            Some("metrics.regexp")
        } else if logs.is_some_and(|l| l.include.is_some()) {
            Some("logs.include")
        } else if logs.is_some_and(|l| l.exclude.is_some()) {
            Some("logs.exclude")
        } else {
            None
        }
    }
}

/// A group read from a list, before it is labelled.
struct ListGroup<T> {
    context: Option<ContextKind>,
    statements: Vec<T>,
    conditions: Vec<T>,
    error_mode: ErrorMode,
    at: Where,
}

/// The groups of one `*_statements` (or `*_conditions`) list, named `name`: a basic list is
/// one group without a context, placed after the advanced ones.
fn read_list<T>(
    signal: Signal,
    name: &str,
    list: Vec<Entry<T>>,
    error_mode: ErrorMode,
    findings: &mut Vec<Finding>,
) -> Vec<ListGroup<T>> {
    let basic = list
        .iter()
        .filter(|e| matches!(e, Entry::Statement(_)))
        .count();
    let advanced = list.iter().filter(|e| matches!(e, Entry::Group(_))).count();
    if basic > 0 && advanced > 0 {
        findings.push(Finding::error(
            Where::Entry { signal, index: 0 },
            format!(
                "{name}: configuring multiple configuration styles is not supported, please use \
                 only Basic configuration or only Advanced configuration"
            ),
        ));
        return Vec::new();
    }
    let mut groups = Vec::new();
    let mut statements = Vec::new();
    for (index, entry) in list.into_iter().enumerate() {
        match entry {
            Entry::Statement(text) => statements.push(text),
            Entry::Group(group) => {
                let context = group
                    .context
                    .as_deref()
                    .and_then(|c| parse_context(c, signal, name, index, findings));
                let mode = parse_error_mode(
                    group.error_mode.as_deref(),
                    error_mode,
                    Where::GroupErrorMode { signal, index },
                );
                groups.push(ListGroup {
                    context,
                    statements: group.statements,
                    conditions: group.conditions,
                    error_mode: mode.unwrap_or_else(|f| {
                        findings.push(f);
                        error_mode
                    }),
                    at: Where::Entry { signal, index },
                });
            }
            Entry::Other(what) => findings.push(Finding::error(
                Where::Entry { signal, index },
                format!("{name}: expected a statement or a statement group, found {what}"),
            )),
        }
    }
    if !statements.is_empty() {
        groups.push(ListGroup {
            context: None,
            statements,
            conditions: Vec::new(),
            error_mode,
            at: Where::Entry { signal, index: 0 },
        });
    }
    groups
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

/// A group's `context:`, case-insensitive, checked against the signal.
fn parse_context(
    context: &str,
    signal: Signal,
    list: &str,
    index: usize,
    findings: &mut Vec<Finding>,
) -> Option<ContextKind> {
    let name = context.to_ascii_lowercase();
    let allowed = contexts_of(signal);
    let names: Vec<&str> = allowed.iter().map(|c| c.name()).collect();
    let message = match ContextKind::from_name(&name) {
        Some(kind) if kind.runs_on(signal) => return Some(kind),
        Some(_) => format!(
            "context `{context}` is not valid in {list}; expected one of: {}",
            names.join(", ")
        ),
        None if matches!(name.as_str(), "exemplar" | "profile") => {
            format!("context `{context}` is not supported yet")
        }
        None => format!(
            "unknown context `{context}`; expected one of: {}",
            names.join(", ")
        ),
    };
    findings.push(Finding::error(Where::Context { signal, index }, message));
    None
}

/// An `error_mode` value, `default` when absent.
fn parse_error_mode(
    mode: Option<&str>,
    default: ErrorMode,
    at: Where,
) -> Result<ErrorMode, Finding> {
    match mode {
        None => Ok(default),
        Some(mode) => mode
            .parse()
            .map_err(|message: String| Finding::error(at, message)),
    }
}

/// The non-empty legacy lists of one signal, each in its context.
fn legacy_levels<T, const N: usize>(lists: [(ContextKind, Vec<T>); N]) -> Vec<Level<T>> {
    lists
        .into_iter()
        .filter(|(_, conditions)| !conditions.is_empty())
        .map(|(context, conditions)| Level {
            context: Some(context),
            conditions,
        })
        .collect()
}

/// Registries built once per processor kind, context and use, with the functions the
/// [`Options`] add.
#[derive(Default)]
pub struct Registries {
    built: HashMap<(ContextKind, Use), Registry>,
    options: Options,
}

/// What a registry is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Use {
    /// A transform processor's statements.
    Statements,
    /// Conditions: a filter processor's, and a transform group's `conditions`.
    Conditions,
}

impl Registries {
    /// Registries with the functions `options` add.
    pub fn new(options: Options) -> Self {
        Self {
            built: HashMap::new(),
            options,
        }
    }

    fn get(&mut self, context: ContextKind, use_: Use) -> &Registry {
        let experimental = self.options.experimental;
        self.built.entry((context, use_)).or_insert_with(|| {
            let mut registry = match use_ {
                Use::Statements => crate::transform::registry(context),
                Use::Conditions => crate::filter::registry(context),
            };
            if experimental {
                crate::experimental(&mut registry);
            }
            registry
        })
    }

    /// The functions of a transform processor's statements in `context`.
    pub fn statements(&mut self, context: ContextKind) -> &Registry {
        self.get(context, Use::Statements)
    }

    /// The functions of conditions in `context` (the filter processor's set, which a
    /// transform group's `conditions` get too, as in the collector).
    pub fn conditions(&mut self, context: ContextKind) -> &Registry {
        self.get(context, Use::Conditions)
    }

    /// Both registries of `context`: for statements and for conditions.
    fn both(&mut self, context: ContextKind) -> Option<(&Registry, &Registry)> {
        self.get(context, Use::Statements);
        self.get(context, Use::Conditions);
        let statements = self.built.get(&(context, Use::Statements))?;
        let conditions = self.built.get(&(context, Use::Conditions))?;
        Some((statements, conditions))
    }
}

/// A compiled group and what it does to a batch.
pub struct CompiledGroup {
    /// Its processor's key.
    pub processor: String,
    /// Its name in messages.
    pub label: String,
    /// The signal it runs on.
    pub signal: Signal,
    /// What it does.
    pub step: Step,
}

/// What a compiled group does to a batch.
pub enum Step {
    /// Runs a transform group's statements.
    Transform(Program),
    /// Removes what a filter group's conditions match.
    Filter(Box<FilterGroup>),
}

/// A failure while a group ran under `error_mode: ignore`: reported, and the run went on.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// A statement failed on a record.
    Statement(StatementError),
    /// A condition failed on a record.
    Condition(ConditionError),
}

/// Why a run stopped under `error_mode: propagate`.
#[derive(Debug, Clone, PartialEq)]
pub struct RunError {
    /// The group's label.
    pub label: String,
    /// What failed.
    pub failure: RunFailure,
}

/// What failed in a [`RunError`].
#[derive(Debug, Clone, PartialEq)]
pub enum RunFailure {
    /// A statement.
    Statement(StatementError),
    /// Conditions of a filter group.
    Filter(FilterError),
}

impl fmt::Display for RunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.failure {
            RunFailure::Statement(e) => write!(f, "{}: {e}", self.label),
            RunFailure::Filter(e) => write!(f, "{}: {e}", self.label),
        }
    }
}

impl std::error::Error for RunError {}

impl CompiledGroup {
    /// Runs the group over `document` when it holds the group's signal; failures under
    /// `ignore` go to `report`. `first_resource` numbers the document's first resource in
    /// failures: 0, or for a part of a larger document, the number it has there.
    pub fn run(
        &self,
        document: &mut Document,
        first_resource: usize,
        report: &mut dyn FnMut(Failure),
    ) -> Result<(), RunFailure> {
        match &self.step {
            Step::Transform(program) => {
                let mut report = |e| report(Failure::Statement(e));
                let run = Run::reporting(&mut report).first_resource(first_resource);
                program
                    .run_with(document, run)
                    .map_err(RunFailure::Statement)
            }
            Step::Filter(group) => {
                let mut report = |e| report(Failure::Condition(e));
                let (request, first) = (&Request::default(), first_resource);
                let result = match document {
                    Document::Logs(logs) => {
                        group.filter_logs_for(logs, request, first, &mut report)
                    }
                    Document::Traces(traces) => {
                        group.filter_traces_for(traces, request, first, &mut report)
                    }
                    Document::Metrics(metrics) => {
                        group.filter_metrics_for(metrics, request, first, &mut report)
                    }
                };
                result.map_err(RunFailure::Filter)
            }
        }
    }

    /// Whether a failure of the group fails the batch (its error mode is `propagate`).
    pub fn propagates(&self) -> bool {
        match &self.step {
            Step::Transform(program) => program.error_mode() == ErrorMode::Propagate,
            Step::Filter(group) => group.propagates(),
        }
    }
}

impl<T: AsRef<str>> ProcessorSpec<T> {
    /// Compiles every group, each in its context (given or inferred), with the functions its
    /// processor gives it. The groups come back only when no finding is an error; every
    /// finding (warnings too) comes back in the order found.
    pub fn compile(&self, registries: &mut Registries) -> (Vec<CompiledGroup>, Vec<Finding>) {
        let mut compiled = Vec::new();
        let mut findings = Vec::new();
        for (index, group) in self.groups.iter().enumerate() {
            let step = match &group.kind {
                GroupKind::Transform {
                    context,
                    statements,
                    conditions,
                } => compile_transform(
                    (index, group),
                    *context,
                    (statements, conditions),
                    registries,
                    &mut findings,
                )
                .map(Step::Transform),
                GroupKind::Filter(levels) => {
                    compile_filter((index, group), levels, registries, &mut findings)
                        .map(|g| Step::Filter(Box::new(g)))
                }
            };
            if let Some(step) = step {
                compiled.push(CompiledGroup {
                    processor: self.name.clone(),
                    label: group.label.clone(),
                    signal: group.signal,
                    step,
                });
            }
        }
        if findings.iter().any(Finding::is_error) {
            compiled.clear();
        }
        (compiled, findings)
    }
}

/// Compiles one transform group; `None` when it cannot (the reasons are in `findings`).
fn compile_transform<T: AsRef<str>>(
    (index, group): (usize, &GroupSpec<T>),
    context: Option<ContextKind>,
    (statements, conditions): (&[T], &[T]),
    registries: &mut Registries,
    findings: &mut Vec<Finding>,
) -> Option<Program> {
    let statements: Vec<&str> = statements.iter().map(AsRef::as_ref).collect();
    let conditions: Vec<&str> = conditions.iter().map(AsRef::as_ref).collect();
    let context = match context {
        Some(context) => context,
        None => match infer::group(&statements, &conditions, group.signal) {
            Inferred::Context(context) => context,
            Inferred::WrongSignal(context) => {
                let message = format!(
                    "{}: the paths name the `{context}` context, which does not run in {}",
                    group.label,
                    statements_list(group.signal)
                );
                findings.push(Finding::error(Where::Group(index), message));
                return None;
            }
            Inferred::NoPrefix => {
                let message = format!(
                    "{}: cannot infer the context: no path names one; add `context:` to the \
                     group (advanced style) or prefix the paths (`{}.attributes`, \
                     `resource.attributes`)",
                    group.label,
                    group.signal.record_context()
                );
                findings.push(Finding::error(Where::Group(index), message));
                return None;
            }
        },
    };
    let (registry, condition_functions) = registries.both(context)?;
    let compiled = Program::compile_with_condition_functions(
        &statements,
        &conditions,
        context,
        group.error_mode,
        registry,
        condition_functions,
    );
    let at = |text| Where::Text {
        group: index,
        index: text,
    };
    match compiled {
        Ok(program) => {
            for (text, warning) in program.warnings() {
                findings.push(Finding::Warning {
                    at: at(*text),
                    diagnostic: warning.clone(),
                });
            }
            Some(program)
        }
        Err(failures) => {
            for (text, diagnostics) in failures {
                findings.push(Finding::Rejected {
                    at: at(text),
                    diagnostics: diagnostics.0,
                });
            }
            None
        }
    }
}

/// Compiles one filter group: each level in its context (given, or inferred per condition),
/// with the filter functions of that context.
fn compile_filter<T: AsRef<str>>(
    (index, group): (usize, &GroupSpec<T>),
    levels: &[Level<T>],
    registries: &mut Registries,
    findings: &mut Vec<Finding>,
) -> Option<FilterGroup> {
    // Conditions by context, each with its index in the group's texts.
    let mut buckets: BTreeMap<ContextKind, Vec<(usize, &str)>> = BTreeMap::new();
    let mut ok = true;
    let texts = levels
        .iter()
        .flat_map(|l| l.conditions.iter().map(move |c| (l.context, c.as_ref())));
    for (text_index, (given, text)) in texts.enumerate() {
        let at = Where::Text {
            group: index,
            index: text_index,
        };
        let context = match given {
            Some(context) => context,
            None => match infer::condition(text, group.signal) {
                Inferred::Context(context) => context,
                Inferred::WrongSignal(context) => {
                    let message = format!(
                        "{}: the paths name the `{context}` context, which does not run in {}",
                        group.label,
                        conditions_list(group.signal)
                    );
                    findings.push(Finding::error(at, message));
                    ok = false;
                    continue;
                }
                Inferred::NoPrefix => {
                    let message = format!(
                        "{}: cannot infer the context of `{text}`: no path names one; prefix \
                         the paths (`{}.attributes`, `resource.attributes`) or use an advanced \
                         group with `context:`",
                        group.label,
                        group.signal.record_context()
                    );
                    findings.push(Finding::error(at, message));
                    ok = false;
                    continue;
                }
            },
        };
        buckets.entry(context).or_default().push((text_index, text));
    }
    let mut compiled = Vec::new();
    for (context, texts) in buckets {
        let conditions: Vec<&str> = texts.iter().map(|(_, t)| *t).collect();
        let registry = registries.conditions(context);
        let at = |i: usize| Where::Text {
            group: index,
            index: texts.get(i).map_or(0, |(text, _)| *text),
        };
        match FilterConditions::compile(&conditions, context, group.error_mode, registry) {
            Ok(level) => {
                for (i, warning) in level.warnings() {
                    findings.push(Finding::Warning {
                        at: at(*i),
                        diagnostic: warning.clone(),
                    });
                }
                compiled.push(level);
            }
            Err(failures) => {
                ok = false;
                for (i, diagnostics) in failures {
                    findings.push(Finding::Rejected {
                        at: at(i),
                        diagnostics: diagnostics.0,
                    });
                }
            }
        }
    }
    if !ok {
        return None;
    }
    match FilterGroup::new(group.signal, compiled) {
        Ok(filter) => Some(filter),
        Err(error) => {
            let message = format!("{}: {error}", group.label);
            findings.push(Finding::error(Where::Group(index), message));
            None
        }
    }
}

/// A transform or filter processor, built from its configuration: its groups, compiled, in
/// the order they run.
pub struct Processor {
    name: String,
    groups: Vec<CompiledGroup>,
    warnings: Vec<Finding>,
}

impl Processor {
    /// The transform processor `name` of `config`; every error finding when it cannot be
    /// built.
    pub fn transform<T: AsRef<str>>(
        name: &str,
        config: TransformConfig<T>,
        options: &Options,
    ) -> Result<Processor, Vec<Finding>> {
        let (spec, findings) = ProcessorSpec::transform(name, config);
        Self::build(spec, findings, options)
    }

    /// The filter processor `name` of `config`; every error finding when it cannot be built
    /// (a processor with pre-OTTL matchers is one, at [`Where::Processor`]).
    pub fn filter<T: AsRef<str>>(
        name: &str,
        config: FilterConfig<T>,
        options: &Options,
    ) -> Result<Processor, Vec<Finding>> {
        if let Some(key) = config.pre_ottl_key() {
            let message = format!("{name}: `{key}` is a pre-OTTL matcher, which is not run");
            return Err(vec![Finding::error(Where::Processor, message)]);
        }
        let (spec, findings) = ProcessorSpec::filter(name, config);
        Self::build(spec, findings, options)
    }

    fn build<T: AsRef<str>>(
        spec: ProcessorSpec<T>,
        mut findings: Vec<Finding>,
        options: &Options,
    ) -> Result<Processor, Vec<Finding>> {
        if findings.iter().any(Finding::is_error) {
            return Err(findings);
        }
        let (groups, compiled) = spec.compile(&mut Registries::new(*options));
        findings.extend(compiled);
        if findings.iter().any(Finding::is_error) {
            return Err(findings);
        }
        Ok(Processor {
            name: spec.name,
            groups,
            warnings: findings,
        })
    }

    /// The processor's key.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The compiled groups, in the order they run.
    pub fn groups(&self) -> &[CompiledGroup] {
        &self.groups
    }

    /// The warnings found while building it.
    pub fn warnings(&self) -> &[Finding] {
        &self.warnings
    }

    /// Runs the groups of the document's signal over it, in order, each over the whole batch
    /// before the next; failures under `ignore` go to `report` with their group. Stops at the
    /// first failure under `propagate`.
    pub fn run(
        &self,
        document: &mut Document,
        report: &mut dyn FnMut(&CompiledGroup, Failure),
    ) -> Result<(), RunError> {
        let signal = match document {
            Document::Logs(_) => Signal::Logs,
            Document::Traces(_) => Signal::Traces,
            Document::Metrics(_) => Signal::Metrics,
        };
        for group in self.groups.iter().filter(|g| g.signal == signal) {
            group
                .run(document, 0, &mut |failure| report(group, failure))
                .map_err(|failure| RunError {
                    label: group.label.clone(),
                    failure,
                })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
