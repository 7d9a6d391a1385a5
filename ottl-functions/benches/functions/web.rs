//! Benchmarks of the web, grok and log-parser functions: `UserAgent` over 10 000 generated
//! agents, `URL`, `ExtractGrokPatterns` with `%{COMMONAPACHELOG}`, `ParseCLF`, `ParseCEF`.

use crate::agents::agents;
use crate::{Fixture, attributes};
use ottl_core::context::ContextKind;
use ottl_core::model::{AnyValue, LogRecord, Logs, Map, ResourceLogs, ScopeLogs};
use ottl_core::run::{ErrorMode, Program};

fn bench(bencher: divan::Bencher<'_, '_>, call: &str, attributes: Map) {
    let mut fixture = Fixture::new(&format!(r#"set(cache["out"], {call})"#), attributes);
    bencher.bench_local(|| fixture.run());
}

/// How many agents the `UserAgent` bench parses per iteration.
const AGENTS: usize = 10_000;

/// `UserAgent` on 10 000 varied agents (browsers on desktop and mobile systems, bots, tools
/// and apps), one per record, in one run; divan reports the time per agent.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn user_agent_10k(bencher: divan::Bencher<'_, '_>) {
    let registry = ottl_functions::standard();
    let program = Program::compile(
        &[r#"set(cache["out"], UserAgent(attributes["ua"]))"#],
        &[],
        ContextKind::Log,
        ErrorMode::Propagate,
        &registry,
    )
    .unwrap_or_else(|errors| panic!("{errors:?}"));
    let log_records = agents(AGENTS)
        .into_iter()
        .map(|agent| LogRecord {
            attributes: attributes([("ua", AnyValue::Str(agent.into()))]),
            ..LogRecord::default()
        })
        .collect();
    let mut logs = Logs {
        resource_logs: vec![ResourceLogs {
            scope_logs: vec![ScopeLogs {
                log_records,
                ..ScopeLogs::default()
            }],
            ..ResourceLogs::default()
        }],
    };
    // The first run compiles every rule the agents need; the bench measures the steady state.
    let _ = program.run(&mut logs);
    bencher
        .counter(divan::counter::ItemsCount::new(AGENTS))
        .bench_local(|| {
            let result = program.run(&mut logs);
            divan::black_box(result.is_ok());
        });
}

/// `UserAgent` on one common desktop Chrome agent, again and again.
#[divan::bench]
fn user_agent_chrome(bencher: divan::Bencher<'_, '_>) {
    bench(
        bencher,
        r#"UserAgent(attributes["ua"])"#,
        attributes([(
            "ua",
            AnyValue::from(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
            ),
        )]),
    );
}

#[divan::bench]
fn url(bencher: divan::Bencher<'_, '_>) {
    bench(
        bencher,
        r#"URL(attributes["url"])"#,
        attributes([(
            "url",
            AnyValue::from("https://user:pw@www.example.com:8443/a/b/report.pdf?id=7&lang=en#top"),
        )]),
    );
}

const APACHE_LINE: &str =
    r#"127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326"#;

/// `%{COMMONAPACHELOG}` with every capture (`namedCapturesOnly` false: 30 groups returned).
#[divan::bench]
fn grok_common_apache_log(bencher: divan::Bencher<'_, '_>) {
    bench(
        bencher,
        r#"ExtractGrokPatterns(attributes["line"], "%{COMMONAPACHELOG}")"#,
        attributes([("line", AnyValue::from(APACHE_LINE))]),
    );
}

/// `%{COMMONAPACHELOG}` with its named captures only (9 fields, two of them ints).
#[divan::bench]
fn grok_common_apache_log_named(bencher: divan::Bencher<'_, '_>) {
    bench(
        bencher,
        r#"ExtractGrokPatterns(attributes["line"], "%{COMMONAPACHELOG}", true)"#,
        attributes([("line", AnyValue::from(APACHE_LINE))]),
    );
}

/// The log parsers run in the transform processor's log context.
fn log_bench(bencher: divan::Bencher<'_, '_>, call: &str, text: &str) {
    let registry = ottl_functions::transform::registry(ContextKind::Log);
    let program = Program::compile(
        &[&format!(r#"set(cache["out"], {call})"#)],
        &[],
        ContextKind::Log,
        ErrorMode::Propagate,
        &registry,
    )
    .unwrap_or_else(|errors| panic!("{call}: {errors:?}"));
    let mut logs = Logs {
        resource_logs: vec![ResourceLogs {
            scope_logs: vec![ScopeLogs {
                log_records: vec![LogRecord {
                    attributes: attributes([("line", AnyValue::from(text))]),
                    ..LogRecord::default()
                }],
                ..ScopeLogs::default()
            }],
            ..ResourceLogs::default()
        }],
    };
    bencher.bench_local(|| {
        let result = program.run(&mut logs);
        divan::black_box(result.is_ok());
    });
}

#[divan::bench]
fn parse_clf_combined(bencher: divan::Bencher<'_, '_>) {
    log_bench(
        bencher,
        r#"ParseCLF(attributes["line"], "combined")"#,
        r#"10.0.0.5 - - [04/Dec/2026:22:11:05 +0000] "POST /api/v1/items?id=7 HTTP/1.1" 201 512 "https://example.com/start" "Mozilla/5.0 (X11; Linux x86_64) Firefox/115.0""#,
    );
}

#[divan::bench]
fn parse_cef(bencher: divan::Bencher<'_, '_>) {
    log_bench(
        bencher,
        r#"ParseCEF(attributes["line"])"#,
        "CEF:0|Cisco|ASA|9.8|FirewallDeny|Connection denied|7|src=10.1.1.1 dst=192.168.1.1 spt=12345 dpt=443 proto=TCP act=blocked",
    );
}
