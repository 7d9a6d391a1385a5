//! A lambda argument (`(k, v) => expr`), compiled once and called by its function per element.
//!
//! Parameters live in one thread-local frame, innermost call last: a call pushes its
//! arguments, runs the body and pops them, and a parameter read in the body is a slot counted
//! from the frame's end (the compiler knows how many parameters are in scope where it is
//! read). The frame keeps its capacity, so a call allocates nothing of its own.
//!
//! An argument is a value ([`LambdaArg::Value`]: an index, a key, an accumulator; an int or a
//! string costs a copy of a word or a reference count) or, for an element of a list or map
//! stored in the record, where it is ([`LambdaArg::Element`]): the body's read looks it up
//! there and borrows it, so a map or list element is never copied. A blank `_` parameter is
//! never read, so its function may pass nil rather than build its argument.

use super::{Getter, StoredGetter};
use crate::RuntimeError;
use crate::context::TransformContext;
use crate::model::AnyValue;
use crate::value::Value;
use std::cell::RefCell;
use std::sync::Arc;

thread_local! {
    /// The arguments of the lambda calls in progress on this thread, innermost last.
    static FRAME: RefCell<Vec<LambdaArg>> = const { RefCell::new(Vec::new()) };
}

/// An argument of a lambda call.
#[derive(Clone)]
pub enum LambdaArg {
    /// A value the function computed.
    Value(Value<'static>),
    /// Element `position` (an index in a list, an entry's position in a map) of the list or
    /// map the stored path reads (`attributes["items"]`), read in place when the body reads
    /// the parameter. The function loops over what the path reads on the same record.
    Element(Arc<StoredGetter>, usize),
}

impl From<Value<'static>> for LambdaArg {
    fn from(value: Value<'static>) -> Self {
        LambdaArg::Value(value)
    }
}

/// A compiled lambda: its body and which of its parameters the body may read.
pub struct Lambda {
    bound: Vec<bool>,
    body: Getter,
}

impl Lambda {
    pub(crate) fn new(bound: Vec<bool>, body: Getter) -> Self {
        Self { bound, body }
    }

    /// How many parameters it takes.
    pub fn arity(&self) -> usize {
        self.bound.len()
    }

    /// Whether parameter `index` has a name (is not `_`): a function need not build the
    /// argument of a blank one, and may pass nil instead.
    pub fn binds(&self, index: usize) -> bool {
        self.bound.get(index).copied().unwrap_or(false)
    }

    /// Runs the body with `args` bound to the parameters, in order.
    pub fn call<'a, const N: usize>(
        &self,
        ctx: &'a TransformContext<'_>,
        args: [LambdaArg; N],
    ) -> Result<Value<'a>, RuntimeError> {
        FRAME.with_borrow_mut(|frame| frame.extend(args));
        let result = (self.body)(ctx);
        FRAME.with_borrow_mut(|frame| frame.truncate(frame.len().saturating_sub(N)));
        result
    }
}

/// The parameter `back` slots from the end of the frame (1 is the last one pushed): a read
/// in a body runs while its lambda's call is in progress. An element is borrowed from `ctx`'s
/// record; a value is cloned.
pub(crate) fn parameter<'c>(
    back: usize,
    ctx: &'c TransformContext<'_>,
) -> Result<Value<'c>, RuntimeError> {
    let arg = FRAME.with_borrow(|frame| {
        frame
            .len()
            .checked_sub(back)
            .and_then(|index| frame.get(index))
            .cloned()
    });
    match arg {
        None => Ok(Value::Nil),
        Some(LambdaArg::Value(value)) => Ok(value),
        Some(LambdaArg::Element(source, position)) => {
            let element = match source(ctx)? {
                Some(AnyValue::Array(items)) => items.get(position),
                Some(AnyValue::KvList(map)) => map.entries().get(position).map(|e| &e.value),
                _ => None,
            };
            Ok(element.map_or(Value::Nil, Value::from_any))
        }
    }
}
