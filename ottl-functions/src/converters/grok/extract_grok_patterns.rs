//! `ExtractGrokPatterns(target, pattern, [namedCapturesOnly], [patternDefinitions])`.
//!
//! A grok expression is expanded into a regex as go-grok expands it: round after round, every
//! `%{SYNTAX}`, `%{SYNTAX:ID}` or `%{SYNTAX:ID:TYPE}` is replaced by its definition in a group
//! named `ID` (or `SYNTAX`; `.` in an ID is kept as `___`, Go's group names allowing no dots),
//! until none is left. Go lets group names repeat, the `regex` crate does not, so the names
//! are taken out of the expanded regex and kept by group number (as `ExtractPatterns` does).

use super::library;
use crate::converters::parse::strip_group_names;
use crate::pattern::{self, Syntax};
use ottl_core::RuntimeError;
use ottl_core::context::TransformContext;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self, Coerce as _};
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature, ValueArg};
use ottl_core::model::{AnyValue, Map, Str};
use ottl_core::value::Value;
use regex::{Regex, RegexBuilder};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

const NAME: &str = "ExtractGrokPatterns";

/// `ExtractGrokPatterns(target, pattern, [namedCapturesOnly], [patternDefinitions])` — the
/// captures of the first match of the grok expression `pattern` in `target`, as a map: each
/// `%{SYNTAX:ID}` under `ID`, and with `namedCapturesOnly` false (the default) each
/// `%{SYNTAX}` under `SYNTAX` too; a `%{SYNTAX:ID:TYPE}` of type `int`/`long`, `float`/`double`
/// or `bool`/`boolean` is converted. Empty captures are left out; no match gives `{}`. The
/// library is go-grok's (ELB, HTTPD, SYSLOG, … patterns); `patternDefinitions` adds or
/// replaces patterns, each `"NAME=definition"`.
pub struct ExtractGrokPatterns;

impl Function for ExtractGrokPatterns {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, Kind::Map, "the captures of a grok expression, as a map")
            .param("target", ParamKind::Value(Kind::String))
            .param("pattern", ParamKind::Value(Kind::String))
            .optional("named_captures_only", ParamKind::Bool)
            .optional("pattern_definitions", ParamKind::StringList)
            .example(
                r#"ExtractGrokPatterns("smith:pass123:1001", "%{USERNAME:user.name}:%{PASSWORD:user.password}:%{INT:uid:int}", true, ["PASSWORD=%{WORD}"])"#,
                r#"{"user.name": "smith", "user.password": "pass123", "uid": 1001}"#,
            )
            .example(
                r#"ExtractGrokPatterns("took 1.5s", "took %{NUMBER:seconds:float}s", true)"#,
                r#"{"seconds": 1.5}"#,
            )
            .example(
                r#"ExtractGrokPatterns("GET /index.html", "%{WORD:method} %{URIPATH}")"#,
                r#"{"method": "GET", "URIPATH": "/index.html"}"#,
            )
            .example(r#"ExtractGrokPatterns("---", "%{INT:n}")"#, "{}")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::String>(0)?;
        let pattern = args.value(1)?;
        let named_only = args.optional_bool(2)?.unwrap_or(false);
        let definitions = args.optional_string_list(3)?.unwrap_or_default();
        let mut custom = HashMap::with_capacity(definitions.len());
        for (index, definition) in definitions.iter().enumerate() {
            let Some((name, body)) = definition.split_once('=') else {
                let shown = match definition.char_indices().nth(20) {
                    Some(_) => format!("{}...", truncate(definition, 17)),
                    None => definition.clone(),
                };
                return Err(args.invalid(
                    3,
                    format!(
                        "pattern {shown:?} supplied to ExtractGrokPatterns at index {index} has incorrect format, expecting PATTERNNAME=pattern definition"
                    ),
                    r#"write each definition as "NAME=definition", e.g. "PASSWORD=%{WORD}""#,
                ));
            };
            if name.contains(':') {
                return Err(args.invalid(
                    3,
                    format!("pattern ID {name:?} should not contain ':'"),
                    "name the pattern without `:`",
                ));
            }
            custom.insert(name.to_owned(), body.to_owned());
        }
        let grok = match pattern {
            ValueArg::Constant(Value::Str(text)) => {
                let compiled = Grok::compile(&text, named_only, &custom).map_err(|message| {
                    args.invalid(
                        1,
                        invalid_pattern(&text, &message),
                        "use library patterns (`%{WORD:name}`) or define them in patternDefinitions",
                    )
                })?;
                if named_only && compiled.names.is_empty() {
                    return Err(args.invalid(
                        1,
                        NO_NAMED_GROUP,
                        "name a capture: `%{WORD:name}`, or leave namedCapturesOnly false",
                    ));
                }
                GrokArg::Compiled(Arc::new(compiled))
            }
            ValueArg::Constant(other) => {
                return Err(args.invalid(
                    1,
                    format!("the pattern must be a string, found {}", other.value_type()),
                    "write the pattern as a string literal",
                ));
            }
            dynamic => GrokArg::Dynamic {
                pattern: dynamic,
                custom,
            },
        };
        Ok(Compiled::converter(move |ctx| {
            let compiled = grok.compiled(ctx, named_only)?;
            if named_only && compiled.names.is_empty() {
                return Err(failure(NO_NAMED_GROUP.to_owned()));
            }
            let text = target.eval(ctx)?;
            compiled.extract(&text).map(|map| Value::Map(Cow::Owned(map)))
        }))
    }
}

const NO_NAMED_GROUP: &str = "at least 1 named capture group must be supplied in the given regex";

/// The first `chars` characters of `text`.
fn truncate(text: &str, chars: usize) -> &str {
    text.char_indices()
        .nth(chars)
        .map_or(text, |(end, _)| &text[..end])
}

fn invalid_pattern(pattern: &str, message: &str) -> String {
    format!("the regex pattern supplied to {NAME} '{pattern:?}' is not a valid pattern: {message}")
}

/// The pattern argument: compiled once when it is a literal, per record otherwise.
enum GrokArg {
    Compiled(Arc<Grok>),
    Dynamic {
        pattern: ValueArg,
        custom: HashMap<String, String>,
    },
}

impl GrokArg {
    fn compiled(
        &self,
        ctx: &TransformContext<'_>,
        named_only: bool,
    ) -> Result<Arc<Grok>, RuntimeError> {
        match self {
            GrokArg::Compiled(grok) => Ok(Arc::clone(grok)),
            GrokArg::Dynamic { pattern, custom } => {
                let text = get::String::coerce(pattern.get(ctx)?)?;
                Grok::compile(&text, named_only, custom)
                    .map(Arc::new)
                    .map_err(|message| failure(invalid_pattern(&text, &message)))
            }
        }
    }
}

/// How a capture's text is converted (the `TYPE` of `%{SYNTAX:ID:TYPE}`).
#[derive(Clone, Copy)]
enum Hint {
    Text,
    Float,
    Int,
    Bool,
    /// A type go-grok does not know: the capture fails when it is converted.
    Unknown,
}

/// A compiled grok expression.
struct Grok {
    regex: Regex,
    /// Each named group: its number, the key it is returned under, how it is converted.
    names: Vec<(usize, Str, Hint)>,
}

/// How many expansion rounds go-grok allows (its guard against cyclic definitions).
const MAX_ROUNDS: usize = 1000;

/// The expanded regex may be large (`%{HTTPD_COMBINEDLOG}` nests IPv6 and dates).
const SIZE_LIMIT: usize = 64 << 20;

impl Grok {
    fn compile(
        pattern: &str,
        named_only: bool,
        custom: &HashMap<String, String>,
    ) -> Result<Self, String> {
        let (expanded, hints) = expand(pattern, named_only, custom)?;
        let unnamed = strip_group_names(&expanded)?;
        let translated = pattern::translate(&unnamed.pattern, Syntax::Regex)?;
        let regex = RegexBuilder::new(&translated)
            .size_limit(SIZE_LIMIT)
            .build()
            .map_err(|e| e.to_string().lines().last().unwrap_or_default().to_owned())?;
        if regex.captures_len() != unnamed.groups + 1 {
            return Err("unsupported group syntax".to_owned());
        }
        let names = unnamed
            .names
            .into_iter()
            .map(|(index, name)| {
                let hint = match hints.get(name.as_str()).map(String::as_str) {
                    None | Some("string") => Hint::Text,
                    Some("float" | "double") => Hint::Float,
                    Some("int" | "long") => Hint::Int,
                    Some("bool" | "boolean") => Hint::Bool,
                    Some(_) => Hint::Unknown,
                };
                let key = if name.as_str().contains("___") {
                    Str::from(name.as_str().replace("___", "."))
                } else {
                    name
                };
                (index, key, hint)
            })
            .collect();
        Ok(Self { regex, names })
    }

    /// The converted non-empty captures of the first match in `text`.
    fn extract(&self, text: &str) -> Result<Map, RuntimeError> {
        let Some(found) = self.regex.captures(text) else {
            return Ok(Map::new());
        };
        let mut out = Map::with_capacity(self.names.len());
        for (index, key, hint) in &self.names {
            let Some(captured) = found.get(*index).map(|m| m.as_str()).filter(|s| !s.is_empty())
            else {
                continue;
            };
            out.put(key, convert(captured, key, *hint)?);
        }
        Ok(out)
    }
}

/// A capture converted by its type hint, as go-grok converts it (`strconv.ParseFloat`,
/// `strconv.Atoi`, `strconv.ParseBool`).
fn convert(text: &str, key: &Str, hint: Hint) -> Result<AnyValue, RuntimeError> {
    match hint {
        Hint::Text => Ok(AnyValue::from(text)),
        Hint::Float => go_float(text)
            .map(AnyValue::Double)
            .ok_or_else(|| failure(format!("strconv.ParseFloat: parsing {text:?}: invalid syntax"))),
        Hint::Int => text
            .parse::<i64>()
            .map(AnyValue::Int)
            .map_err(|_| failure(format!("strconv.Atoi: parsing {text:?}: invalid syntax"))),
        Hint::Bool => match text {
            "1" | "t" | "T" | "TRUE" | "true" | "True" => Ok(AnyValue::Bool(true)),
            "0" | "f" | "F" | "FALSE" | "false" | "False" => Ok(AnyValue::Bool(false)),
            _ => Err(failure(format!("strconv.ParseBool: parsing {text:?}: invalid syntax"))),
        },
        Hint::Unknown => Err(failure(format!(
            "invalid type for {}: type not specified",
            key.as_str().replace('.', "___")
        ))),
    }
}

/// Go's `strconv.ParseFloat(text, 64)` for decimal texts: a value out of range is an error
/// where Rust would give an infinity.
fn go_float(text: &str) -> Option<f64> {
    let value = text.parse::<f64>().ok()?;
    let spelled_infinite = text
        .trim_start_matches(['+', '-'])
        .to_ascii_lowercase()
        .starts_with("inf");
    (value.is_finite() || spelled_infinite).then_some(value)
}

/// A grok reference: `%{SYNTAX}`, `%{SYNTAX:ID}` or `%{SYNTAX:ID:TYPE}`.
static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"%\{((?-u:\w)+(?::[0-9A-Za-z_+.]+(?::(?-u:\w)+)?)?)\}")
        .unwrap_or_else(|e| unreachable!("a valid regex: {e}"))
});

/// `pattern` with its grok references expanded, round after round as go-grok does, and the
/// type hint of each `ID` (in its group-name form).
fn expand(
    pattern: &str,
    named_only: bool,
    custom: &HashMap<String, String>,
) -> Result<(String, HashMap<String, String>), String> {
    let mut hints = HashMap::new();
    let mut expanded = pattern.to_owned();
    for _ in 0..MAX_ROUNDS {
        let references: Vec<(String, String)> = REFERENCE
            .captures_iter(&expanded)
            .map(|c| (c[0].to_owned(), c[1].to_owned()))
            .collect();
        if references.is_empty() {
            return Ok((expanded, hints));
        }
        for (whole, inner) in references {
            let parts: Vec<&str> = inner.split(':').collect();
            let syntax = parts[0];
            let id = parts
                .get(1)
                .map_or_else(|| syntax.to_owned(), |id| id.replace('.', "___"));
            if let Some(hint) = parts.get(2) {
                hints.insert(id.clone(), (*hint).to_owned());
            }
            let definition = custom
                .get(syntax)
                .map(String::as_str)
                .or_else(|| library::lookup(syntax))
                .ok_or_else(|| format!("pattern definition {syntax:?} unknown: parsing failed"))?;
            let replacement = if named_only && parts.len() == 1 {
                format!("({definition})")
            } else {
                format!("(?P<{id}>{definition})")
            };
            expanded = expanded.replace(&whole, &replacement);
        }
    }
    Err(format!(
        "pattern definitions still refer to each other after {MAX_ROUNDS} rounds of expansion"
    ))
}

fn failure(message: String) -> RuntimeError {
    RuntimeError::function(NAME, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extract(pattern: &str, named_only: bool, text: &str) -> Vec<(String, AnyValue)> {
        let grok = match Grok::compile(pattern, named_only, &HashMap::new()) {
            Ok(grok) => grok,
            Err(message) => panic!("{pattern}: {message}"),
        };
        let Ok(map) = grok.extract(text) else {
            panic!("{pattern} on {text} fails");
        };
        let mut out: Vec<_> = map.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    #[test]
    fn common_apache_log() {
        let line = r#"127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326"#;
        let fields = extract("%{COMMONAPACHELOG}", true, line);
        let get = |key: &str| fields.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
        assert_eq!(get("source.address"), Some(AnyValue::from("127.0.0.1")));
        assert_eq!(get("http.response.status_code"), Some(AnyValue::Int(200)));
        assert_eq!(get("http.response.body.size"), Some(AnyValue::Int(2326)));
        assert_eq!(get("url.original"), Some(AnyValue::from("/apache_pb.gif")));
    }

    #[test]
    fn unnamed_references_are_returned_under_their_pattern_unless_named_only() {
        assert_eq!(
            extract("%{INT}-%{INT:b}", false, "1-2"),
            [("INT".to_owned(), AnyValue::from("1")), ("b".to_owned(), AnyValue::from("2"))]
        );
        assert_eq!(extract("%{INT}-%{INT:b}", true, "1-2"), [("b".to_owned(), AnyValue::from("2"))]);
    }

    #[test]
    fn unknown_patterns_and_cycles_are_errors() {
        assert!(Grok::compile("%{NOPE}", false, &HashMap::new()).is_err());
        let cyclic = HashMap::from([("A".to_owned(), "x%{A}".to_owned())]);
        assert!(Grok::compile("%{A}", false, &cyclic).is_err());
    }

    #[test]
    fn floats_out_of_range_fail_as_in_go() {
        assert_eq!(go_float("1.5"), Some(1.5));
        assert_eq!(go_float("1e400"), None);
        assert_eq!(go_float("-Inf"), Some(f64::NEG_INFINITY));
    }
}
