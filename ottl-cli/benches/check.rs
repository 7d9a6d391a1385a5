//! `ottl check` on generated collector configurations of 1 000 and 10 000 statements: the time
//! must grow linearly with the number of statements (target: 1 000 under 50 ms).
//!
//! Run with `cargo bench -p ottl-cli --bench check`.

fn main() {
    divan::main();
}

/// A transform processor with `n` statements in one log group, each with a where clause, as
/// a large real configuration has them (a literal regex each, so none is shared).
fn config(n: usize) -> String {
    let mut text = String::from(
        "processors:\n  transform:\n    log_statements:\n      - context: log\n        statements:\n",
    );
    for i in 0..n {
        text.push_str(&format!(
            "          - set(attributes[\"k{i}\"], Concat([attributes[\"a\"], \"{i}\"], \"-\")) \
             where IsMatch(body, \"^x{i}\")\n"
        ));
    }
    text
}

#[divan::bench(args = [1_000, 10_000], sample_count = 5, sample_size = 1)]
fn check_generated(bencher: divan::Bencher<'_, '_>, n: usize) {
    let text = config(n);
    bencher.bench(|| {
        let checked = ottl_cli::check::check_config("gen.yaml".into(), text.clone());
        assert!(checked.findings.is_empty());
    });
}
