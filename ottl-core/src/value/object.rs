//! [`Object`]: a whole OTLP message or list a path yields, such as `span.status`.

use crate::model::{
    Buckets, Exemplar, ExponentialHistogramDataPoint, HistogramDataPoint, NumberDataPoint,
    SpanEvent, SpanLink, Status, SummaryDataPoint, ValueAtQuantile,
};
use std::borrow::Cow;
use std::fmt;

/// A whole OTLP object read through a path (`span.status`, `span.events`,
/// `datapoint.exemplars`, `metric.data_points`). It compares for equality and can be written
/// to a path of the same type (which copies it); it cannot be stored in an attribute.
#[derive(Debug, Clone, PartialEq)]
pub enum Object<'a> {
    /// `span.status`.
    Status(Cow<'a, Status>),
    /// `span.events`.
    SpanEvents(Cow<'a, [SpanEvent]>),
    /// `span.links`.
    SpanLinks(Cow<'a, [SpanLink]>),
    /// `metric.data_points` of a gauge or sum.
    NumberDataPoints(Cow<'a, [NumberDataPoint]>),
    /// `metric.data_points` of a histogram.
    HistogramDataPoints(Cow<'a, [HistogramDataPoint]>),
    /// `metric.data_points` of an exponential histogram.
    ExponentialHistogramDataPoints(Cow<'a, [ExponentialHistogramDataPoint]>),
    /// `metric.data_points` of a summary.
    SummaryDataPoints(Cow<'a, [SummaryDataPoint]>),
    /// `datapoint.exemplars`.
    Exemplars(Cow<'a, [Exemplar]>),
    /// `datapoint.positive` / `datapoint.negative`.
    Buckets(Cow<'a, Buckets>),
    /// `datapoint.quantile_values`.
    QuantileValues(Cow<'a, [ValueAtQuantile]>),
}

/// The type of an [`Object`], named as pdata names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ObjectType {
    /// [`Object::Status`]
    Status,
    /// [`Object::SpanEvents`]
    SpanEvents,
    /// [`Object::SpanLinks`]
    SpanLinks,
    /// [`Object::NumberDataPoints`]
    NumberDataPoints,
    /// [`Object::HistogramDataPoints`]
    HistogramDataPoints,
    /// [`Object::ExponentialHistogramDataPoints`]
    ExponentialHistogramDataPoints,
    /// [`Object::SummaryDataPoints`]
    SummaryDataPoints,
    /// [`Object::Exemplars`]
    Exemplars,
    /// [`Object::Buckets`]
    Buckets,
    /// [`Object::QuantileValues`]
    QuantileValues,
}

impl Object<'_> {
    /// The object's type.
    pub fn object_type(&self) -> ObjectType {
        match self {
            Object::Status(_) => ObjectType::Status,
            Object::SpanEvents(_) => ObjectType::SpanEvents,
            Object::SpanLinks(_) => ObjectType::SpanLinks,
            Object::NumberDataPoints(_) => ObjectType::NumberDataPoints,
            Object::HistogramDataPoints(_) => ObjectType::HistogramDataPoints,
            Object::ExponentialHistogramDataPoints(_) => ObjectType::ExponentialHistogramDataPoints,
            Object::SummaryDataPoints(_) => ObjectType::SummaryDataPoints,
            Object::Exemplars(_) => ObjectType::Exemplars,
            Object::Buckets(_) => ObjectType::Buckets,
            Object::QuantileValues(_) => ObjectType::QuantileValues,
        }
    }

    /// An object that no longer borrows from the record.
    pub fn into_owned(self) -> Object<'static> {
        fn own<T: ToOwned + ?Sized>(value: Cow<'_, T>) -> Cow<'static, T> {
            Cow::Owned(value.into_owned())
        }
        match self {
            Object::Status(v) => Object::Status(own(v)),
            Object::SpanEvents(v) => Object::SpanEvents(own(v)),
            Object::SpanLinks(v) => Object::SpanLinks(own(v)),
            Object::NumberDataPoints(v) => Object::NumberDataPoints(own(v)),
            Object::HistogramDataPoints(v) => Object::HistogramDataPoints(own(v)),
            Object::ExponentialHistogramDataPoints(v) => {
                Object::ExponentialHistogramDataPoints(own(v))
            }
            Object::SummaryDataPoints(v) => Object::SummaryDataPoints(own(v)),
            Object::Exemplars(v) => Object::Exemplars(own(v)),
            Object::Buckets(v) => Object::Buckets(own(v)),
            Object::QuantileValues(v) => Object::QuantileValues(own(v)),
        }
    }
}

impl fmt::Display for ObjectType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ObjectType::Status => "Status",
            ObjectType::SpanEvents => "SpanEventSlice",
            ObjectType::SpanLinks => "SpanLinkSlice",
            ObjectType::NumberDataPoints => "NumberDataPointSlice",
            ObjectType::HistogramDataPoints => "HistogramDataPointSlice",
            ObjectType::ExponentialHistogramDataPoints => "ExponentialHistogramDataPointSlice",
            ObjectType::SummaryDataPoints => "SummaryDataPointSlice",
            ObjectType::Exemplars => "ExemplarSlice",
            ObjectType::Buckets => "Buckets",
            ObjectType::QuantileValues => "ValueAtQuantileSlice",
        })
    }
}
