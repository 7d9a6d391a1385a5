//! `ottl repl`: write statements against real records and see what each one does.
//!
//! On a terminal the session is interactive (`editor`: rustyline, completion, history);
//! otherwise statements, conditions, expressions and `:commands` are read from standard
//! input line by line and the results printed, so sessions can be scripted and tested. Both
//! go through the same `session::Session` (what a line does) and `commands` (`:help`,
//! `:undo`, `:save`, …), over the `records::Records` loaded.

mod commands;
mod complete;
mod editor;
mod records;
mod session;

use crate::ExitCode;
use crate::eval::read_document;
use crate::gates::FeatureGates;
use crate::runner::signal;
use commands::parse_context;
use ottl_core::context::ContextKind;
use ottl_core::model::json;
use records::Records;
use session::{Flow, Session};
use std::io::{BufRead as _, IsTerminal as _};
use std::path::PathBuf;

pub use editor::Keys;

/// Arguments of `ottl repl`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
A line is a statement, a condition or an expression, or a :command.
  statement   checked (diagnostics under the input), run on the current record, then what it
              changed, before -> after, and whether its `where` held ([ran], [where false])
  condition   its value on the current record:   attributes[\"http.method\"] == \"GET\"
  expression  its value on the current record:   Len(body)

Commands (piped or interactive):
  :help  :context [CTX]  :next  :prev  :goto N  :show  :all [LINE]  :load FILE  :undo
  :history  :save FILE  :case FILE  :functions [NAME]  :explain CODE  :quit

An example session (Tab completes functions, paths, attribute keys and enum names; → accepts
a hint; Enter inside an open bracket or string goes on to the next line):
  $ ottl repl logs.json
  log 1/2> set(attributes[\"env\"], \"prod\") where severity_number >= SEVERITY_NUMBER_WARN
  logs.json: resourceLogs[0].scopeLogs[0].logRecords[0]
    1 set(attributes[\"env\"], \"prod\") where severity_number >= SEVERITY_NUMBER_WARN  [ran]
        attributes[\"env\"]: (absent) -> \"prod\"
  log 1/2> set(body, Concat([severity_text,
  body], \": \"))
  logs.json: resourceLogs[0].scopeLogs[0].logRecords[0]
    1 set(body, Concat([severity_text, body], \": \"))  [ran]
        body: \"disk full\" -> \"FATAL4: disk full\"
  log 1/2> :undo
  undid set(body, Concat([severity_text, body], \": \"))
  log 1/2> :next
  log 2/2: logs.json: resourceLogs[0].scopeLogs[0].logRecords[1]
  log 2/2> Len(attributes)
  0
  log 2/2> :save enrich.ottl        # then: ottl check enrich.ottl, ottl eval -f enrich.ottl
  saved 1 statements to enrich.ottl

Scripted:
  printf 'set(attributes[\"a\"], \"b\")\\n:show\\n' | ottl repl logs.json
  printf 'attributes[\"http.method\"] == \"GET\"\\n:next\\nLen(body)\\n' | ottl repl logs.json

Without INPUT, bundled samples of logs, traces and metrics are loaded. The history is kept in
$OTTL_REPL_HISTORY, else $XDG_STATE_HOME/ottl/repl_history (~/.local/state/ottl/repl_history).")]
pub struct Args {
    /// The context to start in; by default the record context of the first input's signal.
    #[arg(short = 'c', long = "context", value_name = "CTX")]
    context: Option<String>,
    /// Feature gates to turn on (`id`) or off (`--feature-gates=-id`), as `ottl eval` takes
    /// them: `ottl.functions.enableLambda` adds the lambda converters.
    #[arg(long = "feature-gates", value_name = "IDS")]
    feature_gates: Vec<String>,
    /// The keys that edit the line on a terminal.
    #[arg(long = "keys", value_name = "KEYS", default_value = "emacs")]
    keys: Keys,
    /// OTLP/JSON files to load; bundled samples of each signal when none is given.
    #[arg(value_name = "INPUT")]
    inputs: Vec<PathBuf>,
}

/// The records a session starts with when no input is given: one sample per signal.
const SAMPLES: [(&str, &str); 3] = [
    (
        "<sample logs>",
        include_str!("../../../testdata/otlp/proto-example-logs.json"),
    ),
    (
        "<sample traces>",
        include_str!("../../../testdata/otlp/proto-example-trace.json"),
    ),
    (
        "<sample metrics>",
        include_str!("../../../testdata/otlp/proto-example-metrics.json"),
    ),
];

/// Runs `ottl repl`.
pub fn run(args: Args) -> ExitCode {
    let gates = match FeatureGates::parse(args.feature_gates.iter().map(String::as_str)) {
        Ok(gates) => gates,
        Err(message) => {
            eprintln!("error: --feature-gates: {message}");
            return ExitCode::BadInput;
        }
    };
    if args.inputs.iter().any(|path| path.as_os_str() == "-") {
        eprintln!(
            "error: `ottl repl` reads statements and commands from standard input; \
             give the records as a file"
        );
        return ExitCode::BadInput;
    }
    let records = if args.inputs.is_empty() {
        match samples() {
            Some(records) => records,
            None => return ExitCode::BadInput,
        }
    } else {
        match load(&args.inputs) {
            Some(records) => records,
            None => return ExitCode::BadInput,
        }
    };
    let context = match args.context.as_deref() {
        Some(name) => match parse_context(name) {
            Some(context) => context,
            None => return ExitCode::BadInput,
        },
        None => records
            .documents
            .first()
            .map_or(ContextKind::Log, |(_, d)| signal(d).0.record_context()),
    };
    let mut session = Session::new(records, context, gates);
    // Colour as the diagnostics have it: on a terminal, unless NO_COLOR is set.
    session.colour = std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        return editor::interactive(session, args.keys);
    }
    piped(session)
}

/// Reads lines from standard input: blank lines and `#` comments are skipped, and OTTL with a
/// bracket or string still open goes on to the next line (until a blank line or a command).
fn piped(mut session: Session) -> ExitCode {
    let mut pending = String::new();
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        let line = line.trim();
        if !pending.is_empty() && (line.is_empty() || line.starts_with(':')) {
            session.handle(&std::mem::take(&mut pending));
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if !pending.is_empty() {
            pending.push('\n');
        }
        pending.push_str(line);
        if editor::is_open(&pending) {
            continue;
        }
        if session.handle(&std::mem::take(&mut pending)) == Flow::Quit {
            return ExitCode::Ok;
        }
    }
    if !pending.is_empty() {
        session.handle(&pending);
    }
    ExitCode::Ok
}

/// Reads OTLP/JSON files; on failure says why on stderr.
fn load(paths: &[PathBuf]) -> Option<Records> {
    let mut records = Records::default();
    for path in paths {
        let (name, document, _) = read_document(path).ok()?;
        records.documents.push((name, document));
    }
    Some(records)
}

/// The bundled samples.
fn samples() -> Option<Records> {
    let mut records = Records::default();
    for (name, text) in SAMPLES {
        match json::decode(text.as_bytes()) {
            Ok(document) => records.documents.push((name.to_owned(), document)),
            Err(error) => {
                eprintln!("error: the bundled {name}: {error}");
                return None;
            }
        }
    }
    Some(records)
}
