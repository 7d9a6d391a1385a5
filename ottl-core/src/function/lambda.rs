//! A lambda argument (`(k, v) => expr`), compiled once and called by its function per element.
//!
//! Parameters live in one thread-local frame of values, innermost call last: a call pushes its
//! arguments, runs the body and pops them, and a parameter read in the body is a slot counted
//! from the frame's end (the compiler knows how many parameters are in scope where it is
//! read). The frame keeps its capacity, so a call allocates nothing of its own; an argument
//! is an owned value (an int or a bool is copied, a string cloned), and a blank `_` parameter
//! is never read, so its function may pass nil rather than copy the element.

use super::Getter;
use crate::RuntimeError;
use crate::context::TransformContext;
use crate::value::Value;
use std::cell::RefCell;

thread_local! {
    /// The arguments of the lambda calls in progress on this thread, innermost last.
    static FRAME: RefCell<Vec<Value<'static>>> = const { RefCell::new(Vec::new()) };
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
        args: [Value<'static>; N],
    ) -> Result<Value<'a>, RuntimeError> {
        FRAME.with_borrow_mut(|frame| frame.extend(args));
        let result = (self.body)(ctx);
        FRAME.with_borrow_mut(|frame| frame.truncate(frame.len().saturating_sub(N)));
        result
    }
}

/// The parameter `back` slots from the end of the frame (1 is the last one pushed), as a value
/// that borrows nothing: a read in a body runs while its lambda's call is in progress.
pub(crate) fn parameter(back: usize) -> Value<'static> {
    FRAME.with_borrow(|frame| {
        frame
            .len()
            .checked_sub(back)
            .and_then(|index| frame.get(index))
            .cloned()
            .unwrap_or(Value::Nil)
    })
}
