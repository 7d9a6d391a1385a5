//! The syntax corpus in `testdata/syntax/`: every valid input parses and survives the printer's
//! round trip; every invalid input is rejected with diagnostics that point inside it.

use ottl_core::diag::Diagnostics;
use ottl_core::syntax::{ClearSpans, parse_condition, parse_statement};
use std::fs;
use std::path::{Path, PathBuf};

fn corpus(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../testdata/syntax")
        .join(dir);
    let mut files: Vec<PathBuf> = fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("reading {}: {e}", root.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ottl"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .ottl files in {}", root.display());
    files
}

/// The inputs of a valid-corpus file: one per line, `#` comments and blank lines skipped.
fn lines(path: &Path) -> Vec<(usize, String)> {
    fs::read_to_string(path)
        .expect("readable corpus file")
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
        .map(|(n, line)| (n + 1, line.to_owned()))
        .collect()
}

fn check_round_trip<T: ClearSpans + PartialEq + std::fmt::Debug + std::fmt::Display>(
    parse: fn(&str) -> Result<T, Diagnostics>,
    dir: &str,
) -> usize {
    let mut failures = Vec::new();
    let mut count = 0;
    for file in corpus(dir) {
        for (line, source) in lines(&file) {
            count += 1;
            let place = format!("{}:{line}: {source}", file.display());
            let mut ast = match parse(&source) {
                Ok(ast) => ast,
                Err(errors) => {
                    failures.push(format!("{place}\n    rejected: {errors}"));
                    continue;
                }
            };
            let printed = ast.to_string();
            match parse(&printed) {
                Ok(mut reparsed) => {
                    ast.clear_spans();
                    reparsed.clear_spans();
                    if ast != reparsed {
                        failures.push(format!("{place}\n    printed as {printed}\n    which parses to a different tree"));
                    }
                }
                Err(errors) => failures.push(format!(
                    "{place}\n    printed as {printed}\n    which is rejected: {errors}"
                )),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} inputs failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    count
}

#[test]
fn valid_statements_parse_and_round_trip() {
    let count = check_round_trip(parse_statement, "valid/statements");
    assert!(count >= 200, "only {count} statements");
}

#[test]
fn valid_conditions_parse_and_round_trip() {
    let count = check_round_trip(parse_condition, "valid/conditions");
    assert!(count >= 100, "only {count} conditions");
}

fn check_rejected<T: std::fmt::Debug>(parse: fn(&str) -> Result<T, Diagnostics>, dir: &str) {
    let mut failures = Vec::new();
    for file in corpus(dir) {
        let text = fs::read_to_string(&file).expect("readable corpus file");
        let source = text.strip_suffix('\n').unwrap_or(&text);
        match parse(source) {
            Ok(ast) => failures.push(format!("{}: accepted as {ast:?}", file.display())),
            Err(diagnostics) => {
                for d in diagnostics.iter() {
                    let spans =
                        std::iter::once(d.primary.span).chain(d.secondary.iter().map(|l| l.span));
                    for span in spans {
                        if span.start > span.end || span.end > source.len() {
                            failures.push(format!(
                                "{}: span {span:?} outside the input",
                                file.display()
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn invalid_statements_are_rejected_inside_the_input() {
    check_rejected(parse_statement, "invalid/statements");
}

#[test]
fn invalid_conditions_are_rejected_inside_the_input() {
    check_rejected(parse_condition, "invalid/conditions");
}
