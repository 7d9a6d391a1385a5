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
use ottl_core::function::{Getter, Lambda, LambdaArg, StoredGetter, ValueArg};
use ottl_core::model::{AnyValue, KeyValue, Map, Str};
use ottl_core::value::Value;
use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

/// The names of this family, for the registry's note on how to turn them on.
pub(crate) const NAMES: [&str; 8] = [
    "All", "Any", "Filter", "Find", "MapEach", "MapKeys", "Reduce", "When",
];

/// The list or map argument of a lambda converter, as compiled: a path to a value stored in
/// the record, whose elements the lambda reads in place ([`LambdaArg::Element`]), or anything
/// else, whose elements are passed as values.
pub(crate) enum SourceArg {
    /// `attributes["items"]`, `body`, `cache["m"]`.
    Stored(Arc<StoredGetter>),
    /// A converter's result, a literal, any other path.
    Computed(Getter),
}

impl SourceArg {
    pub(crate) fn new(arg: ValueArg) -> Self {
        match arg {
            ValueArg::Stored(stored) => SourceArg::Stored(Arc::new(stored)),
            other => SourceArg::Computed(other.into_getter()),
        }
    }

    /// What it reads on `ctx`'s record, as `function`'s source.
    pub(crate) fn read<'c>(
        &self,
        function: &'static str,
        ctx: &'c TransformContext<'_>,
    ) -> Result<Bound<'c, '_>, RuntimeError> {
        let (value, stored) = match self {
            SourceArg::Stored(stored) => (Value::from_stored(stored(ctx)?), Some(stored)),
            SourceArg::Computed(getter) => (getter(ctx)?, None),
        };
        Ok(Bound {
            source: Source::new(function, value)?,
            stored,
        })
    }
}

/// A source read on one record, with the path it was read from, if stored.
pub(crate) struct Bound<'c, 's> {
    pub(crate) source: Source<'c>,
    stored: Option<&'s Arc<StoredGetter>>,
}

impl Bound<'_, '_> {
    /// The elements, each with its position, its index or key, and itself.
    pub(crate) fn elements(&self) -> impl Iterator<Item = Element<'_>> {
        self.source
            .elements()
            .enumerate()
            .map(|(position, (key, value))| Element {
                at: self.stored.map(|stored| (stored, position)),
                key,
                value,
            })
    }
}

/// One element of a [`Bound`] source.
#[derive(Clone, Copy)]
pub(crate) struct Element<'a> {
    /// The stored path and the element's position in what it reads, when stored.
    at: Option<(&'a Arc<StoredGetter>, usize)>,
    /// Its index or key.
    pub(crate) key: Key<'a>,
    /// The element.
    pub(crate) value: &'a AnyValue,
}

impl<'a> Element<'a> {
    /// An element passed as a copy: `value` at `key` of a map or list not read from a path.
    pub(crate) fn copied(key: Key<'a>, value: &'a AnyValue) -> Self {
        Element {
            at: None,
            key,
            value,
        }
    }

    /// The element as the argument of parameter `index` of `lambda`: nil for a blank one,
    /// its place in the record when stored, else a copy.
    pub(crate) fn arg(&self, lambda: &Lambda, index: usize) -> LambdaArg {
        if !lambda.binds(index) {
            return LambdaArg::Value(Value::Nil);
        }
        match self.at {
            Some((stored, position)) => LambdaArg::Element(Arc::clone(stored), position),
            None => LambdaArg::Value(Value::from_any(self.value).into_owned()),
        }
    }

    /// The arguments of a two-parameter lambda: the index or key, and the element.
    pub(crate) fn pair(&self, lambda: &Lambda) -> [LambdaArg; 2] {
        let key = if lambda.binds(0) {
            self.key.value()
        } else {
            Value::Nil
        };
        [LambdaArg::Value(key), self.arg(lambda, 1)]
    }
}

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

/// Runs a predicate on one element: its result must be a bool.
pub(crate) fn test(
    function: &'static str,
    predicate: &Lambda,
    ctx: &TransformContext<'_>,
    element: &Element<'_>,
) -> Result<bool, RuntimeError> {
    let key = element.key;
    match predicate.call(ctx, element.pair(predicate)) {
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
