//! Conversions shared by the functions beyond the getter kinds of `ottl_core::function::get`:
//! OTTL's equality of a value and a list element, and ids from bytes or hex.

use ottl_core::model::AnyValue;
use ottl_core::value::Value;

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
