//! Benchmarks of the hash functions.
