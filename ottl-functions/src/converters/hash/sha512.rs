//! `SHA512(target)`.

use super::hex::hex_value;
use sha2::Digest as _;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature, adapt};

/// `SHA512(target)` — the SHA-512 digest of a string's UTF-8 bytes, as 128 lowercase hex digits.
pub struct Sha512;

impl Function for Sha512 {
    fn signature(&self) -> Signature {
        Signature::converter("SHA512", Kind::String, "the SHA-512 digest of a string, in hex")
            .param("target", ParamKind::Value(Kind::String))
            .example(r#"SHA512("hello world")"#, r#""309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f""#)
            .example(r#"SHA512("")"#, r#""cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e""#)
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        adapt::str1(args, |text| Ok(hex_value(&sha2::Sha512::digest(text.as_bytes()))))
    }
}
