//! Encoding of metrics.

use super::common::{
    attributes_field, double_field, id_field, int32_field, list_field, optional_double_field,
    resource, scope, string_field, u64_field,
};
use super::writer::Writer;
use crate::model::{
    AggregationTemporality, Buckets, Exemplar, ExponentialHistogramDataPoint, HistogramDataPoint,
    Metric, MetricData, Metrics, NumberDataPoint, NumberValue, ResourceMetrics, ScopeMetrics,
    SummaryDataPoint, ValueAtQuantile,
};

pub(super) fn metrics(w: &mut Writer<'_>, metrics: &Metrics) {
    w.begin_object();
    list_field(
        w,
        "resourceMetrics",
        &metrics.resource_metrics,
        resource_metrics,
    );
    w.end_object();
}

fn resource_metrics(w: &mut Writer<'_>, resource_metrics: &ResourceMetrics) {
    w.begin_object();
    w.field("resource");
    resource(w, &resource_metrics.resource);
    list_field(
        w,
        "scopeMetrics",
        &resource_metrics.scope_metrics,
        scope_metrics,
    );
    string_field(w, "schemaUrl", &resource_metrics.schema_url);
    w.end_object();
}

fn scope_metrics(w: &mut Writer<'_>, scope_metrics: &ScopeMetrics) {
    w.begin_object();
    w.field("scope");
    scope(w, &scope_metrics.scope);
    list_field(w, "metrics", &scope_metrics.metrics, metric);
    string_field(w, "schemaUrl", &scope_metrics.schema_url);
    w.end_object();
}

fn metric(w: &mut Writer<'_>, metric: &Metric) {
    w.begin_object();
    string_field(w, "name", &metric.name);
    string_field(w, "description", &metric.description);
    string_field(w, "unit", &metric.unit);
    match &metric.data {
        MetricData::Empty => {}
        MetricData::Gauge(gauge) => {
            w.field("gauge");
            w.begin_object();
            list_field(w, "dataPoints", &gauge.data_points, number_point);
            w.end_object();
        }
        MetricData::Sum(sum) => {
            w.field("sum");
            w.begin_object();
            list_field(w, "dataPoints", &sum.data_points, number_point);
            temporality_field(w, sum.aggregation_temporality);
            if sum.is_monotonic {
                w.field("isMonotonic");
                w.bool(true);
            }
            w.end_object();
        }
        MetricData::Histogram(histogram) => {
            w.field("histogram");
            w.begin_object();
            list_field(w, "dataPoints", &histogram.data_points, histogram_point);
            temporality_field(w, histogram.aggregation_temporality);
            w.end_object();
        }
        MetricData::ExponentialHistogram(histogram) => {
            w.field("exponentialHistogram");
            w.begin_object();
            list_field(w, "dataPoints", &histogram.data_points, exponential_point);
            temporality_field(w, histogram.aggregation_temporality);
            w.end_object();
        }
        MetricData::Summary(summary) => {
            w.field("summary");
            w.begin_object();
            list_field(w, "dataPoints", &summary.data_points, summary_point);
            w.end_object();
        }
    }
    attributes_field(w, "metadata", &metric.metadata);
    w.end_object();
}

fn temporality_field(w: &mut Writer<'_>, temporality: AggregationTemporality) {
    int32_field(w, "aggregationTemporality", temporality.0);
}

fn number_value(w: &mut Writer<'_>, value: NumberValue) {
    match value {
        NumberValue::None => {}
        NumberValue::Double(number) => {
            w.field("asDouble");
            w.double(number);
        }
        NumberValue::Int(number) => {
            w.field("asInt");
            w.int64_string(number);
        }
    }
}

fn number_point(w: &mut Writer<'_>, point: &NumberDataPoint) {
    w.begin_object();
    attributes_field(w, "attributes", &point.attributes);
    u64_field(w, "startTimeUnixNano", point.start_time_unix_nano);
    u64_field(w, "timeUnixNano", point.time_unix_nano);
    number_value(w, point.value);
    list_field(w, "exemplars", &point.exemplars, exemplar);
    int32_field(w, "flags", point.flags);
    w.end_object();
}

fn u64_list_field(w: &mut Writer<'_>, name: &str, numbers: &[u64]) {
    list_field(w, name, numbers, |w, &number| w.int64_string(number));
}

fn histogram_point(w: &mut Writer<'_>, point: &HistogramDataPoint) {
    w.begin_object();
    attributes_field(w, "attributes", &point.attributes);
    u64_field(w, "startTimeUnixNano", point.start_time_unix_nano);
    u64_field(w, "timeUnixNano", point.time_unix_nano);
    u64_field(w, "count", point.count);
    optional_double_field(w, "sum", point.sum);
    u64_list_field(w, "bucketCounts", &point.bucket_counts);
    list_field(w, "explicitBounds", &point.explicit_bounds, |w, &bound| {
        w.double(bound)
    });
    list_field(w, "exemplars", &point.exemplars, exemplar);
    int32_field(w, "flags", point.flags);
    optional_double_field(w, "min", point.min);
    optional_double_field(w, "max", point.max);
    w.end_object();
}

fn exponential_point(w: &mut Writer<'_>, point: &ExponentialHistogramDataPoint) {
    w.begin_object();
    attributes_field(w, "attributes", &point.attributes);
    u64_field(w, "startTimeUnixNano", point.start_time_unix_nano);
    u64_field(w, "timeUnixNano", point.time_unix_nano);
    u64_field(w, "count", point.count);
    optional_double_field(w, "sum", point.sum);
    int32_field(w, "scale", point.scale);
    u64_field(w, "zeroCount", point.zero_count);
    w.field("positive");
    buckets(w, &point.positive);
    w.field("negative");
    buckets(w, &point.negative);
    int32_field(w, "flags", point.flags);
    list_field(w, "exemplars", &point.exemplars, exemplar);
    optional_double_field(w, "min", point.min);
    optional_double_field(w, "max", point.max);
    double_field(w, "zeroThreshold", point.zero_threshold);
    w.end_object();
}

fn buckets(w: &mut Writer<'_>, buckets: &Buckets) {
    w.begin_object();
    int32_field(w, "offset", buckets.offset);
    u64_list_field(w, "bucketCounts", &buckets.bucket_counts);
    w.end_object();
}

fn summary_point(w: &mut Writer<'_>, point: &SummaryDataPoint) {
    w.begin_object();
    attributes_field(w, "attributes", &point.attributes);
    u64_field(w, "startTimeUnixNano", point.start_time_unix_nano);
    u64_field(w, "timeUnixNano", point.time_unix_nano);
    u64_field(w, "count", point.count);
    double_field(w, "sum", point.sum);
    list_field(
        w,
        "quantileValues",
        &point.quantile_values,
        value_at_quantile,
    );
    int32_field(w, "flags", point.flags);
    w.end_object();
}

fn value_at_quantile(w: &mut Writer<'_>, quantile: &ValueAtQuantile) {
    w.begin_object();
    double_field(w, "quantile", quantile.quantile);
    double_field(w, "value", quantile.value);
    w.end_object();
}

fn exemplar(w: &mut Writer<'_>, exemplar: &Exemplar) {
    w.begin_object();
    attributes_field(w, "filteredAttributes", &exemplar.filtered_attributes);
    u64_field(w, "timeUnixNano", exemplar.time_unix_nano);
    number_value(w, exemplar.value);
    id_field(w, "traceId", &exemplar.trace_id.0);
    id_field(w, "spanId", &exemplar.span_id.0);
    w.end_object();
}
