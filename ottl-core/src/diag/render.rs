//! Diagnostics as text, rustc style: the source line, an underline under the span, the code,
//! notes and help. Behind the default `render` feature (codespan-reporting).
//!
//! ```
//! use ottl_core::context::ContextKind;
//! use ottl_core::compile::compile_statement;
//! use ottl_core::diag::render::{Source, to_string};
//! use ottl_core::function::Registry;
//!
//! let text = r#"set(atributes["a"], "b")"#;
//! let Err(diagnostics) = compile_statement(text, ContextKind::Log, &Registry::new()) else {
//!     unreachable!("`atributes` is not a log path");
//! };
//! let rendered = to_string(&Source { name: "<statement>", text }, &diagnostics.0);
//! assert!(rendered.contains("error[E0"), "{rendered}");
//! assert!(rendered.contains("1 │ set(atributes"), "{rendered}");
//! ```

use super::{Diagnostic, Severity};
use codespan_reporting::diagnostic::{
    Diagnostic as Report, Label, LabelStyle, Severity as ReportSeverity,
};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::termcolor::{Ansi, NoColor};
use codespan_reporting::term::{self, Config};
use std::io;

/// Source text and the name to show for it (a file path, or `<statement>`).
#[derive(Debug, Clone, Copy)]
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

/// The one-line form, for when the snippet cannot be shown (a span outside the text).
fn plain(diagnostic: &Diagnostic) -> String {
    let severity = match diagnostic.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    format!("{severity}[{}]: {}\n", diagnostic.code, diagnostic.message)
}

/// Renders `diagnostics` against `source`, without colour.
pub fn to_string(source: &Source<'_>, diagnostics: &[Diagnostic]) -> String {
    let mut out = Vec::new();
    // Writing into a `Vec` cannot fail.
    let _ = write(&mut out, source, diagnostics, false);
    String::from_utf8_lossy(&out).into_owned()
}

/// Writes `diagnostics` against `source` to `out`, with ANSI colours when `colour` is set.
pub fn write(
    out: &mut dyn io::Write,
    source: &Source<'_>,
    diagnostics: &[Diagnostic],
    colour: bool,
) -> io::Result<()> {
    let file = SimpleFile::new(source.name, source.text);
    let config = Config::default();
    for diagnostic in diagnostics {
        let report = report(diagnostic);
        let rendered = if colour {
            term::emit_to_write_style(&mut Ansi::new(&mut *out), &config, &file, &report)
        } else {
            term::emit_to_write_style(&mut NoColor::new(&mut *out), &config, &file, &report)
        };
        if rendered.is_err() {
            out.write_all(plain(diagnostic).as_bytes())?;
        }
    }
    Ok(())
}
