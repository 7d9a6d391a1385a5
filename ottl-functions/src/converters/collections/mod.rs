//! Collections: maps and lists.

crate::family! {
    coalesce => Coalesce,
    contains_value => ContainsValue,
    keys => Keys,
    slice_to_map => SliceToMap,
    sort => Sort,
    to_key_value_string => ToKeyValueString,
    values => Values,
}
