//! Lambda converters (experimental upstream, behind `ottl.functions.enableLambda`): they loop
//! over a list or a map, calling a lambda per element. Registered by
//! [`experimental`](crate::experimental), not by [`standard`](crate::standard).
//!
//! A list's elements are passed as (index, value), a map's as (key, value), in order. An
//! argument for a blank `_` parameter is never built.

crate::family! {
    all => All,
    any => Any,
    filter => Filter,
    find => Find,
    map_each => MapEach,
    map_keys => MapKeys,
    reduce => Reduce,
    when => When,
}

use ottl_core::RuntimeError;
use ottl_core::context::TransformContext;
use ottl_core::function::Lambda;
use ottl_core::model::{AnyValue, KeyValue, Map, Str};
use ottl_core::value::Value;
use std::borrow::Cow;
use std::fmt;

/// The names of this family, for the registry's note on how to turn them on.
pub(crate) const NAMES: [&str; 8] = [
    "All", "Any", "Filter", "Find", "MapEach", "MapKeys", "Reduce", "When",
];

/// What a lambda converter loops over.
pub(crate) enum Source<'a> {
    /// A list: elements by index.
    List(Cow<'a, [AnyValue]>),
    /// A map: entries by key.
    Map(Cow<'a, Map>),
}

impl<'a> Source<'a> {
    /// `value` as a list or a map, or the reference's error for anything else.
    pub(crate) fn new(function: &'static str, value: Value<'a>) -> Result<Self, RuntimeError> {
        match value {
            Value::List(items) => Ok(Source::List(items)),
            Value::Map(map) => Ok(Source::Map(map)),
            other => Err(RuntimeError::function(
                function,
                format!("unsupported type provided: {}", other.value_type()),
            )),
        }
    }

    /// How many elements there are.
    pub(crate) fn len(&self) -> usize {
        match self {
            Source::List(items) => items.len(),
            Source::Map(map) => map.len(),
        }
    }

    /// The elements, each with its index or key.
    pub(crate) fn elements(&self) -> Elements<'_> {
        match self {
            Source::List(items) => Elements::List(items.iter().enumerate()),
            Source::Map(map) => Elements::Map(map.entries().iter()),
        }
    }
}

/// The elements of a [`Source`], in order, without an allocation.
pub(crate) enum Elements<'s> {
    List(std::iter::Enumerate<std::slice::Iter<'s, AnyValue>>),
    Map(std::slice::Iter<'s, KeyValue>),
}

impl<'s> Iterator for Elements<'s> {
    type Item = (Key<'s>, &'s AnyValue);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Elements::List(items) => items.next().map(|(index, item)| (Key::Index(index), item)),
            Elements::Map(entries) => entries
                .next()
                .map(|entry| (Key::Key(&entry.key), &entry.value)),
        }
    }
}

/// Where an element is: its index in a list or its key in a map.
#[derive(Clone, Copy)]
pub(crate) enum Key<'a> {
    /// An index in a list.
    Index(usize),
    /// A key in a map.
    Key(&'a Str),
}

impl Key<'_> {
    /// The index or key as a lambda argument.
    pub(crate) fn value(self) -> Value<'static> {
        match self {
            Key::Index(index) => Value::Int(i64::try_from(index).unwrap_or(i64::MAX)),
            Key::Key(key) => Value::Str(Cow::Owned(key.clone())),
        }
    }

    /// The element's description in the message of an error it caused.
    pub(crate) fn wrap(self, function: &'static str, error: &RuntimeError) -> RuntimeError {
        RuntimeError::function(
            function,
            format!("error while evaluating lambda function on {self}: {error}"),
        )
    }
}

impl fmt::Display for Key<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Key::Index(index) => write!(f, "slice item {index}"),
            Key::Key(key) => write!(f, "map item \"{key}\""),
        }
    }
}

/// The arguments of a two-parameter lambda for one element, built only for named parameters.
pub(crate) fn pair(lambda: &Lambda, key: Key<'_>, value: &AnyValue) -> [Value<'static>; 2] {
    [
        if lambda.binds(0) {
            key.value()
        } else {
            Value::Nil
        },
        element(lambda, 1, value),
    ]
}

/// The element `value` as the argument for parameter `index`, nil for a blank one.
pub(crate) fn element(lambda: &Lambda, index: usize, value: &AnyValue) -> Value<'static> {
    if lambda.binds(index) {
        Value::from_any(value).into_owned()
    } else {
        Value::Nil
    }
}

/// Runs a predicate on one element: its result must be a bool.
pub(crate) fn test(
    function: &'static str,
    predicate: &Lambda,
    ctx: &TransformContext<'_>,
    key: Key<'_>,
    value: &AnyValue,
) -> Result<bool, RuntimeError> {
    match predicate.call(ctx, pair(predicate, key, value)) {
        Ok(Value::Bool(flag)) => Ok(flag),
        Ok(other) => Err(RuntimeError::function(
            function,
            format!(
                "error while evaluating lambda function on {key}: lambda expression must return a bool, got {}",
                other.value_type().with_article()
            ),
        )),
        Err(error) => Err(key.wrap(function, &error)),
    }
}
