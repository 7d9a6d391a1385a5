//! `Hex(target)`.

use super::like;
use ottl_core::RuntimeError;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self, Coerce};
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::text;
use ottl_core::value::Value;

/// `Hex(target)` — the bytes of a value in lowercase hex, without `0x`: bytes as they are, a
/// string's UTF-8, an int's or a double's 8 big-endian bytes, a bool's one byte; `""` for nil.
pub struct Hex;

impl Function for Hex {
    fn signature(&self) -> Signature {
        Signature::converter("Hex", Kind::String, "a value's bytes in hex")
            .param("target", ParamKind::Like(Kind::Bytes))
            .example(r#"Hex(12)"#, r#""000000000000000c""#)
            .example(r#"Hex("1")"#, r#""31""#)
            .example(r#"Hex(1.1)"#, r#""3ff199999999999a""#)
            .example(r#"Hex(true)"#, r#""01""#)
            .example(r#"Hex(0xCAFE)"#, r#""cafe""#)
            .example(r#"Hex(nil)"#, r#""""#)
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        like::unary::<HexOf, _>(args, "Hex", Ok)
    }
}

/// `ByteSliceLikeGetter` and the hex of what it reads, in one step: an int's or a double's
/// bytes are encoded from the stack rather than from a vector [`get::BytesLike`] would build.
struct HexOf;

impl Coerce for HexOf {
    const PARAM: ParamKind = ParamKind::Like(Kind::Bytes);
    type Output<'a> = Value<'static>;
    fn coerce(value: Value<'_>) -> Result<Value<'static>, RuntimeError> {
        Ok(match value {
            Value::Int(number) => hex(&number.to_be_bytes()),
            Value::Double(number) => hex(&number.to_bits().to_be_bytes()),
            other => match get::BytesLike::coerce(other)? {
                None => hex(&[]),
                Some(bytes) => hex(&bytes),
            },
        })
    }
}

/// Short enough to encode on the stack: the text fits a string stored inline (23 bytes).
const INLINE_BYTES: usize = 11;

/// `bytes` in lowercase hex, without a heap buffer in between when the text is short.
fn hex(bytes: &[u8]) -> Value<'static> {
    if bytes.len() > INLINE_BYTES {
        return Value::string(text::hex(bytes));
    }
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = [0u8; 2 * INLINE_BYTES];
    for (pair, byte) in out.chunks_exact_mut(2).zip(bytes) {
        pair[0] = DIGITS[usize::from(byte >> 4)];
        pair[1] = DIGITS[usize::from(byte & 0x0f)];
    }
    let text = &out[..2 * bytes.len()];
    // Hex digits are ASCII.
    Value::string(std::str::from_utf8(text).unwrap_or_default())
}
