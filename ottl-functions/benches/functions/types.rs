//! Benchmarks of the types functions: conversions of the values a log record carries (a
//! numeric string, a status code, a latency, a flag, an id), and kind tests.

use crate::{Fixture, attributes};
use ottl_core::model::{AnyValue, Map};

/// The attributes of a typical HTTP server log record.
fn record() -> Map {
    let headers: Map = [
        ("content-type", AnyValue::from("application/json")),
        ("user-agent", AnyValue::from("curl/8.5.0")),
    ]
    .into_iter()
    .collect();
    attributes([
        ("status", AnyValue::from("200")),
        ("status_code", AnyValue::Int(200)),
        ("duration_ms", AnyValue::Double(12.75)),
        ("duration_text", AnyValue::from("12.75")),
        ("sampled", AnyValue::from("true")),
        ("flags", AnyValue::from("0x1F")),
        (
            "span",
            AnyValue::Bytes(vec![0x01, 0x02, 0x03, 0x04, 0xa5, 0xb6, 0xc7, 0xd8]),
        ),
        ("user", AnyValue::from("alice")),
        ("headers", AnyValue::KvList(headers)),
        (
            "tags",
            AnyValue::Array(vec![AnyValue::from("web"), AnyValue::from("eu-west-1")].into()),
        ),
    ])
}

fn run(bencher: divan::Bencher<'_, '_>, call: &str) {
    let mut fixture = Fixture::new(&format!(r#"set(cache["out"], {call})"#), record());
    bencher.bench_local(|| fixture.run());
}

#[divan::bench]
fn bool_of_string(bencher: divan::Bencher<'_, '_>) {
    run(bencher, r#"Bool(attributes["sampled"])"#);
}

#[divan::bench]
fn double_of_string(bencher: divan::Bencher<'_, '_>) {
    run(bencher, r#"Double(attributes["duration_text"])"#);
}

#[divan::bench]
fn int_of_string(bencher: divan::Bencher<'_, '_>) {
    run(bencher, r#"Int(attributes["status"])"#);
}

#[divan::bench]
fn int_of_double(bencher: divan::Bencher<'_, '_>) {
    run(bencher, r#"Int(attributes["duration_ms"])"#);
}

#[divan::bench]
fn string_of_int(bencher: divan::Bencher<'_, '_>) {
    run(bencher, r#"String(attributes["status_code"])"#);
}

#[divan::bench]
fn string_of_map(bencher: divan::Bencher<'_, '_>) {
    run(bencher, r#"String(attributes["headers"])"#);
}

#[divan::bench]
fn string_of_string(bencher: divan::Bencher<'_, '_>) {
    run(bencher, r#"String(attributes["user"])"#);
}

#[divan::bench]
fn hex_of_bytes(bencher: divan::Bencher<'_, '_>) {
    run(bencher, r#"Hex(attributes["span"])"#);
}

#[divan::bench]
fn hex_of_int(bencher: divan::Bencher<'_, '_>) {
    run(bencher, r#"Hex(attributes["status_code"])"#);
}

#[divan::bench]
fn log_of_double(bencher: divan::Bencher<'_, '_>) {
    run(bencher, r#"Log(attributes["duration_ms"])"#);
}

#[divan::bench]
fn parse_int_base_0(bencher: divan::Bencher<'_, '_>) {
    run(bencher, r#"ParseInt(attributes["flags"], 0)"#);
}

#[divan::bench]
fn parse_int_base_10(bencher: divan::Bencher<'_, '_>) {
    run(bencher, r#"ParseInt(attributes["status"], 10)"#);
}

#[divan::bench]
fn is_bool(bencher: divan::Bencher<'_, '_>) {
    run(bencher, r#"IsBool(attributes["sampled"])"#);
}

#[divan::bench]
fn is_double(bencher: divan::Bencher<'_, '_>) {
    run(bencher, r#"IsDouble(attributes["duration_ms"])"#);
}

#[divan::bench]
fn is_int(bencher: divan::Bencher<'_, '_>) {
    run(bencher, r#"IsInt(attributes["status_code"])"#);
}

#[divan::bench]
fn is_list(bencher: divan::Bencher<'_, '_>) {
    run(bencher, r#"IsList(attributes["tags"])"#);
}

#[divan::bench]
fn is_empty_of_map(bencher: divan::Bencher<'_, '_>) {
    run(bencher, r#"IsEmpty(attributes["headers"])"#);
}

#[divan::bench]
fn is_empty_of_missing(bencher: divan::Bencher<'_, '_>) {
    run(bencher, r#"IsEmpty(attributes["missing"])"#);
}
