//! Contexts: the kinds of record a statement runs on, the paths each one has, and its enums.
//!
//! A statement in a lower context reads and writes the higher ones (`resource.attributes` from a
//! log statement). [`TransformContext`] is the record a compiled statement runs over: the item
//! itself, the resource and scope it belongs to, and the per-record `cache`.

mod enums;
mod paths;

pub use enums::enum_value;
pub(crate) use enums::symbols as enum_symbols;
pub(crate) use paths::{Field, resolve};

use crate::model::{InstrumentationScope, LogRecord, Map, Resource, Str};
use crate::syntax::Path;
use std::fmt;

/// The kind of record statements run on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ContextKind {
    /// A resource (`resource.*`).
    Resource,
    /// An instrumentation scope (`scope.*`).
    Scope,
    /// A log record (`log.*`).
    Log,
}

impl ContextKind {
    /// Every context, in the order the reference prefers when inferring one.
    pub const ALL: &'static [ContextKind] =
        &[ContextKind::Log, ContextKind::Scope, ContextKind::Resource];

    /// The context's name, as written in paths and on the command line.
    pub const fn name(self) -> &'static str {
        match self {
            ContextKind::Resource => "resource",
            ContextKind::Scope => "scope",
            ContextKind::Log => "log",
        }
    }

    /// The context named `name`.
    pub fn from_name(name: &str) -> Option<ContextKind> {
        ContextKind::ALL
            .iter()
            .copied()
            .find(|kind| kind.name() == name)
    }

    /// The context a path's first segment names, if this context can reach it: its own
    /// name, or a higher context's (`resource` from everywhere, `scope` from below it).
    pub(crate) fn reach(self, prefix: &str) -> Option<ContextKind> {
        match prefix {
            "resource" => Some(ContextKind::Resource),
            "scope" | "instrumentation_scope" if self != ContextKind::Resource => {
                Some(ContextKind::Scope)
            }
            own if own == self.name() => Some(self),
            _ => None,
        }
    }
}

/// The context statements run in, inferred as the reference does from the prefixes of their
/// paths (`log.body`, `resource.attributes`): the lowest context any path names. `None` when
/// no path names a context.
///
/// ```
/// use ottl_core::context::{ContextKind, infer};
/// use ottl_core::syntax::{parse_statement, statement_paths};
///
/// let statement = parse_statement(r#"set(log.attributes["a"], resource.attributes["b"])"#)?;
/// assert_eq!(infer(statement_paths(&statement)), Some(ContextKind::Log));
/// # Ok::<(), ottl_core::diag::Diagnostics>(())
/// ```
pub fn infer<'a>(paths: impl IntoIterator<Item = &'a Path>) -> Option<ContextKind> {
    paths
        .into_iter()
        .filter_map(|path| match path.context()?.name.as_str() {
            "instrumentation_scope" => Some(ContextKind::Scope),
            name => ContextKind::from_name(name),
        })
        .min_by_key(|context| ContextKind::ALL.iter().position(|c| c == context))
}

impl fmt::Display for ContextKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The record a compiled statement runs over, with everything it can reach.
pub struct TransformContext<'r> {
    pub(crate) resource: &'r mut Resource,
    pub(crate) resource_schema_url: &'r mut Str,
    pub(crate) scope: Option<ScopeRef<'r>>,
    pub(crate) item: Item<'r>,
    pub(crate) cache: &'r mut Map,
}

/// The scope a record belongs to.
pub(crate) struct ScopeRef<'r> {
    pub(crate) scope: &'r mut InstrumentationScope,
    pub(crate) schema_url: &'r mut Str,
}

/// The record itself, below resource and scope.
pub(crate) enum Item<'r> {
    /// The context is `resource` or `scope`: there is no lower record.
    None,
    /// A log record.
    Log(&'r mut LogRecord),
}

impl<'r> TransformContext<'r> {
    /// A context over a log record.
    pub fn log(
        resource: &'r mut Resource,
        resource_schema_url: &'r mut Str,
        scope: &'r mut InstrumentationScope,
        scope_schema_url: &'r mut Str,
        log: &'r mut LogRecord,
        cache: &'r mut Map,
    ) -> Self {
        Self {
            resource,
            resource_schema_url,
            scope: Some(ScopeRef {
                scope,
                schema_url: scope_schema_url,
            }),
            item: Item::Log(log),
            cache,
        }
    }

    /// A context over a scope.
    pub fn scope(
        resource: &'r mut Resource,
        resource_schema_url: &'r mut Str,
        scope: &'r mut InstrumentationScope,
        scope_schema_url: &'r mut Str,
        cache: &'r mut Map,
    ) -> Self {
        Self {
            resource,
            resource_schema_url,
            scope: Some(ScopeRef {
                scope,
                schema_url: scope_schema_url,
            }),
            item: Item::None,
            cache,
        }
    }

    /// A context over a resource.
    pub fn resource(
        resource: &'r mut Resource,
        resource_schema_url: &'r mut Str,
        cache: &'r mut Map,
    ) -> Self {
        Self {
            resource,
            resource_schema_url,
            scope: None,
            item: Item::None,
            cache,
        }
    }
}
