//! The OTLP record model: logs, traces and metrics as plain Rust structs; their OTLP/JSON codec
//! ([`json`]) and OTLP protobuf codec ([`proto`]); [`stream`] reads documents from a stream
//! (one document, JSON Lines, or protobuf, single or length-delimited).
//!
//! The structs mirror the OTLP protocol messages field for field, in the protocol's language:
//! ids are [`TraceId`] / [`SpanId`] byte arrays, times are `u64` nanoseconds since the Unix
//! epoch, enums are `i32` newtypes with named constants, strings are [`Str`] (cheap to clone)
//! and attributes are a [`Map`] that keeps insertion order.
//!
//! ```
//! use ottl_core::model::{json, AnyValue};
//!
//! let input = br#"{"resourceLogs":[{"resource":{},"scopeLogs":[{"scope":{},
//!     "logRecords":[{"body":{"stringValue":"hello"}}]}]}]}"#;
//! let mut logs = json::decode_logs(input)?;
//! let record = &mut logs.resource_logs[0].scope_logs[0].log_records[0];
//! record.attributes.insert("env", AnyValue::from("prod"));
//! let output = json::encode_logs(&logs)?;
//! assert!(output.ends_with(br#""attributes":[{"key":"env","value":{"stringValue":"prod"}}]}]}]}]}"#));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod attribute_counts;
mod common;
mod enums;
mod ids;
pub mod json;
mod logs;
mod map;
mod metrics;
#[cfg(feature = "prost")]
pub mod prost;
pub mod proto;
mod str;
pub mod stream;
mod traces;
mod value;

pub use common::{EntityRef, InstrumentationScope, Resource};
pub use enums::{AggregationTemporality, SeverityNumber, SpanKind, StatusCode};
pub use ids::{SpanId, TraceId};
pub use logs::{LogRecord, Logs, ResourceLogs, ScopeLogs};
pub use map::{INDEX_THRESHOLD, KeyValue, Map, MapKey, Merge};
pub use metrics::{
    Buckets, DataPointFlags, Exemplar, ExponentialHistogram, ExponentialHistogramDataPoint, Gauge,
    Histogram, HistogramDataPoint, Metric, MetricData, Metrics, NumberDataPoint, NumberValue,
    ResourceMetrics, ScopeMetrics, Sum, Summary, SummaryDataPoint, ValueAtQuantile,
};
pub use str::Str;
pub use traces::{ResourceSpans, ScopeSpans, Span, SpanEvent, SpanLink, Status, Traces};
pub use value::{AnyValue, Array};
