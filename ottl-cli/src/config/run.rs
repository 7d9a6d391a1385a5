//! `ottl eval --config`: compile every transform and filter processor's groups, then run them
//! over each input as the collector does — the processors of the input signal's pipeline in
//! pipeline order (file order when the configuration has no `service.pipelines`), groups in
//! order, each group over the whole batch before the next.

use super::{Config, Pipeline, Processor, Text};
use crate::io::{InputFormat, OutputFormat, Sink, for_each_document};
use crate::messages::{Messages, RunMessages};
use crate::parallel::Origin;
use crate::render::{self, Source};
use crate::runner::{run_reported, signal};
use crate::trace::TraceFormat;
use crate::{ExitCode, read_input};
use ottl_core::context::Signal;
use ottl_core::diag::Diagnostic;
use ottl_core::model::json::Document;
use ottl_functions::processor::{
    CompiledGroup, Failure, Finding, Options as ProcessorOptions, Registries, RunFailure, Step,
};
use std::path::{Path, PathBuf};

/// What `eval --config` needs besides the configuration.
pub struct Options<'a> {
    /// The OTLP/JSON inputs (`-` is standard input).
    pub inputs: &'a [PathBuf],
    /// Indent the output.
    pub pretty: bool,
    /// Where to write; standard output when `None`.
    pub output: Option<&'a PathBuf>,
    /// The pipeline to run (`traces/x`); the first of the input's signal when `None`.
    pub pipeline: Option<&'a str>,
    /// `--trace`: how to trace each transform group's run on stderr, if at all.
    pub trace: Option<TraceFormat>,
    /// The feature gates on (`--feature-gates`): which experimental functions the processors
    /// may call.
    pub gates: crate::gates::FeatureGates,
    /// How the inputs are laid out; found from the extension or content when `None`.
    pub input_format: Option<InputFormat>,
    /// How to write the output; the first input's format when `None`.
    pub output_format: Option<OutputFormat>,
    /// How many documents to work on at once (`-j`).
    pub threads: usize,
}

/// Runs the transform and filter processors of the configuration at `path` over the inputs.
pub fn eval(path: &Path, options: &Options<'_>) -> ExitCode {
    let (file_name, file_text) = match read_input(path) {
        Ok(read) => read,
        Err(code) => return code,
    };
    let (file_name, file_text, config) = match load(file_name, file_text) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    for (name, reason) in &config.skipped {
        eprintln!("note: {file_name}: skipping processor `{name}`: {reason}");
    }
    if config.processors.is_empty() {
        eprintln!(
            "error: {file_name}: no transform processor or filter processor to run (a \
             `transform`, `filter`, `transform/<name>` or `filter/<name>` key under \
             `processors:`)"
        );
        return ExitCode::BadInput;
    }
    if let Err(message) = check_pipeline(&config, options.pipeline) {
        eprintln!("error: {file_name}: {message}");
        return ExitCode::BadInput;
    }
    let source = Source {
        name: &file_name,
        text: &file_text,
    };
    let processor_options = ProcessorOptions {
        experimental: options.gates.experimental(),
    };
    let groups = match compile(&config, &source, &mut Registries::new(processor_options)) {
        Ok(groups) => groups,
        Err(code) => return code,
    };
    let inputs = if options.inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        options.inputs.to_vec()
    };
    let mut sink = match Sink::new(options.output, options.output_format, options.pretty) {
        Ok(sink) => sink,
        Err(code) => return code,
    };
    let plan = Plan {
        groups: &groups,
        pipelines: config.pipelines.as_deref(),
        wanted: options.pipeline,
    };
    let each = |origin: &Origin<'_>, document, messages: &mut Messages| {
        eval_document(&plan, origin, document, options.trace, messages)
    };
    // A trace follows the records of the whole document; otherwise a large document is run in
    // parts when that reports failures as the whole document does.
    let cut: Vec<Signal> = Signal::ALL
        .into_iter()
        .filter(|&signal| options.trace.is_none() && plan.runs_alike_in_parts(signal))
        .collect();
    for input in &inputs {
        let read = for_each_document(
            input,
            options.input_format,
            &mut sink,
            options.threads,
            &cut,
            &each,
        );
        if let Err(code) = read {
            return code;
        }
    }
    sink.finish()
}

/// Reads the configuration in `text`; shape mistakes go to stderr.
fn load(name: String, text: String) -> Result<(String, String, Config), ExitCode> {
    load_embedded(name, text).map_err(|(name, errors)| {
        for error in errors {
            let at = if error.line > 0 { ":" } else { ": " };
            eprintln!("error: {name}{at}{error}");
        }
        ExitCode::BadInput
    })
}

/// Reads the configuration in `text`; when it defines no processor but holds a configuration
/// as a string (an OpenTelemetryCollector's `spec.config: |`, a ConfigMap's `data.relay`),
/// reads that one, named after its key: the name, the text read and the configuration, or
/// the name and the shape mistakes.
pub fn load_embedded(
    name: String,
    text: String,
) -> Result<(String, String, Config), (String, Vec<super::ConfigError>)> {
    let config = match super::load(&text) {
        Ok(config) => config,
        Err(errors) => return Err((name, errors)),
    };
    if !config.processors.is_empty() {
        return Ok((name, text, config));
    }
    let Some((path, inner)) = crate::check::embedded_configs(&text).into_iter().next() else {
        return Ok((name, text, config));
    };
    let name = format!("{name} ({path})");
    match super::load(&inner) {
        Ok(config) => Ok((name, inner, config)),
        Err(errors) => Err((name, errors)),
    }
}

/// Compiles every group, reporting every rejected statement before giving up.
fn compile(
    config: &Config,
    source: &Source<'_>,
    registries: &mut Registries,
) -> Result<Vec<CompiledGroup>, ExitCode> {
    let mut compiled = Vec::new();
    let mut rejected = false;
    for processor in &config.processors {
        let (groups, findings) = processor.spec.compile(registries);
        for finding in &findings {
            report(processor, finding, source);
        }
        rejected |= findings.iter().any(Finding::is_error);
        compiled.extend(groups);
    }
    if rejected {
        Err(ExitCode::Rejected)
    } else {
        Ok(compiled)
    }
}

/// Shows what compiling a processor found on stderr, in the file where it can.
fn report(processor: &Processor, finding: &Finding, source: &Source<'_>) {
    match finding {
        Finding::Warning { at, diagnostic } => {
            if let Some(text) = processor.text(*at) {
                render_in_file(text, vec![diagnostic.clone()], processor.label(*at), source);
            }
        }
        Finding::Rejected { at, diagnostics } => {
            if let Some(text) = processor.text(*at) {
                render_in_file(text, diagnostics.clone(), processor.label(*at), source);
            }
        }
        Finding::Error { at, message } => {
            let at = match (processor.text(*at), *at) {
                (Some(text), _) => format!(":{}:{}", text.line, text.column),
                (None, ottl_functions::processor::Where::Group(group)) => {
                    let line = processor.group_lines.get(group).copied().unwrap_or(0);
                    format!(":{line}")
                }
                (None, _) => String::new(),
            };
            eprintln!("error: {}{at}: {message}", source.name);
        }
    }
}

/// Renders the diagnostics of `text`: inside the YAML file when its scalar could be mapped,
/// else over the statement alone with a note saying where it is.
fn render_in_file(text: &Text, diagnostics: Vec<Diagnostic>, label: &str, file: &Source<'_>) {
    let mapped: Option<Vec<Diagnostic>> =
        diagnostics.iter().map(|d| remap(d.clone(), text)).collect();
    match mapped {
        Some(mapped) => render::to_stderr(file, &mapped),
        None => {
            eprintln!(
                "note: in {label}, the statement at {}:{}:{} (shown alone as <statement>: its \
                 YAML form cannot be mapped back to the file)",
                file.name, text.line, text.column
            );
            let alone = Source {
                name: "<statement>",
                text: &text.value,
            };
            render::to_stderr(&alone, &diagnostics);
        }
    }
}

/// `diagnostic` with its spans moved from the statement into the file.
fn remap(mut diagnostic: Diagnostic, text: &Text) -> Option<Diagnostic> {
    diagnostic.primary.span = text.file_span(diagnostic.primary.span)?;
    for label in &mut diagnostic.secondary {
        label.span = text.file_span(label.span)?;
    }
    Some(diagnostic)
}

/// Which groups run on an input: the configuration's pipelines decide.
pub struct Plan<'a> {
    /// Every compiled group, in file order.
    pub groups: &'a [CompiledGroup],
    /// `service.pipelines`, if any.
    pub pipelines: Option<&'a [Pipeline]>,
    /// The pipeline asked for (`--pipeline`).
    pub wanted: Option<&'a str>,
}

impl Plan<'_> {
    /// The groups to run on an input of `signal`, in order, and a note saying which pipeline
    /// that is (none without `service.pipelines`: every processor, in file order).
    pub fn steps(&self, signal: Signal) -> (Vec<&CompiledGroup>, Option<String>) {
        let of_signal = |g: &&CompiledGroup| g.signal == signal;
        let Some(pipelines) = self.pipelines else {
            return (self.groups.iter().filter(of_signal).collect(), None);
        };
        let candidates: Vec<&Pipeline> = pipelines
            .iter()
            .filter(|p| p.signal() == Some(signal))
            .collect();
        let chosen = match self.wanted {
            Some(wanted) => candidates.iter().find(|p| p.id == wanted),
            None => candidates.first(),
        };
        let Some(pipeline) = chosen else {
            let why = match self.wanted {
                Some(wanted) => format!("pipeline `{wanted}` does not carry this signal"),
                None => "no pipeline carries this signal".to_owned(),
            };
            return (Vec::new(), Some(format!("{why}: written unchanged")));
        };
        let steps: Vec<&CompiledGroup> = pipeline
            .processors
            .iter()
            .flat_map(|name| {
                self.groups
                    .iter()
                    .filter(move |g| &g.processor == name)
                    .filter(of_signal)
            })
            .collect();
        let mut ran: Vec<&str> = Vec::new();
        for step in &steps {
            if ran.last() != Some(&step.processor.as_str()) {
                ran.push(&step.processor);
            }
        }
        let ran = if ran.is_empty() {
            "no transform or filter processor".to_owned()
        } else {
            ran.iter()
                .map(|p| format!("`{p}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut note = format!("pipeline `{}` ran {ran}", pipeline.id);
        let others: Vec<&str> = candidates
            .iter()
            .filter(|p| p.id != pipeline.id)
            .map(|p| p.id.as_str())
            .collect();
        if !others.is_empty() && self.wanted.is_none() {
            note.push_str(&format!(
                " (also {}: pick one with --pipeline)",
                others.join(", ")
            ));
        }
        (steps, Some(note))
    }
}

impl Plan<'_> {
    /// Whether running a document of `signal` part by part (its resources in stretches) gives
    /// and says what running it whole does. Resources run independently of one another, so
    /// the output is the same; failures are reported alike unless a filter group propagates
    /// (its failures come together after the whole batch) or several groups run and one
    /// propagates (the group that fails first would depend on how the document is cut).
    fn runs_alike_in_parts(&self, signal: Signal) -> bool {
        let (steps, _) = self.steps(signal);
        let any_propagates = steps.iter().any(|g| g.propagates());
        let filter_propagates = steps
            .iter()
            .any(|g| g.propagates() && matches!(g.step, Step::Filter(_)));
        !filter_propagates && (steps.len() <= 1 || !any_propagates)
    }
}

/// `--pipeline` must name a pipeline of the configuration.
fn check_pipeline(config: &Config, wanted: Option<&str>) -> Result<(), String> {
    let Some(wanted) = wanted else {
        return Ok(());
    };
    let Some(pipelines) = &config.pipelines else {
        return Err(format!(
            "--pipeline {wanted}: the configuration has no `service.pipelines`"
        ));
    };
    if pipelines.iter().any(|p| p.id == wanted) {
        return Ok(());
    }
    let ids: Vec<&str> = pipelines.iter().map(|p| p.id.as_str()).collect();
    Err(format!(
        "--pipeline {wanted}: no such pipeline; the configuration has: {}",
        ids.join(", ")
    ))
}

/// Runs the groups the plan gives the input's signal over it (or a part of it), in order, and
/// returns the result; a note says which groups run.
fn eval_document(
    plan: &Plan<'_>,
    origin: &Origin<'_>,
    mut document: Document,
    trace: Option<TraceFormat>,
    messages: &mut Messages,
) -> Result<Document, ExitCode> {
    let name = origin.name;
    let (signal, _) = signal(&document);
    let (steps, note) = plan.steps(signal);
    if let Some(note) = note {
        messages.note(format!("note: {name}: {note}"));
    }
    for group in steps {
        let label = &group.label;
        let prefix = format!("{name}: {label}: ");
        match &group.step {
            Step::Transform(program) => {
                let first = origin.first_resource;
                let ran = run_reported(program, &mut document, first, &prefix, trace, messages);
                if let Err(failure) = ran {
                    messages.error(format!("error: {name}: {label}: {failure}"));
                    return Err(ExitCode::RuntimeError);
                }
            }
            Step::Filter(_) => {
                let mut run = RunMessages::new(&prefix);
                let mut report = |failure: Failure| match failure {
                    Failure::Condition(failure) => run.line(format!("warning: {prefix}{failure}")),
                    Failure::Statement(failure) => run.line(format!("warning: {prefix}{failure}")),
                };
                let ran = group.run(&mut document, origin.first_resource, &mut report);
                messages.push_run(run);
                if let Err(error) = ran {
                    match error {
                        RunFailure::Filter(error) => {
                            for failure in error.failures {
                                messages.error(format!("error: {name}: {label}: {failure}"));
                            }
                        }
                        RunFailure::Statement(failure) => {
                            messages.error(format!("error: {name}: {label}: {failure}"));
                        }
                    }
                    return Err(ExitCode::RuntimeError);
                }
            }
        }
    }
    Ok(document)
}
