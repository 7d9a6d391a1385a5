//! `IsList(target)`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::value::{Object, Value};

/// `IsList(target)` — whether the value is a list: a list value or literal, or one of the
/// record lists a path yields (`span.events`, `metric.data_points`, `datapoint.exemplars`, …).
/// Bytes, maps, `span.status`, the bucket objects of exponential histograms and nil are not.
pub struct IsList;

impl Function for IsList {
    fn signature(&self) -> Signature {
        Signature::converter("IsList", Kind::Bool, "whether a value is a list")
            .param("target", ParamKind::Value(Kind::Any))
            .example(r#"IsList(["a", "b"])"#, "true")
            .example(r#"IsList(Split("a,b", ","))"#, "true")
            .example(r#"IsList("a")"#, "false")
            .example(r#"IsList(0x01)"#, "false")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.value(0)?;
        Ok(Compiled::converter(move |ctx| {
            Ok(Value::Bool(is_list(&target.get(ctx)?)))
        }))
    }
}

fn is_list(value: &Value<'_>) -> bool {
    match value {
        Value::List(_) => true,
        Value::Object(object) => match object {
            Object::SpanEvents(_)
            | Object::SpanLinks(_)
            | Object::NumberDataPoints(_)
            | Object::HistogramDataPoints(_)
            | Object::ExponentialHistogramDataPoints(_)
            | Object::SummaryDataPoints(_)
            | Object::Exemplars(_)
            | Object::QuantileValues(_) => true,
            Object::Status(_) | Object::Buckets(_) => false,
        },
        _ => false,
    }
}
