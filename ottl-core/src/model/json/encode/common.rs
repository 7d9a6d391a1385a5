//! Encoding of `AnyValue`, attributes, `Resource` and `InstrumentationScope`, and the field
//! helpers that leave out default values as pdata does.

use super::writer::Writer;
use crate::model::{AnyValue, EntityRef, InstrumentationScope, Map, Resource, Str};

/// A string field, left out when empty.
pub(super) fn string_field(w: &mut Writer<'_>, name: &str, text: &Str) {
    if !text.is_empty() {
        w.field(name);
        w.string(text);
    }
}

/// A 64-bit unsigned field (decimal string), left out when zero.
pub(super) fn u64_field(w: &mut Writer<'_>, name: &str, number: u64) {
    if number != 0 {
        w.field(name);
        w.int64_string(number);
    }
}

/// A 32-bit integer or enum field (JSON number), left out when zero.
pub(super) fn int32_field(w: &mut Writer<'_>, name: &str, number: impl Into<i64>) {
    let number = number.into();
    if number != 0 {
        w.field(name);
        w.int32(number);
    }
}

/// A double field, left out when zero (`-0` included, as Go's `!= 0` leaves it out).
pub(super) fn double_field(w: &mut Writer<'_>, name: &str, number: f64) {
    if number != 0.0 {
        w.field(name);
        w.double(number);
    }
}

/// An optional double field, written whenever present.
pub(super) fn optional_double_field(w: &mut Writer<'_>, name: &str, number: Option<f64>) {
    if let Some(number) = number {
        w.field(name);
        w.double(number);
    }
}

/// A list field, left out when empty.
pub(super) fn list_field<T>(
    w: &mut Writer<'_>,
    name: &str,
    items: &[T],
    mut write_item: impl FnMut(&mut Writer<'_>, &T),
) {
    if items.is_empty() {
        return;
    }
    w.field(name);
    w.begin_array();
    for item in items {
        w.element();
        write_item(w, item);
    }
    w.end_array();
}

/// A trace or span id field, left out when all zero.
pub(super) fn id_field(w: &mut Writer<'_>, name: &str, id: &[u8]) {
    if id.iter().any(|&b| b != 0) {
        w.field(name);
        w.hex(id);
    }
}

/// A `KeyValue` list field, left out when empty.
pub(super) fn attributes_field(w: &mut Writer<'_>, name: &str, map: &Map) {
    list_field(w, name, map.entries(), |w, entry| {
        w.begin_object();
        string_field(w, "key", &entry.key);
        w.field("value");
        any_value(w, &entry.value);
        w.end_object();
    });
}

/// An `AnyValue` object (`{}` when empty). A value nested deeper than the decoder reads back
/// is not written; the writer records it and the encoder fails.
pub(super) fn any_value(w: &mut Writer<'_>, value: &AnyValue) {
    let levels = match value {
        AnyValue::Array(items) if !items.is_empty() => 3,
        AnyValue::KvList(map) if !map.is_empty() => 4,
        AnyValue::Array(_) | AnyValue::KvList(_) => 2,
        _ => 1,
    };
    if w.would_exceed(levels) {
        w.too_deep = true;
        return;
    }
    w.begin_object();
    match value {
        AnyValue::Empty => {}
        AnyValue::Str(text) => {
            w.field("stringValue");
            w.string(text);
        }
        AnyValue::Bool(flag) => {
            w.field("boolValue");
            w.bool(*flag);
        }
        AnyValue::Int(number) => {
            w.field("intValue");
            w.int64_string(*number);
        }
        AnyValue::Double(number) => {
            w.field("doubleValue");
            w.double(*number);
        }
        AnyValue::Bytes(bytes) => {
            w.field("bytesValue");
            w.bytes(bytes);
        }
        AnyValue::Array(items) => {
            w.field("arrayValue");
            w.begin_object();
            list_field(w, "values", items, any_value);
            w.end_object();
        }
        AnyValue::KvList(map) => {
            w.field("kvlistValue");
            w.begin_object();
            attributes_field(w, "values", map);
            w.end_object();
        }
    }
    w.end_object();
}

/// A `Resource` object (always written, `{}` when empty).
pub(super) fn resource(w: &mut Writer<'_>, resource: &Resource) {
    w.begin_object();
    attributes_field(w, "attributes", &resource.attributes);
    int32_field(
        w,
        "droppedAttributesCount",
        resource.dropped_attributes_count,
    );
    list_field(w, "entityRefs", &resource.entity_refs, entity_ref);
    w.end_object();
}

fn entity_ref(w: &mut Writer<'_>, entity: &EntityRef) {
    w.begin_object();
    string_field(w, "schemaUrl", &entity.schema_url);
    string_field(w, "type", &entity.entity_type);
    list_field(w, "idKeys", &entity.id_keys, |w, key| w.string(key));
    list_field(w, "descriptionKeys", &entity.description_keys, |w, key| {
        w.string(key)
    });
    w.end_object();
}

/// An `InstrumentationScope` object (always written, `{}` when empty).
pub(super) fn scope(w: &mut Writer<'_>, scope: &InstrumentationScope) {
    w.begin_object();
    string_field(w, "name", &scope.name);
    string_field(w, "version", &scope.version);
    attributes_field(w, "attributes", &scope.attributes);
    int32_field(w, "droppedAttributesCount", scope.dropped_attributes_count);
    w.end_object();
}
