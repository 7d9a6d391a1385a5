//! `String(target)`.

use super::like;
use ottl_core::RuntimeError;
use ottl_core::RuntimeErrorKind;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self, Coerce};
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::model::{AnyValue, Str};
use ottl_core::value::Value;
use std::borrow::Cow;

/// `String(target)` — the string form of a value: strings as they are, bytes as hex, maps and
/// lists as JSON, numbers and bools as their JSON text, a time as its quoted RFC 3339 JSON
/// text, a record object (`span.status`, `span.events`) as `{}`; nil for nil. NaN and the
/// infinities have no JSON text: an error, alone or inside a map or list.
pub struct String;

impl Function for String {
    fn signature(&self) -> Signature {
        Signature::converter("String", Kind::String, "converts a value to a string")
            .param("target", ParamKind::Like(Kind::String))
            .example(r#"String(false)"#, r#""false""#)
            .example(r#"String([1, 2, 3])"#, r#""[1,2,3]""#)
            .example(r#"String(0x0102)"#, r#""0102""#)
            .example(r#"String(1.5)"#, r#""1.5""#)
            .example(r#"String(1.0e21)"#, r#""1e+21""#)
            .example(r#"String({"a": "<b>"})"#, r#""{\"a\":\"\\u003cb\\u003e\"}""#)
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        // A string from the record is not copied: its `Str` is shared.
        like::unary::<StringLike, _>(args, "String", |text| Ok(text.into_owned()))
    }
}

/// `StringLikeGetter` as `String` reads it: [`get::StringLike`], plus the cases where Go's JSON
/// encoder answers differently — it fails on NaN and the infinities, writes a time, and
/// writes a record object as an empty JSON object.
struct StringLike;

impl Coerce for StringLike {
    const PARAM: ParamKind = ParamKind::Like(Kind::String);
    type Output<'a> = Value<'a>;
    fn coerce(value: Value<'_>) -> Result<Value<'_>, RuntimeError> {
        match &value {
            // A string passes through as it is (borrowed from the record if it was).
            Value::Str(_) => return Ok(value),
            Value::Double(number) if !number.is_finite() => return Err(no_json(*number)),
            Value::Map(map) => map.iter().try_for_each(|(_, item)| check_finite(item))?,
            Value::List(items) => items.iter().try_for_each(check_finite)?,
            Value::Int(number) => return Ok(decimal(*number)),
            Value::Time(time) => return Ok(Value::string(format!("\"{}\"", time.rfc3339()))),
            // pdata wrappers (`span.status`, `span.events`, …) have no exported fields.
            Value::Object(_) => return Ok(Value::Str(Cow::Owned(Str::new_static("{}")))),
            _ => {}
        }
        Ok(match get::StringLike::coerce(value)? {
            None => Value::Nil,
            Some(Cow::Borrowed(text)) => Value::string(text),
            Some(Cow::Owned(text)) => Value::string(text),
        })
    }
}

/// An int's decimal text, written on the stack: it always fits a string stored inline.
fn decimal(number: i64) -> Value<'static> {
    let mut out = [0u8; 20]; // i64::MIN: a sign and 19 digits
    let mut start = out.len();
    let mut rest = number.unsigned_abs();
    loop {
        start -= 1;
        out[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    if number < 0 {
        start -= 1;
        out[start] = b'-';
    }
    // Digits and a sign are ASCII.
    Value::string(std::str::from_utf8(&out[start..]).unwrap_or_default())
}

fn no_json(number: f64) -> RuntimeError {
    RuntimeErrorKind::Function {
        function: "String",
        message: format!("{number} has no JSON form"),
    }
    .into()
}

/// Fails on a NaN or an infinity, alone or anywhere inside.
fn check_finite(value: &AnyValue) -> Result<(), RuntimeError> {
    match value {
        AnyValue::Double(number) if !number.is_finite() => Err(no_json(*number)),
        AnyValue::Array(items) => items.iter().try_for_each(check_finite),
        AnyValue::KvList(map) => map.iter().try_for_each(|(_, item)| check_finite(item)),
        _ => Ok(()),
    }
}


#[cfg(test)]
mod tests {
    use ottl_core::value::{Time, TimeZone};

    fn json_time(nanos: i64) -> String {
        format!("\"{}\"", Time::utc(nanos).rfc3339())
    }

    #[test]
    fn ints_read_as_decimal() {
        for number in [0, 7, -7, 200, i64::MAX, i64::MIN] {
            assert_eq!(super::decimal(number).as_str(), Some(number.to_string().as_str()));
        }
    }

    #[test]
    fn times_read_as_go_json_writes_them() {
        assert_eq!(json_time(1_581_452_772_000_000_321), r#""2020-02-11T20:26:12.000000321Z""#);
        assert_eq!(json_time(0), r#""1970-01-01T00:00:00Z""#);
        assert_eq!(json_time(-1), r#""1969-12-31T23:59:59.999999999Z""#);
        assert_eq!(json_time(951_782_400_500_000_000), r#""2000-02-29T00:00:00.5Z""#);
        assert_eq!(json_time(i64::MIN), r#""1677-09-21T00:12:43.145224192Z""#);
        let tokyo = TimeZone::get("Asia/Tokyo").expect("bundled zone");
        assert_eq!(
            Time::new(1_685_072_096_000_000_000, tokyo).rfc3339(),
            "2023-05-26T12:34:56+09:00"
        );
    }
}
