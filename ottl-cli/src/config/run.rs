//! `ottl eval --config`: compile every transform and filter processor's groups, then run them
//! over each input as the collector does — processors in the order the file defines them,
//! groups in order, each group over the whole batch before the next.

use super::{Config, Group, ProcessorKind, Text, filter_run, list_name};
use crate::eval::{read_document, run_program, signal, write_document, write_output};
use crate::render::{self, Source};
use crate::{ExitCode, read_input};
use ottl_core::context::{self, ContextKind};
use ottl_core::diag::Diagnostic;
use ottl_core::run::{FilterGroup, Program, StatementError};
use ottl_core::syntax;
use std::path::{Path, PathBuf};

/// A compiled group, with a name for messages (`transform/redact: log_statements group 1`).
struct CompiledGroup {
    label: String,
    signal: ottl_core::context::Signal,
    step: Step,
}

/// What a compiled group does to a batch.
enum Step {
    /// Runs a transform group's statements.
    Transform(Program),
    /// Removes what a filter group's conditions match.
    Filter(Box<FilterGroup>),
}

/// What `eval --config` needs besides the configuration.
pub struct Options<'a> {
    /// The OTLP/JSON inputs (`-` is standard input).
    pub inputs: &'a [PathBuf],
    /// Indent the output.
    pub pretty: bool,
    /// Where to write; standard output when `None`.
    pub output: Option<&'a PathBuf>,
}

/// Runs the transform and filter processors of the configuration at `path` over the inputs.
pub fn eval(path: &Path, options: &Options<'_>) -> ExitCode {
    let (file_name, file_text) = match read_input(path) {
        Ok(read) => read,
        Err(code) => return code,
    };
    let config = match super::load(&file_text) {
        Ok(config) => config,
        Err(errors) => {
            for error in errors {
                let at = if error.line > 0 { ":" } else { ": " };
                eprintln!("error: {file_name}{at}{error}");
            }
            return ExitCode::BadInput;
        }
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
    let source = Source {
        name: &file_name,
        text: &file_text,
    };
    let groups = match compile(&config, &source) {
        Ok(groups) => groups,
        Err(code) => return code,
    };
    let inputs = if options.inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        options.inputs.to_vec()
    };
    let mut output = Vec::new();
    for input in &inputs {
        if let Err(code) = eval_input(&groups, input, options.pretty, &mut output) {
            return code;
        }
    }
    write_output(options.output, &output)
}

/// Compiles every group, reporting every rejected statement before giving up.
fn compile(config: &Config, source: &Source<'_>) -> Result<Vec<CompiledGroup>, ExitCode> {
    let mut compiled = Vec::new();
    let mut rejected = false;
    for processor in &config.processors {
        match &processor.kind {
            ProcessorKind::Transform(groups) => {
                for group in groups {
                    let label = format!(
                        "{}: {} group {}",
                        processor.name,
                        list_name(group.signal),
                        group.number
                    );
                    match compile_group(group, &label, source) {
                        Some(program) => compiled.push(CompiledGroup {
                            label,
                            signal: group.signal,
                            step: Step::Transform(program),
                        }),
                        None => rejected = true,
                    }
                }
            }
            ProcessorKind::Filter(groups) => {
                for group in groups {
                    let label = format!("{}: {}", processor.name, group.label);
                    match filter_run::compile(group, &label, source) {
                        Some(filter) => compiled.push(CompiledGroup {
                            label,
                            signal: group.signal,
                            step: Step::Filter(Box::new(filter)),
                        }),
                        None => rejected = true,
                    }
                }
            }
        }
    }
    if rejected {
        Err(ExitCode::Rejected)
    } else {
        Ok(compiled)
    }
}

/// Compiles one group in its context (given or inferred); on failure the reasons are on
/// stderr.
fn compile_group(group: &Group, label: &str, source: &Source<'_>) -> Option<Program> {
    let context = match group.context {
        Some(context) => context,
        None => infer_context(group, label, source.name)?,
    };
    let statements: Vec<&str> = group.statements.iter().map(|t| t.value.as_str()).collect();
    let conditions: Vec<&str> = group.conditions.iter().map(|t| t.value.as_str()).collect();
    // As the reference does, group conditions get the filter processor's functions.
    let condition_functions = ottl_functions::filter::registry(context);
    let compiled = Program::compile_with_condition_functions(
        &statements,
        &conditions,
        context,
        group.error_mode,
        &ottl_functions::transform::registry(context),
        &condition_functions,
    );
    let text_at = |index: usize| {
        group.statements.get(index).or_else(|| {
            group
                .conditions
                .get(index.checked_sub(group.statements.len())?)
        })
    };
    match compiled {
        Ok(program) => {
            for (index, warning) in program.warnings() {
                if let Some(text) = text_at(*index) {
                    render_in_file(text, vec![warning.clone()], label, source);
                }
            }
            Some(program)
        }
        Err(failures) => {
            for (index, diagnostics) in failures {
                if let Some(text) = text_at(index) {
                    render_in_file(text, diagnostics.0, label, source);
                }
            }
            None
        }
    }
}

/// The context of a group without `context:`, from its path prefixes as the reference infers
/// it. Texts that do not parse are skipped here; compiling reports them.
fn infer_context(group: &Group, label: &str, file_name: &str) -> Option<ContextKind> {
    let statements: Vec<_> = group
        .statements
        .iter()
        .filter_map(|t| syntax::parse_statement(&t.value).ok())
        .collect();
    let conditions: Vec<_> = group
        .conditions
        .iter()
        .filter_map(|t| syntax::parse_condition(&t.value).ok())
        .collect();
    let all_parse =
        statements.len() == group.statements.len() && conditions.len() == group.conditions.len();
    let paths = statements
        .iter()
        .flat_map(syntax::statement_paths)
        .chain(conditions.iter().flat_map(syntax::condition_paths));
    match context::infer(paths) {
        Some(context) if context.runs_on(group.signal) => {
            // The statements' functions are the same in every context; the conditions' and
            // the enum symbols are not.
            let functions: Vec<&str> = conditions
                .iter()
                .flat_map(syntax::condition_functions)
                .collect();
            let enums: Vec<&str> = statements
                .iter()
                .flat_map(syntax::statement_enums)
                .chain(conditions.iter().flat_map(syntax::condition_enums))
                .collect();
            Some(filter_run::with_functions(
                context,
                group.signal,
                &functions,
                &enums,
            ))
        }
        Some(context) => {
            eprintln!(
                "error: {file_name}:{}: {label}: the paths name the `{context}` context, which \
                 does not run in {}",
                group.line,
                list_name(group.signal)
            );
            None
        }
        // Let the compiler report the syntax errors, in the signal's record context.
        None if !all_parse => Some(group.signal.record_context()),
        None => {
            eprintln!(
                "error: {file_name}:{}: {label}: cannot infer the context: no path names one; \
                 add `context:` to the group (advanced style) or prefix the paths \
                 (`{}.attributes`, `resource.attributes`)",
                group.line,
                group.signal.record_context()
            );
            None
        }
    }
}

/// Renders the diagnostics of `text`: inside the YAML file when its scalar could be mapped,
/// else over the statement alone with a note saying where it is.
pub(super) fn render_in_file(
    text: &Text,
    diagnostics: Vec<Diagnostic>,
    label: &str,
    file: &Source<'_>,
) {
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

/// Runs the groups of the input's signal over it, in order, and appends the result.
fn eval_input(
    groups: &[CompiledGroup],
    path: &Path,
    pretty: bool,
    output: &mut Vec<u8>,
) -> Result<(), ExitCode> {
    let (name, mut document, input_len) = read_document(path)?;
    let (signal, _) = signal(&document);
    for group in groups.iter().filter(|g| g.signal == signal) {
        let label = &group.label;
        match &group.step {
            Step::Transform(program) => {
                let mut report =
                    |failure: StatementError| eprintln!("warning: {name}: {label}: {failure}");
                if let Err(failure) = run_program(program, &mut document, &mut report) {
                    eprintln!("error: {name}: {label}: {failure}");
                    return Err(ExitCode::RuntimeError);
                }
            }
            Step::Filter(filter) => {
                let mut report = |failure: ottl_core::run::ConditionError| {
                    eprintln!("warning: {name}: {label}: {failure}");
                };
                if let Err(error) = filter_run::run(filter, &mut document, &mut report) {
                    for failure in error.failures {
                        eprintln!("error: {name}: {label}: {failure}");
                    }
                    return Err(ExitCode::RuntimeError);
                }
            }
        }
    }
    write_document(&name, &document, input_len, pretty, output)
}
