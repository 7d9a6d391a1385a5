//! Benchmarks of the collections functions.
