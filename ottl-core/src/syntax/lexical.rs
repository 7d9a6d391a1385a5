//! A pass over the characters before the grammar runs: strings, delimiters and stray characters.
//!
//! These mistakes make a grammar error point somewhere unhelpful (an unclosed string fails at
//! its opening quote as "unexpected `\"`"); found here, they get a diagnostic naming the fix.
//! The pass also bounds nesting, so the recursive-descent grammar never runs out of stack.

use crate::diag::{Code, Diagnostic};
use crate::span::Span;

/// How deep parentheses, brackets and braces may nest.
pub(crate) const MAX_NESTING: usize = 128;

/// An open `(`, `[` or `{`.
#[derive(Clone, Copy)]
pub(super) struct Opener {
    pub(super) delimiter: u8,
    pub(super) offset: usize,
}

/// Checks `source` for the mistakes this pass knows; `Ok` means the grammar may run.
pub(super) fn scan(source: &str) -> Result<(), Diagnostic> {
    if source.trim().is_empty() {
        return Err(Diagnostic::error(
            Code::EmptyInput,
            "expected a statement or condition, found nothing",
            Span::at(source.len()),
            "nothing to parse",
        ));
    }
    let mut openers: Vec<Opener> = Vec::new();
    let bytes = source.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'"' => i = string_end(source, i)?,
            b'(' | b'[' | b'{' => {
                openers.push(Opener {
                    delimiter: b,
                    offset: i,
                });
                if openers.len() > MAX_NESTING {
                    return Err(Diagnostic::error(
                        Code::NestingTooDeep,
                        format!("expressions nest more than {MAX_NESTING} levels deep"),
                        Span::new(i, i + 1),
                        "too deep",
                    ));
                }
            }
            b')' | b']' | b'}' => close(source, &mut openers, i)?,
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | b' ' | b',' | b'.' | b'=' => {}
            _ => stray_character(source, i)?,
        }
        i += 1;
    }
    match openers.last() {
        Some(&opener) => Err(unclosed(source, opener, &openers)),
        None => Ok(()),
    }
}

/// The open delimiters at `offset`, innermost last; assumes `scan` accepted the source.
pub(super) fn open_at(source: &str, offset: usize) -> Vec<Opener> {
    let mut openers = Vec::new();
    let bytes = source.as_bytes();
    let mut i = 0;
    while i < offset.min(bytes.len()) {
        match bytes[i] {
            b'"' => i = string_end(source, i).unwrap_or(bytes.len()),
            b'(' | b'[' | b'{' => openers.push(Opener {
                delimiter: bytes[i],
                offset: i,
            }),
            b')' | b']' | b'}' => {
                openers.pop();
            }
            _ => {}
        }
        i += 1;
    }
    openers
}

/// The offset of the quote closing the string that opens at `start`.
fn string_end(source: &str, start: usize) -> Result<usize, Diagnostic> {
    let bytes = source.as_bytes();
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Ok(i),
            _ => i += 1,
        }
    }
    let line_end = source[start..]
        .find('\n')
        .map_or(source.len(), |n| start + n);
    Err(Diagnostic::error(
        Code::UnclosedString,
        "unclosed string",
        Span::new(start, line_end),
        "this string is never closed",
    )
    .with_help("add a `\"` where the string ends; write a `\"` inside a string as `\\\"`"))
}

fn close(source: &str, openers: &mut Vec<Opener>, offset: usize) -> Result<(), Diagnostic> {
    let closer = source.as_bytes()[offset];
    let span = Span::new(offset, offset + 1);
    match openers.pop() {
        Some(opener) if closing(opener.delimiter) == closer => Ok(()),
        Some(opener) => Err(Diagnostic::error(
            Code::UnexpectedCloser,
            format!(
                "expected `{}` to close {}, found `{}`",
                closing(opener.delimiter) as char,
                describe_opener(source, opener),
                closer as char
            ),
            span,
            format!("expected `{}`", closing(opener.delimiter) as char),
        )
        .with_label(Span::new(opener.offset, opener.offset + 1), "opened here")),
        None => Err(Diagnostic::error(
            Code::UnexpectedCloser,
            format!("unexpected `{}`", closer as char),
            span,
            "nothing is open here",
        )
        .with_help("remove it, or add the opening delimiter it closes")),
    }
}

fn unclosed(source: &str, opener: Opener, openers: &[Opener]) -> Diagnostic {
    let closer = closing(opener.delimiter) as char;
    let mut diagnostic = Diagnostic::error(
        Code::UnclosedDelimiter,
        format!(
            "expected `{closer}` to close {}",
            describe_opener(source, opener)
        ),
        Span::new(opener.offset, opener.offset + 1),
        "opened here",
    )
    .with_label(
        Span::at(source.trim_end().len()),
        format!("expected `{closer}` here"),
    );
    if openers.len() > 1 {
        let still_open: String = openers
            .iter()
            .rev()
            .map(|o| closing(o.delimiter) as char)
            .collect();
        diagnostic = diagnostic.with_help(format!(
            "the input ends with {} delimiters open; close them with `{still_open}`",
            openers.len()
        ));
    } else {
        diagnostic = diagnostic.with_help(format!("add `{closer}` at the end"));
    }
    diagnostic
}

/// "the call to `set`", "this `[`", ...
pub(super) fn describe_opener(source: &str, opener: Opener) -> String {
    let before = source[..opener.offset].trim_end();
    let name_start = before
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    let name = &before[name_start..];
    match opener.delimiter {
        b'(' if name.starts_with(|c: char| c.is_ascii_alphabetic()) => {
            format!("the call to `{name}`")
        }
        b'[' if !name.is_empty() || before.ends_with([']', ')']) => "this key".to_owned(),
        b'[' => "this list".to_owned(),
        b'{' => "this map".to_owned(),
        _ => "this parenthesis".to_owned(),
    }
}

const fn closing(opener: u8) -> u8 {
    match opener {
        b'(' => b')',
        b'[' => b']',
        _ => b'}',
    }
}

/// Rejects a character that OTTL never uses outside strings, naming the likely intent.
fn stray_character(source: &str, offset: usize) -> Result<(), Diagnostic> {
    let rest = &source[offset..];
    let Some(c) = rest.chars().next() else {
        return Ok(());
    };
    if c.is_ascii_alphanumeric() || c.is_ascii_whitespace() || "_+-*/=<>,.:".contains(c) {
        if rest.starts_with("//") {
            return Err(comment(source, offset));
        }
        return Ok(());
    }
    let one = Span::new(offset, offset + c.len_utf8());
    let two = Span::new(offset, (offset + 2).min(source.len()));
    let diagnostic = match c {
        '!' if rest.starts_with("!=") => return Ok(()),
        '&' | '|' | '!' => {
            let (word, span) = match c {
                '&' => ("and", if rest.starts_with("&&") { two } else { one }),
                '|' => ("or", if rest.starts_with("||") { two } else { one }),
                _ => ("not", one),
            };
            let written = &source[span.range()];
            Diagnostic::error(
                Code::SymbolicLogicalOperator,
                format!("`{written}` is not an OTTL operator"),
                span,
                format!("use `{word}` here"),
            )
            .with_help(format!(
                "OTTL writes boolean operators as words: replace `{written}` with `{word}`"
            ))
        }
        '#' => comment(source, offset),
        '\'' => Diagnostic::error(
            Code::InvalidCharacter,
            "strings are written with double quotes",
            one,
            "single quote",
        )
        .with_help("replace the single quotes with double quotes: \"...\""),
        _ => Diagnostic::error(
            Code::InvalidCharacter,
            format!("unexpected character `{c}`"),
            one,
            "OTTL does not use this character outside strings",
        )
        .with_help("identifiers are ASCII letters, digits and `_`; put other text inside a string"),
    };
    Err(diagnostic)
}

fn comment(source: &str, offset: usize) -> Diagnostic {
    let end = source[offset..]
        .find('\n')
        .map_or(source.len(), |n| offset + n);
    Diagnostic::error(
        Code::Comment,
        "OTTL has no comments",
        Span::new(offset, end),
        "not part of the language",
    )
    .with_help("remove the comment; in a `.ottl` file a line starting with `#` is skipped")
}
