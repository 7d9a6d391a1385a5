//! The exports' work, in plain Rust: the same library calls as `ottl eval` and `ottl check`,
//! with what the CLI prints returned as JSON values instead.

use ottl_cli::config::Text;
use ottl_cli::config::run::{Plan, load_embedded};
use ottl_cli::runner::signal;
use ottl_cli::trace::{Shared, TraceFormat, Tracer};
use ottl_core::context::{self, ContextKind};
use ottl_core::diag::{Diagnostic, Severity};
use ottl_core::model::json::{self, Document};
use ottl_core::run::{ErrorMode, Program, Run};
use ottl_core::span::Span;
use ottl_core::syntax;
use ottl_functions::processor::{
    CompiledGroup, Failure, Finding, Options, Registries, RunFailure, Step, Where,
};
use serde_json::{Value as Json, json};
use std::cell::RefCell;

/// What a run returns, written as JSON by hand so that the output document keeps the
/// encoder's field order (serde_json's map sorts keys).
#[derive(Default)]
struct Response {
    output: Option<String>,
    diagnostics: Vec<Json>,
    trace: Vec<Json>,
    notes: Vec<String>,
}

impl Response {
    fn error(message: impl Into<String>) -> Self {
        let mut response = Response::default();
        response.diagnostics.push(plain("error", message.into()));
        response
    }

    fn into_json(self) -> String {
        format!(
            "{{\"output\":{},\"diagnostics\":{},\"trace\":{},\"notes\":{}}}",
            self.output.as_deref().unwrap_or("null"),
            Json::from(self.diagnostics),
            Json::from(self.trace),
            json!(self.notes)
        )
    }
}

/// A diagnostic without a place (line and column 0).
fn plain(severity: &str, message: String) -> Json {
    json!({
        "line": 0, "column": 0, "end_line": 0, "end_column": 0,
        "severity": severity, "code": null, "message": message, "help": null,
    })
}

/// Line and column (1-based, columns in characters) of byte `offset` in `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}

/// `diagnostic` as JSON, its span in `text` moved by `line_offset` lines (a statement shown
/// as line `n` of the statements pane).
fn diagnostic_json(diagnostic: &Diagnostic, text: &str, span: Span, line_offset: usize) -> Json {
    let (line, column) = line_column(text, span.start);
    let (end_line, end_column) = line_column(text, span.end);
    let severity = match diagnostic.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    json!({
        "line": line + line_offset,
        "column": column,
        "end_line": end_line + line_offset,
        "end_column": end_column,
        "severity": severity,
        "code": diagnostic.code.id(),
        "message": diagnostic.message,
        "help": diagnostic.help,
        "label": diagnostic.primary.message,
        "notes": diagnostic.notes,
    })
}

/// Decodes the payload, or says why not.
fn decode(payload: &str) -> Result<Document, Response> {
    json::decode(payload.as_bytes())
        .map_err(|error| Response::error(format!("the payload is not OTLP/JSON: {error}")))
}

/// The document as compact OTLP/JSON, as `ottl eval` writes it.
fn encode(document: &Document) -> Result<String, Response> {
    json::encode(document.as_ref())
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .ok_or_else(|| Response::error("the result cannot be written as OTLP/JSON"))
}

/// Runs `program` over `document`, keeping its trace (each event with `group`) and its
/// failures.
fn run_traced(
    program: &Program,
    document: &mut Document,
    group: &str,
    response: &mut Response,
) -> Result<(), String> {
    let tracer = RefCell::new(Tracer::new(program, TraceFormat::Json, "").kept());
    let mut failures = Vec::new();
    let mut report = |failure: ottl_core::run::StatementError| {
        tracer.borrow().failure(&failure);
        failures.push(failure.to_string());
    };
    let result = program.run_with(
        document,
        Run::reporting(&mut report).observer(Shared(&tracer)),
    );
    for line in tracer.into_inner().into_lines() {
        if let Ok(Json::Object(mut event)) = serde_json::from_str::<Json>(&line) {
            event.remove("input");
            event.insert("group".into(), group.into());
            response.trace.push(Json::Object(event));
        }
    }
    for failure in failures {
        let message = if group.is_empty() {
            failure
        } else {
            format!("{group}: {failure}")
        };
        response.diagnostics.push(plain("warning", message));
    }
    result.map_err(|failure| failure.to_string())
}

/// `evalStatements`.
pub(crate) fn eval_statements(
    context: &str,
    statements: &[String],
    payload: &str,
    error_mode: &str,
) -> String {
    statements_response(context, statements, payload, error_mode).into_json()
}

fn statements_response(
    context: &str,
    statements: &[String],
    payload: &str,
    error_mode: &str,
) -> Response {
    let error_mode: ErrorMode = match error_mode.parse() {
        Ok(mode) => mode,
        Err(message) => return Response::error(message),
    };
    let mut document = match decode(payload) {
        Ok(document) => document,
        Err(response) => return response,
    };
    let (signal, signal_name) = signal(&document);
    let context = if context.is_empty() {
        let parsed: Vec<syntax::Statement> = statements
            .iter()
            .filter_map(|s| syntax::parse_statement(s).ok())
            .collect();
        context::infer(parsed.iter().flat_map(syntax::statement_paths))
            .unwrap_or(signal.record_context())
    } else {
        match ContextKind::from_name(context) {
            Some(context) => context,
            None => return Response::error(format!("unknown context `{context}`")),
        }
    };
    let texts: Vec<&str> = statements.iter().map(String::as_str).collect();
    let registry = ottl_functions::transform::registry(context);
    let mut response = Response::default();
    let program = match Program::compile(&texts, &[], context, error_mode, &registry) {
        Ok(program) => program,
        Err(failures) => {
            for (index, diagnostics) in failures {
                let text = texts.get(index).copied().unwrap_or_default();
                for diagnostic in diagnostics {
                    let span = diagnostic.primary.span;
                    let shown = diagnostic_json(&diagnostic, text, span, index);
                    response.diagnostics.push(shown);
                }
            }
            return response;
        }
    };
    for (index, warning) in program.warnings() {
        let text = texts.get(*index).copied().unwrap_or_default();
        let span = warning.primary.span;
        let shown = diagnostic_json(warning, text, span, *index);
        response.diagnostics.push(shown);
    }
    if !context.runs_on(signal) && !program.is_empty() {
        response.diagnostics.push(plain(
            "error",
            format!(
                "{context} statements do not run on {signal_name}; pick one of the \
                 {signal_name} contexts"
            ),
        ));
        return response;
    }
    match run_traced(&program, &mut document, "", &mut response) {
        Ok(()) => match encode(&document) {
            Ok(output) => response.output = Some(output),
            Err(failed) => return failed,
        },
        Err(failure) => response.diagnostics.push(plain("error", failure)),
    }
    response
}

/// `evalConfig`.
pub(crate) fn eval_config(config: &str, payload: &str) -> String {
    config_response(config, payload).into_json()
}

fn config_response(config: &str, payload: &str) -> Response {
    let (_, text, config) = match load_embedded("config.yaml".to_owned(), config.to_owned()) {
        Ok(loaded) => loaded,
        Err((_, errors)) => {
            let mut response = Response::default();
            for error in errors {
                response.diagnostics.push(json!({
                    "line": error.line, "column": error.column,
                    "end_line": error.line, "end_column": error.column,
                    "severity": "error", "code": null, "message": error.message, "help": null,
                }));
            }
            return response;
        }
    };
    let mut response = Response::default();
    for (name, reason) in &config.skipped {
        response
            .notes
            .push(format!("skipping processor `{name}`: {reason}"));
    }
    if config.processors.is_empty() {
        return Response::error(
            "no transform processor or filter processor to run (a `transform`, `filter`, \
             `transform/<name>` or `filter/<name>` key under `processors:`)",
        );
    }
    let mut registries = Registries::new(Options::default());
    let mut groups: Vec<CompiledGroup> = Vec::new();
    let mut rejected = false;
    for processor in &config.processors {
        let (compiled, findings) = processor.spec.compile(&mut registries);
        for finding in &findings {
            rejected |= finding.is_error();
            show_finding(processor, finding, &text, &mut response);
        }
        groups.extend(compiled);
    }
    if rejected {
        return response;
    }
    let mut document = match decode(payload) {
        Ok(document) => document,
        Err(failed) => return failed,
    };
    let plan = Plan {
        groups: &groups,
        pipelines: config.pipelines.as_deref(),
        wanted: None,
    };
    let (signal, _) = signal(&document);
    let (steps, note) = plan.steps(signal);
    response.notes.extend(note);
    for group in steps {
        let failed = match &group.step {
            Step::Transform(program) => {
                run_traced(program, &mut document, &group.label, &mut response).err()
            }
            Step::Filter(_) => {
                let mut failures = Vec::new();
                let mut report = |failure: Failure| match failure {
                    Failure::Condition(f) => failures.push(f.to_string()),
                    Failure::Statement(f) => failures.push(f.to_string()),
                };
                let result = group.run(&mut document, 0, &mut report);
                for failure in failures {
                    let message = format!("{}: {failure}", group.label);
                    response.diagnostics.push(plain("warning", message));
                }
                result.err().map(|error| match error {
                    RunFailure::Filter(error) => error.to_string(),
                    RunFailure::Statement(error) => error.to_string(),
                })
            }
        };
        if let Some(failure) = failed {
            let message = format!("{}: {failure}", group.label);
            response.diagnostics.push(plain("error", message));
            return response;
        }
    }
    match encode(&document) {
        Ok(output) => response.output = Some(output),
        Err(failed) => return failed,
    }
    response
}

/// A compile finding as diagnostics placed in the configuration text.
fn show_finding(
    processor: &ottl_cli::config::Processor,
    finding: &Finding,
    file: &str,
    response: &mut Response,
) {
    let in_file = |text: &Text, diagnostic: &Diagnostic| {
        let span = diagnostic.primary.span;
        match text.file_span(span) {
            Some(span) => diagnostic_json(diagnostic, file, span, 0),
            None => {
                let mut shown = diagnostic_json(diagnostic, &text.value, span, 0);
                shown["line"] = text.line.into();
                shown["end_line"] = text.line.into();
                shown
            }
        }
    };
    match finding {
        Finding::Warning { at, diagnostic } => {
            if let Some(text) = processor.text(*at) {
                response.diagnostics.push(in_file(text, diagnostic));
            }
        }
        Finding::Rejected { at, diagnostics } => {
            if let Some(text) = processor.text(*at) {
                for diagnostic in diagnostics {
                    response.diagnostics.push(in_file(text, diagnostic));
                }
            }
        }
        Finding::Error { at, message } => {
            let (line, column) = match (processor.text(*at), *at) {
                (Some(text), _) => (text.line, text.column),
                (None, Where::Group(group)) => {
                    (processor.group_lines.get(group).copied().unwrap_or(0), 1)
                }
                (None, _) => (0, 0),
            };
            response.diagnostics.push(json!({
                "line": line, "column": column, "end_line": line, "end_column": column,
                "severity": "error", "code": null, "message": message, "help": null,
            }));
        }
    }
}

/// `check`: the findings of `ottl check --format json`, one object each.
pub(crate) fn check(config: &str) -> String {
    let checked = ottl_cli::check::check_config("config.yaml".to_owned(), config.to_owned());
    let diagnostics: Vec<Json> = ottl_cli::check::report::json(&checked)
        .lines()
        .filter_map(|line| serde_json::from_str(line).ok())
        .collect();
    json!({ "diagnostics": diagnostics }).to_string()
}
