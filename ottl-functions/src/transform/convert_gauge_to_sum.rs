//! `convert_gauge_to_sum(aggregation_temporality, is_monotonic)`.

use super::temporality;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, ParamKind, Signature};
use ottl_core::model::{MetricData, Sum};

/// `convert_gauge_to_sum(aggregation_temporality, is_monotonic)` — turns a gauge metric into a
/// sum with the same points, `"delta"` or `"cumulative"`; other metrics are left alone (metric
/// context).
pub struct ConvertGaugeToSum;

impl Function for ConvertGaugeToSum {
    fn signature(&self) -> Signature {
        Signature::editor(
            "convert_gauge_to_sum",
            "turns a gauge metric into a sum of the given temporality, keeping its points",
        )
        .param("string_agg_temp", ParamKind::String)
        .param("monotonic", ParamKind::Bool)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let aggregation_temporality = temporality(&mut args, 0)?;
        let is_monotonic = args.optional_bool(1)?.unwrap_or_default();
        Ok(Compiled::editor(move |ctx| {
            let metric = ctx.metric_record_mut()?;
            if let MetricData::Gauge(gauge) = &mut metric.data {
                let data_points = std::mem::take(&mut gauge.data_points);
                metric.data = MetricData::Sum(Sum {
                    data_points,
                    aggregation_temporality,
                    is_monotonic,
                });
            }
            Ok(())
        }))
    }
}
