//! Benchmarks of the net functions.
