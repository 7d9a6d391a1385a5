//! What the checker reports about standard functions before anything runs: literals that a
//! typed getter rejects are errors (the reference evaluates them at parse time), writes that fail
//! on every record are warnings (the reference accepts them and fails while running).

use ottl_core::context::ContextKind;
use ottl_core::diag::Code;
use ottl_core::run::{ErrorMode, Program};

fn compile(context: ContextKind, statement: &str) -> Result<Program, Vec<Code>> {
    Program::compile(
        &[statement],
        &[],
        context,
        ErrorMode::Propagate,
        &ottl_functions::standard(),
    )
    .map_err(|failures| {
        failures
            .into_iter()
            .flat_map(|(_, diagnostics)| diagnostics.into_iter().map(|d| d.code))
            .collect()
    })
}

fn warnings(context: ContextKind, statement: &str) -> Vec<(Code, String)> {
    match compile(context, statement) {
        Ok(program) => program
            .warnings()
            .iter()
            .map(|(_, w)| (w.code, statement[w.primary.span.range()].to_owned()))
            .collect(),
        Err(codes) => panic!("{statement} was rejected: {codes:?}"),
    }
}

#[test]
fn a_literal_a_typed_getter_rejects_is_an_error() {
    for statement in [
        r#"set(attributes["x"], ToLowerCase(1))"#,
        r#"set(attributes["x"], SHA256(nil))"#,
        r#"set(attributes["x"], Substring("abc", "1", 1))"#,
        r#"set(attributes["x"], Concat("a", "-"))"#,
        r#"set(attributes["x"], HasPrefix(body, 1))"#,
        r#"merge_maps(attributes, "x", "upsert")"#,
    ] {
        assert_eq!(
            compile(ContextKind::Log, statement).err(),
            Some(vec![Code::InvalidArgument]),
            "{statement}"
        );
    }
    assert!(
        compile(
            ContextKind::Log,
            r#"set(attributes["x"], ToLowerCase(body))"#
        )
        .is_ok()
    );
}

#[test]
fn setting_a_path_to_a_literal_it_never_takes_is_a_warning() {
    assert_eq!(
        warnings(ContextKind::Log, r#"set(severity_number, "9")"#),
        [(Code::FailsOnEveryRecord, r#""9""#.to_owned())]
    );
    assert_eq!(
        warnings(ContextKind::Span, "set(name, 1)"),
        [(Code::FailsOnEveryRecord, "1".to_owned())]
    );
    assert_eq!(
        warnings(ContextKind::Log, r#"set(attributes, "x")"#),
        [(Code::FailsOnEveryRecord, r#""x""#.to_owned())]
    );
    for statement in [
        "set(attributes, nil)",
        r#"set(attributes["k"], 1)"#,
        r#"set(body, {"a": 1})"#,
        "set(severity_number, SEVERITY_NUMBER_WARN)",
        "set(severity_number, 9)",
        r#"set(severity_text, "warn") where severity_number == 13"#,
    ] {
        assert_eq!(warnings(ContextKind::Log, statement), [], "{statement}");
    }
    // `metric.type` ignores what it is given, so nothing fails.
    assert_eq!(warnings(ContextKind::Metric, r#"set(type, "x")"#), []);
}
