//! Every invalid input of `testdata/syntax/invalid/` is rejected, and its rendered diagnostic is
//! pinned: a change in wording, span or help shows up as a snapshot diff.

use ottl_cli::render::{self, Source};
use ottl_core::diag::Diagnostics;
use ottl_core::syntax::{parse_condition, parse_statement};
use std::path::Path;

fn rendered(path: &Path, parse: impl Fn(&str) -> Result<(), Diagnostics>) -> String {
    let text = std::fs::read_to_string(path).expect("readable corpus file");
    let source = text.strip_suffix('\n').unwrap_or(&text);
    let diagnostics = match parse(source) {
        Ok(()) => panic!("{} was accepted", path.display()),
        Err(diagnostics) => diagnostics.0,
    };
    for d in &diagnostics {
        assert!(
            d.primary.span.end <= source.len(),
            "{}: span past the input",
            path.display()
        );
    }
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("input");
    render::to_string(&Source { name, text: source }, &diagnostics)
}

#[test]
fn invalid_statements() {
    insta::glob!(
        "../../testdata/syntax/invalid",
        "statements/*.ottl",
        |path| {
            insta::assert_snapshot!(rendered(path, |s| parse_statement(s).map(drop)));
        }
    );
}

#[test]
fn invalid_conditions() {
    insta::glob!(
        "../../testdata/syntax/invalid",
        "conditions/*.ottl",
        |path| {
            insta::assert_snapshot!(rendered(path, |s| parse_condition(s).map(drop)));
        }
    );
}
