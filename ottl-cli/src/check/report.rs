//! `ottl check`'s output: rustc-style text, JSON Lines, or GitHub workflow annotations.

use super::model::{Finding, Level};
use codespan_reporting::diagnostic::{Diagnostic as Report, Label, LabelStyle, Severity};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use codespan_reporting::term::{self, Config};
use ottl_core::span::Span;
use std::fmt::Write as _;
use std::io::IsTerminal as _;

/// How findings are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style text on stderr (colour on a terminal).
    Human,
    /// One JSON object per finding on stdout, then a summary object.
    Json,
    /// GitHub Actions workflow annotations on stdout.
    Github,
}

/// A checked file and what was found in it.
pub struct Checked {
    /// The name to show.
    pub name: String,
    /// Its text.
    pub text: String,
    /// What was found, in file order.
    pub findings: Vec<Finding>,
}

/// Totals over every file.
#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    /// Files read.
    pub files: usize,
    /// Statements, conditions and value expressions checked.
    pub statements: usize,
    /// Errors found.
    pub errors: usize,
    /// Warnings found.
    pub warnings: usize,
}

fn report(finding: &Finding) -> Report<()> {
    let severity = match finding.level {
        Level::Error => Severity::Error,
        Level::Warning => Severity::Warning,
        Level::Note => Severity::Note,
    };
    let mut labels = vec![
        Label::new(LabelStyle::Primary, (), finding.span.range()).with_message(&finding.label),
    ];
    labels.extend(finding.secondary.iter().map(|label| {
        Label::new(LabelStyle::Secondary, (), label.span.range()).with_message(&label.message)
    }));
    let mut notes: Vec<String> = Vec::new();
    if let Some(component) = &finding.component {
        let context = finding
            .context
            .map(|c| format!(", in the `{c}` context"))
            .unwrap_or_default();
        notes.push(format!("in `{component}`{context}"));
    }
    notes.extend(finding.notes.iter().map(|n| format!("note: {n}")));
    notes.extend(finding.help.iter().map(|h| format!("help: {h}")));
    let mut report = Report::new(severity)
        .with_message(&finding.message)
        .with_labels(labels)
        .with_notes(notes);
    if let Some(code) = finding.code {
        report = report.with_code(code.id());
    }
    report
}

/// Renders `checked`'s findings as text, without colour.
pub fn human(checked: &Checked) -> String {
    let file = SimpleFile::new(checked.name.as_str(), checked.text.as_str());
    let config = Config::default();
    checked
        .findings
        .iter()
        .map(|f| {
            term::emit_into_string(&config, &file, &report(f))
                .unwrap_or_else(|_| format!("{}: {}\n", f.level.name(), f.message))
        })
        .collect()
}

/// Writes `checked`'s findings to stderr, in colour on a terminal.
pub fn human_to_stderr(checked: &Checked) {
    let choice = if std::io::stderr().is_terminal() {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    };
    let stream = StandardStream::stderr(choice);
    let file = SimpleFile::new(checked.name.as_str(), checked.text.as_str());
    let config = Config::default();
    let mut lock = stream.lock();
    for finding in &checked.findings {
        if term::emit_to_write_style(&mut lock, &config, &file, &report(finding)).is_err() {
            eprintln!("{}: {}", finding.level.name(), finding.message);
        }
    }
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

/// The 1-based start and end (line, column) of `span`.
fn positions(text: &str, span: Span) -> ((usize, usize), (usize, usize)) {
    (line_column(text, span.start), line_column(text, span.end))
}

/// One JSON line per finding.
pub fn json(checked: &Checked) -> String {
    let mut out = String::new();
    for finding in &checked.findings {
        let ((line, column), (end_line, end_column)) = positions(&checked.text, finding.span);
        let fields: [(&str, serde_json::Value); 11] = [
            ("file", checked.name.as_str().into()),
            ("line", line.into()),
            ("column", column.into()),
            ("end_line", end_line.into()),
            ("end_column", end_column.into()),
            ("severity", finding.level.name().into()),
            ("code", finding.code.map(|c| c.id()).into()),
            ("message", finding.message.as_str().into()),
            ("help", finding.help.as_deref().into()),
            ("component", finding.component.as_deref().into()),
            ("context", finding.context.map(|c| c.name()).into()),
        ];
        // Written field by field to keep this order (the JSON map type sorts its keys).
        let object: Vec<String> = fields
            .iter()
            .map(|(key, value)| format!("\"{key}\":{value}"))
            .collect();
        let object = format!("{{{}}}", object.join(","));
        let _ = writeln!(out, "{object}");
    }
    out
}

/// The summary line of `--format json`.
pub fn json_summary(summary: &Summary) -> String {
    let object = format!(
        "{{\"summary\":{{\"files\":{},\"statements\":{},\"errors\":{},\"warnings\":{}}}}}",
        summary.files, summary.statements, summary.errors, summary.warnings
    );
    format!("{object}\n")
}

/// GitHub workflow annotations, one line per finding.
pub fn github(checked: &Checked) -> String {
    let mut out = String::new();
    for finding in &checked.findings {
        let ((line, column), (end_line, end_column)) = positions(&checked.text, finding.span);
        let command = match finding.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "notice",
        };
        let title = match (finding.code, &finding.component) {
            (Some(code), Some(component)) => format!("{code} in {component}"),
            (Some(code), None) => code.id().to_owned(),
            (None, Some(component)) => component.clone(),
            (None, None) => "ottl check".to_owned(),
        };
        let mut message = finding.message.clone();
        if let Some(help) = &finding.help {
            let _ = write!(message, "\nhelp: {help}");
        }
        let _ = writeln!(
            out,
            "::{command} file={},line={line},col={column},endLine={end_line},endColumn={end_column},title={}::{}",
            property(&checked.name),
            property(&title),
            data(&message),
        );
    }
    out
}

/// Escapes a workflow command's message.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_from_one() {
        assert_eq!(line_column("ab\ncé d", 7), (2, 4));
        assert_eq!(line_column("x", 0), (1, 1));
    }

    #[test]
    fn workflow_properties_escape_separators() {
        assert_eq!(property("a,b:c%\n"), "a%2Cb%3Ac%25%0A");
    }
}
