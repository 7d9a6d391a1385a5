//! Decoding literal tokens (strings, numbers, bytes) as the reference does, with located errors.

use crate::diag::{Code, Diagnostic};
use crate::span::Span;

/// Decodes a string token, quotes included, that starts at byte `start` of the source.
///
/// Escapes follow Go's `strconv.UnquoteChar` with `"` as the quote, and every decoded escape is
/// one Unicode code point: `"\xff"` is `ÿ` (two UTF-8 bytes), not a raw 0xFF byte.
pub(crate) fn unescape(token: &str, start: usize) -> Result<String, Diagnostic> {
    let inner = &token[1..token.len() - 1];
    let mut out = String::with_capacity(inner.len());
    let mut rest = inner;
    while let Some(backslash) = rest.find('\\') {
        out.push_str(&rest[..backslash]);
        let escape_start = start + 1 + (inner.len() - rest.len()) + backslash;
        let escape = &rest[backslash + 1..];
        let (decoded, len) = decode_escape(escape).ok_or_else(|| {
            let written: String = escape.chars().take(escape_len(escape)).collect();
            invalid_escape(
                Span::new(escape_start, escape_start + 1 + written.len()),
                &format!("\\{written}"),
            )
        })?;
        out.push(decoded);
        rest = &escape[len..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Decodes the escape after a backslash: the character and how many bytes it took.
fn decode_escape(escape: &str) -> Option<(char, usize)> {
    let kind = escape.chars().next()?;
    let simple = match kind {
        'a' => '\u{7}',
        'b' => '\u{8}',
        'f' => '\u{c}',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'v' => '\u{b}',
        '\\' => '\\',
        '"' => '"',
        _ => {
            let (digits, radix, len) = match kind {
                '0'..='7' => (escape.get(..3)?, 8, 3),
                'x' => (escape.get(1..3)?, 16, 3),
                'u' => (escape.get(1..5)?, 16, 5),
                'U' => (escape.get(1..9)?, 16, 9),
                _ => return None,
            };
            if !digits.chars().all(|d| d.is_digit(radix)) {
                return None;
            }
            let value = u32::from_str_radix(digits, radix).ok()?;
            let in_range = radix != 8 || value <= 0o377;
            return in_range
                .then(|| char::from_u32(value))
                .flatten()
                .map(|c| (c, len));
        }
    };
    Some((simple, 1))
}

/// How many bytes an escape (after its backslash) should span, by its first character.
fn escape_len(escape: &str) -> usize {
    let wanted = match escape.chars().next() {
        Some('0'..='7') => 3,
        Some('x') => 3,
        Some('u') => 5,
        Some('U') => 9,
        Some(other) => return other.len_utf8(),
        None => return 0,
    };
    // Only ASCII digits count, so a short escape stops before a multibyte character.
    let available = escape
        .char_indices()
        .skip(1)
        .take_while(|(_, c)| c.is_ascii_hexdigit())
        .count();
    wanted.min(1 + available)
}

fn invalid_escape(span: Span, written: &str) -> Diagnostic {
    Diagnostic::error(
        Code::InvalidEscape,
        format!("invalid escape sequence `{written}` in string"),
        span,
        "not an escape OTTL knows",
    )
    .with_help("write a literal backslash as `\\\\`; valid escapes are \\n \\t \\r \\\\ \\\" \\a \\b \\f \\v \\NNN \\xHH \\uHHHH \\UHHHHHHHH")
}

/// Reads an int token as Go's `strconv.ParseInt(text, 0, 64)` does: decimal, or octal with a
/// leading `0`.
pub(crate) fn int(token: &str, span: Span) -> Result<i64, Diagnostic> {
    let (digits, radix) = match token.strip_prefix('0') {
        Some(octal) if !octal.is_empty() => (octal, 8),
        _ => (token, 10),
    };
    i64::from_str_radix(digits, radix).map_err(|_| {
        let (message, help) = if radix == 8 && digits.bytes().any(|b| b > b'7') {
            (
                format!("`{token}` is not a valid octal integer"),
                format!(
                    "a leading `0` makes an integer octal; write `{}`",
                    token.trim_start_matches('0')
                ),
            )
        } else {
            (
                format!("integer `{token}` does not fit in 64 bits"),
                "integers range up to 9223372036854775807; use a float for larger numbers"
                    .to_owned(),
            )
        };
        Diagnostic::error(Code::InvalidNumber, message, span, "invalid integer").with_help(help)
    })
}

/// Reads a float token as Go's `strconv.ParseFloat(text, 64)` does; out of range is an error.
pub(crate) fn float(token: &str, span: Span) -> Result<f64, Diagnostic> {
    match token.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(value),
        _ => Err(Diagnostic::error(
            Code::InvalidNumber,
            format!("float `{token}` is out of range"),
            span,
            "too large for a 64-bit float",
        )),
    }
}

/// Decodes a bytes token (`0x` and hex digits, two per byte).
pub(crate) fn bytes(token: &str, span: Span) -> Result<Vec<u8>, Diagnostic> {
    let hex = &token[2..];
    if let Some(bad) = hex.char_indices().find(|(_, c)| !c.is_ascii_hexdigit()) {
        let at = span.start + 2 + bad.0;
        return Err(Diagnostic::error(
            Code::InvalidBytes,
            format!("`{}` is not a hex digit", bad.1),
            Span::new(at, at + bad.1.len_utf8()),
            "in this bytes literal",
        )
        .with_label(span, "")
        .with_help("bytes literals hold hex digits only: 0-9, a-f, A-F"));
    }
    if hex.is_empty() || hex.len() % 2 == 1 {
        let help = if hex.is_empty() {
            "write at least one byte, such as `0x00`".to_owned()
        } else {
            format!("each byte takes two hex digits; pad with a leading zero: `0x0{hex}`")
        };
        return Err(Diagnostic::error(
            Code::InvalidBytes,
            format!("bytes literal `{token}` has an odd number of hex digits"),
            span,
            format!("{} hex digits", hex.len()),
        )
        .with_help(help));
    }
    Ok(hex
        .as_bytes()
        .chunks(2)
        .map(|pair| (hex_value(pair[0]) << 4) | hex_value(pair[1]))
        .collect())
}

fn hex_value(digit: u8) -> u8 {
    match digit {
        b'0'..=b'9' => digit - b'0',
        b'a'..=b'f' => digit - b'a' + 10,
        _ => digit - b'A' + 10,
    }
}
