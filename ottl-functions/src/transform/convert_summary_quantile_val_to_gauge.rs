//! `convert_summary_quantile_val_to_gauge(Optional[attribute_key], Optional[suffix])`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, ParamKind, Signature};
use ottl_core::model::{
    AnyValue, Gauge, Map, Metric, MetricData, NumberDataPoint, NumberValue, Str,
};

/// `convert_summary_quantile_val_to_gauge(Optional[attribute_key], Optional[suffix])` — adds a
/// gauge metric `<name><suffix>` (default `.quantiles`) with one point per quantile of every
/// summary point, the quantile in attribute `attribute_key` (default `quantile`) as a double
/// (metric context).
pub struct ConvertSummaryQuantileValToGauge;

impl Function for ConvertSummaryQuantileValToGauge {
    fn signature(&self) -> Signature {
        Signature::editor(
            "convert_summary_quantile_val_to_gauge",
            "adds a gauge metric with one point per quantile of each summary point",
        )
        .optional("attribute_key", ParamKind::String)
        .optional("suffix", ParamKind::String)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let key = Str::from(
            args.optional_string(0)?
                .unwrap_or_else(|| "quantile".to_owned()),
        );
        let suffix = args
            .optional_string(1)?
            .unwrap_or_else(|| ".quantiles".to_owned());
        Ok(Compiled::editor(move |ctx| {
            let metric = ctx.metric_record()?;
            let MetricData::Summary(summary) = &metric.data else {
                return Ok(());
            };
            let mut data_points = Vec::new();
            for point in &summary.data_points {
                for quantile in &point.quantile_values {
                    let mut attributes = point.attributes.clone();
                    attributes.put(&key, AnyValue::Double(quantile.quantile));
                    data_points.push(NumberDataPoint {
                        attributes,
                        start_time_unix_nano: point.start_time_unix_nano,
                        time_unix_nano: point.time_unix_nano,
                        value: NumberValue::Double(quantile.value),
                        ..NumberDataPoint::default()
                    });
                }
            }
            let gauge = Metric {
                name: Str::from(format!("{}{suffix}", metric.name)),
                description: metric.description.clone(),
                unit: metric.unit.clone(),
                data: MetricData::Gauge(Gauge { data_points }),
                metadata: Map::new(),
            };
            ctx.add_metric(gauge);
            Ok(())
        }))
    }
}
