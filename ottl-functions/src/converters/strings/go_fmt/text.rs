//! Strings and bytes: padding, precision, hex, and Go's quoting (`strconv.Quote`).

use super::print::Printer;
use std::sync::OnceLock;

impl Printer {
    /// The byte Go pads with: `0` with the `0` flag (unless left-justified), else a space.
    pub(super) fn pad_byte(&self) -> u8 {
        if self.spec.flags.zero && !self.spec.flags.minus {
            b'0'
        } else {
            b' '
        }
    }

    pub(super) fn write_padding_with(&mut self, count: usize, pad: u8) {
        self.out.extend(std::iter::repeat_n(char::from(pad), count));
    }

    /// `text` padded to the width (counted in characters) with `pad`, on the left or, with
    /// `-`, on the right: Go's `fmt.pad` with the pad byte decided by the caller.
    pub(super) fn pad_with(&mut self, text: &str, pad: u8) {
        let width = match self.spec.width {
            Some(width) if width > 0 => width,
            _ => return self.out.push_str(text),
        };
        let missing = width.saturating_sub(text.chars().count());
        if self.spec.flags.minus {
            self.out.push_str(text);
            self.write_padding_with(missing, b' ');
        } else {
            self.write_padding_with(missing, pad);
            self.out.push_str(text);
        }
    }

    /// Go's `padString`.
    pub(super) fn pad_str(&mut self, text: &str) {
        let pad = self.pad_byte();
        self.pad_with(text, pad);
    }

    /// `%s` of a string: cut to the precision (in characters), then padded.
    pub(super) fn fmt_s(&mut self, text: &str) {
        let cut = match self.spec.precision {
            Some(precision) => text
                .char_indices()
                .nth(precision)
                .map_or(text, |(end, _)| &text[..end]),
            None => text,
        };
        self.pad_str(cut);
    }

    /// `%s` of bytes: as a string whose invalid bytes each read as U+FFFD (as Go counts and
    /// the reference's output encodes them).
    pub(super) fn fmt_bs(&mut self, bytes: &[u8]) {
        let text = lossy(bytes);
        self.fmt_s(&text);
    }

    /// `%x` / `%X` of a string's or bytes' bytes: Go's `fmtSbx` (`#` adds `0x`, a space
    /// separates the bytes, the precision limits how many).
    pub(super) fn fmt_hex(&mut self, bytes: &[u8], upper: bool) {
        let digits: &[u8; 16] = if upper {
            b"0123456789ABCDEF"
        } else {
            b"0123456789abcdef"
        };
        let prefix = if upper { "0X" } else { "0x" };
        let flags = self.spec.flags;
        let length = self
            .spec
            .precision
            .map_or(bytes.len(), |p| p.min(bytes.len()));
        if length == 0 {
            if let Some(width) = self.spec.width {
                let pad = self.pad_byte();
                self.write_padding_with(width, pad);
            }
            return;
        }
        let mut width = 2 * length;
        if flags.space {
            if flags.sharp {
                width *= 2;
            }
            width += length - 1;
        } else if flags.sharp {
            width += 2;
        }
        let padding = self.spec.width.map_or(0, |w| w.saturating_sub(width));
        if !flags.minus {
            let pad = self.pad_byte();
            self.write_padding_with(padding, pad);
        }
        if flags.sharp {
            self.out.push_str(prefix);
        }
        for (i, &byte) in bytes[..length].iter().enumerate() {
            if flags.space && i > 0 {
                self.out.push(' ');
                if flags.sharp {
                    self.out.push_str(prefix);
                }
            }
            self.out.push(char::from(digits[usize::from(byte >> 4)]));
            self.out.push(char::from(digits[usize::from(byte & 15)]));
        }
        if flags.minus {
            self.write_padding_with(padding, b' ');
        }
    }

    /// `%q` of a string's or bytes' bytes: cut to the precision, then quoted (`+`: ASCII
    /// only; `#`: in backquotes when it can be).
    pub(super) fn fmt_q(&mut self, bytes: &[u8]) {
        let cut = match self.spec.precision {
            Some(precision) => &bytes[..byte_offset_of_rune(bytes, precision)],
            None => bytes,
        };
        if self.spec.flags.sharp
            && let Some(text) = backquotable(cut)
        {
            let quoted = format!("`{text}`");
            return self.pad_str(&quoted);
        }
        let quoted = quote(cut, self.spec.flags.plus);
        self.pad_str(&quoted);
    }
}

/// Go's string conversion of bytes as the reference's output shows it: each invalid byte
/// becomes U+FFFD.
pub(super) fn lossy(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut text = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        text.extend(std::iter::repeat_n('\u{FFFD}', chunk.invalid().len()));
    }
    std::borrow::Cow::Owned(text)
}

/// Where the `count`-th character of `bytes` starts (an invalid byte counts as one), or the
/// end.
fn byte_offset_of_rune(bytes: &[u8], count: usize) -> usize {
    let mut seen = 0;
    let mut at = 0;
    for chunk in bytes.utf8_chunks() {
        for (offset, _) in chunk.valid().char_indices() {
            if seen == count {
                return at + offset;
            }
            seen += 1;
        }
        at += chunk.valid().len();
        for _ in chunk.invalid() {
            if seen == count {
                return at;
            }
            seen += 1;
            at += 1;
        }
    }
    bytes.len()
}

/// The bytes as a string Go's `CanBackquote` accepts (valid UTF-8 without a backquote, a
/// control character but tab, or a byte order mark).
fn backquotable(bytes: &[u8]) -> Option<&str> {
    let text = std::str::from_utf8(bytes).ok()?;
    let fits = text
        .chars()
        .all(|c| !((c < ' ' && c != '\t') || c == '`' || c == '\u{7f}' || c == '\u{feff}'));
    fits.then_some(text)
}

/// Go's `strconv.Quote` (`ascii_only`: `QuoteToASCII`) of bytes that may not be UTF-8.
fn quote(bytes: &[u8], ascii_only: bool) -> String {
    let mut out = String::with_capacity(bytes.len() + 2);
    out.push('"');
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            push_escaped(&mut out, c, '"', ascii_only);
        }
        for byte in chunk.invalid() {
            out.push_str(&format!("\\x{byte:02x}"));
        }
    }
    out.push('"');
    out
}

/// One character inside Go quotes: Go's `appendEscapedRune`.
pub(super) fn push_escaped(out: &mut String, c: char, quote: char, ascii_only: bool) {
    if c == quote || c == '\\' {
        out.push('\\');
        out.push(c);
        return;
    }
    let printable = is_print(c);
    if printable && (!ascii_only || c.is_ascii()) {
        out.push(c);
        return;
    }
    match c {
        '\u{7}' => out.push_str("\\a"),
        '\u{8}' => out.push_str("\\b"),
        '\u{c}' => out.push_str("\\f"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\u{b}' => out.push_str("\\v"),
        c if c < ' ' || c == '\u{7f}' => out.push_str(&format!("\\x{:02x}", c as u32)),
        c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
        c => out.push_str(&format!("\\U{:08x}", c as u32)),
    }
}

/// Go's `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
pub(super) fn is_print(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    printable_ranges()
        .binary_search_by(|&(start, end)| {
            if end < c {
                std::cmp::Ordering::Less
            } else if start > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// The ranges of Unicode's categories L, M, N, P and S, from regex-syntax's tables (the
/// regex crate's own Unicode data, already a dependency).
fn printable_ranges() -> &'static [(char, char)] {
    static RANGES: OnceLock<Vec<(char, char)>> = OnceLock::new();
    RANGES.get_or_init(|| {
        use regex_syntax::hir::{Class, HirKind};
        match regex_syntax::parse(r"[\p{L}\p{M}\p{N}\p{P}\p{S}]").map(|hir| hir.into_kind()) {
            Ok(HirKind::Class(Class::Unicode(class))) => class
                .ranges()
                .iter()
                .map(|range| (range.start(), range.end()))
                .collect(),
            _ => Vec::new(),
        }
    })
}
