//! `scale_metric(factor, Optional[unit])`.

use super::failure;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::model::{Exemplar, MetricData, NumberValue};

/// `scale_metric(factor, Optional[unit])` — multiplies the values of a gauge, sum, histogram
/// or summary metric by `factor` and optionally sets its unit (metric context). Int values are
/// truncated back to ints, as the reference does.
pub struct ScaleMetric;

impl Function for ScaleMetric {
    fn signature(&self) -> Signature {
        Signature::editor(
            "scale_metric",
            "multiplies a metric's values by a factor, optionally setting its unit",
        )
        .param("multiplier", ParamKind::Float)
        .optional("unit", ParamKind::Value(Kind::String))
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let factor = args.float(0)?;
        let unit = args.optional::<get::String>(1)?;
        Ok(Compiled::editor(move |ctx| {
            let unit = match &unit {
                Some(unit) => Some(unit.eval(ctx)?.into_owned()),
                None => None,
            };
            let metric = ctx.metric_record_mut()?;
            match &mut metric.data {
                MetricData::Gauge(gauge) => {
                    for point in &mut gauge.data_points {
                        scale_number(&mut point.value, factor);
                    }
                }
                MetricData::Sum(sum) => {
                    for point in &mut sum.data_points {
                        scale_number(&mut point.value, factor);
                    }
                }
                MetricData::Histogram(histogram) => {
                    for point in &mut histogram.data_points {
                        for value in [&mut point.sum, &mut point.min, &mut point.max]
                            .into_iter()
                            .flatten()
                        {
                            *value *= factor;
                        }
                        for bound in &mut point.explicit_bounds {
                            *bound *= factor;
                        }
                        point
                            .exemplars
                            .iter_mut()
                            .for_each(|e| scale_exemplar(e, factor));
                    }
                }
                MetricData::Summary(summary) => {
                    for point in &mut summary.data_points {
                        point.sum *= factor;
                        for quantile in &mut point.quantile_values {
                            quantile.value *= factor;
                        }
                    }
                }
                MetricData::ExponentialHistogram(_) => {
                    return Err(failure(
                        "scale_metric",
                        "exponential histograms are not supported by the 'scale_metric' function",
                    ));
                }
                MetricData::Empty => {
                    return Err(failure("scale_metric", "unsupported metric type: 'Empty'"));
                }
            }
            if let Some(unit) = unit {
                metric.unit = unit;
            }
            Ok(())
        }))
    }
}

/// Multiplies a point's value; an int is truncated back to an int, as Go's
/// `int64(float64(v) * m)` does (saturating where Go's conversion is undefined).
fn scale_number(value: &mut NumberValue, factor: f64) {
    match value {
        NumberValue::Int(int) => *int = (*int as f64 * factor) as i64,
        NumberValue::Double(double) => *double *= factor,
        NumberValue::None => {}
    }
}

fn scale_exemplar(exemplar: &mut Exemplar, factor: f64) {
    scale_number(&mut exemplar.value, factor);
}
