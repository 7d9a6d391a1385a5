//! Benchmarks of the hash functions: each on a 16-byte and a 1 KiB string, through a statement
//! (`set(cache["out"], F(attributes["text"]))`), and the bare hash on the same bytes (`raw`),
//! so that what the statement and the hex string add shows.

use crate::{Fixture, attributes};
use ottl_core::model::AnyValue;

const FUNCTIONS: &[&str] = &[
    "MD5",
    "SHA1",
    "SHA256",
    "SHA512",
    "FNV",
    "Murmur3Hash",
    "Murmur3Hash128",
    "XXH3",
    "XXH128",
];

/// A text of `len` bytes: log-line-like ASCII.
fn text(len: usize) -> String {
    "GET /api/v1/users?id=42 200 "
        .chars()
        .cycle()
        .take(len)
        .collect()
}

fn bench(bencher: divan::Bencher<'_, '_>, function: &str, len: usize) {
    let mut fixture = Fixture::new(
        &format!(r#"set(cache["out"], {function}(attributes["text"]))"#),
        attributes([("text", AnyValue::from(text(len).as_str()))]),
    );
    bencher.bench_local(|| fixture.run());
}

/// Each hash through a statement, on 16 bytes.
#[divan::bench(args = FUNCTIONS)]
fn short(bencher: divan::Bencher<'_, '_>, function: &str) {
    bench(bencher, function, 16);
}

/// Each hash through a statement, on 1 KiB.
#[divan::bench(args = FUNCTIONS)]
fn kib(bencher: divan::Bencher<'_, '_>, function: &str) {
    bench(bencher, function, 1024);
}

/// The crates' calls alone on the same bytes (MurmurHash3: the `murmur3` crate, a
/// cross-check; ottl-rs's own is in `Murmur3Hash`), no statement and no hex.
mod raw {
    use md5::Digest as _;
    use std::io::Cursor;

    const LENGTHS: &[usize] = &[16, 1024];

    fn bytes(len: usize) -> Vec<u8> {
        super::text(len).into_bytes()
    }

    #[divan::bench(args = LENGTHS)]
    fn md5(bencher: divan::Bencher<'_, '_>, len: usize) {
        let bytes = bytes(len);
        bencher.bench_local(|| md5::Md5::digest(divan::black_box(&bytes)));
    }

    #[divan::bench(args = LENGTHS)]
    fn sha1(bencher: divan::Bencher<'_, '_>, len: usize) {
        let bytes = bytes(len);
        bencher.bench_local(|| sha1::Sha1::digest(divan::black_box(&bytes)));
    }

    #[divan::bench(args = LENGTHS)]
    fn sha256(bencher: divan::Bencher<'_, '_>, len: usize) {
        let bytes = bytes(len);
        bencher.bench_local(|| sha2::Sha256::digest(divan::black_box(&bytes)));
    }

    #[divan::bench(args = LENGTHS)]
    fn sha512(bencher: divan::Bencher<'_, '_>, len: usize) {
        let bytes = bytes(len);
        bencher.bench_local(|| sha2::Sha512::digest(divan::black_box(&bytes)));
    }

    #[divan::bench(args = LENGTHS)]
    fn murmur3_32(bencher: divan::Bencher<'_, '_>, len: usize) {
        let bytes = bytes(len);
        bencher.bench_local(|| murmur3::murmur3_32(&mut Cursor::new(divan::black_box(&bytes)), 0));
    }

    #[divan::bench(args = LENGTHS)]
    fn murmur3_x64_128(bencher: divan::Bencher<'_, '_>, len: usize) {
        let bytes = bytes(len);
        bencher.bench_local(|| {
            murmur3::murmur3_x64_128(&mut Cursor::new(divan::black_box(&bytes)), 0)
        });
    }

    #[divan::bench(args = LENGTHS)]
    fn xxh3_64(bencher: divan::Bencher<'_, '_>, len: usize) {
        let bytes = bytes(len);
        bencher.bench_local(|| xxhash_rust::xxh3::xxh3_64(divan::black_box(&bytes)));
    }

    #[divan::bench(args = LENGTHS)]
    fn xxh3_128(bencher: divan::Bencher<'_, '_>, len: usize) {
        let bytes = bytes(len);
        bencher.bench_local(|| xxhash_rust::xxh3::xxh3_128(divan::black_box(&bytes)));
    }
}
