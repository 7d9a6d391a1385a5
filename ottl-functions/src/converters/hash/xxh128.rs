//! `XXH128(target)`.

use super::hex::hex_value;
use xxhash_rust::xxh3::xxh3_128;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature, adapt};

/// `XXH128(target)` — the XXH3 128-bit hash (seed 0) of a string's UTF-8 bytes, as 32 lowercase hex digits: the high half, then the low, each big-endian.
pub struct Xxh128;

impl Function for Xxh128 {
    fn signature(&self) -> Signature {
        Signature::converter("XXH128", Kind::String, "the XXH3 128-bit hash of a string, in hex")
            .param("target", ParamKind::Value(Kind::String))
            .example(r#"XXH128("hello world")"#, r#""df8d09e93f874900a99b8775cc15b6c7""#)
            .example(r#"XXH128("")"#, r#""99aa06d3014798d86001c324468d497f""#)
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        adapt::str1(args, |text| Ok(hex_value(&xxh3_128(text.as_bytes()).to_be_bytes())))
    }
}
