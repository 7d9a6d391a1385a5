//! Regex and glob arguments: compiled once when they are literals (a bad one is a compile
//! diagnostic), per record when they come from a path (a bad one is a runtime error), as the
//! reference does.

use memchr::memmem;
use ottl_core::RuntimeError;
use ottl_core::RuntimeErrorKind;
use ottl_core::context::TransformContext;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self, Coerce as _};
use ottl_core::function::{Args, ValueArg};
use ottl_core::value::Value;
use regex::Regex;
use regex_automata::{Anchored, meta};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

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
    Compiled(Matcher),
    /// A pattern read per record.
    Dynamic(ValueArg, Syntax, &'static str),
}

impl Pattern {
    /// The pattern argument at `index` of `function`.
    pub(crate) fn at(
        args: &mut Args,
        index: usize,
        syntax: Syntax,
        function: &'static str,
    ) -> Result<Self, Diagnostic> {
        match args.value(index)? {
            ValueArg::Constant(Value::Str(text)) => match Matcher::compile(&text, syntax) {
                Ok(matcher) => Ok(Pattern::Compiled(matcher)),
                Err(message) => Err(args.invalid(
                    index,
                    format!("invalid pattern {:?}: {message}", text.as_str()),
                    match syntax {
                        Syntax::Regex => "write an RE2 regular expression, e.g. \"^http\\\\.\"",
                        Syntax::Glob => "write a glob such as \"/user/*/list/*\"",
                    },
                )),
            },
            ValueArg::Constant(other) => Err(args.invalid(
                index,
                format!("the pattern must be a string, found {}", other.value_type()),
                "write the pattern as a string literal",
            )),
            dynamic => Ok(Pattern::Dynamic(dynamic, syntax, function)),
        }
    }

    /// The matcher for this record: the compiled literal, or the pattern read and compiled now
    /// (without a literal prefilter, which would cost more to build than it saves once).
    pub(crate) fn matcher(
        &self,
        ctx: &TransformContext<'_>,
    ) -> Result<Cow<'_, Matcher>, RuntimeError> {
        match self {
            Pattern::Compiled(matcher) => Ok(Cow::Borrowed(matcher)),
            Pattern::Dynamic(input, syntax, function) => {
                let text = get::String::coerce(input.get(ctx)?)?;
                let regex =
                    compile(&text, *syntax).map_err(|message| RuntimeErrorKind::Function {
                        function,
                        message: format!("invalid pattern {:?}: {message}", text.as_str()),
                    })?;
                Ok(Cow::Owned(Matcher { regex, start: None }))
            }
        }
    }
}

/// A compiled pattern with, when there is one, the literal that every match starts with.
///
/// Most texts a pattern is tried on do not match, and on short texts the regex's fixed cost
/// per search dominates; a precompiled substring search rules those texts out first, and
/// where the literal occurs the regex only has to be tried anchored there.
#[derive(Clone)]
pub(crate) struct Matcher {
    regex: Regex,
    start: Option<Box<LiteralStart>>,
}

/// The literal every match of a pattern starts with, and the pattern compiled for searches
/// anchored at an occurrence of it — when first needed: a statement that never replaces (or a
/// checker that only compiles) does not pay for a second compilation of the pattern.
#[derive(Clone)]
struct LiteralStart {
    finder: memmem::Finder<'static>,
    pattern: Box<str>,
    anchored: OnceLock<Option<meta::Regex>>,
}

impl Matcher {
    /// Compiles `pattern` in `syntax` and extracts its required literal.
    fn compile(pattern: &str, syntax: Syntax) -> Result<Self, String> {
        let translated = translate(pattern, syntax)?;
        let regex = Regex::new(&translated).map_err(one_line)?;
        let start = required_literal(&translated).map(|literal| {
            Box::new(LiteralStart {
                finder: memmem::Finder::new(&literal).into_owned(),
                pattern: translated.as_str().into(),
                anchored: OnceLock::new(),
            })
        });
        Ok(Self { regex, start })
    }

    /// The regex itself.
    pub(crate) fn regex(&self) -> &Regex {
        &self.regex
    }

    /// Whether `text` may hold a match: `false` only when it lacks the required literal.
    pub(crate) fn may_match(&self, text: &str) -> bool {
        self.start
            .as_ref()
            .is_none_or(|start| start.finder.find(text.as_bytes()).is_some())
    }

    /// Whether the regex matches somewhere in `text`.
    pub(crate) fn is_match(&self, text: &str) -> bool {
        self.may_match(text) && self.regex.is_match(text)
    }

    /// Every match in `text` replaced by `with`, taken literally (no `$` expansion), as
    /// `Regex::replace_all` with `NoExpand` does.
    pub(crate) fn replace_all_literally(&self, text: &str, with: &str, max_len: usize) -> Spliced {
        let literal = |(): (), out: &mut String| out.push_str(with);
        match &self.start {
            Some(start) => splice(
                text,
                start.matches(&self.regex, text).map(|m| (m, ())),
                max_len,
                literal,
            ),
            None => {
                let matches = self.regex.find_iter(text).map(|m| (m.range(), ()));
                splice(text, matches, max_len, literal)
            }
        }
    }

    /// Every match in `text` replaced by `template` with its `$1`, `${name}` and `$$` expanded,
    /// as `Regex::replace_all` does.
    pub(crate) fn replace_all_expanding(
        &self,
        text: &str,
        template: &str,
        max_len: usize,
    ) -> Spliced {
        let matches = self
            .regex
            .captures_iter(text)
            .filter_map(|found| Some((found.get(0)?.range(), found)));
        splice(text, matches, max_len, |found, out| {
            found.expand(template, out)
        })
    }
}

impl LiteralStart {
    /// The leftmost-first, non-overlapping matches of `regex` (this pattern) in `text` as byte
    /// ranges: since every match starts with the literal, only the literal's occurrences can
    /// start one.
    fn matches<'t>(
        &'t self,
        regex: &'t Regex,
        text: &'t str,
    ) -> impl Iterator<Item = Range<usize>> + 't {
        let anchored = self
            .anchored
            .get_or_init(|| meta::Regex::new(&self.pattern).ok())
            .as_ref();
        let mut at = 0;
        std::iter::from_fn(move || {
            while let Some(found) = text
                .as_bytes()
                .get(at..)
                .and_then(|rest| self.finder.find(rest))
            {
                let candidate = at + found;
                let matched = match anchored {
                    Some(anchored) => anchored
                        .search(
                            &regex_automata::Input::new(text)
                                .range(candidate..)
                                .anchored(Anchored::Yes),
                        )
                        .map(|m| m.range()),
                    // Built as `regex` was, so never expected: the unanchored search from the
                    // candidate finds the same leftmost-first match, scanning further.
                    None => regex.find_at(text, candidate).map(|m| m.range()),
                };
                match matched {
                    // The literal is not empty, so neither is a match: `at` moves forward.
                    Some(range) => {
                        at = range.end.max(range.start + 1);
                        return Some(range);
                    }
                    None => at = candidate + 1,
                }
            }
            None
        })
    }
}

/// The outcome of replacing matches: the new text, `None` if nothing matched (or a match did
/// not fall on character boundaries), or `Err` with the length the text had reached when it
/// passed the limit — checked as it is built, so that a replacement that would multiply a long
/// text never allocates more than the limit allows.
pub(crate) type Spliced = Result<Option<String>, usize>;

/// `text` with each match (in order, not overlapping) replaced by what `write` appends for it.
fn splice<M>(
    text: &str,
    matches: impl Iterator<Item = (Range<usize>, M)>,
    max_len: usize,
    mut write: impl FnMut(M, &mut String),
) -> Spliced {
    let mut matches = matches.peekable();
    if matches.peek().is_none() {
        return Ok(None);
    }
    let mut out = String::with_capacity(text.len().min(max_len));
    let mut copied = 0;
    for (span, found) in matches {
        let Some(before) = text.get(copied..span.start) else {
            return Ok(None);
        };
        out.push_str(before);
        write(found, &mut out);
        if out.len() > max_len {
            return Err(out.len());
        }
        copied = span.end;
    }
    let Some(rest) = text.get(copied..) else {
        return Ok(None);
    };
    out.push_str(rest);
    if out.len() > max_len {
        return Err(out.len());
    }
    Ok(Some(out))
}

/// The one non-empty literal every match of `translated` starts with, if its prefixes reduce
/// to one (`"player1=[a-z]*"` gives `player1=`; `"a|b"` and `"[a-z]+"` give none).
fn required_literal(translated: &str) -> Option<Vec<u8>> {
    let hir = regex_syntax::parse(translated).ok()?;
    let mut prefixes = Extractor::new().kind(ExtractKind::Prefix).extract(&hir);
    prefixes.optimize_for_prefix_by_preference();
    match prefixes.literals()? {
        [only] if !only.as_bytes().is_empty() => Some(only.as_bytes().to_vec()),
        _ => None,
    }
}

/// Compiles `pattern` in `syntax`.
pub(crate) fn compile(pattern: &str, syntax: Syntax) -> Result<Regex, String> {
    Regex::new(&translate(pattern, syntax)?).map_err(one_line)
}

/// `pattern` in the `regex` crate's syntax.
pub(crate) fn translate(pattern: &str, syntax: Syntax) -> Result<String, String> {
    match syntax {
        Syntax::Regex => {
            let translated = go_regex(pattern);
            check_repeat_counts(&translated)?;
            Ok(translated)
        }
        Syntax::Glob => glob(pattern),
    }
}

/// The largest count RE2 accepts in `{n}`, `{n,}` and `{n,m}`.
const MAX_REPEAT: u32 = 1000;

/// Rejects counted repetitions above [`MAX_REPEAT`], as Go's `regexp` does ("invalid repeat
/// count"); the `regex` crate would accept them and spend seconds compiling one.
fn check_repeat_counts(translated: &str) -> Result<(), String> {
    use regex_syntax::ast::{Ast, RepetitionKind, RepetitionRange};
    fn walk(ast: &Ast) -> Result<(), String> {
        match ast {
            Ast::Repetition(repetition) => {
                if let RepetitionKind::Range(range) = &repetition.op.kind {
                    let (RepetitionRange::Exactly(n)
                    | RepetitionRange::AtLeast(n)
                    | RepetitionRange::Bounded(_, n)) = *range;
                    let low = match *range {
                        RepetitionRange::Bounded(m, _) => m,
                        _ => n,
                    };
                    if n > MAX_REPEAT || low > MAX_REPEAT {
                        return Err(format!(
                            "invalid repeat count: at most {MAX_REPEAT} (RE2's limit)"
                        ));
                    }
                }
                walk(&repetition.ast)
            }
            Ast::Group(group) => walk(&group.ast),
            Ast::Alternation(alternation) => alternation.asts.iter().try_for_each(walk),
            Ast::Concat(concat) => concat.asts.iter().try_for_each(walk),
            _ => Ok(()),
        }
    }
    // A pattern that does not parse is reported by the regex compiler itself.
    match regex_syntax::ast::parse::Parser::new().parse(translated) {
        Ok(ast) => walk(&ast),
        Err(_) => Ok(()),
    }
}

/// Go's RE2 syntax for the `regex` crate. The two agree except that Go's `\d`, `\w`, `\s` and
/// `\b` are ASCII-only where the crate's are Unicode-aware, so those become explicit ASCII
/// classes, and that a `{` that starts no counted repetition (`{a}`, grok's `Parameters: {…}`)
/// is a literal in Go and an error in the crate, so it is escaped. (Go's `\Q…\E` quoting is not
/// supported by the crate and is rejected.)
fn go_regex(pattern: &str) -> String {
    if !pattern.contains(['\\', '{']) {
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
            '{' if !in_class && !counted_repetition(chars.clone()) => out.push_str("\\{"),
            c => out.push(c),
        }
    }
    out
}

/// Whether the text after a `{` makes it a counted repetition as Go reads one: `n}`, `n,}` or
/// `n,m}`.
fn counted_repetition(mut rest: impl Iterator<Item = char>) -> bool {
    let mut digits = 0;
    let mut next = rest.next();
    while next.is_some_and(|c| c.is_ascii_digit()) {
        digits += 1;
        next = rest.next();
    }
    if digits == 0 {
        return false;
    }
    if next == Some(',') {
        next = rest.next();
        while next.is_some_and(|c| c.is_ascii_digit()) {
            next = rest.next();
        }
    }
    next == Some('}')
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

/// Why a pattern does not compile, in one line: the regex crate's syntax errors repeat the
/// pattern with a caret under the fault, which a diagnostic's span already shows.
fn one_line(error: regex::Error) -> String {
    let text = error.to_string();
    match text
        .lines()
        .rev()
        .find_map(|line| line.strip_prefix("error: "))
    {
        Some(reason) => reason.to_owned(),
        None => text.lines().next().unwrap_or_default().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(pattern: &str, syntax: Syntax, text: &str) -> bool {
        compile(pattern, syntax).is_ok_and(|regex| regex.is_match(text))
    }

    #[test]
    fn a_brace_that_counts_nothing_is_a_literal_as_in_go() {
        for pattern in ["a{", "a{x}", "a{2}", "a{2,}", "a{2,3}", "a}", "{"] {
            assert!(matches(pattern, Syntax::Regex, "a{x}aa}"), "{pattern}");
        }
        assert!(!matches("x{,3}", Syntax::Regex, "a{x}aa}"));
        assert!(compile("b{2,1}", Syntax::Regex).is_err());
        assert!(matches(
            r"Parameters: {(\w+)}",
            Syntax::Regex,
            "Parameters: {id}"
        ));
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
    fn repeat_counts_above_re2s_limit_are_rejected() {
        for pattern in [
            "a{1001}",
            "a{2,1001}",
            "a{1001,}",
            "(x(a{82293}))",
            "b|c{5000}",
        ] {
            let error = compile(pattern, Syntax::Regex).expect_err(pattern);
            assert!(error.contains("invalid repeat count"), "{pattern}: {error}");
        }
        for pattern in ["a{1000}", "a{0,1000}", "a{3,}", "[{]1001}"] {
            assert!(compile(pattern, Syntax::Regex).is_ok(), "{pattern}");
        }
    }

    #[test]
    fn expanding_replacements_match_the_regex_crate() {
        let cases = [
            (r"(\w+)@(\w+)", "$2 at $1", "ann@example bob@test"),
            (r"(?P<k>[a-z]+)=(?P<v>\d+)", "${v}:${k}$$", "a=1 b=22 c"),
            (r"x*", "<$0>", "axxb"),
        ];
        for (pattern, template, text) in cases {
            let (Ok(matcher), Ok(regex)) = (
                Matcher::compile(pattern, Syntax::Regex),
                compile(pattern, Syntax::Regex),
            ) else {
                panic!("{pattern} does not compile");
            };
            let expected = match regex.replace_all(text, template) {
                Cow::Borrowed(_) => None,
                Cow::Owned(replaced) => Some(replaced),
            };
            assert_eq!(
                matcher.replace_all_expanding(text, template, usize::MAX),
                Ok(expected),
                "{pattern} with {template} on {text}"
            );
        }
    }

    #[test]
    fn a_replacement_stops_growing_at_the_limit() {
        let Ok(matcher) = Matcher::compile("", Syntax::Regex) else {
            panic!("the empty pattern compiles");
        };
        let text = "a".repeat(1000);
        let Err(found) = matcher.replace_all_literally(&text, "0123456789", 5000) else {
            panic!("11 010 bytes exceed 5 000");
        };
        assert!((5001..=5011).contains(&found), "stopped at {found}");
    }

    #[test]
    fn required_literals_are_prefixes_every_match_has() {
        let literal = |pattern: &str| required_literal(pattern).map(String::from_utf8);
        assert_eq!(
            literal("player1=[a-zA-Z]*"),
            Some(Ok("player1=".to_owned()))
        );
        assert_eq!(
            literal("^/account/[0-9]{4}"),
            Some(Ok("/account/".to_owned()))
        );
        assert_eq!(literal("a|b"), None);
        assert_eq!(literal("x*"), None);
        assert_eq!(literal("[a-z]+"), None);
    }

    #[test]
    fn matchers_agree_with_their_regex() {
        for (pattern, text) in [
            ("player1=[a-zA-Z]*", "/rolldice?player1=bob&player2=al"),
            ("player1=[a-zA-Z]*", "/rolldice"),
            ("(?i)PASS", "db.password"),
            ("^kube_", "kube_pod"),
            ("", "anything"),
        ] {
            let matcher = Matcher::compile(pattern, Syntax::Regex);
            let regex = compile(pattern, Syntax::Regex);
            assert_eq!(
                matcher.map(|m| m.is_match(text)),
                regex.map(|r| r.is_match(text)),
                "{pattern} on {text}"
            );
        }
    }

    #[test]
    fn literal_replacement_agrees_with_the_regex() {
        for (pattern, text) in [
            ("player1=[a-zA-Z]*", "/rolldice?player1=bob&player2=al"),
            ("player1=[a-zA-Z]*", "player1=a player1=b"),
            ("player1=[a-z]*x", "player1=abc player1=x"),
            ("aa", "aaaaa"),
            ("aba", "ababababa"),
            ("é+", "ééé-é"),
            ("\\bword\\b", "sword word words word"),
            ("(?i)pass", "PASS pass"),
            ("a|b", "cab"),
            ("x*", "axb"),
            ("nothing", "here"),
        ] {
            let (Ok(matcher), Ok(regex)) = (
                Matcher::compile(pattern, Syntax::Regex),
                compile(pattern, Syntax::Regex),
            ) else {
                panic!("{pattern} does not compile");
            };
            let expected = match regex.replace_all(text, regex::NoExpand("<>")) {
                Cow::Borrowed(_) => None,
                Cow::Owned(replaced) => Some(replaced),
            };
            assert_eq!(
                matcher.replace_all_literally(text, "<>", usize::MAX),
                Ok(expected),
                "{pattern} on {text}"
            );
        }
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
