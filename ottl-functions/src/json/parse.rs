//! JSON text to OTLP values for `ParseJSON`: a reader over the borrowed text that builds
//! [`AnyValue`]s directly, with no intermediate tree and no `String` per key or value (a
//! [`Str`] is made straight from the slice; only strings with escapes are copied out first).
//!
//! It accepts what serde_json accepted before it, with the same results: RFC 8259 JSON, numbers
//! as doubles (correctly rounded; an infinite one is an error), `null` as an empty value,
//! objects in document order (a repeated key keeps its first position and its last value),
//! unpaired UTF-16 surrogates in `\u` escapes rejected, at most [`MAX_DEPTH`] nested levels.

use ottl_core::model::{AnyValue, Array, KeyValue, Map, Str};
use std::cell::RefCell;
use std::fmt;

/// Objects and arrays may nest this deep; one more level is an error (serde_json's limit,
/// which `ParseJSON` had before). It also bounds the reader's recursion.
const MAX_DEPTH: usize = 127;

/// Scratch buffers longer than this are dropped after a parse rather than kept for the next.
const MAX_KEPT_CAPACITY: usize = 1024;

/// Bytes that end the fast scan of a string: the quote, the backslash and control characters.
const STRING_STOP: [bool; 256] = {
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

/// Why a text is not JSON, and the byte offset where that was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParseError {
    what: &'static str,
    offset: usize,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid JSON: {} at byte {}", self.what, self.offset)
    }
}

impl std::error::Error for ParseError {}

/// Reusable buffers, one per nesting level: an object's entries and an array's items are read
/// into one and then moved into an exactly sized map or list.
#[derive(Default)]
struct Scratch {
    entries: Vec<Vec<KeyValue>>,
    items: Vec<Vec<AnyValue>>,
}

/// Empties a scratch buffer for the next use, dropping it if it grew too large to keep.
fn recycle<T>(buffer: &mut Vec<T>) {
    buffer.clear();
    if buffer.capacity() > MAX_KEPT_CAPACITY {
        *buffer = Vec::new();
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// Parses JSON text into an OTLP value the way `ParseJSON` does (see the module docs).
pub(crate) fn parse(text: &str) -> Result<AnyValue, ParseError> {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => Parser::new(text, &mut scratch).document(),
        // Only a parse inside a parse would find the buffers lent out; it brings its own.
        Err(_) => Parser::new(text, &mut Scratch::default()).document(),
    })
}

/// A cursor over one JSON document.
struct Parser<'a> {
    input: &'a [u8],
    text: &'a str,
    pos: usize,
    depth: usize,
    scratch: &'a mut Scratch,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str, scratch: &'a mut Scratch) -> Self {
        Self {
            input: text.as_bytes(),
            text,
            pos: 0,
            depth: 0,
            scratch,
        }
    }

    /// One value and nothing after it but whitespace.
    fn document(&mut self) -> Result<AnyValue, ParseError> {
        let value = self.value()?;
        self.skip_whitespace();
        if self.pos < self.input.len() {
            return self.error("trailing characters");
        }
        Ok(value)
    }

    fn error<T>(&self, what: &'static str) -> Result<T, ParseError> {
        let what = if self.pos >= self.input.len() {
            "unexpected end of input"
        } else {
            what
        };
        Err(ParseError {
            what,
            offset: self.pos,
        })
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.input.get(self.pos) {
            self.pos += 1;
        }
    }

    /// The next significant byte, without consuming it.
    fn peek(&mut self) -> Result<u8, ParseError> {
        self.skip_whitespace();
        match self.input.get(self.pos) {
            Some(&b) => Ok(b),
            None => self.error("unexpected end of input"),
        }
    }

    fn value(&mut self) -> Result<AnyValue, ParseError> {
        match self.peek()? {
            b'{' => self.object().map(AnyValue::KvList),
            b'[' => self
                .array()
                .map(|items| AnyValue::Array(Array::from(items))),
            b'"' => self.string().map(AnyValue::Str),
            b't' => self.literal(b"true", AnyValue::Bool(true)),
            b'f' => self.literal(b"false", AnyValue::Bool(false)),
            b'n' => self.literal(b"null", AnyValue::Empty),
            b'-' | b'0'..=b'9' => self.number().map(AnyValue::Double),
            _ => self.error("expected a value"),
        }
    }

    fn literal(&mut self, word: &[u8], value: AnyValue) -> Result<AnyValue, ParseError> {
        if self.input[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(value)
        } else {
            self.error("invalid literal")
        }
    }

    /// Steps into an object or array at the current bracket.
    fn enter(&mut self) -> Result<(), ParseError> {
        if self.depth >= MAX_DEPTH {
            return self.error("nested too deeply");
        }
        self.depth += 1;
        self.pos += 1;
        Ok(())
    }

    /// Consumes `close` if it is next (an empty object or array).
    fn take_close(&mut self, close: u8) -> Result<bool, ParseError> {
        if self.peek()? == close {
            self.pos += 1;
            return Ok(true);
        }
        Ok(false)
    }

    /// After an element: `true` at the closing bracket (consumed), `false` after a comma.
    fn at_end_of_list(&mut self, close: u8, what: &'static str) -> Result<bool, ParseError> {
        match self.peek()? {
            b',' => {
                self.pos += 1;
                Ok(false)
            }
            b if b == close => {
                self.pos += 1;
                Ok(true)
            }
            _ => self.error(what),
        }
    }

    /// The object at the current `{`, as a map with room for exactly its entries.
    fn object(&mut self) -> Result<Map, ParseError> {
        self.enter()?;
        let level = self.depth;
        if self.scratch.entries.len() < level {
            self.scratch.entries.resize_with(level, Vec::new);
        }
        let mut entries = std::mem::take(&mut self.scratch.entries[level - 1]);
        let read = self.object_entries(&mut entries);
        let map = read.map(|()| map_of(&mut entries));
        recycle(&mut entries);
        self.scratch.entries[level - 1] = entries;
        self.depth -= 1;
        map
    }

    fn object_entries(&mut self, entries: &mut Vec<KeyValue>) -> Result<(), ParseError> {
        if self.take_close(b'}')? {
            return Ok(());
        }
        loop {
            if self.peek()? != b'"' {
                return self.error("expected a key");
            }
            let key = self.string()?;
            if self.peek()? != b':' {
                return self.error("expected ':'");
            }
            self.pos += 1;
            let value = self.value()?;
            entries.push(KeyValue { key, value });
            if self.at_end_of_list(b'}', "expected ',' or '}'")? {
                return Ok(());
            }
        }
    }

    /// The array at the current `[`, with room for exactly its items.
    fn array(&mut self) -> Result<Vec<AnyValue>, ParseError> {
        self.enter()?;
        let level = self.depth;
        if self.scratch.items.len() < level {
            self.scratch.items.resize_with(level, Vec::new);
        }
        let mut items = std::mem::take(&mut self.scratch.items[level - 1]);
        let read = self.array_items(&mut items);
        let list = read.map(|()| {
            // Moved into an exactly sized `Vec`; the scratch buffer keeps its capacity.
            let mut list = Vec::with_capacity(items.len());
            list.append(&mut items);
            list
        });
        recycle(&mut items);
        self.scratch.items[level - 1] = items;
        self.depth -= 1;
        list
    }

    fn array_items(&mut self, items: &mut Vec<AnyValue>) -> Result<(), ParseError> {
        if self.take_close(b']')? {
            return Ok(());
        }
        loop {
            items.push(self.value()?);
            if self.at_end_of_list(b']', "expected ',' or ']'")? {
                return Ok(());
            }
        }
    }

    /// The string at the current quote; without escapes it is made straight from the text.
    fn string(&mut self) -> Result<Str, ParseError> {
        let start = self.pos + 1;
        let mut end = plain_run_end(self.input, start);
        while end < self.input.len() && !STRING_STOP[usize::from(self.input[end])] {
            end += 1;
        }
        match self.input.get(end) {
            Some(b'"') => {
                self.pos = end + 1;
                self.slice(start, end).map(Str::from)
            }
            Some(b'\\') => {
                let mut text = String::from(self.slice(start, end)?);
                self.pos = end;
                self.escaped_string(&mut text)?;
                Ok(Str::from(text))
            }
            _ => {
                self.pos = end;
                self.error("control character in string")
            }
        }
    }

    /// The text between two offsets that lie next to ASCII bytes (so on character boundaries).
    fn slice(&self, start: usize, end: usize) -> Result<&str, ParseError> {
        match self.text.get(start..end) {
            Some(text) => Ok(text),
            None => self.error("invalid string"),
        }
    }

    /// The slow path of [`Self::string`], from its first backslash to its closing quote.
    fn escaped_string(&mut self, text: &mut String) -> Result<(), ParseError> {
        loop {
            let run_start = self.pos;
            while self.pos < self.input.len() && !STRING_STOP[usize::from(self.input[self.pos])] {
                self.pos += 1;
            }
            text.push_str(self.slice(run_start, self.pos)?);
            match self.input.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    let c = self.escape()?;
                    text.push(c);
                }
                _ => return self.error("control character in string"),
            }
        }
    }

    /// The character of the escape at the current backslash.
    fn escape(&mut self) -> Result<char, ParseError> {
        let Some(&code) = self.input.get(self.pos + 1) else {
            self.pos += 1;
            return self.error("unexpected end of input");
        };
        self.pos += 2;
        Ok(match code {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(),
            _ => {
                self.pos -= 1;
                return self.error("invalid escape");
            }
        })
    }

    /// After `\u`: four hex digits, and for a high surrogate a `\u` low surrogate after it.
    fn unicode_escape(&mut self) -> Result<char, ParseError> {
        let first = self.hex4()?;
        if (0xDC00..0xE000).contains(&first) {
            return self.error("unpaired surrogate in \\u escape");
        }
        if !(0xD800..0xDC00).contains(&first) {
            return char::from_u32(first).map_or_else(|| self.error("invalid \\u escape"), Ok);
        }
        if !self.input[self.pos..].starts_with(b"\\u") {
            return self.error("unpaired surrogate in \\u escape");
        }
        self.pos += 2;
        let second = self.hex4()?;
        if !(0xDC00..0xE000).contains(&second) {
            return self.error("unpaired surrogate in \\u escape");
        }
        let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
        char::from_u32(code).map_or_else(|| self.error("invalid \\u escape"), Ok)
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let mut value = 0;
        for _ in 0..4 {
            let digit = self
                .input
                .get(self.pos)
                .and_then(|&b| char::from(b).to_digit(16));
            match digit {
                Some(digit) => value = (value << 4) | digit,
                None => return self.error("invalid \\u escape"),
            }
            self.pos += 1;
        }
        Ok(value)
    }

    /// The number at the current position, as a double.
    fn number(&mut self) -> Result<f64, ParseError> {
        let start = self.pos;
        let negative = self.input.get(start) == Some(&b'-');
        let int_start = start + usize::from(negative);
        let int_end = self.digits(int_start);
        let int_digits = int_end - int_start;
        if int_digits == 0 || (int_digits > 1 && self.input[int_start] == b'0') {
            self.pos = int_end;
            return self.error("invalid number");
        }
        self.pos = int_end;
        let fraction = self.input.get(self.pos) == Some(&b'.');
        if fraction {
            self.required_digits(self.pos + 1)?;
        }
        let exponent = matches!(self.input.get(self.pos), Some(b'e' | b'E'));
        if exponent {
            let mut digits_start = self.pos + 1;
            if let Some(b'+' | b'-') = self.input.get(digits_start) {
                digits_start += 1;
            }
            self.required_digits(digits_start)?;
        }
        if !fraction && !exponent && int_digits <= 15 {
            return Ok(small_integer(&self.input[int_start..int_end], negative));
        }
        let number = self
            .slice(start, self.pos)?
            .parse::<f64>()
            .or_else(|_| self.error("invalid number"))?;
        if number.is_infinite() {
            return self.error("number out of range");
        }
        Ok(number)
    }

    /// The end of the run of ASCII digits starting at `from`.
    fn digits(&self, from: usize) -> usize {
        let mut end = from;
        while self.input.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
        end
    }

    /// Moves past at least one digit starting at `from`; an error if there is none.
    fn required_digits(&mut self, from: usize) -> Result<(), ParseError> {
        let end = self.digits(from);
        self.pos = end;
        if end == from {
            return self.error("invalid number");
        }
        Ok(())
    }
}

/// How far from `start` the bytes are certainly plain string characters, found eight at a time:
/// the end of the last whole word before the first that may hold a quote, a backslash or a
/// control character (the byte-wise scan takes it from there).
fn plain_run_end(input: &[u8], start: usize) -> usize {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    /// Whether some byte of `word` is below `n` (`n` <= 128).
    fn has_byte_below(word: u64, n: u8) -> bool {
        word.wrapping_sub(ONES * u64::from(n)) & !word & HIGH != 0
    }
    let mut end = start;
    let Some(rest) = input.get(start..) else {
        return end;
    };
    for chunk in rest.chunks_exact(8) {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(chunk);
        let word = u64::from_ne_bytes(bytes);
        if has_byte_below(word, 0x20)
            || has_byte_below(word ^ (ONES * u64::from(b'"')), 1)
            || has_byte_below(word ^ (ONES * u64::from(b'\\')), 1)
        {
            break;
        }
        end += 8;
    }
    end
}

/// An integer of at most 15 ASCII digits as a double (exact: it is below 2^53). `-0` is -0.0.
fn small_integer(digits: &[u8], negative: bool) -> f64 {
    let magnitude = digits
        .iter()
        .fold(0u64, |n, &d| n * 10 + u64::from(d - b'0')) as f64;
    if negative { -magnitude } else { magnitude }
}

/// A map of the entries read, moved out of `entries`: exactly sized, a repeated key in its first
/// position with its last value.
fn map_of(entries: &mut Vec<KeyValue>) -> Map {
    let mut list = Vec::with_capacity(entries.len());
    list.append(entries);
    Map::from_entries(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Option<AnyValue> {
        parse(text).ok()
    }

    fn object(entries: Vec<(&str, AnyValue)>) -> AnyValue {
        AnyValue::KvList(entries.into_iter().collect())
    }

    #[test]
    fn objects_keep_document_order_and_the_last_value_of_a_repeated_key() {
        assert_eq!(
            parsed(r#" {"z":1, "a" : [true,null,"x"],"z":2,"e":{}} "#),
            Some(object(vec![
                ("z", AnyValue::Double(2.0)),
                (
                    "a",
                    AnyValue::Array(Array::from(vec![
                        AnyValue::Bool(true),
                        AnyValue::Empty,
                        AnyValue::from("x"),
                    ])),
                ),
                ("e", AnyValue::KvList(Map::new())),
            ]))
        );
        assert_eq!(parsed("[]"), Some(AnyValue::Array(Array::from(vec![]))));
    }

    #[test]
    fn numbers_become_doubles() {
        for (text, expected) in [
            ("0", 0.0_f64),
            ("-0", -0.0),
            ("-12", -12.0),
            ("1.5e3", 1500.0),
            ("2E-2", 0.02),
            ("0.1", 0.1),
            ("123456789012345678", 123456789012345678.0),
            ("18446744073709551616", 18446744073709551616.0),
            ("1e-400", 0.0),
        ] {
            let Some(AnyValue::Double(number)) = parsed(text) else {
                panic!("{text} did not parse");
            };
            assert_eq!(number.to_bits(), expected.to_bits(), "{text}");
        }
    }

    #[test]
    fn strings_decode_escapes_and_surrogate_pairs() {
        assert_eq!(
            parsed(r#""a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00x""#),
            Some(AnyValue::from("a\"\\/\u{8}\u{c}\n\r\té😀x"))
        );
        let long = "é".repeat(20);
        assert_eq!(
            parsed(&format!("\"{long}\"")),
            Some(AnyValue::from(long.as_str()))
        );
    }

    #[test]
    fn the_word_scan_stops_at_every_special_byte_wherever_it_lies() {
        for length in 0..40 {
            for special in [b'"', b'\\', b'\n', 0x1f, 0] {
                for at in 0..length {
                    let mut bytes = vec![b'a'; length];
                    bytes[at] = special;
                    let end = plain_run_end(&bytes, 0);
                    assert!(end <= at && at - end < 8, "{length} {special} {at}: {end}");
                }
            }
            let plain = "é~\u{7f}a".repeat(length);
            assert_eq!(plain_run_end(plain.as_bytes(), 0), plain.len() / 8 * 8);
        }
    }

    #[test]
    fn invalid_json_is_an_error() {
        for bad in [
            "",
            " ",
            "{",
            "{\"a\"}",
            "{\"a\":}",
            "{\"a\":1,}",
            "[1,]",
            "[1 2]",
            "{a:1}",
            "01",
            "-",
            "1.",
            "1e",
            ".5",
            "+1",
            "tru",
            "nul",
            "\"abc",
            "\"a\u{1}\"",
            r#""\x""#,
            r#""\u12""#,
            r#""\ud800""#,
            r#""\udc00""#,
            r#""\ud800\u0041""#,
            "1e400",
            "{} x",
            "[] []",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn nesting_is_limited() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert!(parse(&deep).is_err());
        assert!(parse(&"{\"a\":".repeat(100_000)).is_err());
    }

    #[test]
    fn a_failed_parse_leaves_nothing_behind_for_the_next() {
        assert!(parse(r#"{"a":{"b":1,"c":"#).is_err());
        assert_eq!(
            parsed(r#"{"a":{"d":2}}"#),
            Some(object(vec![(
                "a",
                object(vec![("d", AnyValue::Double(2.0))])
            )]))
        );
    }
}
