//! Parsing: structured text to maps and values.

mod csv;

crate::family! {
    extract_patterns => ExtractPatterns,
    parse_csv => ParseCsv,
    parse_json => ParseJson,
    parse_key_value => ParseKeyValue,
    parse_severity => ParseSeverity,
}
