//! Benchmarks of the encoding functions, on a 16-byte and a 1 KiB text, through a statement
//! (`set(cache["out"], F(attributes["text"], …))`).

use crate::{Fixture, attributes};
use base64::Engine as _;
use ottl_core::model::AnyValue;

const LENGTHS: &[usize] = &[16, 1024];

/// A text of `len` bytes: log-line-like ASCII.
fn text(len: usize) -> String {
    "GET /api/v1/users?id=42 200 "
        .chars()
        .cycle()
        .take(len)
        .collect()
}

fn bench(bencher: divan::Bencher<'_, '_>, call: &str, value: AnyValue) {
    let mut fixture = Fixture::new(
        &format!(r#"set(cache["out"], {call})"#),
        attributes([("text", value)]),
    );
    bencher.bench_local(|| fixture.run());
}

/// `Base64Encode(text)`.
#[divan::bench(args = LENGTHS)]
fn base64_encode(bencher: divan::Bencher<'_, '_>, len: usize) {
    let value = AnyValue::from(text(len).as_str());
    bench(bencher, r#"Base64Encode(attributes["text"])"#, value);
}

/// `Base64Encode(text, "base64-raw-url")`: a literal variant, resolved once.
#[divan::bench(args = LENGTHS)]
fn base64_encode_raw_url(bencher: divan::Bencher<'_, '_>, len: usize) {
    let value = AnyValue::from(text(len).as_str());
    bench(
        bencher,
        r#"Base64Encode(attributes["text"], "base64-raw-url")"#,
        value,
    );
}

/// `Decode(text, "base64")`, the text `len` bytes once decoded.
#[divan::bench(args = LENGTHS)]
fn decode_base64(bencher: divan::Bencher<'_, '_>, len: usize) {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text(len));
    bench(
        bencher,
        r#"Decode(attributes["text"], "base64")"#,
        AnyValue::from(encoded.as_str()),
    );
}

/// `Decode(text, "utf-8")` on a string: the string itself, no copy.
#[divan::bench(args = LENGTHS)]
fn decode_utf8_string(bencher: divan::Bencher<'_, '_>, len: usize) {
    let value = AnyValue::from(text(len).as_str());
    bench(bencher, r#"Decode(attributes["text"], "utf-8")"#, value);
}

/// `Decode(bytes, "UTF-16")`: `len` bytes of UTF-16LE.
#[divan::bench(args = LENGTHS)]
fn decode_utf16_bytes(bencher: divan::Bencher<'_, '_>, len: usize) {
    let bytes: Vec<u8> = text(len / 2)
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bench(
        bencher,
        r#"Decode(attributes["text"], "UTF-16")"#,
        AnyValue::Bytes(bytes),
    );
}

/// `Decode(bytes, "windows-1252")`: `len` bytes with accented letters.
#[divan::bench(args = LENGTHS)]
fn decode_windows_1252_bytes(bencher: divan::Bencher<'_, '_>, len: usize) {
    let bytes: Vec<u8> = b"caf\xe9 cr\xe8me "
        .iter()
        .copied()
        .cycle()
        .take(len)
        .collect();
    bench(
        bencher,
        r#"Decode(attributes["text"], "windows-1252")"#,
        AnyValue::Bytes(bytes),
    );
}
