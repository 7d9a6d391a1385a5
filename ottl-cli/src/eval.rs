//! `ottl eval`: run statements over OTLP/JSON and print the result.

use crate::gates::FeatureGates;
use crate::io::{InputFormat, OutputFormat, Sink, for_each_document};
use crate::messages::Messages;
use crate::parallel::Origin;
use crate::render::{self, Source};
use crate::runner::{run_reported, signal};
use crate::statements::{self, Line};
use crate::trace::TraceFormat;
use crate::{ExitCode, read_input};
use ottl_core::context::{self, ContextKind, Signal};
use ottl_core::diag::Diagnostic;
use ottl_core::model::json::{self, Document};
use ottl_core::run::{ErrorMode, Program};
use ottl_core::syntax;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Arguments of `ottl eval`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  ottl eval -c log -e 'set(attributes[\"env\"], \"prod\")' logs.json
  ottl eval -e 'set(attributes[\"seen\"], true)' traces.json       # runs on each span
  ottl eval -e 'set(span.name, \"x\") where spanevent.name == \"retry\"' traces.json
  ottl eval -c datapoint -e 'set(attributes[\"unit\"], metric.unit)' metrics.json
  ottl eval -f statements.ottl --error-mode propagate logs.json -o out.json
  cat logs.json | ottl eval -e 'delete_key(attributes, \"secret\")' --pretty
  ottl eval --config collector.yaml logs.json traces.json  # the config's transform/filter processors
  ottl eval --trace -e 'set(attributes[\"a\"], 1) where body == \"x\"' logs.json >/dev/null
  ottl eval --trace=json -f statements.ottl logs.json 2>trace.jsonl >out.json
  ottl eval -e 'set(severity_text, \"WARN\")' exported.jsonl.gz   # the file exporter's output
  ottl eval -e 'set(severity_text, \"WARN\")' exported.binpb --output-format jsonl  # its proto

Inputs are OTLP/JSON documents, JSON Lines (one document per line, as the collector's file
exporter writes) or OTLP protobuf (one LogsData/TracesData/MetricsData or Export*ServiceRequest
message, or a stream of messages each preceded by its length: four big-endian bytes as the file
exporter writes with `format: proto`, or a varint), found from --input-format, else the
extension (.json, .jsonl, .pb, .binpb), else the content: a first line that is a whole document
means JSON Lines; protobuf is told from its first bytes, and a message's signal from its
records. gzip and zstd inputs are decompressed. JSON Lines and delimited protobuf are read, run
and written one document at a time; a large OTLP/JSON document (or line) is run in parts of
whole resources, on every thread, and written whole once its last part is done (output and
messages as if it ran whole). The output is in the first input's format unless --output-format
says otherwise.

With --config, the `transform` and `filter` processors (`transform/<name>`, `filter/<name>`)
run on each input as the collector runs them: those of the first pipeline of the input's
signal under `service.pipelines` (or --pipeline), in pipeline order — every processor in file
order when there are no pipelines — then their groups in order, each group over the whole input
before the next; a note on stderr says which ran. `${env:VAR}`, `${VAR}`,
`${env:VAR:-default}` and `$$` are resolved as the collector resolves them. Basic
style (a list of statements) infers the context from path prefixes (`log.body`); advanced style
groups give `context:`, `conditions:` and `error_mode:`. Filter processors drop what their
conditions match (`*_conditions`, or the legacy `traces`/`metrics`/`logs` keys); a basic-style
condition's context is inferred on its own. Rejected statements and conditions are shown
inside the YAML. Other processors are skipped (filter processors with pre-OTTL matchers with a
note).

Under --error-mode ignore, the first 3 failures of each statement are shown, then one line
counts the rest; --trace shows every failure within the trace.

Exit codes: 0 ok; 1 statements rejected (diagnostics on stderr; before any input is read when
the context is given or inferred from a prefix);
2 bad input or usage; 3 a statement failed under --error-mode propagate.")]
pub struct Args {
    /// A statement to run (repeatable; statements run in order).
    #[arg(short = 'e', long = "statement", value_name = "STMT")]
    statements: Vec<String>,
    /// Statements from a file, one per line (blank lines and `#` comments skipped).
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    files: Vec<PathBuf>,
    /// The context statements run in: resource, scope, log, span, spanevent, metric or
    /// datapoint. When omitted, inferred from path prefixes such as `span.`; with no prefix,
    /// each input's record context (log, span or metric).
    #[arg(short = 'c', long = "context", value_name = "CTX")]
    context: Option<String>,
    /// Run the statements only on records where this condition holds (repeatable: any of them).
    #[arg(long = "condition", value_name = "COND")]
    conditions: Vec<String>,
    /// What a failing statement does: ignore (report and go on), silent, or propagate (stop).
    #[arg(long = "error-mode", value_name = "MODE", default_value = "ignore")]
    error_mode: ErrorMode,
    /// Run the transform and filter processors of a collector configuration (YAML) instead of
    /// -e/-f.
    #[arg(long = "config", value_name = "YAML")]
    config: Option<PathBuf>,
    /// With --config, the pipeline to run (`traces/x`); by default the first pipeline of each
    /// input's signal.
    #[arg(long = "pipeline", value_name = "ID", requires = "config")]
    pipeline: Option<String>,
    /// Show on stderr, for every record and statement, whether its `where` held and what it
    /// changed (every failure too); `--trace=json` writes JSON Lines.
    #[arg(
        long,
        value_name = "FORMAT",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "human"
    )]
    trace: Option<TraceFormat>,
    /// Feature gates to turn on (`id`) or off (`--feature-gates=-id`), comma-separated and repeatable, as
    /// `otelcol --feature-gates`: `ottl.functions.enableLambda` or
    /// `pkg.ottl.functions.enableExperimental` adds the experimental functions (the lambda
    /// converters `All`, `Any`, `Filter`, `Find`, `MapEach`, `MapKeys`, `Reduce`, `When`, and
    /// `sanitize_utf8`).
    #[arg(long = "feature-gates", value_name = "IDS")]
    feature_gates: Vec<String>,
    /// Indent the output.
    #[arg(long)]
    pretty: bool,
    /// Write the output here instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    /// How the inputs are laid out; found from the extension or the content when omitted.
    #[arg(long = "input-format", value_name = "FORMAT")]
    input_format: Option<InputFormat>,
    /// How to write the output; the first input's format when omitted.
    #[arg(long = "output-format", value_name = "FORMAT")]
    output_format: Option<OutputFormat>,
    /// How many documents to work on at once (JSON Lines and delimited protobuf inputs hold
    /// many; a large OTLP/JSON document is cut into parts of whole resources): each is
    /// decoded, run and encoded on one of N threads, and the output keeps the input's order.
    /// 0 (the default) uses every core; `--trace` runs on one, over whole documents.
    #[arg(short = 'j', long = "threads", value_name = "N", default_value_t = 0)]
    threads: usize,
    /// OTLP/JSON, JSON Lines or OTLP protobuf files, possibly gzip- or zstd-compressed (logs,
    /// traces or metrics); `-` or nothing reads standard input.
    #[arg(value_name = "INPUT")]
    inputs: Vec<PathBuf>,
}

/// Runs `ottl eval`.
pub fn run(args: Args) -> ExitCode {
    let gates = match FeatureGates::parse(args.feature_gates.iter().map(String::as_str)) {
        Ok(gates) => gates,
        Err(message) => {
            eprintln!("error: --feature-gates: {message}");
            return ExitCode::BadInput;
        }
    };
    if let Some(config) = &args.config {
        return eval_config(config, &args, gates);
    }
    let sources = match collect_statements(&args) {
        Ok(sources) => sources,
        Err(code) => return code,
    };
    let context = match resolve_context(args.context.as_deref(), &sources) {
        Ok(context) => context,
        Err(code) => return code,
    };
    let programs = Programs {
        sources: &sources,
        conditions: args.conditions.iter().map(String::as_str).collect(),
        error_mode: args.error_mode,
        gates,
        compiled: Default::default(),
    };
    // A known context is checked before any input is read.
    if let Some(context) = context
        && let Err(code) = programs.get(context)
    {
        return code;
    }
    let inputs = if args.inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.inputs.clone()
    };
    let mut sink = match Sink::new(args.output.as_ref(), args.output_format, args.pretty) {
        Ok(sink) => sink,
        Err(code) => return code,
    };
    let threads = threads(&args);
    let each = |origin: &Origin<'_>, document, messages: &mut Messages| {
        eval_document(&programs, context, origin, document, args.trace, messages)
    };
    // A trace follows the records of the whole document; otherwise a large document is run in
    // parts, as resources run independently of one another.
    let cut: &[Signal] = if args.trace.is_none() {
        &Signal::ALL
    } else {
        &[]
    };
    for input in &inputs {
        let read = for_each_document(input, args.input_format, &mut sink, threads, cut, &each);
        if let Err(code) = read {
            return code;
        }
    }
    sink.finish()
}

/// `--config`: the transform and filter processors of a collector configuration instead of
/// statements.
fn eval_config(config: &Path, args: &Args, gates: FeatureGates) -> ExitCode {
    let conflicting = [
        (!args.statements.is_empty(), "-e/--statement"),
        (!args.files.is_empty(), "-f/--file"),
        (args.context.is_some(), "-c/--context"),
        (!args.conditions.is_empty(), "--condition"),
    ];
    if let Some((_, flag)) = conflicting.iter().find(|(given, _)| *given) {
        eprintln!(
            "error: {flag} cannot be used with --config: the configuration's transform \
             and filter processors give the statements, contexts and conditions"
        );
        return ExitCode::BadInput;
    }
    let options = crate::config::run::Options {
        inputs: &args.inputs,
        pretty: args.pretty,
        output: args.output.as_ref(),
        pipeline: args.pipeline.as_deref(),
        trace: args.trace,
        gates,
        input_format: args.input_format,
        output_format: args.output_format,
        threads: threads(args),
    };
    crate::config::run::eval(config, &options)
}

/// How many documents to work on at once: `-j`, every core for 0, one when tracing (a trace
/// follows the records in order).
fn threads(args: &Args) -> usize {
    if args.trace.is_some() {
        return 1;
    }
    match args.threads {
        0 => std::thread::available_parallelism().map_or(1, usize::from),
        n => n,
    }
}

/// The statements compiled once per context they run in: one context when `--context` or a
/// path prefix names it, otherwise the record context of each input's signal.
struct Programs<'s> {
    sources: &'s [StatementSource],
    conditions: Vec<&'s str>,
    error_mode: ErrorMode,
    gates: FeatureGates,
    /// Per context (in `ContextKind::ALL` order), compiled once, from whichever thread
    /// needs it first.
    compiled: [OnceLock<Result<Program, ExitCode>>; ContextKind::ALL.len()],
}

impl Programs<'_> {
    /// The program for `context`, compiling it the first time; diagnostics go to stderr.
    fn get(&self, context: ContextKind) -> Result<&Program, ExitCode> {
        let index = ContextKind::ALL
            .iter()
            .position(|&c| c == context)
            .ok_or(ExitCode::BadInput)?;
        let slot = self.compiled.get(index).ok_or(ExitCode::BadInput)?;
        slot.get_or_init(|| self.compile(context))
            .as_ref()
            .map_err(|&code| code)
    }

    fn compile(&self, context: ContextKind) -> Result<Program, ExitCode> {
        let texts: Vec<&str> = self.sources.iter().map(|s| s.text.as_str()).collect();
        let mut registry = ottl_functions::transform::registry(context);
        self.gates.apply(&mut registry);
        let compiled = Program::compile(
            &texts,
            &self.conditions,
            context,
            self.error_mode,
            &registry,
        );
        match compiled {
            Ok(program) => {
                // Warnings don't stop the run; they are shown once, when the program compiles.
                for (index, warning) in program.warnings() {
                    self.report(*index, vec![warning.clone()]);
                }
                Ok(program)
            }
            Err(failures) => {
                for (index, diagnostics) in failures {
                    self.report(index, diagnostics.into_iter().collect());
                }
                Err(ExitCode::Rejected)
            }
        }
    }

    /// Renders diagnostics about text `index` (statements, then conditions) to stderr.
    fn report(&self, index: usize, diagnostics: Vec<Diagnostic>) {
        let (name, text, offset) = match self.sources.get(index) {
            Some(source) => (
                source.name.as_str(),
                source.file_text.as_str(),
                source.offset,
            ),
            None => (
                "<condition>",
                self.conditions
                    .get(index - self.sources.len())
                    .copied()
                    .unwrap_or_default(),
                0,
            ),
        };
        let shifted: Vec<_> = diagnostics.into_iter().map(|d| d.shifted(offset)).collect();
        render::to_stderr(&Source { name, text }, &shifted);
    }
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

/// The context from `--context`, or inferred from the statements' path prefixes; `None` when
/// no path names one (each input then runs in its signal's record context).
fn resolve_context(
    flag: Option<&str>,
    sources: &[StatementSource],
) -> Result<Option<ContextKind>, ExitCode> {
    if let Some(name) = flag {
        return ContextKind::from_name(name).map(Some).ok_or_else(|| {
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
    Ok(context::infer(
        statements.iter().flat_map(syntax::statement_paths),
    ))
}

/// Runs the statements over one document (or part); the result is the document to write.
fn eval_document(
    programs: &Programs<'_>,
    context: Option<ContextKind>,
    origin: &Origin<'_>,
    mut document: Document,
    trace: Option<TraceFormat>,
    messages: &mut Messages,
) -> Result<Document, ExitCode> {
    let name = origin.name;
    let (signal, signal_name) = signal(&document);
    let context = context.unwrap_or(signal.record_context());
    let program = programs.get(context)?;
    if !context.runs_on(signal) && !program.is_empty() {
        messages.error(format!(
            "error: {name}: {context} statements do not run on {signal_name}; \
             use --context with one of the {signal_name} contexts"
        ));
        return Err(ExitCode::BadInput);
    }
    let prefix = format!("{name}: ");
    let first = origin.first_resource;
    if let Err(failure) = run_reported(program, &mut document, first, &prefix, trace, messages) {
        messages.error(format!("error: {name}: {failure}"));
        return Err(ExitCode::RuntimeError);
    }
    Ok(document)
}

/// Reads and decodes one OTLP/JSON input: its display name, the document, and the length of
/// its text.
pub(crate) fn read_document(path: &Path) -> Result<(String, Document, usize), ExitCode> {
    let (name, text) = read_input(path)?;
    let document = json::decode(text.as_bytes()).map_err(|error| {
        eprintln!("error: {name}: {error}");
        ExitCode::BadInput
    })?;
    Ok((name, document, text.len()))
}
