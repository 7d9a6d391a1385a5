//! Typed reads of value arguments — the reference's getter kinds (`StringGetter`,
//! `IntLikeGetter`, …) as conversions of a [`Value`], so a host's functions read values exactly
//! the way the standard library does.
//!
//! Each kind is a marker type implementing [`Coerce`]; [`Args::get`](super::Args::get) hands
//! out a [`Typed`] argument that converts what it reads:
//!
//! ```
//! use ottl_core::function::{get, Args, Compiled, Function, Kind, ParamKind, Signature};
//! use ottl_core::diag::Diagnostic;
//! use ottl_core::value::Value;
//!
//! /// `Shout(text)`: a string in capitals, with an exclamation mark.
//! struct Shout;
//!
//! impl Function for Shout {
//!     fn signature(&self) -> Signature {
//!         Signature::converter("Shout", Kind::String, "a string in capitals")
//!             .param("text", ParamKind::Value(Kind::String))
//!     }
//!     fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
//!         let text = args.get::<get::String>(0)?;
//!         Ok(Compiled::converter(move |ctx| {
//!             Ok(Value::string(text.eval(ctx)?.to_uppercase() + "!"))
//!         }))
//!     }
//! }
//! ```
//!
//! Strict kinds take exactly their kind (nil included is a type error); "like" kinds convert,
//! and read nil as absent (`None`).

use super::signature::{Kind, ParamKind};
use super::{StoredGetter, ValueArg};
use crate::RuntimeError;
use crate::RuntimeErrorKind;
use crate::context::TransformContext;
use crate::model::{AnyValue, Str};
use crate::text;
use crate::value::Value;
use std::borrow::Cow;
use std::marker::PhantomData;

/// A way of reading a value argument: what the signature declares, what the value becomes.
pub trait Coerce: 'static {
    /// The parameter kind a signature declares for an argument read this way.
    const PARAM: ParamKind;
    /// What a value becomes.
    type Output<'a>;
    /// Converts a value, or says why it cannot.
    fn coerce(value: Value<'_>) -> Result<Self::Output<'_>, RuntimeError>;
}

/// A value argument read as `C`.
pub struct Typed<C> {
    value: ValueArg,
    kind: PhantomData<fn() -> C>,
}

impl<C: Coerce> Typed<C> {
    pub(crate) fn new(value: ValueArg) -> Self {
        Self {
            value,
            kind: PhantomData,
        }
    }

    /// The argument's value for this record, converted; a literal is lent, not cloned.
    #[inline]
    pub fn eval<'a>(
        &'a self,
        ctx: &'a TransformContext<'_>,
    ) -> Result<C::Output<'a>, RuntimeError> {
        C::coerce(self.value.get(ctx)?)
    }

    /// The argument's value for this record, converted, for a converter that may return it: a
    /// literal is cloned (cheap for scalars and strings), a record's value borrowed.
    #[inline]
    pub fn value<'a>(&self, ctx: &'a TransformContext<'_>) -> Result<C::Output<'a>, RuntimeError> {
        C::coerce(self.value.value(ctx)?)
    }

    /// The argument converted, if it was written as a literal (so a function can prepare it
    /// once); `None` for a path or expression, or a literal that does not convert.
    pub fn constant(&self) -> Option<C::Output<'_>> {
        match &self.value {
            ValueArg::Constant(value) => C::coerce(view(value)).ok(),
            ValueArg::Stored(_) | ValueArg::Getter(_) => None,
        }
    }

    /// The argument as it was passed.
    pub fn into_value(self) -> ValueArg {
        self.value
    }
}

impl ValueArg {
    /// The value for this record; a literal is lent, not cloned.
    #[inline]
    pub fn get<'b>(&'b self, ctx: &'b TransformContext<'_>) -> Result<Value<'b>, RuntimeError> {
        match self {
            ValueArg::Constant(value) => Ok(view(value)),
            ValueArg::Stored(stored) => Ok(Value::from_stored(stored(ctx)?)),
            ValueArg::Getter(getter) => getter(ctx),
        }
    }

    /// The value for this record, for a converter that may return it: a literal is cloned
    /// (cheap for scalars and strings), a record's value borrowed.
    #[inline]
    pub fn value<'a>(&self, ctx: &'a TransformContext<'_>) -> Result<Value<'a>, RuntimeError> {
        match self {
            ValueArg::Constant(value) => Ok(value.clone()),
            ValueArg::Stored(stored) => Ok(Value::from_stored(stored(ctx)?)),
            ValueArg::Getter(getter) => getter(ctx),
        }
    }

    /// The stored OTLP value this argument names, when it names one (`attributes["k"]`).
    pub fn stored(&self) -> Option<&StoredGetter> {
        match self {
            ValueArg::Stored(stored) => Some(stored),
            _ => None,
        }
    }
}

/// A view of `value` that borrows instead of owning.
pub fn view<'b>(value: &'b Value<'_>) -> Value<'b> {
    match value {
        Value::Nil => Value::Nil,
        Value::Bool(flag) => Value::Bool(*flag),
        Value::Int(number) => Value::Int(*number),
        Value::Double(number) => Value::Double(*number),
        Value::Str(text) => Value::Str(Cow::Borrowed(text.as_ref())),
        Value::Bytes(bytes) => Value::Bytes(Cow::Borrowed(bytes.as_ref())),
        Value::Map(map) => Value::Map(Cow::Borrowed(map.as_ref())),
        Value::List(items) => Value::List(Cow::Borrowed(items.as_ref())),
        Value::TraceId(id) => Value::TraceId(*id),
        Value::SpanId(id) => Value::SpanId(*id),
        Value::Time(time) => Value::Time(time.clone()),
        Value::Duration(nanos) => Value::Duration(*nanos),
        Value::Object(object) => Value::Object(object.clone()),
    }
}

/// The type error a getter reports: `expected string but got int`.
pub fn type_error(expected: &'static str, value: &Value<'_>) -> RuntimeError {
    RuntimeErrorKind::Type {
        expected,
        found: value.value_type(),
    }
    .into()
}

macro_rules! strict {
    ($(#[$doc:meta])* $name:ident, $kind:ident, $word:literal, $output:ty, $pattern:pat => $out:expr) => {
        $(#[$doc])*
        pub struct $name;

        impl Coerce for $name {
            const PARAM: ParamKind = ParamKind::Value(Kind::$kind);
            type Output<'a> = $output;
            #[inline]
            fn coerce(value: Value<'_>) -> Result<Self::Output<'_>, RuntimeError> {
                match value {
                    $pattern => Ok($out),
                    other => Err(type_error($word, &other)),
                }
            }
        }
    };
}

strict!(
    /// `StringGetter`: exactly a string.
    String, String, "string", Cow<'a, Str>, Value::Str(text) => text
);
strict!(
    /// `IntGetter`: exactly an int (a float is not converted).
    Int, Int, "int", i64, Value::Int(number) => number
);
strict!(
    /// `FloatGetter`: exactly a float (an int is not converted).
    Float, Float, "float64", f64, Value::Double(number) => number
);
strict!(
    /// `BoolGetter`: exactly a bool.
    Bool, Bool, "bool", bool, Value::Bool(flag) => flag
);
strict!(
    /// `PMapGetter`: exactly a map.
    Map, Map, "map", Cow<'a, crate::model::Map>, Value::Map(map) => map
);
strict!(
    /// `PSliceGetter`: exactly a list.
    List, List, "list", Cow<'a, [AnyValue]>, Value::List(items) => items
);
strict!(
    /// `TimeGetter`: exactly a time, with its zone.
    Time, Time, "time", crate::value::Time, Value::Time(time) => time
);
strict!(
    /// `DurationGetter`: exactly a duration, in nanoseconds.
    Duration, Duration, "duration", i64, Value::Duration(nanos) => nanos
);

/// `Getter`: any value, nil included, as it is.
pub struct Any;

impl Coerce for Any {
    const PARAM: ParamKind = ParamKind::Value(Kind::Any);
    type Output<'a> = Value<'a>;
    #[inline]
    fn coerce(value: Value<'_>) -> Result<Value<'_>, RuntimeError> {
        Ok(value)
    }
}

/// `StringLikeGetter`: nil is absent; strings as they are; bytes as lowercase hex; maps and
/// lists as JSON (keys sorted, `<>&` escaped, as goccy/go-json writes them); scalars as JSON;
/// trace and span ids as JSON arrays of numbers (they are byte arrays in the reference).
pub struct StringLike;

impl Coerce for StringLike {
    const PARAM: ParamKind = ParamKind::Like(Kind::String);
    type Output<'a> = Option<Cow<'a, str>>;
    fn coerce(value: Value<'_>) -> Result<Option<Cow<'_, str>>, RuntimeError> {
        Ok(Some(match value {
            Value::Nil => return Ok(None),
            Value::Str(Cow::Borrowed(text)) => Cow::Borrowed(text.as_str()),
            Value::Str(Cow::Owned(text)) => Cow::Owned(text.into()),
            Value::Bytes(bytes) => Cow::Owned(text::hex(&bytes)),
            Value::Int(number) => Cow::Owned(number.to_string()),
            Value::Double(number) => Cow::Owned(text::json_float(number)),
            Value::Bool(flag) => Cow::Borrowed(if flag { "true" } else { "false" }),
            Value::Map(map) => Cow::Owned(text::sorted_json_map(&map)),
            Value::List(items) => Cow::Owned(text::sorted_json_list(&items)),
            Value::TraceId(id) => Cow::Owned(text::json_byte_array(&id.0)),
            Value::SpanId(id) => Cow::Owned(text::json_byte_array(&id.0)),
            Value::Duration(nanos) => Cow::Owned(nanos.to_string()),
            // JSON, as the reference marshals a `time.Time`.
            Value::Time(time) => Cow::Owned(format!("\"{}\"", time.rfc3339())),
            other => return Err(type_error("a value convertible to string", &other)),
        }))
    }
}

/// `IntLikeGetter`: nil and unparsable strings are absent; floats truncate toward zero (those
/// with no int value give `i64::MIN`, as Go on x86-64: [`text::go_int_of_float`]); bools are 1
/// and 0.
pub struct IntLike;

impl Coerce for IntLike {
    const PARAM: ParamKind = ParamKind::Like(Kind::Int);
    type Output<'a> = Option<i64>;
    fn coerce(value: Value<'_>) -> Result<Option<i64>, RuntimeError> {
        Ok(match value {
            Value::Nil => None,
            Value::Int(number) => Some(number),
            Value::Double(number) => Some(text::go_int_of_float(number)),
            Value::Str(text) => text.parse::<i64>().ok(),
            Value::Bool(flag) => Some(i64::from(flag)),
            other => return Err(type_error("int, double, string or bool", &other)),
        })
    }
}

/// `FloatLikeGetter`: nil is absent; strings as Go's `strconv.ParseFloat` reads them
/// ([`text::parse_go_float`]), an unparsable one is an error.
pub struct FloatLike;

impl Coerce for FloatLike {
    const PARAM: ParamKind = ParamKind::Like(Kind::Float);
    type Output<'a> = Option<f64>;
    fn coerce(value: Value<'_>) -> Result<Option<f64>, RuntimeError> {
        Ok(match value {
            Value::Nil => None,
            Value::Double(number) => Some(number),
            Value::Int(number) => Some(number as f64),
            Value::Str(text) => {
                Some(
                    text::parse_go_float(&text).map_err(|_| RuntimeErrorKind::Conversion {
                        text: text.as_str().to_owned(),
                        target: "float64",
                    })?,
                )
            }
            Value::Bool(flag) => Some(if flag { 1.0 } else { 0.0 }),
            other => return Err(type_error("int, double, string or bool", &other)),
        })
    }
}

/// `BoolLikeGetter`: nil is absent; ints and floats are true when not zero; strings as Go's
/// `strconv.ParseBool` reads them (`1 t T TRUE true True`, `0 f F FALSE false False`), any
/// other string is an error.
pub struct BoolLike;

impl Coerce for BoolLike {
    const PARAM: ParamKind = ParamKind::Like(Kind::Bool);
    type Output<'a> = Option<bool>;
    fn coerce(value: Value<'_>) -> Result<Option<bool>, RuntimeError> {
        Ok(match value {
            Value::Nil => None,
            Value::Bool(flag) => Some(flag),
            Value::Int(number) => Some(number != 0),
            Value::Double(number) => Some(number != 0.0),
            Value::Str(text) => Some(match text.as_str() {
                "1" | "t" | "T" | "TRUE" | "true" | "True" => true,
                "0" | "f" | "F" | "FALSE" | "false" | "False" => false,
                other => {
                    return Err(RuntimeErrorKind::Conversion {
                        text: other.to_owned(),
                        target: "bool",
                    }
                    .into());
                }
            }),
            other => return Err(type_error("bool, int, double or string", &other)),
        })
    }
}

/// `ByteSliceLikeGetter`: nil is absent; strings give their UTF-8 bytes; ints and floats their
/// 8 big-endian bytes; bools one byte.
pub struct BytesLike;

impl Coerce for BytesLike {
    const PARAM: ParamKind = ParamKind::Like(Kind::Bytes);
    type Output<'a> = Option<Cow<'a, [u8]>>;
    fn coerce(value: Value<'_>) -> Result<Option<Cow<'_, [u8]>>, RuntimeError> {
        Ok(Some(match value {
            Value::Nil => return Ok(None),
            Value::Bytes(bytes) => bytes,
            Value::Str(Cow::Borrowed(text)) => Cow::Borrowed(text.as_bytes()),
            Value::Str(Cow::Owned(text)) => Cow::Owned(text.as_bytes().to_vec()),
            Value::Int(number) => Cow::Owned(number.to_be_bytes().to_vec()),
            Value::Double(number) => Cow::Owned(number.to_bits().to_be_bytes().to_vec()),
            Value::Bool(flag) => Cow::Owned(vec![u8::from(flag)]),
            other => return Err(type_error("bytes, string, int, double or bool", &other)),
        }))
    }
}

/// Whether a literal `value` is of `kind`, as a strict getter of that kind requires (nil is
/// not: strict getters reject it).
pub(crate) fn admits(kind: Kind, value: &Value<'_>) -> bool {
    match kind {
        Kind::Any => true,
        Kind::String => matches!(value, Value::Str(_)),
        Kind::Int => matches!(value, Value::Int(_)),
        Kind::Float => matches!(value, Value::Double(_)),
        Kind::Bool => matches!(value, Value::Bool(_)),
        Kind::Bytes => matches!(value, Value::Bytes(_)),
        Kind::Map => matches!(value, Value::Map(_)),
        Kind::List => matches!(value, Value::List(_)),
        Kind::Time => matches!(value, Value::Time(_)),
        Kind::Duration => matches!(value, Value::Duration(_)),
    }
}
