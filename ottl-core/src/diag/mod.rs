//! Diagnostics: the one value every phase reports a mistake with.
//!
//! A [`Diagnostic`] carries a stable [`Code`], a message, the span it is about, secondary
//! labels, notes and a concrete fix. [`render`] (the default `render` feature) turns them into
//! rustc-style text with their source snippet; the CLI prints that.

mod codes;
#[cfg(feature = "render")]
pub mod render;
mod suggest;

pub use codes::Code;
pub use suggest::{closest, suggest};

use crate::span::Span;
use std::fmt;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// The input is rejected.
    Error,
    /// The input is accepted, but may not do what was meant.
    Warning,
}

/// A message attached to a span of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// What the label points at.
    pub span: Span,
    /// What it says there; may be empty.
    pub message: String,
}

impl Label {
    /// A label saying `message` at `span`.
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Self {
            span,
            message: message.into(),
        }
    }
}

/// A mistake found in OTTL source, located and explained.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The stable code, for `ottl explain` and for tests.
    pub code: Code,
    /// What is wrong, lowercase, without a trailing period.
    pub message: String,
    /// The place the message is about.
    pub primary: Label,
    /// Related places (where a parenthesis was opened, say).
    pub secondary: Vec<Label>,
    /// Background that helps understand the mistake.
    pub notes: Vec<String>,
    /// The concrete fix, in code the user can paste where possible.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error with `code` and `message`, pointing at `span` with `label`.
    pub fn error(
        code: Code,
        message: impl Into<String>,
        span: Span,
        label: impl Into<String>,
    ) -> Self {
        Self {
            severity: Severity::Error,
            code,
            message: message.into(),
            primary: Label::new(span, label),
            secondary: Vec::new(),
            notes: Vec::new(),
            help: None,
        }
    }

    /// A warning with `code` and `message`, pointing at `span` with `label`.
    pub fn warning(
        code: Code,
        message: impl Into<String>,
        span: Span,
        label: impl Into<String>,
    ) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(code, message, span, label)
        }
    }

    /// Adds a secondary label.
    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.secondary.push(Label::new(span, message));
        self
    }

    /// Adds a note.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Sets the help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Moves every span by `offset` bytes: for text parsed out of a larger document.
    pub fn shifted(mut self, offset: usize) -> Self {
        let shift = |span: &mut Span| *span = Span::new(span.start + offset, span.end + offset);
        shift(&mut self.primary.span);
        self.secondary
            .iter_mut()
            .for_each(|label| shift(&mut label.span));
        self
    }
}

/// One or more diagnostics: the error of an operation that reports every mistake it finds.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// The diagnostics, in the order they were found.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Self(vec![diagnostic])
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, diagnostic) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{}: {}", diagnostic.code, diagnostic.message)?;
        }
        Ok(())
    }
}
