//! A streaming JSON reader over a byte slice: the decoders pull fields and values from it
//! directly into the model, without building a JSON tree.

use std::borrow::Cow;
use std::ops::Range;

use super::super::MAX_DEPTH;
use super::super::error::{DecodeErrorKind, Decoded, PathSegment, RawError};
use crate::model::attribute_counts::AttributeCounts;

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

/// Where the run of plain string bytes starting at `start` ends: at the first quote,
/// backslash or control character, or the end of `input`. Eight bytes are tested at a time.
#[inline]
fn string_run_end(input: &[u8], mut pos: usize) -> usize {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    // Whether a byte of `word` is below `n` (`n` ≤ 128; exact for "any").
    let any_below = |word: u64, n: u8| word.wrapping_sub(ONES * u64::from(n)) & !word & HIGH != 0;
    while let Some(word) = input
        .get(pos..pos + 8)
        .and_then(|bytes| <[u8; 8]>::try_from(bytes).ok())
    {
        let word = u64::from_ne_bytes(word);
        let stop = any_below(word ^ (ONES * u64::from(b'"')), 1)
            || any_below(word ^ (ONES * u64::from(b'\\')), 1)
            || any_below(word, 0x20);
        if stop {
            break;
        }
        pos += 8;
    }
    while pos < input.len() && !STRING_STOP[input[pos] as usize] {
        pos += 1;
    }
    pos
}

/// Stores a decoded field: the shape of every arm of a field `match`.
pub(crate) fn set<T>(slot: &mut T, value: T) -> Decoded<()> {
    *slot = value;
    Ok(())
}

/// A cursor over one JSON document.
pub(crate) struct Reader<'a> {
    input: &'a [u8],
    pos: usize,
    depth: usize,
    /// The input's bytes from `text_start` on, when they are valid UTF-8 (checked once, in
    /// one pass): strings are then sliced from it instead of each checked on its own.
    text: &'a str,
    text_start: usize,
    /// How many attributes the last message of each kind held.
    pub(crate) attribute_counts: AttributeCounts,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(input: &'a [u8]) -> Self {
        Self::within(input, 0..input.len(), 0)
    }

    /// A reader of the bytes `stretch` of `input`, `depth` levels deep: for a stretch of a
    /// document read on its own, whose errors are then those reading the whole document gives.
    pub(crate) fn within(input: &'a [u8], stretch: Range<usize>, depth: usize) -> Self {
        let text = input
            .get(stretch.clone())
            .and_then(|bytes| std::str::from_utf8(bytes).ok())
            .unwrap_or_default();
        Self {
            input,
            pos: stretch.start,
            depth,
            text,
            text_start: stretch.start,
            attribute_counts: AttributeCounts::default(),
        }
    }

    /// An error at byte `offset`.
    pub(crate) fn error_at<T>(&self, offset: usize, kind: DecodeErrorKind) -> Decoded<T> {
        Err(RawError::new(kind, offset))
    }

    fn syntax<T>(&self, what: &'static str) -> Decoded<T> {
        if self.pos >= self.input.len() {
            self.error_at(self.pos, DecodeErrorKind::UnexpectedEnd)
        } else {
            self.error_at(self.pos, DecodeErrorKind::Syntax(what))
        }
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.input.get(self.pos) {
            self.pos += 1;
        }
    }

    /// The next significant byte, without consuming it.
    pub(crate) fn peek(&mut self) -> Decoded<u8> {
        self.skip_whitespace();
        match self.input.get(self.pos) {
            Some(&b) => Ok(b),
            None => self.error_at(self.pos, DecodeErrorKind::UnexpectedEnd),
        }
    }

    /// The offset of the next significant byte (where the next value starts).
    pub(crate) fn offset(&mut self) -> usize {
        self.skip_whitespace();
        self.pos
    }

    /// Fails unless only whitespace is left.
    pub(crate) fn finish(&mut self) -> Decoded<()> {
        self.skip_whitespace();
        if self.pos < self.input.len() {
            return self.error_at(self.pos, DecodeErrorKind::TrailingCharacters);
        }
        Ok(())
    }

    /// The JSON type of the next value, for error messages.
    fn found(&mut self) -> &'static str {
        match self.peek() {
            Ok(b'{') => "object",
            Ok(b'[') => "array",
            Ok(b'"') => "string",
            Ok(b't' | b'f') => "boolean",
            Ok(b'n') => "null",
            Ok(b'-' | b'0'..=b'9') => "number",
            Ok(_) => "invalid JSON",
            Err(_) => "end of input",
        }
    }

    /// An error at the next value: "wrong type" if it is a JSON value, a syntax error if not.
    pub(crate) fn wrong_type<T>(&mut self, expected: &'static str) -> Decoded<T> {
        match self.found() {
            "invalid JSON" | "end of input" => self.syntax("expected a value"),
            found => self.error_at(self.pos, DecodeErrorKind::WrongType { expected, found }),
        }
    }

    fn literal(&mut self, word: &'static [u8]) -> Decoded<()> {
        if self.input[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(())
        } else {
            self.syntax("invalid literal")
        }
    }

    /// Consumes a `null` if one is next.
    pub(crate) fn take_null(&mut self) -> Decoded<bool> {
        if self.peek()? == b'n' {
            self.literal(b"null")?;
            return Ok(true);
        }
        Ok(false)
    }

    fn enter(&mut self) -> Decoded<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.error_at(self.pos, DecodeErrorKind::TooDeep(MAX_DEPTH));
        }
        self.pos += 1;
        Ok(())
    }

    /// Reads an object (or `null`, taken as empty), calling `on_field` with each key; it must
    /// consume the value. An error from `on_field` gets the key added to its path.
    pub(crate) fn read_object(
        &mut self,
        mut on_field: impl FnMut(&mut Self, &str) -> Decoded<()>,
    ) -> Decoded<()> {
        if self.take_null()? {
            return Ok(());
        }
        if self.peek()? != b'{' {
            return self.wrong_type("object");
        }
        self.enter()?;
        if self.peek()? == b'}' {
            self.pos += 1;
            self.depth -= 1;
            return Ok(());
        }
        loop {
            if self.peek()? != b'"' {
                return self.syntax("expected a field name");
            }
            let key = self.read_string()?;
            if self.peek()? != b':' {
                return self.syntax("expected ':'");
            }
            self.pos += 1;
            if let Err(mut error) = on_field(self, &key) {
                error
                    .reversed_path
                    .push(PathSegment::Field(key.into_owned()));
                return Err(error);
            }
            match self.peek()? {
                b',' => self.pos += 1,
                b'}' => break,
                _ => return self.syntax("expected ',' or '}'"),
            }
        }
        self.pos += 1;
        self.depth -= 1;
        Ok(())
    }

    /// Reads an array (or `null`, taken as empty), calling `on_item` for each element; it must
    /// consume the element. An error from `on_item` gets the index added to its path.
    pub(crate) fn read_array(
        &mut self,
        mut on_item: impl FnMut(&mut Self) -> Decoded<()>,
    ) -> Decoded<()> {
        if self.take_null()? {
            return Ok(());
        }
        if self.peek()? != b'[' {
            return self.wrong_type("array");
        }
        self.enter()?;
        if self.peek()? == b']' {
            self.pos += 1;
            self.depth -= 1;
            return Ok(());
        }
        let mut index = 0;
        loop {
            if let Err(mut error) = on_item(self) {
                error.reversed_path.push(PathSegment::Index(index));
                return Err(error);
            }
            index += 1;
            match self.peek()? {
                b',' => self.pos += 1,
                b']' => break,
                _ => return self.syntax("expected ',' or ']'"),
            }
        }
        self.pos += 1;
        self.depth -= 1;
        Ok(())
    }

    /// Reads the elements of an array from the current position up to byte `end` (a stretch
    /// of the array whose brackets lie outside it), appending each element `read_item`
    /// decodes to `out`; an error gets the element's index in the whole array, counting from
    /// `first`, added to its path.
    pub(crate) fn read_elements_into<T>(
        &mut self,
        end: usize,
        first: usize,
        out: &mut Vec<T>,
        mut read_item: impl FnMut(&mut Self) -> Decoded<T>,
    ) -> Decoded<()> {
        let mut index = first;
        loop {
            match read_item(self) {
                Ok(item) => out.push(item),
                Err(mut error) => {
                    error.reversed_path.push(PathSegment::Index(index));
                    return Err(error);
                }
            }
            index += 1;
            if self.offset() >= end {
                return Ok(());
            }
            match self.peek()? {
                b',' => self.pos += 1,
                _ => return self.syntax("expected ',' or ']'"),
            }
        }
    }

    /// Reads an array, appending each element `read_item` decodes to `out` (pdata appends when
    /// a list field repeats), and trims `out` to its length.
    pub(crate) fn read_array_into<T>(
        &mut self,
        out: &mut Vec<T>,
        mut read_item: impl FnMut(&mut Self) -> Decoded<T>,
    ) -> Decoded<()> {
        self.read_array(|r| {
            out.push(read_item(r)?);
            Ok(())
        })?;
        // A `Vec` grows to at least 4 slots on its first push; most OTLP lists hold one
        // resource, scope or record, so trimming saves most of the model's memory.
        out.shrink_to_fit();
        Ok(())
    }

    /// Reads a string; `null` reads as empty, as pdata does.
    pub(crate) fn read_str(&mut self) -> Decoded<Cow<'a, str>> {
        match self.peek()? {
            b'"' => self.read_string(),
            b'n' => self.literal(b"null").map(|()| Cow::Borrowed("")),
            _ => self.wrong_type("string"),
        }
    }

    /// Reads the string starting at the current quote.
    fn read_string(&mut self) -> Decoded<Cow<'a, str>> {
        let start = self.pos + 1;
        let end = string_run_end(self.input, start);
        match self.input.get(end) {
            Some(b'"') => {
                let text = self.utf8(start, end)?;
                self.pos = end + 1;
                Ok(Cow::Borrowed(text))
            }
            Some(b'\\') => self.read_escaped_string(start, end),
            Some(_) => {
                self.pos = end;
                self.syntax("control character in string")
            }
            None => self.error_at(self.input.len(), DecodeErrorKind::UnexpectedEnd),
        }
    }

    /// The bytes `start..end` as text: sliced from the text checked once when they lie in
    /// it, else checked now.
    fn utf8(&self, start: usize, end: usize) -> Decoded<&'a str> {
        let checked = start
            .checked_sub(self.text_start)
            .and_then(|from| self.text.get(from..end - self.text_start));
        if let Some(text) = checked {
            return Ok(text);
        }
        std::str::from_utf8(&self.input[start..end]).or_else(|error| {
            self.error_at(start + error.valid_up_to(), DecodeErrorKind::InvalidUtf8)
        })
    }

    /// The slow path of [`Self::read_string`]: a string with escapes, copied out.
    fn read_escaped_string(&mut self, start: usize, first_escape: usize) -> Decoded<Cow<'a, str>> {
        let mut text = String::from(self.utf8(start, first_escape)?);
        self.pos = first_escape;
        loop {
            let run_start = self.pos;
            self.pos = string_run_end(self.input, run_start);
            text.push_str(self.utf8(run_start, self.pos)?);
            match self.input.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(text));
                }
                Some(b'\\') => self.read_escape(&mut text)?,
                Some(_) => return self.syntax("control character in string"),
                None => return self.error_at(self.pos, DecodeErrorKind::UnexpectedEnd),
            }
        }
    }

    fn read_escape(&mut self, text: &mut String) -> Decoded<()> {
        let Some(&code) = self.input.get(self.pos + 1) else {
            return self.error_at(self.input.len(), DecodeErrorKind::UnexpectedEnd);
        };
        self.pos += 2;
        let c = match code {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => self.read_unicode_escape()?,
            _ => {
                self.pos -= 1;
                return self.syntax("invalid escape");
            }
        };
        text.push(c);
        Ok(())
    }

    /// After `\u`: four hex digits, and a low surrogate after a high one. Unpaired surrogates
    /// become U+FFFD, as Go decodes them.
    fn read_unicode_escape(&mut self) -> Decoded<char> {
        let high = self.hex4()?;
        if !(0xD800..0xDC00).contains(&high) {
            return Ok(char::from_u32(high).unwrap_or(char::REPLACEMENT_CHARACTER));
        }
        if self.input[self.pos..].starts_with(b"\\u") {
            let save = self.pos;
            self.pos += 2;
            let low = self.hex4()?;
            if (0xDC00..0xE000).contains(&low) {
                let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                return Ok(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
            }
            self.pos = save;
        }
        Ok(char::REPLACEMENT_CHARACTER)
    }

    fn hex4(&mut self) -> Decoded<u32> {
        let digits = self.input.get(self.pos..self.pos + 4);
        let value = digits
            .and_then(|d| std::str::from_utf8(d).ok())
            .and_then(|d| {
                u32::from_str_radix(d, 16)
                    .ok()
                    .filter(|_| !d.starts_with('+'))
            });
        match value {
            Some(value) => {
                self.pos += 4;
                Ok(value)
            }
            None => self.syntax("invalid \\u escape"),
        }
    }

    /// The text of a JSON number at the current position (validated against the JSON grammar).
    pub(crate) fn read_number_text(&mut self) -> Decoded<&'a str> {
        let start = self.offset();
        let bytes = self.input;
        let mut end = start;
        if bytes.get(end) == Some(&b'-') {
            end += 1;
        }
        let int_start = end;
        while bytes.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
        let int_digits = end - int_start;
        if int_digits == 0 || (int_digits > 1 && bytes[int_start] == b'0') {
            self.pos = end;
            return self.syntax("invalid number");
        }
        if bytes.get(end) == Some(&b'.') {
            end += 1;
            let frac_start = end;
            while bytes.get(end).is_some_and(u8::is_ascii_digit) {
                end += 1;
            }
            if end == frac_start {
                self.pos = end;
                return self.syntax("invalid number");
            }
        }
        if let Some(b'e' | b'E') = bytes.get(end) {
            end += 1;
            if let Some(b'+' | b'-') = bytes.get(end) {
                end += 1;
            }
            let exp_start = end;
            while bytes.get(end).is_some_and(u8::is_ascii_digit) {
                end += 1;
            }
            if end == exp_start {
                self.pos = end;
                return self.syntax("invalid number");
            }
        }
        self.pos = end;
        // The scanned bytes are ASCII digits, signs, dots and exponents.
        std::str::from_utf8(&bytes[start..end]).or_else(|_| self.syntax("invalid number"))
    }

    /// Reads `true` or `false`.
    pub(crate) fn read_bool(&mut self) -> Decoded<bool> {
        match self.peek()? {
            b't' => self.literal(b"true").map(|()| true),
            b'f' => self.literal(b"false").map(|()| false),
            _ => self.wrong_type("boolean"),
        }
    }

    /// Skips one value of any type (an unknown field's).
    pub(crate) fn skip_value(&mut self) -> Decoded<()> {
        match self.peek()? {
            b'{' => self.read_object(|r, _| r.skip_value()),
            b'[' => self.read_array(Self::skip_value),
            b'"' => self.read_string().map(drop),
            b't' | b'f' => self.read_bool().map(drop),
            b'n' => self.literal(b"null"),
            b'-' | b'0'..=b'9' => self.read_number_text().map(drop),
            _ => self.syntax("expected a value"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word-at-a-time scan stops where a byte-at-a-time one does.
    #[test]
    fn string_runs_end_at_the_first_stop_byte() {
        let stops = [b'"', b'\\', 0x00, 0x1f, b'\n'];
        let others = [
            b'a', b' ', 0x7f, 0x80, 0xc3, 0xff, 0x20, b'!', b'#', b'[', b']',
        ];
        for len in 0..20 {
            for at in 0..=len {
                for &stop in &stops {
                    for &other in &others {
                        let mut bytes = vec![other; len];
                        if at < len {
                            bytes[at] = stop;
                        }
                        let slow = bytes
                            .iter()
                            .position(|&b| STRING_STOP[b as usize])
                            .unwrap_or(len);
                        assert_eq!(string_run_end(&bytes, 0), slow, "{bytes:?}");
                    }
                }
            }
        }
    }

    /// Invalid UTF-8 anywhere makes every string be checked on its own, so the error is the
    /// same whether or not the rest of the input is valid.
    #[test]
    fn invalid_utf8_is_found_in_its_string() {
        let input = b"[\"ok\", \"b\xffd\"]";
        let mut reader = Reader::new(input);
        let error = reader.read_array(|r| r.read_str().map(drop)).unwrap_err();
        assert_eq!(error.kind, DecodeErrorKind::InvalidUtf8);
        assert_eq!(error.offset, 9);
    }

    #[test]
    fn strings_with_escapes_and_surrogates_decode() {
        let mut reader = Reader::new(br#""a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00\ud800x""#);
        assert_eq!(
            reader.read_str().ok().as_deref(),
            Some("a\"\\/\u{8}\u{c}\n\r\té😀\u{fffd}x")
        );
    }

    #[test]
    fn numbers_follow_the_json_grammar() {
        for good in ["0", "-1", "1.5e+3", "2E-2"] {
            assert!(
                Reader::new(good.as_bytes()).read_number_text().is_ok(),
                "{good}"
            );
        }
        for bad in ["01", "-", "1.", "1e", ".5"] {
            assert!(
                Reader::new(bad.as_bytes()).read_number_text().is_err(),
                "{bad}"
            );
        }
    }
}
