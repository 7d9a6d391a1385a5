//! `ParseCEF(target)`.

use super::failure;
use ottl_core::RuntimeError;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::model::{AnyValue, Map};
use ottl_core::value::Value;
use std::borrow::Cow;

const NAME: &str = "ParseCEF";

/// `ParseCEF(target)` — an ArcSight Common Event Format message (after any syslog prefix) as
/// a map: `cef.version`, `cef.device_vendor`, `cef.device_product`, `cef.device_version`,
/// `cef.device_event_class_id`, `cef.name`, `cef.severity` (header fields, `\|` and `\\`
/// unescaped) and `cef.extensions`, the `key=value` pairs of the extension (log context).
pub struct ParseCef;

impl Function for ParseCef {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, Kind::Map, "parses a CEF message into its header and extensions")
            .param("target", ParamKind::Value(Kind::String))
            .example(
                r#"ParseCEF("CEF:0|Security|threatmanager|1.0|100|worm stopped|10|src=10.0.0.1 msg=a b c")["cef.extensions"]"#,
                r#"{"src": "10.0.0.1", "msg": "a b c"}"#,
            )
            .example(
                r#"ParseCEF("<134>Sep 19 08:26:10 host CEF:0|V\\|X|P|1.0|7|Event|Low")["cef.device_vendor"]"#,
                r#""V|X""#,
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

/// The header fields after `CEF:`, in order, and the keys they go under.
const HEADER_KEYS: [&str; 6] = [
    "cef.device_vendor",
    "cef.device_product",
    "cef.device_version",
    "cef.device_event_class_id",
    "cef.name",
    "cef.severity",
];

/// The map `ParseCEF` returns for `text`.
pub(crate) fn parse(text: &str) -> Result<Map, RuntimeError> {
    if text.is_empty() {
        return Err(failure(NAME, "cannot parse empty CEF message"));
    }
    let start = text
        .find("CEF:")
        .ok_or_else(|| failure(NAME, "invalid CEF message: 'CEF:' not found"))?;
    let (fields, extension) = split_header(&text[start..])?;
    let version = &fields[0]["CEF:".len()..];
    if version.is_empty() {
        return Err(failure(NAME, "invalid CEF message: missing version"));
    }
    let mut map = Map::with_capacity(8);
    map.insert("cef.version", AnyValue::from(version));
    for (key, field) in HEADER_KEYS.iter().zip(&fields[1..]) {
        map.insert(*key, AnyValue::Str(unescape_header(field).as_ref().into()));
    }
    let mut extensions = Map::new();
    if let Some(extension) = extension {
        parse_extension(extension, &mut extensions);
    }
    map.insert("cef.extensions", AnyValue::KvList(extensions));
    Ok(map)
}

/// The seven `|`-separated fields (`CEF:version` and the six header fields, escapes kept) and
/// the extension after the seventh `|`, if there is one.
fn split_header(message: &str) -> Result<([&str; 7], Option<&str>), RuntimeError> {
    let mut fields = [""; 7];
    let mut count = 0;
    let mut start = 0;
    let bytes = message.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if matches!(bytes.get(i + 1), Some(b'|' | b'\\')) => i += 2,
            b'|' => {
                fields[count] = &message[start..i];
                count += 1;
                start = i + 1;
                if count == fields.len() {
                    return Ok((fields, Some(&message[start..])));
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    if count < fields.len() - 1 {
        return Err(failure(
            NAME,
            format!(
                "invalid CEF header: expected at least 7 pipe-delimited fields (CEF:Version, Device Vendor, Device Product, Device Version, Device Event Class ID, Name, Severity), got {}",
                count + 1
            ),
        ));
    }
    fields[count] = &message[start..];
    Ok((fields, None))
}

/// A header field with `\|` and `\\` unescaped.
fn unescape_header(field: &str) -> Cow<'_, str> {
    unescape(field, |c| matches!(c, '|' | '\\').then_some(c))
}

/// An extension value with `\\`, `\=`, `\n` and `\r` unescaped.
fn unescape_value(value: &str) -> Cow<'_, str> {
    unescape(value, |c| match c {
        '\\' | '=' => Some(c),
        'n' => Some('\n'),
        'r' => Some('\r'),
        _ => None,
    })
}

/// `text` with each `\c` for which `escape(c)` gives a character replaced by it; other
/// backslashes stay.
fn unescape(text: &str, escape: impl Fn(char) -> Option<char>) -> Cow<'_, str> {
    if !text.contains('\\') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(unescaped) = chars.clone().next().and_then(&escape)
        {
            out.push(unescaped);
            chars.next();
            continue;
        }
        out.push(c);
    }
    Cow::Owned(out)
}

/// The length of the key (`[A-Za-z0-9_]+` followed by `=`) starting at `at`, or 0.
fn key_len(extension: &[u8], at: usize) -> usize {
    let end = extension[at..]
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'_'))
        .map_or(extension.len(), |n| at + n);
    if end > at && extension.get(end) == Some(&b'=') {
        end - at
    } else {
        0
    }
}

/// The `key=value` pairs of the extension: a key starts the text or follows a space, and a
/// value runs to the next key (trailing spaces dropped).
fn parse_extension(extension: &str, out: &mut Map) {
    let bytes = extension.as_bytes();
    let mut current: Option<(&str, usize)> = None;
    let mut i = 0;
    while i < bytes.len() {
        if i == 0 || bytes[i - 1] == b' ' {
            let len = key_len(bytes, i);
            if len > 0 {
                if let Some((key, start)) = current {
                    put(out, key, &extension[start..i]);
                }
                current = Some((&extension[i..i + len], i + len + 1));
                i += len + 1;
                continue;
            }
        }
        i += 1;
    }
    if let Some((key, start)) = current {
        put(out, key, &extension[start..]);
    }
}

fn put(out: &mut Map, key: &str, value: &str) {
    let value = unescape_value(value.trim_end_matches(' '));
    out.insert(key, AnyValue::Str(value.into_owned().into()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extensions(text: &str) -> Vec<(String, String)> {
        let Ok(map) = parse(text) else {
            panic!("{text} parses");
        };
        let Some(AnyValue::KvList(extensions)) = map.get("cef.extensions") else {
            panic!("extensions");
        };
        extensions
            .iter()
            .map(|(k, v)| (k.to_string(), v.as_str().unwrap_or_default().to_owned()))
            .collect()
    }

    #[test]
    fn values_run_to_the_next_key() {
        assert_eq!(
            extensions(r"CEF:0|V|P|1|2|N|5|request=http://x?a=b&c=d  cs1=x \= y\\z\n key"),
            [
                ("request".to_owned(), "http://x?a=b&c=d".to_owned()),
                ("cs1".to_owned(), "x = y\\z\n key".to_owned()),
            ]
        );
    }

    #[test]
    fn short_headers_fail() {
        assert!(parse("CEF:0|a|b|c|d|e").is_err());
        assert!(parse("CEF:|a|b|c|d|e|f").is_err());
        assert!(parse("CEF:0|a|b|c|d|e|f").is_ok());
        assert!(extensions("CEF:0|a|b|c|d|e|f|").is_empty());
    }
}
