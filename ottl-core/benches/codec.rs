//! OTLP/JSON codec throughput on the peer benchmark's log records, plus the measurements behind
//! the model's string type and attribute map (see `docs/ARCHITECTURE.md`).
//!
//! The input is `gen_logs.py --records 100000` (about 130 MB), generated once into
//! `target/otlp-bench/`; without python3 or the generator the codec benches say so and skip.
//! Run: `cargo bench -p ottl-core --bench codec`. Throughput is printed per benchmark; "max
//! alloc" is the peak of live heap bytes during one iteration (the decoded model, or the output).

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use divan::counter::BytesCount;
use divan::{AllocProfiler, Bencher, black_box};
use ottl_core::model::json::{self, EncodeOptions};
use ottl_core::model::{AnyValue, Map, Str};

#[global_allocator]
static ALLOC: AllocProfiler = AllocProfiler::system();

const RECORDS: usize = 100_000;

fn main() {
    divan::main();
}

/// The benchmark input, generating it on first use.
fn input() -> Option<&'static [u8]> {
    static INPUT: OnceLock<Option<Vec<u8>>> = OnceLock::new();
    INPUT.get_or_init(load_or_generate).as_deref()
}

fn load_or_generate() -> Option<Vec<u8>> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let path = manifest.join(format!("../target/otlp-bench/logs-{RECORDS}.json"));
    if let Ok(bytes) = std::fs::read(&path) {
        return Some(bytes);
    }
    let generator = manifest.join("../../shared/bench/gen_logs.py");
    let output = Command::new("python3")
        .arg(&generator)
        .args(["--records", &RECORDS.to_string()])
        .output();
    match output {
        Ok(output) if output.status.success() => {
            let _ = std::fs::create_dir_all(path.parent()?);
            let _ = std::fs::write(&path, &output.stdout);
            Some(output.stdout)
        }
        _ => {
            eprintln!(
                "skipping codec benches: cannot run python3 {}",
                generator.display()
            );
            None
        }
    }
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn decode_logs(bencher: Bencher<'_, '_>) {
    let Some(input) = input() else { return };
    bencher
        .counter(BytesCount::new(input.len()))
        .bench(|| json::decode_logs(black_box(input)).map(|logs| logs.resource_logs.len()));
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn encode_logs(bencher: Bencher<'_, '_>) {
    let Some(input) = input() else { return };
    let Ok(logs) = json::decode_logs(input) else {
        return;
    };
    let mut out = Vec::with_capacity(input.len());
    bencher
        .counter(BytesCount::new(input.len()))
        .bench_local(|| {
            out.clear();
            json::encode_into(black_box(&logs), &mut out, EncodeOptions::default())
        });
}

/// Setting the constant `"prod"` into a million records: one clone per record.
mod set_constant {
    use super::*;

    const COUNT: usize = 1_000_000;

    #[divan::bench]
    fn str_clone(bencher: Bencher<'_, '_>) {
        let value = Str::new_static("prod");
        bencher.bench(|| (0..COUNT).map(|_| value.clone()).collect::<Vec<_>>());
    }

    #[divan::bench]
    fn string_clone(bencher: Bencher<'_, '_>) {
        let value = String::from("prod");
        bencher.bench(|| (0..COUNT).map(|_| value.clone()).collect::<Vec<_>>());
    }
}

/// One lookup by a key known in advance, in maps of growing size.
mod map_get {
    use super::*;

    fn map_of(size: usize) -> (Map, String) {
        let map: Map = (0..size)
            .map(|i| (format!("attribute.{i}"), AnyValue::Int(i as i64)))
            .collect();
        (map, format!("attribute.{}", size * 2 / 3))
    }

    #[divan::bench(args = [4, 10, 16, 32, 33, 64, 400])]
    fn get(bencher: Bencher<'_, '_>, size: usize) {
        let (map, key) = map_of(size);
        bencher.bench(|| black_box(&map).get(black_box(&key)).is_some());
    }

    #[divan::bench(args = [10, 400])]
    fn insert_existing(bencher: Bencher<'_, '_>, size: usize) {
        let (mut map, key) = map_of(size);
        bencher.bench_local(|| map.insert(black_box(key.as_str()), AnyValue::Bool(true)));
    }
}
