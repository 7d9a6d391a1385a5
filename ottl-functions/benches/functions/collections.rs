//! Benchmarks of the collections functions.

use crate::{Fixture, attributes};
use ottl_core::model::{AnyValue, Map};

/// Eight HTTP-ish attributes in a map attribute `m`.
fn request_map() -> Map {
    attributes([
        ("http.method", AnyValue::from("GET")),
        ("http.route", AnyValue::from("/api/v1/users/{id}")),
        ("http.status_code", AnyValue::Int(200)),
        ("net.peer.ip", AnyValue::from("10.1.2.3")),
        ("user_agent", AnyValue::from("curl/8.4.0")),
        ("duration_ms", AnyValue::Double(12.5)),
        ("retry", AnyValue::Bool(false)),
        ("trace.sampled", AnyValue::Bool(true)),
    ])
}

fn with_map() -> Map {
    attributes([("m", AnyValue::KvList(request_map()))])
}

fn bench(bencher: divan::Bencher<'_, '_>, call: &str, attributes: Map) {
    let mut fixture = Fixture::new(&format!(r#"set(cache["out"], {call})"#), attributes);
    bencher.bench_local(|| fixture.run());
}

#[divan::bench]
fn keys(bencher: divan::Bencher<'_, '_>) {
    bench(bencher, r#"Keys(attributes["m"])"#, with_map());
}

#[divan::bench]
fn values(bencher: divan::Bencher<'_, '_>) {
    bench(bencher, r#"Values(attributes["m"])"#, with_map());
}

#[divan::bench]
fn coalesce_second(bencher: divan::Bencher<'_, '_>) {
    bench(
        bencher,
        r#"Coalesce([attributes["user.id"], attributes["enduser.id"], "unknown"])"#,
        attributes([("enduser.id", AnyValue::from("u-12345"))]),
    );
}

fn words() -> AnyValue {
    let words = [
        "delta", "alpha", "kilo", "echo", "bravo", "juliet", "golf", "india", "charlie", "hotel",
        "foxtrot", "lima", "mike", "oscar", "november", "papa",
    ];
    AnyValue::Array(words.into_iter().map(AnyValue::from).collect())
}

#[divan::bench]
fn sort_16_strings(bencher: divan::Bencher<'_, '_>) {
    bench(
        bencher,
        r#"Sort(attributes["l"])"#,
        attributes([("l", words())]),
    );
}

#[divan::bench]
fn sort_16_ints_desc(bencher: divan::Bencher<'_, '_>) {
    let ints = [7, 3, 15, 1, 9, 12, 4, 0, 11, 5, 14, 2, 8, 13, 6, 10];
    let list = AnyValue::Array(ints.into_iter().map(AnyValue::Int).collect());
    bench(
        bencher,
        r#"Sort(attributes["l"], "desc")"#,
        attributes([("l", list)]),
    );
}

#[divan::bench]
fn sort_8_mixed(bencher: divan::Bencher<'_, '_>) {
    let list = AnyValue::Array(
        [
            AnyValue::Int(3),
            AnyValue::from("two"),
            AnyValue::Double(1.5),
            AnyValue::Bool(true),
            AnyValue::Int(10),
            AnyValue::from("a"),
            AnyValue::Double(0.25),
            AnyValue::Bool(false),
        ]
        .into_iter()
        .collect(),
    );
    bench(
        bencher,
        r#"Sort(attributes["l"])"#,
        attributes([("l", list)]),
    );
}

/// Eight `{"name": "header-i", "value": "v-i"}` maps.
fn headers() -> AnyValue {
    AnyValue::Array(
        (0..8)
            .map(|i| {
                AnyValue::KvList(attributes([
                    ("name", AnyValue::from(format!("header-{i}").as_str())),
                    ("value", AnyValue::from(format!("v-{i}").as_str())),
                ]))
            })
            .collect(),
    )
}

#[divan::bench]
fn slice_to_map_8_key_value(bencher: divan::Bencher<'_, '_>) {
    bench(
        bencher,
        r#"SliceToMap(attributes["h"], ["name"], ["value"])"#,
        attributes([("h", headers())]),
    );
}

#[divan::bench]
fn slice_to_map_8_by_index(bencher: divan::Bencher<'_, '_>) {
    bench(
        bencher,
        r#"SliceToMap(attributes["h"])"#,
        attributes([("h", headers())]),
    );
}

#[divan::bench]
fn to_key_value_string(bencher: divan::Bencher<'_, '_>) {
    bench(bencher, r#"ToKeyValueString(attributes["m"])"#, with_map());
}

#[divan::bench]
fn to_key_value_string_sorted(bencher: divan::Bencher<'_, '_>) {
    bench(
        bencher,
        r#"ToKeyValueString(attributes["m"], "=", " ", true)"#,
        with_map(),
    );
}
