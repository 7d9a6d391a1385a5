//! `Murmur3Hash128(target)`.

use super::hex::hex_value;
use super::murmur3;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature, adapt};

/// `Murmur3Hash128(target)` — the MurmurHash3 x64 128-bit hash (seed 0) of a string's UTF-8 bytes, as 32 lowercase hex digits: each half little-endian, the first half first.
pub struct Murmur3Hash128;

impl Function for Murmur3Hash128 {
    fn signature(&self) -> Signature {
        Signature::converter("Murmur3Hash128", Kind::String, "the MurmurHash3 128-bit hash of a string, in hex")
            .param("target", ParamKind::Value(Kind::String))
            .example(r#"Murmur3Hash128("Hello World")"#, r#""dbc2a0c1ab26631a27b4c09fcf1fe683""#)
            .example(r#"Murmur3Hash128("")"#, r#""00000000000000000000000000000000""#)
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        adapt::str1(args, |text| {
            let (h1, h2) = murmur3::x64_128(text.as_bytes());
            let mut digest = [0u8; 16];
            digest[..8].copy_from_slice(&h1.to_le_bytes());
            digest[8..].copy_from_slice(&h2.to_le_bytes());
            Ok(hex_value(&digest))
        })
    }
}
