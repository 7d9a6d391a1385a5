//! The OTLP record model: logs, traces and metrics as plain Rust structs.
