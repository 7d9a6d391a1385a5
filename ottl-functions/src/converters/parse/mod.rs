//! Parsing: structured text to maps and values.

crate::family! {
    extract_patterns => ExtractPatterns,
    parse_json => ParseJson,
    parse_severity => ParseSeverity,
}
