//! `metric.*` and `datapoint.*` fields. Data point paths depend on the point's kind: a path
//! the kind lacks reads nil and cannot be written.

use super::common::{
    expect_bool, expect_count32, expect_double, expect_int, expect_str, expect_time,
    expect_time_ns, map, mismatch, set_map, text,
};
use crate::RuntimeError;
use crate::RuntimeErrorKind;
use crate::context::{DataPointField, MetricField, PointMut, PointRef};
use crate::model::{AggregationTemporality, AnyValue, Map, Metric, MetricData, NumberValue};
use crate::value::{Object, Time, Value};
use std::borrow::Cow;

pub(super) fn read_metric(field: MetricField, metric: &Metric) -> Value<'_> {
    use MetricData as D;
    use MetricField as M;
    match field {
        M::Name => text(&metric.name),
        M::Description => text(&metric.description),
        M::Unit => text(&metric.unit),
        M::Type => Value::Int(match metric.data {
            D::Empty => 0,
            D::Gauge(_) => 1,
            D::Sum(_) => 2,
            D::Histogram(_) => 3,
            D::ExponentialHistogram(_) => 4,
            D::Summary(_) => 5,
        }),
        M::AggregationTemporality => match temporality(&metric.data) {
            Some(temporality) => Value::Int(temporality.0.into()),
            None => Value::Nil,
        },
        M::IsMonotonic => match &metric.data {
            D::Sum(sum) => Value::Bool(sum.is_monotonic),
            _ => Value::Nil,
        },
        M::DataPoints => Value::Object(match &metric.data {
            D::Empty => return Value::Nil,
            D::Gauge(g) => Object::NumberDataPoints(Cow::Borrowed(&g.data_points)),
            D::Sum(s) => Object::NumberDataPoints(Cow::Borrowed(&s.data_points)),
            D::Histogram(h) => Object::HistogramDataPoints(Cow::Borrowed(&h.data_points)),
            D::ExponentialHistogram(h) => {
                Object::ExponentialHistogramDataPoints(Cow::Borrowed(&h.data_points))
            }
            D::Summary(s) => Object::SummaryDataPoints(Cow::Borrowed(&s.data_points)),
        }),
        M::Metadata => map(&metric.metadata),
    }
}

fn temporality(data: &MetricData) -> Option<AggregationTemporality> {
    match data {
        MetricData::Sum(sum) => Some(sum.aggregation_temporality),
        MetricData::Histogram(h) => Some(h.aggregation_temporality),
        MetricData::ExponentialHistogram(h) => Some(h.aggregation_temporality),
        _ => None,
    }
}

/// Writes a metric field. `type` ignores what it is given (the reference converts metrics
/// with functions, not by setting the type); temporality and monotonicity are ignored on
/// metrics that lack them; data points must be a list of the metric's own point kind.
pub(super) fn write_metric(
    field: MetricField,
    path: &str,
    metric: &mut Metric,
    value: Value<'_>,
) -> Result<(), RuntimeError> {
    use MetricData as D;
    use MetricField as M;
    match field {
        M::Name => metric.name = expect_str(path, value)?,
        M::Description => metric.description = expect_str(path, value)?,
        M::Unit => metric.unit = expect_str(path, value)?,
        M::Type => {}
        M::AggregationTemporality => {
            let temporality = AggregationTemporality(expect_int(path, value)? as i32);
            match &mut metric.data {
                D::Sum(sum) => sum.aggregation_temporality = temporality,
                D::Histogram(h) => h.aggregation_temporality = temporality,
                D::ExponentialHistogram(h) => h.aggregation_temporality = temporality,
                D::Empty | D::Gauge(_) | D::Summary(_) => {}
            }
        }
        M::IsMonotonic => {
            let monotonic = expect_bool(path, value)?;
            if let D::Sum(sum) = &mut metric.data {
                sum.is_monotonic = monotonic;
            }
        }
        M::DataPoints => match (&mut metric.data, value) {
            (D::Gauge(g), Value::Object(Object::NumberDataPoints(points))) => {
                g.data_points = points.into_owned()
            }
            (D::Sum(s), Value::Object(Object::NumberDataPoints(points))) => {
                s.data_points = points.into_owned()
            }
            (D::Histogram(h), Value::Object(Object::HistogramDataPoints(points))) => {
                h.data_points = points.into_owned()
            }
            (
                D::ExponentialHistogram(h),
                Value::Object(Object::ExponentialHistogramDataPoints(points)),
            ) => h.data_points = points.into_owned(),
            (D::Summary(s), Value::Object(Object::SummaryDataPoints(points))) => {
                s.data_points = points.into_owned()
            }
            (_, other) => return Err(mismatch(path, &other)),
        },
        M::Metadata => set_map(&mut metric.metadata, path, value)?,
    }
    Ok(())
}

/// The fields every kind of point has.
struct Common<'a> {
    attributes: &'a Map,
    start: u64,
    time: u64,
    flags: u32,
}

fn common(point: PointRef<'_>) -> Common<'_> {
    macro_rules! of {
        ($p:expr) => {
            Common {
                attributes: &$p.attributes,
                start: $p.start_time_unix_nano,
                time: $p.time_unix_nano,
                flags: $p.flags,
            }
        };
    }
    match point {
        PointRef::Number(p) => of!(p),
        PointRef::Histogram(p) => of!(p),
        PointRef::ExponentialHistogram(p) => of!(p),
        PointRef::Summary(p) => of!(p),
    }
}

/// The point's attributes.
pub(super) fn attributes(point: PointRef<'_>) -> &Map {
    common(point).attributes
}

pub(super) fn read_point(field: DataPointField, point: PointRef<'_>) -> Value<'_> {
    use DataPointField as F;
    use PointRef as P;
    let exemplars = |e| Value::Object(Object::Exemplars(Cow::Borrowed(e)));
    match (field, point) {
        (F::Attributes, p) => map(common(p).attributes),
        (F::StartTimeUnixNano, p) => Value::Int(common(p).start as i64),
        (F::TimeUnixNano, p) => Value::Int(common(p).time as i64),
        (F::StartTime, p) => Value::Time(Time::utc(common(p).start as i64)),
        (F::Time, p) => Value::Time(Time::utc(common(p).time as i64)),
        (F::Flags, p) => Value::Int(common(p).flags.into()),
        (F::ValueDouble, P::Number(p)) => Value::Double(match p.value {
            NumberValue::Double(number) => number,
            _ => 0.0,
        }),
        (F::ValueInt, P::Number(p)) => Value::Int(match p.value {
            NumberValue::Int(number) => number,
            _ => 0,
        }),
        (F::Exemplars, P::Number(p)) => exemplars(&p.exemplars),
        (F::Exemplars, P::Histogram(p)) => exemplars(&p.exemplars),
        (F::Exemplars, P::ExponentialHistogram(p)) => exemplars(&p.exemplars),
        (F::Count, P::Histogram(p)) => Value::Int(p.count as i64),
        (F::Count, P::ExponentialHistogram(p)) => Value::Int(p.count as i64),
        (F::Count, P::Summary(p)) => Value::Int(p.count as i64),
        (F::Sum, P::Histogram(p)) => Value::Double(p.sum.unwrap_or(0.0)),
        (F::Sum, P::ExponentialHistogram(p)) => Value::Double(p.sum.unwrap_or(0.0)),
        (F::Sum, P::Summary(p)) => Value::Double(p.sum),
        (F::BucketCounts, P::Histogram(p)) => uint_list(&p.bucket_counts),
        (F::ExplicitBounds, P::Histogram(p)) => Value::List(Cow::Owned(
            p.explicit_bounds
                .iter()
                .map(|b| AnyValue::Double(*b))
                .collect(),
        )),
        (F::Scale, P::ExponentialHistogram(p)) => Value::Int(p.scale.into()),
        (F::ZeroCount, P::ExponentialHistogram(p)) => Value::Int(p.zero_count as i64),
        (F::Positive, P::ExponentialHistogram(p)) => {
            Value::Object(Object::Buckets(Cow::Borrowed(&p.positive)))
        }
        (F::PositiveOffset, P::ExponentialHistogram(p)) => Value::Int(p.positive.offset.into()),
        (F::PositiveBucketCounts, P::ExponentialHistogram(p)) => {
            uint_list(&p.positive.bucket_counts)
        }
        (F::Negative, P::ExponentialHistogram(p)) => {
            Value::Object(Object::Buckets(Cow::Borrowed(&p.negative)))
        }
        (F::NegativeOffset, P::ExponentialHistogram(p)) => Value::Int(p.negative.offset.into()),
        (F::NegativeBucketCounts, P::ExponentialHistogram(p)) => {
            uint_list(&p.negative.bucket_counts)
        }
        (F::QuantileValues, P::Summary(p)) => {
            Value::Object(Object::QuantileValues(Cow::Borrowed(&p.quantile_values)))
        }
        _ => Value::Nil,
    }
}

/// Bucket counts as a list of ints (each `u64` reinterpreted, as the reference reads them).
fn uint_list(counts: &[u64]) -> Value<'static> {
    Value::List(Cow::Owned(
        counts.iter().map(|c| AnyValue::Int(*c as i64)).collect(),
    ))
}

/// Writes a data point field; a field the point's kind lacks is an error.
pub(super) fn write_point(
    field: DataPointField,
    path: &str,
    point: PointMut<'_>,
    value: Value<'_>,
) -> Result<(), RuntimeError> {
    use DataPointField as F;
    use PointMut as P;
    macro_rules! common_write {
        ($p:expr) => {
            match field {
                F::Attributes => return set_map(&mut $p.attributes, path, value),
                F::StartTimeUnixNano => {
                    $p.start_time_unix_nano = expect_time_ns(path, value)?;
                    return Ok(());
                }
                F::TimeUnixNano => {
                    $p.time_unix_nano = expect_time_ns(path, value)?;
                    return Ok(());
                }
                F::StartTime => {
                    $p.start_time_unix_nano = expect_time(path, value)?;
                    return Ok(());
                }
                F::Time => {
                    $p.time_unix_nano = expect_time(path, value)?;
                    return Ok(());
                }
                F::Flags => {
                    $p.flags = expect_count32(path, value)?;
                    return Ok(());
                }
                _ => {}
            }
        };
    }
    let kind = point_kind(&point);
    match point {
        P::Number(p) => {
            common_write!(p);
            match field {
                F::ValueDouble => p.value = NumberValue::Double(expect_double(path, value)?),
                F::ValueInt => p.value = NumberValue::Int(expect_int(path, value)?),
                F::Exemplars => set_exemplars(&mut p.exemplars, path, value)?,
                _ => return Err(not_applicable(path, kind)),
            }
        }
        P::Histogram(p) => {
            common_write!(p);
            match field {
                F::Exemplars => set_exemplars(&mut p.exemplars, path, value)?,
                F::Count => p.count = expect_int(path, value)? as u64,
                F::Sum => p.sum = Some(expect_double(path, value)?),
                F::BucketCounts => p.bucket_counts = expect_uints(path, value)?,
                F::ExplicitBounds => p.explicit_bounds = expect_doubles(path, value)?,
                _ => return Err(not_applicable(path, kind)),
            }
        }
        P::ExponentialHistogram(p) => {
            common_write!(p);
            match field {
                F::Exemplars => set_exemplars(&mut p.exemplars, path, value)?,
                F::Count => p.count = expect_int(path, value)? as u64,
                F::Sum => p.sum = Some(expect_double(path, value)?),
                F::Scale => p.scale = expect_int(path, value)? as i32,
                F::ZeroCount => p.zero_count = expect_int(path, value)? as u64,
                F::Positive => p.positive = expect_buckets(path, value)?,
                F::PositiveOffset => p.positive.offset = expect_int(path, value)? as i32,
                F::PositiveBucketCounts => p.positive.bucket_counts = expect_uints(path, value)?,
                F::Negative => p.negative = expect_buckets(path, value)?,
                F::NegativeOffset => p.negative.offset = expect_int(path, value)? as i32,
                F::NegativeBucketCounts => p.negative.bucket_counts = expect_uints(path, value)?,
                _ => return Err(not_applicable(path, kind)),
            }
        }
        P::Summary(p) => {
            common_write!(p);
            match field {
                F::Count => p.count = expect_int(path, value)? as u64,
                F::Sum => p.sum = expect_double(path, value)?,
                F::QuantileValues => match value {
                    Value::Object(Object::QuantileValues(values)) => {
                        p.quantile_values = values.into_owned()
                    }
                    Value::Nil => p.quantile_values.clear(),
                    other => return Err(mismatch(path, &other)),
                },
                _ => return Err(not_applicable(path, kind)),
            }
        }
    }
    Ok(())
}

/// The point's kind, as the reference names it in messages.
fn point_kind(point: &PointMut<'_>) -> &'static str {
    match point {
        PointMut::Number(_) => "Number",
        PointMut::Histogram(_) => "Histogram",
        PointMut::ExponentialHistogram(_) => "ExponentialHistogram",
        PointMut::Summary(_) => "Summary",
    }
}

fn not_applicable(path: &str, point: &'static str) -> RuntimeError {
    RuntimeErrorKind::NotApplicable {
        path: path.to_owned(),
        point,
    }
    .into()
}

fn set_exemplars(
    exemplars: &mut Vec<crate::model::Exemplar>,
    path: &str,
    value: Value<'_>,
) -> Result<(), RuntimeError> {
    match value {
        Value::Object(Object::Exemplars(new)) => *exemplars = new.into_owned(),
        Value::Nil => exemplars.clear(),
        other => return Err(mismatch(path, &other)),
    }
    Ok(())
}

fn expect_buckets(path: &str, value: Value<'_>) -> Result<crate::model::Buckets, RuntimeError> {
    match value {
        Value::Object(Object::Buckets(buckets)) => Ok(buckets.into_owned()),
        other => Err(mismatch(path, &other)),
    }
}

/// A list of ints, stored as unsigned counts; nil clears the list.
fn expect_uints(path: &str, value: Value<'_>) -> Result<Vec<u64>, RuntimeError> {
    let items = match value {
        Value::List(items) => items,
        Value::Nil => return Ok(Vec::new()),
        other => return Err(mismatch(path, &other)),
    };
    items
        .iter()
        .map(|item| match item {
            AnyValue::Int(count) => Ok(*count as u64),
            other => Err(element_type(path, other, "a slice of uint64 takes ints")),
        })
        .collect()
}

/// A list of doubles (ints are rejected, as the reference does); nil clears the list.
fn expect_doubles(path: &str, value: Value<'_>) -> Result<Vec<f64>, RuntimeError> {
    let items = match value {
        Value::List(items) => items,
        Value::Nil => return Ok(Vec::new()),
        other => return Err(mismatch(path, &other)),
    };
    items
        .iter()
        .map(|item| match item {
            AnyValue::Double(bound) => Ok(*bound),
            other => Err(element_type(
                path,
                other,
                "invalid value type provided for a slice of float64",
            )),
        })
        .collect()
}

fn element_type(path: &str, element: &AnyValue, reason: &'static str) -> RuntimeError {
    RuntimeErrorKind::InvalidValue {
        path: path.to_owned(),
        value: format!("a list holding {}", Value::from_any(element).value_type()),
        reason,
    }
    .into()
}
