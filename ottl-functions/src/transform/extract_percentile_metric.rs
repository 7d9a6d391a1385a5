//! `extract_percentile_metric(percentile, Optional[suffix])`.

use super::failure;
use ottl_core::RuntimeError;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, ParamKind, Signature};
use ottl_core::model::{
    Buckets, ExponentialHistogramDataPoint, Gauge, HistogramDataPoint, Map, Metric, MetricData,
    NumberDataPoint, NumberValue, Str,
};

/// `extract_percentile_metric(percentile, Optional[suffix])` — adds a gauge metric
/// `<name><suffix>` (default `_p<percentile>`) with the estimated percentile of every point of
/// a histogram (linear interpolation in the bucket, min and max closing the open buckets) or
/// exponential histogram (logarithmic interpolation); points without counts are skipped, other
/// metrics are left alone (metric context).
pub struct ExtractPercentileMetric;

const NAME: &str = "extract_percentile_metric";

/// A point's percentile, or `None` to skip the point.
type Estimate = Result<Option<f64>, RuntimeError>;

impl Function for ExtractPercentileMetric {
    fn signature(&self) -> Signature {
        Signature::editor(
            NAME,
            "adds a gauge metric with a percentile of each histogram point",
        )
        .param("percentile", ParamKind::Float)
        .optional("suffix", ParamKind::String)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let percentile = args.float(0)?;
        if !(percentile > 0.0 && percentile < 100.0) {
            return Err(args.invalid(
                0,
                format!("percentile must be greater than 0 and less than 100, got {percentile:.6}"),
                "pass a percentile such as `95.0`",
            ));
        }
        let label = go_g(percentile);
        let suffix = match args.optional_string(1)? {
            Some(suffix) if !suffix.is_empty() => suffix,
            _ => format!("_p{label}"),
        };
        Ok(Compiled::editor(move |ctx| {
            let metric = ctx.metric_record()?;
            let points = match &metric.data {
                MetricData::Histogram(h) if !h.data_points.is_empty() => estimates(
                    h.data_points
                        .iter()
                        .map(|p| (p, &p.attributes, p.start_time_unix_nano, p.time_unix_nano)),
                    |p| histogram_percentile(p, percentile),
                )?,
                MetricData::ExponentialHistogram(h) if !h.data_points.is_empty() => estimates(
                    h.data_points
                        .iter()
                        .map(|p| (p, &p.attributes, p.start_time_unix_nano, p.time_unix_nano)),
                    |p| exponential_percentile(p, percentile),
                )?,
                _ => return Ok(()),
            };
            if points.is_empty() {
                return Ok(());
            }
            let description = if metric.description.is_empty() {
                format!("p{label}")
            } else {
                format!("{} (p{label})", metric.description)
            };
            let gauge = Metric {
                name: Str::from(format!("{}{suffix}", metric.name)),
                description: Str::from(description),
                unit: metric.unit.clone(),
                data: MetricData::Gauge(Gauge {
                    data_points: points,
                }),
                metadata: Map::new(),
            };
            ctx.add_metric(gauge);
            Ok(())
        }))
    }
}

/// The gauge points: each source point's estimate with its attributes and timestamps.
fn estimates<'a, P: 'a>(
    points: impl Iterator<Item = (&'a P, &'a Map, u64, u64)>,
    estimate: impl Fn(&P) -> Estimate,
) -> Result<Vec<NumberDataPoint>, RuntimeError> {
    let mut out = Vec::new();
    for (point, attributes, start, time) in points {
        if let Some(value) = estimate(point)? {
            out.push(NumberDataPoint {
                attributes: attributes.clone(),
                start_time_unix_nano: start,
                time_unix_nano: time,
                value: NumberValue::Double(value),
                ..NumberDataPoint::default()
            });
        }
    }
    Ok(out)
}

/// How many observations lie at or below the percentile.
fn target_count(count: u64, percentile: f64) -> u64 {
    (count as f64 * (percentile / 100.0)).ceil() as u64
}

fn linear(lower: f64, upper: f64, ratio: f64) -> Result<f64, RuntimeError> {
    if !(0.0..=1.0).contains(&ratio) {
        return Err(failure(
            NAME,
            format!("linear interpolation: invalid ratio {ratio:.6}, must be between 0 and 1"),
        ));
    }
    Ok(lower + ratio * (upper - lower))
}

fn logarithmic(lower: f64, upper: f64, ratio: f64) -> Result<f64, RuntimeError> {
    if !(0.0..=1.0).contains(&ratio) {
        return Err(failure(
            NAME,
            format!("logarithmic interpolation: invalid ratio {ratio:.6}, must be between 0 and 1"),
        ));
    }
    if lower <= 0.0 || upper <= 0.0 {
        return Err(failure(
            NAME,
            format!(
                "logarithmic interpolation: bounds must be positive, got lowerBound={lower:.6}, upperBound={upper:.6}"
            ),
        ));
    }
    let (low, high) = (lower.log2(), upper.log2());
    Ok((low + (high - low) * ratio).exp2())
}

fn histogram_percentile(point: &HistogramDataPoint, percentile: f64) -> Estimate {
    let counts = &point.bucket_counts;
    let bounds = &point.explicit_bounds;
    if point.count == 0 || counts.is_empty() {
        return Ok(None);
    }
    let target = target_count(point.count, percentile);
    if counts.len() != bounds.len() + 1 {
        return Err(failure(
            NAME,
            format!(
                "calculating histogram percentile: malformed data: bucketCounts length ({}) != explicitBounds length ({}) + 1",
                counts.len(),
                bounds.len()
            ),
        ));
    }
    if bounds.is_empty() {
        let (Some(min), Some(max)) = (point.min, point.max) else {
            return Ok(None);
        };
        return linear(min, max, target as f64 / counts[0] as f64).map(Some);
    }
    let mut cumulative = 0u64;
    for (b, &count) in counts.iter().enumerate() {
        let before = cumulative;
        cumulative = cumulative.wrapping_add(count);
        if cumulative < target {
            continue;
        }
        let (lower, upper) = if b == 0 {
            let upper = bounds[0];
            match point.min {
                Some(min) if min < upper => (min, upper),
                _ if 0.0 > upper => return Ok(Some(upper)),
                _ => (0.0, upper),
            }
        } else {
            let lower = bounds[b - 1];
            match bounds.get(b) {
                Some(&upper) => (lower, upper),
                None => match point.max {
                    Some(max) if max > lower => (lower, max),
                    _ => return Ok(Some(lower)),
                },
            }
        };
        let ratio = (target - before) as f64 / count as f64;
        return linear(lower, upper, ratio).map(Some);
    }
    Err(failure(
        NAME,
        format!(
            "calculating histogram percentile: malformed data: cumulative count doesn't reach target count corresponding to percentile. targetCount={target}, total count={cumulative}"
        ),
    ))
}

/// The lower bound of bucket `index` at `scale`.
fn bucket_bound(index: i64, scale: i32) -> f64 {
    if scale <= 0 {
        // Go's `<<`: a shift by the width or more gives 0.
        let shift = -i64::from(scale);
        let exponent = if shift >= 64 { 0 } else { index << shift };
        2f64.powf(exponent as f64)
    } else {
        (index as f64 * std::f64::consts::LN_2 * 2f64.powi(-scale)).exp()
    }
}

fn exponential_percentile(point: &ExponentialHistogramDataPoint, percentile: f64) -> Estimate {
    let (negative, positive) = (&point.negative, &point.positive);
    if point.count == 0
        || (negative.bucket_counts.is_empty()
            && positive.bucket_counts.is_empty()
            && point.zero_count == 0)
    {
        return Ok(None);
    }
    let target = target_count(point.count, percentile);
    let mut below = 0u64;
    for (i, &count) in negative.bucket_counts.iter().enumerate().rev() {
        let before = below;
        below = below.wrapping_add(count);
        if below >= target {
            let index = i64::from(negative.offset) + i as i64;
            let (low, high) = (
                bucket_bound(index, point.scale),
                bucket_bound(index + 1, point.scale),
            );
            if low >= high {
                return Err(failure(
                    NAME,
                    format!(
                        "calculating exponential histogram percentile: malformed negative bucket bounds: absLowerBound ({low:.6}) >= absUpperBound ({high:.6}) at histogramIndex={index}, scale={}",
                        point.scale
                    ),
                ));
            }
            let ratio = (target - before) as f64 / count as f64;
            return logarithmic(low, high, 1.0 - ratio).map(|v| Some(-v));
        }
    }
    let after_zero = below.wrapping_add(point.zero_count);
    if after_zero >= target {
        let (mut low, mut high) = (-point.zero_threshold, point.zero_threshold);
        match (
            negative.bucket_counts.is_empty(),
            positive.bucket_counts.is_empty(),
        ) {
            (true, false) => low = 0.0,
            (false, true) => high = 0.0,
            _ => {}
        }
        let ratio = (target - below) as f64 / point.zero_count as f64;
        return linear(low, high, ratio).map(Some);
    }
    positive_percentile(positive, target, after_zero, point.scale)
}

fn positive_percentile(buckets: &Buckets, target: u64, before_all: u64, scale: i32) -> Estimate {
    let mut cumulative = before_all;
    for (i, &count) in buckets.bucket_counts.iter().enumerate() {
        let before = cumulative;
        cumulative = cumulative.wrapping_add(count);
        if cumulative >= target {
            let index = i64::from(buckets.offset) + i as i64;
            let ratio = (target - before) as f64 / count as f64;
            return logarithmic(
                bucket_bound(index, scale),
                bucket_bound(index + 1, scale),
                ratio,
            )
            .map(Some);
        }
    }
    Err(failure(
        NAME,
        format!(
            "calculating exponential histogram percentile: malformed data: cumulative count doesn't reach target count corresponding to percentile. targetCount={target}, total count={cumulative}"
        ),
    ))
}

/// Go's `%g` of a percentile in (0, 100): the shortest digits, in exponent form (`1e-05`)
/// below 1e-4.
fn go_g(value: f64) -> String {
    if value >= 1e-4 {
        return format!("{value}");
    }
    let text = format!("{value:e}");
    match text.split_once('e') {
        Some((mantissa, exponent)) => {
            let (sign, digits) = match exponent.strip_prefix('-') {
                Some(digits) => ('-', digits),
                None => ('+', exponent),
            };
            format!("{mantissa}e{sign}{digits:0>2}")
        }
        None => text,
    }
}
