//! `UUID()`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, Signature};
use ottl_core::value::Value;

/// `UUID()` — a new random (version 4) UUID in its lowercase 36-character form, different on
/// every call.
pub struct Uuid;

impl Function for Uuid {
    fn signature(&self) -> Signature {
        Signature::converter("UUID", Kind::String, "a new random (version 4) UUID")
            .example("Len(UUID())", "36")
            .example(
                r#"IsMatch(UUID(), "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")"#,
                "true",
            )
    }

    fn compile(&self, _args: Args) -> Result<Compiled, Diagnostic> {
        Ok(Compiled::converter(|_| {
            Ok(canonical(uuid::Uuid::new_v4()))
        }))
    }
}

/// `id` in the lowercase hyphenated form, written on the stack and copied once into the value.
pub(super) fn canonical(id: uuid::Uuid) -> Value<'static> {
    let mut buffer = uuid::Uuid::encode_buffer();
    Value::string(&*id.hyphenated().encode_lower(&mut buffer))
}

#[cfg(test)]
pub(super) mod tests {
    use ottl_core::context::ContextKind;
    use ottl_core::model::{AnyValue, LogRecord, Logs, ResourceLogs, ScopeLogs};
    use ottl_core::run::{ErrorMode, Program};

    /// The values `set(attributes["id"], <call>)` stores on each of three records.
    pub(in crate::converters::ids) fn three_ids(call: &str) -> Vec<String> {
        let statement = format!(r#"set(attributes["id"], {call})"#);
        let program = Program::compile(
            &[statement.as_str()],
            &[],
            ContextKind::Log,
            ErrorMode::Propagate,
            &crate::standard(),
        )
        .unwrap_or_else(|errors| panic!("{statement}: {errors:?}"));
        let mut logs = Logs {
            resource_logs: vec![ResourceLogs {
                scope_logs: vec![ScopeLogs {
                    log_records: vec![LogRecord::default(); 3],
                    ..ScopeLogs::default()
                }],
                ..ResourceLogs::default()
            }],
        };
        assert!(program.run(&mut logs).is_ok());
        logs.resource_logs[0].scope_logs[0]
            .log_records
            .iter()
            .map(|record| match record.attributes.get("id") {
                Some(AnyValue::Str(id)) => id.to_string(),
                other => panic!("{call} stored {other:?}"),
            })
            .collect()
    }

    #[test]
    fn every_call_gives_a_new_uuid() {
        let ids = three_ids("UUID()");
        assert!(ids[0] != ids[1] && ids[1] != ids[2] && ids[0] != ids[2], "{ids:?}");
        for id in &ids {
            assert_eq!(id.len(), 36);
            assert_eq!(&id[14..15], "4", "{id}");
            assert_eq!(id.to_lowercase(), *id);
        }
    }
}
