//! `MD5(target)`.

use super::hex::hex_value;
use md5::Digest as _;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature, adapt};

/// `MD5(target)` — the MD5 digest of a string's UTF-8 bytes, as 32 lowercase hex digits.
pub struct Md5;

impl Function for Md5 {
    fn signature(&self) -> Signature {
        Signature::converter("MD5", Kind::String, "the MD5 digest of a string, in hex")
            .param("target", ParamKind::Value(Kind::String))
            .example(r#"MD5("hello world")"#, r#""5eb63bbbe01eeed093cb22bb8f5acdc3""#)
            .example(r#"MD5("")"#, r#""d41d8cd98f00b204e9800998ecf8427e""#)
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        adapt::str1(args, |text| Ok(hex_value(&md5::Md5::digest(text.as_bytes()))))
    }
}
