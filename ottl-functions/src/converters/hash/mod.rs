//! Hashes: digests of strings.

crate::family! {
    sha256 => Sha256,
}
