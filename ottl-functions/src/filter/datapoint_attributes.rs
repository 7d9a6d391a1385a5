//! `HasAttrKeyOnDatapoint(key)` and `HasAttrOnDatapoint(key, value)`: a metric's data point
//! attributes, read from the metric context.

use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::model::{AnyValue, Map, MetricData};
use ottl_core::value::Value;
use ottl_core::{RuntimeError, RuntimeErrorKind};

/// `HasAttrKeyOnDatapoint(key)` — whether any data point of the metric has the attribute
/// `key` (metric context, filter conditions).
pub struct HasAttrKeyOnDatapoint;

impl Function for HasAttrKeyOnDatapoint {
    fn signature(&self) -> Signature {
        Signature::converter(
            "HasAttrKeyOnDatapoint",
            Kind::Bool,
            "whether any data point of the metric has the attribute key",
        )
        .param("key", ParamKind::String)
        .example(r#"HasAttrKeyOnDatapoint("http.method")"#, "true")
        .example(r#"HasAttrKeyOnDatapoint("absent")"#, "false")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let key = args.string(0)?;
        Ok(Compiled::converter(move |ctx| {
            let data = &ctx.metric_record()?.data;
            let found = first_in_points(data, "HasAttrKeyOnDatapoint", |attributes| {
                attributes.get(&key)
            })?;
            Ok(Value::Bool(found.is_some()))
        }))
    }
}

/// `HasAttrOnDatapoint(key, value)` — whether the first data point of the metric that has the
/// attribute `key` has it set to the string `value` (metric context, filter conditions).
pub struct HasAttrOnDatapoint;

impl Function for HasAttrOnDatapoint {
    fn signature(&self) -> Signature {
        Signature::converter(
            "HasAttrOnDatapoint",
            Kind::Bool,
            "whether the first data point with the attribute key has it equal to the string value",
        )
        .param("key", ParamKind::String)
        .param("value", ParamKind::String)
        .example(r#"HasAttrOnDatapoint("http.method", "GET")"#, "true")
        .example(r#"HasAttrOnDatapoint("http.method", "POST")"#, "false")
        .example(r#"HasAttrOnDatapoint("code", "")"#, "true")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let key = args.string(0)?;
        let expected = args.string(1)?;
        Ok(Compiled::converter(move |ctx| {
            let data = &ctx.metric_record()?.data;
            let first = first_in_points(data, "HasAttrOnDatapoint", |attributes| {
                attributes.get(&key)
            })?;
            // As the reference reads it, a value that is not a string compares as "".
            let matches = first.map(|value| match value {
                AnyValue::Str(text) => text.as_str() == expected,
                _ => expected.is_empty(),
            });
            Ok(Value::Bool(matches.unwrap_or(false)))
        }))
    }
}

/// The first `Some` that `find` gives for the attributes of the metric's data points, in
/// order; an empty-type metric has no points to look at, which the reference reports as an
/// error.
fn first_in_points<'a, T>(
    data: &'a MetricData,
    function: &'static str,
    mut find: impl FnMut(&'a Map) -> Option<T>,
) -> Result<Option<T>, RuntimeError> {
    Ok(match data {
        MetricData::Gauge(gauge) => gauge.data_points.iter().find_map(|p| find(&p.attributes)),
        MetricData::Sum(sum) => sum.data_points.iter().find_map(|p| find(&p.attributes)),
        MetricData::Histogram(h) => h.data_points.iter().find_map(|p| find(&p.attributes)),
        MetricData::ExponentialHistogram(h) => {
            h.data_points.iter().find_map(|p| find(&p.attributes))
        }
        MetricData::Summary(s) => s.data_points.iter().find_map(|p| find(&p.attributes)),
        MetricData::Empty => {
            return Err(RuntimeErrorKind::Function {
                function,
                message: "unknown metric type".to_owned(),
            }
            .into());
        }
    })
}
