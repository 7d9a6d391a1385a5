//! Decoding of `AnyValue`, `KeyValue` lists, `Resource` and `InstrumentationScope`.

use super::reader::{Reader, set};
use super::scalar::{read_bytes, read_f64, read_i64, read_string, read_u32};
use crate::model::attribute_counts::Holder;
use crate::model::json::error::Decoded;
use crate::model::{AnyValue, Array, EntityRef, InstrumentationScope, KeyValue, Map, Resource};

/// An `AnyValue` object; if it sets several kinds, the last one wins (as in pdata).
pub(super) fn any_value(r: &mut Reader<'_>) -> Decoded<AnyValue> {
    let mut value = AnyValue::Empty;
    r.read_object(|r, key| {
        value = match key {
            "stringValue" | "string_value" => AnyValue::Str(read_string(r)?),
            "boolValue" | "bool_value" => AnyValue::Bool(r.read_bool()?),
            "intValue" | "int_value" => AnyValue::Int(read_i64(r)?),
            "doubleValue" | "double_value" => AnyValue::Double(read_f64(r)?),
            "bytesValue" | "bytes_value" => AnyValue::Bytes(read_bytes(r)?),
            "arrayValue" | "array_value" => {
                let mut items = Array::new();
                r.read_object(|r, key| match key {
                    "values" => r.read_array_into(&mut items, any_value),
                    _ => r.skip_value(),
                })?;
                AnyValue::Array(items)
            }
            "kvlistValue" | "kvlist_value" => {
                let mut map = Map::new();
                r.read_object(|r, key| match key {
                    "values" => key_values(r, Holder::KvList, &mut map),
                    _ => r.skip_value(),
                })?;
                AnyValue::KvList(map)
            }
            _ => return r.skip_value(),
        };
        Ok(())
    })?;
    Ok(value)
}

/// A `KeyValue` list of a `holder`, appended to `map` as written (duplicates kept, as pdata
/// keeps them). The first list goes straight into a vector sized from the last `holder`'s
/// ([`AttributeCounts`](crate::model::attribute_counts)); a second list for the same map (a
/// repeated key) is appended to it.
pub(super) fn key_values(r: &mut Reader<'_>, holder: Holder, map: &mut Map) -> Decoded<()> {
    if !map.is_empty() {
        return r.read_array(|r| {
            map.push(key_value(r)?);
            Ok(())
        });
    }
    let mut entries = r.attribute_counts.vector(holder);
    let read = r.read_array(|r| {
        entries.push(key_value(r)?);
        Ok(())
    });
    r.attribute_counts.remember(holder, entries.len());
    *map = Map::from_decoded(entries);
    read
}

fn key_value(r: &mut Reader<'_>) -> Decoded<KeyValue> {
    let mut entry = KeyValue::default();
    r.read_object(|r, key| match key {
        "key" => set(&mut entry.key, read_string(r)?),
        "value" => set(&mut entry.value, any_value(r)?),
        _ => r.skip_value(),
    })?;
    Ok(entry)
}

/// A list of strings.
fn strings(r: &mut Reader<'_>, out: &mut Vec<crate::model::Str>) -> Decoded<()> {
    r.read_array_into(out, read_string)
}

/// A `Resource`.
pub(super) fn resource(r: &mut Reader<'_>, resource: &mut Resource) -> Decoded<()> {
    r.read_object(|r, key| match key {
        "attributes" => key_values(r, Holder::Resource, &mut resource.attributes),
        "droppedAttributesCount" | "dropped_attributes_count" => {
            set(&mut resource.dropped_attributes_count, read_u32(r)?)
        }
        "entityRefs" | "entity_refs" => r.read_array_into(&mut resource.entity_refs, entity_ref),
        _ => r.skip_value(),
    })
}

fn entity_ref(r: &mut Reader<'_>) -> Decoded<EntityRef> {
    let mut entity = EntityRef::default();
    r.read_object(|r, key| match key {
        "schemaUrl" | "schema_url" => set(&mut entity.schema_url, read_string(r)?),
        "type" => set(&mut entity.entity_type, read_string(r)?),
        "idKeys" | "id_keys" => strings(r, &mut entity.id_keys),
        "descriptionKeys" | "description_keys" => strings(r, &mut entity.description_keys),
        _ => r.skip_value(),
    })?;
    Ok(entity)
}

/// An `InstrumentationScope`.
pub(super) fn scope(r: &mut Reader<'_>, scope: &mut InstrumentationScope) -> Decoded<()> {
    r.read_object(|r, key| match key {
        "name" => set(&mut scope.name, read_string(r)?),
        "version" => set(&mut scope.version, read_string(r)?),
        "attributes" => key_values(r, Holder::Scope, &mut scope.attributes),
        "droppedAttributesCount" | "dropped_attributes_count" => {
            set(&mut scope.dropped_attributes_count, read_u32(r)?)
        }
        _ => r.skip_value(),
    })
}

#[cfg(test)]
mod tests {
    use crate::model::{KeyValue, json};

    /// A record whose object repeats `attributes` keeps both lists, in order, as pdata does;
    /// the next record's attributes are read afresh.
    #[test]
    fn a_repeated_attributes_key_appends() {
        let input = br#"{"resourceLogs":[{"scopeLogs":[{"logRecords":[
            {"attributes":[{"key":"a","value":{"intValue":"1"}}],
             "attributes":[{"key":"b","value":{"stringValue":"x"}},{"key":"a","value":{}}]},
            {"attributes":[{"key":"c","value":{"boolValue":true}}]}]}]}]}"#;
        let logs = json::decode_logs(input).unwrap();
        let records = &logs.resource_logs[0].scope_logs[0].log_records;
        let entries: Vec<Vec<KeyValue>> = records
            .iter()
            .map(|record| {
                record
                    .attributes
                    .iter()
                    .map(|(key, value)| KeyValue::new(key.clone(), value.clone()))
                    .collect()
            })
            .collect();
        assert_eq!(
            entries,
            [
                vec![
                    KeyValue::new("a", 1),
                    KeyValue::new("b", "x"),
                    KeyValue::new("a", crate::model::AnyValue::Empty),
                ],
                vec![KeyValue::new("c", true)],
            ]
        );
    }
}
