//! `ParseELF(target)`.

use super::failure;
use ottl_core::RuntimeError;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::model::{AnyValue, Array, Map};
use ottl_core::value::Value;
use std::borrow::Cow;

const NAME: &str = "ParseELF";

/// `ParseELF(target)` — a W3C Extended Log Format block as a map: `elf.version` (the
/// `#Version` directive, required), `elf.software`, `elf.date`, `elf.start_date`,
/// `elf.end_date`, `elf.remark` when given, `elf.fields` (the last `#Fields`), and
/// `elf.entries`, one map per data line keyed by the fields in force (a missing value is
/// `-`, extra values are dropped; `"…"` quotes a value, `""` inside it a quote) (log context).
pub struct ParseElf;

impl Function for ParseElf {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, Kind::Map, "parses a W3C Extended Log Format block")
            .param("target", ParamKind::Value(Kind::String))
            .example(
                r##"ParseELF("#Version: 1.0\n#Fields: date time c-ip\n2026-12-04 22:11:05 10.0.0.1")["elf.entries"]"##,
                r#"[{"date": "2026-12-04", "time": "22:11:05", "c-ip": "10.0.0.1"}]"#,
            )
            .example(
                r##"ParseELF("#Version: 1.0\n#Fields: cs-uri cs(User-Agent)\n/a \"Mozilla 5.0\"")["elf.entries"][0]["cs(User-Agent)"]"##,
                r#""Mozilla 5.0""#,
            )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::String>(0)?;
        Ok(Compiled::converter(move |ctx| {
            let text = target.eval(ctx)?;
            parse(&text).map(|map| Value::Map(Cow::Owned(map)))
        }))
    }
}

/// The directives kept, by name (compared ignoring ASCII case), and their keys.
const DIRECTIVES: [(&str, &str); 6] = [
    ("version", "elf.version"),
    ("software", "elf.software"),
    ("date", "elf.date"),
    ("start-date", "elf.start_date"),
    ("end-date", "elf.end_date"),
    ("remark", "elf.remark"),
];

/// The map `ParseELF` returns for `text`.
pub(crate) fn parse(text: &str) -> Result<Map, RuntimeError> {
    if text.is_empty() {
        return Err(failure(NAME, "cannot parse empty ELF message"));
    }
    let mut map = Map::with_capacity(8);
    map.insert("elf.entries", AnyValue::Array(Array::default()));
    let mut entries = Vec::new();
    let mut has_version = false;
    let mut fields: Vec<&str> = Vec::new();
    let mut values: Vec<Cow<'_, str>> = Vec::new();
    for line in text
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        if let Some(body) = line.strip_prefix('#') {
            let Some((key, value)) = body.split_once(':') else {
                let trimmed = body.trim().as_bytes();
                if trimmed.len() >= 6 && trimmed[..6].eq_ignore_ascii_case(b"fields") {
                    return Err(failure(
                        NAME,
                        format!(
                            "invalid ELF: malformed #Fields directive {line:?}: directive {line:?} has no colon separator"
                        ),
                    ));
                }
                continue;
            };
            let (key, value) = (key.trim(), value.trim());
            if key.eq_ignore_ascii_case("fields") {
                fields = value.split_whitespace().collect();
            } else if let Some((_, name)) = DIRECTIVES
                .iter()
                .find(|(name, _)| key.eq_ignore_ascii_case(name))
            {
                has_version |= *name == "elf.version";
                map.insert(*name, AnyValue::from(value));
            }
            continue;
        }
        if fields.is_empty() {
            return Err(failure(
                NAME,
                "invalid ELF: data entry found before #Fields directive",
            ));
        }
        values.clear();
        split_values(line, &mut values)
            .map_err(|message| failure(NAME, format!("invalid ELF: {message}")))?;
        let mut entry = Map::with_capacity(fields.len());
        for (i, field) in fields.iter().enumerate() {
            let value = values.get(i).map_or("-", |v| v.as_ref());
            entry.insert(*field, AnyValue::from(value));
        }
        entries.push(AnyValue::KvList(entry));
    }
    if !has_version {
        return Err(failure(NAME, "invalid ELF: missing #Version directive"));
    }
    map.insert("elf.entries", AnyValue::Array(entries.into()));
    let fields: Array = fields.into_iter().map(AnyValue::from).collect();
    map.insert("elf.fields", AnyValue::Array(fields));
    Ok(map)
}

/// The values of a data line, separated by spaces or tabs; a value in double quotes may hold
/// both, and `""` inside it is a quote.
fn split_values<'a>(line: &'a str, values: &mut Vec<Cow<'a, str>>) -> Result<(), String> {
    let unterminated = || format!("unterminated quoted value in data line: {line:?}");
    let mut rest = line;
    loop {
        rest = rest.trim_start_matches([' ', '\t']);
        if rest.is_empty() {
            return Ok(());
        }
        let Some(quoted) = rest.strip_prefix('"') else {
            let end = rest.find([' ', '\t']).unwrap_or(rest.len());
            values.push(Cow::Borrowed(&rest[..end]));
            rest = &rest[end..];
            continue;
        };
        let mut value = String::new();
        let mut tail = quoted;
        loop {
            let close = tail.find('"').ok_or_else(unterminated)?;
            if tail[close + 1..].starts_with('"') {
                value.push_str(&tail[..=close]);
                tail = &tail[close + 2..];
                continue;
            }
            if value.is_empty() {
                values.push(Cow::Borrowed(&tail[..close]));
            } else {
                value.push_str(&tail[..close]);
                values.push(Cow::Owned(value));
            }
            rest = &tail[close + 1..];
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(line: &str) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        split_values(line, &mut out)?;
        Ok(out.into_iter().map(Cow::into_owned).collect())
    }

    #[test]
    fn quoted_values_keep_spaces_and_doubled_quotes() {
        assert_eq!(
            values("a \t\"b c\" \"say \"\"hi\"\"\"x \"\""),
            Ok(vec![
                "a".into(),
                "b c".into(),
                "say \"hi\"".into(),
                "x".into(),
                "".into()
            ])
        );
        assert!(values("a \"b").is_err());
    }

    #[test]
    fn a_block_needs_a_version_and_fields_before_data() {
        assert!(parse("#Fields: a\n1").is_err());
        assert!(parse("#Version: 1.0\n1").is_err());
        assert!(parse("#Version: 1.0\n#Fields a b\n1").is_err());
        assert!(parse("#Version: 1.0\n#Remark\n").is_ok());
    }
}
