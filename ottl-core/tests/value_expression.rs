//! Standalone value expressions: parsed, checked and computed from a record.

use ottl_core::compile::compile_value;
use ottl_core::context::ContextKind;
use ottl_core::diag::Code;
use ottl_core::function::Registry;
use ottl_core::syntax::parse_value;

#[test]
fn a_value_expression_is_parsed_with_math_lists_and_maps() {
    for source in [
        r#"attributes["size"] * 2 + 1"#,
        r#"[1, "a", attributes["x"]]"#,
        r#"{"k": body}"#,
        "nil",
        "-1.5",
    ] {
        assert!(parse_value(source).is_ok(), "{source}");
    }
}

#[test]
fn a_statement_or_a_condition_is_not_a_value_expression() {
    for source in [r#"set(attributes["a"], 1)"#, "1 == 1", "1 +", ""] {
        let diagnostics = parse_value(source).err();
        assert!(diagnostics.is_some(), "{source} parsed");
    }
}

#[test]
fn a_value_expression_is_checked_against_the_context() {
    let registry = Registry::new();
    assert!(compile_value(r#"attributes["size"]"#, ContextKind::Log, &registry).is_ok());
    let errors = compile_value("name", ContextKind::Log, &registry).err();
    let codes: Vec<Code> = errors
        .map(|d| d.0.iter().map(|d| d.code).collect())
        .unwrap_or_default();
    assert_eq!(codes, [Code::UnknownPath]);
}
