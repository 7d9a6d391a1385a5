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
