//! Benchmarks of the types functions.
