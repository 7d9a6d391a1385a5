//! `ConvertCase(target, to_case)`.

use super::case::{self, Case};
use ottl_core::diag::Diagnostic;
use ottl_core::function::get;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::value::Value;

/// The cases `ConvertCase` converts to.
#[derive(Clone, Copy)]
enum ToCase {
    Lower,
    Upper,
    Snake,
    Camel,
}

/// `ConvertCase(target, to_case)` — the string in the case named by the literal `to_case`:
/// `lower` or `upper` (Unicode, as `ToLowerCase` / `ToUpperCase`), `snake` (as `ToSnakeCase`)
/// or `camel` (as `ToCamelCase`).
pub struct ConvertCase;

impl Function for ConvertCase {
    fn signature(&self) -> Signature {
        Signature::converter("ConvertCase", Kind::String, "a string in the case named")
            .param("target", ParamKind::Value(Kind::String))
            .param("to_case", ParamKind::String)
            .example(
                r#"ConvertCase("CPUUtilizationMetric", "snake")"#,
                r#""cpu_utilization_metric""#,
            )
            .example(r#"ConvertCase("simple-string", "camel")"#, r#""SimpleString""#)
            .example(r#"ConvertCase("simple", "upper")"#, r#""SIMPLE""#)
            .example(r#"ConvertCase("ÀB", "lower")"#, r#""àb""#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::String>(0)?;
        let to_case = match args.string(1)?.as_str() {
            "lower" => ToCase::Lower,
            "upper" => ToCase::Upper,
            "snake" => ToCase::Snake,
            "camel" => ToCase::Camel,
            other => {
                return Err(args.invalid(
                    1,
                    format!("invalid case {other:?}: the cases are lower, upper, snake and camel"),
                    r#"write one of "lower", "upper", "snake", "camel""#,
                ));
            }
        };
        Ok(Compiled::converter(move |ctx| {
            let text = target.value(ctx)?;
            if text.is_empty() {
                return Ok(Value::Str(text));
            }
            Ok(match to_case {
                ToCase::Lower => Value::Str(case::convert(text, Case::Lower)),
                ToCase::Upper => Value::Str(case::convert(text, Case::Upper)),
                ToCase::Snake => Value::string(case::snake(&text)),
                ToCase::Camel => Value::string(case::camel(&text)),
            })
        }))
    }
}
