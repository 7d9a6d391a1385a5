//! The contract every editor and converter implements, and the [`Registry`] a host builds.
//!
//! A function describes itself with a [`Signature`] (name, editor or converter, parameters,
//! one-line doc, examples) and compiles its checked arguments into a closure once, when the
//! statement compiles: literal arguments (a regex, a mode string) arrive as plain values so they
//! are validated and prepared then, and a bad one becomes a [`Diagnostic`] with a span.
//!
//! A converter costs a few lines:
//!
//! ```
//! use ottl_core::function::{Args, Compiled, Function, ParamKind, Signature};
//! use ottl_core::diag::Diagnostic;
//! use ottl_core::value::Value;
//!
//! /// `Twice(value)`: twice an int.
//! struct Twice;
//!
//! impl Function for Twice {
//!     fn signature(&self) -> Signature {
//!         Signature::converter("Twice", "twice an int").param("value", ParamKind::Value)
//!     }
//!     fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
//!         let value = args.getter(0)?;
//!         Ok(Compiled::converter(move |ctx| match value(ctx)? {
//!             Value::Int(n) => Ok(Value::Int(n.wrapping_mul(2))),
//!             other => Err(ottl_core::RuntimeErrorKind::Type { expected: "int", found: other.value_type() }.into()),
//!         }))
//!     }
//! }
//! ```

use crate::RuntimeError;
use crate::RuntimeErrorKind;
use crate::context::TransformContext;
use crate::diag::{Code, Diagnostic};
use crate::span::Span;
use crate::value::{Value, ValueType};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::Arc;

/// Reads a value from the record (or computes it) each time it runs.
pub type Getter =
    Box<dyn for<'a> Fn(&'a TransformContext<'_>) -> Result<Value<'a>, RuntimeError> + Send + Sync>;

/// Reads an OTLP value stored in the record (an attribute, a cache entry, a log body) as it
/// is stored, without converting it to a [`Value`]; `None` when it is absent.
///
/// The compiler passes paths that name such values this way (see [`ValueArg::Stored`]): the
/// result is a reference, returned in registers, where a [`Value`] is built in memory by the
/// callee and copied by the caller — a cost that showed in every statement of the benchmarks.
pub type StoredGetter = Box<
    dyn for<'a> Fn(
            &'a TransformContext<'_>,
        ) -> Result<Option<&'a crate::model::AnyValue>, RuntimeError>
        + Send
        + Sync,
>;

/// Writes a value to a path of the record.
pub type Setter = Box<
    dyn Fn(&mut TransformContext<'_>, Value<'static>) -> Result<(), RuntimeError> + Send + Sync,
>;

/// What an editor does to a record.
pub type EditorFn =
    Box<dyn Fn(&mut TransformContext<'_>) -> Result<(), RuntimeError> + Send + Sync>;

/// A path passed to a function that changes it: read it, write it.
pub struct Target {
    /// Reads the path.
    pub get: Getter,
    /// Writes the path.
    pub set: Setter,
    /// Edits the map at the path in place, if the path holds a map (`attributes`, `cache`).
    pub map: Option<MapTarget>,
    /// Writes an OTLP value, if the path stores one (a key of `attributes` or `cache`, a log
    /// body): an editor holding an [`AnyValue`](crate::model::AnyValue) skips the conversion
    /// back to a [`Value`] that [`Target::set`] would undo.
    pub put: Option<Putter>,
    /// The one type of value [`Target::set`] takes, when the path takes only one
    /// (`severity_number` an int, `name` a string, `attributes` a map — or nil, which clears
    /// it); `None` where any value may do (`attributes["k"]`, `body`).
    pub value_type: Option<ValueType>,
}

impl Target {
    /// Whether [`Target::set`] fails for every value of type `found`, whatever the record.
    pub fn never_takes(&self, found: ValueType) -> bool {
        match self.value_type {
            Some(ValueType::Map) => !matches!(found, ValueType::Map | ValueType::Nil),
            Some(wanted) => wanted != found,
            None => false,
        }
    }
}

/// Writes an OTLP value to a path that stores one.
pub type Putter = Box<
    dyn Fn(&mut TransformContext<'_>, crate::model::AnyValue) -> Result<(), RuntimeError>
        + Send
        + Sync,
>;

/// Mutable access to the map a path names, for editors that change maps in place.
pub type MapTarget = Box<
    dyn for<'a> Fn(&'a mut TransformContext<'_>) -> Result<&'a mut crate::model::Map, RuntimeError>
        + Send
        + Sync,
>;

/// Editor (changes the record, lowercase name) or converter (computes a value, uppercase name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FunctionKind {
    /// Changes the record; heads a statement.
    Editor,
    /// Computes a value.
    Converter,
}

/// What a parameter accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    /// A path the function reads and writes (`set`'s target).
    Target,
    /// Any value, evaluated on each record.
    Value,
    /// A string literal, known when the statement compiles (a regex, a mode).
    String,
    /// An int literal.
    Int,
    /// A bool literal.
    Bool,
    /// A list literal of strings.
    StringList,
    /// A converter passed by name (`SHA256` in `replace_pattern(x, "a", "b", SHA256)`), which
    /// the function calls with one argument as it runs (the reference's `FunctionGetter`).
    Function,
}

impl ParamKind {
    fn describe(self) -> &'static str {
        match self {
            ParamKind::Target => "a path",
            ParamKind::Value => "a value",
            ParamKind::String => "a string literal",
            ParamKind::Int => "an int literal",
            ParamKind::Bool => "`true` or `false`",
            ParamKind::StringList => "a list of string literals",
            ParamKind::Function => "a converter name",
        }
    }
}

/// One parameter of a function.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    /// Its name, used for named arguments.
    pub name: &'static str,
    /// What it accepts.
    pub kind: ParamKind,
    /// Whether it may be left out.
    pub optional: bool,
}

/// A documented example: a statement or expression with its effect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// For a converter an expression, for an editor a statement.
    pub source: &'static str,
    /// For a converter, the expected result written as an OTTL value; for an editor, the log
    /// record's attributes before, as an OTTL map.
    pub input: &'static str,
    /// For an editor, the attributes after, as an OTTL map.
    pub output: &'static str,
}

/// Everything about a function except what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// The name statements call it by.
    pub name: &'static str,
    /// Editor or converter.
    pub kind: FunctionKind,
    /// Its parameters, required ones first.
    pub params: Vec<Param>,
    /// One line saying what it does.
    pub summary: &'static str,
    /// Examples, which run as tests.
    pub examples: Vec<Example>,
}

impl Signature {
    /// An editor's signature.
    pub fn editor(name: &'static str, summary: &'static str) -> Self {
        Self {
            name,
            kind: FunctionKind::Editor,
            params: Vec::new(),
            summary,
            examples: Vec::new(),
        }
    }

    /// A converter's signature.
    pub fn converter(name: &'static str, summary: &'static str) -> Self {
        Self {
            name,
            kind: FunctionKind::Converter,
            ..Self::editor(name, summary)
        }
    }

    /// Adds a required parameter.
    pub fn param(mut self, name: &'static str, kind: ParamKind) -> Self {
        self.params.push(Param {
            name,
            kind,
            optional: false,
        });
        self
    }

    /// Adds an optional parameter.
    pub fn optional(mut self, name: &'static str, kind: ParamKind) -> Self {
        self.params.push(Param {
            name,
            kind,
            optional: true,
        });
        self
    }

    /// Adds a converter example: `source` evaluates to the value written in `result`.
    pub fn example(mut self, source: &'static str, result: &'static str) -> Self {
        self.examples.push(Example {
            source,
            input: result,
            output: "",
        });
        self
    }

    /// Adds an editor example: `statement` turns attributes `before` into `after`.
    pub fn edit_example(
        mut self,
        statement: &'static str,
        before: &'static str,
        after: &'static str,
    ) -> Self {
        self.examples.push(Example {
            source: statement,
            input: before,
            output: after,
        });
        self
    }

    /// `name(a, b, [c])`, for messages and docs.
    pub fn usage(&self) -> String {
        let params: Vec<String> = self
            .params
            .iter()
            .map(|p| {
                if p.optional {
                    format!("[{}]", p.name)
                } else {
                    p.name.to_owned()
                }
            })
            .collect();
        format!("{}({})", self.name, params.join(", "))
    }
}

/// An argument, checked against its parameter's kind.
pub enum Arg {
    /// For [`ParamKind::Target`].
    Target(Target),
    /// For [`ParamKind::Value`].
    Value(Getter),
    /// For [`ParamKind::Value`] when the argument is a literal (a list or map of literals
    /// included): its value, known when the statement compiles.
    Constant(Value<'static>),
    /// For [`ParamKind::Value`] when the argument is a path to an OTLP value stored in the
    /// record (`attributes["k"]`, `cache["k"]`, `body`).
    Stored(StoredGetter),
    /// For [`ParamKind::String`].
    String(String),
    /// For [`ParamKind::Int`].
    Int(i64),
    /// For [`ParamKind::Bool`].
    Bool(bool),
    /// For [`ParamKind::StringList`].
    StringList(Vec<String>),
    /// For [`ParamKind::Function`].
    Function(ConverterRef),
}

/// A value argument as the function receives it: a literal known when the statement compiles
/// (so the function may validate and prepare it once), or a getter to run per record.
pub enum ValueArg {
    /// A literal.
    Constant(Value<'static>),
    /// A path to an OTLP value stored in the record, read as stored.
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

/// A converter passed by name, resolved when the statement compiles and called per use with
/// one argument, as the reference's `FunctionGetter` is.
///
/// Like the reference, it is instantiated on each call, so a converter that does not take
/// exactly one value fails when called (`incorrect number of arguments`), not at compile time.
#[derive(Clone)]
pub struct ConverterRef {
    signature: Signature,
    function: Arc<dyn Function>,
    span: Span,
}

impl ConverterRef {
    /// The converter's name.
    pub fn name(&self) -> &'static str {
        self.signature.name
    }

    /// Calls the converter with `argument` as its only argument.
    pub fn call<'a>(
        &self,
        ctx: &'a TransformContext<'_>,
        argument: Value<'static>,
    ) -> Result<Value<'a>, RuntimeError> {
        let name = self.signature.name;
        let accepts_one = self.signature.params.first().is_some_and(|first| {
            first.kind == ParamKind::Value && self.signature.params[1..].iter().all(|p| p.optional)
        });
        if !accepts_one {
            let expected = self.signature.params.len();
            return Err(RuntimeErrorKind::Function {
                function: name,
                message: format!("incorrect number of arguments. Expected: {expected} Received: 1"),
            }
            .into());
        }
        let mut slots: Vec<Option<(Arg, Span)>> = Vec::with_capacity(self.signature.params.len());
        slots.push(Some((Arg::Constant(argument), self.span)));
        slots.resize_with(self.signature.params.len(), || None);
        let args = Args::new(name, slots, self.span, Rc::default());
        match self.function.compile(args) {
            Ok(Compiled::Converter(converter)) => converter(ctx),
            Ok(Compiled::Editor(_)) => Err(RuntimeErrorKind::Function {
                function: name,
                message: "is an editor, not a converter".to_owned(),
            }
            .into()),
            Err(diagnostic) => Err(RuntimeErrorKind::Function {
                function: name,
                message: diagnostic.message,
            }
            .into()),
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

    /// The path argument at `index`.
    pub fn target(&mut self, index: usize) -> Result<Target, Diagnostic> {
        match self.take(index) {
            Some(Arg::Target(target)) => Ok(target),
            _ => Err(self.mismatch(index, ParamKind::Target)),
        }
    }

    /// The value argument at `index`.
    pub fn getter(&mut self, index: usize) -> Result<Getter, Diagnostic> {
        self.optional_getter(index)?
            .ok_or_else(|| self.mismatch(index, ParamKind::Value))
    }

    /// The value argument at `index`, if given.
    pub fn optional_getter(&mut self, index: usize) -> Result<Option<Getter>, Diagnostic> {
        Ok(self.optional_value(index)?.map(ValueArg::into_getter))
    }

    /// The value argument at `index`, as a literal when it is one.
    pub fn value(&mut self, index: usize) -> Result<ValueArg, Diagnostic> {
        self.optional_value(index)?
            .ok_or_else(|| self.mismatch(index, ParamKind::Value))
    }

    /// The value argument at `index`, as a literal when it is one, if given.
    pub fn optional_value(&mut self, index: usize) -> Result<Option<ValueArg>, Diagnostic> {
        match self.take(index) {
            Some(Arg::Value(getter)) => Ok(Some(ValueArg::Getter(getter))),
            Some(Arg::Constant(value)) => Ok(Some(ValueArg::Constant(value))),
            Some(Arg::Stored(stored)) => Ok(Some(ValueArg::Stored(stored))),
            None => Ok(None),
            Some(_) => Err(self.mismatch(index, ParamKind::Value)),
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

    /// The string-list literal at `index`.
    pub fn string_list(&mut self, index: usize) -> Result<Vec<String>, Diagnostic> {
        self.optional_string_list(index)?
            .ok_or_else(|| self.mismatch(index, ParamKind::StringList))
    }

    /// The int literal at `index`, if given.
    pub fn optional_int(&mut self, index: usize) -> Result<Option<i64>, Diagnostic> {
        match self.take(index) {
            Some(Arg::Int(number)) => Ok(Some(number)),
            None => Ok(None),
            Some(_) => Err(self.mismatch(index, ParamKind::Int)),
        }
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

/// A compiled call.
pub enum Compiled {
    /// What an editor does.
    Editor(EditorFn),
    /// How a converter computes its value.
    Converter(Getter),
}

impl Compiled {
    /// Wraps an editor's closure.
    pub fn editor(
        run: impl Fn(&mut TransformContext<'_>) -> Result<(), RuntimeError> + Send + Sync + 'static,
    ) -> Self {
        Compiled::Editor(Box::new(run))
    }

    /// Wraps a converter's closure.
    pub fn converter(
        run: impl for<'a> Fn(&'a TransformContext<'_>) -> Result<Value<'a>, RuntimeError>
        + Send
        + Sync
        + 'static,
    ) -> Self {
        Compiled::Converter(Box::new(run))
    }
}

/// The whole contract of a standard (or host) function.
pub trait Function: Send + Sync {
    /// Name, kind, parameters, doc and examples.
    fn signature(&self) -> Signature;

    /// Turns checked arguments into the closure that runs per record.
    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic>;
}

/// The functions statements may call: the standard library, plus or minus the host's own.
#[derive(Clone, Default)]
pub struct Registry {
    functions: BTreeMap<&'static str, (Signature, Arc<dyn Function>)>,
}

impl Registry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `function`, replacing one of the same name.
    pub fn insert(&mut self, function: impl Function + 'static) {
        let signature = function.signature();
        self.functions
            .insert(signature.name, (signature, Arc::new(function)));
    }

    /// Removes the function called `name`; true if it was there.
    pub fn remove(&mut self, name: &str) -> bool {
        self.functions.remove(name).is_some()
    }

    /// The function called `name`, with its signature.
    pub fn get(&self, name: &str) -> Option<(&Signature, &dyn Function)> {
        self.functions
            .get(name)
            .map(|(signature, function)| (signature, function.as_ref()))
    }

    /// The function called `name` as a [`ConverterRef`], if it is a converter; `span` is where
    /// it was named.
    pub(crate) fn converter_ref(&self, name: &str, span: Span) -> Option<ConverterRef> {
        let (signature, function) = self.functions.get(name)?;
        (signature.kind == FunctionKind::Converter).then(|| ConverterRef {
            signature: signature.clone(),
            function: Arc::clone(function),
            span,
        })
    }

    /// Every function's signature, by name.
    pub fn signatures(&self) -> impl Iterator<Item = &Signature> {
        self.functions.values().map(|(signature, _)| signature)
    }
}
