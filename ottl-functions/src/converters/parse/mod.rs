//! Parsing: structured text to maps and values.

mod csv;

/// Go's group names, kept apart from a regex (grok's expansions repeat them).
#[cfg(feature = "grok")]
pub(crate) use extract_patterns::strip_group_names;

crate::family! {
    extract_patterns => ExtractPatterns,
    parse_csv => ParseCsv,
    parse_json => ParseJson,
    parse_key_value => ParseKeyValue,
    parse_severity => ParseSeverity,
}
