//! Diagnostics as text: the source line, an underline under the span, the code, notes and help.

use codespan_reporting::diagnostic::{
    Diagnostic as Report, Label, LabelStyle, Severity as ReportSeverity,
};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use codespan_reporting::term::{self, Config};
use ottl_core::diag::{Diagnostic, Severity};
use std::io::IsTerminal as _;

/// Source text and the name to show for it (a file path, or `<statement>`).
pub struct Source<'a> {
    /// Shown in the `-->` line.
    pub name: &'a str,
    /// The text the diagnostics' spans point into.
    pub text: &'a str,
}

fn report(diagnostic: &Diagnostic) -> Report<()> {
    let severity = match diagnostic.severity {
        Severity::Error => ReportSeverity::Error,
        Severity::Warning => ReportSeverity::Warning,
    };
    let primary = &diagnostic.primary;
    let mut labels = vec![
        Label::new(LabelStyle::Primary, (), primary.span.range()).with_message(&primary.message),
    ];
    labels.extend(diagnostic.secondary.iter().map(|label| {
        Label::new(LabelStyle::Secondary, (), label.span.range()).with_message(&label.message)
    }));
    let mut notes: Vec<String> = diagnostic
        .notes
        .iter()
        .map(|note| format!("note: {note}"))
        .collect();
    notes.extend(diagnostic.help.iter().map(|help| format!("help: {help}")));
    Report::new(severity)
        .with_code(diagnostic.code.id())
        .with_message(&diagnostic.message)
        .with_labels(labels)
        .with_notes(notes)
}

/// Renders `diagnostics` without colour, as tests and pipes see them.
pub fn to_string(source: &Source<'_>, diagnostics: &[Diagnostic]) -> String {
    let file = SimpleFile::new(source.name, source.text);
    let config = Config::default();
    diagnostics
        .iter()
        .map(|d| {
            term::emit_into_string(&config, &file, &report(d))
                .unwrap_or_else(|_| format!("error[{}]: {}\n", d.code, d.message))
        })
        .collect()
}

/// Writes `diagnostics` to stderr, in colour when stderr is a terminal.
pub fn to_stderr(source: &Source<'_>, diagnostics: &[Diagnostic]) {
    let choice = if std::io::stderr().is_terminal() {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    };
    let stream = StandardStream::stderr(choice);
    let file = SimpleFile::new(source.name, source.text);
    let config = Config::default();
    let mut lock = stream.lock();
    for diagnostic in diagnostics {
        if term::emit_to_write_style(&mut lock, &config, &file, &report(diagnostic)).is_err() {
            eprintln!("error[{}]: {}", diagnostic.code, diagnostic.message);
        }
    }
}
