//! Benchmarks of the strings functions.

use crate::{Fixture, attributes};
use ottl_core::model::AnyValue;

/// A log record's usual attributes: a metric-like name, a padded message, an HTTP path.
fn record() -> ottl_core::model::Map {
    attributes([
        ("name", AnyValue::from("CPUUtilizationMetric")),
        (
            "message",
            AnyValue::from("  GET /api/v1/users returned 200  "),
        ),
        ("path", AnyValue::from("/api/v1/users/42/orders")),
        ("service", AnyValue::from("ingest_checkout")),
        ("status", AnyValue::Int(200)),
        ("latency", AnyValue::Double(12.3456)),
        (
            "tags",
            AnyValue::Array(
                vec![
                    AnyValue::from("ok"),
                    AnyValue::from("cached"),
                    AnyValue::from("error"),
                ]
                .into(),
            ),
        ),
    ])
}

fn bench(bencher: divan::Bencher<'_, '_>, call: &str) {
    let mut fixture = Fixture::new(&format!(r#"set(cache["out"], {call})"#), record());
    bencher.bench_local(|| fixture.run());
}

#[divan::bench]
fn convert_case_snake(bencher: divan::Bencher<'_, '_>) {
    bench(bencher, r#"ConvertCase(attributes["name"], "snake")"#);
}

#[divan::bench]
fn to_snake_case(bencher: divan::Bencher<'_, '_>) {
    bench(bencher, r#"ToSnakeCase(attributes["name"])"#);
}

#[divan::bench]
fn to_camel_case(bencher: divan::Bencher<'_, '_>) {
    bench(bencher, r#"ToCamelCase(attributes["path"])"#);
}

#[divan::bench]
fn trim(bencher: divan::Bencher<'_, '_>) {
    bench(bencher, r#"Trim(attributes["message"])"#);
}

#[divan::bench]
fn trim_cutset(bencher: divan::Bencher<'_, '_>) {
    bench(bencher, r#"Trim(attributes["path"], "/0123456789")"#);
}

#[divan::bench]
fn trim_prefix(bencher: divan::Bencher<'_, '_>) {
    bench(bencher, r#"TrimPrefix(attributes["service"], "ingest_")"#);
}

#[divan::bench]
fn trim_suffix_unchanged(bencher: divan::Bencher<'_, '_>) {
    bench(bencher, r#"TrimSuffix(attributes["path"], ".json")"#);
}

#[divan::bench]
fn index_string(bencher: divan::Bencher<'_, '_>) {
    bench(bencher, r#"Index(attributes["path"], "/orders")"#);
}

#[divan::bench]
fn index_list(bencher: divan::Bencher<'_, '_>) {
    bench(bencher, r#"Index(attributes["tags"], "error")"#);
}

#[divan::bench]
fn format_string_and_int(bencher: divan::Bencher<'_, '_>) {
    bench(
        bencher,
        r#"Format("%s returned %d", [attributes["path"], attributes["status"]])"#,
    );
}

#[divan::bench]
fn format_padded_and_float(bencher: divan::Bencher<'_, '_>) {
    bench(
        bencher,
        r#"Format("req-%06d took %.2fms", [attributes["status"], attributes["latency"]])"#,
    );
}
