//! `clear(target)`.

use ottl_core::RuntimeErrorKind;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, ParamKind, Signature};
use ottl_core::model::{Map, SpanId, TraceId};
use ottl_core::value::{Time, Value};
use std::borrow::Cow;

/// `clear(target)` — sets `target` to the zero value of the type it holds: `""`, `0`, `0.0`,
/// `false`, empty bytes, an empty map or list, an all-zero id, a zero duration; nil stays nil.
///
/// A time becomes Go's zero time (year 1), which the nanosecond fields store as the reference
/// does, wrapped around: `time_unix_nano` reads `11651379494838206464` afterwards. A whole
/// object (`span.status`, `span.events`) has no zero the reference can write, so it fails.
pub struct Clear;

/// Go's zero `time.Time` (0001-01-01T00:00:00Z) in Unix nanoseconds, wrapped to 64 bits as Go's
/// `UnixNano` wraps it.
const GO_ZERO_TIME_UNIX_NANO: i64 = (-62_135_596_800_i64).wrapping_mul(1_000_000_000);

impl Function for Clear {
    fn signature(&self) -> Signature {
        Signature::editor("clear", "sets a path to the zero value of its type")
            .param("target", ParamKind::Target)
            .edit_example(
                r#"clear(attributes["count"])"#,
                r#"{"count": 5, "name": "checkout"}"#,
                r#"{"count": 0, "name": "checkout"}"#,
            )
            .edit_example(
                r#"clear(attributes["tags"])"#,
                r#"{"tags": ["a", "b"], "name": "checkout"}"#,
                r#"{"tags": [], "name": "checkout"}"#,
            )
            .edit_example(r#"clear(attributes)"#, r#"{"a": 1, "b": "x"}"#, r#"{}"#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.target(0)?;
        Ok(Compiled::editor(move |ctx| {
            let zero = match (target.get)(ctx)? {
                Value::Nil => Value::Nil,
                Value::Bool(_) => Value::Bool(false),
                Value::Int(_) => Value::Int(0),
                Value::Double(_) => Value::Double(0.0),
                Value::Str(_) => Value::string(""),
                Value::Bytes(_) => Value::Bytes(Cow::Borrowed(&[])),
                Value::Map(_) => Value::Map(Cow::Owned(Map::new())),
                Value::List(_) => Value::List(Cow::Borrowed(&[])),
                Value::TraceId(_) => Value::TraceId(TraceId([0; 16])),
                Value::SpanId(_) => Value::SpanId(SpanId([0; 8])),
                Value::Time(_) => Value::Time(Time::utc(GO_ZERO_TIME_UNIX_NANO)),
                Value::Duration(_) => Value::Duration(0),
                // The reference writes the Go zero value of the object's type, which its setters
                // cannot copy from.
                Value::Object(object) => {
                    return Err(RuntimeErrorKind::Function {
                        function: "clear",
                        message: format!(
                            "cannot infer zero value for type {} in clear",
                            object.object_type()
                        ),
                    }
                    .into());
                }
            };
            (target.set)(ctx, zero)
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_zero_time_wraps_as_the_reference_stores_it() {
        // `set(log.time, Time("0001-01-01", "%Y-%m-%d"))` in the reference engine leaves
        // `timeUnixNano` at this value.
        assert_eq!(GO_ZERO_TIME_UNIX_NANO as u64, 11_651_379_494_838_206_464);
    }
}
