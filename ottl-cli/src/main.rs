//! `ottl`: run, check and format OpenTelemetry Transformation Language statements.

fn main() {}
