//! `convert_exponential_histogram_to_histogram(distribution, explicit_bounds)`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature, ValueArg};
use ottl_core::model::{
    ExponentialHistogramDataPoint, Histogram, HistogramDataPoint, Map, MetricData,
};
use ottl_core::value::Value;

/// `convert_exponential_histogram_to_histogram(distribution, explicit_bounds)` — turns an
/// exponential histogram into a histogram with the given bounds, spreading each positive
/// bucket's count over them by `distribution`: `upper`, `midpoint`, `uniform` or `random`
/// (the default, for `""`); other metrics are left alone (metric context).
///
/// As in the reference, a point gets one count per bound (no separate overflow count), its
/// sum, min and max are set (0 where the exponential point had none), its flags and the
/// metric's metadata are dropped, and negative buckets are not counted.
pub struct ConvertExponentialHistogramToHistogram;

/// How a bucket's count that spans several bounds is spread.
#[derive(Clone, Copy)]
enum Distribution {
    Upper,
    Midpoint,
    Uniform,
    Random,
}

impl Function for ConvertExponentialHistogramToHistogram {
    fn signature(&self) -> Signature {
        Signature::editor(
            "convert_exponential_histogram_to_histogram",
            "turns an exponential histogram into a histogram with the given bounds",
        )
        .param("distribution_fn", ParamKind::String)
        .param("explicit_bounds", ParamKind::Values(Kind::Float))
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let name = args.string(0)?;
        let distribution = match name.as_str() {
            "upper" => Distribution::Upper,
            "midpoint" => Distribution::Midpoint,
            "uniform" => Distribution::Uniform,
            "random" | "" => Distribution::Random,
            _ => {
                return Err(args.invalid(
                    0,
                    format!(
                        "invalid conversion function: {name}, must be one of [upper, midpoint, random, uniform]"
                    ),
                    r#"use "upper", "midpoint", "uniform" or "random""#,
                ));
            }
        };
        let mut bounds = Vec::new();
        for item in args.values(1)? {
            match item {
                ValueArg::Constant(Value::Double(bound)) => bounds.push(bound),
                _ => {
                    return Err(args.invalid(
                        1,
                        "explicit bounds must be float literals",
                        "write the bounds as a list of floats, such as `[10.0, 100.0]`",
                    ));
                }
            }
        }
        if bounds.is_empty() {
            return Err(args.invalid(
                1,
                "explicit bounds cannot be empty: []",
                "give at least one bound, such as `[10.0, 100.0]`",
            ));
        }
        Ok(Compiled::editor(move |ctx| {
            let metric = ctx.metric_record_mut()?;
            let MetricData::ExponentialHistogram(exponential) = &mut metric.data else {
                return Ok(());
            };
            let aggregation_temporality = exponential.aggregation_temporality;
            let data_points = std::mem::take(&mut exponential.data_points)
                .into_iter()
                .map(|point| convert(point, &bounds, distribution))
                .collect();
            metric.data = MetricData::Histogram(Histogram {
                data_points,
                aggregation_temporality,
            });
            metric.metadata = Map::new();
            Ok(())
        }))
    }
}

fn convert(
    point: ExponentialHistogramDataPoint,
    bounds: &[f64],
    distribution: Distribution,
) -> HistogramDataPoint {
    let bucket_counts = bucket_counts(&point, bounds, distribution);
    HistogramDataPoint {
        attributes: point.attributes,
        start_time_unix_nano: point.start_time_unix_nano,
        time_unix_nano: point.time_unix_nano,
        count: point.count,
        sum: Some(point.sum.unwrap_or(0.0)),
        bucket_counts,
        explicit_bounds: bounds.to_vec(),
        exemplars: point.exemplars,
        flags: 0,
        min: Some(point.min.unwrap_or(0.0)),
        max: Some(point.max.unwrap_or(0.0)),
    }
}

/// The counts per bound (`calculateBucketCounts`).
fn bucket_counts(
    point: &ExponentialHistogramDataPoint,
    bounds: &[f64],
    distribution: Distribution,
) -> Vec<u64> {
    let mut counts = vec![0u64; bounds.len()];
    let last = bounds.len() - 1;
    if point.zero_count > 0 && bounds[0] == 0.0 {
        counts[0] = counts[0].wrapping_add(point.zero_count);
    }
    let factor = std::f64::consts::LN_2 * 2f64.powi(-point.scale);
    let mut random = Random::seeded();
    for (pos, &count) in point.positive.bucket_counts.iter().enumerate() {
        let index = point.positive.offset.wrapping_add(pos as i32);
        let upper = ((f64::from(index) + 1.0) * factor).exp();
        let lower = (f64::from(index) * factor).exp();
        if lower > bounds[last] {
            counts[last] = counts[last].wrapping_add(count);
            continue;
        }
        let inside = (1..bounds.len()).find(|&b| lower > bounds[b - 1] && upper <= bounds[b]);
        if let Some(b) = inside {
            counts[b - 1] = counts[b - 1].wrapping_add(count);
            continue;
        }
        match distribution {
            Distribution::Upper => upper_rule(count, upper, bounds, &mut counts),
            Distribution::Midpoint => midpoint_rule(count, upper, lower, bounds, &mut counts),
            Distribution::Uniform => uniform_rule(count, upper, lower, bounds, &mut counts),
            Distribution::Random => {
                random_rule(count, upper, lower, bounds, &mut counts, &mut random);
            }
        }
    }
    counts
}

fn add(counts: &mut [u64], at: usize, count: u64) {
    if let Some(slot) = counts.get_mut(at) {
        *slot = slot.wrapping_add(count);
    }
}

/// The first bound at or above the bucket's upper end.
fn upper_rule(count: u64, upper: f64, bounds: &[f64], counts: &mut [u64]) {
    let at = bounds
        .iter()
        .position(|&b| upper <= b)
        .unwrap_or(bounds.len() - 1);
    add(counts, at, count);
}

/// The bound below the first one at or above the bucket's midpoint.
fn midpoint_rule(count: u64, upper: f64, lower: f64, bounds: &[f64], counts: &mut [u64]) {
    let midpoint = (upper + lower) / 2.0;
    let at = match bounds.iter().position(|&b| midpoint <= b) {
        Some(0) => 0,
        Some(j) => j - 1,
        None => bounds.len() - 1,
    };
    add(counts, at, count);
}

/// Evenly over the bounds the bucket spans, the remainder to the first ones.
fn uniform_rule(count: u64, upper: f64, lower: f64, bounds: &[f64], counts: &mut [u64]) {
    let start = bounds
        .iter()
        .position(|&b| lower <= b)
        .unwrap_or(bounds.len());
    let end = (start..bounds.len())
        .find(|&j| upper <= bounds[j])
        .unwrap_or(bounds.len())
        .min(bounds.len() - 1);
    if end > start {
        let width = (end - start + 1) as u64;
        let (each, mut remainder) = (count / width, count % width);
        for slot in &mut counts[start..=end] {
            *slot = slot.wrapping_add(each);
            if remainder > 0 {
                *slot = slot.wrapping_add(1);
                remainder -= 1;
            }
        }
    } else {
        add(counts, start, count);
    }
}

/// In proportion to the overlap with each bound's range, each share scaled by a random
/// fraction, the rest one by one to random bounds (`randomAlgorithm`).
fn random_rule(
    count: u64,
    upper: f64,
    lower: f64,
    bounds: &[f64],
    counts: &mut [u64],
    random: &mut Random,
) {
    let start = bounds
        .iter()
        .position(|&b| b >= lower)
        .unwrap_or(bounds.len());
    let end = (start..bounds.len())
        .find(|&j| bounds[j] >= upper)
        .unwrap_or(bounds.len())
        .min(bounds.len() - 1);
    if end <= start {
        add(counts, start, count);
        return;
    }
    let width = upper - lower;
    let mut allocated = 0u64;
    for j in start..=end {
        let low = if j == 0 { lower } else { bounds[j - 1] };
        let high = bounds[j];
        let overlap = high.min(upper) - low.max(lower);
        let share = (count as f64 * (overlap / width)) as u64;
        let given = (random.fraction() * share as f64) as u64;
        counts[j] = counts[j].wrapping_add(given);
        allocated = allocated.wrapping_add(given);
    }
    let span = (end - start + 1) as u64;
    for _ in 0..count.saturating_sub(allocated) {
        let at = start + (random.next() % span) as usize;
        counts[at] = counts[at].wrapping_add(1);
    }
}

/// A small xorshift generator, seeded from the system's randomness (through `uuid`'s v4),
/// for the `random` distribution, whose results the reference does not fix either.
struct Random(u64);

impl Random {
    fn seeded() -> Self {
        let seed = uuid::Uuid::new_v4().as_u128() as u64;
        Self(seed | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A float in `[0, 1)`.
    fn fraction(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}
