//! The reference's getter kinds (functions.md §1) as conversions of [`Value`]s, shared by the
//! functions: strict ones (`StringGetter`: exactly a string, nil is an error) and "like" ones
//! (`StringLikeGetter`: converts, nil is absent).

use ottl_core::RuntimeError;
use ottl_core::RuntimeErrorKind;
use ottl_core::context::TransformContext;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Getter, StoredGetter, ValueArg};
use ottl_core::model::{AnyValue, Map, Str};
use ottl_core::value::Value;
use std::borrow::Cow;

/// A value argument: a literal kept as is (read without copying), or a getter.
pub(crate) enum Input {
    /// A literal, known when the statement compiled.
    Constant(Value<'static>),
    /// A path to an OTLP value stored in the record.
    Stored(StoredGetter),
    /// Anything else.
    Getter(Getter),
}

impl From<ValueArg> for Input {
    fn from(arg: ValueArg) -> Self {
        match arg {
            ValueArg::Constant(value) => Input::Constant(value),
            ValueArg::Stored(stored) => Input::Stored(stored),
            ValueArg::Getter(getter) => Input::Getter(getter),
        }
    }
}

impl Input {
    /// The value argument at `index`.
    pub(crate) fn at(args: &mut Args, index: usize) -> Result<Self, Diagnostic> {
        Ok(args.value(index)?.into())
    }

    /// The value argument at `index`, which the function reads with a strict getter. A
    /// literal of another kind is rejected when the statement compiles, as the reference
    /// evaluates literal arguments of typed getters at parse time.
    pub(crate) fn strict_at(
        args: &mut Args,
        index: usize,
        kind: Strict,
    ) -> Result<Self, Diagnostic> {
        let input = Self::at(args, index)?;
        if let Input::Constant(value) = &input
            && let Err(error) = kind.check(view(value))
        {
            return Err(args.invalid(
                index,
                error.to_string(),
                format!("pass {}", kind.expected()),
            ));
        }
        Ok(input)
    }

    /// The value argument at `index`, if given.
    pub(crate) fn optional_at(args: &mut Args, index: usize) -> Result<Option<Self>, Diagnostic> {
        Ok(args.optional_value(index)?.map(Input::from))
    }

    /// The value for this record, for a converter that may return it: a literal is cloned
    /// (cheap for scalars and strings), a record's value borrowed.
    #[inline]
    pub(crate) fn value<'a>(
        &self,
        ctx: &'a TransformContext<'_>,
    ) -> Result<Value<'a>, RuntimeError> {
        match self {
            Input::Constant(value) => Ok(value.clone()),
            Input::Stored(stored) => Ok(Value::from_stored(stored(ctx)?)),
            Input::Getter(getter) => getter(ctx),
        }
    }

    /// The value for this record; a literal is lent, not cloned.
    #[inline]
    pub(crate) fn get<'b>(
        &'b self,
        ctx: &'b TransformContext<'_>,
    ) -> Result<Value<'b>, RuntimeError> {
        match self {
            Input::Constant(value) => Ok(view(value)),
            Input::Stored(stored) => Ok(Value::from_stored(stored(ctx)?)),
            Input::Getter(getter) => getter(ctx),
        }
    }
}

/// The strict getters a literal argument can be checked against when a statement compiles.
#[derive(Clone, Copy)]
pub(crate) enum Strict {
    /// [`string`].
    String,
    /// [`int`].
    Int,
    /// [`map`].
    Map,
    /// [`list`].
    List,
}

impl Strict {
    fn check(self, value: Value<'_>) -> Result<(), RuntimeError> {
        match self {
            Strict::String => string(value).map(drop),
            Strict::Int => int(value).map(drop),
            Strict::Map => map(value).map(drop),
            Strict::List => list(value).map(drop),
        }
    }

    fn expected(self) -> &'static str {
        match self {
            Strict::String => "a string",
            Strict::Int => "an int",
            Strict::Map => "a map",
            Strict::List => "a list",
        }
    }
}

/// A view of `value` that borrows instead of owning.
pub(crate) fn view<'b>(value: &'b Value<'_>) -> Value<'b> {
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
        Value::Time(nanos) => Value::Time(*nanos),
        Value::Duration(nanos) => Value::Duration(*nanos),
        // Anything else is cloned (kinds added to `Value` later included).
        #[allow(unreachable_patterns)]
        other => other.clone(),
    }
}

fn type_error(expected: &'static str, value: &Value<'_>) -> RuntimeError {
    RuntimeErrorKind::Type {
        expected,
        found: value.value_type(),
    }
    .into()
}

/// `StringGetter`: exactly a string; nil and other kinds are type errors.
#[inline]
pub(crate) fn string(value: Value<'_>) -> Result<Cow<'_, Str>, RuntimeError> {
    match value {
        Value::Str(text) => Ok(text),
        other => Err(type_error("string", &other)),
    }
}

/// `IntGetter`: exactly an int.
#[inline]
pub(crate) fn int(value: Value<'_>) -> Result<i64, RuntimeError> {
    match value {
        Value::Int(number) => Ok(number),
        other => Err(type_error("int", &other)),
    }
}

/// `PMapGetter`: exactly a map.
#[inline]
pub(crate) fn map(value: Value<'_>) -> Result<Cow<'_, Map>, RuntimeError> {
    match value {
        Value::Map(map) => Ok(map),
        other => Err(type_error("map", &other)),
    }
}

/// `PSliceGetter`: exactly a list.
#[inline]
pub(crate) fn list(value: Value<'_>) -> Result<Cow<'_, [AnyValue]>, RuntimeError> {
    match value {
        Value::List(items) => Ok(items),
        other => Err(type_error("list", &other)),
    }
}

/// `StringLikeGetter`: nil is absent; strings as they are; bytes as lowercase hex; maps and
/// lists as JSON (keys sorted, `<>&` escaped, as goccy/go-json writes them); scalars as JSON.
pub(crate) fn string_like(value: Value<'_>) -> Result<Option<Cow<'_, str>>, RuntimeError> {
    Ok(Some(match value {
        Value::Nil => return Ok(None),
        Value::Str(Cow::Borrowed(text)) => Cow::Borrowed(text.as_str()),
        Value::Str(Cow::Owned(text)) => Cow::Owned(text.into()),
        Value::Bytes(bytes) => Cow::Owned(hex(&bytes)),
        Value::Int(number) => Cow::Owned(number.to_string()),
        Value::Double(number) => Cow::Owned(crate::json::format_double(number)),
        Value::Bool(flag) => Cow::Borrowed(if flag { "true" } else { "false" }),
        Value::Map(map) => Cow::Owned(crate::json::map_to_string(&map)),
        Value::List(items) => Cow::Owned(crate::json::list_to_string(&items)),
        // Ids are byte arrays in the reference, so they encode as JSON arrays of numbers.
        Value::TraceId(id) => Cow::Owned(crate::json::byte_array(&id.0)),
        Value::SpanId(id) => Cow::Owned(crate::json::byte_array(&id.0)),
        Value::Duration(nanos) => Cow::Owned(nanos.to_string()),
        other => return Err(type_error("a value convertible to string", &other)),
    }))
}

/// `IntLikeGetter`: nil and unparsable strings are absent; doubles truncate toward zero.
pub(crate) fn int_like(value: Value<'_>) -> Result<Option<i64>, RuntimeError> {
    Ok(match value {
        Value::Nil => None,
        Value::Int(number) => Some(number),
        // `as` saturates at the ends and maps NaN to 0, where Go's conversion is undefined.
        Value::Double(number) => Some(number.trunc() as i64),
        Value::Str(text) => text.parse::<i64>().ok(),
        Value::Bool(flag) => Some(i64::from(flag)),
        other => return Err(type_error("int, double, string or bool", &other)),
    })
}

/// `FloatLikeGetter`: nil is absent; an unparsable string is an error.
pub(crate) fn float_like(value: Value<'_>) -> Result<Option<f64>, RuntimeError> {
    Ok(match value {
        Value::Nil => None,
        Value::Double(number) => Some(number),
        Value::Int(number) => Some(number as f64),
        Value::Str(text) => Some(
            parse_float(&text).ok_or_else(|| RuntimeErrorKind::Function {
                function: "Double",
                message: format!("cannot parse {:?} as a double", text.as_str()),
            })?,
        ),
        Value::Bool(flag) => Some(if flag { 1.0 } else { 0.0 }),
        other => return Err(type_error("int, double, string or bool", &other)),
    })
}

/// Go's `strconv.ParseFloat(s, 64)` for the forms Rust's parser shares (decimal, exponent,
/// `inf`/`infinity`/`nan` in any case); Go's hex floats (`0x1p-2`) and `_` separators are not
/// accepted here.
fn parse_float(text: &str) -> Option<f64> {
    // Rust also accepts a leading `+` and forms like `.5` and `5.`, as Go does.
    text.parse::<f64>().ok()
}

/// `ByteSliceLikeGetter`: nil is absent; strings give their UTF-8 bytes; ints and doubles
/// their 8 big-endian bytes; bools one byte.
pub(crate) fn bytes_like(value: Value<'_>) -> Result<Option<Cow<'_, [u8]>>, RuntimeError> {
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

/// Lowercase hex of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        text.push(char::from(DIGITS[usize::from(byte >> 4)]));
        text.push(char::from(DIGITS[usize::from(byte & 0xf)]));
    }
    text
}

/// OTTL's `==` between a value and a list element: ints and doubles compare numerically,
/// other kinds only with their own kind (nil with an empty element), maps and lists deeply.
pub(crate) fn equals(item: &Value<'_>, element: &AnyValue) -> bool {
    match (item, element) {
        (Value::Nil, AnyValue::Empty) => true,
        (Value::Bool(a), AnyValue::Bool(b)) => a == b,
        (Value::Int(a), AnyValue::Int(b)) => a == b,
        (Value::Int(a), AnyValue::Double(b)) => (*a as f64) == *b,
        (Value::Double(a), AnyValue::Double(b)) => a == b,
        (Value::Double(a), AnyValue::Int(b)) => *a == (*b as f64),
        (Value::Str(a), AnyValue::Str(b)) => a.as_str() == b.as_str(),
        (Value::Bytes(a), AnyValue::Bytes(b)) => a.as_ref() == b.as_slice(),
        (Value::Map(a), AnyValue::KvList(b)) => a.as_ref() == b,
        (Value::List(a), AnyValue::Array(b)) => a.as_ref() == b.as_slice(),
        _ => false,
    }
}

/// The `N` bytes of an id from `ByteSliceLike` bytes: `N` bytes as they are, `2N` as hex.
pub(crate) fn id_bytes<const N: usize>(bytes: &[u8]) -> Result<[u8; N], String> {
    let mut id = [0u8; N];
    if bytes.len() == N {
        id.copy_from_slice(bytes);
        return Ok(id);
    }
    if bytes.len() != 2 * N {
        return Err(format!(
            "expected {N} bytes or {} hex characters, found {} bytes",
            2 * N,
            bytes.len()
        ));
    }
    let digit = |b: u8| match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    };
    for (slot, pair) in id.iter_mut().zip(bytes.chunks_exact(2)) {
        match (digit(pair[0]), digit(pair[1])) {
            (Some(high), Some(low)) => *slot = (high << 4) | low,
            _ => return Err("invalid hex".to_owned()),
        }
    }
    Ok(id)
}
