//! Benchmarks of the editors, each on a fresh copy of a 10-attribute record.

use crate::{Fixture, attributes};
use ottl_core::model::AnyValue;

/// Ten attributes as an HTTP log record carries them.
pub(crate) fn http_attributes() -> ottl_core::model::Map {
    attributes([
        ("http.method", AnyValue::from("GET")),
        ("http.route", AnyValue::from("/api/v1/users/{id}")),
        ("http.status_code", AnyValue::Int(200)),
        (
            "http.user_agent",
            AnyValue::from("Mozilla/5.0 (X11; Linux x86_64)"),
        ),
        ("net.peer.ip", AnyValue::from("10.1.2.3")),
        ("duration_ms", AnyValue::Double(12.5)),
        ("retry", AnyValue::Bool(false)),
        ("user.id", AnyValue::from("u-12345")),
        ("secret", AnyValue::from("hunter2")),
        ("env", AnyValue::from("prod")),
    ])
}

#[divan::bench]
fn delete_key(bencher: divan::Bencher<'_, '_>) {
    Fixture::new(r#"delete_key(attributes, "secret")"#, http_attributes()).run_on_copy(bencher);
}

/// The HTTP attributes with a list of three tags.
fn tagged_attributes() -> ottl_core::model::Map {
    let mut map = http_attributes();
    let tags = ["checkout", "eu-west-1", "canary"].map(AnyValue::from);
    map.insert("tags", AnyValue::Array(Vec::from(tags).into()));
    map
}

/// The HTTP attributes with a nested map (a parsed JSON body) and a list of two maps.
fn nested_attributes() -> ottl_core::model::Map {
    let mut map = http_attributes();
    let address = attributes([
        ("street", AnyValue::from("first")),
        ("house", AnyValue::Int(1234)),
        (
            "geo",
            AnyValue::KvList(attributes([
                ("lat", AnyValue::Double(52.52)),
                ("lon", AnyValue::Double(13.40)),
            ])),
        ),
    ]);
    map.insert("address", AnyValue::KvList(address));
    let occupant = |name: &str| AnyValue::KvList(attributes([("name", AnyValue::from(name))]));
    map.insert(
        "occupants",
        AnyValue::Array(vec![occupant("user 1"), occupant("user 2")].into()),
    );
    map
}

#[divan::bench]
fn append(bencher: divan::Bencher<'_, '_>) {
    Fixture::new(r#"append(attributes["tags"], "prod")"#, tagged_attributes()).run_on_copy(bencher);
}

#[divan::bench]
fn append_values(bencher: divan::Bencher<'_, '_>) {
    Fixture::new(
        r#"append(attributes["tags"], values = [attributes["env"], "staging:east"])"#,
        tagged_attributes(),
    )
    .run_on_copy(bencher);
}

#[divan::bench]
fn clear(bencher: divan::Bencher<'_, '_>) {
    Fixture::new(r#"clear(attributes["tags"])"#, tagged_attributes()).run_on_copy(bencher);
}

#[divan::bench]
fn delete_index(bencher: divan::Bencher<'_, '_>) {
    Fixture::new(
        r#"delete_index(attributes["tags"], 0)"#,
        tagged_attributes(),
    )
    .run_on_copy(bencher);
}

#[divan::bench]
fn flatten(bencher: divan::Bencher<'_, '_>) {
    Fixture::new(r#"flatten(attributes)"#, nested_attributes()).run_on_copy(bencher);
}

#[divan::bench]
fn flatten_resolve_conflicts(bencher: divan::Bencher<'_, '_>) {
    Fixture::new(
        r#"flatten(attributes, "app", resolve_conflicts = true)"#,
        nested_attributes(),
    )
    .run_on_copy(bencher);
}

#[divan::bench]
fn stringify_all(bencher: divan::Bencher<'_, '_>) {
    Fixture::new(r#"stringify_all(attributes)"#, nested_attributes()).run_on_copy(bencher);
}

/// `sanitize_utf8` is experimental: compiled with the experimental registry.
#[divan::bench]
fn sanitize_utf8(bencher: divan::Bencher<'_, '_>) {
    let mut fixture = Fixture::new(r#"set(cache["x"], 1)"#, nested_attributes());
    let mut registry = ottl_functions::standard();
    ottl_functions::experimental(&mut registry);
    fixture.program = ottl_core::run::Program::compile(
        &[r#"sanitize_utf8(attributes)"#],
        &[],
        ottl_core::context::ContextKind::Log,
        ottl_core::run::ErrorMode::Propagate,
        &registry,
    )
    .unwrap_or_else(|errors| panic!("sanitize_utf8: {errors:?}"));
    fixture.run_on_copy(bencher);
}
