//! A converter passed by name (`replace_pattern(x, "a", "b", SHA256)`), compiled once.

use super::{Arg, Args, Compiled, Function, Getter, ParamKind, Signature, ValueArg};
use crate::RuntimeError;
use crate::RuntimeErrorKind;
use crate::context::TransformContext;
use crate::span::Span;
use crate::value::Value;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

thread_local! {
    /// The arguments of the converter calls in progress on this thread, innermost last: the
    /// compiled converter reads its one argument from here.
    static ARGUMENTS: RefCell<Vec<Value<'static>>> = const { RefCell::new(Vec::new()) };
}

/// A converter passed by name, resolved and compiled when the statement compiles, and called
/// per use with one argument, as the reference's `FunctionGetter` is.
///
/// Like the reference, a converter that does not take exactly one value is not rejected when
/// the statement compiles: each call fails (`incorrect number of arguments`).
#[derive(Clone)]
pub struct ConverterRef {
    name: &'static str,
    compiled: Result<Arc<Getter>, String>,
}

impl ConverterRef {
    /// Compiles `function` to read its one argument from the call in progress.
    pub(crate) fn new(signature: &Signature, function: &Arc<dyn Function>, span: Span) -> Self {
        let name = signature.name;
        let accepts_one = signature.params.first().is_some_and(|first| {
            matches!(first.kind, ParamKind::Value(_) | ParamKind::Like(_))
                && signature.params[1..].iter().all(|p| p.optional)
        });
        if !accepts_one {
            let expected = signature.params.len();
            return Self {
                name,
                compiled: Err(format!(
                    "incorrect number of arguments. Expected: {expected} Received: 1"
                )),
            };
        }
        let argument: Getter = Box::new(|_| {
            Ok(ARGUMENTS.with_borrow(|arguments| arguments.last().cloned().unwrap_or(Value::Nil)))
        });
        let mut slots: Vec<Option<(Arg, Span)>> = Vec::with_capacity(signature.params.len());
        slots.push(Some((Arg::Value(ValueArg::Getter(argument)), span)));
        slots.resize_with(signature.params.len(), || None);
        let args = Args::new(name, slots, span, Rc::default());
        let compiled = match function.compile(args) {
            Ok(Compiled::Converter(converter)) => Ok(Arc::new(converter)),
            Ok(Compiled::Editor(_)) => Err("is an editor, not a converter".to_owned()),
            Err(diagnostic) => Err(diagnostic.message),
        };
        Self { name, compiled }
    }

    /// The converter's name.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Calls the converter with `argument` as its only argument.
    pub fn call<'a>(
        &self,
        ctx: &'a TransformContext<'_>,
        argument: Value<'static>,
    ) -> Result<Value<'a>, RuntimeError> {
        let converter = self
            .compiled
            .as_ref()
            .map_err(|message| RuntimeErrorKind::Function {
                function: self.name,
                message: message.clone(),
            })?;
        ARGUMENTS.with_borrow_mut(|arguments| arguments.push(argument));
        let result = converter(ctx);
        ARGUMENTS.with_borrow_mut(Vec::pop);
        result
    }
}
