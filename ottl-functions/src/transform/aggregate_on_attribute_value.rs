//! `aggregate_on_attribute_value(function, attribute, values, new_value)`.

use super::aggregate::{aggregate, aggregation, each_attributes};
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, ParamKind, Signature};
use ottl_core::model::{AnyValue, Str};

/// `aggregate_on_attribute_value(function, attribute, values, new_value)` — sets `attribute`
/// to `new_value` on the points where it is one of `values`, then merges the points with equal
/// attributes and timestamps with `function` (metric context). As in the reference, a value
/// that is not a string reads as `""`, and a summary loses its points.
pub struct AggregateOnAttributeValue;

impl Function for AggregateOnAttributeValue {
    fn signature(&self) -> Signature {
        Signature::editor(
            "aggregate_on_attribute_value",
            "renames the given values of an attribute to one, then merges the points",
        )
        .param("aggregation_function", ParamKind::String)
        .param("attribute", ParamKind::String)
        .param("values", ParamKind::StringList)
        .param("new_value", ParamKind::String)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let function = aggregation(&mut args, 0)?;
        let attribute = args.string(1)?;
        let values = args.string_list(2)?;
        let new_value = Str::from(args.string(3)?);
        Ok(Compiled::editor(move |ctx| {
            let metric = ctx.metric_record_mut()?;
            each_attributes(&mut metric.data, |attributes| {
                if let Some(value) = attributes.get_mut(&attribute) {
                    let text = match value {
                        AnyValue::Str(text) => text.as_str(),
                        _ => "",
                    };
                    if values.iter().any(|v| v == text) {
                        *value = AnyValue::Str(new_value.clone());
                    }
                }
            });
            aggregate(&mut metric.data, function);
            Ok(())
        }))
    }
}
