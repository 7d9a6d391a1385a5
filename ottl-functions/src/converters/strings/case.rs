//! Case mapping as Go's `strings.ToLower` / `strings.ToUpper` do it: one character at a time,
//! by Unicode's simple mapping (no `ß` → `SS`, no final-sigma rule).

use ottl_core::model::Str;
use std::borrow::Cow;

#[derive(Clone, Copy)]
pub(crate) enum Case {
    Lower,
    Upper,
}

fn map_char(c: char, case: Case) -> char {
    // Rust's mappings are the full ones; where the full mapping has several characters, the
    // simple one is the first of them for lowercase (`İ` → `i`) and none for uppercase.
    match case {
        Case::Lower => c.to_lowercase().next().unwrap_or(c),
        Case::Upper => {
            let mut upper = c.to_uppercase();
            match (upper.next(), upper.next()) {
                (Some(single), None) => single,
                _ => c,
            }
        }
    }
}

/// `text` in `case`; borrowed back unchanged when no character changes.
pub(crate) fn convert(text: Cow<'_, Str>, case: Case) -> Cow<'_, Str> {
    // One pass over the bytes, without an early exit so that it vectorises, decides the
    // common case: ASCII text already in the wanted case comes back as it is.
    let changes_ascii = |b: u8| match case {
        Case::Lower => b.is_ascii_uppercase(),
        Case::Upper => b.is_ascii_lowercase(),
    };
    let (changes, non_ascii) = text
        .bytes()
        .fold((false, false), |(changes, non_ascii), b| {
            (changes | changes_ascii(b), non_ascii | !b.is_ascii())
        });
    if !non_ascii {
        if !changes {
            return text;
        }
        // Without a Unicode table lookup per character.
        let converted = match case {
            Case::Lower => text.to_ascii_lowercase(),
            Case::Upper => text.to_ascii_uppercase(),
        };
        return Cow::Owned(Str::from(converted));
    }
    if !text.chars().any(|c| map_char(c, case) != c) {
        return text;
    }
    let converted: String = text.chars().map(|c| map_char(c, case)).collect();
    Cow::Owned(Str::from(converted))
}

/// `text` in snake case as `strcase.ToSnake` (iancoleman/strcase v0.3) writes it, which the
/// reference's `ToSnakeCase` and `ConvertCase(…, "snake")` call: surrounding Unicode
/// whitespace trimmed; ASCII letters lowered; a `_` between a lower-case letter or digit and
/// what follows when the kind changes (letter ↔ digit, lower → upper), and before the last
/// capital of a run followed by a lower-case letter (`JSONData` → `json_data`); ` `, `-`, `.`
/// become `_`. Everything else, non-ASCII characters included, is kept as it is.
pub(crate) fn snake(text: &str) -> String {
    let bytes = text.trim().as_bytes();
    let mut out = Vec::with_capacity(bytes.len() + 2);
    for (i, &byte) in bytes.iter().enumerate() {
        let is_upper = byte.is_ascii_uppercase();
        let is_lower = byte.is_ascii_lowercase();
        let lowered = byte.to_ascii_lowercase();
        if let Some(&next) = bytes.get(i + 1) {
            let is_digit = byte.is_ascii_digit();
            let next_upper = next.is_ascii_uppercase();
            let next_lower = next.is_ascii_lowercase();
            let next_digit = next.is_ascii_digit();
            let kind_changes = (is_upper && (next_lower || next_digit))
                || (is_lower && (next_upper || next_digit))
                || (is_digit && (next_upper || next_lower));
            if kind_changes {
                // The last capital of an acronym starts the next word: `JSONData`.
                if is_upper && next_lower && i > 0 && bytes[i - 1].is_ascii_uppercase() {
                    out.push(b'_');
                }
                out.push(lowered);
                if is_lower || is_digit || next_digit {
                    out.push(b'_');
                }
                continue;
            }
        }
        out.push(match lowered {
            b' ' | b'-' | b'.' => b'_',
            other => other,
        });
    }
    // Only ASCII bytes were changed or inserted, each at a character boundary.
    String::from_utf8(out).unwrap_or_default()
}

/// `text` in upper camel case as `strcase.ToCamel` (iancoleman/strcase v0.3) writes it, which
/// the reference's `ToCamelCase` and `ConvertCase(…, "camel")` call: surrounding Unicode
/// whitespace trimmed; only ASCII letters and digits kept; the first letter, a letter after a
/// digit and a letter after ` `, `_`, `-` or `.` upper-cased; a capital after a capital
/// lowered (`CPUUtilization` → `CpuUtilization`). Non-ASCII characters are dropped.
pub(crate) fn camel(text: &str) -> String {
    let bytes = text.trim().as_bytes();
    let mut out = String::with_capacity(bytes.len());
    let mut capitalise_next = true;
    let mut previous_upper = false;
    for &byte in bytes {
        let is_upper = byte.is_ascii_uppercase();
        let is_lower = byte.is_ascii_lowercase();
        let letter = if capitalise_next {
            byte.to_ascii_uppercase()
        } else if previous_upper && is_upper {
            byte.to_ascii_lowercase()
        } else {
            byte
        };
        previous_upper = is_upper;
        if is_upper || is_lower {
            out.push(char::from(letter));
            capitalise_next = false;
        } else if byte.is_ascii_digit() {
            out.push(char::from(byte));
            capitalise_next = true;
        } else {
            capitalise_next = matches!(byte, b'_' | b' ' | b'-' | b'.');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{camel, snake};

    /// Inputs and what the reference engine (v0.156, strcase v0.3.0) returns for them.
    const SNAKE: &[(&str, &str)] = &[
        ("simpleString", "simple_string"),
        ("CPUUtilizationMetric", "cpu_utilization_metric"),
        ("simple-string", "simple_string"),
        ("JSONData", "json_data"),
        ("already_snake", "already_snake"),
        ("SimpleString", "simple_string"),
        ("CPUUtilization", "cpu_utilization"),
        ("héllo wörld", "héllo_wörld"),
        ("  padded value  ", "padded_value"),
        ("a.b.c", "a_b_c"),
        ("a-b_c d.e", "a_b_c_d_e"),
        ("HTTPServer2XX", "http_server_2_xx"),
        ("v2Beta", "v_2_beta"),
        ("version1_2", "version_1_2"),
        ("abc123def", "abc_123_def"),
        ("ABC123DEF", "abc_123_def"),
        ("ABC123def", "abc_123_def"),
        ("123abc", "123_abc"),
        ("__double__underscore__", "__double__underscore__"),
        ("-leading-hyphen", "_leading_hyphen"),
        ("trailing.", "trailing_"),
        (
            "MixedUP_case-WITH.separators",
            "mixed_up_case_with_separators",
        ),
        ("ÀBC déf", "Àbc_déf"),
        ("ID", "id"),
        ("userID", "user_id"),
        ("userIDs", "user_i_ds"),
        ("X", "x"),
        ("x", "x"),
        ("a b  c", "a_b__c"),
        ("foo!bar", "foo!bar"),
        ("foo!Bar", "foo!bar"),
        ("fooBAR", "foo_bar"),
        ("FOObar", "fo_obar"),
        ("getHTTPResponseCode", "get_http_response_code"),
        ("camelCase2Snake", "camel_case_2_snake"),
        ("some__Name", "some__name"),
        ("Some_Name_", "some_name_"),
        ("1st_place", "1_st_place"),
        ("\ttab\tseparated\t", "tab\tseparated"),
        ("a1B2c3", "a_1_b_2_c_3"),
        ("AbC", "ab_c"),
        ("aBc", "a_bc"),
        ("A1", "a_1"),
        ("aB1", "a_b_1"),
        ("ÄpfelÜber", "ÄpfelÜber"),
        ("emoji😀Case", "emoji😀case"),
        ("snake_😀_case", "snake_😀_case"),
        ("http_2_xx", "http_2_xx"),
        ("already-Kebab-CASE", "already_kebab_case"),
    ];

    const CAMEL: &[(&str, &str)] = &[
        ("simpleString", "SimpleString"),
        ("CPUUtilizationMetric", "CpuutilizationMetric"),
        ("simple-string", "SimpleString"),
        ("JSONData", "Jsondata"),
        ("already_snake", "AlreadySnake"),
        ("SimpleString", "SimpleString"),
        ("CPUUtilization", "Cpuutilization"),
        ("héllo wörld", "HlloWrld"),
        ("  padded value  ", "PaddedValue"),
        ("a.b.c", "ABC"),
        ("a-b_c d.e", "ABCDE"),
        ("HTTPServer2XX", "Httpserver2Xx"),
        ("v2Beta", "V2Beta"),
        ("version1_2", "Version12"),
        ("abc123def", "Abc123Def"),
        ("ABC123DEF", "Abc123Def"),
        ("ABC123def", "Abc123Def"),
        ("123abc", "123Abc"),
        ("__double__underscore__", "DoubleUnderscore"),
        ("-leading-hyphen", "LeadingHyphen"),
        ("trailing.", "Trailing"),
        ("MixedUP_case-WITH.separators", "MixedUpCaseWithSeparators"),
        ("ÀBC déf", "BcDf"),
        ("ID", "Id"),
        ("userID", "UserId"),
        ("userIDs", "UserIds"),
        ("X", "X"),
        ("x", "X"),
        ("a b  c", "ABC"),
        ("foo!bar", "Foobar"),
        ("foo!Bar", "FooBar"),
        ("fooBAR", "FooBar"),
        ("FOObar", "Foobar"),
        ("getHTTPResponseCode", "GetHttpresponseCode"),
        ("camelCase2Snake", "CamelCase2Snake"),
        ("some__Name", "SomeName"),
        ("Some_Name_", "SomeName"),
        ("1st_place", "1StPlace"),
        ("\ttab\tseparated\t", "Tabseparated"),
        ("a1B2c3", "A1B2C3"),
        ("AbC", "AbC"),
        ("aBc", "ABc"),
        ("A1", "A1"),
        ("aB1", "AB1"),
        ("ÄpfelÜber", "pfelber"),
        ("emoji😀Case", "EmojiCase"),
        ("snake_😀_case", "SnakeCase"),
        ("http_2_xx", "Http2Xx"),
        ("already-Kebab-CASE", "AlreadyKebabCase"),
    ];

    #[test]
    fn snake_case_matches_the_reference() {
        for (input, expected) in SNAKE {
            assert_eq!(snake(input), *expected, "{input:?}");
        }
    }

    #[test]
    fn camel_case_matches_the_reference() {
        for (input, expected) in CAMEL {
            assert_eq!(camel(input), *expected, "{input:?}");
        }
    }
}
