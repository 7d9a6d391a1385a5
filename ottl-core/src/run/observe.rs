//! Watching a program run, record by record and statement by statement: what `ottl eval
//! --trace` shows and what error summaries count.
//!
//! The batch runners are generic over the [`Observer`]; `Program::run` passes
//! [`Unobserved`], whose methods do nothing and which holds nothing, so the compiler removes
//! every call and the untraced run is the code it was before observers existed.

use crate::RuntimeError;
use crate::context::TransformContext;

/// What became of one statement on one record.
#[derive(Debug, Clone, Copy)]
pub enum Outcome<'e> {
    /// Its `where` clause did not hold: the editor did not run.
    Skipped,
    /// Its `where` clause held (or it has none) and the editor ran.
    Ran,
    /// Its `where` clause or its editor failed.
    Failed(&'e RuntimeError),
}

/// Sees each record a program runs on and each statement it runs there. Every method does
/// nothing unless overridden.
pub trait Observer {
    /// A record's turn: `at` gives its position in the input (as in
    /// [`StatementError::record`](super::StatementError::record)); `selected` says whether
    /// the program's group conditions let its statements run on it.
    #[inline]
    fn record(&mut self, at: &dyn Fn() -> String, selected: bool) {
        let _ = (at, selected);
    }

    /// Statement `index` (in the order compiled) is about to run on `ctx`.
    #[inline]
    fn before(&mut self, index: usize, ctx: &TransformContext<'_>) {
        let _ = (index, ctx);
    }

    /// Statement `index` has run on `ctx`, with `outcome`.
    #[inline]
    fn after(&mut self, index: usize, outcome: Outcome<'_>, ctx: &TransformContext<'_>) {
        let _ = (index, outcome, ctx);
    }
}

/// The observer that watches nothing: what the plain runners use.
#[derive(Debug, Clone, Copy, Default)]
pub struct Unobserved;

impl Observer for Unobserved {}
