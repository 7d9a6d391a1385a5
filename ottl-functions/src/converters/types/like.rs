//! One-argument conversions as the reference runs them: the argument is read through a getter
//! kind, and a literal argument is read through it once, when the statement compiles, so a
//! literal that does not convert (`Double("abc")`, `Bool("yes")`) rejects the statement while
//! the same value from a path fails only the records it is read from.

use super::go_float;
use ottl_core::RuntimeError;
use ottl_core::RuntimeErrorKind;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self, Coerce};
use ottl_core::function::{Args, Compiled, Kind, ParamKind, ValueArg};
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

/// `FloatLikeGetter`, with strings read exactly as Go's `strconv.ParseFloat` reads them (hex
/// floats, `_` separators, and an error for a number beyond the double range), where
/// [`get::FloatLike`] reads them as Rust does.
pub(super) struct FloatLike;

impl Coerce for FloatLike {
    const PARAM: ParamKind = ParamKind::Like(Kind::Float);
    type Output<'a> = Option<f64>;
    fn coerce(value: Value<'_>) -> Result<Option<f64>, RuntimeError> {
        match value {
            Value::Str(text) => match go_float::parse(text.as_str()) {
                Ok(number) => Ok(Some(number)),
                Err(_) => Err(RuntimeErrorKind::Conversion {
                    text: text.as_str().to_owned(),
                    target: "float64",
                }
                .into()),
            },
            other => get::FloatLike::coerce(other),
        }
    }
}

/// `IntLikeGetter`, with a double converted as Go converts one on x86-64 (where the reference
/// engine runs): truncated toward zero, and NaN, the infinities and anything beyond the int
/// range all give the most negative int, where [`get::IntLike`] saturates (as Go does on arm64).
pub(super) struct IntLike;

impl Coerce for IntLike {
    const PARAM: ParamKind = ParamKind::Like(Kind::Int);
    type Output<'a> = Option<i64>;
    fn coerce(value: Value<'_>) -> Result<Option<i64>, RuntimeError> {
        match value {
            Value::Double(number) => Ok(Some(go_amd64_int(number))),
            other => get::IntLike::coerce(other),
        }
    }
}

/// Go's `int64(number)` on x86-64: `CVTTSD2SQ`, whose answer for a double with no int64 value
/// (NaN, ±inf, |x| ≥ 2^63) is the "integer indefinite" 0x8000_0000_0000_0000.
fn go_amd64_int(number: f64) -> i64 {
    const TWO_TO_63: f64 = 9_223_372_036_854_775_808.0;
    if number.is_nan() || !(-TWO_TO_63..TWO_TO_63).contains(&number) {
        i64::MIN
    } else {
        number.trunc() as i64
    }
}
