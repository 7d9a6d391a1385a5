//! Scalar fields as pdata reads them: integers from numbers or decimal strings, doubles with
//! `"NaN"`/`"Infinity"`, enums by number or name, hex ids and base64 bytes.

use std::borrow::Cow;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use super::reader::Reader;
use crate::model::json::error::{DecodeErrorKind, Decoded};
use crate::model::{SpanId, Str, TraceId};

/// A string field.
pub(super) fn read_string(r: &mut Reader<'_>) -> Decoded<Str> {
    Ok(match r.read_str()? {
        Cow::Borrowed(text) => Str::from(text),
        Cow::Owned(text) => Str::from(text),
    })
}

/// The text of an integer given as a JSON number or a decimal string, and where it starts.
fn integer_text<'a>(r: &mut Reader<'a>, target: &'static str) -> Decoded<(Cow<'a, str>, usize)> {
    let start = r.offset();
    let text = match r.peek()? {
        b'"' => r.read_str()?,
        b'-' | b'0'..=b'9' => Cow::Borrowed(r.read_number_text()?),
        _ => return r.wrong_type(target),
    };
    Ok((text, start))
}

/// Parses a decimal integer (optional sign, then digits) and checks it lies in `min..=max`.
fn parse_integer(
    r: &Reader<'_>,
    (text, start): (Cow<'_, str>, usize),
    target: &'static str,
    min: i128,
    max: i128,
) -> Decoded<i128> {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') if min < 0 => (false, &text[1..]),
        _ => (false, &text[..]),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        let kind = DecodeErrorKind::InvalidNumber {
            text: text.into_owned(),
            target,
        };
        return r.error_at(start, kind);
    }
    let mut magnitude: i128 = 0;
    for digit in digits.bytes() {
        magnitude = magnitude * 10 + i128::from(digit - b'0');
        if magnitude > max.max(-min) {
            break;
        }
    }
    let value = if negative { -magnitude } else { magnitude };
    if value < min || value > max {
        let kind = DecodeErrorKind::OutOfRange {
            text: text.into_owned(),
            target,
        };
        return r.error_at(start, kind);
    }
    Ok(value)
}

macro_rules! integer_reader {
    ($name:ident, $ty:ty, $target:literal) => {
        #[doc = concat!("A `", $target, "` field: a JSON number or a decimal string.")]
        pub(super) fn $name(r: &mut Reader<'_>) -> Decoded<$ty> {
            let text = integer_text(r, concat!($target, " (number or decimal string)"))?;
            let value = parse_integer(r, text, $target, <$ty>::MIN.into(), <$ty>::MAX.into())?;
            // parse_integer checked the range.
            Ok(<$ty>::try_from(value).unwrap_or_default())
        }
    };
}

integer_reader!(read_u64, u64, "uint64");
integer_reader!(read_i64, i64, "int64");
integer_reader!(read_u32, u32, "uint32");
integer_reader!(read_i32, i32, "int32");

/// A double: a JSON number, or a string such as `"NaN"`, `"Infinity"`, `"-Infinity"`, `"1.5"`.
pub(super) fn read_f64(r: &mut Reader<'_>) -> Decoded<f64> {
    let start = r.offset();
    let (text, from_string) = match r.peek()? {
        b'"' => (r.read_str()?, true),
        b'-' | b'0'..=b'9' => (Cow::Borrowed(r.read_number_text()?), false),
        _ => return r.wrong_type("double (number or string)"),
    };
    match text.parse::<f64>() {
        Ok(value) if from_string || value.is_finite() => Ok(value),
        Ok(_) => r.error_at(
            start,
            DecodeErrorKind::OutOfRange {
                text: text.into_owned(),
                target: "double",
            },
        ),
        Err(_) => r.error_at(
            start,
            DecodeErrorKind::InvalidNumber {
                text: text.into_owned(),
                target: "double",
            },
        ),
    }
}

/// An enum field: an `int32` number or one of `names`.
pub(super) fn read_enum<T: Copy>(
    r: &mut Reader<'_>,
    enum_name: &'static str,
    names: &[(&'static str, T)],
    from_number: fn(i32) -> T,
) -> Decoded<T> {
    match r.peek()? {
        b'"' => {
            let start = r.offset();
            let name = r.read_str()?;
            match names.iter().find(|(wire, _)| *wire == name) {
                Some((_, value)) => Ok(*value),
                None => r.error_at(
                    start,
                    DecodeErrorKind::UnknownEnumName {
                        enum_name,
                        name: name.into_owned(),
                    },
                ),
            }
        }
        b'-' | b'0'..=b'9' => read_i32(r).map(from_number),
        _ => r.wrong_type("enum (number or name)"),
    }
}

/// Decodes hex into `out`; an empty string leaves it all zero.
fn read_hex_id(r: &mut Reader<'_>, out: &mut [u8]) -> Decoded<()> {
    let start = r.offset();
    let text = r.read_str()?;
    if text.is_empty() {
        return Ok(());
    }
    if text.len() != out.len() * 2 {
        let found = text.chars().count();
        return r.error_at(
            start,
            DecodeErrorKind::IdLength {
                expected: out.len() * 2,
                found,
            },
        );
    }
    for (byte, pair) in out.iter_mut().zip(text.as_bytes().chunks_exact(2)) {
        *byte = (hex_digit(r, start, pair[0])? << 4) | hex_digit(r, start, pair[1])?;
    }
    Ok(())
}

fn hex_digit(r: &Reader<'_>, start: usize, digit: u8) -> Decoded<u8> {
    match digit {
        b'0'..=b'9' => Ok(digit - b'0'),
        b'a'..=b'f' => Ok(digit - b'a' + 10),
        b'A'..=b'F' => Ok(digit - b'A' + 10),
        _ => r.error_at(start, DecodeErrorKind::IdDigit(char::from(digit))),
    }
}

/// A trace id: 32 hex digits, or `""` for none.
pub(super) fn read_trace_id(r: &mut Reader<'_>) -> Decoded<TraceId> {
    let mut id = TraceId::default();
    read_hex_id(r, &mut id.0)?;
    Ok(id)
}

/// A span id: 16 hex digits, or `""` for none.
pub(super) fn read_span_id(r: &mut Reader<'_>) -> Decoded<SpanId> {
    let mut id = SpanId::default();
    read_hex_id(r, &mut id.0)?;
    Ok(id)
}

/// Bytes as standard padded base64.
pub(super) fn read_bytes(r: &mut Reader<'_>) -> Decoded<Vec<u8>> {
    let start = r.offset();
    let text = r.read_str()?;
    STANDARD
        .decode(text.as_bytes())
        .or_else(|error| r.error_at(start, DecodeErrorKind::Base64(error.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_read_from_numbers_and_strings_with_range_checks() {
        assert_eq!(
            read_u64(&mut Reader::new(b"\"18446744073709551615\"")).ok(),
            Some(u64::MAX)
        );
        assert_eq!(
            read_i64(&mut Reader::new(b"-9223372036854775808")).ok(),
            Some(i64::MIN)
        );
        assert!(read_u64(&mut Reader::new(b"\"18446744073709551616\"")).is_err());
        assert!(read_u32(&mut Reader::new(b"-1")).is_err());
        assert!(read_u64(&mut Reader::new(b"\"+1\"")).is_err());
        assert!(read_i64(&mut Reader::new(b"1.5")).is_err());
        assert_eq!(read_i32(&mut Reader::new(b"\"+7\"")).ok(), Some(7));
    }

    #[test]
    fn doubles_read_special_strings() {
        let read = |text: &str| read_f64(&mut Reader::new(text.as_bytes())).ok();
        assert!(read("\"NaN\"").is_some_and(f64::is_nan));
        assert_eq!(read("\"-Infinity\""), Some(f64::NEG_INFINITY));
        assert_eq!(read("\"Inf\""), Some(f64::INFINITY));
        assert_eq!(read("1e+21"), Some(1e21));
        assert_eq!(read("1e999"), None);
    }
}
