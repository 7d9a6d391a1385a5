//! URLs as Go's `net/url.Parse` reads and writes them (Go 1.27, the reference's toolchain).
//!
//! WHATWG parsers (the `url` crate) normalise far more than Go does (default ports, case,
//! dot segments, IDNA), and `url.original` is Go's re-serialisation, so the reference's parser
//! is followed step by step instead: the fragment is cut at the first `#`, the scheme at the
//! first `:` if only scheme characters precede it, the query at the first `?`; a `//` opens an
//! authority; userinfo, host, path and fragment are percent-decoded with Go's per-component
//! rules, and [`GoUrl::to_string`] escapes them back the same way.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::net::Ipv6Addr;

/// Which component a text belongs to, for escaping and unescaping (Go's `encoding` modes).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Path,
    Host,
    Zone,
    UserPassword,
    QueryComponent,
    Fragment,
}

/// Whether Go escapes the byte `c` in `mode` (`shouldEscape`).
fn should_escape(c: u8, mode: Mode) -> bool {
    if c.is_ascii_alphanumeric() {
        return false;
    }
    if matches!(mode, Mode::Host | Mode::Zone)
        && matches!(
            c,
            b'!' | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
                | b':'
                | b'['
                | b']'
                | b'<'
                | b'>'
                | b'"'
        )
    {
        return false;
    }
    match c {
        b'-' | b'_' | b'.' | b'~' => return false,
        b'$' | b'&' | b'+' | b',' | b'/' | b':' | b';' | b'=' | b'?' | b'@' => match mode {
            Mode::Path => return c == b'?',
            Mode::UserPassword => return matches!(c, b'@' | b'/' | b'?' | b':'),
            Mode::QueryComponent => return true,
            Mode::Fragment => return false,
            Mode::Host | Mode::Zone => {}
        },
        _ => {}
    }
    !(mode == Mode::Fragment && matches!(c, b'!' | b'(' | b')' | b'*'))
}

fn unhex(c: u8) -> u8 {
    match c {
        b'0'..=b'9' => c - b'0',
        b'a'..=b'f' => c - b'a' + 10,
        _ => c - b'A' + 10,
    }
}

/// `s` percent-decoded for `mode` (Go's `unescape`), or Go's error message. The bytes may
/// not be UTF-8 (`%FF`), as in a Go string.
fn unescape(s: &str, mode: Mode) -> Result<Vec<u8>, String> {
    let bytes = s.as_bytes();
    let mut escapes = 0;
    let mut has_plus = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                escapes += 1;
                if i + 2 >= bytes.len()
                    || !bytes[i + 1].is_ascii_hexdigit()
                    || !bytes[i + 2].is_ascii_hexdigit()
                {
                    let tail = &bytes[i..bytes.len().min(i + 3)];
                    return Err(format!(
                        "invalid URL escape {}",
                        quote(&String::from_utf8_lossy(tail))
                    ));
                }
                let triple = &bytes[i..i + 3];
                if mode == Mode::Host && unhex(bytes[i + 1]) < 8 && triple != b"%25" {
                    return Err(format!(
                        "invalid URL escape {}",
                        quote(&String::from_utf8_lossy(triple))
                    ));
                }
                if mode == Mode::Zone {
                    let v = (unhex(bytes[i + 1]) << 4) | unhex(bytes[i + 2]);
                    if triple != b"%25" && v != b' ' && should_escape(v, Mode::Host) {
                        return Err(format!(
                            "invalid URL escape {}",
                            quote(&String::from_utf8_lossy(triple))
                        ));
                    }
                }
                i += 3;
            }
            b'+' => {
                has_plus = mode == Mode::QueryComponent;
                i += 1;
            }
            c => {
                if matches!(mode, Mode::Host | Mode::Zone) && c < 0x80 && should_escape(c, mode) {
                    return Err(format!(
                        "invalid character {} in host name",
                        quote(&(c as char).to_string())
                    ));
                }
                i += 1;
            }
        }
    }
    if escapes == 0 && !has_plus {
        return Ok(s.as_bytes().to_vec());
    }
    let mut out = Vec::with_capacity(bytes.len() - 2 * escapes);
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                out.push((unhex(bytes[i + 1]) << 4) | unhex(bytes[i + 2]));
                i += 3;
                continue;
            }
            b'+' if mode == Mode::QueryComponent => out.push(b' '),
            c => out.push(c),
        }
        i += 1;
    }
    Ok(out)
}

/// Decoded bytes as text: a byte sequence that is not UTF-8 becomes U+FFFD, as the
/// reference's Go string does when it is written out.
pub(super) fn text(bytes: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

/// `s` percent-encoded for `mode` (Go's `escape`).
fn escape(s: &[u8], mode: Mode) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for &c in s {
        if c == b' ' && mode == Mode::QueryComponent {
            out.push('+');
        } else if should_escape(c, mode) {
            let _ = write!(out, "%{c:02X}");
        } else {
            out.push(c as char);
        }
    }
    out
}

/// A Go-quoted string for messages (`strconv.Quote`, close enough for ASCII).
fn quote(s: &str) -> String {
    format!("{s:?}")
}

/// Userinfo: a user name and, when a `:` was there, a password.
pub(super) struct UserInfo {
    pub(super) username: Vec<u8>,
    pub(super) password: Option<Vec<u8>>,
}

impl UserInfo {
    /// `user:pass`, escaped as Go writes it.
    pub(super) fn to_escaped(&self) -> String {
        let mut out = escape(&self.username, Mode::UserPassword);
        if let Some(password) = &self.password {
            out.push(':');
            out.push_str(&escape(password, Mode::UserPassword));
        }
        out
    }
}

/// A parsed URL, Go's `url.URL`.
#[derive(Default)]
pub(super) struct GoUrl {
    pub(super) scheme: String,
    opaque: String,
    pub(super) user: Option<UserInfo>,
    host: Vec<u8>,
    pub(super) path: Vec<u8>,
    raw_path: String,
    pub(super) raw_query: String,
    force_query: bool,
    pub(super) fragment: Vec<u8>,
    raw_fragment: String,
    omit_host: bool,
}

impl GoUrl {
    /// Go's `url.Parse`; the error is Go's message.
    pub(super) fn parse(raw: &str) -> Result<Self, String> {
        let (before, fragment) = match raw.split_once('#') {
            Some((before, fragment)) => (before, Some(fragment)),
            None => (raw, None),
        };
        let mut url = parse(before).map_err(|e| format!("parse {}: {e}", quote(before)))?;
        if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
            url.set_fragment(fragment)
                .map_err(|e| format!("parse {}: {e}", quote(raw)))?;
        }
        Ok(url)
    }

    /// The host without its port, and without brackets (`Hostname()`).
    pub(super) fn hostname(&self) -> &[u8] {
        split_host_port(&self.host).0
    }

    /// The port, if the host has one (`Port()`).
    pub(super) fn port(&self) -> &[u8] {
        split_host_port(&self.host).1
    }

    fn set_fragment(&mut self, f: &str) -> Result<(), String> {
        let fragment = unescape(f, Mode::Fragment)?;
        self.raw_fragment = if escape(&fragment, Mode::Fragment) == f {
            String::new()
        } else {
            f.to_owned()
        };
        self.fragment = fragment;
        Ok(())
    }

    fn set_path(&mut self, p: &str) -> Result<(), String> {
        let path = unescape(p, Mode::Path)?;
        self.raw_path = if escape(&path, Mode::Path) == p {
            String::new()
        } else {
            p.to_owned()
        };
        self.path = path;
        Ok(())
    }

    fn escaped_path(&self) -> String {
        if !self.raw_path.is_empty()
            && valid_encoded(&self.raw_path, Mode::Path)
            && unescape(&self.raw_path, Mode::Path).is_ok_and(|p| p == self.path)
        {
            return self.raw_path.clone();
        }
        if self.path == b"*" {
            return "*".to_owned();
        }
        escape(&self.path, Mode::Path)
    }

    fn escaped_fragment(&self) -> String {
        if !self.raw_fragment.is_empty()
            && valid_encoded(&self.raw_fragment, Mode::Fragment)
            && unescape(&self.raw_fragment, Mode::Fragment).is_ok_and(|f| f == self.fragment)
        {
            return self.raw_fragment.clone();
        }
        escape(&self.fragment, Mode::Fragment)
    }
}

impl std::fmt::Display for GoUrl {
    /// Go's `URL.String()`.
    fn fmt(&self, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut buf = String::with_capacity(self.path.len() + self.host.len() + 16);
        if !self.scheme.is_empty() {
            buf.push_str(&self.scheme);
            buf.push(':');
        }
        if !self.opaque.is_empty() {
            buf.push_str(&self.opaque);
        } else {
            let no_authority = self.host.is_empty() && self.user.is_none();
            // A host or user is always written; an empty one only after a scheme, unless
            // the input had none (`file:/x`).
            let writes_authority = !no_authority || !self.scheme.is_empty() && !self.omit_host;
            if writes_authority {
                if !self.host.is_empty() || !self.path.is_empty() || self.user.is_some() {
                    buf.push_str("//");
                }
                if let Some(user) = &self.user {
                    buf.push_str(&user.to_escaped());
                    buf.push('@');
                }
                if !self.host.is_empty() {
                    buf.push_str(&escape(&self.host, Mode::Host));
                }
            }
            let escaped = self.escaped_path();
            let mut path = escaped.as_str();
            if self.omit_host
                && self.host.is_empty()
                && self.user.is_none()
                && path.starts_with("//")
            {
                buf.push_str("%2F");
                path = &path[1..];
            }
            if !path.is_empty() && !path.starts_with('/') && !self.host.is_empty() {
                buf.push('/');
            }
            if buf.is_empty() {
                let segment = path.split('/').next().unwrap_or("");
                if segment.contains(':') {
                    buf.push_str("./");
                }
            }
            buf.push_str(path);
        }
        if self.force_query || !self.raw_query.is_empty() {
            buf.push('?');
            buf.push_str(&self.raw_query);
        }
        if !self.fragment.is_empty() {
            buf.push('#');
            buf.push_str(&self.escaped_fragment());
        }
        out.write_str(&buf)
    }
}

fn parse(raw: &str) -> Result<GoUrl, String> {
    if raw.bytes().any(|b| b < b' ' || b == 0x7f) {
        return Err("net/url: invalid control character in URL".to_owned());
    }
    let mut url = GoUrl::default();
    if raw == "*" {
        url.path = b"*".to_vec();
        return Ok(url);
    }
    let (scheme, mut rest) = scheme(raw)?;
    url.scheme = scheme.to_ascii_lowercase();
    if rest.ends_with('?') && rest.bytes().filter(|&b| b == b'?').count() == 1 {
        url.force_query = true;
        rest = &rest[..rest.len() - 1];
    } else if let Some((before, query)) = rest.split_once('?') {
        url.raw_query = query.to_owned();
        rest = before;
    }
    if !rest.starts_with('/') {
        if !url.scheme.is_empty() {
            url.opaque = rest.to_owned();
            return Ok(url);
        }
        if rest
            .split('/')
            .next()
            .is_some_and(|segment| segment.contains(':'))
        {
            return Err("first path segment in URL cannot contain colon".to_owned());
        }
    }
    if (!url.scheme.is_empty() || !rest.starts_with("///")) && rest.starts_with("//") {
        let authority = &rest[2..];
        let (authority, path) = match authority.find('/') {
            Some(i) => authority.split_at(i),
            None => (authority, ""),
        };
        let (user, host) = parse_authority(&url.scheme, authority)?;
        url.user = user;
        url.host = host;
        rest = path;
    } else if !url.scheme.is_empty() && rest.starts_with('/') {
        url.omit_host = true;
    }
    url.set_path(rest)?;
    Ok(url)
}

/// The scheme and the rest (`getScheme`).
fn scheme(raw: &str) -> Result<(&str, &str), String> {
    for (i, c) in raw.bytes().enumerate() {
        match c {
            b'a'..=b'z' | b'A'..=b'Z' => {}
            b'0'..=b'9' | b'+' | b'-' | b'.' if i > 0 => {}
            b':' if i == 0 => return Err("missing protocol scheme".to_owned()),
            b':' => return Ok((&raw[..i], &raw[i + 1..])),
            _ => return Ok(("", raw)),
        }
    }
    Ok(("", raw))
}

fn parse_authority(scheme: &str, authority: &str) -> Result<(Option<UserInfo>, Vec<u8>), String> {
    let at = authority.rfind('@');
    let host = parse_host(scheme, at.map_or(authority, |i| &authority[i + 1..]))?;
    let Some(at) = at else {
        return Ok((None, host));
    };
    let userinfo = &authority[..at];
    if !userinfo.chars().all(|c| {
        c.is_ascii_alphanumeric()
            || matches!(
                c,
                '-' | '.'
                    | '_'
                    | ':'
                    | '~'
                    | '!'
                    | '$'
                    | '&'
                    | '\''
                    | '('
                    | ')'
                    | '*'
                    | '+'
                    | ','
                    | ';'
                    | '='
                    | '%'
                    | '@'
            )
    }) {
        return Err("net/url: invalid userinfo".to_owned());
    }
    let user = match userinfo.split_once(':') {
        None => UserInfo {
            username: unescape(userinfo, Mode::UserPassword)?,
            password: None,
        },
        Some((username, password)) => UserInfo {
            username: unescape(username, Mode::UserPassword)?,
            password: Some(unescape(password, Mode::UserPassword)?),
        },
    };
    Ok((Some(user), host))
}

fn parse_host(scheme: &str, host: &str) -> Result<Vec<u8>, String> {
    match host.rfind('[') {
        Some(open) if open > 0 => Err("invalid IP-literal".to_owned()),
        Some(_) => {
            let close = host.rfind(']').ok_or("missing ']' in host")?;
            let colon_port = &host[close + 1..];
            if !valid_optional_port(colon_port) {
                return Err(format!("invalid port {} after host", quote(colon_port)));
            }
            let colon_port = unescape(colon_port, Mode::Host)?;
            let hostname = host.get(1..close).unwrap_or("");
            let mut unescaped = match hostname.find("%25") {
                Some(zone) => {
                    let mut address = unescape(&hostname[..zone], Mode::Host)?;
                    address.extend(unescape(&hostname[zone..], Mode::Zone)?);
                    address
                }
                None => unescape(hostname, Mode::Host)?,
            };
            check_ipv6(&text(&unescaped))?;
            unescaped.insert(0, b'[');
            unescaped.push(b']');
            unescaped.extend(colon_port);
            Ok(unescaped)
        }
        None => {
            if let Some(first) = host.find(':') {
                let last = host.rfind(':').unwrap_or(first);
                // Go 1.26 (`urlstrictcolons`): only http and https keep the first colon.
                let colon = if last != first && scheme != "http" && scheme != "https" {
                    last
                } else {
                    first
                };
                let colon_port = &host[colon..];
                if !valid_optional_port(colon_port) {
                    return Err(format!("invalid port {} after host", quote(colon_port)));
                }
            }
            unescape(host, Mode::Host)
        }
    }
}

/// Go's `netip.ParseAddr` on a bracketed host: an IPv6 address with an optional non-empty zone;
/// an IPv4 address is rejected as an IP literal.
fn check_ipv6(text: &str) -> Result<(), String> {
    let (address, zone) = match text.split_once('%') {
        Some((address, zone)) => (address, Some(zone)),
        None => (text, None),
    };
    if !text.contains(':') {
        return Err(if text.parse::<std::net::Ipv4Addr>().is_ok() {
            "invalid IP-literal".to_owned()
        } else {
            format!(
                "invalid host: ParseAddr({}): unable to parse IP",
                quote(text)
            )
        });
    }
    if zone.is_some_and(str::is_empty) {
        return Err(format!(
            "invalid host: ParseAddr({}): zone must be a non-empty string",
            quote(text)
        ));
    }
    address.parse::<Ipv6Addr>().map(|_| ()).map_err(|_| {
        format!(
            "invalid host: ParseAddr({}): unable to parse IP",
            quote(text)
        )
    })
}

fn valid_optional_port(port: &str) -> bool {
    match port.strip_prefix(':') {
        None => port.is_empty(),
        Some(digits) => digits.bytes().all(|b| b.is_ascii_digit()),
    }
}

fn valid_encoded(s: &str, mode: Mode) -> bool {
    s.bytes().all(|c| {
        matches!(
            c,
            b'!' | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
                | b':'
                | b'@'
                | b'['
                | b']'
                | b'%'
        ) || !should_escape(c, mode)
    })
}

fn split_host_port(host_port: &[u8]) -> (&[u8], &[u8]) {
    let mut host = host_port;
    let mut port: &[u8] = b"";
    if let Some(colon) = host.iter().rposition(|&b| b == b':')
        && host[colon + 1..].iter().all(u8::is_ascii_digit)
    {
        port = &host[colon + 1..];
        host = &host[..colon];
    }
    if host.len() >= 2 && host.starts_with(b"[") && host.ends_with(b"]") {
        host = &host[1..host.len() - 1];
    }
    (host, port)
}

/// A bare query (`a=1&b=2&a=3`) as Go's `url.ParseQuery` reads it: each key with its values in
/// order, keys in first-seen order; or Go's first error.
pub(super) fn parse_query(query: &str) -> Result<Vec<(String, Vec<String>)>, String> {
    if query.bytes().filter(|&b| b == b'&').count() + 1 > 10_000 {
        return Err("number of URL query parameters exceeded limit".to_owned());
    }
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    let mut error = None;
    for pair in query.split('&') {
        if pair.contains(';') {
            error = Some("invalid semicolon separator in query".to_owned());
            continue;
        }
        if pair.is_empty() {
            continue;
        }
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let decoded = unescape(key, Mode::QueryComponent).and_then(|key| {
            let value = unescape(value, Mode::QueryComponent)?;
            Ok((text(&key).into_owned(), text(&value).into_owned()))
        });
        match decoded {
            Ok((key, value)) => match out.iter_mut().find(|(k, _)| *k == key) {
                Some((_, values)) => values.push(value),
                None => out.push((key, vec![value])),
            },
            Err(message) => {
                error.get_or_insert(message);
            }
        }
    }
    match error {
        Some(message) => Err(message),
        None => Ok(out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(raw: &str) -> String {
        match GoUrl::parse(raw) {
            Ok(url) => url.to_string(),
            Err(message) => message,
        }
    }

    #[test]
    fn strings_are_written_back_as_go_writes_them() {
        for (raw, written) in [
            ("http://www.google.com", "http://www.google.com"),
            (
                "http://www.google.com/a%20b?q=1#f%20g",
                "http://www.google.com/a%20b?q=1#f%20g",
            ),
            ("HTTP://x/", "http://x/"),
            ("mailto:a@b.c", "mailto:a@b.c"),
            ("file:///etc/passwd", "file:///etc/passwd"),
            ("http://u:p%40ss@h:8080/p", "http://u:p%40ss@h:8080/p"),
            ("/a b", "/a%20b"),
            ("x?", "x?"),
            (
                "http://[fe80::1%25en0]:8080/",
                "http://[fe80::1%25en0]:8080/",
            ),
        ] {
            assert_eq!(round_trip(raw), written, "{raw}");
        }
    }

    #[test]
    fn go_errors_are_reported() {
        assert!(GoUrl::parse(":x").is_err());
        assert!(GoUrl::parse("a:b/c:d").is_ok());
        assert!(GoUrl::parse("ab:c").is_ok());
        assert!(GoUrl::parse("a b:c").is_err());
        assert!(GoUrl::parse("http://h:x/").is_err());
        assert!(GoUrl::parse("http://a:1:2/").is_err());
        assert!(GoUrl::parse("ftp://a:1:2/").is_ok());
        assert!(GoUrl::parse("http://[1.2.3.4]/").is_err());
        assert!(GoUrl::parse("http://%zz/").is_err());
        assert!(GoUrl::parse("http://a\u{7f}/").is_err());
    }

    #[test]
    fn host_and_port_split_at_the_last_colon() {
        let Ok(url) = GoUrl::parse("http://[::1]:80/x") else {
            panic!("valid URL");
        };
        assert_eq!(
            (url.hostname(), url.port()),
            (b"::1".as_slice(), b"80".as_slice())
        );
    }

    #[test]
    fn a_query_keeps_repeated_keys_together() {
        assert_eq!(
            parse_query("a=1&b=x+y&a=%32"),
            Ok(vec![
                ("a".to_owned(), vec!["1".to_owned(), "2".to_owned()]),
                ("b".to_owned(), vec!["x y".to_owned()]),
            ])
        );
        assert!(parse_query("a=1;b=2").is_err());
        assert!(parse_query("a=%zz").is_err());
    }
}
