//! `otelcol.*`: statements and filter conditions read the request a batch arrived with.

use ottl_core::context::{ContextKind, Request};
use ottl_core::model::{AnyValue, Array, LogRecord, Logs, Map, ResourceLogs, ScopeLogs};
use ottl_core::run::{ErrorMode, FilterConditions, FilterGroup, Program, Run};

fn logs(records: usize) -> Logs {
    Logs {
        resource_logs: vec![ResourceLogs {
            scope_logs: vec![ScopeLogs {
                log_records: vec![LogRecord::default(); records],
                ..Default::default()
            }],
            ..Default::default()
        }],
    }
}

fn request() -> Request {
    let mut client_metadata = Map::new();
    client_metadata.insert(
        "x-tenant",
        AnyValue::Array(Array::from(vec![
            AnyValue::from("acme"),
            AnyValue::from("b"),
        ])),
    );
    let mut auth_attributes = Map::new();
    auth_attributes.insert("subject", AnyValue::from("svc-1"));
    Request {
        client_addr: Some("10.0.0.1:4317".into()),
        auth_attributes,
        client_metadata,
        grpc_metadata: Map::new(),
        ..Request::NONE
    }
}

#[test]
fn statements_read_the_request_and_without_one_read_nil() {
    let program = Program::compile(
        &[
            r#"set(attributes["tenant"], otelcol.client.metadata["x-tenant"][0])"#,
            r#"set(attributes["addr"], otelcol.client.addr)"#,
            r#"set(attributes["subject"], otelcol.client.auth.attributes["subject"])"#,
            r#"set(attributes["grpc"], Len(otelcol.grpc.metadata))"#,
        ],
        &[],
        ContextKind::Log,
        ErrorMode::Propagate,
        &ottl_functions::standard(),
    )
    .expect("compiles");
    let mut batch = logs(1);
    program
        .run_with(&mut batch, Run::reporting(&mut |_| {}).request(&request()))
        .expect("runs");
    let attributes = &batch.resource_logs[0].scope_logs[0].log_records[0].attributes;
    assert_eq!(attributes.get("tenant"), Some(&AnyValue::from("acme")));
    assert_eq!(
        attributes.get("addr"),
        Some(&AnyValue::from("10.0.0.1:4317"))
    );
    assert_eq!(attributes.get("subject"), Some(&AnyValue::from("svc-1")));
    assert_eq!(attributes.get("grpc"), Some(&AnyValue::Int(0)));

    let mut batch = logs(1);
    program.run(&mut batch).expect("runs");
    let attributes = &batch.resource_logs[0].scope_logs[0].log_records[0].attributes;
    assert_eq!(attributes.get("addr"), Some(&AnyValue::Empty));
    assert_eq!(attributes.get("tenant"), Some(&AnyValue::Empty));
}

#[test]
fn filter_conditions_read_the_request() {
    let conditions = FilterConditions::compile(
        &[r#"otelcol.client.addr == "10.0.0.1:4317""#],
        ContextKind::Log,
        ErrorMode::Propagate,
        &ottl_functions::filter::registry(ContextKind::Log),
    )
    .expect("compiles");
    let group =
        FilterGroup::new(ottl_core::context::Signal::Logs, vec![conditions]).expect("a logs group");
    let mut batch = logs(2);
    group.filter_logs(&mut batch, &mut |_| {}).expect("runs");
    assert_eq!(batch.resource_logs.len(), 1, "no request: nothing matches");
    group
        .filter_logs_for(&mut batch, &request(), 0, &mut |_| {})
        .expect("runs");
    assert!(batch.resource_logs.is_empty(), "every record matched");
}

#[test]
fn request_paths_are_read_only_and_checked() {
    let compile = |statement: &str| {
        Program::compile(
            &[statement],
            &[],
            ContextKind::Span,
            ErrorMode::Propagate,
            &ottl_functions::standard(),
        )
        .err()
        .map(|failures| {
            failures
                .into_iter()
                .flat_map(|(_, d)| d.into_iter().map(|d| d.code.id()))
                .collect::<Vec<_>>()
        })
    };
    assert_eq!(
        compile(r#"set(otelcol.client.addr, "x")"#),
        Some(vec!["E0108"])
    );
    assert_eq!(
        compile(r#"delete_key(otelcol.client.metadata, "x")"#),
        Some(vec!["E0108"])
    );
    assert_eq!(
        compile(r#"set(attributes["a"], otelcol.client.adress)"#),
        Some(vec!["E0101"])
    );
    assert_eq!(
        compile(r#"set(attributes["a"], otelcol.client.addr)"#),
        None
    );
}
