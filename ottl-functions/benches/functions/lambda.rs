//! Benchmarks of the lambda converters: a body runs per element, its parameters bound in a
//! reusable frame, so a loop allocates only what the body and the result need.

use crate::{Fixture, attributes};
use ottl_core::model::{AnyValue, Map};

/// `sizes`: a list of 20 ints.
fn sizes() -> Map {
    let sizes: Vec<AnyValue> = (0..20).map(|i| AnyValue::Int(i * 100)).collect();
    attributes([("sizes", AnyValue::Array(sizes.into()))])
}

fn bench(bencher: divan::Bencher<'_, '_>, call: &str) {
    let mut fixture = Fixture::new(&format!(r#"set(cache["out"], {call})"#), sizes());
    bencher.bench_local(|| fixture.run());
}

/// The issue's benchmark: a sum by `Reduce` over 20 ints.
#[divan::bench]
fn reduce_sum_20_ints(bencher: divan::Bencher<'_, '_>) {
    bench(
        bencher,
        r#"Reduce(attributes["sizes"], 0, (acc, _, v) => acc + v)"#,
    );
}

/// A predicate over 20 ints that holds for none, so every element runs.
#[divan::bench]
fn any_20_ints(bencher: divan::Bencher<'_, '_>) {
    bench(bencher, r#"Any(attributes["sizes"], (_, v) => v > 5000)"#);
}

/// A new list of 20 ints.
#[divan::bench]
fn map_each_20_ints(bencher: divan::Bencher<'_, '_>) {
    bench(bencher, r#"MapEach(attributes["sizes"], (_, v) => v * 2)"#);
}

/// A body that reads no parameter, none bound: the cost of one call alone (frame push, body,
/// pop), per element.
#[divan::bench]
fn reduce_blank_20_ints(bencher: divan::Bencher<'_, '_>) {
    bench(bencher, r#"Reduce(attributes["sizes"], 0, (_, _, _) => 1)"#);
}

/// `items`: a list of 20 maps of 5 entries, as a parsed JSON array of objects holds.
fn items() -> Map {
    let items: Vec<AnyValue> = (0..20)
        .map(|i| {
            let mut item = Map::new();
            item.insert("id", AnyValue::Int(i));
            item.insert("name", AnyValue::from("a name longer than inline"));
            item.insert("ok", AnyValue::Bool(i % 2 == 0));
            item.insert("n", AnyValue::Int(i * 10));
            item.insert("tags", AnyValue::Array(vec![AnyValue::from("x")].into()));
            AnyValue::KvList(item)
        })
        .collect();
    attributes([("items", AnyValue::Array(items.into()))])
}

/// A predicate over 20 maps read from a path: each element is read in place, never copied.
#[divan::bench]
fn any_20_maps(bencher: divan::Bencher<'_, '_>) {
    let call = r#"Any(attributes["items"], (_, v) => v["n"] > 1000)"#;
    let mut fixture = Fixture::new(&format!(r#"set(cache["out"], {call})"#), items());
    bencher.bench_local(|| fixture.run());
}
