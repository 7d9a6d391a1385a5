//! Parsing: structured text to maps and values.

mod csv;

crate::family! {
    parse_csv => ParseCsv,
    parse_json => ParseJson,
    parse_key_value => ParseKeyValue,
}
