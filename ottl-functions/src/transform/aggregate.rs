//! What `aggregate_on_attributes` and `aggregate_on_attribute_value` share: grouping a
//! metric's points by attributes and timestamps, and merging each group into one point
//! (the reference's `aggregateutil`).
//!
//! The reference keeps its groups in a Go map, so the merged points come out in random order;
//! here they come out in the order each group's first point had.

use ottl_core::diag::Diagnostic;
use ottl_core::function::Args;
use ottl_core::model::{
    AggregationTemporality, ExponentialHistogramDataPoint, HistogramDataPoint, Map, MetricData,
    NumberDataPoint, NumberValue,
};
use ottl_core::text::write_sorted_json_map;
use std::collections::HashMap;
use std::fmt::Write as _;

/// How the values of a group of number points become one.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Aggregation {
    Sum,
    Mean,
    Min,
    Max,
    Median,
    Count,
}

const NAMES: [(&str, Aggregation); 6] = [
    ("sum", Aggregation::Sum),
    ("mean", Aggregation::Mean),
    ("min", Aggregation::Min),
    ("max", Aggregation::Max),
    ("median", Aggregation::Median),
    ("count", Aggregation::Count),
];

/// The aggregation function named by the string literal at `index` (case-sensitive).
pub(super) fn aggregation(args: &mut Args, index: usize) -> Result<Aggregation, Diagnostic> {
    let name = args.string(index)?;
    match NAMES.iter().find(|(known, _)| *known == name) {
        Some((_, aggregation)) => Ok(*aggregation),
        None => Err(args.invalid(
            index,
            format!(
                "invalid aggregation function: 'unsupported function: '{name}'', valid options: sum, mean, min, max, median, count"
            ),
            r#"use one of "sum", "mean", "min", "max", "median", "count""#,
        )),
    }
}

/// Calls `edit` on the attributes of every point of `data`.
pub(super) fn each_attributes(data: &mut MetricData, mut edit: impl FnMut(&mut Map)) {
    match data {
        MetricData::Empty => {}
        MetricData::Gauge(g) => g
            .data_points
            .iter_mut()
            .for_each(|p| edit(&mut p.attributes)),
        MetricData::Sum(s) => s
            .data_points
            .iter_mut()
            .for_each(|p| edit(&mut p.attributes)),
        MetricData::Histogram(h) => h
            .data_points
            .iter_mut()
            .for_each(|p| edit(&mut p.attributes)),
        MetricData::ExponentialHistogram(h) => {
            h.data_points
                .iter_mut()
                .for_each(|p| edit(&mut p.attributes));
        }
        MetricData::Summary(s) => s
            .data_points
            .iter_mut()
            .for_each(|p| edit(&mut p.attributes)),
    }
}

/// Merges the points of `data` that share attributes and timestamps (and, for a delta metric,
/// start time; for histograms, bounds, scale and flags). Number points merge with
/// `aggregation`; histogram points always add up. A summary loses its points, as the
/// reference's grouping has no case for them.
pub(super) fn aggregate(data: &mut MetricData, aggregation: Aggregation) {
    match data {
        MetricData::Empty => {}
        MetricData::Gauge(gauge) => {
            let groups = group(&mut gauge.data_points, |p, key| number_key(p, false, key));
            gauge.data_points = merge(groups, |g| merge_numbers(g, aggregation));
        }
        MetricData::Sum(sum) => {
            let delta = sum.aggregation_temporality == AggregationTemporality::DELTA;
            let groups = group(&mut sum.data_points, |p, key| number_key(p, delta, key));
            sum.data_points = merge(groups, |g| merge_numbers(g, aggregation));
        }
        MetricData::Histogram(h) => {
            let delta = h.aggregation_temporality == AggregationTemporality::DELTA;
            let groups = group(&mut h.data_points, |p, key| histogram_key(p, delta, key));
            h.data_points = merge(groups, merge_histograms);
        }
        MetricData::ExponentialHistogram(h) => {
            let delta = h.aggregation_temporality == AggregationTemporality::DELTA;
            let groups = group(&mut h.data_points, |p, key| exponential_key(p, delta, key));
            h.data_points = merge(groups, merge_exponential);
        }
        MetricData::Summary(summary) => summary.data_points.clear(),
    }
}

/// The points in groups of equal keys, in the order of each group's first point.
fn group<P>(points: &mut Vec<P>, key_of: impl Fn(&P, &mut String)) -> Vec<Vec<P>> {
    let mut index: HashMap<String, usize> = HashMap::with_capacity(points.len());
    let mut groups: Vec<Vec<P>> = Vec::new();
    let mut key = String::new();
    for point in points.drain(..) {
        key.clear();
        key_of(&point, &mut key);
        match index.get(key.as_str()) {
            Some(&at) => groups[at].push(point),
            None => {
                index.insert(key.clone(), groups.len());
                groups.push(vec![point]);
            }
        }
    }
    groups
}

fn merge<P>(groups: Vec<Vec<P>>, merge_one: impl Fn(Vec<P>) -> Option<P>) -> Vec<P> {
    groups.into_iter().filter_map(merge_one).collect()
}

/// The attributes as the reference hashes them (JSON with sorted keys, so order does not
/// matter and an int equals the same double) and the timestamp.
fn common_key(attributes: &Map, time: u64, key: &mut String) {
    write_sorted_json_map(key, attributes);
    let _ = write!(key, "|{time}");
}

fn number_key(point: &NumberDataPoint, by_start: bool, key: &mut String) {
    common_key(&point.attributes, point.time_unix_nano, key);
    if by_start {
        let _ = write!(key, "|{}", point.start_time_unix_nano);
    }
}

fn histogram_key(point: &HistogramDataPoint, by_start: bool, key: &mut String) {
    common_key(&point.attributes, point.time_unix_nano, key);
    for bound in &point.explicit_bounds {
        let _ = write!(key, "|{bound}");
    }
    if by_start {
        let _ = write!(key, "|s{}", point.start_time_unix_nano);
    }
    let _ = write!(
        key,
        "|{}|{}|{}",
        point.min.is_some(),
        point.max.is_some(),
        point.flags
    );
}

fn exponential_key(point: &ExponentialHistogramDataPoint, by_start: bool, key: &mut String) {
    common_key(&point.attributes, point.time_unix_nano, key);
    let _ = write!(
        key,
        "|{}|{}|{}|{}|{}|{}",
        point.scale,
        point.min.is_some(),
        point.max.is_some(),
        point.flags,
        point.negative.offset,
        point.positive.offset
    );
    if by_start {
        let _ = write!(key, "|{}", point.start_time_unix_nano);
    }
}

/// A number point's value as a double (`doubleVal`).
fn double_of(point: &NumberDataPoint) -> f64 {
    match point.value {
        NumberValue::Double(value) => value,
        NumberValue::Int(value) => value as f64,
        NumberValue::None => 0.0,
    }
}

/// A number point's value as an int (`intVal`: a double is truncated).
fn int_of(point: &NumberDataPoint) -> i64 {
    match point.value {
        NumberValue::Double(value) => value as i64,
        NumberValue::Int(value) => value,
        NumberValue::None => 0,
    }
}

/// Go's `math.Max`/`math.Min`: NaN wins.
fn go_extreme(a: f64, b: f64, max: bool) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else if max {
        a.max(b)
    } else {
        a.min(b)
    }
}

/// One group of number points merged into its first point, as `mergeNumberDataPoints` does:
/// the first point's value type decides the arithmetic; `count` only counts groups of two or
/// more.
fn merge_numbers(group: Vec<NumberDataPoint>, aggregation: Aggregation) -> Option<NumberDataPoint> {
    let count = group.len();
    let mut points = group.into_iter();
    let mut merged = points.next()?;
    let rest: Vec<NumberDataPoint> = points.collect();
    let mut start = merged.start_time_unix_nano;
    for other in &rest {
        start = start.min(other.start_time_unix_nano);
    }
    match merged.value {
        NumberValue::Double(first) => {
            let mut value = first;
            let mut values = vec![first];
            for other in &rest {
                let next = double_of(other);
                match aggregation {
                    Aggregation::Sum | Aggregation::Mean => value += next,
                    Aggregation::Max => value = go_extreme(value, next, true),
                    Aggregation::Min => value = go_extreme(value, next, false),
                    Aggregation::Median => values.push(next),
                    Aggregation::Count => value = count as f64,
                }
            }
            match aggregation {
                Aggregation::Mean => value /= count as f64,
                Aggregation::Median if values.len() > 1 => {
                    values.sort_by(|a, b| go_float_order(*a, *b));
                    let middle = values.len() / 2;
                    value = if values.len() % 2 == 1 {
                        values[middle]
                    } else {
                        (values[middle - 1] + values[middle]) / 2.0
                    };
                }
                _ => {}
            }
            merged.value = NumberValue::Double(value);
        }
        NumberValue::Int(first) => {
            let mut value = first;
            let mut values = vec![first];
            for other in &rest {
                match aggregation {
                    // `IntValue()` of a double point is 0 in the reference's sum.
                    Aggregation::Sum | Aggregation::Mean => {
                        if let NumberValue::Int(next) = other.value {
                            value = value.wrapping_add(next);
                        }
                    }
                    Aggregation::Max => value = value.max(int_of(other)),
                    Aggregation::Min => value = value.min(int_of(other)),
                    Aggregation::Median => values.push(int_of(other)),
                    Aggregation::Count => value = count as i64,
                }
            }
            match aggregation {
                Aggregation::Mean => value /= count as i64,
                Aggregation::Median if values.len() > 1 => {
                    values.sort_unstable();
                    let middle = values.len() / 2;
                    value = if values.len() % 2 == 1 {
                        values[middle]
                    } else {
                        values[middle - 1].wrapping_add(values[middle]) / 2
                    };
                }
                _ => {}
            }
            merged.value = NumberValue::Int(value);
        }
        // A point without a value is kept as it is, start time included.
        NumberValue::None => return Some(merged),
    }
    merged.start_time_unix_nano = start;
    Some(merged)
}

/// `sort.Float64s` order: NaN first, then ascending.
fn go_float_order(a: f64, b: f64) -> std::cmp::Ordering {
    match (a.is_nan(), b.is_nan()) {
        (true, true) => std::cmp::Ordering::Equal,
        (true, false) => std::cmp::Ordering::Less,
        (false, true) => std::cmp::Ordering::Greater,
        (false, false) => a.total_cmp(&b),
    }
}

/// Adds bucket counts of `from` to `into`, position by position (extra ones appended).
fn add_counts(into: &mut Vec<u64>, from: &[u64]) {
    for (b, count) in from.iter().enumerate() {
        match into.get_mut(b) {
            Some(slot) => *slot = slot.wrapping_add(*count),
            None => into.push(*count),
        }
    }
}

/// A group of histogram points added up into its first point (`mergeHistogramDataPoints`);
/// points with a zero count are skipped.
fn merge_histograms(group: Vec<HistogramDataPoint>) -> Option<HistogramDataPoint> {
    let mut points = group.into_iter();
    let mut merged = points.next()?;
    for mut other in points {
        if other.count == 0 {
            continue;
        }
        merged.count = merged.count.wrapping_add(other.count);
        merged.sum = Some(merged.sum.unwrap_or(0.0) + other.sum.unwrap_or(0.0));
        merge_min_max(&mut merged.min, &mut merged.max, other.min, other.max);
        // The reference sets counts only where the first point has a bucket.
        for (slot, count) in merged.bucket_counts.iter_mut().zip(&other.bucket_counts) {
            *slot = slot.wrapping_add(*count);
        }
        merged.exemplars.append(&mut other.exemplars);
        merged.start_time_unix_nano = merged.start_time_unix_nano.min(other.start_time_unix_nano);
    }
    Some(merged)
}

/// A group of exponential histogram points added up into its first point
/// (`mergeExponentialHistogramDataPoints`).
fn merge_exponential(
    group: Vec<ExponentialHistogramDataPoint>,
) -> Option<ExponentialHistogramDataPoint> {
    let mut points = group.into_iter();
    let mut merged = points.next()?;
    for mut other in points {
        if other.count == 0 {
            continue;
        }
        merged.count = merged.count.wrapping_add(other.count);
        merged.sum = Some(merged.sum.unwrap_or(0.0) + other.sum.unwrap_or(0.0));
        merged.zero_count = merged.zero_count.wrapping_add(other.zero_count);
        merge_min_max(&mut merged.min, &mut merged.max, other.min, other.max);
        add_counts(
            &mut merged.negative.bucket_counts,
            &other.negative.bucket_counts,
        );
        add_counts(
            &mut merged.positive.bucket_counts,
            &other.positive.bucket_counts,
        );
        merged.exemplars.append(&mut other.exemplars);
        merged.start_time_unix_nano = merged.start_time_unix_nano.min(other.start_time_unix_nano);
    }
    Some(merged)
}

/// The reference's min/max update: only where the merged point has one, against the other's
/// (0 when it has none).
fn merge_min_max(
    min: &mut Option<f64>,
    max: &mut Option<f64>,
    other_min: Option<f64>,
    other_max: Option<f64>,
) {
    let (other_min, other_max) = (other_min.unwrap_or(0.0), other_max.unwrap_or(0.0));
    if let Some(min) = min
        && *min > other_min
    {
        *min = other_min;
    }
    if let Some(max) = max
        && *max < other_max
    {
        *max = other_max;
    }
}
