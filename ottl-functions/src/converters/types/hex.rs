//! `Hex(target)`.

use super::like;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get;
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
        like::unary::<get::BytesLike, _>(args, "Hex", |bytes| {
            Ok(Value::string(bytes.map_or_else(
                std::string::String::new,
                |bytes| text::hex(&bytes),
            )))
        })
    }
}
