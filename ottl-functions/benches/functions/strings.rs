//! Benchmarks of the strings functions.
