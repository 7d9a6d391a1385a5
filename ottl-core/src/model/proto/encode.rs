//! The model as OTLP protobuf, in one pass: fields in field-number order, proto3 defaults left
//! out, and the messages pdata always writes (`resource`, `scope`, log `body`, span `status`,
//! `KeyValue.value`, exponential histogram `positive`/`negative`) written even when empty.
//!
//! A nested message's length is not known until it is written: one byte is reserved for it
//! and the message moved right when its length needs more (most messages under 128 bytes need
//! no move; the rest move once per level, a `memmove` of their bytes).

use super::EncodeError;
use crate::model::json::MAX_DEPTH;
use crate::model::{
    AnyValue, Buckets, EntityRef, Exemplar, ExponentialHistogramDataPoint, HistogramDataPoint,
    InstrumentationScope, LogRecord, Logs, Map, Metric, MetricData, Metrics, NumberDataPoint,
    NumberValue, Resource, ResourceLogs, ResourceMetrics, ResourceSpans, ScopeLogs, ScopeMetrics,
    ScopeSpans, Span, SpanEvent, SpanId, SpanLink, SummaryDataPoint, TraceId, Traces,
};

type Encoded = Result<(), EncodeError>;

const VARINT: u8 = 0;
const I64: u8 = 1;
const LEN: u8 = 2;
const I32: u8 = 5;

/// The bytes `value` takes as a varint.
fn varint_len(value: u64) -> usize {
    // One byte per started seven bits, and one for zero.
    (64 - (value | 1).leading_zeros() as usize).div_ceil(7)
}

pub(super) struct Writer<'o> {
    out: &'o mut Vec<u8>,
    depth: usize,
}

impl<'o> Writer<'o> {
    pub(super) fn new(out: &'o mut Vec<u8>) -> Self {
        Self { out, depth: 0 }
    }

    #[inline]
    fn varint(&mut self, mut value: u64) {
        while value >= 0x80 {
            self.out.push((value as u8) | 0x80);
            value >>= 7;
        }
        self.out.push(value as u8);
    }

    #[inline]
    fn key(&mut self, number: u32, wire: u8) {
        self.varint(u64::from(number) << 3 | u64::from(wire));
    }

    /// A varint field, left out when zero.
    #[inline]
    fn uint(&mut self, number: u32, value: u64) {
        if value != 0 {
            self.key(number, VARINT);
            self.varint(value);
        }
    }

    /// An `int32` or enum field (negative values take ten bytes, as protobuf writes them).
    #[inline]
    fn int32(&mut self, number: u32, value: i32) {
        self.uint(number, i64::from(value) as u64);
    }

    /// A `sint32` field (zigzag).
    #[inline]
    fn sint32(&mut self, number: u32, value: i32) {
        self.uint(number, u64::from(((value << 1) ^ (value >> 31)) as u32));
    }

    #[inline]
    fn fixed64(&mut self, number: u32, value: u64) {
        if value != 0 {
            self.key(number, I64);
            self.out.extend_from_slice(&value.to_le_bytes());
        }
    }

    #[inline]
    fn fixed32(&mut self, number: u32, value: u32) {
        if value != 0 {
            self.key(number, I32);
            self.out.extend_from_slice(&value.to_le_bytes());
        }
    }

    /// A `double` field, left out when zero.
    #[inline]
    fn double(&mut self, number: u32, value: f64) {
        if value != 0.0 {
            self.present_double(number, value);
        }
    }

    /// A `double` field with presence (an `optional` or oneof member): written when set.
    #[inline]
    fn present_double(&mut self, number: u32, value: f64) {
        self.key(number, I64);
        self.out.extend_from_slice(&value.to_bits().to_le_bytes());
    }

    #[inline]
    fn present_bytes(&mut self, number: u32, bytes: &[u8]) {
        self.key(number, LEN);
        self.varint(bytes.len() as u64);
        self.out.extend_from_slice(bytes);
    }

    /// A string or bytes field, left out when empty.
    #[inline]
    fn bytes(&mut self, number: u32, bytes: &[u8]) {
        if !bytes.is_empty() {
            self.present_bytes(number, bytes);
        }
    }

    #[inline]
    fn trace_id(&mut self, number: u32, id: &TraceId) {
        if !id.is_empty() {
            self.present_bytes(number, &id.0);
        }
    }

    #[inline]
    fn span_id(&mut self, number: u32, id: &SpanId) {
        if !id.is_empty() {
            self.present_bytes(number, &id.0);
        }
    }

    /// A nested message field, written by `write` (always present, even when empty).
    #[inline]
    fn message(&mut self, number: u32, write: impl FnOnce(&mut Self) -> Encoded) -> Encoded {
        self.key(number, LEN);
        let at = self.out.len();
        self.out.push(0);
        write(self)?;
        let len = self.out.len() - at - 1;
        if len < 0x80 {
            self.out[at] = len as u8;
        } else {
            let mut prefix = [0u8; 10];
            let mut n = 0;
            let mut value = len as u64;
            while value >= 0x80 {
                prefix[n] = (value as u8) | 0x80;
                value >>= 7;
                n += 1;
            }
            prefix[n] = value as u8;
            n += 1;
            self.out.resize(self.out.len() + n - 1, 0);
            self.out.copy_within(at + 1..at + 1 + len, at + n);
            self.out[at..at + n].copy_from_slice(&prefix[..n]);
        }
        Ok(())
    }

    /// A packed repeated field of eight-byte values, left out when empty.
    fn packed_fixed64(&mut self, number: u32, values: impl ExactSizeIterator<Item = u64>) {
        if values.len() > 0 {
            self.key(number, LEN);
            self.varint(8 * values.len() as u64);
            for value in values {
                self.out.extend_from_slice(&value.to_le_bytes());
            }
        }
    }

    fn attributes(&mut self, number: u32, map: &Map) -> Encoded {
        for (key, value) in map.iter() {
            if self.short_attribute(number, key, value) {
                continue;
            }
            self.message(number, |w| {
                w.bytes(1, key.as_bytes());
                w.any_value(2, value)
            })?;
        }
        Ok(())
    }

    /// Writes an attribute whose value is a string or an int and whose `KeyValue` takes under
    /// 128 bytes (most attributes) with its lengths computed first: the bytes `message` and
    /// `any_value` write, without reserving and patching two lengths and checking the depth
    /// through two closures. Returns false, having written nothing, for any other attribute.
    #[inline]
    fn short_attribute(&mut self, number: u32, key: &str, value: &AnyValue) -> bool {
        // The `AnyValue` message's length, and the value: a string, else an int.
        let (value_len, text, int) = match value {
            AnyValue::Str(text) => (2 + text.len(), Some(text), 0),
            AnyValue::Int(int) => (1 + varint_len(*int as u64), None, *int as u64),
            _ => return false,
        };
        let key_len = if key.is_empty() { 0 } else { 2 + key.len() };
        let entry_len = key_len + 2 + value_len;
        // The depth check is `any_value`'s: past it, the general path reports the error.
        if entry_len >= 0x80 || self.depth >= MAX_DEPTH {
            return false;
        }
        self.key(number, LEN);
        self.out.push(entry_len as u8);
        if !key.is_empty() {
            self.out.extend_from_slice(&[1 << 3 | LEN, key.len() as u8]);
            self.out.extend_from_slice(key.as_bytes());
        }
        self.out.extend_from_slice(&[2 << 3 | LEN, value_len as u8]);
        match text {
            Some(text) => {
                self.out
                    .extend_from_slice(&[1 << 3 | LEN, text.len() as u8]);
                self.out.extend_from_slice(text.as_bytes());
            }
            None => {
                self.out.push(3 << 3 | VARINT);
                self.varint(int);
            }
        }
        true
    }

    /// An `AnyValue` field (always written: `KeyValue.value` and the log body are).
    fn any_value(&mut self, number: u32, value: &AnyValue) -> Encoded {
        if self.depth >= MAX_DEPTH {
            return Err(EncodeError::TooDeep);
        }
        self.depth += 1;
        let written = self.message(number, |w| {
            match value {
                AnyValue::Empty => {}
                AnyValue::Str(text) => w.present_bytes(1, text.as_bytes()),
                AnyValue::Bool(flag) => {
                    w.key(2, VARINT);
                    w.varint(u64::from(*flag));
                }
                AnyValue::Int(number) => {
                    w.key(3, VARINT);
                    w.varint(*number as u64);
                }
                AnyValue::Double(number) => w.present_double(4, *number),
                AnyValue::Array(items) => w.message(5, |w| {
                    items.iter().try_for_each(|item| w.any_value(1, item))
                })?,
                AnyValue::KvList(map) => w.message(6, |w| w.attributes(1, map))?,
                AnyValue::Bytes(bytes) => w.present_bytes(7, bytes),
            }
            Ok(())
        });
        self.depth -= 1;
        written
    }

    fn resource(&mut self, resource: &Resource) -> Encoded {
        self.message(1, |w| {
            w.attributes(1, &resource.attributes)?;
            w.uint(2, resource.dropped_attributes_count.into());
            for entity in &resource.entity_refs {
                w.message(3, |w| w.entity_ref(entity))?;
            }
            Ok(())
        })
    }

    fn entity_ref(&mut self, entity: &EntityRef) -> Encoded {
        self.bytes(1, entity.schema_url.as_bytes());
        self.bytes(2, entity.entity_type.as_bytes());
        for key in &entity.id_keys {
            self.present_bytes(3, key.as_bytes());
        }
        for key in &entity.description_keys {
            self.present_bytes(4, key.as_bytes());
        }
        Ok(())
    }

    fn scope(&mut self, scope: &InstrumentationScope) -> Encoded {
        self.message(1, |w| {
            w.bytes(1, scope.name.as_bytes());
            w.bytes(2, scope.version.as_bytes());
            w.attributes(3, &scope.attributes)?;
            w.uint(4, scope.dropped_attributes_count.into());
            Ok(())
        })
    }

    pub(super) fn logs(&mut self, logs: &Logs) -> Encoded {
        for resource_logs in &logs.resource_logs {
            self.message(1, |w| w.resource_logs(resource_logs))?;
        }
        Ok(())
    }

    fn resource_logs(&mut self, resource_logs: &ResourceLogs) -> Encoded {
        self.resource(&resource_logs.resource)?;
        for scope_logs in &resource_logs.scope_logs {
            self.message(2, |w| w.scope_logs(scope_logs))?;
        }
        self.bytes(3, resource_logs.schema_url.as_bytes());
        Ok(())
    }

    fn scope_logs(&mut self, scope_logs: &ScopeLogs) -> Encoded {
        self.scope(&scope_logs.scope)?;
        for record in &scope_logs.log_records {
            self.message(2, |w| w.log_record(record))?;
        }
        self.bytes(3, scope_logs.schema_url.as_bytes());
        Ok(())
    }

    fn log_record(&mut self, log: &LogRecord) -> Encoded {
        self.fixed64(1, log.time_unix_nano);
        self.int32(2, log.severity_number.0);
        self.bytes(3, log.severity_text.as_bytes());
        self.any_value(5, &log.body)?;
        self.attributes(6, &log.attributes)?;
        self.uint(7, log.dropped_attributes_count.into());
        self.fixed32(8, log.flags);
        self.trace_id(9, &log.trace_id);
        self.span_id(10, &log.span_id);
        self.fixed64(11, log.observed_time_unix_nano);
        self.bytes(12, log.event_name.as_bytes());
        Ok(())
    }

    pub(super) fn traces(&mut self, traces: &Traces) -> Encoded {
        for resource_spans in &traces.resource_spans {
            self.message(1, |w| w.resource_spans(resource_spans))?;
        }
        Ok(())
    }

    fn resource_spans(&mut self, resource_spans: &ResourceSpans) -> Encoded {
        self.resource(&resource_spans.resource)?;
        for scope_spans in &resource_spans.scope_spans {
            self.message(2, |w| w.scope_spans(scope_spans))?;
        }
        self.bytes(3, resource_spans.schema_url.as_bytes());
        Ok(())
    }

    fn scope_spans(&mut self, scope_spans: &ScopeSpans) -> Encoded {
        self.scope(&scope_spans.scope)?;
        for span in &scope_spans.spans {
            self.message(2, |w| w.span(span))?;
        }
        self.bytes(3, scope_spans.schema_url.as_bytes());
        Ok(())
    }

    fn span(&mut self, span: &Span) -> Encoded {
        self.trace_id(1, &span.trace_id);
        self.span_id(2, &span.span_id);
        self.bytes(3, span.trace_state.as_bytes());
        self.span_id(4, &span.parent_span_id);
        self.bytes(5, span.name.as_bytes());
        self.int32(6, span.kind.0);
        self.fixed64(7, span.start_time_unix_nano);
        self.fixed64(8, span.end_time_unix_nano);
        self.attributes(9, &span.attributes)?;
        self.uint(10, span.dropped_attributes_count.into());
        for event in &span.events {
            self.message(11, |w| w.span_event(event))?;
        }
        self.uint(12, span.dropped_events_count.into());
        for link in &span.links {
            self.message(13, |w| w.span_link(link))?;
        }
        self.uint(14, span.dropped_links_count.into());
        self.message(15, |w| {
            w.bytes(2, span.status.message.as_bytes());
            w.int32(3, span.status.code.0);
            Ok(())
        })?;
        self.fixed32(16, span.flags);
        Ok(())
    }

    fn span_event(&mut self, event: &SpanEvent) -> Encoded {
        self.fixed64(1, event.time_unix_nano);
        self.bytes(2, event.name.as_bytes());
        self.attributes(3, &event.attributes)?;
        self.uint(4, event.dropped_attributes_count.into());
        Ok(())
    }

    fn span_link(&mut self, link: &SpanLink) -> Encoded {
        self.trace_id(1, &link.trace_id);
        self.span_id(2, &link.span_id);
        self.bytes(3, link.trace_state.as_bytes());
        self.attributes(4, &link.attributes)?;
        self.uint(5, link.dropped_attributes_count.into());
        self.fixed32(6, link.flags);
        Ok(())
    }

    pub(super) fn metrics(&mut self, metrics: &Metrics) -> Encoded {
        for resource_metrics in &metrics.resource_metrics {
            self.message(1, |w| w.resource_metrics(resource_metrics))?;
        }
        Ok(())
    }

    fn resource_metrics(&mut self, resource_metrics: &ResourceMetrics) -> Encoded {
        self.resource(&resource_metrics.resource)?;
        for scope_metrics in &resource_metrics.scope_metrics {
            self.message(2, |w| w.scope_metrics(scope_metrics))?;
        }
        self.bytes(3, resource_metrics.schema_url.as_bytes());
        Ok(())
    }

    fn scope_metrics(&mut self, scope_metrics: &ScopeMetrics) -> Encoded {
        self.scope(&scope_metrics.scope)?;
        for metric in &scope_metrics.metrics {
            self.message(2, |w| w.metric(metric))?;
        }
        self.bytes(3, scope_metrics.schema_url.as_bytes());
        Ok(())
    }

    fn metric(&mut self, metric: &Metric) -> Encoded {
        self.bytes(1, metric.name.as_bytes());
        self.bytes(2, metric.description.as_bytes());
        self.bytes(3, metric.unit.as_bytes());
        match &metric.data {
            MetricData::Empty => {}
            MetricData::Gauge(gauge) => self.message(5, |w| {
                for point in &gauge.data_points {
                    w.message(1, |w| w.number_point(point))?;
                }
                Ok(())
            })?,
            MetricData::Sum(sum) => self.message(7, |w| {
                for point in &sum.data_points {
                    w.message(1, |w| w.number_point(point))?;
                }
                w.int32(2, sum.aggregation_temporality.0);
                w.uint(3, sum.is_monotonic.into());
                Ok(())
            })?,
            MetricData::Histogram(histogram) => self.message(9, |w| {
                for point in &histogram.data_points {
                    w.message(1, |w| w.histogram_point(point))?;
                }
                w.int32(2, histogram.aggregation_temporality.0);
                Ok(())
            })?,
            MetricData::ExponentialHistogram(histogram) => self.message(10, |w| {
                for point in &histogram.data_points {
                    w.message(1, |w| w.exponential_point(point))?;
                }
                w.int32(2, histogram.aggregation_temporality.0);
                Ok(())
            })?,
            MetricData::Summary(summary) => self.message(11, |w| {
                for point in &summary.data_points {
                    w.message(1, |w| w.summary_point(point))?;
                }
                Ok(())
            })?,
        }
        self.attributes(12, &metric.metadata)
    }

    /// The `as_double` member of a number oneof, if that is the one set.
    fn as_double(&mut self, number: u32, value: NumberValue) {
        if let NumberValue::Double(double) = value {
            self.present_double(number, double);
        }
    }

    /// The `as_int` (sfixed64) member of a number oneof, if that is the one set.
    fn as_int(&mut self, number: u32, value: NumberValue) {
        if let NumberValue::Int(int) = value {
            self.key(number, I64);
            self.out.extend_from_slice(&int.to_le_bytes());
        }
    }

    fn number_point(&mut self, point: &NumberDataPoint) -> Encoded {
        self.fixed64(2, point.start_time_unix_nano);
        self.fixed64(3, point.time_unix_nano);
        self.as_double(4, point.value);
        for exemplar in &point.exemplars {
            self.message(5, |w| w.exemplar(exemplar))?;
        }
        self.as_int(6, point.value);
        self.attributes(7, &point.attributes)?;
        self.uint(8, point.flags.into());
        Ok(())
    }

    fn exemplar(&mut self, exemplar: &Exemplar) -> Encoded {
        self.fixed64(2, exemplar.time_unix_nano);
        self.as_double(3, exemplar.value);
        self.span_id(4, &exemplar.span_id);
        self.trace_id(5, &exemplar.trace_id);
        self.as_int(6, exemplar.value);
        self.attributes(7, &exemplar.filtered_attributes)
    }

    fn histogram_point(&mut self, point: &HistogramDataPoint) -> Encoded {
        self.fixed64(2, point.start_time_unix_nano);
        self.fixed64(3, point.time_unix_nano);
        self.fixed64(4, point.count);
        if let Some(sum) = point.sum {
            self.present_double(5, sum);
        }
        self.packed_fixed64(6, point.bucket_counts.iter().copied());
        self.packed_fixed64(7, point.explicit_bounds.iter().map(|b| b.to_bits()));
        for exemplar in &point.exemplars {
            self.message(8, |w| w.exemplar(exemplar))?;
        }
        self.attributes(9, &point.attributes)?;
        self.uint(10, point.flags.into());
        if let Some(min) = point.min {
            self.present_double(11, min);
        }
        if let Some(max) = point.max {
            self.present_double(12, max);
        }
        Ok(())
    }

    fn exponential_point(&mut self, point: &ExponentialHistogramDataPoint) -> Encoded {
        self.attributes(1, &point.attributes)?;
        self.fixed64(2, point.start_time_unix_nano);
        self.fixed64(3, point.time_unix_nano);
        self.fixed64(4, point.count);
        if let Some(sum) = point.sum {
            self.present_double(5, sum);
        }
        self.sint32(6, point.scale);
        self.fixed64(7, point.zero_count);
        self.message(8, |w| w.buckets(&point.positive))?;
        self.message(9, |w| w.buckets(&point.negative))?;
        self.uint(10, point.flags.into());
        for exemplar in &point.exemplars {
            self.message(11, |w| w.exemplar(exemplar))?;
        }
        if let Some(min) = point.min {
            self.present_double(12, min);
        }
        if let Some(max) = point.max {
            self.present_double(13, max);
        }
        self.double(14, point.zero_threshold);
        Ok(())
    }

    fn buckets(&mut self, buckets: &Buckets) -> Encoded {
        self.sint32(1, buckets.offset);
        if !buckets.bucket_counts.is_empty() {
            self.message(2, |w| {
                buckets.bucket_counts.iter().for_each(|&c| w.varint(c));
                Ok(())
            })?;
        }
        Ok(())
    }

    fn summary_point(&mut self, point: &SummaryDataPoint) -> Encoded {
        self.fixed64(2, point.start_time_unix_nano);
        self.fixed64(3, point.time_unix_nano);
        self.fixed64(4, point.count);
        self.double(5, point.sum);
        for quantile in &point.quantile_values {
            self.message(6, |w| {
                w.double(1, quantile.quantile);
                w.double(2, quantile.value);
                Ok(())
            })?;
        }
        self.attributes(7, &point.attributes)?;
        self.uint(8, point.flags.into());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::KeyValue;

    /// A map's attributes as the general path writes them: each a `message` holding the key
    /// and an `any_value`.
    fn written_by_messages(map: &Map) -> Vec<u8> {
        let mut out = Vec::new();
        let mut w = Writer::new(&mut out);
        for (key, value) in map.iter() {
            w.message(6, |w| {
                w.bytes(1, key.as_bytes());
                w.any_value(2, value)
            })
            .unwrap();
        }
        out
    }

    #[test]
    fn short_attributes_are_written_as_messages_write_them() {
        let mut map = Map::new();
        for key_len in [0, 1, 60, 100, 126, 127, 128, 200] {
            for value_len in [0, 1, 60, 100, 123, 124, 125, 126, 127, 128, 300] {
                map.push(KeyValue::new(
                    "k".repeat(key_len),
                    AnyValue::Str("v".repeat(value_len).into()),
                ));
            }
            for int in [0, 1, 127, 128, -1, i64::MIN, i64::MAX] {
                map.push(KeyValue::new("k".repeat(key_len), AnyValue::Int(int)));
            }
            map.push(KeyValue::new("k".repeat(key_len), AnyValue::Bool(true)));
        }
        let mut out = Vec::new();
        Writer::new(&mut out).attributes(6, &map).unwrap();
        assert_eq!(out, written_by_messages(&map));
    }

    #[test]
    fn varint_lengths() {
        for (value, len) in [
            (0, 1),
            (127, 1),
            (128, 2),
            (16_383, 2),
            (16_384, 3),
            (u64::MAX, 10),
        ] {
            assert_eq!(varint_len(value), len, "{value}");
        }
    }
}
