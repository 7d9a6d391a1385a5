//! `ottl check`: every OTTL statement, condition and value expression of collector
//! configurations, `.ottl` files and `-e`, checked in the context(s) its component gives it,
//! with that component's functions, before anything runs.
//!
//! `locate` finds the configuration in the YAML (plain, fragments, Helm values, Kubernetes
//! resources, strings holding YAML), `components` reads each component that takes OTTL into
//! units, `verify` compiles them, `report` writes what was found.

mod components;
mod locate;
mod model;
pub mod report;
mod source;
mod tree;
mod verify;

pub(crate) use locate::embedded_configs;
pub use model::{Finding, Level};

use crate::gates::FeatureGates;
use crate::statements::{self, Line};
use crate::{ExitCode, read_input};
use components::Found;
use model::{Component, ContextChoice, Unit};
use ottl_core::context::ContextKind;
use ottl_core::diag::Code;
use ottl_core::span::Span;
use report::{Checked, Format, Summary};
use source::{Item, Layer};
use std::path::PathBuf;

/// Arguments of `ottl check`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  ottl check collector.yaml                     # every transform, filter, routing, ... component
  ottl check values.yaml manifests.yaml         # Helm values, OpenTelemetryCollector, ConfigMaps
  ottl check statements.ottl                    # one per line; `# context: span` header
  ottl check -c span -e 'set(name, \"x\")'
  ottl check --format json config.yaml          # JSON Lines, then a summary object
  ottl check --format github --deny warnings config.yaml

Exit codes: 0 nothing wrong; 1 an error (or a warning with --deny warnings); 2 a file cannot be
read.")]
pub struct Args {
    /// Collector configurations (YAML: plain, fragments, Helm values, Kubernetes manifests) or
    /// `.ottl` statement files.
    #[arg(value_name = "FILES")]
    files: Vec<PathBuf>,
    /// A statement or condition to check (repeatable).
    #[arg(short = 'e', long = "statement", value_name = "STMT")]
    statements: Vec<String>,
    /// The context of `-e` statements and of `.ottl` files without a `# context:` header;
    /// inferred from path prefixes when omitted.
    #[arg(short = 'c', long = "context", value_name = "CTX")]
    context: Option<String>,
    /// How to write what is found.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Treat warnings as errors (`--deny warnings`).
    #[arg(long, value_enum, value_name = "WHAT")]
    deny: Vec<Deny>,
    /// Feature gates to turn on (`id`) or off (`--feature-gates=-id`), as `ottl eval --feature-gates`:
    /// `ottl.functions.enableLambda` checks statements with the lambda converters.
    #[arg(long = "feature-gates", value_name = "IDS")]
    feature_gates: Vec<String>,
}

/// What `--deny` turns into errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Deny {
    /// Warnings fail the check.
    Warnings,
}

/// Runs `ottl check`.
pub fn run(args: Args) -> ExitCode {
    let context = match args.context.as_deref().map(parse_context).transpose() {
        Ok(context) => context,
        Err(code) => return code,
    };
    let gates = match FeatureGates::parse(args.feature_gates.iter().map(String::as_str)) {
        Ok(gates) => gates,
        Err(message) => {
            eprintln!("error: --feature-gates: {message}");
            return ExitCode::BadInput;
        }
    };
    if args.files.is_empty() && args.statements.is_empty() {
        eprintln!("error: nothing to check: give collector configurations, `.ottl` files or -e");
        return ExitCode::BadInput;
    }
    let mut summary = Summary::default();
    let mut unreadable = false;
    let mut checked = Vec::new();
    for (index, statement) in args.statements.iter().enumerate() {
        let name = format!("<statement {}>", index + 1);
        checked.push(check_statements(
            name,
            statement.clone(),
            context,
            gates,
            &mut summary,
        ));
    }
    for path in &args.files {
        let Ok((name, text)) = read_input(path) else {
            unreadable = true;
            continue;
        };
        let is_ottl = path.extension().is_some_and(|e| e == "ottl");
        checked.push(if is_ottl {
            check_ottl_file(name, text, context, gates, &mut summary)
        } else {
            check_yaml(name, text, gates, &mut summary)
        });
    }
    let mut out = String::new();
    for file in &checked {
        summary.files += 1;
        summary.errors += count(file, Level::Error);
        summary.warnings += count(file, Level::Warning);
        match args.format {
            Format::Human => report::human_to_stderr(file),
            Format::Json => out.push_str(&report::json(file)),
            Format::Github => out.push_str(&report::github(file)),
        }
    }
    match args.format {
        Format::Human => eprintln!(
            "checked {} statement{} in {} file{}: {} error{}, {} warning{}",
            summary.statements,
            plural(summary.statements),
            summary.files,
            plural(summary.files),
            summary.errors,
            plural(summary.errors),
            summary.warnings,
            plural(summary.warnings),
        ),
        Format::Json => out.push_str(&report::json_summary(&summary)),
        Format::Github => {}
    }
    print!("{out}");
    let deny_warnings = args.deny.contains(&Deny::Warnings);
    if unreadable {
        ExitCode::BadInput
    } else if summary.errors > 0 || (deny_warnings && summary.warnings > 0) {
        ExitCode::Rejected
    } else {
        ExitCode::Ok
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn count(checked: &Checked, level: Level) -> usize {
    checked.findings.iter().filter(|f| f.level == level).count()
}

fn parse_context(name: &str) -> Result<ContextKind, ExitCode> {
    ContextKind::from_name(&name.to_ascii_lowercase()).ok_or_else(|| {
        let known: Vec<&str> = ContextKind::ALL.iter().map(|c| c.name()).collect();
        eprintln!(
            "error: unknown context `{name}`; expected one of: {}",
            known.join(", ")
        );
        ExitCode::BadInput
    })
}

fn choice(context: Option<ContextKind>) -> ContextChoice {
    context.map_or(ContextChoice::Free, ContextChoice::Given)
}

/// One `-e` text.
fn check_statements(
    name: String,
    text: String,
    context: Option<ContextKind>,
    gates: FeatureGates,
    summary: &mut Summary,
) -> Checked {
    let mut unit = Unit::new(
        Component::Statements,
        &name,
        choice(context),
        Span::new(0, 0),
    );
    push_text(&mut unit, Item::verbatim(&text, 0, &text));
    finish(
        name,
        text,
        Found {
            units: vec![unit],
            ..Found::default()
        },
        gates,
        summary,
    )
}

/// A statement goes with the statements, anything else with the conditions.
fn push_text(unit: &mut Unit, item: Item) {
    match statements::parse(&item.value) {
        Ok(statements::Parsed::Condition(_)) => unit.conditions.push(item),
        _ if starts_lowercase_call(&item.value) => unit.statements.push(item),
        _ => unit.conditions.push(item),
    }
}

/// Whether a text that does not parse was meant as a statement (`set(` …).
fn starts_lowercase_call(text: &str) -> bool {
    text.trim_start()
        .starts_with(|c: char| c.is_ascii_lowercase())
        && text.split('(').next().is_some_and(|name| {
            !name.contains(' ') && !matches!(name.trim(), "not" | "true" | "false" | "nil")
        })
        && text.contains('(')
}

/// A `.ottl` file: one statement or condition per line; `# context: span` sets the context.
fn check_ottl_file(
    name: String,
    text: String,
    context: Option<ContextKind>,
    gates: FeatureGates,
    summary: &mut Summary,
) -> Checked {
    let mut found = Found::default();
    let mut header = None;
    let mut header_at = Span::new(0, 0);
    for line in statements::lines(&text) {
        if let Line::Verbatim(raw) = line
            && let Some(rest) = raw.trim().strip_prefix('#')
            && let Some(value) = rest.trim().strip_prefix("context:")
        {
            let value = value.trim();
            let offset = raw.as_ptr() as usize - text.as_ptr() as usize;
            header_at = Span::new(offset, offset + raw.len());
            match ContextKind::from_name(&value.to_ascii_lowercase()) {
                Some(kind) => header = Some(kind),
                None => found.findings.push(
                    model::Finding::error(
                        Code::UnknownContext,
                        header_at,
                        format!("unknown context `{value}`"),
                    )
                    .with_help(format!(
                        "use one of: {}",
                        ContextKind::ALL
                            .iter()
                            .map(|c| c.name())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                ),
            }
        }
    }
    let mut unit = Unit::new(
        Component::Statements,
        &name,
        choice(header.or(context)),
        header_at,
    );
    for line in statements::lines(&text) {
        if let Line::Source {
            text: value,
            offset,
        } = line
        {
            push_text(&mut unit, Item::verbatim(&text, offset, value));
        }
    }
    found.units.push(unit);
    finish(name, text, found, gates, summary)
}

/// Checks the collector configuration (or Helm values, manifests) `text`, named `name` in
/// the findings: what `ottl check FILE` does for a YAML file, without printing.
///
/// ```
/// let text = "processors:\n  transform:\n    log_statements:\n      - set(log.bdy, \"x\")\n";
/// let checked = ottl_cli::check::check_config("collector.yaml".into(), text.into());
/// assert_eq!(checked.findings.len(), 1);
/// assert_eq!(checked.findings[0].code.map(|c| c.id()), Some("E0101"));
/// ```
pub fn check_config(name: String, text: String) -> Checked {
    check_yaml(name, text, FeatureGates::default(), &mut Summary::default())
}

/// A YAML file.
fn check_yaml(name: String, text: String, gates: FeatureGates, summary: &mut Summary) -> Checked {
    let mut found = Found::default();
    match tree::parse(&text) {
        Ok(documents) => {
            let layer = Layer {
                text: &text,
                embedding: None,
            };
            locate::documents(layer, &documents, &mut found);
            if found.components == 0 && found.findings.is_empty() {
                found.findings.push(model::Finding::note(
                    Span::new(0, 0),
                    "no OTTL here: no transform, filter, routing, tail_sampling, count, sum, \
                     signaltometrics or logdedup component",
                ));
            }
        }
        Err(error) => {
            let offset = error
                .location()
                .map_or(0, |l| offset_of(&text, l.line(), l.column()));
            found.findings.push(model::Finding::error(
                Code::InvalidYaml,
                Span::new(offset, offset),
                format!("cannot read the YAML: {}", reason(&error.to_string())),
            ));
        }
    }
    finish(name, text, found, gates, summary)
}

/// The YAML reader's message without its position (the finding has it) or its snippet.
fn reason(text: &str) -> &str {
    let line = text.lines().next().unwrap_or_default();
    let line = line.strip_prefix("error: ").unwrap_or(line);
    match line
        .strip_prefix("line ")
        .and_then(|rest| rest.split_once(": "))
    {
        Some((_, message)) => message,
        None => line,
    }
}

/// The byte offset of 1-based `line` and `column` (in characters).
fn offset_of(text: &str, line: u64, column: u64) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(usize::try_from(line.saturating_sub(1)).unwrap_or(0))
        .map(str::len)
        .sum();
    let rest = text.get(line_start..).unwrap_or_default();
    let column = usize::try_from(column.saturating_sub(1)).unwrap_or(0);
    line_start
        + rest
            .char_indices()
            .nth(column)
            .map_or(rest.len(), |(i, _)| i)
}

/// Checks the units found and orders every finding by where it is.
fn finish(
    name: String,
    text: String,
    mut found: Found,
    gates: FeatureGates,
    summary: &mut Summary,
) -> Checked {
    let mut registries = crate::registry::Registries::with_gates(gates);
    for unit in &found.units {
        summary.statements += unit.len();
        verify::unit(unit, &mut registries, &mut found.findings);
    }
    found
        .findings
        .sort_by_key(|f| (f.span.start, f.level, f.span.end));
    Checked {
        name,
        text,
        findings: found.findings,
    }
}
