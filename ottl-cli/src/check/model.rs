//! What `ottl check` finds in a file: units of OTTL to check (the texts one component gives
//! one context) and findings (diagnostics, placed in the file).

use super::source::Item;
pub(crate) use crate::registry::Component;
use ottl_core::context::{ContextKind, Signal};
use ottl_core::diag::{Code, Label};
use ottl_core::span::Span;

/// How a unit's context is decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ContextChoice {
    /// Given by the configuration (or the component's fixed context).
    Given(ContextKind),
    /// Inferred for the whole unit from its path prefixes (transform basic style, a group
    /// without `context:`).
    Group(Signal),
    /// Inferred for each condition on its own (filter basic style).
    Each(Signal),
    /// Inferred from path prefixes, with no signal to bound it (`.ottl` files, `-e`).
    Free,
    /// The routing connector's `request` context, which this engine does not have.
    Request,
}

/// The texts one component gives one context (or one inference).
#[derive(Debug)]
pub(crate) struct Unit {
    /// Which component.
    pub(crate) component: Component,
    /// Its id (`transform/redact`), or the file for `.ottl` files.
    pub(crate) id: String,
    /// How the context is decided.
    pub(crate) choice: ContextChoice,
    /// Statements (an editor call and an optional `where`).
    pub(crate) statements: Vec<Item>,
    /// Conditions.
    pub(crate) conditions: Vec<Item>,
    /// Value expressions (signaltometrics `value:` and `count:`).
    pub(crate) values: Vec<Item>,
    /// Where the unit is declared, for errors about it as a whole.
    pub(crate) at: Span,
}

impl Unit {
    /// An empty unit.
    pub(crate) fn new(component: Component, id: &str, choice: ContextChoice, at: Span) -> Unit {
        Unit {
            component,
            id: id.to_owned(),
            choice,
            statements: Vec::new(),
            conditions: Vec::new(),
            values: Vec::new(),
            at,
        }
    }

    /// How many texts it holds.
    pub(crate) fn len(&self) -> usize {
        self.statements.len() + self.conditions.len() + self.values.len()
    }
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// The collector would refuse the configuration, or the statement is rejected.
    Error,
    /// Accepted, but certain to misbehave.
    Warning,
    /// Something worth knowing that is not a mistake.
    Note,
}

impl Level {
    /// As written in the JSON output.
    pub fn name(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "note",
        }
    }
}

/// One diagnostic, with its spans in the file.
#[derive(Debug, Clone)]
pub struct Finding {
    /// How serious it is.
    pub level: Level,
    /// Its code, when it has one (notes have none).
    pub code: Option<Code>,
    /// What is wrong.
    pub message: String,
    /// The primary span, in the file.
    pub span: Span,
    /// The message on the primary span.
    pub label: String,
    /// Secondary labels, in the file.
    pub secondary: Vec<Label>,
    /// Notes.
    pub notes: Vec<String>,
    /// The fix.
    pub help: Option<String>,
    /// The component id, when known.
    pub component: Option<String>,
    /// The context the text was checked in, when known.
    pub context: Option<ContextKind>,
}

impl Finding {
    /// An error about the configuration at `span`.
    pub(crate) fn error(code: Code, span: Span, message: impl Into<String>) -> Finding {
        Finding {
            level: Level::Error,
            code: Some(code),
            message: message.into(),
            span,
            label: String::new(),
            secondary: Vec::new(),
            notes: Vec::new(),
            help: None,
            component: None,
            context: None,
        }
    }

    /// A note at `span`.
    pub(crate) fn note(span: Span, message: impl Into<String>) -> Finding {
        Finding {
            level: Level::Note,
            code: None,
            ..Finding::error(Code::InvalidComponentConfig, span, message)
        }
    }

    /// The finding with a help.
    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Finding {
        self.help = Some(help.into());
        self
    }

    /// The finding attributed to the component `id`.
    pub(crate) fn in_component(mut self, id: &str) -> Finding {
        self.component = Some(id.to_owned());
        self
    }
}
