//! `UserAgent(user_agent)`.
//!
//! The rules are uap-core's, in the revision the reference embeds (uap-go's copy, generated
//! into [`super::uap_rules`]); they are tried in order as uap-go tries them, the first whose
//! family comes out non-empty wins. To find the candidates fast, the rules of a list are
//! compiled into [`RegexSet`]s of a few dozen, each saying in one pass over the text which of
//! its rules match; only those are then run for their groups, each compiled on its first
//! match. All of it is built on first use, once per process.

use crate::pattern::{self, Syntax};
use ottl_core::RuntimeError;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::model::{AnyValue, Map};
use ottl_core::value::Value;
use regex::{Captures, Regex, RegexSet};
use std::borrow::Cow;
use std::sync::{LazyLock, OnceLock};

const NAME: &str = "UserAgent";

/// `UserAgent(user_agent)` — a user-agent string parsed with uap-core's rules:
/// `user_agent.name` (the family, `Other` when no rule knows it), `user_agent.version`
/// (major, minor and patch joined with `.`), `user_agent.original`, and `os.name` and
/// `os.version` when they are not empty.
pub struct UserAgent;

impl Function for UserAgent {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, Kind::Map, "the browser and OS of a user-agent string")
            .param("user_agent", ParamKind::Value(Kind::String))
            .example(
                r#"UserAgent("curl/7.81.0")"#,
                r#"{"user_agent.name": "curl", "user_agent.original": "curl/7.81.0", "user_agent.version": "7.81.0", "os.name": "Other"}"#,
            )
            .example(
                r#"UserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/91.0.4472.124 Safari/537.36 Edg/91.0.864.59")["user_agent.name"]"#,
                r#""Edge""#,
            )
            .example(
                r#"UserAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 15_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.4 Mobile/15E148 Safari/604.1")["os.version"]"#,
                r#""15.4""#,
            )
            .example(r#"UserAgent("")["user_agent.name"]"#, r#""Other""#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let user_agent = args.get::<get::String>(0)?;
        // Built here, once per process, so that the first record does not pay for it.
        if let Err(message) = parsers() {
            return Err(args.invalid(
                0,
                format!("the bundled uap-core rules do not compile: {message}"),
                "report this: the rules shipped with ottl-functions are broken",
            ));
        }
        Ok(Compiled::converter(move |ctx| {
            let text = user_agent.eval(ctx)?;
            let parsers = parsers().map_err(|message| RuntimeError::function(NAME, message))?;
            Ok(Value::Map(Cow::Owned(parsers.parse(&text))))
        }))
    }
}

/// One uap rule: its regex and what to make of a match (`None`: the rule's default, group
/// 1 for the first field, 2 for the second, …).
pub(super) struct Rule {
    pub(super) regex: &'static str,
    pub(super) case_insensitive: bool,
    pub(super) replacements: [Option<&'static str>; 5],
}

/// The user-agent and OS rule lists, compiled.
pub(crate) struct Parsers {
    user_agent: Rules,
    os: Rules,
}

/// The parsers, built on first use.
pub(crate) fn parsers() -> Result<&'static Parsers, String> {
    static PARSERS: LazyLock<Result<Parsers, String>> = LazyLock::new(|| {
        Ok(Parsers {
            user_agent: Rules::new(super::uap_rules::USER_AGENT)?,
            os: Rules::new(super::uap_rules::OS)?,
        })
    });
    PARSERS.as_ref().map_err(Clone::clone)
}

impl Parsers {
    /// The map `UserAgent` returns for `text`.
    pub(crate) fn parse(&self, text: &str) -> Map {
        let mut map = Map::with_capacity(5);
        let [family, major, minor, patch, _] = self.user_agent.first(text, 4);
        map.insert(
            "user_agent.name",
            AnyValue::Str(if family.is_empty() { "Other".into() } else { family.into() }),
        );
        map.insert("user_agent.original", AnyValue::from(text));
        map.insert(
            "user_agent.version",
            AnyValue::Str(version(&[major, minor, patch]).into()),
        );
        let [os, major, minor, patch, patch_minor] = self.os.first(text, 5);
        let os = if os.is_empty() { "Other".to_owned() } else { os };
        map.insert("os.name", AnyValue::Str(os.into()));
        let os_version = version(&[major, minor, patch, patch_minor]);
        if !os_version.is_empty() {
            map.insert("os.version", AnyValue::Str(os_version.into()));
        }
        map
    }
}

/// uap-go's `ToVersionString`: the non-empty parts, each after the first with a `.` before it.
fn version(parts: &[String]) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if !part.is_empty() {
            if i > 0 {
                out.push('.');
            }
            out.push_str(part);
        }
    }
    out
}

/// A compiled rule list.
struct Rules {
    rules: &'static [Rule],
    /// The rules' regexes in order, [`CHUNK`] to a set, each set finding in one pass which of
    /// its rules match. (One set of all ~470 rules took 630 µs an agent: its lazy DFA outgrows
    /// its cache and the search falls back to the NFA simulation; sets of 8 to 16 rules took
    /// 60–130 µs on the shared machine, 32 about 100 µs, 64 and more 175–265 µs.)
    sets: Vec<RegexSet>,
    /// Each rule's regex alone, for its groups; compiled on the rule's first match.
    regexes: Box<[OnceLock<Regex>]>,
}

/// How many rules one [`RegexSet`] holds.
const CHUNK: usize = 16;

impl Rules {
    fn new(rules: &'static [Rule]) -> Result<Self, String> {
        let mut patterns = Vec::with_capacity(rules.len());
        for rule in rules {
            let translated = pattern::translate(rule.regex, Syntax::Regex)?;
            patterns.push(if rule.case_insensitive {
                format!("(?i){translated}")
            } else {
                translated
            });
        }
        let sets = patterns
            .chunks(CHUNK)
            .map(|chunk| {
                regex::RegexSetBuilder::new(chunk)
                    .size_limit(64 << 20)
                    .dfa_size_limit(8 << 20)
                    .build()
                    .map_err(|e| e.to_string())
            })
            .collect::<Result<_, _>>()?;
        Ok(Self {
            rules,
            sets,
            regexes: rules.iter().map(|_| OnceLock::new()).collect(),
        })
    }

    /// The fields (`fields` of them, the others empty) of the first rule that matches `text`
    /// and gives a non-empty first field. As in uap-go, a rule that matches with an empty first
    /// field still leaves its other fields, which a later match replaces.
    fn first(&self, text: &str, fields: usize) -> [String; 5] {
        let mut out: [String; 5] = Default::default();
        let matching = self.sets.iter().enumerate().flat_map(|(chunk, set)| {
            set.matches(text)
                .into_iter()
                .map(move |index| chunk * CHUNK + index)
        });
        for index in matching {
            let Some(captures) = self.regex(index).and_then(|regex| regex.captures(text)) else {
                continue;
            };
            let rule = &self.rules[index];
            for (field, slot) in out.iter_mut().enumerate().take(fields) {
                let default = ["$1", "$2", "$3", "$4", "$5"][field];
                *slot = expand(rule.replacements[field].unwrap_or(default), &captures);
            }
            if !out[0].is_empty() {
                break;
            }
        }
        out
    }

    /// The regex of rule `index`, compiled on first use (it compiled in the set already).
    fn regex(&self, index: usize) -> Option<&Regex> {
        let slot = self.regexes.get(index)?;
        if let Some(regex) = slot.get() {
            return Some(regex);
        }
        let rule = self.rules.get(index)?;
        let translated = pattern::translate(rule.regex, Syntax::Regex).ok()?;
        let translated = if rule.case_insensitive {
            format!("(?i){translated}")
        } else {
            translated
        };
        let regex = Regex::new(&translated).ok()?;
        Some(slot.get_or_init(|| regex))
    }
}

/// Go's `Regexp.ExpandString`: `template` with `$1`, `${1}` (and `$$`) replaced by the
/// groups of `captures`; a group that took no part, or that does not exist, gives nothing, and
/// a `$` that starts no group reference stays as it is. The rules have no named groups, so a
/// name gives nothing.
fn expand(template: &str, captures: &Captures<'_>) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(dollar) = rest.find('$') {
        out.push_str(&rest[..dollar]);
        rest = &rest[dollar + 1..];
        if let Some(after) = rest.strip_prefix('$') {
            out.push('$');
            rest = after;
            continue;
        }
        let (braced, inner) = match rest.strip_prefix('{') {
            Some(inner) => (true, inner),
            None => (false, rest),
        };
        let end = inner
            .char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '_'))
            .map_or(inner.len(), |(i, _)| i);
        let name = &inner[..end];
        let closed = !braced || inner[end..].starts_with('}');
        if name.is_empty() || !closed {
            out.push('$');
            continue;
        }
        rest = &inner[end + usize::from(braced)..];
        let leading_zero = name.len() > 1 && name.starts_with('0');
        if leading_zero || name.len() > 8 || !name.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        if let Some(group) = name.parse::<usize>().ok().and_then(|n| captures.get(n)) {
            out.push_str(group.as_str());
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Vec<(String, String)> {
        let Ok(parsers) = parsers() else {
            panic!("the rules compile");
        };
        parsers
            .parse(text)
            .iter()
            .map(|(k, v)| (k.to_string(), v.as_str().unwrap_or_default().to_owned()))
            .collect()
    }

    #[test]
    fn the_rules_compile() {
        assert!(parsers().is_ok());
    }

    #[test]
    fn templates_expand_as_go_expands_them() {
        let Ok(regex) = Regex::new("(a)(b)?") else {
            panic!("valid regex");
        };
        let Some(captures) = regex.captures("a") else {
            panic!("matches");
        };
        assert_eq!(expand("$1 x", &captures), "a x");
        assert_eq!(expand("${1}x", &captures), "ax");
        assert_eq!(expand("$1x", &captures), "");
        assert_eq!(expand("$2|$9|$$|$", &captures), "||$|$");
        assert_eq!(expand("${1", &captures), "${1");
        assert_eq!(expand("$01", &captures), "");
    }

    #[test]
    fn a_known_agent() {
        let fields = parse("Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0");
        assert_eq!(
            fields,
            [
                ("user_agent.name", "Firefox"),
                ("user_agent.original", "Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0"),
                ("user_agent.version", "115.0"),
                ("os.name", "Linux"),
            ]
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
        );
    }
}
