//! Regex and glob arguments: compiled once when they are literals (a bad one is a compile
//! diagnostic), per record when they come from a path (a bad one is a runtime error), as the
//! reference does.

use crate::convert::{self, Input};
use ottl_core::RuntimeError;
use ottl_core::context::TransformContext;
use ottl_core::diag::Diagnostic;
use ottl_core::function::Args;
use ottl_core::value::Value;
use regex::Regex;
use std::borrow::Cow;

/// How a pattern string turns into a [`Regex`].
#[derive(Clone, Copy)]
pub(crate) enum Syntax {
    /// Go's RE2 syntax.
    Regex,
    /// gobwas/glob without separators, matched against the whole string.
    Glob,
}

/// A pattern argument (the reference's `StringGetter` pattern).
pub(crate) enum Pattern {
    /// A literal pattern, compiled when the statement compiled.
    Compiled(Regex),
    /// A pattern read per record.
    Dynamic(Input, Syntax, &'static str),
}

impl Pattern {
    /// The pattern argument at `index` of `function`.
    pub(crate) fn at(
        args: &mut Args,
        index: usize,
        syntax: Syntax,
        function: &'static str,
    ) -> Result<Self, Diagnostic> {
        match Input::at(args, index)? {
            Input::Constant(Value::Str(text)) => match compile(&text, syntax) {
                Ok(regex) => Ok(Pattern::Compiled(regex)),
                Err(message) => Err(args.invalid(
                    index,
                    format!("invalid pattern {:?}: {message}", text.as_str()),
                    match syntax {
                        Syntax::Regex => "write an RE2 regular expression, e.g. \"^http\\\\.\"",
                        Syntax::Glob => "write a glob such as \"/user/*/list/*\"",
                    },
                )),
            },
            Input::Constant(other) => Err(args.invalid(
                index,
                format!("the pattern must be a string, found {}", other.value_type()),
                "write the pattern as a string literal",
            )),
            dynamic => Ok(Pattern::Dynamic(dynamic, syntax, function)),
        }
    }

    /// The regex for this record: the compiled literal, or the pattern read and compiled now.
    pub(crate) fn regex(&self, ctx: &TransformContext<'_>) -> Result<Cow<'_, Regex>, RuntimeError> {
        match self {
            Pattern::Compiled(regex) => Ok(Cow::Borrowed(regex)),
            Pattern::Dynamic(input, syntax, function) => {
                let text = convert::string(input.get(ctx)?)?;
                let regex = compile(&text, *syntax).map_err(|message| RuntimeError::Function {
                    function,
                    message: format!("invalid pattern {:?}: {message}", text.as_str()),
                })?;
                Ok(Cow::Owned(regex))
            }
        }
    }
}

/// Compiles `pattern` in `syntax`.
pub(crate) fn compile(pattern: &str, syntax: Syntax) -> Result<Regex, String> {
    let translated = match syntax {
        Syntax::Regex => go_regex(pattern),
        Syntax::Glob => glob(pattern)?,
    };
    Regex::new(&translated).map_err(|error| error.to_string())
}

/// Go's RE2 syntax for the `regex` crate. The two agree except that Go's `\d`, `\w`, `\s` and
/// `\b` are ASCII-only where the crate's are Unicode-aware, so those become explicit ASCII
/// classes. (Go's `\Q…\E` quoting is not supported by the crate and is rejected.)
fn go_regex(pattern: &str) -> String {
    if !pattern.contains('\\') {
        return pattern.to_owned();
    }
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut in_class = false;
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(next) = chars.next() else {
                    out.push('\\');
                    break;
                };
                let ascii = match (next, in_class) {
                    ('d', false) => Some("[0-9]"),
                    ('D', _) => Some("[^0-9]"),
                    ('w', false) => Some("[0-9A-Za-z_]"),
                    ('W', _) => Some("[^0-9A-Za-z_]"),
                    ('s', false) => Some("[\\t\\n\\f\\r ]"),
                    ('S', _) => Some("[^\\t\\n\\f\\r ]"),
                    ('d', true) => Some("0-9"),
                    ('w', true) => Some("0-9A-Za-z_"),
                    ('s', true) => Some("\\t\\n\\f\\r "),
                    ('b', false) => Some("(?-u:\\b)"),
                    ('B', false) => Some("(?-u:\\B)"),
                    _ => None,
                };
                match ascii {
                    Some(class) => out.push_str(class),
                    None => {
                        out.push('\\');
                        out.push(next);
                    }
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push('[');
                // `]` right after `[` or `[^` is a literal in both syntaxes.
                if chars.peek() == Some(&'^') {
                    out.push('^');
                    chars.next();
                }
                if chars.peek() == Some(&']') {
                    out.push_str("\\]");
                    chars.next();
                }
            }
            '[' if chars.peek() == Some(&':') => {
                // A POSIX class such as `[:alpha:]` inside a class.
                out.push('[');
                for c in chars.by_ref() {
                    out.push(c);
                    if c == ']' {
                        break;
                    }
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(']');
            }
            c => out.push(c),
        }
    }
    out
}

/// A gobwas/glob pattern (no separators) as an anchored regex: `*` any run of characters,
/// `?` one character, `[abc]`, `[!abc]`, `[a-z]`, `{a,b}` alternatives, `\` escapes.
fn glob(pattern: &str) -> Result<String, String> {
    let mut out = String::with_capacity(pattern.len() + 8);
    out.push_str("(?s)^");
    let mut chars = pattern.chars();
    let mut depth = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '*' => out.push_str(".*"),
            '?' => out.push('.'),
            '\\' => match chars.next() {
                Some(escaped) => push_literal(&mut out, escaped),
                None => return Err("pattern ends with an unfinished escape".to_owned()),
            },
            '[' => {
                out.push('[');
                let mut first = true;
                let mut closed = false;
                while let Some(c) = chars.next() {
                    match c {
                        '!' if first => out.push('^'),
                        ']' if !first => {
                            closed = true;
                            break;
                        }
                        '\\' => match chars.next() {
                            Some(escaped) => push_class_literal(&mut out, escaped),
                            None => break,
                        },
                        '-' => out.push('-'),
                        c => push_class_literal(&mut out, c),
                    }
                    first = false;
                }
                if !closed {
                    return Err("unclosed `[` in glob".to_owned());
                }
                out.push(']');
            }
            '{' => {
                depth += 1;
                out.push_str("(?:");
            }
            ',' if depth > 0 => out.push('|'),
            '}' if depth > 0 => {
                depth -= 1;
                out.push(')');
            }
            c => push_literal(&mut out, c),
        }
    }
    if depth > 0 {
        return Err("unclosed `{` in glob".to_owned());
    }
    out.push('$');
    Ok(out)
}

fn push_literal(out: &mut String, c: char) {
    let mut buffer = [0u8; 4];
    out.push_str(&regex::escape(c.encode_utf8(&mut buffer)));
}

fn push_class_literal(out: &mut String, c: char) {
    if matches!(c, '[' | ']' | '\\' | '^' | '-' | '&' | '~') {
        out.push('\\');
    }
    out.push(c);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(pattern: &str, syntax: Syntax, text: &str) -> bool {
        compile(pattern, syntax).is_ok_and(|regex| regex.is_match(text))
    }

    #[test]
    fn perl_classes_are_ascii_as_in_go() {
        assert!(matches(r"^\d+$", Syntax::Regex, "123"));
        assert!(!matches(r"^\d+$", Syntax::Regex, "١٢٣"));
        assert!(matches(r"^[\d\s]+$", Syntax::Regex, "1 2"));
        assert!(!matches(r"\w", Syntax::Regex, "é"));
        assert!(matches(r"\bword\b", Syntax::Regex, "a word here"));
        assert!(matches(r"[^\d]", Syntax::Regex, "x"));
    }

    #[test]
    fn globs_match_whole_strings_and_star_crosses_slashes() {
        assert!(matches(
            "/user/*/list/*",
            Syntax::Glob,
            "/user/123/list/456"
        ));
        assert!(matches("http://*", Syntax::Glob, "http://a/b/c"));
        assert!(!matches("*/*", Syntax::Glob, "get"));
        assert!(matches("{a,b}?[!x]", Syntax::Glob, "bcd"));
        assert!(!matches("[!x]", Syntax::Glob, "x"));
        assert!(compile("[ab", Syntax::Glob).is_err());
    }
}
