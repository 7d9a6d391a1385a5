//! Lambdas: parameters are scoped names, arity is checked against the parameter, a lambda is
//! only an argument of a lambda parameter, and the converters that take one are opt-in.

use ottl_core::compile::compile_statement;
use ottl_core::context::ContextKind;
use ottl_core::function::Registry;
use ottl_core::model::{AnyValue, LogRecord, Logs, Map, ResourceLogs, ScopeLogs};
use ottl_core::run::{ErrorMode, Program};

fn registry() -> Registry {
    let mut registry = ottl_functions::standard();
    ottl_functions::experimental(&mut registry);
    registry
}

fn record() -> Logs {
    let mut labels = Map::new();
    labels.insert("a", AnyValue::Int(1));
    labels.insert("b", AnyValue::from("x"));
    let attributes: Map = [
        (
            "tags",
            AnyValue::Array(vec!["prod".into(), "dev".into(), "prod".into()].into()),
        ),
        (
            "nested",
            AnyValue::Array(
                vec![
                    AnyValue::KvList(labels.clone()),
                    AnyValue::KvList(Map::new()),
                ]
                .into(),
            ),
        ),
        ("labels", AnyValue::KvList(labels)),
    ]
    .into_iter()
    .collect();
    Logs {
        resource_logs: vec![ResourceLogs {
            scope_logs: vec![ScopeLogs {
                log_records: vec![LogRecord {
                    attributes,
                    ..LogRecord::default()
                }],
                ..ScopeLogs::default()
            }],
            ..ResourceLogs::default()
        }],
    }
}

/// `attributes["out"]` after `set(attributes["out"], <value>)` runs on [`record`], as text.
fn eval(value: &str) -> Result<String, String> {
    let statement = format!(r#"set(attributes["out"], {value})"#);
    let program = Program::compile(
        &[statement.as_str()],
        &[],
        ContextKind::Log,
        ErrorMode::Propagate,
        &registry(),
    )
    .map_err(|errors| format!("{errors:?}"))?;
    let mut logs = record();
    program.run(&mut logs).map_err(|error| error.to_string())?;
    let out = logs.resource_logs[0].scope_logs[0].log_records[0]
        .attributes
        .get("out")
        .cloned()
        .unwrap_or(AnyValue::Empty);
    Ok(ottl_core::text::as_string(&out))
}

/// The first diagnostic's message, note and help when `statement` does not compile.
fn refused(statement: &str, registry: &Registry) -> String {
    match compile_statement(statement, ContextKind::Log, registry) {
        Ok(_) => panic!("`{statement}` compiles"),
        Err(diagnostics) => format!("{diagnostics:?}"),
    }
}

#[test]
fn parameters_read_the_element_and_keys_index_into_it() {
    assert_eq!(
        eval(r#"Filter(attributes["tags"], (_, v) => v == "prod")"#).as_deref(),
        Ok(r#"["prod","prod"]"#)
    );
    assert_eq!(
        eval(r#"MapEach(attributes["nested"], (i, m) => m["a"])"#).as_deref(),
        Ok("[1,null]")
    );
    assert_eq!(
        eval(r#"Find(attributes["labels"], (_, v) => v == "x", (k, _) => k)"#).as_deref(),
        Ok("b")
    );
}

#[test]
fn an_inner_lambda_reads_the_outer_ones_parameters() {
    assert_eq!(
        eval(r#"MapEach(attributes["tags"], (i, v) => Any(attributes["tags"], (j, w) => j < i and w == v))"#)
            .as_deref(),
        Ok("[false,false,true]")
    );
}

#[test]
fn a_parameter_shadows_a_path_of_the_same_name_only_inside_the_lambda() {
    assert_eq!(
        eval(r#"Reduce(attributes["tags"], 0, (attributes, _, v) => attributes + 1)"#).as_deref(),
        Ok("3")
    );
}

#[test]
fn a_record_path_that_starts_with_a_parameter_name_still_reads_the_record() {
    assert_eq!(
        eval(r#"Reduce(attributes["tags"], "", (resource, _, v) => Concat([resource, v], ""))"#)
            .as_deref(),
        Ok("proddevprod")
    );
    assert_eq!(
        eval(r#"MapEach(attributes["tags"], (resource, v) => resource.dropped_attributes_count)"#)
            .as_deref(),
        Ok("[0,0,0]")
    );
}

#[test]
fn a_body_error_names_the_element() {
    let error = eval(r#"Reduce(attributes["tags"], 0, (acc, _, v) => acc + v)"#)
        .err()
        .unwrap_or_default();
    assert!(error.contains("slice item 0"), "{error}");
    let error = eval(r#"All(attributes["tags"], (_, v) => v)"#)
        .err()
        .unwrap_or_default();
    assert!(error.contains("must return a bool"), "{error}");
    let error = eval(r#"All("text", (_, v) => true)"#)
        .err()
        .unwrap_or_default();
    assert!(error.contains("unsupported type"), "{error}");
}

#[test]
fn arity_is_checked_against_the_parameter() {
    let message = refused(
        r#"set(attributes["x"], Filter(attributes["tags"], (v) => true))"#,
        &registry(),
    );
    assert!(
        message.contains("takes a lambda of 2 parameters, found 1"),
        "{message}"
    );
    let message = refused(
        r#"set(attributes["x"], When((a) => true, 1, 2))"#,
        &registry(),
    );
    assert!(message.contains("a lambda of 0 parameters"), "{message}");
}

#[test]
fn a_lambda_is_only_an_argument_of_a_lambda_parameter() {
    let message = refused(r#"set(attributes["x"], (k, v) => k)"#, &registry());
    assert!(
        message.contains("only allowed as the argument of a lambda parameter"),
        "{message}"
    );
    let message = refused(
        r#"set(attributes["x"], Concat([(k, v) => k], ""))"#,
        &registry(),
    );
    assert!(message.contains("only allowed"), "{message}");
    let message = refused(
        r#"set(attributes["x"], Filter(attributes["tags"], attributes["f"]))"#,
        &registry(),
    );
    assert!(
        message.contains("must be a lambda of 2 parameters"),
        "{message}"
    );
}

#[test]
fn a_parameter_is_neither_written_nor_read_past_its_lambda() {
    let message = refused(
        r#"set(attributes["x"], Filter(attributes["tags"], (k, v) => v.name == "a"))"#,
        &registry(),
    );
    assert!(message.contains("has no fields"), "{message}");
    let message = refused(
        r#"set(attributes["x"], MapEach(attributes["tags"], (k, v) => v)) where v == 1"#,
        &registry(),
    );
    assert!(message.contains("UnknownPath"), "{message}");
}

#[test]
fn without_the_opt_in_a_lambda_converter_says_how_to_turn_it_on() {
    let message = refused(
        r#"set(attributes["x"], Reduce(attributes["tags"], 0, (acc, _, v) => acc + 1))"#,
        &ottl_functions::standard(),
    );
    assert!(message.contains("ottl.functions.enableLambda"), "{message}");
    assert!(message.contains("--feature-gates"), "{message}");
}
