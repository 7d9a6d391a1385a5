//! `ottl functions`: the functions statements can call, from the metadata the tests run.

use crate::ExitCode;
use ottl_core::context::ContextKind;
use ottl_core::diag::{closest, suggest};
use ottl_core::function::{FunctionKind, ParamKind, Registry, Signature};
use serde_json::json;
use std::fmt::Write as _;

/// Arguments of `ottl functions`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  ottl functions                     # every function: name, kind, what it does
  ottl functions Format              # signature, description and examples of one
  ottl functions --format json       # the same metadata as JSON, for tools
  ottl functions | grep -i hash

Parameter kinds: `string`, `int`, … take exactly that kind; `string-like`, … convert what they
get; `[any, …]` is a list literal of values; `string literal` must be written as a literal;
`path` is a path the function changes; `converter` is a converter's name (`SHA256`).
A `?` marks an optional parameter.")]
pub struct Args {
    /// Show this function in full (name as statements write it).
    #[arg(value_name = "NAME")]
    name: Option<String>,
    /// Output format: text or json.
    #[arg(long = "format", value_name = "FORMAT", default_value = "text")]
    format: Format,
}

/// How `ottl functions` prints.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Format {
    /// For people.
    Text,
    /// JSON, for tools.
    Json,
}

/// A function and where statements can call it.
struct Entry {
    signature: Signature,
    /// Empty for the standard library; otherwise the components and contexts that add it.
    availability: Vec<&'static str>,
}

/// Every function `ottl` knows: the standard library, then what the transform and filter
/// processors add in some contexts.
fn catalog() -> (Vec<Entry>, Registry) {
    let standard = ottl_functions::standard();
    let mut entries: Vec<Entry> = standard
        .signatures()
        .map(|signature| Entry {
            signature: signature.clone(),
            availability: Vec::new(),
        })
        .collect();
    let mut experimental = ottl_functions::standard();
    ottl_functions::experimental(&mut experimental);
    let extras = [
        (
            experimental,
            "experimental: `--feature-gates ottl.functions.enableLambda`",
        ),
        (
            ottl_functions::transform::registry(ContextKind::Metric),
            "transform processor, metric context",
        ),
        (
            ottl_functions::transform::registry(ContextKind::DataPoint),
            "transform processor, datapoint context",
        ),
        (
            ottl_functions::transform::registry(ContextKind::Span),
            "transform processor, span context",
        ),
        (
            ottl_functions::transform::registry(ContextKind::Log),
            "transform processor, log context",
        ),
        (
            ottl_functions::filter::registry(ContextKind::Span),
            "filter processor, span context",
        ),
        (
            ottl_functions::filter::registry(ContextKind::Metric),
            "filter processor, metric context",
        ),
    ];
    for (registry, availability) in extras {
        for signature in registry.signatures() {
            if standard.get(signature.name).is_some() {
                continue;
            }
            match entries
                .iter_mut()
                .find(|e| e.signature.name == signature.name)
            {
                Some(entry) => entry.availability.push(availability),
                None => entries.push(Entry {
                    signature: signature.clone(),
                    availability: vec![availability],
                }),
            }
        }
    }
    entries.sort_by(|a, b| a.signature.name.cmp(b.signature.name));
    (entries, standard)
}

/// Runs `ottl functions`.
pub fn run(args: Args) -> ExitCode {
    print(args.name, args.format)
}

/// Prints what `ottl functions [NAME]` prints as text (`:functions` of `ottl repl`).
pub(crate) fn print_text(name: Option<String>) -> ExitCode {
    print(name, Format::Text)
}

fn print(name: Option<String>, format: Format) -> ExitCode {
    let (entries, standard) = catalog();
    let Some(name) = name else {
        print!(
            "{}",
            match format {
                Format::Text => list(&entries),
                Format::Json => format!(
                    "{}\n",
                    json!(entries.iter().map(to_json).collect::<Vec<_>>())
                ),
            }
        );
        return ExitCode::Ok;
    };
    let found = entries
        .iter()
        .find(|e| e.signature.name == name)
        .or_else(|| {
            // `format` finds `Format` when only one function has that name in any case.
            let mut same = entries
                .iter()
                .filter(|e| e.signature.name.eq_ignore_ascii_case(&name));
            same.next().filter(|_| same.next().is_none())
        });
    match found {
        Some(entry) => {
            print!(
                "{}",
                match format {
                    Format::Text => describe(entry),
                    Format::Json => format!("{}\n", to_json(entry)),
                }
            );
            ExitCode::Ok
        }
        None => {
            eprintln!("error: there is no function `{name}`");
            if let Some(replacement) = standard.replacement(&name) {
                eprintln!("  = note: `{name}` was removed from OTTL; use {replacement} instead");
            } else if let Some(best) = suggest(&name, entries.iter().map(|e| e.signature.name)) {
                eprintln!("  = help: did you mean `{best}`?");
            } else {
                let near: Vec<String> = closest(&name, entries.iter().map(|e| e.signature.name), 3)
                    .iter()
                    .map(|name| format!("`{name}`"))
                    .collect();
                eprintln!(
                    "  = help: did you mean one of {}? `ottl functions` lists them all",
                    near.join(", ")
                );
            }
            ExitCode::Rejected
        }
    }
}

fn kind(signature: &Signature) -> &'static str {
    match signature.kind {
        FunctionKind::Editor => "editor",
        FunctionKind::Converter => "converter",
    }
}

/// One line per function: name, kind, summary (and where it is available, if not everywhere).
fn list(entries: &[Entry]) -> String {
    let width = entries
        .iter()
        .map(|e| e.signature.name.len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for entry in entries {
        let signature = &entry.signature;
        let _ = write!(
            out,
            "{:width$}  {:9}  {}",
            signature.name,
            kind(signature),
            signature.summary
        );
        if !entry.availability.is_empty() {
            let _ = write!(out, " ({})", entry.availability.join("; "));
        }
        out.push('\n');
    }
    out
}

/// The whole entry: typed signature, description, parameters, examples.
fn describe(entry: &Entry) -> String {
    let signature = &entry.signature;
    let mut out = format!(
        "{signature}\n\n  {} — {}\n",
        kind(signature),
        signature.summary
    );
    if !entry.availability.is_empty() {
        let _ = writeln!(out, "  only in: {}", entry.availability.join("; "));
    }
    if !signature.params.is_empty() {
        out.push_str("\nParameters:\n");
        let width = signature
            .params
            .iter()
            .map(|p| p.name.len())
            .max()
            .unwrap_or(0);
        for param in &signature.params {
            let optional = if param.optional { " (optional)" } else { "" };
            let _ = write!(out, "  {:width$}  {}{optional}", param.name, param.kind);
            // Kinds whose name alone does not say what to write.
            if matches!(
                param.kind,
                ParamKind::Target
                    | ParamKind::Like(_)
                    | ParamKind::Values(_)
                    | ParamKind::Function
                    | ParamKind::Lambda(_)
            ) {
                let _ = write!(out, " — {}", param.kind.describe());
            }
            out.push('\n');
        }
    }
    if !signature.examples.is_empty() {
        out.push_str("\nExamples:\n");
        for example in &signature.examples {
            match signature.kind {
                FunctionKind::Converter => {
                    let _ = writeln!(out, "  {}\n    ⇒ {}", example.source, example.input);
                }
                FunctionKind::Editor => {
                    let _ = writeln!(
                        out,
                        "  {}\n    attributes {}\n    ⇒ {}",
                        example.source, example.input, example.output
                    );
                }
            }
        }
    }
    out
}

fn to_json(entry: &Entry) -> serde_json::Value {
    let signature = &entry.signature;
    let params: Vec<_> = signature
        .params
        .iter()
        .map(|p| json!({"name": p.name, "kind": p.kind.to_string(), "optional": p.optional}))
        .collect();
    let examples: Vec<_> = signature
        .examples
        .iter()
        .map(|example| match signature.kind {
            FunctionKind::Converter => json!({"source": example.source, "result": example.input}),
            FunctionKind::Editor => json!({
                "statement": example.source,
                "before": example.input,
                "after": example.output,
            }),
        })
        .collect();
    json!({
        "name": signature.name,
        "kind": kind(signature),
        "signature": signature.to_string(),
        "summary": signature.summary,
        "params": params,
        "returns": signature.returns.map(|kind| kind.to_string()),
        "examples": examples,
        "availability": if entry.availability.is_empty() {
            vec!["standard"]
        } else {
            entry.availability.clone()
        },
    })
}
