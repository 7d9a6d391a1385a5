//! `aggregate_on_attributes(function, Optional[attributes])`.

use super::aggregate::{aggregate, aggregation, each_attributes};
use super::failure;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, ParamKind, Signature};
use ottl_core::model::MetricData;

/// `aggregate_on_attributes(function, Optional[attributes])` — keeps only the listed point
/// attributes (all of them when the list is left out, none for `[]`), then merges the points
/// left with equal attributes and timestamps with `function`: `sum`, `mean`, `min`, `max`,
/// `median` or `count` (histograms always add up). Summaries are refused (metric context).
pub struct AggregateOnAttributes;

impl Function for AggregateOnAttributes {
    fn signature(&self) -> Signature {
        Signature::editor(
            "aggregate_on_attributes",
            "merges a metric's points that have the same values of the given attributes",
        )
        .param("aggregation_function", ParamKind::String)
        .optional("attributes", ParamKind::StringList)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let function = aggregation(&mut args, 0)?;
        let keep = args.optional_string_list(1)?;
        Ok(Compiled::editor(move |ctx| {
            let metric = ctx.metric_record_mut()?;
            if let MetricData::Summary(_) = metric.data {
                return Err(failure(
                    "aggregate_on_attributes",
                    "aggregate_on_attributes does not support aggregating Summary metrics",
                ));
            }
            if let Some(keep) = &keep {
                each_attributes(&mut metric.data, |attributes| {
                    attributes.retain(|key, _| keep.iter().any(|k| k.as_str() == key.as_str()));
                });
            }
            aggregate(&mut metric.data, function);
            Ok(())
        }))
    }
}
