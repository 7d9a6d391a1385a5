//! Parsing speed on the reference's statement mix (`../shared/bench/PROGRAMS.md`, suite 2): the
//! statements of `BenchmarkStatementSequenceExecuteLogs`, N = 10, 50 and 200.
//!
//! Run with `cargo bench -p ottl-core --bench parse`. Target: all 200 statements under 1 ms.

use ottl_core::syntax::parse_statement;

fn main() {
    divan::main();
}

/// Statement `i` of the reference's log mix.
fn mix_statement(i: usize) -> String {
    match i % 5 {
        0 => format!(
            r#"set(log.attributes["conditional_copy_{i}"], log.attributes["source_{i}"]) where log.attributes["severity_text"] == "error""#
        ),
        1 => format!(
            r#"set(log.attributes["sanitized_{i}"], ToLowerCase(log.attributes["log_message"]))"#
        ),
        2 => format!(r#"set(log.attributes["length_{i}"], Len(log.attributes["source_{i}"]))"#),
        3 => format!(
            r#"set(resource.attributes["resource_copy_{i}"], log.attributes["source_{i}"]) where resource.attributes["deployment.environment"] == "prod""#
        ),
        _ => format!(
            r#"set(log.attributes["has_critical_{i}"], ContainsValue(log.attributes["tags"], "critical"))"#
        ),
    }
}

/// Parses the first `n` statements of the mix, as a host compiling a statement group would.
#[divan::bench(args = [10, 50, 200])]
fn go_mix(bencher: divan::Bencher<'_, '_>, n: usize) {
    let statements: Vec<String> = (0..n).map(mix_statement).collect();
    bencher.bench(|| {
        for statement in &statements {
            divan::black_box(parse_statement(divan::black_box(statement)).is_ok());
        }
    });
}
