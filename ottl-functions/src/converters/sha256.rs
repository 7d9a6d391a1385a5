//! `SHA256(target)`.

use crate::convert::{self, Input};
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, ParamKind, Signature};
use ottl_core::value::Value;
use sha2::{Digest, Sha256 as Hasher};

/// `SHA256(target)` — the SHA-256 digest of a string's UTF-8 bytes, as lowercase hex.
pub struct Sha256;

impl Function for Sha256 {
    fn signature(&self) -> Signature {
        Signature::converter("SHA256", "the SHA-256 digest of a string, in hex")
            .param("target", ParamKind::Value)
            .example(
                r#"SHA256("hello world")"#,
                r#""b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9""#,
            )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = Input::at(&mut args, 0)?;
        Ok(Compiled::converter(move |ctx| {
            let text = convert::string(target.get(ctx)?)?;
            let digest = Hasher::digest(text.as_bytes());
            let mut buffer = [0u8; 64];
            Ok(Value::string(hex_into(&digest, &mut buffer)))
        }))
    }
}

/// `digest` as lowercase hex written into `buffer` (one allocation fewer than a `String`,
/// which the result's `Str` would copy again).
fn hex_into<'b>(digest: &[u8], buffer: &'b mut [u8; 64]) -> &'b str {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for (pair, byte) in buffer.chunks_exact_mut(2).zip(digest) {
        pair[0] = DIGITS[usize::from(byte >> 4)];
        pair[1] = DIGITS[usize::from(byte & 0xf)];
    }
    let written = (digest.len() * 2).min(buffer.len());
    // Hex digits are ASCII, so this never fails.
    std::str::from_utf8(&buffer[..written]).unwrap_or_default()
}
