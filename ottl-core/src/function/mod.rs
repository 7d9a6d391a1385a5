//! The contract every editor and converter implements, and the [`Registry`] a host builds.
//!
//! A function describes itself with a [`Signature`] (name, editor or converter, typed
//! parameters, return kind, one-line doc, examples) and compiles its checked arguments into a
//! closure once, when the statement compiles: literal arguments (a regex, a mode string) arrive
//! as plain values so they are validated and prepared then, and a bad one becomes a
//! [`Diagnostic`] with a span. A literal of the wrong kind for a typed parameter
//! (`HasPrefix(1, "a")`) is rejected from the signature alone, before `compile` runs.
//!
//! A simple converter is a signature and an [`adapt`] call:
//!
//! ```
//! use ottl_core::function::{adapt, Args, Compiled, Function, Kind, ParamKind, Signature};
//! use ottl_core::diag::Diagnostic;
//! use ottl_core::value::Value;
//!
//! /// `Reverse(target)`: a string's characters in reverse order.
//! struct Reverse;
//!
//! impl Function for Reverse {
//!     fn signature(&self) -> Signature {
//!         Signature::converter("Reverse", Kind::String, "a string's characters reversed")
//!             .param("target", ParamKind::Value(Kind::String))
//!             .example(r#"Reverse("abc")"#, r#""cba""#)
//!     }
//!     fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
//!         adapt::str1(args, |text| Ok(Value::string(text.chars().rev().collect::<String>())))
//!     }
//! }
//! ```
//!
//! Functions that need more read their arguments with [`Args::get`] and the getter kinds of
//! [`get`].

pub mod adapt;
mod args;
mod converter_ref;
pub mod get;
mod lambda;
mod registry;
mod signature;

pub use args::{Arg, Args, ValueArg};
pub use converter_ref::ConverterRef;
pub(crate) use lambda::parameter;
pub use lambda::{Lambda, LambdaArg};
pub use registry::Registry;
pub use signature::{Example, FunctionKind, Kind, Param, ParamKind, Signature};

use crate::RuntimeError;
use crate::context::TransformContext;
use crate::diag::Diagnostic;
use crate::value::{Value, ValueType};

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
