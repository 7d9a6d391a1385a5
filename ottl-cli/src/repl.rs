//! `ottl repl`: write statements against real records and see what each one does.
//!
//! This is the piped mode: statements, conditions, expressions and `:commands` are read from
//! standard input line by line and the results are printed, so sessions can be scripted and
//! tested. A statement is checked (diagnostics on stderr), then run on the current record,
//! showing whether its `where` held and what it changed; a condition prints its value; an
//! expression (`Len(body)`) prints its value.

use crate::ExitCode;
use crate::eval::read_document;
use crate::gates::FeatureGates;
use crate::render::{self, Source};
use crate::runner::signal;
use crate::trace::{self, TraceFormat, Tracer};
use ottl_core::compile::{compile_condition, compile_value};
use ottl_core::context::{ContextKind, TransformContext};
use ottl_core::model::json::{self, Document, EncodeOptions};
use ottl_core::model::{Map, MetricData};
use ottl_core::run::{ErrorMode, Program};
use ottl_core::syntax;
use std::io::{BufRead as _, IsTerminal as _};
use std::path::PathBuf;

/// Arguments of `ottl repl`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  printf 'set(attributes[\"a\"], \"b\")\\n:show\\n' | ottl repl logs.json
  printf 'attributes[\"http.method\"] == \"GET\"\\n:next\\nLen(body)\\n' | ottl repl logs.json

Commands: :help, :next, :prev, :goto N, :show, :context CTX.")]
pub struct Args {
    /// The context to start in; by default the record context of the first input's signal.
    #[arg(short = 'c', long = "context", value_name = "CTX")]
    context: Option<String>,
    /// Feature gates to turn on (`id`) or off (`--feature-gates=-id`), as `ottl eval` takes
    /// them: `ottl.functions.enableLambda` adds the lambda converters.
    #[arg(long = "feature-gates", value_name = "IDS")]
    feature_gates: Vec<String>,
    /// OTLP/JSON files to load; a bundled sample of logs when none is given.
    #[arg(value_name = "INPUT")]
    inputs: Vec<PathBuf>,
}

/// The records a session starts with when no input is given.
const SAMPLE_LOGS: &str = include_str!("../../testdata/otlp/proto-example-logs.json");

const HELP: &str = "\
A line is a statement (run on the current record, showing what it changed), a condition or an
expression (its value on the current record), or a command:
  :help          this text
  :next, :prev   move to the next or previous record
  :goto N        move to record N (from 1)
  :show          the current record as OTLP/JSON
  :context CTX   switch to CTX (resource, scope, log, span, spanevent, metric, datapoint)";

/// Runs `ottl repl`.
pub fn run(args: Args) -> ExitCode {
    if std::io::stdin().is_terminal() {
        eprintln!(
            "error: the interactive `ottl repl` is not built yet; pipe lines into it \
             (printf 'set(attributes[\"a\"], \"b\")\\n:show\\n' | ottl repl FILE)"
        );
        return ExitCode::BadInput;
    }
    let gates = match FeatureGates::parse(args.feature_gates.iter().map(String::as_str)) {
        Ok(gates) => gates,
        Err(message) => {
            eprintln!("error: --feature-gates: {message}");
            return ExitCode::BadInput;
        }
    };
    let mut documents = Vec::new();
    for path in &args.inputs {
        match read_document(path) {
            Ok((name, document, _)) => documents.push((name, document)),
            Err(code) => return code,
        }
    }
    if documents.is_empty() {
        match json::decode(SAMPLE_LOGS.as_bytes()) {
            Ok(document) => documents.push(("<sample logs>".to_owned(), document)),
            Err(error) => {
                eprintln!("error: the bundled sample: {error}");
                return ExitCode::BadInput;
            }
        }
    }
    let context = match args.context.as_deref() {
        Some(name) => match parse_context(name) {
            Some(context) => context,
            None => return ExitCode::BadInput,
        },
        None => documents
            .first()
            .map_or(ContextKind::Log, |(_, d)| signal(d).0.record_context()),
    };
    let mut session = Session {
        documents,
        context,
        current: 0,
        gates,
    };
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        session.handle(line);
    }
    ExitCode::Ok
}

fn parse_context(name: &str) -> Option<ContextKind> {
    let found = ContextKind::from_name(name);
    if found.is_none() {
        let known: Vec<&str> = ContextKind::ALL.iter().map(|c| c.name()).collect();
        eprintln!(
            "error: unknown context `{name}`; expected one of: {}",
            known.join(", ")
        );
    }
    found
}

/// Where a record is: its input and its indices at each level (resource, scope, item, and
/// the event or point of the item); the levels below the context's are 0.
#[derive(Debug, Clone, Copy)]
struct Position {
    document: usize,
    indices: [usize; 4],
}

struct Session {
    documents: Vec<(String, Document)>,
    context: ContextKind,
    current: usize,
    /// Which gated functions statements may call.
    gates: FeatureGates,
}

impl Session {
    fn handle(&mut self, line: &str) {
        if let Some(command) = line.strip_prefix(':') {
            self.command(command.trim());
            return;
        }
        let mut registry = ottl_functions::transform::registry(self.context);
        self.gates.apply(&mut registry);
        if syntax::parse_statement(line).is_ok() {
            match Program::compile(&[line], &[], self.context, ErrorMode::Ignore, &registry) {
                Ok(program) => self.run(&program),
                Err(failures) => {
                    for (_, diagnostics) in failures {
                        let diagnostics: Vec<_> = diagnostics.into_iter().collect();
                        render::to_stderr(
                            &Source {
                                name: "<input>",
                                text: line,
                            },
                            &diagnostics,
                        );
                    }
                }
            }
            return;
        }
        if let Ok((getter, _)) = compile_value(line, self.context, &registry) {
            self.with_current(|ctx| match getter(ctx) {
                Ok(value) => println!("{}", trace::to_json(&value)),
                Err(error) => println!("error: {error}"),
            });
            return;
        }
        match compile_condition(line, self.context, &registry) {
            Ok((condition, _)) => self.with_current(|ctx| match condition(ctx) {
                Ok(holds) => println!("{holds}"),
                Err(error) => println!("error: {error}"),
            }),
            Err(diagnostics) => {
                let diagnostics: Vec<_> = diagnostics.into_iter().collect();
                render::to_stderr(
                    &Source {
                        name: "<input>",
                        text: line,
                    },
                    &diagnostics,
                );
            }
        }
    }

    fn command(&mut self, command: &str) {
        let (name, argument) = command.split_once(' ').unwrap_or((command, ""));
        let count = self.positions().len();
        match (name, argument.trim()) {
            ("help", _) => println!("{HELP}"),
            ("next", _) => self.go(self.current.saturating_add(1), count),
            ("prev", _) => self.go(self.current.saturating_sub(1), count),
            ("goto", n) => match n.parse::<usize>() {
                Ok(n) if n >= 1 => self.go(n - 1, count),
                _ => eprintln!("error: :goto takes a record number from 1"),
            },
            ("show", _) => self.show(),
            ("context", name) => {
                if let Some(context) = parse_context(name) {
                    self.context = context;
                    self.current = 0;
                    self.where_am_i();
                }
            }
            _ => eprintln!("error: unknown command `:{name}`; :help lists them"),
        }
    }

    fn go(&mut self, index: usize, count: usize) {
        if index >= count {
            eprintln!("error: there are {count} {} records", self.context);
            return;
        }
        self.current = index;
        self.where_am_i();
    }

    /// Prints the context, the current record's number and its position.
    fn where_am_i(&mut self) {
        let positions = self.positions();
        match positions.get(self.current) {
            Some(position) => println!(
                "{} {}/{}: {}",
                self.context,
                self.current + 1,
                positions.len(),
                self.describe(*position)
            ),
            None => println!("{}: no records", self.context),
        }
    }

    /// Runs `program` on the current record, printing its trace.
    fn run(&mut self, program: &Program) {
        let mut tracer = Tracer::new(program, TraceFormat::Human, "").on_stdout();
        let at = self
            .positions()
            .get(self.current)
            .map(|p| self.describe(*p));
        let at = at.unwrap_or_default();
        self.with_current(|ctx| {
            let mut report = |_| {};
            let _ = program.run_record_observed(ctx, &|| at.clone(), &mut report, &mut tracer);
        });
    }

    /// Prints the input holding the current record as OTLP/JSON, cut down to the record.
    fn show(&mut self) {
        let Some(position) = self.positions().get(self.current).copied() else {
            println!("{}: no records", self.context);
            return;
        };
        let Some((_, document)) = self.documents.get(position.document) else {
            return;
        };
        let mut document = document.clone();
        focus(&mut document, self.context, position.indices);
        let mut out = Vec::new();
        match json::encode_into(&document, &mut out, EncodeOptions { pretty: true }) {
            Ok(()) => println!("{}", String::from_utf8_lossy(&out)),
            Err(error) => eprintln!("error: {error}"),
        }
    }

    /// The position of the record as a JSON path into its input.
    fn describe(&self, position: Position) -> String {
        let Some((name, document)) = self.documents.get(position.document) else {
            return String::new();
        };
        let [r, s, i, j] = position.indices;
        let (resources, scopes, items, below) = match document {
            Document::Logs(_) => ("resourceLogs", "scopeLogs", "logRecords", ""),
            Document::Traces(_) => ("resourceSpans", "scopeSpans", "spans", "events"),
            Document::Metrics(_) => ("resourceMetrics", "scopeMetrics", "metrics", "dataPoints"),
        };
        let mut at = format!("{name}: {resources}[{r}]");
        let depth = depth(self.context);
        if depth >= 1 {
            at.push_str(&format!(".{scopes}[{s}]"));
        }
        if depth >= 2 {
            at.push_str(&format!(".{items}[{i}]"));
        }
        if depth >= 3 {
            at.push_str(&format!(".{below}[{j}]"));
        }
        at
    }

    /// The records of the context in every input, in document order.
    fn positions(&self) -> Vec<Position> {
        let mut found = Vec::new();
        let depth = depth(self.context);
        for (d, (_, document)) in self.documents.iter().enumerate() {
            if !self.context.runs_on(signal(document).0) {
                continue;
            }
            let mut push = |indices| {
                found.push(Position {
                    document: d,
                    indices,
                })
            };
            // Each resource's scopes, each scope's items, each item's events or points.
            let shape = shape(document);
            for (r, scopes) in shape.iter().enumerate() {
                if depth == 0 {
                    push([r, 0, 0, 0]);
                    continue;
                }
                for (s, items) in scopes.iter().enumerate() {
                    if depth == 1 {
                        push([r, s, 0, 0]);
                        continue;
                    }
                    for (i, below) in items.iter().enumerate() {
                        if depth == 2 {
                            push([r, s, i, 0]);
                            continue;
                        }
                        for j in 0..*below {
                            push([r, s, i, j]);
                        }
                    }
                }
            }
        }
        found
    }

    /// Calls `f` with a context over the current record (with an empty cache).
    fn with_current(&mut self, f: impl FnOnce(&mut TransformContext<'_>)) {
        let Some(position) = self.positions().get(self.current).copied() else {
            println!("{}: no records", self.context);
            return;
        };
        let context = self.context;
        let Some((_, document)) = self.documents.get_mut(position.document) else {
            return;
        };
        let [r, s, i, j] = position.indices;
        let mut cache = Map::new();
        macro_rules! narrow {
            ($resources:expr, $scopes:ident, $items:ident, $item:ident) => {{
                let Some(entry) = $resources.get_mut(r) else {
                    return;
                };
                if context == ContextKind::Resource {
                    f(&mut TransformContext::resource(
                        &mut entry.resource,
                        &mut entry.schema_url,
                        &mut cache,
                    ));
                    return;
                }
                let Some(scope) = entry.$scopes.get_mut(s) else {
                    return;
                };
                let ctx = TransformContext::scope(
                    &mut entry.resource,
                    &mut entry.schema_url,
                    &mut scope.scope,
                    &mut scope.schema_url,
                    &mut cache,
                );
                if context == ContextKind::Scope {
                    f(&mut { ctx });
                    return;
                }
                let Some($item) = scope.$items.get_mut(i) else {
                    return;
                };
                (ctx, $item)
            }};
        }
        match document {
            Document::Logs(logs) => {
                let (ctx, log) = narrow!(logs.resource_logs, scope_logs, log_records, log);
                f(&mut ctx.log(log));
            }
            Document::Traces(traces) => {
                let (ctx, span) = narrow!(traces.resource_spans, scope_spans, spans, span);
                if context == ContextKind::SpanEvent {
                    f(&mut ctx.span_event(span, j));
                } else {
                    f(&mut ctx.span(span));
                }
            }
            Document::Metrics(metrics) => {
                let (ctx, metric) =
                    narrow!(metrics.resource_metrics, scope_metrics, metrics, metric);
                if context == ContextKind::DataPoint {
                    f(&mut ctx.data_point(metric, j));
                } else {
                    f(&mut ctx.metric(metric));
                }
            }
        }
    }
}

/// How deep a context's records are: 0 resources, 1 scopes, 2 items, 3 events or points.
fn depth(context: ContextKind) -> usize {
    match context {
        ContextKind::Resource => 0,
        ContextKind::Scope => 1,
        ContextKind::Log | ContextKind::Span | ContextKind::Metric => 2,
        ContextKind::SpanEvent | ContextKind::DataPoint => 3,
    }
}

/// For each resource, for each scope, for each item: how many events or points it has.
fn shape(document: &Document) -> Vec<Vec<Vec<usize>>> {
    match document {
        Document::Logs(logs) => logs
            .resource_logs
            .iter()
            .map(|r| {
                r.scope_logs
                    .iter()
                    .map(|s| vec![0; s.log_records.len()])
                    .collect()
            })
            .collect(),
        Document::Traces(traces) => traces
            .resource_spans
            .iter()
            .map(|r| {
                r.scope_spans
                    .iter()
                    .map(|s| s.spans.iter().map(|span| span.events.len()).collect())
                    .collect()
            })
            .collect(),
        Document::Metrics(metrics) => metrics
            .resource_metrics
            .iter()
            .map(|r| {
                r.scope_metrics
                    .iter()
                    .map(|s| s.metrics.iter().map(|m| point_count(&m.data)).collect())
                    .collect()
            })
            .collect(),
    }
}

fn point_count(data: &MetricData) -> usize {
    match data {
        MetricData::Empty => 0,
        MetricData::Gauge(gauge) => gauge.data_points.len(),
        MetricData::Sum(sum) => sum.data_points.len(),
        MetricData::Histogram(h) => h.data_points.len(),
        MetricData::ExponentialHistogram(h) => h.data_points.len(),
        MetricData::Summary(summary) => summary.data_points.len(),
    }
}

/// Cuts `document` down to the record at `indices` (and its parents): other resources, scopes
/// and items go; a span's events and a metric's points stay whole.
fn focus(document: &mut Document, context: ContextKind, indices: [usize; 4]) {
    fn keep<T>(items: &mut Vec<T>, index: usize) {
        let kept = (index < items.len()).then(|| items.swap_remove(index));
        items.clear();
        items.extend(kept);
    }
    let [r, s, i, _] = indices;
    let depth = depth(context);
    macro_rules! cut {
        ($resources:expr, $scopes:ident, $items:ident) => {{
            keep(&mut $resources, r);
            for entry in &mut $resources {
                if depth >= 1 {
                    keep(&mut entry.$scopes, s);
                }
                for scope in &mut entry.$scopes {
                    if depth >= 2 {
                        keep(&mut scope.$items, i);
                    }
                }
            }
        }};
    }
    match document {
        Document::Logs(logs) => cut!(logs.resource_logs, scope_logs, log_records),
        Document::Traces(traces) => cut!(traces.resource_spans, scope_spans, spans),
        Document::Metrics(metrics) => cut!(metrics.resource_metrics, scope_metrics, metrics),
    }
}
