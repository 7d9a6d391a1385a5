//! Hashes: digests of strings.
//!
//! Each takes a string (strictly: ints and bytes are type errors, as in the reference) and
//! returns the digest as lowercase hex, except `FNV`, an int. The hex is written on the stack
//! (`hex.rs`) and copied once into the result.

mod hex;
mod murmur3;

crate::family! {
    fnv => Fnv,
    md5 => Md5,
    murmur3_hash => Murmur3Hash,
    murmur3_hash128 => Murmur3Hash128,
    sha1 => Sha1,
    sha256 => Sha256,
    sha512 => Sha512,
    xxh128 => Xxh128,
    xxh3 => Xxh3,
}
