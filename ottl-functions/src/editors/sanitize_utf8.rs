//! `sanitize_utf8(target, [replacement])` — experimental in the reference.

use ottl_core::RuntimeErrorKind;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, ParamKind, Signature};
use ottl_core::value::Value;

/// `sanitize_utf8(target, [replacement])` — replaces each run of invalid UTF-8 in the strings
/// of `target` (a string, or every string and key inside a map or list) with `replacement`
/// (default `"�"`).
///
/// Strings here are always valid UTF-8: the decoders turn what is not into U+FFFD when a record
/// is read, string literals are Unicode, and functions that cut text keep it valid. So the
/// function changes nothing; it keeps the reference's checks: the target must be nil, a
/// scalar, bytes (left alone), a string, a map or a list, and anything else (an id, a time, a
/// duration, a whole object) fails.
///
/// The reference registers it only with the feature gate `pkg.ottl.functions.enableExperimental`;
/// here it is added by [`experimental`](crate::experimental), not by
/// [`standard`](crate::standard).
pub struct SanitizeUtf8;

impl Function for SanitizeUtf8 {
    fn signature(&self) -> Signature {
        Signature::editor(
            "sanitize_utf8",
            "replaces invalid UTF-8 in strings, map keys and list items",
        )
        .param("target", ParamKind::Target)
        .optional("replacement", ParamKind::String)
        .edit_example(
            r#"sanitize_utf8(attributes["s"])"#,
            r#"{"s": "héllo 世界"}"#,
            r#"{"s": "héllo 世界"}"#,
        )
        .edit_example(
            r#"sanitize_utf8(attributes, "?")"#,
            r#"{"m": {"k": "\ufffd"}, "n": 1}"#,
            r#"{"m": {"k": "\ufffd"}, "n": 1}"#,
        )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.target(0)?;
        // A string literal is Unicode text, so the reference's check that the replacement is
        // valid UTF-8 always passes here.
        let _replacement = args.optional_string(1)?;
        Ok(Compiled::editor(move |ctx| match (target.get)(ctx)? {
            Value::Nil
            | Value::Bool(_)
            | Value::Int(_)
            | Value::Double(_)
            | Value::Bytes(_)
            | Value::Str(_)
            | Value::Map(_)
            | Value::List(_) => Ok(()),
            other => Err(RuntimeErrorKind::Function {
                function: "sanitize_utf8",
                message: format!(
                    "sanitize_utf8 target must be a string, map or slice, got {}",
                    other.value_type()
                ),
            }
            .into()),
        }))
    }
}

#[cfg(test)]
mod tests {
    use ottl_core::context::ContextKind;
    use ottl_core::model::{AnyValue, LogRecord, Logs, Map, ResourceLogs, ScopeLogs};
    use ottl_core::run::{ErrorMode, Program};

    fn registry() -> ottl_core::function::Registry {
        let mut registry = crate::standard();
        crate::experimental(&mut registry);
        registry
    }

    /// Runs `statements` on one log record whose attributes are `before` (an OTTL map).
    fn run(before: &str, statements: &[&str]) -> Result<Map, String> {
        let set = format!("set(attributes, {before})");
        let all: Vec<&str> = std::iter::once(set.as_str())
            .chain(statements.iter().copied())
            .collect();
        let program = Program::compile(
            &all,
            &[],
            ContextKind::Log,
            ErrorMode::Propagate,
            &registry(),
        )
        .map_err(|failures| format!("{failures:?}"))?;
        let mut logs = Logs {
            resource_logs: vec![ResourceLogs {
                scope_logs: vec![ScopeLogs {
                    log_records: vec![LogRecord::default()],
                    ..ScopeLogs::default()
                }],
                ..ResourceLogs::default()
            }],
        };
        program.run(&mut logs).map_err(|error| error.to_string())?;
        Ok(logs.resource_logs[0].scope_logs[0].log_records[0]
            .attributes
            .clone())
    }

    #[test]
    fn examples_hold() {
        let registry = registry();
        let Some((signature, _)) = registry.get("sanitize_utf8") else {
            panic!("experimental registers sanitize_utf8");
        };
        for example in &signature.examples {
            let actual = run(example.input, &[example.source]);
            let expected = run(example.output, &[]);
            assert_eq!(actual, expected, "{}", example.source);
        }
    }

    #[test]
    fn valid_text_is_left_as_it_is() {
        let before =
            r#"{"s": "a\ufffdb", "m": {"k\ufffd": ["x", {"y": "é"}]}, "b": 0xff, "n": nil}"#;
        for statement in [
            r#"sanitize_utf8(attributes["s"])"#,
            r#"sanitize_utf8(attributes["m"], "")"#,
            r#"sanitize_utf8(attributes, replacement = "?")"#,
            r#"sanitize_utf8(attributes["b"])"#,
            r#"sanitize_utf8(attributes["n"])"#,
            r#"sanitize_utf8(attributes["missing"])"#,
            r#"sanitize_utf8(body)"#,
        ] {
            assert_eq!(run(before, &[statement]), run(before, &[]), "{statement}");
        }
        let unchanged = run(before, &[]).unwrap_or_default();
        assert!(!unchanged.contains_key("missing"));
        assert_eq!(unchanged.get("b"), Some(&AnyValue::Bytes(vec![0xff])));
    }

    #[test]
    fn ids_and_times_are_rejected_as_the_reference_rejects_them() {
        for statement in [
            "sanitize_utf8(trace_id)",
            "sanitize_utf8(span_id)",
            "sanitize_utf8(time)",
        ] {
            let error = run("{}", &[statement]).expect_err(statement);
            assert!(
                error.contains("sanitize_utf8 target must be a string, map or slice"),
                "{statement}: {error}"
            );
        }
    }

    #[test]
    fn it_is_not_a_standard_function() {
        assert!(crate::standard().get("sanitize_utf8").is_none());
        let standard = Program::compile(
            &[r#"sanitize_utf8(attributes["s"])"#],
            &[],
            ContextKind::Log,
            ErrorMode::Propagate,
            &crate::standard(),
        );
        assert!(standard.is_err());
    }
}
