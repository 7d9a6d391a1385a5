//! Benchmarks of the net functions.

use crate::{Fixture, attributes};
use ottl_core::model::AnyValue;

/// A client address tested against the private ranges, written as literals (parsed once).
#[divan::bench]
fn is_in_cidr_literal(bencher: divan::Bencher<'_, '_>) {
    let mut fixture = Fixture::new(
        r#"set(cache["out"], IsInCIDR(attributes["client.ip"], ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"]))"#,
        attributes([("client.ip", AnyValue::from("192.168.14.207"))]),
    );
    bencher.bench_local(|| fixture.run());
}

/// The same with the network read from the record, so parsed on every run.
#[divan::bench]
fn is_in_cidr_dynamic(bencher: divan::Bencher<'_, '_>) {
    let mut fixture = Fixture::new(
        r#"set(cache["out"], IsInCIDR(attributes["client.ip"], [attributes["allowed"]]))"#,
        attributes([
            ("client.ip", AnyValue::from("2001:db8:85a3::8a2e:370:7334")),
            ("allowed", AnyValue::from("2001:db8::/32")),
        ]),
    );
    bencher.bench_local(|| fixture.run());
}

/// A TCP flow's Community ID from the record's endpoint attributes.
#[divan::bench]
fn community_id(bencher: divan::Bencher<'_, '_>) {
    let mut fixture = Fixture::new(
        r#"set(cache["out"], CommunityID(attributes["source.ip"], attributes["source.port"], attributes["destination.ip"], attributes["destination.port"], "TCP"))"#,
        attributes([
            ("source.ip", AnyValue::from("192.168.14.207")),
            ("source.port", AnyValue::Int(51234)),
            ("destination.ip", AnyValue::from("10.20.30.40")),
            ("destination.port", AnyValue::Int(443)),
        ]),
    );
    bencher.bench_local(|| fixture.run());
}

/// A card number with spaces.
#[divan::bench]
fn is_valid_luhn(bencher: divan::Bencher<'_, '_>) {
    let mut fixture = Fixture::new(
        r#"set(cache["out"], IsValidLuhn(attributes["card"]))"#,
        attributes([("card", AnyValue::from("4111 1111 1111 1111"))]),
    );
    bencher.bench_local(|| fixture.run());
}
