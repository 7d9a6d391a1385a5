//! `ParseSeverity(target, mapping)`.

use ottl_core::RuntimeError;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature, ValueArg};
use ottl_core::model::{AnyValue, Map, Str};
use ottl_core::value::Value;
use std::ops::RangeInclusive;

const NAME: &str = "ParseSeverity";

/// `ParseSeverity(target, mapping)` — the severity level whose criteria `target` meets.
/// `mapping` is a map literal from level names to lists of criteria: `{"equals": [strings]}`
/// matches a string target exactly, `{"range": {"min": m, "max": n}}` (inclusive) or
/// `{"range": "2xx"}` (also `3xx`, `4xx`, `5xx`) an int target. A target of another type, no
/// matching level, or a mapping that is not a valid literal is an error.
pub struct ParseSeverity;

impl Function for ParseSeverity {
    fn signature(&self) -> Signature {
        Signature::converter("ParseSeverity", Kind::String, "maps a value to a severity level")
            .param("target", ParamKind::Value(Kind::Any))
            .param("mapping", ParamKind::Value(Kind::Map))
            .example(
                r#"ParseSeverity(404, {"info": [{"range": "2xx"}], "error": [{"range": {"min": 400, "max": 499}}]})"#,
                r#""error""#,
            )
            .example(
                r#"ParseSeverity("inf", {"info": [{"equals": ["info", "inf"]}, {"range": "2xx"}]})"#,
                r#""info""#,
            )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.value(0)?;
        let levels = match args.value(1)? {
            ValueArg::Constant(Value::Map(mapping)) => Levels::from_literal(&mapping),
            _ => Err("the severity mapping must be a map literal".to_owned()),
        };
        let levels = match levels {
            Ok(levels) => levels,
            Err(message) => {
                // The reference accepts the statement and fails each time it runs.
                args.warn(
                    1,
                    format!("invalid severity mapping: {message}"),
                    r#"write a map literal such as {"error": [{"range": "5xx"}], "info": [{"equals": ["info"]}]}"#,
                );
                return Ok(Compiled::converter(move |_| {
                    Err(failure(format!("invalid severity mapping: {message}")))
                }));
            }
        };
        Ok(Compiled::converter(move |ctx| {
            let value = target.get(ctx)?;
            levels.level_of(&value).map(|level| Value::Str(std::borrow::Cow::Owned(level.clone())))
        }))
    }
}

/// The levels of a mapping with their criteria, in the mapping's order.
struct Levels(Vec<(Str, Vec<Criterion>)>);

/// One criterion: strings to equal, and an int range to fall in.
struct Criterion {
    equals: Vec<Str>,
    range: Option<RangeInclusive<i64>>,
}

impl Levels {
    /// Reads a mapping literal, as the reference's validation does.
    fn from_literal(mapping: &Map) -> Result<Self, String> {
        let mut levels = Vec::with_capacity(mapping.len());
        for (level, criteria) in mapping.iter() {
            let AnyValue::Array(criteria) = criteria else {
                return Err(format!("the criteria of {level:?} must be a list"));
            };
            let criteria = criteria
                .iter()
                .map(|criterion| match criterion {
                    AnyValue::KvList(fields) => Criterion::from_fields(fields),
                    _ => Err(format!("each criterion of {level:?} must be a map")),
                })
                .collect::<Result<Vec<_>, _>>()?;
            levels.push((level.clone(), criteria));
        }
        Ok(Self(levels))
    }

    /// The first level with a criterion `value` meets.
    fn level_of(&self, value: &Value<'_>) -> Result<&Str, RuntimeError> {
        for (level, criteria) in &self.0 {
            for criterion in criteria {
                let matched = match value {
                    Value::Str(text) => criterion.equals.iter().any(|s| s == text.as_ref()),
                    Value::Int(number) => criterion
                        .range
                        .as_ref()
                        .is_some_and(|range| range.contains(number)),
                    other => {
                        return Err(failure(format!(
                            "could not map log level: unsupported value type: {}",
                            other.value_type()
                        )));
                    }
                };
                if matched {
                    return Ok(level);
                }
            }
        }
        Err(failure(format!(
            "could not map log level: no matching log level found for {}",
            describe(value)
        )))
    }
}

impl Criterion {
    fn from_fields(fields: &Map) -> Result<Self, String> {
        let equals = match fields.get("equals") {
            None => Vec::new(),
            Some(AnyValue::Array(items)) => items
                .iter()
                .map(|item| match item {
                    AnyValue::Str(text) => Ok(text.clone()),
                    _ => Err("equals values must be strings".to_owned()),
                })
                .collect::<Result<_, _>>()?,
            Some(_) => return Err("equals must be a list".to_owned()),
        };
        let range = match fields.get("range") {
            None => None,
            Some(AnyValue::KvList(bounds)) => {
                let min = bounds.get("min").ok_or("range must have a min value")?;
                let max = bounds.get("max").ok_or("range must have a max value")?;
                let (AnyValue::Int(min), AnyValue::Int(max)) = (min, max) else {
                    let which = if matches!(min, AnyValue::Int(_)) { "max" } else { "min" };
                    return Err(format!("{which} must be an int"));
                };
                Some(*min..=*max)
            }
            Some(AnyValue::Str(placeholder)) => Some(match placeholder.as_str() {
                "2xx" => 200..=299,
                "3xx" => 300..=399,
                "4xx" => 400..=499,
                "5xx" => 500..=599,
                other => return Err(format!("unknown range placeholder {other:?}")),
            }),
            Some(_) => return Err("range must be a map or a known placeholder string".to_owned()),
        };
        Ok(Self { equals, range })
    }
}

/// The value in an error message.
fn describe(value: &Value<'_>) -> String {
    match value {
        Value::Str(text) => format!("{:?}", text.as_str()),
        Value::Int(number) => number.to_string(),
        other => other.value_type().to_string(),
    }
}

fn failure(message: String) -> RuntimeError {
    RuntimeError::function(NAME, message)
}
