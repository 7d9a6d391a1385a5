//! Benchmarks of the encoding functions.
