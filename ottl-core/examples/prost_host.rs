//! A host that holds telemetry as `opentelemetry-proto`'s prost types runs an OTTL program on it:
//! decode an `ExportLogsServiceRequest`, convert it into the model, run a compiled program,
//! convert it back, and print the result.
//!
//! `cargo run -p ottl-core --example prost_host --features prost`
//!
//! A real host registers the standard library (`ottl_functions::standard()`); this example
//! defines the one editor it calls, `set`, so it builds from `ottl-core` alone.

use ottl_core::context::ContextKind;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Registry, Signature};
use ottl_core::model::Logs;
use ottl_core::model::prost::opentelemetry_proto::tonic::collector::logs::v1::ExportLogsServiceRequest;
use ottl_core::model::prost::opentelemetry_proto::tonic::common::v1::{
    AnyValue, KeyValue, any_value,
};
use ottl_core::model::prost::opentelemetry_proto::tonic::logs::v1::{
    LogRecord, ResourceLogs, ScopeLogs,
};
use ottl_core::run::{ErrorMode, Program};
use prost::Message;

/// `set(target, value)`: writes a value to a path.
struct Set;

impl Function for Set {
    fn signature(&self) -> Signature {
        Signature::editor("set", "writes a value to a path")
            .param("target", ParamKind::Target)
            .param("value", ParamKind::Value(Kind::Any))
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let set = args.target(0)?.set;
        let value = args.value(1)?.into_getter();
        Ok(Compiled::editor(move |ctx| {
            let value = value(ctx)?.into_owned();
            set(ctx, value)
        }))
    }
}

/// What a client would have sent: one log record, as protobuf bytes.
fn request_bytes() -> Vec<u8> {
    let text = |text: &str| AnyValue {
        value: Some(any_value::Value::StringValue(text.to_owned())),
    };
    let record = LogRecord {
        severity_text: "ERROR".to_owned(),
        severity_number: 17,
        body: Some(text("payment declined")),
        attributes: vec![KeyValue {
            key: "http.status_code".to_owned(),
            value: Some(AnyValue {
                value: Some(any_value::Value::IntValue(502)),
            }),
            key_strindex: 0,
        }],
        ..LogRecord::default()
    };
    let request = ExportLogsServiceRequest {
        resource_logs: vec![ResourceLogs {
            scope_logs: vec![ScopeLogs {
                log_records: vec![record],
                ..ScopeLogs::default()
            }],
            ..ResourceLogs::default()
        }],
    };
    request.encode_to_vec()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut registry = Registry::new();
    registry.insert(Set);
    let program = Program::builder(&registry)
        .statements([
            r#"set(attributes["env"], "prod")"#,
            r#"set(attributes["alert"], true) where attributes["http.status_code"] >= 500"#,
        ])
        .context(ContextKind::Log)
        .error_mode(ErrorMode::Propagate)
        .compile()?
        .program;

    let request = ExportLogsServiceRequest::decode(request_bytes().as_slice())?;
    let mut logs = Logs::try_from(request)?;
    program.run(&mut logs)?;
    let request = ExportLogsServiceRequest::from(logs);

    let record = &request.resource_logs[0].scope_logs[0].log_records[0];
    for attribute in &record.attributes {
        let value = attribute
            .value
            .as_ref()
            .and_then(|value| value.value.as_ref());
        println!("{} = {value:?}", attribute.key);
    }
    Ok(())
}
