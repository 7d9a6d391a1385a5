//! Values as the reference writes them as text, in one place: hex, Go's float forms, pdata's
//! `AsString`, and the JSON that goccy/go-json writes for maps and lists.
//!
//! Two float forms exist because the reference has two writers: pdata's `AsString` (an
//! attribute rendered by `body.string`, `stringify_all`) writes `1e-7` and `Infinity`; the JSON
//! encoder behind `StringLikeGetter` (`Concat`, `String`) writes `1e-07`.
//!
//! ```
//! use ottl_core::text;
//! assert_eq!(text::es6_float(1e-7), "1e-7");
//! assert_eq!(text::json_float(1e-7), "1e-07");
//! assert_eq!(text::json_float(1e21), "1e+21");
//! assert_eq!(text::hex(&[0x0c, 0xff]), "0cff");
//! ```

mod go_float;

use crate::model::{AnyValue, Map};
use base64::Engine as _;
use std::fmt::Write as _;

/// Lowercase hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        text.push(char::from(DIGITS[usize::from(byte >> 4)]));
        text.push(char::from(DIGITS[usize::from(byte & 0xf)]));
    }
    text
}

/// Exactly `N` bytes from `2 * N` hex digits (either case).
pub fn parse_hex<const N: usize>(text: &str) -> Option<[u8; N]> {
    let digits = text.as_bytes();
    if digits.len() != N * 2 {
        return None;
    }
    let mut out = [0u8; N];
    for (byte, pair) in out.iter_mut().zip(digits.chunks_exact(2)) {
        *byte = (hex_digit(pair[0])? << 4) | hex_digit(pair[1])?;
    }
    Some(out)
}

fn hex_digit(digit: u8) -> Option<u8> {
    match digit {
        b'0'..=b'9' => Some(digit - b'0'),
        b'a'..=b'f' => Some(digit - b'a' + 10),
        b'A'..=b'F' => Some(digit - b'A' + 10),
        _ => None,
    }
}

/// A double as pdata's `AsString` writes it (ES6's number-to-string rule): shortest round-trip
/// digits, exponent form below 1e-6 or from 1e21 (`1e+21`, `1e-7`); `NaN`, `Infinity`,
/// `-Infinity`.
pub fn es6_float(number: f64) -> String {
    exponent_float(number, 1)
}

/// A double as Go's JSON encoder behind `StringLikeGetter` writes it: as [`es6_float`], but
/// with at least two exponent digits (`1e-07`, `1e+21`).
pub fn json_float(number: f64) -> String {
    exponent_float(number, 2)
}

fn exponent_float(number: f64, exponent_digits: usize) -> String {
    if number.is_nan() {
        return "NaN".to_owned();
    }
    if number.is_infinite() {
        return if number > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        }
        .to_owned();
    }
    let mut out = Vec::with_capacity(24);
    write_finite_float(&mut out, number, exponent_digits);
    // Digits, signs, `.` and `e`: ASCII.
    String::from_utf8(out).unwrap_or_default()
}

/// Writes a finite double as Go does: shortest round-trip digits, fixed notation for
/// 1e-6 ≤ |x| < 1e21, otherwise `1e+21` style with at least `exponent_digits` exponent digits.
pub(crate) fn write_finite_float(out: &mut Vec<u8>, number: f64, exponent_digits: usize) {
    use std::io::Write as _;
    let magnitude = number.abs();
    if magnitude == 0.0 || (1e-6..1e21).contains(&magnitude) {
        // Rust's `Display` prints the shortest round-trip digits in fixed notation.
        let _ = write!(out, "{number}");
        return;
    }
    // Rust writes `1.5e-7` / `1e21`.
    let _ = write!(out, "{number:e}");
    let Some(e) = out.iter().rposition(|&b| b == b'e') else {
        return;
    };
    let negative = out.get(e + 1) == Some(&b'-');
    let digits = out.len() - e - 1 - usize::from(negative);
    let padding = exponent_digits.saturating_sub(digits);
    let insert_at = e + 1 + usize::from(negative);
    let mut fill: Vec<u8> = Vec::with_capacity(padding + 1);
    if !negative {
        fill.push(b'+');
    }
    fill.extend(std::iter::repeat_n(b'0', padding));
    out.splice(insert_at..insert_at, fill);
}

/// Go's `strconv.ParseFloat(text, 64)`: decimal and hex-float forms (`0x1.8p3`), `_` between
/// digits, `inf`/`infinity`/`nan` in any case, and a range error where a finite form rounds
/// past the largest double.
///
/// ```
/// use ottl_core::text::{parse_go_float, FloatError};
/// assert_eq!(parse_go_float("0x1p-2"), Ok(0.25));
/// assert_eq!(parse_go_float("1_000.5"), Ok(1000.5));
/// assert_eq!(parse_go_float("1e400"), Err(FloatError::Range));
/// assert_eq!(parse_go_float(" 5"), Err(FloatError::Syntax));
/// ```
pub use go_float::{FloatError, parse as parse_go_float};

/// Go's `int64(number)` on x86-64, where the reference runs: truncated toward zero, and NaN,
/// the infinities and anything beyond the int64 range give the "integer indefinite"
/// `i64::MIN` (arm64 would saturate instead).
///
/// ```
/// assert_eq!(ottl_core::text::go_int_of_float(-2.7), -2);
/// assert_eq!(ottl_core::text::go_int_of_float(f64::NAN), i64::MIN);
/// assert_eq!(ottl_core::text::go_int_of_float(1e19), i64::MIN);
/// ```
pub fn go_int_of_float(number: f64) -> i64 {
    const TWO_TO_63: f64 = 9_223_372_036_854_775_808.0;
    if number.is_nan() || !(-TWO_TO_63..TWO_TO_63).contains(&number) {
        i64::MIN
    } else {
        number.trunc() as i64
    }
}

/// A value as pdata's `AsString` writes it: strings as they are, numbers as [`es6_float`],
/// bytes in base64, maps and lists as compact JSON with map keys sorted (Go's `encoding/json`,
/// HTML characters not escaped), empty as `""`.
pub fn as_string(value: &AnyValue) -> String {
    match value {
        AnyValue::Empty => String::new(),
        AnyValue::Str(text) => text.as_str().to_owned(),
        AnyValue::Bool(flag) => flag.to_string(),
        AnyValue::Int(number) => number.to_string(),
        AnyValue::Double(number) => es6_float(*number),
        AnyValue::Bytes(bytes) => base64::engine::general_purpose::STANDARD.encode(bytes),
        AnyValue::Array(_) | AnyValue::KvList(_) => {
            let mut out = String::new();
            write_value(&mut out, value, Json::Pdata);
            out
        }
    }
}

/// Which of the reference's JSON writers to follow.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Json {
    /// pdata's `AsString`: `encoding/json` without HTML escaping, floats as [`es6_float`].
    Pdata,
    /// goccy/go-json behind `StringLikeGetter`: HTML escaped, floats as [`json_float`].
    Goccy,
}

/// A map as compact JSON with keys sorted and `<`, `>`, `&` escaped, as goccy/go-json writes
/// the map `StringLikeGetter` receives.
pub fn sorted_json_map(map: &Map) -> String {
    let mut out = String::new();
    write_map(&mut out, map, Json::Goccy);
    out
}

/// Appends `map` to `out` as [`sorted_json_map`] writes it.
pub fn write_sorted_json_map(out: &mut String, map: &Map) {
    write_map(out, map, Json::Goccy);
}

/// A list as compact JSON (see [`sorted_json_map`]).
pub fn sorted_json_list(items: &[AnyValue]) -> String {
    let mut out = String::new();
    write_list(&mut out, items, Json::Goccy);
    out
}

/// Bytes as a JSON array of numbers, as Go encodes a fixed-size byte array (a trace id).
pub fn json_byte_array(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 + 2);
    out.push('[');
    for (i, byte) in bytes.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(out, "{byte}");
    }
    out.push(']');
    out
}

fn write_map(out: &mut String, map: &Map, json: Json) {
    // Most maps are written in key order already (one key, or keys a statement sorted); only
    // the others need a sorted copy of their entries.
    if map.keys().is_sorted_by(|a, b| a.as_str() <= b.as_str()) {
        write_entries(out, map.iter(), json);
    } else {
        let mut entries: Vec<_> = map.iter().collect();
        entries.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
        write_entries(out, entries.into_iter(), json);
    }
}

fn write_entries<'a>(
    out: &mut String,
    entries: impl Iterator<Item = (&'a crate::model::Str, &'a AnyValue)>,
    json: Json,
) {
    out.push('{');
    for (i, (key, value)) in entries.enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_string(out, key, json);
        out.push(':');
        write_value(out, value, json);
    }
    out.push('}');
}

fn write_list(out: &mut String, items: &[AnyValue], json: Json) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_value(out, item, json);
    }
    out.push(']');
}

fn write_value(out: &mut String, value: &AnyValue, json: Json) {
    match value {
        AnyValue::Empty => out.push_str("null"),
        AnyValue::Str(text) => write_string(out, text, json),
        AnyValue::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
        AnyValue::Int(number) => {
            let _ = write!(out, "{number}");
        }
        AnyValue::Double(number) => out.push_str(&match json {
            Json::Pdata => es6_float(*number),
            Json::Goccy => json_float(*number),
        }),
        AnyValue::Bytes(bytes) => {
            out.push('"');
            base64::engine::general_purpose::STANDARD.encode_string(bytes, out);
            out.push('"');
        }
        AnyValue::Array(items) => write_list(out, items, json),
        AnyValue::KvList(map) => write_map(out, map, json),
    }
}

/// `text` as a JSON string the way goccy/go-json escapes it: quotes, backslashes, control
/// characters, `<`, `>`, `&`, U+2028 and U+2029.
pub fn write_json_string(out: &mut String, text: &str) {
    write_string(out, text, Json::Goccy);
}

/// `text` as a JSON string; `<`, `>` and `&` are escaped only by goccy.
fn write_string(out: &mut String, text: &str, json: Json) {
    out.push('"');
    for c in text.chars() {
        match c {
            '<' | '>' | '&' if json == Json::Pdata => out.push(c),
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' | '\u{0}'..='\u{1f}' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_two_float_forms_differ_only_in_exponent_digits() {
        for (number, es6, json) in [
            (1.0, "1", "1"),
            (2.5, "2.5", "2.5"),
            (1e21, "1e+21", "1e+21"),
            (1e-7, "1e-7", "1e-07"),
            (1.5e-7, "1.5e-7", "1.5e-07"),
            (1e100, "1e+100", "1e+100"),
            (0.000001, "0.000001", "0.000001"),
            (-0.0, "-0", "-0"),
            (f64::INFINITY, "Infinity", "Infinity"),
            (f64::NAN, "NaN", "NaN"),
        ] {
            assert_eq!(es6_float(number), es6, "{number}");
            assert_eq!(json_float(number), json, "{number}");
        }
    }

    #[test]
    fn hex_round_trips() {
        assert_eq!(hex(&[0x01, 0xab]), "01ab");
        assert_eq!(parse_hex::<2>("01AB"), Some([0x01, 0xab]));
        assert_eq!(parse_hex::<2>("01a"), None);
        assert_eq!(parse_hex::<1>("0g"), None);
    }

    #[test]
    fn pdata_writes_maps_without_html_escapes_and_with_es6_floats() {
        let inner: Map = [("x", AnyValue::Double(1e21))].into_iter().collect();
        let map: Map = [
            ("b", AnyValue::from("<&>")),
            ("a", AnyValue::Double(1e-7)),
            ("c", AnyValue::KvList(inner)),
        ]
        .into_iter()
        .collect();
        let value = AnyValue::KvList(map);
        assert_eq!(as_string(&value), r#"{"a":1e-7,"b":"<&>","c":{"x":1e+21}}"#);
    }

    #[test]
    fn maps_sort_keys_and_escape_html() {
        let map: Map = [("b", AnyValue::from("<&>")), ("a", AnyValue::Int(1))]
            .into_iter()
            .collect();
        assert_eq!(sorted_json_map(&map), r#"{"a":1,"b":"\u003c\u0026\u003e"}"#);
    }
}
