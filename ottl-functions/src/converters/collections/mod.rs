//! Collections: maps and lists.

crate::family! {
    contains_value => ContainsValue,
}
