//! The embedding API: `Program::builder`, `Program::run` over any `Batch`, `Run` options.

use ottl_core::context::{ContextKind, Request};
use ottl_core::diag::Code;
use ottl_core::model::json::{self, Document};
use ottl_core::model::{AnyValue, LogRecord, Logs, ResourceLogs, ScopeLogs};
use ottl_core::run::{
    CompileError, ErrorMode, Observer, Origin, Outcome, Program, Run, StatementError,
};

fn logs(bodies: &[&str]) -> Logs {
    Logs {
        resource_logs: vec![ResourceLogs {
            scope_logs: vec![ScopeLogs {
                log_records: bodies
                    .iter()
                    .map(|body| LogRecord {
                        body: AnyValue::from(*body),
                        ..LogRecord::default()
                    })
                    .collect(),
                ..ScopeLogs::default()
            }],
            ..ResourceLogs::default()
        }],
    }
}

fn body(logs: &Logs, i: usize) -> String {
    let record = &logs.resource_logs[0].scope_logs[0].log_records[i];
    format!("{:?}", record.body)
}

#[test]
fn statements_and_conditions_are_numbered_apart() {
    let registry = ottl_functions::standard();
    let error = Program::builder(&registry)
        .statements([r#"set(log.body, "a")"#, r#"set(log.nope, "b")"#])
        .conditions([r#"IsMatch(log.body, "(")"#])
        .infer_context()
        .compile()
        .err();
    let found: Vec<_> = error
        .iter()
        .flat_map(CompileError::problems)
        .map(|p| (p.origin, p.text.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (Origin::Statement(1), r#"set(log.nope, "b")"#),
            (Origin::Condition(0), r#"IsMatch(log.body, "(")"#),
        ]
    );
    let rendered = error.map(|e| e.to_string()).unwrap_or_default();
    assert!(rendered.contains("statement 1"), "{rendered}");
    assert!(rendered.contains("condition 0"), "{rendered}");
}

#[test]
fn gated_functions_need_their_gate() {
    let registry = ottl_functions::standard();
    let statement = r#"set(log.attributes["n"], Reduce([1, 2, 3], 0, (acc, _, v) => acc + v))"#;
    let refused = Program::builder(&registry)
        .statements([statement])
        .infer_context()
        .compile()
        .err();
    let problems: Vec<_> = refused.iter().flat_map(CompileError::problems).collect();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].diagnostic.code, Code::UnknownFunction);
    let help = problems[0].diagnostic.help.clone().unwrap_or_default();
    assert!(help.contains(ottl_functions::LAMBDA_GATE), "{help}");

    let compiled = Program::builder(&registry)
        .statements([statement])
        .infer_context()
        .feature_gates([ottl_functions::LAMBDA_GATE])
        .compile();
    assert!(compiled.is_ok(), "{compiled:?}");
    let unknown = Program::builder(&registry)
        .context(ContextKind::Log)
        .feature_gates(["ottl.nope"])
        .compile()
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(unknown.contains(ottl_functions::LAMBDA_GATE), "{unknown}");
}

#[test]
fn failures_under_ignore_are_counted_per_statement() -> Result<(), Box<dyn std::error::Error>> {
    let registry = ottl_functions::standard();
    let program = Program::builder(&registry)
        .statements([r#"set(log.attributes["p"], ParseJSON(log.body))"#])
        .context(ContextKind::Log)
        .compile()?
        .program;
    let mut batch = logs(&["{}", "x", "y", "z"]);
    let failures = program.run(&mut batch)?;
    let counted: Vec<_> = failures
        .iter()
        .map(|f| (f.count, f.first.record.as_str()))
        .collect();
    assert_eq!(counted, [(3, "resourceLogs[0].scopeLogs[0].logRecords[1]")]);
    assert!(
        failures.to_string().contains("failed on 3 records"),
        "{failures}"
    );
    Ok(())
}

#[test]
fn propagate_stops_at_the_first_failure() -> Result<(), Box<dyn std::error::Error>> {
    let registry = ottl_functions::standard();
    let program = Program::builder(&registry)
        .statements([r#"set(log.attributes["p"], ParseJSON(log.body))"#])
        .context(ContextKind::Log)
        .error_mode(ErrorMode::Propagate)
        .compile()?
        .program;
    let failed = program.run(&mut logs(&["{}", "x"])).err();
    assert_eq!(
        failed.map(|e| e.record),
        Some("resourceLogs[0].scopeLogs[0].logRecords[1]".to_owned())
    );
    Ok(())
}

/// Counts the statements that ran.
#[derive(Default)]
struct Ran(usize);

impl Observer for Ran {
    fn after(
        &mut self,
        _: usize,
        outcome: Outcome<'_>,
        _: &ottl_core::context::TransformContext<'_>,
    ) {
        if matches!(outcome, Outcome::Ran) {
            self.0 += 1;
        }
    }
}

#[test]
fn a_run_takes_a_request_and_an_observer() -> Result<(), Box<dyn std::error::Error>> {
    let registry = ottl_functions::standard();
    let program = Program::builder(&registry)
        .statements([r#"set(log.body, otelcol.client.addr) where otelcol.client.addr != nil"#])
        .context(ContextKind::Log)
        .compile()?
        .program;
    let request = Request {
        client_addr: Some("10.0.0.1:4317".into()),
        ..Request::NONE
    };
    let mut batch = logs(&["a", "b"]);
    let mut failures: Vec<StatementError> = Vec::new();
    let mut ran = Ran::default();
    let mut report = |failure| failures.push(failure);
    let run = Run::reporting(&mut report)
        .request(&request)
        .observer(&mut ran);
    program.run_with(&mut batch, run)?;
    assert_eq!(ran.0, 2);
    assert!(failures.is_empty());
    assert_eq!(body(&batch, 1), body(&logs(&["10.0.0.1:4317"]), 0));
    Ok(())
}

#[test]
fn a_decoded_document_is_a_batch() -> Result<(), Box<dyn std::error::Error>> {
    let registry = ottl_functions::standard();
    let program = Program::builder(&registry)
        .statements([r#"set(span.name, "renamed")"#])
        .infer_context()
        .compile()?
        .program;
    let mut document = json::decode(
        br#"{"resourceSpans":[{"scopeSpans":[{"spans":[{"name":"a","traceId":"","spanId":""}]}]}]}"#,
    )?;
    program.run(&mut document)?;
    let Document::Traces(traces) = &document else {
        return Err("decoded as another signal".into());
    };
    assert_eq!(
        traces.resource_spans[0].scope_spans[0].spans[0]
            .name
            .as_str(),
        "renamed"
    );
    // A log program over traces runs on nothing.
    let logs_only = Program::builder(&registry)
        .statements([r#"set(log.body, "x")"#])
        .infer_context()
        .compile()?
        .program;
    let before = document.clone();
    logs_only.run(&mut document)?;
    assert_eq!(document, before);
    Ok(())
}
