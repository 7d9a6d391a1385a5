//! The checked arguments a function's `compile` receives.

use super::get::{Coerce, Typed};
use super::{ConverterRef, Getter, Lambda, ParamKind, StoredGetter, Target};
use crate::diag::{Code, Diagnostic};
use crate::span::Span;
use crate::value::Value;
use std::cell::RefCell;
use std::rc::Rc;

/// An argument, checked against its parameter's kind.
pub enum Arg {
    /// For [`ParamKind::Target`].
    Target(Target),
    /// For [`ParamKind::Value`] and [`ParamKind::Like`].
    Value(ValueArg),
    /// For [`ParamKind::Values`]: the items of the list literal.
    Values(Vec<ValueArg>),
    /// For [`ParamKind::String`].
    String(String),
    /// For [`ParamKind::Int`].
    Int(i64),
    /// For [`ParamKind::Float`].
    Float(f64),
    /// For [`ParamKind::Bool`].
    Bool(bool),
    /// For [`ParamKind::StringList`].
    StringList(Vec<String>),
    /// For [`ParamKind::Function`].
    Function(ConverterRef),
    /// For [`ParamKind::Lambda`].
    Lambda(Lambda),
}

/// A value argument as the function receives it: a literal known when the statement compiles
/// (so the function may validate and prepare it once), or a getter to run per record.
pub enum ValueArg {
    /// A literal (a list or map of literals included).
    Constant(Value<'static>),
    /// A path to an OTLP value stored in the record (`attributes["k"]`, `cache["k"]`, `body`),
    /// read as stored.
    Stored(StoredGetter),
    /// Anything else: a path, a converter call, an expression.
    Getter(Getter),
}

impl ValueArg {
    /// A getter yielding this argument, whatever it is.
    pub fn into_getter(self) -> Getter {
        match self {
            ValueArg::Constant(value) => Box::new(move |_| Ok(value.clone())),
            ValueArg::Stored(stored) => Box::new(move |ctx| Ok(Value::from_stored(stored(ctx)?))),
            ValueArg::Getter(getter) => getter,
        }
    }
}

/// The checked arguments of one call, by parameter position; absent optional ones are `None`.
pub struct Args {
    pub(crate) function: &'static str,
    pub(crate) slots: Vec<Option<(Arg, Span)>>,
    /// Where each argument was written, kept after the argument is taken.
    pub(crate) spans: Vec<Option<Span>>,
    pub(crate) call: Span,
    /// Shared with the compiler, which reports them with the statement.
    pub(crate) warnings: Rc<RefCell<Vec<Diagnostic>>>,
}

impl Args {
    pub(crate) fn new(
        function: &'static str,
        slots: Vec<Option<(Arg, Span)>>,
        call: Span,
        warnings: Rc<RefCell<Vec<Diagnostic>>>,
    ) -> Self {
        Self {
            function,
            spans: slots
                .iter()
                .map(|s| s.as_ref().map(|(_, span)| *span))
                .collect(),
            slots,
            call,
            warnings,
        }
    }

    /// Where the argument for parameter `index` was written (the call, if it was left out).
    pub fn span(&self, index: usize) -> Span {
        self.spans
            .get(index)
            .copied()
            .flatten()
            .unwrap_or(self.call)
    }

    /// Where the whole call was written.
    pub fn call_span(&self) -> Span {
        self.call
    }

    /// Whether the argument for parameter `index` was given (and not yet taken).
    pub fn is_given(&self, index: usize) -> bool {
        self.slots.get(index).is_some_and(Option::is_some)
    }

    fn take(&mut self, index: usize) -> Option<Arg> {
        self.slots
            .get_mut(index)
            .and_then(Option::take)
            .map(|(arg, _)| arg)
    }

    fn mismatch(&self, index: usize, kind: ParamKind) -> Diagnostic {
        // The compiler checks kinds against the signature first, so this means the function's
        // `compile` asked for a different kind than its signature declares.
        Diagnostic::error(
            Code::WrongArgumentKind,
            format!(
                "{}: argument {} is not {}",
                self.function,
                index + 1,
                kind.describe()
            ),
            self.span(index),
            "signature and compile disagree",
        )
    }

    /// The value argument at `index`, read as `C` (see [`get`](super::get)).
    pub fn get<C: Coerce>(&mut self, index: usize) -> Result<Typed<C>, Diagnostic> {
        self.optional::<C>(index)?
            .ok_or_else(|| self.mismatch(index, C::PARAM))
    }

    /// The value argument at `index`, read as `C`, if given.
    pub fn optional<C: Coerce>(&mut self, index: usize) -> Result<Option<Typed<C>>, Diagnostic> {
        Ok(self.optional_value(index)?.map(Typed::new))
    }

    /// The path argument at `index`.
    pub fn target(&mut self, index: usize) -> Result<Target, Diagnostic> {
        match self.take(index) {
            Some(Arg::Target(target)) => Ok(target),
            _ => Err(self.mismatch(index, ParamKind::Target)),
        }
    }

    /// The value argument at `index`, as a getter.
    pub fn getter(&mut self, index: usize) -> Result<Getter, Diagnostic> {
        Ok(self.value(index)?.into_getter())
    }

    /// The value argument at `index`, as a getter, if given.
    pub fn optional_getter(&mut self, index: usize) -> Result<Option<Getter>, Diagnostic> {
        Ok(self.optional_value(index)?.map(ValueArg::into_getter))
    }

    /// The value argument at `index`, as a literal when it is one.
    pub fn value(&mut self, index: usize) -> Result<ValueArg, Diagnostic> {
        self.optional_value(index)?
            .ok_or_else(|| self.mismatch(index, ParamKind::Value(super::Kind::Any)))
    }

    /// The value argument at `index`, as a literal when it is one, if given.
    pub fn optional_value(&mut self, index: usize) -> Result<Option<ValueArg>, Diagnostic> {
        match self.take(index) {
            Some(Arg::Value(value)) => Ok(Some(value)),
            None => Ok(None),
            Some(_) => Err(self.mismatch(index, ParamKind::Value(super::Kind::Any))),
        }
    }

    /// The items of the list-literal argument at `index`.
    pub fn values(&mut self, index: usize) -> Result<Vec<ValueArg>, Diagnostic> {
        match self.take(index) {
            Some(Arg::Values(items)) => Ok(items),
            _ => Err(self.mismatch(index, ParamKind::Values(super::Kind::Any))),
        }
    }

    /// The string literal at `index`.
    pub fn string(&mut self, index: usize) -> Result<String, Diagnostic> {
        self.optional_string(index)?
            .ok_or_else(|| self.mismatch(index, ParamKind::String))
    }

    /// The string literal at `index`, if given.
    pub fn optional_string(&mut self, index: usize) -> Result<Option<String>, Diagnostic> {
        match self.take(index) {
            Some(Arg::String(text)) => Ok(Some(text)),
            None => Ok(None),
            Some(_) => Err(self.mismatch(index, ParamKind::String)),
        }
    }

    /// The int literal at `index`.
    pub fn int(&mut self, index: usize) -> Result<i64, Diagnostic> {
        self.optional_int(index)?
            .ok_or_else(|| self.mismatch(index, ParamKind::Int))
    }

    /// The int literal at `index`, if given.
    pub fn optional_int(&mut self, index: usize) -> Result<Option<i64>, Diagnostic> {
        match self.take(index) {
            Some(Arg::Int(number)) => Ok(Some(number)),
            None => Ok(None),
            Some(_) => Err(self.mismatch(index, ParamKind::Int)),
        }
    }

    /// The float literal at `index`.
    pub fn float(&mut self, index: usize) -> Result<f64, Diagnostic> {
        match self.take(index) {
            Some(Arg::Float(number)) => Ok(number),
            _ => Err(self.mismatch(index, ParamKind::Float)),
        }
    }

    /// The bool literal at `index`, if given.
    pub fn optional_bool(&mut self, index: usize) -> Result<Option<bool>, Diagnostic> {
        match self.take(index) {
            Some(Arg::Bool(flag)) => Ok(Some(flag)),
            None => Ok(None),
            Some(_) => Err(self.mismatch(index, ParamKind::Bool)),
        }
    }

    /// The converter named at `index`, if given.
    pub fn optional_function(&mut self, index: usize) -> Result<Option<ConverterRef>, Diagnostic> {
        match self.take(index) {
            Some(Arg::Function(converter)) => Ok(Some(converter)),
            None => Ok(None),
            Some(_) => Err(self.mismatch(index, ParamKind::Function)),
        }
    }

    /// The lambda at `index`.
    pub fn lambda(&mut self, index: usize) -> Result<Lambda, Diagnostic> {
        self.optional_lambda(index)?
            .ok_or_else(|| self.mismatch(index, ParamKind::Lambda(0)))
    }

    /// The lambda at `index`, if given.
    pub fn optional_lambda(&mut self, index: usize) -> Result<Option<Lambda>, Diagnostic> {
        match self.take(index) {
            Some(Arg::Lambda(lambda)) => Ok(Some(lambda)),
            None => Ok(None),
            Some(_) => Err(self.mismatch(index, ParamKind::Lambda(0))),
        }
    }

    /// The string-list literal at `index`.
    pub fn string_list(&mut self, index: usize) -> Result<Vec<String>, Diagnostic> {
        self.optional_string_list(index)?
            .ok_or_else(|| self.mismatch(index, ParamKind::StringList))
    }

    /// The string-list literal at `index`, if given.
    pub fn optional_string_list(
        &mut self,
        index: usize,
    ) -> Result<Option<Vec<String>>, Diagnostic> {
        match self.take(index) {
            Some(Arg::StringList(items)) => Ok(Some(items)),
            None => Ok(None),
            Some(_) => Err(self.mismatch(index, ParamKind::StringList)),
        }
    }

    /// Reports, as a warning with the statement, that the argument at `index` makes the call
    /// fail wherever it runs (a literal of a type the function never takes, say): the reference
    /// accepts such a statement, so it still compiles.
    pub fn warn(&self, index: usize, message: impl Into<String>, help: impl Into<String>) {
        let warning = Diagnostic::warning(
            Code::FailsOnEveryRecord,
            message,
            self.span(index),
            "fails on every record it runs on",
        )
        .with_help(help);
        self.warnings.borrow_mut().push(warning);
    }

    /// A diagnostic saying the literal argument at `index` is rejected, with a fix.
    pub fn invalid(
        &self,
        index: usize,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::error(
            Code::InvalidArgument,
            message,
            self.span(index),
            "rejected by the function",
        )
        .with_help(help)
    }
}
