//! `resource.*`: the paths of a resource, reachable from every context.

use super::paths::{Field, FieldTable};

/// A field of a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ResourceField {
    Attributes,
    DroppedAttributesCount,
    /// The `schemaUrl` of the enclosing `ResourceLogs`/`ResourceSpans`/`ResourceMetrics`.
    SchemaUrl,
}

pub(crate) const FIELDS: FieldTable = &[
    (
        "attributes",
        None,
        Field::Resource(ResourceField::Attributes),
    ),
    (
        "dropped_attributes_count",
        None,
        Field::Resource(ResourceField::DroppedAttributesCount),
    ),
    (
        "schema_url",
        None,
        Field::Resource(ResourceField::SchemaUrl),
    ),
];
