//! Benchmarks of the parse functions.

use crate::{Fixture, attributes};
use ottl_core::model::{AnyValue, Map};

fn bench(bencher: divan::Bencher<'_, '_>, call: &str, attributes: Map) {
    let mut fixture = Fixture::new(&format!(r#"set(cache["out"], {call})"#), attributes);
    bencher.bench_local(|| fixture.run());
}

const SEVERITY_MAPPING: &str = r#"{"error": [{"range": {"min": 400, "max": 499}}], "debug": [{"range": {"min": 100, "max": 199}}], "info": [{"equals": ["inf", "info"]}, {"range": "2xx"}], "warn": [{"range": {"min": 300, "max": 399}}], "fatal": [{"range": {"min": 500, "max": 599}}]}"#;

#[divan::bench]
fn parse_severity_status(bencher: divan::Bencher<'_, '_>) {
    bench(
        bencher,
        &format!(r#"ParseSeverity(attributes["status"], {SEVERITY_MAPPING})"#),
        attributes([("status", AnyValue::Int(503))]),
    );
}

#[divan::bench]
fn parse_severity_string(bencher: divan::Bencher<'_, '_>) {
    bench(
        bencher,
        &format!(r#"ParseSeverity(attributes["level"], {SEVERITY_MAPPING})"#),
        attributes([("level", AnyValue::from("info"))]),
    );
}

#[divan::bench]
fn extract_patterns_match(bencher: divan::Bencher<'_, '_>) {
    bench(
        bencher,
        r#"ExtractPatterns(attributes["text"], "GIT_SHA=(?P<git_sha>\\w+) BRANCH=(?P<branch>[\\w/-]+)")"#,
        attributes([(
            "text",
            AnyValue::from("kubectl apply k8s.change_cause GIT_SHA=4f2a9c1 BRANCH=release/1.4"),
        )]),
    );
}

#[divan::bench]
fn extract_patterns_no_match(bencher: divan::Bencher<'_, '_>) {
    bench(
        bencher,
        r#"ExtractPatterns(attributes["text"], "GIT_SHA=(?P<git_sha>\\w+)")"#,
        attributes([(
            "text",
            AnyValue::from("GET /api/v1/users/42 HTTP/1.1 200 12ms"),
        )]),
    );
}

/// `ParseKeyValue` and `ParseCSV`.
mod key_value_csv {
    use crate::{Fixture, attributes};
    use ottl_core::model::AnyValue;

    /// A logfmt-style line of eight pairs, one value quoted.
    #[divan::bench]
    fn parse_key_value(bencher: divan::Bencher<'_, '_>) {
        let mut fixture = Fixture::new(
            r#"set(cache["out"], ParseKeyValue(attributes["line"]))"#,
            attributes([(
                "line",
                AnyValue::from(
                    r#"ts=2024-05-01T12:00:00Z level=info method=GET path=/api/v1/orders status=200 duration=12ms user=alice msg="order list served""#,
                ),
            )]),
        );
        bencher.bench_local(|| fixture.run());
    }

    /// A CSV row of six fields, one quoted with the delimiter inside.
    #[divan::bench]
    fn parse_csv(bencher: divan::Bencher<'_, '_>) {
        let mut fixture = Fixture::new(
            r#"set(cache["out"], ParseCSV(attributes["row"], "time,host,method,path,status,agent"))"#,
            attributes([(
                "row",
                AnyValue::from(
                    r#"2024-05-01T12:00:00Z,web-01,GET,/api/v1/orders,200,"Mozilla/5.0 (X11, Linux)""#,
                ),
            )]),
        );
        bencher.bench_local(|| fixture.run());
    }

    /// The same row in `ignoreQuotes` mode: a plain split.
    #[divan::bench]
    fn parse_csv_ignore_quotes(bencher: divan::Bencher<'_, '_>) {
        let mut fixture = Fixture::new(
            r#"set(cache["out"], ParseCSV(attributes["row"], "time,host,method,path,status,agent", mode="ignoreQuotes"))"#,
            attributes([(
                "row",
                AnyValue::from(r#"2024-05-01T12:00:00Z,web-01,GET,/api/v1/orders,200,Mozilla/5.0"#),
            )]),
        );
        bencher.bench_local(|| fixture.run());
    }
}
