//! Values as text: ids as hex, and pdata's `AsString` rendering of any value.

use crate::model::{AnyValue, Map};
use base64::Engine as _;
use std::fmt::Write as _;

/// Lowercase hex of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        let _ = write!(out, "{byte:02x}");
    }
    out
}

/// Exactly `N` bytes from `2 * N` hex digits (either case).
pub(crate) fn parse_hex<const N: usize>(text: &str) -> Option<[u8; N]> {
    let digits = text.as_bytes();
    if digits.len() != N * 2 {
        return None;
    }
    let mut out = [0u8; N];
    for (byte, pair) in out.iter_mut().zip(digits.chunks(2)) {
        let text = std::str::from_utf8(pair).ok()?;
        *byte = u8::from_str_radix(text, 16).ok()?;
    }
    Some(out)
}

/// A value as pdata's `AsString` writes it: strings as they are, numbers in Go's shortest
/// form, bytes in base64, maps and lists as compact JSON with map keys sorted.
pub(crate) fn as_string(value: &AnyValue) -> String {
    match value {
        AnyValue::Empty => String::new(),
        AnyValue::Str(text) => text.as_str().to_owned(),
        AnyValue::Bool(flag) => flag.to_string(),
        AnyValue::Int(number) => number.to_string(),
        AnyValue::Double(number) => go_float(*number),
        AnyValue::Bytes(bytes) => base64::engine::general_purpose::STANDARD.encode(bytes),
        AnyValue::Array(_) | AnyValue::KvList(_) => to_json(value).to_string(),
    }
}

/// A double as pdata's `AsString` writes it (the ES6 number rule encoding/json uses): shortest
/// round-trip digits, exponent form below 1e-6 or from 1e21 (`1e+21`, `1e-7`).
pub(crate) fn go_float(number: f64) -> String {
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
    let magnitude = number.abs();
    if magnitude != 0.0 && !(1e-6..1e21).contains(&magnitude) {
        let text = format!("{number:e}");
        if let Some((mantissa, exponent)) = text.split_once('e') {
            return match exponent.strip_prefix('-') {
                Some(negative) => format!("{mantissa}e-{negative}"),
                None => format!("{mantissa}e+{exponent:0>2}"),
            };
        }
    }
    format!("{number}")
}

fn to_json(value: &AnyValue) -> serde_json::Value {
    match value {
        AnyValue::Empty => serde_json::Value::Null,
        AnyValue::Str(text) => serde_json::Value::String(text.as_str().to_owned()),
        AnyValue::Bool(flag) => serde_json::Value::Bool(*flag),
        AnyValue::Int(number) => serde_json::Value::from(*number),
        AnyValue::Double(number) => serde_json::Number::from_f64(*number).map_or_else(
            || serde_json::Value::String(go_float(*number)),
            serde_json::Value::Number,
        ),
        AnyValue::Bytes(bytes) => {
            serde_json::Value::String(base64::engine::general_purpose::STANDARD.encode(bytes))
        }
        AnyValue::Array(items) => serde_json::Value::Array(items.iter().map(to_json).collect()),
        AnyValue::KvList(map) => map_to_json(map),
    }
}

fn map_to_json(map: &Map) -> serde_json::Value {
    // serde_json's default map is ordered by key, which is the sorting pdata applies.
    serde_json::Value::Object(
        map.iter()
            .map(|(k, v)| (k.as_str().to_owned(), to_json(v)))
            .collect(),
    )
}
