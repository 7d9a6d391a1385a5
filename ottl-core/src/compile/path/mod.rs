//! Paths to closures: a direct field access per path, decided when the statement compiles.
//!
//! This module dispatches on the field's context; the fields themselves are read and written
//! in one module per signal ([`log`], [`traces`], [`metrics`]) and [`common`] (resource,
//! scope, type checks). Reading a scalar or map field borrows from the record.

mod common;
mod log;
mod metrics;
mod trace_state;
mod traces;

use super::keys::{self, KeyStep, KeyValue};
use crate::RuntimeError;
use crate::RuntimeErrorKind;
use crate::context::{
    DataPointField, Field, LogField, MetricField, OtelcolField, Request, ResourceField, ScopeField,
    SpanEventField, SpanField, TransformContext,
};
use crate::function::{Getter, MapTarget, Putter, Setter, StoredGetter, Target};
use crate::model::{AnyValue, LogRecord, Map};
use crate::value::{Value, ValueType};
use std::borrow::Cow;
use std::sync::Arc;

/// A resolved path with its keys compiled; cloning shares the key expressions.
#[derive(Clone)]
pub(crate) struct CompiledPath {
    pub(crate) field: Field,
    pub(crate) keys: Vec<KeyStep>,
    /// The path as written, for messages.
    pub(crate) text: Arc<str>,
}

/// The map a map-valued field holds (a log body only when it is a map).
fn map_of<'a>(
    field: Field,
    ctx: &'a TransformContext<'_>,
) -> Result<Option<&'a Map>, RuntimeError> {
    Ok(Some(match field {
        Field::Cache => ctx.cache,
        Field::Resource(ResourceField::Attributes) => &ctx.resource.attributes,
        Field::Scope(ScopeField::Attributes) => &ctx.scope_ref()?.scope.attributes,
        Field::Log(LogField::Attributes) => &ctx.log_record()?.attributes,
        Field::Log(LogField::Body) => match &ctx.log_record()?.body {
            AnyValue::KvList(map) => map,
            _ => return Ok(None),
        },
        Field::Span(SpanField::Attributes) => &ctx.span_record()?.attributes,
        Field::SpanEvent(SpanEventField::Attributes) => &ctx.span_event_record()?.0.attributes,
        Field::Metric(MetricField::Metadata) => &ctx.metric_record()?.metadata,
        Field::DataPoint(DataPointField::Attributes) => metrics::attributes(ctx.point_record()?),
        Field::Otelcol(OtelcolField::ClientAuthAttributes) => &ctx.request.auth_attributes,
        Field::Otelcol(OtelcolField::ClientMetadata) => &ctx.request.client_metadata,
        Field::Otelcol(OtelcolField::GrpcMetadata) => &ctx.request.grpc_metadata,
        _ => return Ok(None),
    }))
}

/// The map a map-valued field holds, for writing.
fn map_of_mut<'a>(
    field: Field,
    ctx: &'a mut TransformContext<'_>,
) -> Result<&'a mut Map, RuntimeError> {
    use crate::context::PointMut as P;
    Ok(match field {
        Field::Cache => ctx.cache,
        Field::Resource(ResourceField::Attributes) => &mut ctx.resource.attributes,
        Field::Scope(ScopeField::Attributes) => &mut ctx.scope_mut()?.scope.attributes,
        Field::Log(LogField::Attributes) => &mut ctx.log_record_mut()?.attributes,
        Field::Span(SpanField::Attributes) => &mut ctx.span_record_mut()?.attributes,
        Field::SpanEvent(SpanEventField::Attributes) => {
            &mut ctx.span_event_record_mut()?.attributes
        }
        Field::Metric(MetricField::Metadata) => &mut ctx.metric_record_mut()?.metadata,
        Field::DataPoint(DataPointField::Attributes) => match ctx.point_record_mut()? {
            P::Number(p) => &mut p.attributes,
            P::Histogram(p) => &mut p.attributes,
            P::ExponentialHistogram(p) => &mut p.attributes,
            P::Summary(p) => &mut p.attributes,
        },
        _ => {
            return Err(RuntimeErrorKind::Type {
                expected: "map",
                found: read(field, ctx)?.value_type(),
            }
            .into());
        }
    })
}

/// The field's value, without keys.
fn read<'a>(field: Field, ctx: &'a TransformContext<'_>) -> Result<Value<'a>, RuntimeError> {
    Ok(match field {
        Field::Cache => common::map(ctx.cache),
        Field::Resource(field) => common::read_resource(field, ctx),
        Field::Scope(field) => {
            let scope = ctx.scope_ref()?;
            common::read_scope(field, scope.scope, scope.schema_url)
        }
        Field::Log(field) => log::read(field, ctx.log_record()?),
        Field::Span(field) => traces::read_span(field, ctx.span_record()?),
        Field::SpanEvent(field) => {
            let (event, index) = ctx.span_event_record()?;
            traces::read_event(field, event, index)
        }
        Field::Metric(field) => metrics::read_metric(field, ctx.metric_record()?),
        Field::DataPoint(field) => metrics::read_point(field, ctx.point_record()?),
        Field::Otelcol(field) => read_request(field, ctx.request),
    })
}

/// A field of the request: the address as a string (nil if unknown), the maps borrowed.
fn read_request(field: OtelcolField, request: &Request) -> Value<'_> {
    match field {
        OtelcolField::ClientAddr => request
            .client_addr
            .as_ref()
            .map_or(Value::Nil, common::text),
        OtelcolField::ClientAuthAttributes => common::map(&request.auth_attributes),
        OtelcolField::ClientMetadata => common::map(&request.client_metadata),
        OtelcolField::GrpcMetadata => common::map(&request.grpc_metadata),
    }
}

/// Writes the field itself (no keys).
fn write(
    field: Field,
    path: &str,
    ctx: &mut TransformContext<'_>,
    value: Value<'static>,
) -> Result<(), RuntimeError> {
    ctx.limits.check(&value)?;
    match field {
        Field::Cache => common::set_map(ctx.cache, path, value),
        Field::Resource(field) => common::write_resource(field, path, ctx, value),
        Field::Scope(field) => {
            let scope = ctx.scope_mut()?;
            common::write_scope(field, path, scope.scope, scope.schema_url, value)
        }
        Field::Log(field) => log::write(field, path, ctx.log_record_mut()?, value),
        Field::Span(field) => traces::write_span(field, path, ctx.span_record_mut()?, value),
        Field::SpanEvent(field) => {
            traces::write_event(field, path, ctx.span_event_record_mut()?, value)
        }
        Field::Metric(field) => metrics::write_metric(field, path, ctx.metric_record_mut()?, value),
        Field::DataPoint(field) => {
            metrics::write_point(field, path, ctx.point_record_mut()?, value)
        }
        // Rejected when the statement compiles; kept an error here for completeness.
        Field::Otelcol(_) => Err(RuntimeErrorKind::ReadOnly {
            path: path.to_owned(),
        }
        .into()),
    }
}

impl CompiledPath {
    /// The getter: the field, then each key.
    pub(crate) fn getter(self) -> Getter {
        let CompiledPath { field, keys, .. } = self;
        if keys.is_empty() {
            return Box::new(move |ctx| read(field, ctx));
        }
        if field == Field::Span(SpanField::TraceState) {
            return trace_state_getter(&keys);
        }
        if let [KeyStep::Str(key)] = keys.as_slice() {
            let key = key.clone();
            return Box::new(move |ctx| match map_of(field, ctx)? {
                Some(map) => Ok(Value::from_stored(map.get_key(&key))),
                None => keys::index(read(field, ctx)?, &KeyValue::Str(Cow::Borrowed(key.key()))),
            });
        }
        Box::new(move |ctx| {
            let mut value = read(field, ctx)?;
            for step in &keys {
                value = keys::index(value, &keys::evaluate_one(step, ctx)?)?;
            }
            Ok(value)
        })
    }

    /// A getter of the OTLP value the path names as it is stored, for the paths that name one
    /// directly: a constant key of an attribute map or the cache, and the log body.
    pub(crate) fn stored_getter(&self) -> Option<StoredGetter> {
        let field = self.field;
        match self.keys.as_slice() {
            [] if field == Field::Log(LogField::Body) => {
                Some(Box::new(|ctx| Ok(Some(&ctx.log_record()?.body))))
            }
            [KeyStep::Str(key)] if field.is_map() => {
                let key = key.clone();
                Some(Box::new(move |ctx| {
                    Ok(map_of(field, ctx)?.and_then(|map| map.get_key(&key)))
                }))
            }
            _ => None,
        }
    }

    /// The setter: writes the field, or the value under its keys.
    pub(crate) fn setter(self) -> Setter {
        let CompiledPath { field, keys, text } = self;
        if keys.is_empty() {
            return Box::new(move |ctx, value| write(field, &text, ctx, value));
        }
        if field == Field::Span(SpanField::TraceState) {
            return trace_state_setter(&keys, text);
        }
        if let [KeyStep::Str(key)] = keys.as_slice()
            && field.is_map()
        {
            let key = key.clone();
            return Box::new(move |ctx, value| {
                let limits = ctx.limits;
                limits.check(&value)?;
                let found = value.value_type();
                let value = value
                    .into_any()
                    .ok_or_else(|| RuntimeErrorKind::Unsettable {
                        path: text.to_string(),
                        found,
                    })?;
                let map = map_of_mut(field, ctx)?;
                keys::room_for(map, |map| map.contains_map_key(&key), limits)?;
                map.put_key(&key, value);
                Ok(())
            });
        }
        Box::new(move |ctx, value| {
            let limits = ctx.limits;
            limits.check(&value)?;
            let evaluated = keys::evaluate(&keys, ctx)?;
            let found = value.value_type();
            let value = value.into_any().ok_or(RuntimeErrorKind::Unsettable {
                path: text.to_string(),
                found,
            })?;
            let slot = match field {
                Field::Log(LogField::Body) => {
                    keys::slot_in(body_container(ctx.log_record_mut()?)?, &evaluated, limits)?
                }
                _ => keys::slot(map_of_mut(field, ctx)?, &evaluated, limits)?,
            };
            *slot = value;
            Ok(())
        })
    }

    /// Writes an OTLP value where the path stores one: a key of a map field, or a log body (and
    /// its keys). Checks the same limits as the setter.
    pub(crate) fn putter(self) -> Option<Putter> {
        let CompiledPath { field, keys, .. } = self;
        let body = field == Field::Log(LogField::Body);
        if keys.is_empty() {
            return body.then(|| {
                Box::new(move |ctx: &mut TransformContext<'_>, value: AnyValue| {
                    ctx.limits.check_any_value(&value)?;
                    ctx.log_record_mut()?.body = value;
                    Ok(())
                }) as Putter
            });
        }
        if !(field.is_map() || body) {
            return None;
        }
        if let [KeyStep::Str(key)] = keys.as_slice()
            && !body
        {
            let key = key.clone();
            return Some(Box::new(move |ctx, value| {
                let limits = ctx.limits;
                limits.check_any_value(&value)?;
                let map = map_of_mut(field, ctx)?;
                keys::room_for(map, |map| map.contains_map_key(&key), limits)?;
                map.put_key(&key, value);
                Ok(())
            }));
        }
        Some(Box::new(move |ctx, value| {
            let limits = ctx.limits;
            limits.check_any_value(&value)?;
            let evaluated = keys::evaluate(&keys, ctx)?;
            let slot = if body {
                keys::slot_in(body_container(ctx.log_record_mut()?)?, &evaluated, limits)?
            } else {
                keys::slot(map_of_mut(field, ctx)?, &evaluated, limits)?
            };
            *slot = value;
            Ok(())
        }))
    }

    /// In-place access to the map the path names, for `delete_key` and friends; for a keyed
    /// path, the map stored under the keys (an error if the value there is not a map).
    pub(crate) fn map_target(self) -> Option<MapTarget> {
        let CompiledPath { field, keys, .. } = self;
        if !field.is_map() {
            return None;
        }
        if keys.is_empty() {
            return Some(Box::new(map_access(move |ctx| map_of_mut(field, ctx))));
        }
        Some(Box::new(map_access(move |ctx| {
            let evaluated = keys::evaluate(&keys, ctx)?;
            let found = keys::existing_map(map_of_mut(field, ctx)?, &evaluated)?;
            found.ok_or_else(|| {
                RuntimeErrorKind::Type {
                    expected: "map",
                    found: ValueType::Nil,
                }
                .into()
            })
        })))
    }
}

/// Pins a closure's signature so its result may borrow from its argument.
fn map_access<F>(access: F) -> F
where
    F: for<'a, 'r> Fn(&'a mut TransformContext<'r>) -> Result<&'a mut Map, RuntimeError>,
{
    access
}

/// A path an editor changes: read, write, and (for maps) edit in place.
pub(crate) fn target(path: CompiledPath) -> Target {
    // Keys reach into values of any type.
    let value_type = if path.keys.is_empty() {
        path.field.write_type()
    } else {
        None
    };
    Target {
        value_type,
        get: path.clone().getter(),
        set: path.clone().setter(),
        map: path.clone().map_target(),
        put: path.putter(),
    }
}

/// A log body takes keys only when it is a map or a list; an empty body is neither.
fn body_container(log: &mut LogRecord) -> Result<&mut AnyValue, RuntimeError> {
    match &log.body {
        AnyValue::KvList(_) | AnyValue::Array(_) => Ok(&mut log.body),
        other => Err(RuntimeErrorKind::NotIndexable {
            found: Value::from_any(other).value_type(),
            key: "a key (log bodies must be maps or lists to be indexed)",
        }
        .into()),
    }
}

/// The one key of `span.trace_state[k]`: the reference takes only a string literal, and
/// rejects anything else when the statement runs.
fn trace_state_key(keys: &[KeyStep]) -> Result<crate::model::Str, RuntimeError> {
    match keys {
        [KeyStep::Str(key)] => Ok(key.key().clone()),
        _ => Err(RuntimeErrorKind::NotIndexable {
            found: ValueType::Str,
            key: "anything but one string literal (trace_state indexing type must be a string)",
        }
        .into()),
    }
}

/// `span.trace_state["k"]`: the member's value, `""` when absent, nil when the text is not
/// valid W3C tracestate.
fn trace_state_getter(keys: &[KeyStep]) -> Getter {
    let key = trace_state_key(keys);
    Box::new(move |ctx| {
        let key = key.clone()?;
        let span = ctx.span_record()?;
        Ok(trace_state::get(&span.trace_state, &key).map_or(Value::Nil, Value::string))
    })
}

/// `set(span.trace_state["k"], "v")`: inserts or updates the member and moves it to the
/// front; an invalid key, value or current text leaves the span unchanged.
fn trace_state_setter(keys: &[KeyStep], text: Arc<str>) -> Setter {
    let key = trace_state_key(keys);
    Box::new(move |ctx, value| {
        let key = key.clone()?;
        let value = common::expect_str(&text, value)?;
        let span = ctx.span_record_mut()?;
        if let Some(updated) = trace_state::insert(&span.trace_state, &key, &value) {
            span.trace_state = updated.into();
        }
        Ok(())
    })
}
