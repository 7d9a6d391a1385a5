//! Grammar failures and AST-level mistakes, as diagnostics in the words of the language.
//!
//! pest reports the furthest position it reached and what it would have accepted there. That is
//! where the mistake is, but "expected value or comparison_op" is not a message: this module
//! names what was found, says what was expected in OTTL's terms, and recognises the common slips
//! (`=` for `==`, a trailing comma, a chained comparison, ...) to name their fix.

use super::ast::{Call, Ident};
use super::lexical;
use super::parser::Rule;
use crate::diag::{Code, Diagnostic};
use crate::span::Span;
use pest::error::{ErrorVariant, InputLocation};
use std::collections::BTreeSet;

/// Explains why the grammar rejected `source`.
pub(super) fn grammar(source: &str, error: &pest::error::Error<Rule>) -> Diagnostic {
    let rule_offset = match error.location {
        InputLocation::Pos(pos) => pos,
        InputLocation::Span((start, _)) => start,
    };
    let mut expected = BTreeSet::new();
    let mut offset = rule_offset;
    let attempts = error.parse_attempts();
    // Literal tokens (`,`, `)`) can be tried further on than any rule; their position wins.
    let token_offset = attempts.as_ref().map_or(0, |a| a.max_position);
    if token_offset >= rule_offset {
        for token in attempts.iter().flat_map(|a| a.expected_tokens()) {
            expected.extend(describe_literal(&token.to_string()));
        }
        if !expected.is_empty() {
            offset = token_offset;
        }
    }
    if offset == rule_offset
        && let ErrorVariant::ParsingError { positives, .. } = &error.variant
    {
        expected.extend(positives.iter().filter_map(|rule| describe_rule(*rule)));
    }
    simplify(&mut expected);
    let offset = skip_whitespace(source, offset.min(source.len()));
    let found = token_at(source, offset);
    slip(source, offset, found, &expected)
        .unwrap_or_else(|| unexpected(source, offset, found, &expected))
}

fn describe_rule(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::EOI => "end of input",
        Rule::bool_expr | Rule::comparison => "a condition",
        Rule::comparison_op => "a comparison operator",
        Rule::value
        | Rule::math_expr
        | Rule::sign
        | Rule::nil
        | Rule::lambda
        | Rule::bytes
        | Rule::string
        | Rule::boolean
        | Rule::map
        | Rule::list
        | Rule::enum_symbol
        | Rule::float
        | Rule::int
        | Rule::path => "a value",
        Rule::math_op => "an arithmetic operator",
        Rule::invocation | Rule::call | Rule::function_name => "a function call",
        Rule::argument | Rule::argument_name | Rule::function_ref => "an argument",
        Rule::path_segment | Rule::segment_name => "a path segment",
        Rule::key => "`[`",
        Rule::map_entry => "a map entry (\"key\": value)",
        Rule::lambda_param => "a lambda parameter",
        Rule::lambda_body => "a lambda body",
        Rule::where_keyword => "`where`",
        Rule::and_keyword | Rule::or_keyword => "`and`, `or`",
        Rule::not_keyword => "`not`",
        _ => return None,
    })
}

fn describe_literal(token: &str) -> Option<&'static str> {
    Some(match token {
        "(" => "`(`",
        ")" => "`)`",
        "[" => "`[`",
        "]" => "`]`",
        "{" => "`{`",
        "}" => "`}`",
        "," => "`,`",
        ":" => "`:`",
        "." => "`.`",
        "=" => "`=`",
        "=>" => "`=>`",
        "where" => "`where`",
        "not" => "`not`",
        "and" | "or" => "`and`, `or`",
        "+" | "-" | "*" | "/" => "an arithmetic operator",
        "==" | "!=" | "<" | "<=" | ">" | ">=" => "a comparison operator",
        "nil" | "true" | "false" | "\"" | "0x" => "a value",
        _ => return None,
    })
}

/// Drops the tokens that only start a value or condition when that is already expected.
fn simplify(expected: &mut BTreeSet<&'static str>) {
    let starters = [
        "`(`",
        "`[`",
        "`{`",
        "`.`",
        "an arithmetic operator",
        "a function call",
        "a path segment",
    ];
    if expected.contains("a condition") {
        expected.retain(|e| !starters.contains(e) && !matches!(*e, "a value" | "`not`"));
    } else if expected.contains("a value") {
        expected.retain(|e| !starters.contains(e));
    }
}

/// The token starting at `offset`, as written, or `None` at the end of the input.
fn token_at(source: &str, offset: usize) -> Option<&str> {
    let rest = &source[offset..];
    let first = rest.chars().next()?;
    let len = if first.is_ascii_alphanumeric() || first == '_' {
        rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len())
    } else if first == '"' {
        lexical_string_len(rest)
    } else {
        ["==", "!=", "<=", ">=", "=>"]
            .iter()
            .find(|op| rest.starts_with(**op))
            .map_or(first.len_utf8(), |op| op.len())
    };
    Some(&rest[..len])
}

fn lexical_string_len(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    let mut i = 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    rest.len()
}

fn skip_whitespace(source: &str, offset: usize) -> usize {
    offset + source[offset..].len() - source[offset..].trim_start().len()
}

/// The last non-whitespace character before `offset`, with its offset.
fn previous_char(source: &str, offset: usize) -> Option<(usize, char)> {
    source[..offset].trim_end().char_indices().next_back()
}

fn token_span(offset: usize, found: Option<&str>) -> Span {
    Span::new(offset, offset + found.map_or(0, str::len))
}

fn found_phrase(found: Option<&str>) -> String {
    match found {
        None => "end of input".to_owned(),
        Some(token) => format!("`{token}`"),
    }
}

fn expected_phrase(expected: &BTreeSet<&'static str>) -> String {
    let items: Vec<&str> = expected.iter().copied().collect();
    match items.as_slice() {
        [] => "something else".to_owned(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

fn unexpected(
    source: &str,
    offset: usize,
    found: Option<&str>,
    expected: &BTreeSet<&'static str>,
) -> Diagnostic {
    let span = token_span(offset, found);
    let mut diagnostic = Diagnostic::error(
        Code::UnexpectedToken,
        format!(
            "expected {}, found {}",
            expected_phrase(expected),
            found_phrase(found)
        ),
        span,
        if found.is_some() {
            "unexpected here"
        } else {
            "the input ends here"
        },
    );
    if let Some(opener) = lexical::open_at(source, offset).last() {
        let what = lexical::describe_opener(source, *opener);
        diagnostic = diagnostic.with_label(
            Span::new(opener.offset, opener.offset + 1),
            format!("in {what}"),
        );
    }
    if let Some(word) = found.filter(|w| is_keyword(&w.to_ascii_lowercase()) && !is_keyword(w)) {
        diagnostic = diagnostic.with_help(format!(
            "keywords are lowercase: write `{}`",
            word.to_ascii_lowercase()
        ));
    } else if found == Some("[") {
        diagnostic = diagnostic.with_help("only paths and converter calls can be indexed");
    } else if expected.contains("`,`") && found.is_some_and(starts_value) {
        diagnostic = diagnostic.with_help("separate arguments and list elements with `,`");
    }
    diagnostic
}

fn is_keyword(word: &str) -> bool {
    matches!(
        word,
        "where" | "and" | "or" | "not" | "nil" | "true" | "false"
    )
}

fn starts_value(token: &str) -> bool {
    token.starts_with(|c: char| c.is_ascii_alphanumeric() || matches!(c, '"' | '{' | '.'))
}

/// Recognises a common slip at the failure point and names its fix.
fn slip(
    source: &str,
    offset: usize,
    found: Option<&str>,
    expected: &BTreeSet<&'static str>,
) -> Option<Diagnostic> {
    let span = token_span(offset, found);
    let previous = previous_char(source, offset);
    let wants_comparison = expected.contains("a comparison operator");
    let in_call = lexical::open_at(source, offset)
        .last()
        .is_some_and(|opener| lexical::describe_opener(source, *opener).starts_with("the call"));
    match found {
        Some("=") if wants_comparison => Some(
            Diagnostic::error(
                Code::AssignInCondition,
                "`=` is not a comparison operator",
                span,
                "use `==` to compare",
            )
            .with_help("replace `=` with `==`"),
        ),
        Some(")" | "]") if previous.is_some_and(|(_, c)| c == ',') => {
            let (comma, _) = previous?;
            Some(
                Diagnostic::error(
                    Code::TrailingComma,
                    "trailing comma",
                    Span::new(comma, comma + 1),
                    "nothing follows this comma",
                )
                .with_help("remove the comma; only map literals allow a trailing comma"),
            )
        }
        Some("==" | "!=" | "<" | "<=" | ">" | ">=") if !wants_comparison => Some(if in_call {
            Diagnostic::error(Code::UnexpectedToken, "a comparison cannot be passed as an argument", span, "comparison here")
                .with_help("compute the value with a converter, or move the comparison into the `where` clause")
        } else {
            Diagnostic::error(
                Code::ChainedComparison,
                "comparisons cannot be chained",
                span,
                "second comparison operator",
            )
            .with_help("compare one pair at a time and join them with `and`: `a < b and b < c`")
        }),
        _ if repeated_not(source, offset).is_some() => {
            let span = repeated_not(source, offset)?;
            Some(
                Diagnostic::error(
                    Code::RepeatedNot,
                    "`not` cannot follow `not`",
                    span,
                    "second `not`",
                )
                .with_help("remove both, or write `not (not ...)`"),
            )
        }
        Some("not") if source[..offset].trim_end().ends_with("not") => Some(
            Diagnostic::error(
                Code::RepeatedNot,
                "`not` cannot follow `not`",
                span,
                "second `not`",
            )
            .with_help("remove both, or write `not (not ...)`"),
        ),
        Some("+" | "-" | "*" | "/") if previous.is_some_and(|(_, c)| c == '"') => {
            Some(string_arithmetic(span))
        }
        Some(token)
            if token.starts_with('"') && matches!(previous, Some((_, '+' | '-' | '*' | '/'))) =>
        {
            Some(string_arithmetic(span))
        }
        Some(token)
            if token.starts_with(|c: char| c.is_ascii_alphabetic())
                && previous.is_some_and(|(at, c)| c.is_ascii_digit() && at + 1 == offset) =>
        {
            Some(bad_number(source, offset, token))
        }
        None | Some("and" | "or" | ")" | "where") if wants_comparison && !in_call => Some(
            Diagnostic::error(
                Code::ValueAsCondition,
                "a value alone is not a condition",
                span,
                "expected a comparison operator here",
            )
            .with_help("compare the value, for example `== true` or `!= nil`"),
        ),
        _ => None,
    }
}

/// The span of a second `not` among the last two words before `offset`, if they are `not not`.
fn repeated_not(source: &str, offset: usize) -> Option<Span> {
    let before = &source[..offset];
    let mut words = before
        .rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty());
    let last = words.next()?;
    let start = before.trim_end().len().checked_sub(3)?;
    (last == "not" && words.next() == Some("not") && before.trim_end().ends_with("not"))
        .then_some(Span::new(start, start + 3))
}

fn string_arithmetic(span: Span) -> Diagnostic {
    Diagnostic::error(
        Code::StringArithmetic,
        "strings cannot be combined with arithmetic operators",
        span,
        "operator on a string",
    )
    .with_help("join strings with `Concat([\"a\", \"b\"], \"\")`")
}

fn bad_number(source: &str, offset: usize, token: &str) -> Diagnostic {
    let start = source[..offset]
        .rfind(|c: char| !(c.is_ascii_digit() || c == '.'))
        .map_or(0, |i| i + 1);
    let written = &source[start..offset + token.len()];
    let span = Span::new(start, offset + token.len());
    if written.starts_with("0x") {
        return Diagnostic::error(
            Code::InvalidBytes,
            format!("`{written}` is not a valid bytes literal"),
            span,
            "not hex",
        )
        .with_help("bytes literals hold hex digits only: 0-9, a-f, A-F");
    }
    let help = if token.starts_with(['e', 'E']) && !written.contains('.') {
        format!(
            "a float needs a decimal point: `{}.0{}`",
            &source[start..offset],
            token
        )
    } else {
        "numbers are decimal digits with an optional `.` and exponent".to_owned()
    };
    Diagnostic::error(
        Code::InvalidNumber,
        format!("`{written}` is not a valid number"),
        span,
        "invalid number",
    )
    .with_help(help)
}

/// A keyword where a name is needed: `resource.and`, `set(nil, 1)`.
pub(super) fn keyword_as_name(name: &Ident) -> Diagnostic {
    Diagnostic::error(
        Code::UnexpectedToken,
        format!("`{}` is a keyword and cannot be used as a name", name.name),
        name.span,
        "keyword",
    )
    .with_note("the keywords are `nil`, `not`, `and`, `or`, `true` and `false`")
}

/// A converter (uppercase name) at the head of a statement.
pub(super) fn converter_as_editor(call: &Call) -> Diagnostic {
    let name = &call.name.name;
    Diagnostic::error(
        Code::ConverterAsEditor,
        format!("a statement must start with an editor, found converter `{name}`"),
        call.name.span,
        "converters compute values; editors change the record",
    )
    .with_help(format!(
        "pass the converter to an editor, for example `set(attributes[\"result\"], {name}(...))`"
    ))
}

/// A lowercase call where a value is needed.
pub(super) fn editor_as_value(call: &Call) -> Diagnostic {
    let name = &call.name.name;
    let mut capitalized = name.clone();
    capitalized[..1].make_ascii_uppercase();
    Diagnostic::error(
        Code::EditorAsValue,
        format!("`{name}` cannot be used as a value: only converters return values"),
        call.name.span,
        "names starting with a lowercase letter are editors",
    )
    .with_help(format!(
        "converter names start with an uppercase letter: did you mean `{capitalized}`?"
    ))
}

/// A bare word between brackets that names no path.
pub(super) fn unquoted_key(span: Span, source: &str) -> Diagnostic {
    let suggestion = &source[span.range()];
    Diagnostic::error(
        Code::UnquotedMapKey,
        "map keys must be quoted",
        span,
        "read as a path, which no context has",
    )
    .with_help(format!("quote the key: `[\"{suggestion}\"]`"))
}
