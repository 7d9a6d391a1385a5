//! `Murmur3Hash(target)`.

use super::hex::hex_value;
use super::murmur3;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature, adapt};

/// `Murmur3Hash(target)` — the MurmurHash3 x86 32-bit hash (seed 0) of a string's UTF-8 bytes, written little-endian as 8 lowercase hex digits.
pub struct Murmur3Hash;

impl Function for Murmur3Hash {
    fn signature(&self) -> Signature {
        Signature::converter("Murmur3Hash", Kind::String, "the MurmurHash3 32-bit hash of a string, in hex")
            .param("target", ParamKind::Value(Kind::String))
            .example(r#"Murmur3Hash("Hello World")"#, r#""ce837619""#)
            .example(r#"Murmur3Hash("")"#, r#""00000000""#)
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        adapt::str1(args, |text| Ok(hex_value(&murmur3::x86_32(text.as_bytes()).to_le_bytes())))
    }
}
