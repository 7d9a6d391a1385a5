//! One-argument conversions as the reference runs them: the argument is read through a getter
//! kind, and a literal argument is read through it once, when the statement compiles, so a
//! literal that does not convert (`Double("abc")`, `Bool("yes")`) rejects the statement while
//! the same value from a path fails only the records it is read from.

use ottl_core::RuntimeError;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self, Coerce};
use ottl_core::function::{Args, Compiled, ValueArg};
use ottl_core::value::Value;

/// A converter of argument 0 read as `C`, then passed to `body`. A literal argument is read
/// when the statement compiles: one that `C` rejects is a diagnostic; for one it takes, the
/// result is computed then too, unless `body` fails (the reference fails such a call on each
/// record, so it still does).
pub(super) fn unary<C, F>(
    mut args: Args,
    function: &'static str,
    body: F,
) -> Result<Compiled, Diagnostic>
where
    C: Coerce,
    F: for<'a> Fn(C::Output<'a>) -> Result<Value<'static>, RuntimeError> + Send + Sync + 'static,
{
    let target = args.value(0)?;
    if let ValueArg::Constant(literal) = &target {
        let converted = C::coerce(get::view(literal)).map_err(|error| {
            args.invalid(
                0,
                format!("{function}: {error}"),
                format!("pass {function} a value it converts, or read it from a path"),
            )
        })?;
        if let Ok(result) = body(converted) {
            return Ok(Compiled::converter(move |_| Ok(result.clone())));
        }
    }
    Ok(Compiled::converter(move |ctx| {
        body(C::coerce(target.value(ctx)?)?)
    }))
}
