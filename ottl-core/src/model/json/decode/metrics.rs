//! Decoding of metrics.

use super::common::{key_values, resource, scope};
use super::reader::{Reader, set};
use super::scalar::{
    read_enum, read_f64, read_i32, read_i64, read_span_id, read_string, read_trace_id, read_u32,
    read_u64,
};
use crate::model::attribute_counts::Holder;
use crate::model::json::error::Decoded;
use crate::model::{
    AggregationTemporality, Buckets, Exemplar, ExponentialHistogram, ExponentialHistogramDataPoint,
    Gauge, Histogram, HistogramDataPoint, Metric, MetricData, NumberDataPoint, NumberValue,
    ResourceMetrics, ScopeMetrics, Sum, Summary, SummaryDataPoint, ValueAtQuantile,
};

/// The elements of a `resourceMetrics` array, appended to `out`.
pub(super) fn resource_metrics_list(
    r: &mut Reader<'_>,
    out: &mut Vec<ResourceMetrics>,
) -> Decoded<()> {
    r.read_array_into(out, resource_metrics)
}

pub(super) fn resource_metrics(r: &mut Reader<'_>) -> Decoded<ResourceMetrics> {
    let mut resource_metrics = ResourceMetrics::default();
    let mut deprecated = Vec::new();
    r.read_object(|r, key| match key {
        "resource" => resource(r, &mut resource_metrics.resource),
        "scopeMetrics" | "scope_metrics" => {
            r.read_array_into(&mut resource_metrics.scope_metrics, scope_metrics)
        }
        "schemaUrl" | "schema_url" => set(&mut resource_metrics.schema_url, read_string(r)?),
        "deprecatedScopeMetrics" | "deprecated_scope_metrics" => {
            r.read_array_into(&mut deprecated, scope_metrics)
        }
        _ => r.skip_value(),
    })?;
    if resource_metrics.scope_metrics.is_empty() {
        resource_metrics.scope_metrics = deprecated;
    }
    Ok(resource_metrics)
}

fn scope_metrics(r: &mut Reader<'_>) -> Decoded<ScopeMetrics> {
    let mut scope_metrics = ScopeMetrics::default();
    r.read_object(|r, key| match key {
        "scope" => scope(r, &mut scope_metrics.scope),
        "metrics" => r.read_array_into(&mut scope_metrics.metrics, metric),
        "schemaUrl" | "schema_url" => set(&mut scope_metrics.schema_url, read_string(r)?),
        _ => r.skip_value(),
    })?;
    Ok(scope_metrics)
}

/// A metric; if it sets several data kinds, the last one wins (as in pdata).
fn metric(r: &mut Reader<'_>) -> Decoded<Metric> {
    let mut metric = Metric::default();
    r.read_object(|r, key| match key {
        "name" => set(&mut metric.name, read_string(r)?),
        "description" => set(&mut metric.description, read_string(r)?),
        "unit" => set(&mut metric.unit, read_string(r)?),
        "gauge" => set(&mut metric.data, MetricData::Gauge(gauge(r)?)),
        "sum" => set(&mut metric.data, MetricData::Sum(sum(r)?)),
        "histogram" => set(&mut metric.data, MetricData::Histogram(histogram(r)?)),
        "exponentialHistogram" | "exponential_histogram" => {
            let data = MetricData::ExponentialHistogram(exponential_histogram(r)?);
            set(&mut metric.data, data)
        }
        "summary" => set(&mut metric.data, MetricData::Summary(summary(r)?)),
        "metadata" => key_values(r, Holder::Metric, &mut metric.metadata),
        _ => r.skip_value(),
    })?;
    Ok(metric)
}

fn temporality(r: &mut Reader<'_>) -> Decoded<AggregationTemporality> {
    read_enum(
        r,
        "AggregationTemporality",
        AggregationTemporality::NAMES,
        AggregationTemporality,
    )
}

fn gauge(r: &mut Reader<'_>) -> Decoded<Gauge> {
    let mut gauge = Gauge::default();
    r.read_object(|r, key| match key {
        "dataPoints" | "data_points" => r.read_array_into(&mut gauge.data_points, number_point),
        _ => r.skip_value(),
    })?;
    Ok(gauge)
}

fn sum(r: &mut Reader<'_>) -> Decoded<Sum> {
    let mut sum = Sum::default();
    r.read_object(|r, key| match key {
        "dataPoints" | "data_points" => r.read_array_into(&mut sum.data_points, number_point),
        "aggregationTemporality" | "aggregation_temporality" => {
            set(&mut sum.aggregation_temporality, temporality(r)?)
        }
        "isMonotonic" | "is_monotonic" => set(&mut sum.is_monotonic, r.read_bool()?),
        _ => r.skip_value(),
    })?;
    Ok(sum)
}

fn histogram(r: &mut Reader<'_>) -> Decoded<Histogram> {
    let mut histogram = Histogram::default();
    r.read_object(|r, key| match key {
        "dataPoints" | "data_points" => {
            r.read_array_into(&mut histogram.data_points, histogram_point)
        }
        "aggregationTemporality" | "aggregation_temporality" => {
            set(&mut histogram.aggregation_temporality, temporality(r)?)
        }
        _ => r.skip_value(),
    })?;
    Ok(histogram)
}

fn exponential_histogram(r: &mut Reader<'_>) -> Decoded<ExponentialHistogram> {
    let mut histogram = ExponentialHistogram::default();
    r.read_object(|r, key| match key {
        "dataPoints" | "data_points" => {
            r.read_array_into(&mut histogram.data_points, exponential_point)
        }
        "aggregationTemporality" | "aggregation_temporality" => {
            set(&mut histogram.aggregation_temporality, temporality(r)?)
        }
        _ => r.skip_value(),
    })?;
    Ok(histogram)
}

fn summary(r: &mut Reader<'_>) -> Decoded<Summary> {
    let mut summary = Summary::default();
    r.read_object(|r, key| match key {
        "dataPoints" | "data_points" => r.read_array_into(&mut summary.data_points, summary_point),
        _ => r.skip_value(),
    })?;
    Ok(summary)
}

fn number_point(r: &mut Reader<'_>) -> Decoded<NumberDataPoint> {
    let mut point = NumberDataPoint::default();
    r.read_object(|r, key| match key {
        "attributes" => key_values(r, Holder::NumberPoint, &mut point.attributes),
        "startTimeUnixNano" | "start_time_unix_nano" => {
            set(&mut point.start_time_unix_nano, read_u64(r)?)
        }
        "timeUnixNano" | "time_unix_nano" => set(&mut point.time_unix_nano, read_u64(r)?),
        "asDouble" | "as_double" => set(&mut point.value, NumberValue::Double(read_f64(r)?)),
        "asInt" | "as_int" => set(&mut point.value, NumberValue::Int(read_i64(r)?)),
        "exemplars" => r.read_array_into(&mut point.exemplars, exemplar),
        "flags" => set(&mut point.flags, read_u32(r)?),
        _ => r.skip_value(),
    })?;
    Ok(point)
}

fn histogram_point(r: &mut Reader<'_>) -> Decoded<HistogramDataPoint> {
    let mut point = HistogramDataPoint::default();
    r.read_object(|r, key| match key {
        "attributes" => key_values(r, Holder::HistogramPoint, &mut point.attributes),
        "startTimeUnixNano" | "start_time_unix_nano" => {
            set(&mut point.start_time_unix_nano, read_u64(r)?)
        }
        "timeUnixNano" | "time_unix_nano" => set(&mut point.time_unix_nano, read_u64(r)?),
        "count" => set(&mut point.count, read_u64(r)?),
        "sum" => set(&mut point.sum, Some(read_f64(r)?)),
        "bucketCounts" | "bucket_counts" => r.read_array_into(&mut point.bucket_counts, read_u64),
        "explicitBounds" | "explicit_bounds" => {
            r.read_array_into(&mut point.explicit_bounds, read_f64)
        }
        "exemplars" => r.read_array_into(&mut point.exemplars, exemplar),
        "flags" => set(&mut point.flags, read_u32(r)?),
        "min" => set(&mut point.min, Some(read_f64(r)?)),
        "max" => set(&mut point.max, Some(read_f64(r)?)),
        _ => r.skip_value(),
    })?;
    Ok(point)
}

fn exponential_point(r: &mut Reader<'_>) -> Decoded<ExponentialHistogramDataPoint> {
    let mut point = ExponentialHistogramDataPoint::default();
    r.read_object(|r, key| match key {
        "attributes" => key_values(r, Holder::ExponentialPoint, &mut point.attributes),
        "startTimeUnixNano" | "start_time_unix_nano" => {
            set(&mut point.start_time_unix_nano, read_u64(r)?)
        }
        "timeUnixNano" | "time_unix_nano" => set(&mut point.time_unix_nano, read_u64(r)?),
        "count" => set(&mut point.count, read_u64(r)?),
        "sum" => set(&mut point.sum, Some(read_f64(r)?)),
        "scale" => set(&mut point.scale, read_i32(r)?),
        "zeroCount" | "zero_count" => set(&mut point.zero_count, read_u64(r)?),
        "positive" => buckets(r, &mut point.positive),
        "negative" => buckets(r, &mut point.negative),
        "flags" => set(&mut point.flags, read_u32(r)?),
        "exemplars" => r.read_array_into(&mut point.exemplars, exemplar),
        "min" => set(&mut point.min, Some(read_f64(r)?)),
        "max" => set(&mut point.max, Some(read_f64(r)?)),
        "zeroThreshold" | "zero_threshold" => set(&mut point.zero_threshold, read_f64(r)?),
        _ => r.skip_value(),
    })?;
    Ok(point)
}

fn buckets(r: &mut Reader<'_>, buckets: &mut Buckets) -> Decoded<()> {
    r.read_object(|r, key| match key {
        "offset" => set(&mut buckets.offset, read_i32(r)?),
        "bucketCounts" | "bucket_counts" => r.read_array_into(&mut buckets.bucket_counts, read_u64),
        _ => r.skip_value(),
    })
}

fn summary_point(r: &mut Reader<'_>) -> Decoded<SummaryDataPoint> {
    let mut point = SummaryDataPoint::default();
    r.read_object(|r, key| match key {
        "attributes" => key_values(r, Holder::SummaryPoint, &mut point.attributes),
        "startTimeUnixNano" | "start_time_unix_nano" => {
            set(&mut point.start_time_unix_nano, read_u64(r)?)
        }
        "timeUnixNano" | "time_unix_nano" => set(&mut point.time_unix_nano, read_u64(r)?),
        "count" => set(&mut point.count, read_u64(r)?),
        "sum" => set(&mut point.sum, read_f64(r)?),
        "quantileValues" | "quantile_values" => {
            r.read_array_into(&mut point.quantile_values, value_at_quantile)
        }
        "flags" => set(&mut point.flags, read_u32(r)?),
        _ => r.skip_value(),
    })?;
    Ok(point)
}

fn value_at_quantile(r: &mut Reader<'_>) -> Decoded<ValueAtQuantile> {
    let mut quantile = ValueAtQuantile::default();
    r.read_object(|r, key| match key {
        "quantile" => set(&mut quantile.quantile, read_f64(r)?),
        "value" => set(&mut quantile.value, read_f64(r)?),
        _ => r.skip_value(),
    })?;
    Ok(quantile)
}

fn exemplar(r: &mut Reader<'_>) -> Decoded<Exemplar> {
    let mut exemplar = Exemplar::default();
    r.read_object(|r, key| match key {
        "filteredAttributes" | "filtered_attributes" => {
            key_values(r, Holder::Exemplar, &mut exemplar.filtered_attributes)
        }
        "timeUnixNano" | "time_unix_nano" => set(&mut exemplar.time_unix_nano, read_u64(r)?),
        "asDouble" | "as_double" => set(&mut exemplar.value, NumberValue::Double(read_f64(r)?)),
        "asInt" | "as_int" => set(&mut exemplar.value, NumberValue::Int(read_i64(r)?)),
        "traceId" | "trace_id" => set(&mut exemplar.trace_id, read_trace_id(r)?),
        "spanId" | "span_id" => set(&mut exemplar.span_id, read_span_id(r)?),
        _ => r.skip_value(),
    })?;
    Ok(exemplar)
}
