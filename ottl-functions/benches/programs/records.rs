//! The records the programs run over.

use ottl_core::model::json;
use ottl_core::model::{
    AnyValue, Array, InstrumentationScope, LogRecord, Logs, Map, Resource, ResourceLogs, ScopeLogs,
    Str,
};
use std::path::PathBuf;
use std::process::Command;

/// `gen_logs.py --records <records>` decoded: one ResourceLogs per record, generated once into
/// `target/otlp-bench/` (the codec bench shares the file).
pub(crate) fn load(records: usize) -> Option<Logs> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let path = manifest.join(format!("../target/otlp-bench/logs-{records}.json"));
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(_) => {
            let generator = manifest.join("../../shared/bench/gen_logs.py");
            let output = Command::new("python3")
                .arg(&generator)
                .args(["--records", &records.to_string()])
                .output()
                .ok()?;
            if !output.status.success() {
                return None;
            }
            let _ = std::fs::create_dir_all(path.parent()?);
            let _ = std::fs::write(&path, &output.stdout);
            output.stdout
        }
    };
    json::decode_logs(&bytes).ok()
}

/// The log record of the Go reference's statement-mix benchmark, with `source_<k>` for
/// `k < n`.
pub(crate) fn mix_record(n: usize) -> Logs {
    let text = |s: &str| AnyValue::Str(Str::from(s));
    let mut resource = Resource::default();
    resource
        .attributes
        .insert("service.name", text("benchmark-service"));
    resource
        .attributes
        .insert("deployment.environment", text("prod"));
    resource
        .attributes
        .insert("cloud.region", text("us-west-2"));
    let mut scope = InstrumentationScope {
        name: Str::from("benchmark-scope"),
        version: Str::from("1.0.0"),
        ..Default::default()
    };
    scope.attributes.insert("scope_attr", text("logs"));
    let mut attributes = Map::new();
    attributes.insert(
        "log_message",
        text("user=alice password=secret region=us-west-2"),
    );
    attributes.insert("severity_text", text("error"));
    attributes.insert(
        "tags",
        AnyValue::Array(Array::from(vec![text("prod"), text("critical")])),
    );
    for k in 0..n {
        attributes.insert(format!("source_{k}").as_str(), text(&format!("value_{k}")));
    }
    let log = LogRecord {
        time_unix_nano: 1_710_000_000_000_000_000,
        observed_time_unix_nano: 1_710_000_000_000_000_000,
        body: text("benchmark log record"),
        attributes,
        ..Default::default()
    };
    Logs {
        resource_logs: vec![ResourceLogs {
            resource,
            scope_logs: vec![ScopeLogs {
                scope,
                log_records: vec![log],
                ..Default::default()
            }],
            ..Default::default()
        }],
    }
}
