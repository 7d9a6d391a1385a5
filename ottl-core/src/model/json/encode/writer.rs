//! The JSON writer: objects with pdata's comma tracking, strings escaped as pdata's
//! json-iterator escapes them, numbers in Go's formatting.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use super::super::MAX_DEPTH;

/// Bytes a string must escape: the quote, the backslash and control characters.
const NEEDS_ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Where the first byte at or after `from` that [`NEEDS_ESCAPE`] is. Whole eight-byte words
/// are tested at once (a table lookup costs four instructions a byte, a word's test about as
/// many for eight), the last few bytes one at a time.
fn next_escape(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    /// The high bit of each byte under `bound` (at most 0x80) up to the first such byte, and
    /// perhaps of some after it: the lowest bit set is exactly the first such byte.
    fn under(word: u64, bound: u8) -> u64 {
        word.wrapping_sub(ONES * u64::from(bound)) & !word & HIGH_BITS
    }
    let mut i = from;
    while let Some(word) = bytes.get(i..i + 8) {
        let mut array = [0; 8];
        array.copy_from_slice(word);
        let word = u64::from_le_bytes(array);
        // Control characters, then quotes and backslashes as the zero bytes of an XOR.
        let found = under(word, 0x20)
            | under(word ^ (ONES * u64::from(b'"')), 1)
            | under(word ^ (ONES * u64::from(b'\\')), 1);
        if found != 0 {
            return Some(i + found.trailing_zeros() as usize / 8);
        }
        i += 8;
    }
    let tail = bytes.get(i..)?;
    tail.iter()
        .position(|&b| NEEDS_ESCAPE[b as usize])
        .map(|at| i + at)
}

/// Appends JSON to a byte buffer.
pub(crate) struct Writer<'o> {
    out: &'o mut Vec<u8>,
    /// Whether the innermost open object or array has no member yet.
    empty: bool,
    depth: usize,
    pretty: bool,
    /// Set when a value was too deep to write; the encoder reports it at the end.
    pub(crate) too_deep: bool,
}

impl<'o> Writer<'o> {
    pub(crate) fn new(out: &'o mut Vec<u8>, pretty: bool) -> Self {
        Self {
            out,
            empty: true,
            depth: 0,
            pretty,
            too_deep: false,
        }
    }

    /// Whether `levels` more levels of nesting would exceed what the decoder reads back.
    pub(crate) fn would_exceed(&self, levels: usize) -> bool {
        self.depth + levels > MAX_DEPTH
    }

    fn newline(&mut self) {
        if self.pretty {
            self.out.push(b'\n');
            self.out.resize(self.out.len() + 2 * self.depth, b' ');
        }
    }

    fn open(&mut self, bracket: u8) {
        self.out.push(bracket);
        self.depth += 1;
        self.empty = true;
    }

    fn close(&mut self, bracket: u8) {
        self.depth -= 1;
        if !self.empty {
            self.newline();
        }
        self.out.push(bracket);
        self.empty = false;
    }

    fn member(&mut self) {
        if !self.empty {
            self.out.push(b',');
        }
        self.empty = false;
        self.newline();
    }

    pub(crate) fn begin_object(&mut self) {
        self.open(b'{');
    }

    pub(crate) fn end_object(&mut self) {
        self.close(b'}');
    }

    pub(crate) fn begin_array(&mut self) {
        self.open(b'[');
    }

    pub(crate) fn end_array(&mut self) {
        self.close(b']');
    }

    /// Starts the next array element.
    pub(crate) fn element(&mut self) {
        self.member();
    }

    /// Writes a field name; the caller writes its value next.
    pub(crate) fn field(&mut self, name: &str) {
        self.member();
        self.out.push(b'"');
        self.out.extend_from_slice(name.as_bytes());
        self.out
            .extend_from_slice(if self.pretty { b"\": " } else { b"\":" });
    }

    /// A JSON string: escapes `"`, `\`, `\n`, `\r`, `\t` and other control characters as
    /// `\u00XX`, and nothing else (json-iterator's `WriteString`).
    pub(crate) fn string(&mut self, text: &str) {
        let bytes = text.as_bytes();
        self.out.reserve(bytes.len() + 2);
        self.out.push(b'"');
        // `bytes[start..]` is not written yet; what precedes the next escape is copied whole.
        let mut start = 0;
        while let Some(at) = next_escape(bytes, start) {
            self.out.extend_from_slice(&bytes[start..at]);
            self.escape(bytes[at]);
            start = at + 1;
        }
        self.out.extend_from_slice(&bytes[start..]);
        self.out.push(b'"');
    }

    /// The escape of a byte that [`NEEDS_ESCAPE`].
    fn escape(&mut self, b: u8) {
        match b {
            b'"' => self.out.extend_from_slice(b"\\\""),
            b'\\' => self.out.extend_from_slice(b"\\\\"),
            b'\n' => self.out.extend_from_slice(b"\\n"),
            b'\r' => self.out.extend_from_slice(b"\\r"),
            b'\t' => self.out.extend_from_slice(b"\\t"),
            _ => self.out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xf)],
            ]),
        }
    }

    /// A 64-bit integer, as a decimal string.
    pub(crate) fn int64_string(&mut self, number: impl itoa::Integer) {
        let mut buffer = itoa::Buffer::new();
        self.out.push(b'"');
        self.out.extend_from_slice(buffer.format(number).as_bytes());
        self.out.push(b'"');
    }

    /// A 32-bit integer, as a JSON number.
    pub(crate) fn int32(&mut self, number: impl itoa::Integer) {
        let mut buffer = itoa::Buffer::new();
        self.out.extend_from_slice(buffer.format(number).as_bytes());
    }

    pub(crate) fn bool(&mut self, flag: bool) {
        self.out
            .extend_from_slice(if flag { b"true" } else { b"false" });
    }

    /// A double as Go's json-iterator writes it: shortest round-trip digits, fixed notation for
    /// 1e-6 ≤ |x| < 1e21, `1e+21` / `1e-07` style outside it; NaN and ±Inf as strings.
    pub(crate) fn double(&mut self, number: f64) {
        if number.is_nan() {
            self.out.extend_from_slice(b"\"NaN\"");
        } else if number.is_infinite() {
            self.out.extend_from_slice(if number > 0.0 {
                b"\"Infinity\""
            } else {
                b"\"-Infinity\""
            });
        } else {
            crate::text::write_finite_float(self.out, number, 2);
        }
    }

    /// Bytes as standard padded base64.
    pub(crate) fn bytes(&mut self, bytes: &[u8]) {
        self.out.push(b'"');
        let start = self.out.len();
        let encoded_len = bytes.len().div_ceil(3) * 4;
        self.out.resize(start + encoded_len, 0);
        let written = STANDARD
            .encode_slice(bytes, &mut self.out[start..])
            .unwrap_or(0);
        self.out.truncate(start + written);
        self.out.push(b'"');
    }

    /// An id as lowercase hex.
    pub(crate) fn hex(&mut self, id: &[u8]) {
        self.out.push(b'"');
        for &b in id {
            self.out.push(HEX[usize::from(b >> 4)]);
            self.out.push(HEX[usize::from(b & 0xf)]);
        }
        self.out.push(b'"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(write: impl FnOnce(&mut Writer<'_>)) -> String {
        let mut out = Vec::new();
        write(&mut Writer::new(&mut out, false));
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn doubles_are_formatted_as_go_formats_them() {
        let cases = [
            (3.0, "3"),
            (-0.0, "-0"),
            (0.5, "0.5"),
            (1e21, "1e+21"),
            (1e20, "100000000000000000000"),
            (1e-7, "1e-07"),
            (1.5e-300, "1.5e-300"),
            (0.000001, "0.000001"),
            (123456789.125, "123456789.125"),
            (f64::NAN, "\"NaN\""),
            (f64::NEG_INFINITY, "\"-Infinity\""),
            (f64::MAX, "1.7976931348623157e+308"),
        ];
        for (number, expected) in cases {
            assert_eq!(written(|w| w.double(number)), expected, "{number:e}");
        }
    }

    /// Each byte that needs an escape, at each place of a string longer than two words (so
    /// in the word tests and in the bytes after them), is escaped as a byte-at-a-time
    /// writer escapes it, and nothing else is.
    #[test]
    fn strings_escape_the_same_at_every_place_in_a_word() {
        let escaped = |text: &str| {
            let mut out = String::from("\"");
            for c in text.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
                    c => out.push(c),
                }
            }
            out.push('"');
            out
        };
        for special in ['"', '\\', '\n', '\u{0}', '\u{1f}', ' ', '\u{7f}', 'é'] {
            for at in 0..19 {
                let mut text: String = "abcdefghijklmnopqrs".into();
                text.replace_range(at..at + 1, special.encode_utf8(&mut [0; 4]));
                assert_eq!(written(|w| w.string(&text)), escaped(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn strings_escape_only_what_json_iterator_escapes() {
        assert_eq!(
            written(|w| w.string("a\"b\\c\nd\u{1}\u{8}é\u{2028}<>")),
            "\"a\\\"b\\\\c\\nd\\u0001\\u0008é\u{2028}<>\""
        );
    }

    #[test]
    fn bytes_and_ids() {
        assert_eq!(written(|w| w.bytes(&[1, 2, 3, 4])), "\"AQIDBA==\"");
        assert_eq!(written(|w| w.bytes(&[])), "\"\"");
        assert_eq!(written(|w| w.hex(&[0xab, 0x01])), "\"ab01\"");
    }
}
