//! `scope.*` (≡ `instrumentation_scope.*`): the paths of an instrumentation scope.

use super::paths::{Field, FieldTable};

/// A field of an instrumentation scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ScopeField {
    Name,
    Version,
    Attributes,
    DroppedAttributesCount,
    /// The `schemaUrl` of the enclosing `ScopeLogs`/`ScopeSpans`/`ScopeMetrics`.
    SchemaUrl,
}

pub(crate) const FIELDS: FieldTable = &[
    ("name", None, Field::Scope(ScopeField::Name)),
    ("version", None, Field::Scope(ScopeField::Version)),
    ("attributes", None, Field::Scope(ScopeField::Attributes)),
    (
        "dropped_attributes_count",
        None,
        Field::Scope(ScopeField::DroppedAttributesCount),
    ),
    ("schema_url", None, Field::Scope(ScopeField::SchemaUrl)),
];
