//! The OpenTelemetry Transformation Language (OTTL): parser, checker, compiler and runtime.
//!
//! The pipeline reads in module order: [`syntax`] turns text into a spanned AST, [`diag`] carries
//! every mistake found on the way, and [`model`] holds the OTLP records statements run over.
#![forbid(unsafe_code)]

pub mod diag;
pub mod model;
pub mod span;
pub mod syntax;
