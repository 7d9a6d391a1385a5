//! Statement files: one statement or condition per line, blank lines and `#` comments skipped.

use ottl_core::diag::Diagnostics;
use ottl_core::syntax::{self, BoolExpr, Statement};
use std::fmt;

/// One line of a statement file.
pub enum Line<'a> {
    /// A blank or `#` comment line, kept as written.
    Verbatim(&'a str),
    /// OTTL source, with the byte offset of its first character in the file.
    Source {
        /// The text, trimmed.
        text: &'a str,
        /// Where `text` starts in the file.
        offset: usize,
    },
}

/// Splits `text` into lines, telling OTTL source from blank lines and comments.
pub fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    text.split_inclusive('\n').scan(0, |offset, raw| {
        let start = *offset;
        *offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim();
        Some(if trimmed.is_empty() || trimmed.starts_with('#') {
            Line::Verbatim(line)
        } else {
            let leading = line.len() - line.trim_start().len();
            Line::Source {
                text: trimmed,
                offset: start + leading,
            }
        })
    })
}

/// A parsed line: statements start with an editor call, anything else is a condition.
pub enum Parsed {
    /// `editor(...) [where ...]`.
    Statement(Statement),
    /// A standalone condition.
    Condition(BoolExpr),
}

impl fmt::Display for Parsed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Parsed::Statement(statement) => statement.fmt(f),
            Parsed::Condition(condition) => condition.fmt(f),
        }
    }
}

/// Parses `source` as a statement when it starts with a lowercase call, else as a condition.
pub fn parse(source: &str) -> Result<Parsed, Diagnostics> {
    if starts_with_editor_call(source) {
        syntax::parse_statement(source).map(Parsed::Statement)
    } else {
        syntax::parse_condition(source).map(Parsed::Condition)
    }
}

fn starts_with_editor_call(source: &str) -> bool {
    let source = source.trim_start();
    let name_len = source
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(source.len());
    let name = &source[..name_len];
    let is_keyword = matches!(name, "not" | "nil" | "true" | "false" | "and" | "or");
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && !is_keyword
        && source[name_len..].trim_start().starts_with('(')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_offsets_of_trimmed_source() {
        let text = "# head\n\n  set(x, 1)\r\nname == \"a\"";
        let sources: Vec<(&str, usize)> = lines(text)
            .filter_map(|line| match line {
                Line::Source { text, offset } => Some((text, offset)),
                Line::Verbatim(_) => None,
            })
            .collect();
        assert_eq!(sources, [("set(x, 1)", 10), ("name == \"a\"", 21)]);
        assert_eq!(&text[10..19], "set(x, 1)");
    }

    #[test]
    fn editor_calls_are_statements_and_the_rest_conditions() {
        assert!(starts_with_editor_call("set (x, 1)"));
        assert!(!starts_with_editor_call("not (a == 1)"));
        assert!(!starts_with_editor_call("IsMatch(body, \"x\")"));
        assert!(!starts_with_editor_call("attributes[\"a\"] == 1"));
    }
}
