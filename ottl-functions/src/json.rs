//! JSON as the reference writes and reads it: values to text the way Go's JSON encoders do
//! (`String`, `Concat`, `IsMatch` on maps and lists), and text to OTLP values for `ParseJSON`.

mod parse;

pub(crate) use parse::parse;

use ottl_core::model::{AnyValue, Map};
use std::fmt::Write;

/// A double as Go's JSON encoder writes it: shortest round-trip digits, plain notation when
/// 1e-6 <= |x| < 1e21, exponent form (`1e+21`, `1e-7`) otherwise.
pub(crate) fn format_double(number: f64) -> String {
    if !number.is_finite() {
        // Go's JSON encoder refuses these; pdata's `AsString` writes them this way.
        return if number.is_nan() {
            "NaN".to_owned()
        } else if number > 0.0 {
            "+Inf".to_owned()
        } else {
            "-Inf".to_owned()
        };
    }
    let magnitude = number.abs();
    if magnitude == 0.0 || (1e-6..1e21).contains(&magnitude) {
        return format!("{number}");
    }
    // Rust writes `1.5e-7` / `1e21`; Go writes `1.5e-7` / `1e+21`.
    let text = format!("{number:e}");
    match text.split_once('e') {
        Some((mantissa, exponent)) if !exponent.starts_with('-') => {
            format!("{mantissa}e+{exponent:0>2}")
        }
        _ => text,
    }
}

/// A map as compact JSON with keys sorted and `<`, `>`, `&` escaped (goccy/go-json).
pub(crate) fn map_to_string(map: &Map) -> String {
    let mut out = String::new();
    write_map(&mut out, map);
    out
}

/// A list as compact JSON (see [`map_to_string`]).
pub(crate) fn list_to_string(items: &[AnyValue]) -> String {
    let mut out = String::new();
    write_list(&mut out, items);
    out
}

/// Bytes as a JSON array of numbers, as Go encodes a fixed-size byte array.
pub(crate) fn byte_array(bytes: &[u8]) -> String {
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

fn write_map(out: &mut String, map: &Map) {
    let mut entries: Vec<_> = map.iter().collect();
    entries.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
    out.push('{');
    for (i, (key, value)) in entries.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_string(out, key);
        out.push(':');
        write_value(out, value);
    }
    out.push('}');
}

fn write_list(out: &mut String, items: &[AnyValue]) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_value(out, item);
    }
    out.push(']');
}

fn write_value(out: &mut String, value: &AnyValue) {
    match value {
        AnyValue::Empty => out.push_str("null"),
        AnyValue::Str(text) => write_string(out, text),
        AnyValue::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
        AnyValue::Int(number) => {
            let _ = write!(out, "{number}");
        }
        AnyValue::Double(number) => out.push_str(&format_double(*number)),
        AnyValue::Bytes(bytes) => {
            out.push('"');
            base64(out, bytes);
            out.push('"');
        }
        AnyValue::Array(items) => write_list(out, items),
        AnyValue::KvList(map) => write_map(out, map),
    }
}

fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
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

/// Standard, padded base64.
fn base64(out: &mut String, bytes: &[u8]) {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ottl_core::model::Array;

    #[test]
    fn doubles_print_as_go_json_does() {
        assert_eq!(format_double(1.0), "1");
        assert_eq!(format_double(2.5), "2.5");
        assert_eq!(format_double(1e21), "1e+21");
        assert_eq!(format_double(1e-7), "1e-7");
        assert_eq!(format_double(1.5e-7), "1.5e-7");
        assert_eq!(format_double(0.000001), "0.000001");
    }

    #[test]
    fn base64_pads() {
        for (input, expected) in [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v")] {
            let mut out = String::new();
            base64(&mut out, input.as_bytes());
            assert_eq!(out, expected);
        }
    }

    #[test]
    fn maps_sort_keys_and_escape_html() {
        let map: Map = [("b", AnyValue::from("<&>")), ("a", AnyValue::Int(1))]
            .into_iter()
            .collect();
        assert_eq!(map_to_string(&map), r#"{"a":1,"b":"\u003c\u0026\u003e"}"#);
    }

    #[test]
    fn parse_keeps_order_and_makes_doubles() {
        let parsed = parse(r#"{"z":1,"a":[true,null],"z":2}"#).ok();
        let mut expected = Map::new();
        expected.insert("z", AnyValue::Double(2.0));
        expected.insert(
            "a",
            AnyValue::Array(Array::from(vec![AnyValue::Bool(true), AnyValue::Empty])),
        );
        assert_eq!(parsed, Some(AnyValue::KvList(expected)));
    }
}
