//! `ToSnakeCase(target)`.

use super::case;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::value::Value;

/// `ToSnakeCase(target)` — the string in snake case, as the reference's strcase library writes
/// it: ASCII letters only are lowered, words split at case and letter/digit changes and at
/// ` `, `-`, `.` (`CPUUtilizationMetric` → `cpu_utilization_metric`).
pub struct ToSnakeCase;

impl Function for ToSnakeCase {
    fn signature(&self) -> Signature {
        Signature::converter("ToSnakeCase", Kind::String, "a string in snake case")
            .param("target", ParamKind::Value(Kind::String))
            .example(r#"ToSnakeCase("simpleString")"#, r#""simple_string""#)
            .example(
                r#"ToSnakeCase("CPUUtilizationMetric")"#,
                r#""cpu_utilization_metric""#,
            )
            .example(r#"ToSnakeCase("HTTPServer2XX")"#, r#""http_server_2_xx""#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::String>(0)?;
        Ok(Compiled::converter(move |ctx| {
            let text = target.value(ctx)?;
            if text.is_empty() {
                return Ok(Value::Str(text));
            }
            Ok(Value::string(case::snake(&text)))
        }))
    }
}
