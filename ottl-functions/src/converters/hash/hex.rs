//! Digests as lowercase hex strings, written on the stack so that the only allocation is the
//! string value itself (none at all for digests of up to 11 bytes, which fit inline).

use ottl_core::value::Value;

/// The two hex digits of every byte.
const PAIRS: [[u8; 2]; 256] = {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut pairs = [[0u8; 2]; 256];
    let mut b = 0;
    while b < 256 {
        pairs[b] = [DIGITS[b >> 4], DIGITS[b & 0xf]];
        b += 1;
    }
    pairs
};

/// The longest digest of the family: SHA-512's 64 bytes.
const MAX_DIGEST: usize = 64;

/// Writes `digest` as lowercase hex into `buffer` and returns the digits written (two per byte,
/// as many bytes as the buffer holds).
pub(super) fn hex_into<'b>(digest: &[u8], buffer: &'b mut [u8]) -> &'b str {
    let (pairs, _) = buffer.as_chunks_mut::<2>();
    let written = pairs.len().min(digest.len());
    for (pair, &byte) in pairs.iter_mut().zip(digest) {
        *pair = PAIRS[usize::from(byte)];
    }
    // Hex digits are ASCII, so this never fails.
    std::str::from_utf8(&buffer[..written * 2]).unwrap_or_default()
}

/// `digest` (at most 64 bytes) as a lowercase hex string value.
pub(super) fn hex_value(digest: &[u8]) -> Value<'static> {
    let mut buffer = [0u8; 2 * MAX_DIGEST];
    Value::string(hex_into(digest, &mut buffer))
}

#[cfg(test)]
mod tests {
    use super::hex_into;

    #[test]
    fn hex_is_lowercase_and_in_order() {
        let mut digest = [0u8; 32];
        digest[..8].copy_from_slice(&[0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef]);
        digest[31] = 0xf0;
        let mut buffer = [0u8; 64];
        let hex = hex_into(&digest, &mut buffer);
        assert_eq!(&hex[..16], "0123456789abcdef");
        assert_eq!(&hex[62..], "f0");
        assert_eq!(hex.len(), 64);
    }

    #[test]
    fn a_short_buffer_takes_the_bytes_it_holds() {
        let mut buffer = [0u8; 5];
        assert_eq!(hex_into(&[0xab, 0xcd, 0xef], &mut buffer), "abcd");
    }
}
