//! `SHA256(target)`.

use super::hex::hex_value;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self};
use ottl_core::function::{Kind, Args, Compiled, Function, ParamKind, Signature};
use sha2::block_api::compress256;

/// `SHA256(target)`: the SHA-256 digest of a string, as 64 lowercase hex digits.
pub struct Sha256;

impl Function for Sha256 {
    fn signature(&self) -> Signature {
        Signature::converter("SHA256", Kind::String, "the SHA-256 digest of a string, in hex")
            .param("target", ParamKind::Value(Kind::String))
            .example(
                r#"SHA256("hello world")"#,
                r#""b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9""#,
            )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::String>(0)?;
        Ok(Compiled::converter(move |ctx| {
            let text = target.eval(ctx)?;
            Ok(hex_value(&digest(text.as_bytes())))
        }))
    }
}

/// SHA-256's initial hash value (FIPS 180-4, 5.3.3).
const INITIAL_STATE: [u32; 8] = [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

/// The SHA-256 digest of `message`: its whole blocks are compressed where they lie, and only
/// the padded tail is copied, into one or two blocks on the stack. (`sha2`'s `Digest` buffers
/// every byte first; for the short strings attributes hold, that copying was most of the cost.)
fn digest(message: &[u8]) -> [u8; 32] {
    let mut state = INITIAL_STATE;
    let (blocks, tail) = message.as_chunks::<64>();
    compress256(&mut state, blocks);
    // The tail, the 0x80 marker, zeros, and the message length in bits as a big-endian u64
    // ending the last block: one block if the tail leaves room for the 9 bytes, two otherwise.
    let mut padded = [[0u8; 64]; 2];
    let flat = padded.as_flattened_mut();
    flat[..tail.len()].copy_from_slice(tail);
    flat[tail.len()] = 0x80;
    let used = if tail.len() < 56 { 1 } else { 2 };
    let bits = (message.len() as u64).wrapping_mul(8);
    flat[used * 64 - 8..used * 64].copy_from_slice(&bits.to_be_bytes());
    compress256(&mut state, &padded[..used]);
    let mut out = [0u8; 32];
    for (bytes, word) in out.chunks_exact_mut(4).zip(state) {
        bytes.copy_from_slice(&word.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::digest;
    use sha2::{Digest, Sha256};

    #[test]
    fn matches_sha2_at_every_padding_boundary() {
        let message: Vec<u8> = (0..300u32).map(|i| (i * 7 + 3) as u8).collect();
        for len in [0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 128, 200, 300] {
            let expected: [u8; 32] = Sha256::digest(&message[..len]).into();
            assert_eq!(digest(&message[..len]), expected, "length {len}");
        }
    }
}
