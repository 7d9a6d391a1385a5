//! `convert_sum_to_gauge()`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Signature};
use ottl_core::model::{Gauge, MetricData};

/// `convert_sum_to_gauge()` — turns a sum metric into a gauge with the same points; other
/// metrics are left alone (metric context).
pub struct ConvertSumToGauge;

impl Function for ConvertSumToGauge {
    fn signature(&self) -> Signature {
        Signature::editor(
            "convert_sum_to_gauge",
            "turns a sum metric into a gauge, keeping its points",
        )
    }

    fn compile(&self, _args: Args) -> Result<Compiled, Diagnostic> {
        Ok(Compiled::editor(|ctx| {
            let metric = ctx.metric_record_mut()?;
            if let MetricData::Sum(sum) = &mut metric.data {
                let data_points = std::mem::take(&mut sum.data_points);
                metric.data = MetricData::Gauge(Gauge { data_points });
            }
            Ok(())
        }))
    }
}
