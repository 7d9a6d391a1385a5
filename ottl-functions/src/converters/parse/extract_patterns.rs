//! `ExtractPatterns(target, pattern)`.

use crate::pattern::{self, Syntax};
use ottl_core::RuntimeError;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self, Coerce as _};
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature, ValueArg};
use ottl_core::model::{AnyValue, Map, Str};
use ottl_core::value::Value;
use regex::Regex;
use std::borrow::Cow;

const NAME: &str = "ExtractPatterns";

/// `ExtractPatterns(target, pattern)` — the named groups of the first match of the regex
/// `pattern` in the string `target`, as a map from group name to captured text (`""` for a
/// group that took no part); an empty map when nothing matches. The pattern needs a named
/// group.
pub struct ExtractPatterns;

impl Function for ExtractPatterns {
    fn signature(&self) -> Signature {
        Signature::converter(
            NAME,
            Kind::Map,
            "the named groups of a regex match, as a map",
        )
        .param("target", ParamKind::Value(Kind::String))
        .param("pattern", ParamKind::Value(Kind::String))
        .example(
            r#"ExtractPatterns("k8s.change_cause GIT_SHA=abc123", "GIT_SHA=(?P<git_sha>\\w+)")"#,
            r#"{"git_sha": "abc123"}"#,
        )
        .example(
            r#"ExtractPatterns("a=1", "(?P<key>\\w)=(?P<value>\\d)(?P<unit>s)?")"#,
            r#"{"key": "a", "value": "1", "unit": ""}"#,
        )
        .example(r#"ExtractPatterns("none here", "(?P<n>\\d+)")"#, "{}")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::String>(0)?;
        let pattern = match args.value(1)? {
            ValueArg::Constant(Value::Str(text)) => match Groups::compile(&text) {
                Ok(groups) => {
                    if groups.names.is_empty() {
                        // The reference (v0.156) accepts the statement and fails as it runs.
                        args.warn(1, NO_NAMED_GROUP, "name a group: `(?P<name>...)`");
                    }
                    PatternArg::Compiled(groups)
                }
                Err(message) => {
                    return Err(args.invalid(
                        1,
                        format!("invalid pattern {:?}: {message}", text.as_str()),
                        r#"write an RE2 regex with named groups, e.g. "id=(?P<id>\\d+)""#,
                    ));
                }
            },
            ValueArg::Constant(other) => {
                return Err(args.invalid(
                    1,
                    format!("the pattern must be a string, found {}", other.value_type()),
                    "write the pattern as a string literal",
                ));
            }
            dynamic => PatternArg::Dynamic(dynamic),
        };
        Ok(Compiled::converter(move |ctx| {
            let groups = pattern.groups(ctx)?;
            if groups.names.is_empty() {
                return Err(failure(NO_NAMED_GROUP.to_owned()));
            }
            let text = target.eval(ctx)?;
            Ok(Value::Map(Cow::Owned(groups.extract(&text))))
        }))
    }
}

const NO_NAMED_GROUP: &str = "at least 1 named capture group must be supplied in the given regex";

/// The pattern argument: compiled once when it is a literal, per record otherwise.
enum PatternArg {
    Compiled(Groups),
    Dynamic(ValueArg),
}

impl PatternArg {
    fn groups(&self, ctx: &ottl_core::context::TransformContext<'_>) -> Result<Cow<'_, Groups>, RuntimeError> {
        match self {
            PatternArg::Compiled(groups) => Ok(Cow::Borrowed(groups)),
            PatternArg::Dynamic(input) => {
                let text = get::String::coerce(input.get(ctx)?)?;
                Groups::compile(&text).map(Cow::Owned).map_err(|message| {
                    failure(format!("invalid pattern {:?}: {message}", text.as_str()))
                })
            }
        }
    }
}

/// A compiled pattern and the names of its named groups, by group number.
#[derive(Clone)]
struct Groups {
    regex: Regex,
    names: Vec<(usize, Str)>,
}

impl Groups {
    /// Compiles `pattern` in Go's syntax. Group names follow Go's rules (`[A-Za-z0-9_]+`,
    /// repeats allowed), not the `regex` crate's, so the named groups are compiled as plain
    /// groups and their names kept here.
    fn compile(pattern: &str) -> Result<Self, String> {
        let unnamed = strip_group_names(pattern)?;
        let regex = pattern::compile(&unnamed.pattern, Syntax::Regex)?;
        if regex.captures_len() != unnamed.groups + 1 {
            return Err("unsupported group syntax".to_owned());
        }
        Ok(Self {
            regex,
            names: unnamed.names,
        })
    }

    /// The named groups of the first match in `text`.
    fn extract(&self, text: &str) -> Map {
        let Some(found) = self.regex.captures(text) else {
            return Map::new();
        };
        let mut out = Map::with_capacity(self.names.len());
        for (index, name) in &self.names {
            let captured = found.get(*index).map_or("", |m| m.as_str());
            out.put(name, AnyValue::from(captured));
        }
        out
    }
}

/// A pattern whose named groups were made plain groups.
pub(crate) struct Unnamed {
    /// The pattern without group names.
    pub(crate) pattern: String,
    /// The names, with their group numbers.
    pub(crate) names: Vec<(usize, Str)>,
    /// How many capturing groups it has.
    pub(crate) groups: usize,
}

/// `pattern` with its named groups (`(?P<name>…)`, `(?<name>…)`) turned into plain groups.
pub(crate) fn strip_group_names(pattern: &str) -> Result<Unnamed, String> {
    let mut out = String::with_capacity(pattern.len());
    let mut names = Vec::new();
    let mut groups = 0;
    let mut in_class = false;
    let mut rest = pattern;
    while let Some(c) = rest.chars().next() {
        let after = &rest[c.len_utf8()..];
        match c {
            '\\' => {
                // An escape and the character it escapes, whatever it is.
                let escaped = after.chars().next().map_or(0, char::len_utf8);
                out.push_str(&rest[..1 + escaped]);
                rest = &after[escaped..];
                continue;
            }
            '[' if !in_class => {
                in_class = true;
                out.push('[');
                rest = after;
                // `]` first in a class (after an optional `^`) is a literal.
                let skip = match rest.as_bytes() {
                    [b'^', b']', ..] => 2,
                    [b']', ..] | [b'^', ..] => 1,
                    _ => 0,
                };
                out.push_str(&rest[..skip]);
                rest = &rest[skip..];
                continue;
            }
            '[' if after.starts_with(':') => {
                // A POSIX class such as `[:alpha:]` inside a class.
                let end = after.find(']').map_or(after.len(), |i| i + 1);
                out.push('[');
                out.push_str(&after[..end]);
                rest = &after[end..];
                continue;
            }
            ']' if in_class => in_class = false,
            '(' if !in_class => {
                let name_start = if after.starts_with("?P<") {
                    Some(3)
                } else if after.starts_with("?<") {
                    Some(2)
                } else {
                    None
                };
                if let Some(start) = name_start {
                    let tail = &after[start..];
                    let Some(end) = tail.find('>') else {
                        return Err(format!("invalid named capture: `{rest}`"));
                    };
                    let name = &tail[..end];
                    if name.is_empty() || !name.bytes().all(|b| b == b'_' || b.is_ascii_alphanumeric()) {
                        return Err(format!("invalid named capture: `({}{name}>`", &after[..start]));
                    }
                    groups += 1;
                    names.push((groups, Str::from(name)));
                    out.push('(');
                    rest = &tail[end + 1..];
                    continue;
                }
                if !after.starts_with('?') {
                    groups += 1;
                }
            }
            _ => {}
        }
        out.push(c);
        rest = after;
    }
    Ok(Unnamed {
        pattern: out,
        names,
        groups,
    })
}

fn failure(message: String) -> RuntimeError {
    RuntimeError::function(NAME, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(pattern: &str) -> Vec<(usize, String)> {
        match strip_group_names(pattern) {
            Ok(unnamed) => unnamed.names.into_iter().map(|(i, n)| (i, n.to_string())).collect(),
            Err(message) => panic!("{pattern}: {message}"),
        }
    }

    #[test]
    fn group_names_are_numbered_as_groups_open() {
        assert_eq!(
            names(r"(a)(?:b)(?P<x>c(?<y>d))(?i:e)(f)"),
            [(2, "x".to_owned()), (3, "y".to_owned())]
        );
    }

    #[test]
    fn parentheses_in_classes_and_escapes_are_not_groups() {
        let Ok(unnamed) = strip_group_names(r"[(]\((?P<n>[]()])[^](][[:alpha:](]") else {
            panic!("valid pattern");
        };
        assert_eq!(unnamed.groups, 1);
        assert_eq!(unnamed.names.len(), 1);
        assert_eq!(unnamed.pattern, r"[(]\(([]()])[^](][[:alpha:](]");
    }

    #[test]
    fn go_group_names_are_ascii_words_and_may_start_with_a_digit() {
        assert_eq!(names("(?P<1a>x)"), [(1, "1a".to_owned())]);
        assert!(strip_group_names("(?P<git.sha>x)").is_err());
        assert!(strip_group_names("(?P<é>x)").is_err());
        assert!(strip_group_names("(?P<>x)").is_err());
        assert!(strip_group_names("(?P<x").is_err());
    }

    #[test]
    fn a_repeated_name_keeps_its_first_place_and_last_value() {
        let Ok(groups) = Groups::compile(r"(?P<n>\d)(?P<m>x)?(?P<n>\d)?") else {
            panic!("valid pattern");
        };
        let map = groups.extract("a=1");
        assert_eq!(map.get("n"), Some(&AnyValue::from("")));
        assert_eq!(map.keys().map(|k| k.as_str()).collect::<Vec<_>>(), ["n", "m"]);
    }

    #[test]
    fn digit_classes_are_ascii_as_in_go() {
        let Ok(groups) = Groups::compile(r"(?P<d>\d+)") else {
            panic!("valid pattern");
        };
        assert!(groups.extract("١٢٣").is_empty());
    }
}
