//! An XML tokenizer with the acceptance rules of Go's `encoding/xml` decoder in strict mode,
//! which both of the reference's XML paths use (`ParseXML` directly, the other functions
//! through antchfx/xmlquery): the same tokens, the same entity set, the same `\r` rewriting,
//! the same errors for the same inputs (the messages are shortened).
//!
//! Tokens are "cooked" as `Decoder.Token` cooks them: end tags are matched against start tags,
//! `<a/>` gives a start and an end, and names are translated to namespace URLs with the
//! scoped `xmlns` declarations.

/// The deepest nesting of elements `ParseXML`, `ParseSimplifiedXML` and
/// `ConvertTextToElementsXML` accept (the reference's `maxXMLElementDepth`, and Go's own
/// unmarshalling limit). Nothing here recurses over a document, so the others take any depth.
pub(crate) const MAX_DEPTH: usize = 10_000;

use encoding_rs::Encoding;
use std::borrow::Cow;

/// The namespace URL Go gives the `xml` prefix.
pub(crate) const XML_URL: &str = "http://www.w3.org/XML/1998/namespace";

/// A name as written (`prefix:local`), then translated (`space` becomes a namespace URL).
/// Names, and text without entities or `\r`, are borrowed from the document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Name<'a> {
    pub(crate) space: Cow<'a, str>,
    pub(crate) local: &'a str,
}

/// An attribute of a start tag.
#[derive(Clone, Debug)]
pub(crate) struct RawAttr<'a> {
    pub(crate) name: Name<'a>,
    pub(crate) value: Cow<'a, str>,
}

/// One token of the document.
#[derive(Debug)]
pub(crate) enum Token<'a> {
    /// `<name attr="v">` (also the first half of `<name/>`); `raw_prefix` is the prefix as
    /// written, `name.space` its namespace URL.
    Start {
        name: Name<'a>,
        raw_prefix: &'a str,
        attrs: Vec<RawAttr<'a>>,
    },
    /// `</name>` (or the second half of `<name/>`).
    End,
    /// Character data; `cdata` when the source at the token's start reads `<![CDATA[` or
    /// `![CDATA[` (case-insensitive), which is how xmlquery tells CDATA sections apart.
    Text { data: Cow<'a, str>, cdata: bool },
    /// `<!--data-->`.
    Comment(&'a str),
    /// `<?target inst?>`.
    ProcInst { target: &'a str, inst: &'a str },
    /// `<!data>` (a DOCTYPE, an ENTITY declaration…).
    Directive(String),
}

/// Reads the tokens of one document.
pub(crate) struct Decoder<'a> {
    src: &'a str,
    pos: usize,
    /// The element names open, as written (prefix, local name), with how many namespace
    /// bindings each pushed.
    open: Vec<(&'a str, &'a str, usize)>,
    /// Namespace bindings in scope: prefix ("" for the default namespace) and URL.
    ns: Vec<(&'a str, Cow<'a, str>)>,
    /// The end token `<a/>` owes.
    pending_end: bool,
    /// Whether a declared encoding other than UTF-8 is read (xmlquery gives Go's decoder a
    /// `CharsetReader`; `ParseXML` does not), and up to where the input is already decoded.
    charsets: Option<usize>,
    /// After an error: the declared encoding the input from this offset on is in.
    pub(crate) switch: Option<(usize, &'static Encoding)>,
}

type Result<T> = std::result::Result<T, String>;

/// A name as written: prefix (empty when none) and local part.
struct RawName<'a> {
    prefix: &'a str,
    local: &'a str,
}

impl<'a> Decoder<'a> {
    /// A decoder over `src`.
    pub(crate) fn new(src: &'a str) -> Self {
        Self {
            src,
            pos: 0,
            open: Vec::new(),
            ns: Vec::new(),
            pending_end: false,
            charsets: None,
            switch: None,
        }
    }

    /// A decoder that reads declared encodings: a declaration of one (other than UTF-8)
    /// ending after `decoded` stops it with an error and [`Decoder::switch`] set, for the
    /// caller to decode the rest of the input and start again.
    pub(crate) fn with_charsets(src: &'a str, decoded: usize) -> Self {
        Self {
            charsets: Some(decoded),
            ..Self::new(src)
        }
    }

    /// How many bytes have been read.
    pub(crate) fn offset(&self) -> usize {
        self.pos
    }

    /// How many elements are open.
    pub(crate) fn depth(&self) -> usize {
        self.open.len()
    }

    fn bytes(&self) -> &'a [u8] {
        self.src.as_bytes()
    }

    fn error(&self, message: impl Into<String>) -> String {
        let line = 1 + self.bytes()[..self.pos.min(self.src.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        format!("XML syntax error on line {line}: {}", message.into())
    }

    fn eof(&self) -> String {
        self.error("unexpected EOF")
    }

    fn getc(&mut self) -> Option<u8> {
        let b = self.bytes().get(self.pos).copied()?;
        self.pos += 1;
        Some(b)
    }

    fn must(&mut self) -> Result<u8> {
        self.getc().ok_or_else(|| self.eof())
    }

    fn unget(&mut self) {
        self.pos -= 1;
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\r' | b'\n' | b'\t') = self.bytes().get(self.pos) {
            self.pos += 1;
        }
    }

    /// The next token, `None` at the end of a well-formed document.
    pub(crate) fn token(&mut self) -> Result<Option<Token<'a>>> {
        if self.pending_end {
            self.pending_end = false;
            self.close();
            return Ok(Some(Token::End));
        }
        let start = self.pos;
        let Some(b) = self.getc() else {
            return if self.open.is_empty() {
                Ok(None)
            } else {
                Err(self.eof())
            };
        };
        if b != b'<' {
            self.unget();
            let data = self.text(None, false)?;
            let head = &self.bytes()[start..(start + 8).min(self.src.len())];
            let cdata = head.eq_ignore_ascii_case(b"![CDATA[");
            return Ok(Some(Token::Text { data, cdata }));
        }
        match self.must()? {
            b'/' => self.end_tag().map(Some),
            b'?' => self.proc_inst().map(Some),
            b'!' => self.bang().map(Some),
            _ => {
                self.unget();
                self.start_tag().map(Some)
            }
        }
    }

    fn close(&mut self) {
        if let Some((_, _, bindings)) = self.open.pop() {
            let keep = self.ns.len().saturating_sub(bindings);
            self.ns.truncate(keep);
        }
    }

    fn end_tag(&mut self) -> Result<Token<'a>> {
        let Some(name) = self.ns_name()? else {
            return Err(self.error("expected element name after </"));
        };
        self.space();
        if self.must()? != b'>' {
            return Err(self.error(format!("invalid characters between </{} and >", name.local)));
        }
        match self.open.last() {
            None => Err(self.error(format!("unexpected end element </{}>", name.local))),
            Some((_, local, _)) if *local != name.local => {
                Err(self.error(format!("element <{local}> closed by </{}>", name.local)))
            }
            Some((prefix, local, _)) if *prefix != name.prefix => Err(self.error(format!(
                "element <{local}> in space {prefix} closed by </{}>",
                name.local
            ))),
            Some(_) => {
                self.close();
                Ok(Token::End)
            }
        }
    }

    fn proc_inst(&mut self) -> Result<Token<'a>> {
        let Some(target) = self.name()? else {
            return Err(self.error("expected target name after <?"));
        };
        self.space();
        let from = self.pos;
        let mut previous = 0u8;
        loop {
            let b = self.must()?;
            if previous == b'?' && b == b'>' {
                break;
            }
            previous = b;
        }
        let src: &'a str = self.src;
        let inst = &src[from..self.pos - 2];
        if target == "xml" {
            let version = pseudo_attr("version", inst);
            if !version.is_empty() && version != "1.0" {
                return Err(format!(
                    "xml: unsupported version {version:?}; only version 1.0 is supported"
                ));
            }
            let encoding = pseudo_attr("encoding", inst);
            if !encoding.is_empty() && !encoding.eq_ignore_ascii_case("utf-8") {
                let Some(decoded) = self.charsets else {
                    return Err(format!(
                        "xml: encoding {encoding:?} declared but Decoder.CharsetReader is nil"
                    ));
                };
                if self.pos > decoded {
                    let Some(charset) = Encoding::for_label(encoding.trim().as_bytes()) else {
                        return Err(format!(
                            "xml: opening charset {encoding:?}: unsupported encoding"
                        ));
                    };
                    self.switch = Some((self.pos, charset));
                    return Err(format!("xml: switching to charset {encoding:?}"));
                }
            }
        }
        Ok(Token::ProcInst { target, inst })
    }

    fn bang(&mut self) -> Result<Token<'a>> {
        match self.must()? {
            b'-' => {
                if self.must()? != b'-' {
                    return Err(self.error("invalid sequence <!- not part of <!--"));
                }
                let from = self.pos;
                let (mut b0, mut b1) = (0u8, 0u8);
                loop {
                    let b = self.must()?;
                    if b0 == b'-' && b1 == b'-' {
                        if b != b'>' {
                            return Err(
                                self.error("invalid sequence \"--\" not allowed in comments")
                            );
                        }
                        break;
                    }
                    (b0, b1) = (b1, b);
                }
                let src: &'a str = self.src;
                Ok(Token::Comment(&src[from..self.pos - 3]))
            }
            b'[' => {
                for expected in b"CDATA[" {
                    if self.must()? != *expected {
                        return Err(self.error("invalid <![ sequence"));
                    }
                }
                let data = self.text(None, true)?;
                Ok(Token::Text { data, cdata: true })
            }
            first => self.directive(first),
        }
    }

    /// `<!…>` other than a comment or CDATA: kept as written, with nested `<…>` and quoted
    /// strings skipped and comments replaced by a space.
    fn directive(&mut self, first: u8) -> Result<Token<'a>> {
        let mut out: Vec<u8> = vec![first];
        let mut quote = 0u8;
        let mut depth = 0usize;
        let mut b = first;
        let mut pending = false;
        loop {
            if !pending {
                b = self.must()?;
                if quote == 0 && b == b'>' && depth == 0 {
                    break;
                }
            }
            pending = false;
            out.push(b);
            if b == quote {
                quote = 0;
            } else if quote != 0 {
            } else if b == b'\'' || b == b'"' {
                quote = b;
            } else if b == b'>' {
                depth = depth.saturating_sub(1);
            } else if b == b'<' {
                let mut matched = 0;
                for expected in b"!--" {
                    b = self.must()?;
                    if b != *expected {
                        break;
                    }
                    matched += 1;
                }
                if matched < 3 {
                    out.extend_from_slice(&b"!--"[..matched]);
                    depth += 1;
                    pending = true;
                    continue;
                }
                out.pop();
                let (mut b0, mut b1) = (0u8, 0u8);
                loop {
                    let c = self.must()?;
                    if b0 == b'-' && b1 == b'-' {
                        if c != b'>' {
                            return Err(
                                self.error("invalid sequence \"--\" not allowed in comments")
                            );
                        }
                        break;
                    }
                    (b0, b1) = (b1, c);
                }
                out.push(b' ');
            }
        }
        Ok(Token::Directive(String::from_utf8_lossy(&out).into_owned()))
    }

    fn start_tag(&mut self) -> Result<Token<'a>> {
        let Some(name) = self.ns_name()? else {
            return Err(self.error("expected element name after <"));
        };
        let mut attrs = Vec::new();
        let mut empty = false;
        loop {
            self.space();
            let b = self.must()?;
            if b == b'/' {
                if self.must()? != b'>' {
                    return Err(self.error("expected /> in element"));
                }
                empty = true;
                break;
            }
            if b == b'>' {
                break;
            }
            self.unget();
            let Some(attr_name) = self.ns_name()? else {
                return Err(self.error("expected attribute name in element"));
            };
            self.space();
            if self.must()? != b'=' {
                return Err(self.error("attribute name without = in element"));
            }
            self.space();
            let quote = self.must()?;
            if quote != b'"' && quote != b'\'' {
                return Err(self.error("unquoted or missing attribute value in element"));
            }
            let value = self.text(Some(quote), false)?;
            attrs.push((attr_name, value));
        }
        // Bindings first: they apply to the element's own name and attributes.
        let mut bindings = 0;
        for (attr, value) in &attrs {
            if attr.prefix == "xmlns" {
                self.ns.push((attr.local, value.clone()));
                bindings += 1;
            } else if attr.prefix.is_empty() && attr.local == "xmlns" {
                self.ns.push(("", value.clone()));
                bindings += 1;
            }
        }
        self.open.push((name.prefix, name.local, bindings));
        let translated = Name {
            space: self.translate(&name, true),
            local: name.local,
        };
        let attrs = attrs
            .into_iter()
            .map(|(attr, value)| RawAttr {
                name: Name {
                    space: self.translate(&attr, false),
                    local: attr.local,
                },
                value,
            })
            .collect();
        if empty {
            self.pending_end = true;
        }
        Ok(Token::Start {
            name: translated,
            raw_prefix: name.prefix,
            attrs,
        })
    }

    /// The namespace URL of a name (Go's `translate`): its prefix's binding, the default
    /// namespace for an unprefixed element, the prefix itself when unbound.
    fn translate(&self, name: &RawName<'a>, element: bool) -> Cow<'a, str> {
        if name.prefix == "xmlns"
            || (name.prefix.is_empty() && !element)
            || (name.prefix.is_empty() && name.local == "xmlns")
        {
            return Cow::Borrowed(name.prefix);
        }
        let key = if name.prefix == "xml" {
            XML_URL
        } else {
            name.prefix
        };
        match self.ns.iter().rev().find(|(p, _)| *p == key) {
            Some((_, url)) => url.clone(),
            None => Cow::Borrowed(key),
        }
    }

    /// A name, checked; `None` (nothing consumed) when no name starts here.
    fn name(&mut self) -> Result<Option<&'a str>> {
        let from = self.pos;
        while let Some(&b) = self.bytes().get(self.pos) {
            if b < 0x80 && !is_name_byte(b) {
                break;
            }
            self.pos += 1;
        }
        if self.pos == from {
            if self.pos >= self.src.len() {
                return Err(self.eof());
            }
            return Ok(None);
        }
        if self.pos >= self.src.len() {
            return Err(self.eof());
        }
        let src: &'a str = self.src;
        let name = &src[from..self.pos];
        if !is_xml_name(name) {
            return Err(self.error(format!("invalid XML name: {name}")));
        }
        Ok(Some(name))
    }

    fn ns_name(&mut self) -> Result<Option<RawName<'a>>> {
        let Some(text) = self.name()? else {
            return Ok(None);
        };
        if text.matches(':').count() > 1 {
            return Ok(None);
        }
        Ok(Some(match text.split_once(':') {
            Some((prefix, local)) if !prefix.is_empty() && !local.is_empty() => {
                RawName { prefix, local }
            }
            _ => RawName {
                prefix: "",
                local: text,
            },
        }))
    }

    /// Character data up to `<` (text), the closing quote (an attribute value) or `]]>` (a
    /// CDATA section), with entities resolved and `\r\n`, `\r` written as `\n`: borrowed
    /// when it has neither.
    fn text(&mut self, quote: Option<u8>, cdata: bool) -> Result<Cow<'a, str>> {
        let start = self.pos;
        let bytes = self.bytes();
        let (mut b0, mut b1) = (0u8, 0u8);
        let mut i = start;
        let end = loop {
            let Some(&b) = bytes.get(i) else {
                self.pos = i;
                if cdata {
                    return Err(self.error("unexpected EOF in CDATA section"));
                }
                break i;
            };
            i += 1;
            if quote.is_none() && b0 == b']' && b1 == b']' && b == b'>' {
                self.pos = i;
                if cdata {
                    break i - 3;
                }
                return Err(self.error("unescaped ]]> not in CDATA section"));
            }
            if b == b'<' && !cdata {
                self.pos = i - 1;
                if quote.is_some() {
                    return Err(self.error("unescaped < inside quoted string"));
                }
                break i - 1;
            }
            if quote == Some(b) {
                self.pos = i;
                break i - 1;
            }
            if (b == b'&' && !cdata) || b == b'\r' {
                self.pos = start;
                return self.text_rewritten(quote, cdata).map(Cow::Owned);
            }
            (b0, b1) = (b1, b);
        };
        let src: &'a str = self.src;
        let text = &src[start..end];
        if let Some(bad) = text.chars().find(|&c| !is_xml_char(c)) {
            return Err(self.error(format!("illegal character code U+{:04X}", bad as u32)));
        }
        Ok(Cow::Borrowed(text))
    }

    /// [`Decoder::text`] for text with entities or `\r`: built anew.
    fn text_rewritten(&mut self, quote: Option<u8>, cdata: bool) -> Result<String> {
        let mut out: Vec<u8> = Vec::new();
        let (mut b0, mut b1) = (0u8, 0u8);
        loop {
            let Some(b) = self.getc() else {
                if cdata {
                    return Err(self.error("unexpected EOF in CDATA section"));
                }
                break;
            };
            if quote.is_none() && b0 == b']' && b1 == b']' && b == b'>' {
                if cdata {
                    out.truncate(out.len().saturating_sub(2));
                    break;
                }
                return Err(self.error("unescaped ]]> not in CDATA section"));
            }
            if b == b'<' && !cdata {
                if quote.is_some() {
                    return Err(self.error("unescaped < inside quoted string"));
                }
                self.unget();
                break;
            }
            if quote == Some(b) {
                break;
            }
            if b == b'&' && !cdata {
                self.entity(&mut out)?;
                (b0, b1) = (0, 0);
                continue;
            }
            if b == b'\r' {
                out.push(b'\n');
            } else if !(b1 == b'\r' && b == b'\n') {
                out.push(b);
            }
            (b0, b1) = (b1, b);
        }
        let text = String::from_utf8(out).map_err(|_| self.error("invalid UTF-8"))?;
        if let Some(bad) = text.chars().find(|&c| !is_xml_char(c)) {
            return Err(self.error(format!("illegal character code U+{:04X}", bad as u32)));
        }
        Ok(text)
    }

    /// After `&`: a character or entity reference, resolved into `out`.
    fn entity(&mut self, out: &mut Vec<u8>) -> Result<()> {
        let from = self.pos;
        let mut b = self.must()?;
        let mut resolved: Option<char> = None;
        let mut terminated = false;
        if b == b'#' {
            b = self.must()?;
            let radix = if b == b'x' {
                b = self.must()?;
                16
            } else {
                10
            };
            let digits_from = self.pos - 1;
            while b.is_ascii_digit() || (radix == 16 && b.is_ascii_hexdigit()) {
                b = self.must()?;
            }
            if b == b';' {
                terminated = true;
                let digits = &self.src[digits_from..self.pos - 1];
                if let Ok(n) = u64::from_str_radix(digits, radix)
                    && n <= 0x10FFFF
                {
                    // Go turns a surrogate into U+FFFD.
                    resolved = Some(char::from_u32(n as u32).unwrap_or('\u{FFFD}'));
                }
            } else {
                self.unget();
            }
        } else {
            self.unget();
            let name_from = self.pos;
            while let Some(&c) = self.bytes().get(self.pos) {
                if c < 0x80 && !is_name_byte(c) {
                    break;
                }
                self.pos += 1;
            }
            let name_to = self.pos;
            if self.must()? == b';' {
                terminated = true;
                resolved = match &self.src[name_from..name_to] {
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "amp" => Some('&'),
                    "apos" => Some('\''),
                    "quot" => Some('"'),
                    _ => None,
                };
            } else {
                self.unget();
            }
        }
        if let Some(c) = resolved {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            return Ok(());
        }
        let written = &self.src[from..self.pos];
        let suffix = if terminated { "" } else { " (no semicolon)" };
        Err(self.error(format!("invalid character entity &{written}{suffix}")))
    }
}

/// The value of `name="…"` in an `<?xml …?>` declaration, as Go's `procInst` finds it
/// (byte-wise: a match may end inside a multi-byte character).
fn pseudo_attr<'s>(name: &str, content: &'s str) -> &'s str {
    let key = format!("{name}=");
    let (bytes, key) = (content.as_bytes(), key.as_bytes());
    let mut i = 0;
    let mut quote = 0u8;
    while i < bytes.len() {
        let rest = &bytes[i..];
        let Some(k) = rest.windows(key.len()).position(|w| w == key) else {
            return "";
        };
        if key.len() + k >= rest.len() {
            return "";
        }
        i += key.len() + k + 1;
        let c = rest[key.len() + k];
        if c == b'\'' || c == b'"' {
            quote = c;
            break;
        }
    }
    if quote == 0 {
        return "";
    }
    let value = bytes.get(i..).unwrap_or_default();
    match value.iter().position(|&b| b == quote) {
        Some(j) => std::str::from_utf8(&value[..j]).unwrap_or_default(),
        None => "",
    }
}

fn is_name_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'_' | b':' | b'.' | b'-')
}

/// Whether `c` may start an XML name (XML 1.0 appendix B; non-ASCII letters approximated by
/// Unicode's alphabetic property).
pub(crate) fn is_name_start(c: char) -> bool {
    c == ':' || c == '_' || c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic())
}

/// Whether `c` may continue an XML name.
pub(crate) fn is_name_char(c: char) -> bool {
    is_name_start(c)
        || c.is_ascii_digit()
        || matches!(c, '-' | '.' | '\u{B7}')
        || (!c.is_ascii() && c.is_alphanumeric())
        || ('\u{300}'..='\u{36F}').contains(&c)
}

fn is_xml_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(is_name_start) && chars.all(is_name_char)
}

fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(src: &str) -> Result<Vec<Token<'_>>> {
        let mut decoder = Decoder::new(src);
        let mut out = Vec::new();
        while let Some(token) = decoder.token()? {
            out.push(token);
        }
        Ok(out)
    }

    #[test]
    fn rejects_what_go_rejects() {
        for bad in [
            "<a>",
            "<a></b>",
            "<a x=1/>",
            "<a x/>",
            "<a>&foo;</a>",
            "<a>&#0;</a>",
            "<a><!-- a--b --></a>",
            "<a>]]></a>",
            "<a x=\"<\"/>",
            "<a:b:c/>",
            "</a>",
        ] {
            assert!(tokens(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn accepts_what_go_accepts() {
        for good in [
            "<a/><b/>",
            "text<a/>",
            "<a x=\"1\"y='2'/>",
            "<!DOCTYPE a [<!ENTITY e \"x\">]><a/>",
            "<a>&#xD800;&lt;&amp;</a>",
            "<p:a xmlns:p=\"u\"></p:a>",
        ] {
            assert!(tokens(good).is_ok(), "{good}");
        }
    }

    #[test]
    fn rewrites_carriage_returns() {
        let Ok(tokens) = tokens("<a>\r\nx\ry</a>") else {
            panic!("valid");
        };
        assert!(matches!(&tokens[1], Token::Text { data, .. } if data == "\nx\ny"));
    }

    #[test]
    fn reads_the_declaration() {
        assert_eq!(pseudo_attr("version", " version=\"1.0\" "), "1.0");
        assert_eq!(
            pseudo_attr("encoding", "version='1.0' encoding='UTF-8'"),
            "UTF-8"
        );
        assert_eq!(pseudo_attr("encoding", "version='1.0'"), "");
        assert_eq!(pseudo_attr("version", "version=\u{e9}1 version='2'"), "2");
    }
}
