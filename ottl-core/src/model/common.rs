//! The messages every signal shares: [`Resource`], [`InstrumentationScope`], [`EntityRef`].

use super::{Map, Str};

/// The entity that produced the telemetry (`Resource`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Resource {
    /// Attributes describing the resource.
    pub attributes: Map,
    /// Attributes dropped before the data reached us.
    pub dropped_attributes_count: u32,
    /// References to the entities this resource is made of.
    pub entity_refs: Vec<EntityRef>,
}

/// A reference from a resource to one entity (`EntityRef`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EntityRef {
    /// Schema URL of the entity's semantic conventions.
    pub schema_url: Str,
    /// The entity type (`type` on the wire), e.g. `service`.
    pub entity_type: Str,
    /// Resource attribute keys that identify the entity.
    pub id_keys: Vec<Str>,
    /// Resource attribute keys that describe the entity.
    pub description_keys: Vec<Str>,
}

/// The library that produced the telemetry (`InstrumentationScope`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct InstrumentationScope {
    /// Scope name.
    pub name: Str,
    /// Scope version.
    pub version: Str,
    /// Scope attributes.
    pub attributes: Map,
    /// Attributes dropped before the data reached us.
    pub dropped_attributes_count: u32,
}
