//! The `:commands` of `ottl repl`, the same in piped and interactive sessions.

use super::load;
use super::session::{Flow, Session};
use ottl_core::context::ContextKind;
use ottl_core::model::json::{self, Document, EncodeOptions};
use ottl_core::run::{ErrorMode, Program, Run};
use serde_json::{Value as Json, json};
use std::path::Path;

/// Every command: name, what it takes, what it does. `:help` prints them and the line
/// editor completes their names.
pub(super) const COMMANDS: &[(&str, &str, &str)] = &[
    ("help", "", "this text"),
    (
        "context",
        "[CTX]",
        "where you are; with CTX, switch to it (resource, scope, log, span, spanevent, metric, datapoint)",
    ),
    ("next", "", "move to the next record"),
    ("prev", "", "move to the previous record"),
    ("goto", "N", "move to record N (from 1)"),
    ("show", "", "the current record as OTLP/JSON"),
    (
        "all",
        "[LINE]",
        "run statements on every record of the context, or back on the current one; with LINE, run LINE on every record once",
    ),
    (
        "load",
        "FILE",
        "replace the records with an OTLP/JSON file's",
    ),
    (
        "undo",
        "",
        "restore the records to before the last statement",
    ),
    ("history", "", "the statements run so far"),
    (
        "save",
        "FILE",
        "write the statements of this context as an .ottl file (`ottl check FILE` reads it)",
    ),
    (
        "case",
        "FILE",
        "write a conformance case: the current record as loaded, this context's statements, and their result",
    ),
    (
        "functions",
        "[NAME]",
        "list the functions, or show one in full",
    ),
    ("explain", "CODE", "explain a diagnostic code (E0101)"),
    ("quit", "", "leave (Ctrl-D does too)"),
];

/// Runs `:command` (given without its colon).
pub(super) fn run(session: &mut Session, command: &str) -> Flow {
    let (name, argument) = command.split_once(' ').unwrap_or((command, ""));
    let argument = argument.trim();
    match name {
        "help" | "h" | "?" => help(),
        "context" if argument.is_empty() => session.where_am_i(),
        "context" => {
            if let Some(context) = parse_context(argument) {
                session.context = context;
                session.current = 0;
                session.where_am_i();
            }
        }
        "next" | "n" => session.go(session.current.saturating_add(1)),
        "prev" | "p" => match session.current.checked_sub(1) {
            Some(index) => session.go(index),
            None => eprintln!("error: this is the first {} record", session.context),
        },
        "goto" => match argument.parse::<usize>() {
            Ok(n) if n >= 1 => session.go(n - 1),
            _ => eprintln!("error: :goto takes a record number from 1"),
        },
        "show" => show(session),
        "all" if argument.is_empty() => {
            session.all = !session.all;
            if session.all {
                println!("statements now run on every {} record", session.context);
            } else {
                println!("statements now run on the current record");
            }
        }
        "all" => session.evaluate(argument, true),
        "load" if argument.is_empty() => eprintln!("error: :load takes an OTLP/JSON file"),
        "load" => {
            if let Some(records) = load(&[Path::new(argument).to_path_buf()]) {
                session.replace(records);
            }
        }
        "undo" | "u" => session.undo(),
        "history" => history(session),
        "save" if argument.is_empty() => eprintln!("error: :save takes a file name"),
        "save" => save(session, argument),
        "case" if argument.is_empty() => eprintln!("error: :case takes a file name"),
        "case" => case(session, argument),
        "functions" => {
            let name = (!argument.is_empty()).then(|| argument.to_owned());
            crate::functions::print_text(name);
        }
        "explain" if argument.is_empty() => eprintln!("error: :explain takes a code (E0101)"),
        "explain" => {
            crate::explain::explain(argument);
        }
        "quit" | "q" | "exit" => return Flow::Quit,
        _ => eprintln!("error: unknown command `:{name}`; :help lists them"),
    }
    Flow::Continue
}

/// The context named `name`, or an error naming the known ones.
pub(super) fn parse_context(name: &str) -> Option<ContextKind> {
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

/// What `:help` prints.
pub(super) fn help_text() -> String {
    let mut out = String::from(
        "A line is a statement (checked, run on the current record, showing what it changed and \
         whether its `where` held), a condition or an expression (its value on the current \
         record), or a command:\n",
    );
    let width = COMMANDS
        .iter()
        .map(|(name, takes, _)| name.len() + takes.len())
        .max()
        .unwrap_or(0)
        + 2;
    for (name, takes, what) in COMMANDS {
        let call = if takes.is_empty() {
            format!(":{name}")
        } else {
            format!(":{name} {takes}")
        };
        out.push_str(&format!("  {call:width$}  {what}\n"));
    }
    out
}

fn help() {
    print!("{}", help_text());
}

/// Prints the input holding the current record as OTLP/JSON, cut down to the record.
fn show(session: &Session) {
    let Some(document) = session
        .position()
        .and_then(|position| session.records.focused(session.context, position))
    else {
        println!("{}: no records", session.context);
        return;
    };
    match encode(&document, true) {
        Ok(text) => println!("{text}"),
        Err(error) => eprintln!("error: {error}"),
    }
}

fn encode(document: &Document, pretty: bool) -> Result<String, String> {
    let mut out = Vec::new();
    json::encode_into(document, &mut out, EncodeOptions { pretty })
        .map_err(|error| error.to_string())?;
    String::from_utf8(out).map_err(|error| error.to_string())
}

fn history(session: &Session) {
    if session.log.is_empty() {
        println!("no statements yet");
    }
    for (n, logged) in session.log.iter().enumerate() {
        println!("{:3} [{}] {}", n + 1, logged.context, logged.source);
    }
}

/// The statements run in the current context, and how many ran in others.
fn statements(session: &Session) -> (Vec<&str>, usize) {
    let mine: Vec<&str> = session
        .log
        .iter()
        .filter(|logged| logged.context == session.context)
        .map(|logged| logged.source.as_str())
        .collect();
    let others = session.log.len() - mine.len();
    (mine, others)
}

/// Writes the statements of the current context as a `.ottl` file.
fn save(session: &Session, file: &str) {
    let (statements, others) = statements(session);
    if statements.is_empty() {
        eprintln!("error: no {} statements to save", session.context);
        return;
    }
    let mut text = format!("# context: {}\n", session.context);
    for statement in &statements {
        text.push_str(statement);
        text.push('\n');
    }
    if let Err(error) = std::fs::write(file, text) {
        eprintln!("error: cannot write {file}: {error}");
        return;
    }
    println!("saved {} statements to {file}", statements.len());
    if others > 0 {
        println!("  ({others} of other contexts left out: `:context CTX` and `:save` again)");
    }
}

/// Writes a conformance case: the current record as loaded, the statements of the context,
/// and what running them (under `propagate`) gives.
fn case(session: &Session, file: &str) {
    let (statements, _) = statements(session);
    if statements.is_empty() {
        eprintln!("error: no {} statements for a case", session.context);
        return;
    }
    let Some(input) = session
        .loaded
        .positions(session.context)
        .get(session.current)
        .and_then(|position| session.loaded.focused(session.context, *position))
    else {
        eprintln!("error: no {} record to take as input", session.context);
        return;
    };
    let registry = session.registry();
    let program = match Program::compile(
        &statements,
        &[],
        session.context,
        ErrorMode::Propagate,
        &registry,
    ) {
        Ok(program) => program,
        Err(_) => {
            eprintln!("error: the statements no longer compile together");
            return;
        }
    };
    let mut output = input.clone();
    let expect = match program.run_with(&mut output, Run::reporting(&mut |_| {})) {
        Ok(()) => document_json(&output).map(|output| json!({ "output": output })),
        Err(_) => Ok(json!({ "error": "runtime" })),
    };
    let (Ok(input), Ok(expect)) = (document_json(&input), expect) else {
        eprintln!("error: the record cannot be written as OTLP/JSON");
        return;
    };
    let mut fields = vec![
        (
            "description",
            Json::from(format!("written in `ottl repl` from {}", describe(session))),
        ),
        (
            "source",
            Json::from(
                "ottl repl: expectation recorded by ottl-rs; re-record it with new_case.py \
                 against the reference engine",
            ),
        ),
        ("context", Json::from(session.context.name())),
        ("error_mode", Json::from("propagate")),
        ("statements", Json::from(statements.clone())),
        ("input", input),
        ("expect", expect),
    ];
    if session.gates != crate::gates::FeatureGates::default() {
        fields.insert(4, ("experimental", Json::Bool(true)));
    }
    let text = ordered_object(&fields);
    match std::fs::write(file, text) {
        Ok(()) => println!(
            "wrote a {} case with {} statements to {file}",
            session.context,
            statements.len()
        ),
        Err(error) => eprintln!("error: cannot write {file}: {error}"),
    }
}

/// A JSON object with its fields in the order given, as the conformance cases are written
/// (`serde_json` maps sort their keys).
fn ordered_object(fields: &[(&str, Json)]) -> String {
    let mut out = String::from("{\n");
    for (n, (key, value)) in fields.iter().enumerate() {
        let value = serde_json::to_string_pretty(value)
            .unwrap_or_default()
            .replace('\n', "\n  ");
        let comma = if n + 1 < fields.len() { "," } else { "" };
        out.push_str(&format!("  {}: {value}{comma}\n", Json::from(*key)));
    }
    out.push_str("}\n");
    out
}

fn describe(session: &Session) -> String {
    session.position().map_or_else(String::new, |position| {
        session.records.describe(session.context, position)
    })
}

fn document_json(document: &Document) -> Result<Json, String> {
    let text = encode(document, false)?;
    serde_json::from_str(&text).map_err(|error| error.to_string())
}
