//! `ParseCLF(target, [format])`.

use super::failure;
use crate::pattern::{self, Syntax};
use ottl_core::RuntimeError;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::model::{AnyValue, Map};
use ottl_core::value::Value;
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

const NAME: &str = "ParseCLF";

/// `ParseCLF(target, [format])` — an access-log line in the Common Log Format (`"clf"`, the
/// default) or the NCSA Combined format (`"combined"`) as a map: `clf.remote_host`,
/// `clf.rfc931`, `clf.authuser`, `clf.timestamp`, `clf.request` (and its `clf.method`,
/// `clf.request_uri`, `clf.protocol`), `clf.status` and `clf.bytes` as ints (no `clf.bytes`
/// for `-`), and for `combined` `clf.referer` and `clf.user_agent` (log context).
pub struct ParseClf;

impl Function for ParseClf {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, Kind::Map, "parses a Common or Combined Log Format line")
            .param("target", ParamKind::Value(Kind::String))
            .optional("format", ParamKind::String)
            .example(
                r#"ParseCLF("127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /a.gif HTTP/1.0\" 200 2326")["clf.bytes"]"#,
                "2326",
            )
            .example(
                r#"ParseCLF("::1 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 304 - \"-\" \"curl/8.0\"", "combined")["clf.user_agent"]"#,
                r#""curl/8.0""#,
            )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::String>(0)?;
        let format = match args.optional_string(1)?.as_deref() {
            None | Some("clf") => Format::Common,
            Some("combined") => Format::Combined,
            Some(other) => {
                return Err(args.invalid(
                    1,
                    format!(r#"invalid format {other:?}: must be "clf" or "combined""#),
                    r#"use "clf" or "combined""#,
                ));
            }
        };
        Ok(Compiled::converter(move |ctx| {
            let text = target.eval(ctx)?;
            parse(&text, format).map(|map| Value::Map(Cow::Owned(map)))
        }))
    }
}

/// The two line formats.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// `host rfc931 authuser [date] "request" status bytes`.
    Common,
    /// The common format and `"referer" "user-agent"`.
    Combined,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Common => "clf",
            Format::Combined => "combined",
        }
    }
}

/// A quoted field, backslash escapes allowed inside.
const QUOTED: &str = r#""((?:[^"\\]|\\.)*)""#;

fn line_regex(format: Format) -> &'static Regex {
    static COMMON: LazyLock<Result<Regex, String>> = LazyLock::new(|| {
        pattern::compile(
            &format!(r"^(\S+) (\S+) (\S+) \[([^\]]+)\] {QUOTED} (\S+) (\S+)$"),
            Syntax::Regex,
        )
    });
    static COMBINED: LazyLock<Result<Regex, String>> = LazyLock::new(|| {
        pattern::compile(
            &format!(r"^(\S+) (\S+) (\S+) \[([^\]]+)\] {QUOTED} (\S+) (\S+) {QUOTED} {QUOTED}$"),
            Syntax::Regex,
        )
    });
    let compiled = match format {
        Format::Common => &*COMMON,
        Format::Combined => &*COMBINED,
    };
    match compiled {
        Ok(regex) => regex,
        Err(message) => unreachable!("the CLF regexes are valid: {message}"),
    }
}

/// The map `ParseCLF` returns for `text`.
pub(crate) fn parse(text: &str, format: Format) -> Result<Map, RuntimeError> {
    if text.is_empty() {
        return Err(failure(NAME, "cannot parse empty CLF message"));
    }
    let found = line_regex(format).captures(text.trim()).ok_or_else(|| {
        failure(
            NAME,
            format!(
                "invalid CLF message: does not match expected {:?} format",
                format.name()
            ),
        )
    })?;
    let group = |i: usize| found.get(i).map_or("", |m| m.as_str());
    let mut map = Map::with_capacity(12);
    map.insert("clf.remote_host", AnyValue::from(group(1)));
    map.insert("clf.rfc931", AnyValue::from(group(2)));
    map.insert("clf.authuser", AnyValue::from(group(3)));
    map.insert("clf.timestamp", AnyValue::from(group(4)));
    let request = unescape(group(5));
    map.insert("clf.request", AnyValue::Str(request.as_ref().into()));
    let mut parts = request.splitn(3, ' ');
    if let (Some(method), Some(uri), Some(protocol)) = (parts.next(), parts.next(), parts.next()) {
        map.insert("clf.method", AnyValue::from(method));
        map.insert("clf.request_uri", AnyValue::from(uri));
        map.insert("clf.protocol", AnyValue::from(protocol));
    }
    let status = group(6);
    let status = go_int(status).ok_or_else(|| {
        failure(
            NAME,
            format!("invalid status code {status:?}: invalid syntax"),
        )
    })?;
    map.insert("clf.status", AnyValue::Int(status));
    let bytes = group(7);
    if bytes != "-" {
        let bytes = go_int(bytes).ok_or_else(|| {
            failure(
                NAME,
                format!("invalid bytes value {bytes:?}: invalid syntax"),
            )
        })?;
        map.insert("clf.bytes", AnyValue::Int(bytes));
    }
    if format == Format::Combined {
        map.insert(
            "clf.referer",
            AnyValue::Str(unescape(group(8)).as_ref().into()),
        );
        map.insert(
            "clf.user_agent",
            AnyValue::Str(unescape(group(9)).as_ref().into()),
        );
    }
    Ok(map)
}

/// Go's `strconv.ParseInt(text, 10, 64)`: an optional sign and decimal digits.
fn go_int(text: &str) -> Option<i64> {
    text.parse().ok()
}

/// A quoted field with Apache's escapes undone: `\"`, `\\`, `\n`, `\t`, `\r`, `\b`, `\f`, `\v`
/// and `\xhh`; any other backslash stays. A `\xhh` that makes no UTF-8 gives U+FFFD.
fn unescape(field: &str) -> Cow<'_, str> {
    if !field.contains('\\') {
        return Cow::Borrowed(field);
    }
    let bytes = field.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c != b'\\' || i + 1 == bytes.len() {
            out.push(c);
            i += 1;
            continue;
        }
        let next = bytes[i + 1];
        i += 2;
        match next {
            b'\\' | b'"' => out.push(next),
            b'n' => out.push(b'\n'),
            b't' => out.push(b'\t'),
            b'r' => out.push(b'\r'),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0c),
            b'v' => out.push(0x0b),
            b'x' => match bytes.get(i..i + 2).and_then(hex_byte) {
                Some(byte) => {
                    out.push(byte);
                    i += 2;
                }
                None => out.extend_from_slice(b"\\x"),
            },
            _ => out.extend_from_slice(&[b'\\', next]),
        }
    }
    Cow::Owned(String::from_utf8_lossy(&out).into_owned())
}

fn hex_byte(digits: &[u8]) -> Option<u8> {
    let text = std::str::from_utf8(digits).ok()?;
    u8::from_str_radix(text, 16)
        .ok()
        .filter(|_| !text.starts_with('+'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_undone_as_apache_writes_them() {
        assert_eq!(unescape(r#"a\"b\\c\x41\xZZ\q\"#), "a\"b\\cA\\xZZ\\q\\");
        assert_eq!(unescape("plain"), "plain");
    }

    #[test]
    fn the_request_splits_into_three_parts_only_when_it_has_them() {
        let Ok(map) = parse(r#"h - - [d] "GET /" 200 -"#, Format::Common) else {
            panic!("parses");
        };
        assert!(map.get("clf.method").is_none());
        assert!(map.get("clf.bytes").is_none());
        assert!(parse(r#"h - - [d] "GET / HTTP/1.1" 2x0 1"#, Format::Common).is_err());
    }
}
