//! `SHA1(target)`.

use super::hex::hex_value;
use sha1::Digest as _;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature, adapt};

/// `SHA1(target)` — the SHA-1 digest of a string's UTF-8 bytes, as 40 lowercase hex digits.
pub struct Sha1;

impl Function for Sha1 {
    fn signature(&self) -> Signature {
        Signature::converter("SHA1", Kind::String, "the SHA-1 digest of a string, in hex")
            .param("target", ParamKind::Value(Kind::String))
            .example(r#"SHA1("hello world")"#, r#""2aae6c35c94fcfb415dbe95f408b9ce91ee846ed""#)
            .example(r#"SHA1("")"#, r#""da39a3ee5e6b4b0d3255bfef95601890afd80709""#)
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        adapt::str1(args, |text| Ok(hex_value(&sha1::Sha1::digest(text.as_bytes()))))
    }
}
