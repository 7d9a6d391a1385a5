//! Benchmarks of the parse functions.
