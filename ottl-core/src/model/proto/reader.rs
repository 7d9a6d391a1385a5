//! The protobuf wire format, read: varints, fixed-width numbers, length-delimited fields and
//! nested messages, each checked against the bytes that remain.

use super::error::{DecodeError, DecodeErrorKind, Decoded};
use crate::model::attribute_counts::AttributeCounts;
use crate::model::json::MAX_DEPTH;
use crate::model::{AnyValue, KeyValue, SpanId, Str, TraceId};

/// A protobuf wire type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WireType {
    /// A varint (int32, int64, uint32, uint64, sint32, bool, enum).
    Varint,
    /// Eight bytes (fixed64, sfixed64, double).
    I64,
    /// A length, then that many bytes (string, bytes, messages, packed repeated fields).
    Len,
    /// The deprecated group start.
    StartGroup,
    /// The deprecated group end.
    EndGroup,
    /// Four bytes (fixed32, sfixed32, float).
    I32,
}

impl WireType {
    fn from_bits(bits: u64) -> Option<Self> {
        Some(match bits {
            0 => Self::Varint,
            1 => Self::I64,
            2 => Self::Len,
            3 => Self::StartGroup,
            4 => Self::EndGroup,
            5 => Self::I32,
            _ => return None,
        })
    }

    /// The name protobuf's documentation uses (`VARINT`, `LEN`, …).
    pub fn name(self) -> &'static str {
        match self {
            Self::Varint => "VARINT",
            Self::I64 => "I64",
            Self::Len => "LEN",
            Self::StartGroup => "SGROUP",
            Self::EndGroup => "EGROUP",
            Self::I32 => "I32",
        }
    }
}

/// A cursor over one protobuf message (and the messages nested in it). Offsets are those of
/// the whole input, so errors point into it.
pub(crate) struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    /// The end of the message being read.
    end: usize,
    /// Nested `AnyValue`s entered.
    depth: usize,
    /// The protocol message being read, for errors.
    message: &'static str,
    /// The ASCII that `data[text_start..]` starts with, validated once for the strings in it
    /// (see [`Reader::ascii`]).
    text: &'a str,
    /// Where `text` starts in `data`.
    text_start: usize,
    /// How many attributes the last message of each kind held.
    pub(crate) attribute_counts: AttributeCounts,
}

impl<'a> Reader<'a> {
    /// A reader of the whole of `data` as one message named `message`.
    pub(crate) fn new(data: &'a [u8], message: &'static str) -> Self {
        Self::within(data, 0, data.len(), message)
    }

    /// A reader of the fields between `start` and `end` of `data`, as part of a message named
    /// `message` that spans all of `data`: errors point into `data`.
    pub(crate) fn within(data: &'a [u8], start: usize, end: usize, message: &'static str) -> Self {
        Self {
            data,
            pos: start,
            end: end.min(data.len()),
            depth: 0,
            message,
            text: "",
            text_start: 0,
            attribute_counts: AttributeCounts::default(),
        }
    }

    /// Each top-level field of the message: its number and the offset where it ends; `None`
    /// if a field is not well formed (decoding then says how).
    pub(crate) fn field_ends(mut self) -> Option<Vec<(u32, usize)>> {
        let mut ends = Vec::new();
        while self.pos < self.end {
            let (number, wire) = self.key().ok()?;
            self.skip(number, wire).ok()?;
            ends.push((number, self.pos));
        }
        Some(ends)
    }

    /// Where the next field starts.
    #[cfg(test)]
    pub(crate) fn position(&self) -> usize {
        self.pos
    }

    /// An error at `offset` in the message being read.
    #[inline]
    pub(crate) fn error_at<T>(&self, offset: usize, kind: DecodeErrorKind) -> Decoded<T> {
        Err(self.error(offset, kind))
    }

    /// The error of [`Reader::error_at`], built out of line: its allocation inlined into the
    /// hot readers (`bytes`, `key`) made them save and restore every register on each call.
    #[cold]
    #[inline(never)]
    fn error(&self, offset: usize, kind: DecodeErrorKind) -> Box<DecodeError> {
        Box::new(DecodeError {
            offset,
            message: self.message,
            kind,
        })
    }

    /// Reads the fields of the current message to its end, handing each to `field`.
    pub(crate) fn fields(
        &mut self,
        mut field: impl FnMut(&mut Self, u32, WireType) -> Decoded<()>,
    ) -> Decoded<()> {
        while self.pos < self.end {
            let (number, wire) = self.key()?;
            field(self, number, wire)?;
        }
        Ok(())
    }

    /// The next field key: its number and wire type.
    #[inline]
    fn key(&mut self) -> Decoded<(u32, WireType)> {
        let start = self.pos;
        let key = self.varint()?;
        let Some(wire) = WireType::from_bits(key & 7) else {
            return self.error_at(start, DecodeErrorKind::InvalidWireType((key & 7) as u8));
        };
        match u32::try_from(key >> 3) {
            Ok(number) if number != 0 && number < 1 << 29 => Ok((number, wire)),
            _ => self.error_at(start, DecodeErrorKind::InvalidFieldNumber(key >> 3)),
        }
    }

    /// A varint.
    #[inline]
    pub(crate) fn varint(&mut self) -> Decoded<u64> {
        // Most varints (keys, lengths under 128) are one byte.
        if let Some(&byte) = self.data.get(self.pos)
            && byte < 0x80
            && self.pos < self.end
        {
            self.pos += 1;
            return Ok(u64::from(byte));
        }
        self.varint_slow()
    }

    /// A varint of any length.
    #[cold]
    fn varint_slow(&mut self) -> Decoded<u64> {
        let start = self.pos;
        let mut value = 0u64;
        for shift in (0..70).step_by(7) {
            let Some(&byte) = self.data.get(self.pos).filter(|_| self.pos < self.end) else {
                return self.error_at(start, DecodeErrorKind::Truncated);
            };
            self.pos += 1;
            if shift == 63 && byte > 1 {
                return self.error_at(start, DecodeErrorKind::VarintOverflow);
            }
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        self.error_at(start, DecodeErrorKind::VarintOverflow)
    }

    /// `n` bytes.
    #[inline]
    fn take(&mut self, n: usize) -> Decoded<&'a [u8]> {
        let start = self.pos;
        match start.checked_add(n).filter(|&stop| stop <= self.end) {
            Some(stop) => {
                self.pos = stop;
                Ok(&self.data[start..stop])
            }
            None => self.error_at(start, DecodeErrorKind::Truncated),
        }
    }

    /// Fails unless the field has wire type `expected`.
    #[inline]
    fn expect(&self, number: u32, found: WireType, expected: WireType) -> Decoded<()> {
        if found == expected {
            Ok(())
        } else {
            // The key was one or more bytes back; the value starts here.
            self.error_at(
                self.pos,
                DecodeErrorKind::WrongWireType {
                    field: number,
                    found,
                    expected,
                },
            )
        }
    }

    /// The bytes of a length-delimited field.
    #[inline(always)]
    pub(crate) fn bytes(&mut self, number: u32, wire: WireType) -> Decoded<&'a [u8]> {
        self.expect(number, wire, WireType::Len)?;
        let start = self.pos;
        let len = self.varint()?;
        let body = self.pos;
        match usize::try_from(len)
            .ok()
            .and_then(|len| body.checked_add(len))
            .filter(|&stop| stop <= self.end)
        {
            Some(stop) => {
                self.pos = stop;
                Ok(&self.data[body..stop])
            }
            // The error points at the length that runs past the end.
            None => self.error_at(start, DecodeErrorKind::Truncated),
        }
    }

    /// A string field. Invalid UTF-8 is replaced with U+FFFD, as pdata's JSON writes it.
    #[inline]
    pub(crate) fn string(&mut self, number: u32, wire: WireType) -> Decoded<Str> {
        let bytes = self.bytes(number, wire)?;
        Ok(self.text(self.pos - bytes.len(), self.pos))
    }

    /// `data[start..end]` as a string, invalid UTF-8 replaced with U+FFFD.
    #[inline]
    fn text(&mut self, start: usize, end: usize) -> Str {
        if let Some(text) = self.ascii(start, end) {
            return Str::from(text);
        }
        let bytes = &self.data[start..end];
        match std::str::from_utf8(bytes) {
            Ok(text) => Str::from(text),
            Err(_) => Str::from(String::from_utf8_lossy(bytes).into_owned()),
        }
    }

    /// A `KeyValue` field in its most common encoding, read in one step: a key, then a value
    /// that is a string, an integer, a boolean, a double or nothing, every length one byte.
    /// `None`, with nothing read, for any other encoding (the general decoder then reads it,
    /// and reports any error).
    #[inline]
    pub(crate) fn common_key_value(&mut self, wire: WireType) -> Option<KeyValue> {
        if wire != WireType::Len || self.depth >= MAX_DEPTH {
            return None;
        }
        let at = |i: usize| self.data.get(i).copied().filter(|_| i < self.end);
        let entry_end = self.pos + 1 + usize::from(at(self.pos).filter(|&b| b < 0x80)?);
        let key_start = self.pos + 3;
        if at(self.pos + 1)? != 0x0a {
            return None;
        }
        let key_end = key_start + usize::from(at(self.pos + 2).filter(|&b| b < 0x80)?);
        if at(key_end)? != 0x12 {
            return None;
        }
        let value_start = key_end + 2;
        let value_len = usize::from(at(key_end + 1).filter(|&b| b < 0x80)?);
        if value_start + value_len != entry_end || entry_end > self.end {
            return None;
        }
        let value = &self.data[value_start..entry_end];
        let value = match *value {
            [] => AnyValue::Empty,
            [0x0a, len, ..] if usize::from(len) + 2 == value.len() => {
                AnyValue::Str(self.text(value_start + 2, entry_end))
            }
            [0x18, ref number @ ..] => AnyValue::Int(exact_varint(number)? as i64),
            [0x10, flag] if flag < 0x80 => AnyValue::Bool(flag != 0),
            [0x21, b0, b1, b2, b3, b4, b5, b6, b7] => {
                AnyValue::Double(f64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7]))
            }
            _ => return None,
        };
        let key = self.text(key_start, key_end);
        self.pos = entry_end;
        Some(KeyValue { key, value })
    }

    /// `data[start..end]` as text if it is ASCII.
    ///
    /// Validating string by string costs a call and a byte-at-a-time loop for each short key
    /// and value; instead the ASCII that starts at a string is found word by word and
    /// validated in one call, and the strings that lie in it are sliced from it. Field keys and
    /// lengths under 128 are ASCII, so that text usually runs over several of a message's
    /// strings, up to its next large number or long length.
    #[inline]
    fn ascii(&mut self, start: usize, end: usize) -> Option<&'a str> {
        if start < self.text_start || end > self.text_start + self.text.len() {
            let run = &self.data[start..];
            let run = &run[..ascii_prefix(run)];
            // ASCII is UTF-8: this always succeeds.
            self.text = std::str::from_utf8(run).unwrap_or_default();
            self.text_start = start;
        }
        self.text
            .get(start - self.text_start..end - self.text_start)
    }

    /// A varint field (any integer width; the caller narrows it as Go does).
    #[inline]
    pub(crate) fn uint(&mut self, number: u32, wire: WireType) -> Decoded<u64> {
        self.expect(number, wire, WireType::Varint)?;
        self.varint()
    }

    /// A `uint32` field: the low 32 bits of the varint, as Go's decoders keep.
    #[inline]
    pub(crate) fn uint32(&mut self, number: u32, wire: WireType) -> Decoded<u32> {
        Ok(self.uint(number, wire)? as u32)
    }

    /// An `int32` or enum field.
    #[inline]
    pub(crate) fn int32(&mut self, number: u32, wire: WireType) -> Decoded<i32> {
        Ok(self.uint(number, wire)? as i32)
    }

    /// A `sint32` field (zigzag).
    #[inline]
    pub(crate) fn sint32(&mut self, number: u32, wire: WireType) -> Decoded<i32> {
        let raw = self.uint(number, wire)? as u32;
        Ok((raw >> 1) as i32 ^ -((raw & 1) as i32))
    }

    /// A `bool` field.
    #[inline]
    pub(crate) fn bool(&mut self, number: u32, wire: WireType) -> Decoded<bool> {
        Ok(self.uint(number, wire)? != 0)
    }

    /// Eight little-endian bytes.
    #[inline]
    fn eight(&mut self) -> Decoded<u64> {
        let bytes = self.take(8)?;
        let mut array = [0; 8];
        array.copy_from_slice(bytes);
        Ok(u64::from_le_bytes(array))
    }

    /// A `fixed64` field.
    #[inline]
    pub(crate) fn fixed64(&mut self, number: u32, wire: WireType) -> Decoded<u64> {
        self.expect(number, wire, WireType::I64)?;
        self.eight()
    }

    /// A `double` field.
    #[inline]
    pub(crate) fn double(&mut self, number: u32, wire: WireType) -> Decoded<f64> {
        Ok(f64::from_bits(self.fixed64(number, wire)?))
    }

    /// A `fixed32` field.
    #[inline]
    pub(crate) fn fixed32(&mut self, number: u32, wire: WireType) -> Decoded<u32> {
        self.expect(number, wire, WireType::I32)?;
        let bytes = self.take(4)?;
        let mut array = [0; 4];
        array.copy_from_slice(bytes);
        Ok(u32::from_le_bytes(array))
    }

    /// A repeated `fixed64` or `double` field, packed or one element per field; elements are
    /// appended to `out`.
    pub(crate) fn repeated_fixed64<T>(
        &mut self,
        number: u32,
        wire: WireType,
        out: &mut Vec<T>,
        convert: impl Fn(u64) -> T,
    ) -> Decoded<()> {
        if wire == WireType::I64 {
            out.push(convert(self.eight()?));
            return Ok(());
        }
        let start = self.pos;
        let packed = self.bytes(number, wire)?;
        if packed.len() % 8 != 0 {
            return self.error_at(start, DecodeErrorKind::PackedLength(packed.len()));
        }
        out.reserve(packed.len() / 8);
        for chunk in packed.chunks_exact(8) {
            let mut array = [0; 8];
            array.copy_from_slice(chunk);
            out.push(convert(u64::from_le_bytes(array)));
        }
        Ok(())
    }

    /// A repeated `uint64` field, packed or one element per field; elements are appended.
    pub(crate) fn repeated_uint64(
        &mut self,
        number: u32,
        wire: WireType,
        out: &mut Vec<u64>,
    ) -> Decoded<()> {
        if wire == WireType::Varint {
            out.push(self.varint()?);
            return Ok(());
        }
        self.message(number, wire, self.message, |r| {
            while r.pos < r.end {
                out.push(r.varint()?);
            }
            Ok(())
        })
    }

    /// A trace id field: 16 bytes, or none (the zero id).
    pub(crate) fn trace_id(&mut self, number: u32, wire: WireType) -> Decoded<TraceId> {
        let start = self.pos;
        let bytes = self.bytes(number, wire)?;
        let mut id = TraceId::default();
        match bytes.len() {
            0 => {}
            16 => id.0.copy_from_slice(bytes),
            found => {
                return self.error_at(
                    start,
                    DecodeErrorKind::IdLength {
                        expected: 16,
                        found,
                    },
                );
            }
        }
        Ok(id)
    }

    /// A span id field: 8 bytes, or none (the zero id).
    pub(crate) fn span_id(&mut self, number: u32, wire: WireType) -> Decoded<SpanId> {
        let start = self.pos;
        let bytes = self.bytes(number, wire)?;
        let mut id = SpanId::default();
        match bytes.len() {
            0 => {}
            8 => id.0.copy_from_slice(bytes),
            found => return self.error_at(start, DecodeErrorKind::IdLength { expected: 8, found }),
        }
        Ok(id)
    }

    /// A nested message named `message`: `read` runs with the reader bounded to it, and must
    /// consume it exactly.
    #[inline]
    pub(crate) fn message<T>(
        &mut self,
        number: u32,
        wire: WireType,
        message: &'static str,
        read: impl FnOnce(&mut Self) -> Decoded<T>,
    ) -> Decoded<T> {
        let body = self.bytes(number, wire)?;
        let outer_end = self.end;
        let outer_message = self.message;
        self.end = self.pos;
        self.pos -= body.len();
        self.message = message;
        let value = read(self)?;
        self.message = outer_message;
        self.end = outer_end;
        Ok(value)
    }

    /// Like [`Reader::message`] for a message that may nest itself (`AnyValue`): fails past
    /// [`MAX_DEPTH`] levels so no input can exhaust the stack.
    pub(crate) fn nested<T>(
        &mut self,
        number: u32,
        wire: WireType,
        message: &'static str,
        read: impl FnOnce(&mut Self) -> Decoded<T>,
    ) -> Decoded<T> {
        if self.depth >= MAX_DEPTH {
            return self.error_at(self.pos, DecodeErrorKind::TooDeep);
        }
        self.depth += 1;
        let value = self.message(number, wire, message, read);
        self.depth -= 1;
        value
    }

    /// Skips the value of a field this decoder does not know (as protobuf decoders do).
    pub(crate) fn skip(&mut self, number: u32, wire: WireType) -> Decoded<()> {
        match wire {
            WireType::Varint => self.varint().map(drop),
            WireType::I64 => self.take(8).map(drop),
            WireType::I32 => self.take(4).map(drop),
            WireType::Len => self.bytes(number, wire).map(drop),
            WireType::StartGroup => self.skip_group(number),
            WireType::EndGroup => self.error_at(self.pos, DecodeErrorKind::UnmatchedGroupEnd),
        }
    }

    /// Skips the fields of a group up to its end, groups inside it included.
    fn skip_group(&mut self, number: u32) -> Decoded<()> {
        let mut open = vec![number];
        while let Some(&current) = open.last() {
            if self.pos >= self.end {
                return self.error_at(self.pos, DecodeErrorKind::Truncated);
            }
            let start = self.pos;
            match self.key()? {
                (inner, WireType::StartGroup) => {
                    if open.len() >= MAX_DEPTH {
                        return self.error_at(start, DecodeErrorKind::TooDeep);
                    }
                    open.push(inner);
                }
                (end, WireType::EndGroup) if end == current => {
                    open.pop();
                }
                (_, WireType::EndGroup) => {
                    return self.error_at(start, DecodeErrorKind::UnmatchedGroupEnd);
                }
                (inner, wire) => self.skip(inner, wire)?,
            }
        }
        Ok(())
    }
}

/// The varint that is all of `bytes`; `None` if it ends before or after them or overflows.
fn exact_varint(bytes: &[u8]) -> Option<u64> {
    let (last, init) = bytes.split_last()?;
    if *last >= 0x80 || init.iter().any(|b| *b < 0x80) || bytes.len() > 10 {
        return None;
    }
    if bytes.len() == 10 && *last > 1 {
        return None;
    }
    Some(
        bytes
            .iter()
            .rev()
            .fold(0, |value, b| value << 7 | u64::from(b & 0x7f)),
    )
}

/// The length of the ASCII that `bytes` starts with, read eight bytes at a time.
fn ascii_prefix(bytes: &[u8]) -> usize {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let mut words = bytes.chunks_exact(8);
    let mut len = 0;
    for word in &mut words {
        let mut array = [0; 8];
        array.copy_from_slice(word);
        let high = u64::from_le_bytes(array) & HIGH_BITS;
        if high != 0 {
            return len + high.trailing_zeros() as usize / 8;
        }
        len += 8;
    }
    len + words
        .remainder()
        .iter()
        .take_while(|b| b.is_ascii())
        .count()
}

/// Sets an optional-presence field; repeated occurrences keep the last (protobuf's rule).
#[inline]
pub(crate) fn set<T>(slot: &mut T, value: T) -> Decoded<()> {
    *slot = value;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_and_their_errors() {
        let mut r = Reader::new(&[0x96, 0x01], "Test");
        assert_eq!(r.varint(), Ok(150));
        let mut r = Reader::new(&[0x96], "Test");
        assert_eq!(
            r.varint().map_err(|e| e.kind),
            Err(DecodeErrorKind::Truncated)
        );
        let max = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01];
        assert_eq!(Reader::new(&max, "Test").varint(), Ok(u64::MAX));
        let over = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02];
        assert_eq!(
            Reader::new(&over, "Test").varint().map_err(|e| e.kind),
            Err(DecodeErrorKind::VarintOverflow)
        );
    }

    /// Strings read as `from_utf8` (and, when invalid, `from_utf8_lossy`) read them, whether
    /// they lie in the ASCII text validated for an earlier string, start it, run past it or are
    /// not ASCII at all.
    #[test]
    fn strings_read_as_utf8_whatever_text_they_share() {
        let strings: [&[u8]; 9] = [
            b"service.name",
            b"",
            b"checkout",
            "caf\u{e9} cr\u{e8}me".as_bytes(),
            b"ascii then \xff",
            b"\xe2\x82",
            b"after the invalid bytes, long enough to span words",
            "\u{1F600}".as_bytes(),
            b"last",
        ];
        let mut data = Vec::new();
        for (i, text) in strings.iter().enumerate() {
            data.extend([0x0a, text.len() as u8]);
            data.extend_from_slice(text);
            if i % 3 == 0 {
                // A varint field whose value is not ASCII ends the text.
                data.extend([0x10, 0x96, 0x01]);
            }
        }
        let mut r = Reader::new(&data, "Test");
        let mut read = Vec::new();
        r.fields(|r, number, wire| match number {
            1 => r.string(number, wire).map(|text| read.push(text)),
            _ => r.skip(number, wire),
        })
        .unwrap();
        let expected: Vec<Str> = strings
            .iter()
            .map(|text| Str::from(String::from_utf8_lossy(text).into_owned()))
            .collect();
        assert_eq!(read, expected);
    }

    #[test]
    fn ascii_prefix_stops_at_the_first_high_byte() {
        assert_eq!(ascii_prefix(b""), 0);
        assert_eq!(ascii_prefix(b"abc"), 3);
        assert_eq!(ascii_prefix(b"0123456789abcdef\x80"), 16);
        assert_eq!(ascii_prefix(b"0123456789\xc3\xa9"), 10);
        assert_eq!(ascii_prefix(b"\xffabc"), 0);
    }

    #[test]
    fn zigzag_decodes_both_signs() {
        let mut r = Reader::new(&[0x03, 0x04], "Test");
        assert_eq!(r.sint32(1, WireType::Varint), Ok(-2));
        assert_eq!(r.sint32(1, WireType::Varint), Ok(2));
    }

    #[test]
    fn groups_are_skipped_and_must_close() {
        // field 1 start group, field 2 varint 5, field 1 end group, then field 3 varint 7
        let data = [0x0b, 0x10, 0x05, 0x0c, 0x18, 0x07];
        let mut r = Reader::new(&data, "Test");
        let mut seen = Vec::new();
        r.fields(|r, number, wire| match number {
            3 => r.uint(number, wire).map(|v| seen.push(v)),
            _ => r.skip(number, wire),
        })
        .unwrap();
        assert_eq!(seen, [7]);
        let mut r = Reader::new(&data[..3], "Test");
        assert!(r.fields(|r, n, w| r.skip(n, w)).is_err());
    }
}
