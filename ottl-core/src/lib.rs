//! The OpenTelemetry Transformation Language (OTTL): parser, checker, compiler and runtime.
//!
//! The pipeline reads in module order: [`syntax`] turns text into a spanned AST; [`compile`]
//! checks it against a [`context`] and a [`function::Registry`] and turns it into closures;
//! [`run`] runs those over the OTLP records of [`model`]. Every mistake found on the way is a
//! [`diag::Diagnostic`]; failures while running are [`RuntimeError`]s.
#![forbid(unsafe_code)]

pub mod compile;
pub mod context;
pub mod diag;
mod error;
pub mod function;
mod limits;
pub mod model;
pub mod run;
pub mod span;
pub mod syntax;
pub mod text;
pub mod value;

pub use error::{RuntimeError, RuntimeErrorKind};
pub use limits::Limits;
