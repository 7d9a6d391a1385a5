//! Benchmarks of the parse functions.

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
