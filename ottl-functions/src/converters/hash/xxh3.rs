//! `XXH3(target)`.

use super::hex::hex_value;
use xxhash_rust::xxh3::xxh3_64;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature, adapt};

/// `XXH3(target)` — the XXH3 64-bit hash (seed 0) of a string's UTF-8 bytes, as 16 lowercase hex digits, big-endian.
pub struct Xxh3;

impl Function for Xxh3 {
    fn signature(&self) -> Signature {
        Signature::converter("XXH3", Kind::String, "the XXH3 64-bit hash of a string, in hex")
            .param("target", ParamKind::Value(Kind::String))
            .example(r#"XXH3("hello world")"#, r#""d447b1ea40e6988b""#)
            .example(r#"XXH3("")"#, r#""2d06800538d394c2""#)
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        adapt::str1(args, |text| Ok(hex_value(&xxh3_64(text.as_bytes()).to_be_bytes())))
    }
}
