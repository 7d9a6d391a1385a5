//! Every statement of `testdata/check/statements/` parses but is rejected or warned about when
//! checked in the log context, and its rendered diagnostics are pinned: a change in wording,
//! span or help shows up as a snapshot diff (the parser's own are in `syntax_diagnostics.rs`).

use ottl_cli::render::{self, Source};
use ottl_core::compile::compile_statement;
use ottl_core::context::ContextKind;
use std::path::Path;

fn rendered(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("readable corpus file");
    let source = text.strip_suffix('\n').unwrap_or(&text);
    let registry = ottl_functions::transform::registry(ContextKind::Log);
    let diagnostics = match compile_statement(source, ContextKind::Log, &registry) {
        Ok(statement) => statement.warnings().to_vec(),
        Err(diagnostics) => diagnostics.0,
    };
    assert!(
        !diagnostics.is_empty(),
        "{} checks without a diagnostic",
        path.display()
    );
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("input");
    render::to_string(&Source { name, text: source }, &diagnostics)
}

#[test]
fn checked_statements() {
    insta::glob!("../../testdata/check", "statements/*.ottl", |path| {
        insta::assert_snapshot!(rendered(path));
    });
}
