//! `IsEmpty(target)`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::value::Value;

/// `IsEmpty(target)` — whether the value is nil, an empty string, list, map or bytes, or its
/// kind's zero: `0`, `0.0` (either sign), `false`, an all-zero trace or span id, a zero
/// duration. A time and a record object (`span.status`, `span.events`) are never empty.
pub struct IsEmpty;

impl Function for IsEmpty {
    fn signature(&self) -> Signature {
        Signature::converter("IsEmpty", Kind::Bool, "whether a value is nil, empty or zero")
            .param("target", ParamKind::Value(Kind::Any))
            .example(r#"IsEmpty("")"#, "true")
            .example(r#"IsEmpty(0)"#, "true")
            .example(r#"IsEmpty(false)"#, "true")
            .example(r#"IsEmpty([0])"#, "false")
            .example(r#"IsEmpty({})"#, "true")
            .example(r#"IsEmpty("hello")"#, "false")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.value(0)?;
        Ok(Compiled::converter(move |ctx| {
            Ok(Value::Bool(is_empty(&target.get(ctx)?)))
        }))
    }
}

/// The reference's test: nil; maps and slices by length; anything else by Go's
/// `reflect.Value.IsZero` (`== 0` for numbers, so `-0.0` is zero and NaN is not; every byte zero
/// for an id). A time is a `time.Time` whose zero is the year 1, which no time here reaches;
/// record objects are pdata wrappers holding a pointer, never zero.
fn is_empty(value: &Value<'_>) -> bool {
    match value {
        Value::Nil => true,
        Value::Bool(flag) => !flag,
        Value::Int(number) => *number == 0,
        Value::Double(number) => *number == 0.0,
        Value::Str(text) => text.as_str().is_empty(),
        Value::Bytes(bytes) => bytes.is_empty(),
        Value::Map(map) => map.len() == 0,
        Value::List(items) => items.is_empty(),
        Value::TraceId(id) => id.0.iter().all(|byte| *byte == 0),
        Value::SpanId(id) => id.0.iter().all(|byte| *byte == 0),
        Value::Duration(nanos) => *nanos == 0,
        Value::Time(_) | Value::Object(_) => false,
    }
}
