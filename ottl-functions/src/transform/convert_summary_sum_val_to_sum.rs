//! `convert_summary_sum_val_to_sum(aggregation_temporality, is_monotonic, Optional[suffix])`.

use super::temporality;
use ottl_core::RuntimeError;
use ottl_core::context::TransformContext;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, ParamKind, Signature};
use ottl_core::model::{
    AggregationTemporality, Map, Metric, MetricData, NumberDataPoint, NumberValue, Str, Sum,
    SummaryDataPoint,
};

/// `convert_summary_sum_val_to_sum(aggregation_temporality, is_monotonic, Optional[suffix])`
/// — adds a sum metric `<name><suffix>` (default `_sum`) with the sum of every point of a
/// summary metric (data-point context: one metric per point visited, as in the reference).
pub struct ConvertSummarySumValToSum;

impl Function for ConvertSummarySumValToSum {
    fn signature(&self) -> Signature {
        Signature::editor(
            "convert_summary_sum_val_to_sum",
            "adds a sum metric with the sum of each summary point",
        )
        .param("string_agg_temp", ParamKind::String)
        .param("monotonic", ParamKind::Bool)
        .optional("suffix", ParamKind::String)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let conversion = SummaryToSum {
            temporality: temporality(&mut args, 0)?,
            is_monotonic: args.optional_bool(1)?.unwrap_or_default(),
            suffix: args
                .optional_string(2)?
                .unwrap_or_else(|| "_sum".to_owned()),
            value: |point| NumberValue::Double(point.sum),
        };
        Ok(Compiled::editor(move |ctx| conversion.run(ctx)))
    }
}

/// A sum metric made from a summary's points.
pub(super) struct SummaryToSum {
    pub(super) temporality: AggregationTemporality,
    pub(super) is_monotonic: bool,
    pub(super) suffix: String,
    pub(super) value: fn(&SummaryDataPoint) -> NumberValue,
}

impl SummaryToSum {
    /// Adds the sum metric, when the point's metric is a summary.
    pub(super) fn run(&self, ctx: &mut TransformContext<'_>) -> Result<(), RuntimeError> {
        let metric = ctx.metric_record()?;
        let MetricData::Summary(summary) = &metric.data else {
            return Ok(());
        };
        let data_points = summary
            .data_points
            .iter()
            .map(|point| NumberDataPoint {
                attributes: point.attributes.clone(),
                start_time_unix_nano: point.start_time_unix_nano,
                time_unix_nano: point.time_unix_nano,
                value: (self.value)(point),
                ..NumberDataPoint::default()
            })
            .collect();
        let sum = Metric {
            name: Str::from(format!("{}{}", metric.name, self.suffix)),
            description: metric.description.clone(),
            unit: metric.unit.clone(),
            data: MetricData::Sum(Sum {
                data_points,
                aggregation_temporality: self.temporality,
                is_monotonic: self.is_monotonic,
            }),
            metadata: Map::new(),
        };
        ctx.add_metric(sum);
        Ok(())
    }
}
