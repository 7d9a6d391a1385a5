//! MurmurHash3 (Austin Appleby's public-domain algorithm), the x86 32-bit and x64 128-bit
//! variants, as the reference's `twmb/murmur3` computes them.
//!
//! Written here rather than taken from a crate: the `murmur3` crate reads through
//! `std::io::Read` (a buffered loop and an `io::Result` for a hash that cannot fail), and the
//! other crates are either unmaintained single releases or lack the 32-bit variant. The unit
//! tests cross-check both variants against the `murmur3` crate at every tail length.

/// MurmurHash3 x86_32 of `data` with seed 0.
pub(super) fn x86_32(data: &[u8]) -> u32 {
    const C1: u32 = 0xcc9e_2d51;
    const C2: u32 = 0x1b87_3593;
    let mix = |k: u32| k.wrapping_mul(C1).rotate_left(15).wrapping_mul(C2);
    let mut h = 0u32;
    let (blocks, tail) = data.as_chunks::<4>();
    for block in blocks {
        h ^= mix(u32::from_le_bytes(*block));
        h = h.rotate_left(13).wrapping_mul(5).wrapping_add(0xe654_6b64);
    }
    // The tail's bytes, little-endian; an empty tail mixes to 0 and leaves `h` unchanged.
    let mut last = [0u8; 4];
    last[..tail.len()].copy_from_slice(tail);
    h ^= mix(u32::from_le_bytes(last));
    // The reference takes the length modulo 2^32, as the algorithm's C original does.
    h ^= data.len() as u32;
    fmix32(h)
}

/// MurmurHash3 x64_128 of `data` with seed 0: the two halves `(h1, h2)`.
pub(super) fn x64_128(data: &[u8]) -> (u64, u64) {
    const C1: u64 = 0x87c3_7b91_1142_53d5;
    const C2: u64 = 0x4cf5_ad43_2745_937f;
    let mix1 = |k: u64| k.wrapping_mul(C1).rotate_left(31).wrapping_mul(C2);
    let mix2 = |k: u64| k.wrapping_mul(C2).rotate_left(33).wrapping_mul(C1);
    let (mut h1, mut h2) = (0u64, 0u64);
    let (blocks, tail) = data.as_chunks::<16>();
    for block in blocks {
        let (k1, k2) = halves(block);
        h1 ^= mix1(k1);
        h1 = h1
            .rotate_left(27)
            .wrapping_add(h2)
            .wrapping_mul(5)
            .wrapping_add(0x52dc_e729);
        h2 ^= mix2(k2);
        h2 = h2
            .rotate_left(31)
            .wrapping_add(h1)
            .wrapping_mul(5)
            .wrapping_add(0x3849_5ab5);
    }
    // The tail's bytes, zero-padded: a zero word mixes to 0, so a short tail needs no branch.
    let mut last = [0u8; 16];
    last[..tail.len()].copy_from_slice(tail);
    let (k1, k2) = halves(&last);
    h2 ^= mix2(k2);
    h1 ^= mix1(k1);
    let length = data.len() as u64;
    h1 ^= length;
    h2 ^= length;
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    (h1, h2)
}

/// A 16-byte block as two little-endian words.
fn halves(block: &[u8; 16]) -> (u64, u64) {
    let (low, high) = block.split_at(8);
    let word = |bytes: &[u8]| {
        let mut word = [0u8; 8];
        word.copy_from_slice(bytes);
        u64::from_le_bytes(word)
    };
    (word(low), word(high))
}

fn fmix32(mut h: u32) -> u32 {
    h ^= h >> 16;
    h = h.wrapping_mul(0x85eb_ca6b);
    h ^= h >> 13;
    h = h.wrapping_mul(0xc2b2_ae35);
    h ^ (h >> 16)
}

fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^ (k >> 33)
}

#[cfg(test)]
mod tests {
    use super::{x64_128, x86_32};
    use std::io::Cursor;

    fn message() -> Vec<u8> {
        (0..200u32).map(|i| (i * 31 + 7) as u8).collect()
    }

    #[test]
    fn x86_32_matches_the_murmur3_crate_at_every_tail_length() {
        let message = message();
        for len in 0..message.len() {
            let expected = murmur3::murmur3_32(&mut Cursor::new(&message[..len]), 0);
            assert_eq!(Some(x86_32(&message[..len])), expected.ok(), "length {len}");
        }
    }

    #[test]
    fn x64_128_matches_the_murmur3_crate_at_every_tail_length() {
        let message = message();
        for len in 0..message.len() {
            let expected = murmur3::murmur3_x64_128(&mut Cursor::new(&message[..len]), 0);
            // The crate packs the halves as `h2 << 64 | h1`.
            let (h1, h2) = x64_128(&message[..len]);
            let packed = (u128::from(h2) << 64) | u128::from(h1);
            assert_eq!(Some(packed), expected.ok(), "length {len}");
        }
    }
}
