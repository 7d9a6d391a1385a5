//! `ottl eval`: run statements over OTLP/JSON and print the result.

use crate::render::{self, Source};
use crate::statements::{self, Line};
use crate::{ExitCode, read_input};
use ottl_core::context::{self, ContextKind};
use ottl_core::model::json::{self, Document, EncodeOptions};
use ottl_core::run::{ErrorMode, Program};
use ottl_core::syntax;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Arguments of `ottl eval`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  ottl eval -c log -e 'set(attributes[\"env\"], \"prod\")' logs.json
  ottl eval -f statements.ottl --error-mode propagate logs.json -o out.json
  cat logs.json | ottl eval -e 'delete_key(attributes, \"secret\")' --pretty

Exit codes: 0 ok; 1 statements rejected (diagnostics on stderr, before any input is read);
2 bad input or usage; 3 a statement failed under --error-mode propagate.")]
pub struct Args {
    /// A statement to run (repeatable; statements run in order).
    #[arg(short = 'e', long = "statement", value_name = "STMT")]
    statements: Vec<String>,
    /// Statements from a file, one per line (blank lines and `#` comments skipped).
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    files: Vec<PathBuf>,
    /// The context statements run in: resource, scope or log (span, spanevent, metric and
    /// datapoint are coming). Inferred from path prefixes such as `log.` when omitted.
    #[arg(short = 'c', long = "context", value_name = "CTX")]
    context: Option<String>,
    /// Run the statements only on records where this condition holds (repeatable: any of them).
    #[arg(long = "condition", value_name = "COND")]
    conditions: Vec<String>,
    /// What a failing statement does: ignore (report and go on), silent, or propagate (stop).
    #[arg(long = "error-mode", value_name = "MODE", default_value = "ignore")]
    error_mode: ErrorMode,
    /// Run the transform and filter processors of a collector configuration instead.
    #[arg(long = "config", value_name = "YAML")]
    config: Option<PathBuf>,
    /// Indent the output.
    #[arg(long)]
    pretty: bool,
    /// Write the output here instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    /// OTLP/JSON files (logs, traces or metrics); `-` or nothing reads standard input.
    #[arg(value_name = "INPUT")]
    inputs: Vec<PathBuf>,
}

/// Runs `ottl eval`.
pub fn run(args: Args) -> ExitCode {
    if args.config.is_some() {
        eprintln!("error: --config is not supported yet; pass statements with -e or -f");
        return ExitCode::BadInput;
    }
    let sources = match collect_statements(&args) {
        Ok(sources) => sources,
        Err(code) => return code,
    };
    let context = match resolve_context(args.context.as_deref(), &sources) {
        Ok(context) => context,
        Err(code) => return code,
    };
    let texts: Vec<&str> = sources.iter().map(|s| s.text.as_str()).collect();
    let conditions: Vec<&str> = args.conditions.iter().map(String::as_str).collect();
    let registry = ottl_functions::standard();
    let program = match Program::compile(&texts, &conditions, context, args.error_mode, &registry) {
        Ok(program) => program,
        Err(failures) => {
            for (index, diagnostics) in failures {
                let (name, text, offset) = match sources.get(index) {
                    Some(source) => (
                        source.name.as_str(),
                        source.file_text.as_str(),
                        source.offset,
                    ),
                    None => ("<condition>", conditions[index - sources.len()], 0),
                };
                let shifted: Vec<_> = diagnostics.into_iter().map(|d| d.shifted(offset)).collect();
                render::to_stderr(&Source { name, text }, &shifted);
            }
            return ExitCode::Rejected;
        }
    };
    let inputs = if args.inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.inputs.clone()
    };
    let mut output = Vec::new();
    for input in &inputs {
        if let Err(code) = eval_input(&program, input, args.pretty, &mut output) {
            return code;
        }
    }
    write_output(args.output.as_ref(), &output)
}

/// A statement and where it came from, for diagnostics.
struct StatementSource {
    text: String,
    name: String,
    file_text: String,
    offset: usize,
}

fn collect_statements(args: &Args) -> Result<Vec<StatementSource>, ExitCode> {
    let mut sources = Vec::new();
    for (i, statement) in args.statements.iter().enumerate() {
        sources.push(StatementSource {
            text: statement.clone(),
            name: format!("<statement {}>", i + 1),
            file_text: statement.clone(),
            offset: 0,
        });
    }
    for path in &args.files {
        let (name, text) = read_input(path)?;
        for line in statements::lines(&text) {
            if let Line::Source {
                text: statement,
                offset,
            } = line
            {
                sources.push(StatementSource {
                    text: statement.to_owned(),
                    name: name.clone(),
                    file_text: text.clone(),
                    offset,
                });
            }
        }
    }
    Ok(sources)
}

/// The context from `--context`, or inferred from the statements' path prefixes; `log` when
/// no path names one.
fn resolve_context(
    flag: Option<&str>,
    sources: &[StatementSource],
) -> Result<ContextKind, ExitCode> {
    if let Some(name) = flag {
        return ContextKind::from_name(name).ok_or_else(|| {
            let known: Vec<&str> = ContextKind::ALL.iter().map(|c| c.name()).collect();
            eprintln!(
                "error: unknown context `{name}`; expected one of: {}",
                known.join(", ")
            );
            ExitCode::BadInput
        });
    }
    let statements: Vec<syntax::Statement> = sources
        .iter()
        .filter_map(|source| syntax::parse_statement(&source.text).ok())
        .collect();
    let inferred = context::infer(statements.iter().flat_map(syntax::statement_paths));
    Ok(inferred.unwrap_or(ContextKind::Log))
}

fn eval_input(
    program: &Program,
    path: &Path,
    pretty: bool,
    output: &mut Vec<u8>,
) -> Result<(), ExitCode> {
    let (name, text) = read_input(path)?;
    let mut document = json::decode(text.as_bytes()).map_err(|error| {
        eprintln!("error: {name}: {error}");
        ExitCode::BadInput
    })?;
    let mut report =
        |failure: ottl_core::run::StatementError| eprintln!("warning: {name}: {failure}");
    let result = match &mut document {
        Document::Logs(logs) => program.run_logs(logs, &mut report),
        Document::Traces(_) | Document::Metrics(_) if program.is_empty() => Ok(()),
        Document::Traces(_) | Document::Metrics(_) => {
            eprintln!(
                "error: {name}: only logs can be transformed so far (traces and metrics are coming)"
            );
            return Err(ExitCode::BadInput);
        }
    };
    if let Err(failure) = result {
        eprintln!("error: {name}: {failure}");
        return Err(ExitCode::RuntimeError);
    }
    json::encode_into(&document, output, EncodeOptions { pretty }).map_err(|error| {
        eprintln!("error: {name}: {error}");
        ExitCode::BadInput
    })?;
    output.push(b'\n');
    Ok(())
}

fn write_output(path: Option<&PathBuf>, output: &[u8]) -> ExitCode {
    let result = match path {
        Some(path) => std::fs::write(path, output),
        None => std::io::stdout().lock().write_all(output),
    };
    match result {
        Ok(()) => ExitCode::Ok,
        Err(error) => {
            eprintln!("error: cannot write the output: {error}");
            ExitCode::BadInput
        }
    }
}
