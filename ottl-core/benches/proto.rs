//! OTLP protobuf codec cost on the peer benchmark's log records (`gen_logs.py`, 10 000 records
//! here so a run stays short), and with feature `prost` the same bytes through
//! `opentelemetry-proto`'s prost types converted to and from the model: what the direct codec
//! is measured against, and what a host holding prost types pays per record.
//!
//! Run: `cargo bench -p ottl-core --bench proto --features prost`. Divan prints the time per
//! batch; per record is that over `RECORDS`. On a shared machine, count instructions instead:
//! run the bench binary under `valgrind --tool=callgrind` with `--bench NAME --sample-size 1`
//! and `--sample-count 1` then `6`; the difference over 5 × `RECORDS` is per record (a name
//! filter matches by substring: `decode_prost` also runs `decode_prost_then_convert`).

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use divan::counter::{BytesCount, ItemsCount};
use divan::{Bencher, black_box};
use ottl_core::model::json::Document;
use ottl_core::model::{Logs, json, proto};

const RECORDS: usize = 10_000;

fn main() {
    divan::main();
}

/// The records as the model, from `gen_logs.py` (generated once into `target/otlp-bench/`).
fn logs() -> Option<&'static Logs> {
    static LOGS: OnceLock<Option<Logs>> = OnceLock::new();
    LOGS.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/otlp-bench");
        let path = dir.join(format!("logs-{RECORDS}.json"));
        if !path.exists() {
            let generator =
                PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench/gen_logs.py");
            let generator = [generator, PathBuf::from("/work/shared/bench/gen_logs.py")]
                .into_iter()
                .find(|path| path.exists())?;
            let output = Command::new("python3")
                .arg(generator)
                .args(["--records", &RECORDS.to_string()])
                .output()
                .ok()?;
            std::fs::create_dir_all(&dir).ok()?;
            std::fs::write(&path, output.stdout).ok()?;
        }
        match json::decode(&std::fs::read(&path).ok()?).ok()? {
            Document::Logs(logs) => Some(logs),
            _ => None,
        }
    })
    .as_ref()
}

fn bytes() -> Option<&'static [u8]> {
    static BYTES: OnceLock<Option<Vec<u8>>> = OnceLock::new();
    BYTES.get_or_init(|| proto::encode(logs()?).ok()).as_deref()
}

#[divan::bench]
fn decode_direct(bencher: Bencher<'_, '_>) {
    let Some(bytes) = bytes() else {
        return eprintln!("no benchmark input (python3 and gen_logs.py)");
    };
    bencher
        .counter(BytesCount::of_slice(bytes))
        .counter(ItemsCount::new(RECORDS))
        .bench(|| proto::decode_logs(black_box(bytes)));
}

#[divan::bench]
fn encode_direct(bencher: Bencher<'_, '_>) {
    let Some(logs) = logs() else {
        return eprintln!("no benchmark input (python3 and gen_logs.py)");
    };
    let mut out = Vec::new();
    bencher.counter(ItemsCount::new(RECORDS)).bench_local(|| {
        out.clear();
        proto::encode_into(black_box(logs), &mut out)
    });
}

/// Cloning the model's records: what the `convert_*` benches pay for their fresh inputs.
#[divan::bench]
fn clone_model(bencher: Bencher<'_, '_>) {
    let Some(logs) = logs() else { return };
    bencher
        .counter(ItemsCount::new(RECORDS))
        .bench(|| black_box(logs).clone());
}

#[cfg(feature = "prost")]
mod prost_types {
    use super::*;
    use ottl_core::model::prost::opentelemetry_proto::tonic::logs::v1::LogsData;
    use prost::Message;

    /// prost's decoder alone, into its generated types.
    #[divan::bench]
    fn decode_prost(bencher: Bencher<'_, '_>) {
        let Some(bytes) = bytes() else { return };
        bencher
            .counter(BytesCount::of_slice(bytes))
            .counter(ItemsCount::new(RECORDS))
            .bench(|| LogsData::decode(black_box(bytes)));
    }

    /// prost's decoder, then the conversion into the model: the alternative to the direct one.
    #[divan::bench]
    fn decode_prost_then_convert(bencher: Bencher<'_, '_>) {
        let Some(bytes) = bytes() else { return };
        bencher
            .counter(BytesCount::of_slice(bytes))
            .counter(ItemsCount::new(RECORDS))
            .bench(|| LogsData::decode(black_box(bytes)).map(Logs::try_from));
    }

    /// Cloning prost's records: what `convert_from_prost` pays for its fresh inputs.
    #[divan::bench]
    fn clone_prost(bencher: Bencher<'_, '_>) {
        let Some(bytes) = bytes() else { return };
        let Ok(data) = LogsData::decode(bytes) else {
            return;
        };
        bencher
            .counter(ItemsCount::new(RECORDS))
            .bench(|| black_box(&data).clone());
    }

    /// The conversion alone, prost types into the model (the input cloned apart, untimed).
    #[divan::bench]
    fn convert_from_prost(bencher: Bencher<'_, '_>) {
        let Some(bytes) = bytes() else { return };
        let Ok(data) = LogsData::decode(bytes) else {
            return;
        };
        bencher
            .counter(ItemsCount::new(RECORDS))
            .with_inputs(|| data.clone())
            .bench_local_values(Logs::try_from);
    }

    /// The conversion alone, the model into prost types (the input cloned apart, untimed).
    #[divan::bench]
    fn convert_to_prost(bencher: Bencher<'_, '_>) {
        let Some(logs) = logs() else { return };
        bencher
            .counter(ItemsCount::new(RECORDS))
            .with_inputs(|| logs.clone())
            .bench_local_values(LogsData::from);
    }

    /// The conversion into prost types, then prost's encoder.
    #[divan::bench]
    fn convert_then_encode_prost(bencher: Bencher<'_, '_>) {
        let Some(logs) = logs() else { return };
        bencher
            .counter(ItemsCount::new(RECORDS))
            .with_inputs(|| logs.clone())
            .bench_local_values(|logs| LogsData::from(logs).encode_to_vec());
    }
}
