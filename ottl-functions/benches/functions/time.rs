//! Benchmarks of the time functions: parsing a timestamp out of a log attribute with an
//! offset, formatting the record's time, and the duration and calendar conversions.

use crate::{Fixture, attributes};
use ottl_core::model::{AnyValue, Map};

/// A log record's attributes with a timestamp in text.
fn record() -> Map {
    attributes([
        ("ts", AnyValue::from("2023-05-26T12:34:56+0530")),
        ("dur", AnyValue::from("1h2m3.5s")),
    ])
}

fn run(bencher: divan::Bencher<'_, '_>, call: &str) {
    let mut fixture = Fixture::new(&format!(r#"set(cache["out"], {call})"#), record());
    bencher.bench_local(|| fixture.run());
}

/// The issue's parse: `%z` with an offset, the format compiled once.
#[divan::bench]
fn time_parse_offset(bencher: divan::Bencher<'_, '_>) {
    run(
        bencher,
        r#"UnixNano(Time(attributes["ts"], "%Y-%m-%dT%H:%M:%S%z"))"#,
    );
}

/// Writing the parsed time into the record's `time`.
#[divan::bench]
fn time_parse_set_time(bencher: divan::Bencher<'_, '_>) {
    let mut fixture = Fixture::new(
        r#"set(time, Time(attributes["ts"], "%Y-%m-%dT%H:%M:%S%z"))"#,
        record(),
    );
    bencher.bench_local(|| fixture.run());
}

/// A zoneless text placed in a named zone.
#[divan::bench]
fn time_parse_location(bencher: divan::Bencher<'_, '_>) {
    run(
        bencher,
        r#"UnixNano(Time("2023-05-26 12:34:56", "%Y-%m-%d %H:%M:%S", "America/New_York"))"#,
    );
}

/// The issue's format: the record's time as a date.
#[divan::bench]
fn format_time_date(bencher: divan::Bencher<'_, '_>) {
    run(bencher, r#"FormatTime(time, "%Y-%m-%d")"#);
}

#[divan::bench]
fn duration_to_seconds(bencher: divan::Bencher<'_, '_>) {
    run(bencher, r#"Seconds(Duration(attributes["dur"]))"#);
}

#[divan::bench]
fn truncate_hour(bencher: divan::Bencher<'_, '_>) {
    run(bencher, r#"UnixNano(TruncateTime(time, Duration("1h")))"#);
}

#[divan::bench]
fn weekday(bencher: divan::Bencher<'_, '_>) {
    run(bencher, "Weekday(time)");
}
