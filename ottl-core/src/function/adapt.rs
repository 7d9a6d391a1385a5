//! Short forms for converters whose arguments are all read one way, so that such a converter is
//! a signature and one call: `adapt::str1(args, |text| Ok(Value::Int(text.len() as i64)))`.
//!
//! Each reads its parameters in order, strictly (the reference's `StringGetter`), or as they
//! are for [`value1`].

use super::get;
use super::{Args, Compiled};
use crate::RuntimeError;
use crate::diag::Diagnostic;
use crate::value::Value;

/// A converter of one string (parameter 0).
pub fn str1(
    mut args: Args,
    convert: impl Fn(&str) -> Result<Value<'static>, RuntimeError> + Send + Sync + 'static,
) -> Result<Compiled, Diagnostic> {
    let target = args.get::<get::String>(0)?;
    Ok(Compiled::converter(move |ctx| {
        convert(target.eval(ctx)?.as_str())
    }))
}

/// A converter of two strings (parameters 0 and 1).
pub fn str2(
    mut args: Args,
    convert: impl Fn(&str, &str) -> Result<Value<'static>, RuntimeError> + Send + Sync + 'static,
) -> Result<Compiled, Diagnostic> {
    let first = args.get::<get::String>(0)?;
    let second = args.get::<get::String>(1)?;
    Ok(Compiled::converter(move |ctx| {
        convert(first.eval(ctx)?.as_str(), second.eval(ctx)?.as_str())
    }))
}

/// A converter of one value of any kind (parameter 0), which it may return borrowed.
pub fn value1(
    mut args: Args,
    convert: impl for<'a> Fn(Value<'a>) -> Result<Value<'a>, RuntimeError> + Send + Sync + 'static,
) -> Result<Compiled, Diagnostic> {
    let target = args.value(0)?;
    Ok(Compiled::converter(move |ctx| convert(target.value(ctx)?)))
}
