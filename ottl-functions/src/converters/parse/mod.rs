//! Parsing: structured text to maps and values.

crate::family! {
    parse_json => ParseJson,
    parse_key_value => ParseKeyValue,
}
