//! Decodes an OTLP/JSON file, re-encodes it to stdout, and reports time and peak memory on
//! stderr: `cargo run --release -p ottl-core --example otlp_codec -- FILE [--quiet]`.
//!
//! Peak memory is the process's high-water mark (`VmHWM` in `/proc/self/status`), so it
//! includes the input bytes, the decoded model and the output buffer.

use std::time::Instant;

use ottl_core::model::json;

fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: otlp_codec FILE [--quiet]")?;
    let quiet = args.next().as_deref() == Some("--quiet");
    let input = std::fs::read(&path)?;
    let before = peak_memory_kib().unwrap_or(0);

    let started = Instant::now();
    let document = json::decode(&input)?;
    let decoded = started.elapsed();
    let after_decode = peak_memory_kib().unwrap_or(0);

    let started = Instant::now();
    let mut output = Vec::with_capacity(input.len());
    json::encode_into(&document, &mut output, json::EncodeOptions::default())?;
    let encoded = started.elapsed();

    let mib = |bytes: usize| bytes as f64 / (1024.0 * 1024.0);
    eprintln!(
        "input {:.1} MiB; decode {:.0} ms ({:.0} MiB/s); encode {:.0} ms ({:.0} MiB/s)",
        mib(input.len()),
        decoded.as_secs_f64() * 1e3,
        mib(input.len()) / decoded.as_secs_f64(),
        encoded.as_secs_f64() * 1e3,
        mib(output.len()) / encoded.as_secs_f64(),
    );
    eprintln!(
        "peak memory: {:.1} MiB after reading, {:.1} MiB after decoding, {:.1} MiB at the end ({:.2}x the input)",
        before as f64 / 1024.0,
        after_decode as f64 / 1024.0,
        peak_memory_kib().unwrap_or(0) as f64 / 1024.0,
        peak_memory_kib().unwrap_or(0) as f64 * 1024.0 / input.len() as f64,
    );
    if !quiet {
        use std::io::Write as _;
        std::io::stdout().write_all(&output)?;
    }
    Ok(())
}
