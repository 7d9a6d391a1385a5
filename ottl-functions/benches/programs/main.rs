//! The benchmark programs of `../shared/bench/PROGRAMS.md`, measured the way the peers were.
//!
//! Suite 1 (P0–P8) runs each program over the `gen_logs.py` records in warm chunks of 256:
//! clone a chunk (timed apart), run the program over it (timed), drop it; median of 5 repeats.
//! Before timing, every record is run once and checked against a plain-Rust edit doing the same
//! thing, whose own time is reported as `native_ns_per_record` (the floor to aim for).
//! Suite 2 (go-mix-10/50/200) runs the reference's statement mix over one log record, as the
//! Go reference's `BenchmarkStatementSequenceExecuteLogs` does.
//!
//! `cargo bench -p ottl-functions --bench programs [-- --records N --repeat R --only P1,P3]`
//! prints one JSON line per program; `-- --statement S [--statement S2 …]` instead measures
//! those statements alone as program `custom` (its `verified` is false: there is no native edit
//! to check it against). The records come from `gen_logs.py` (python3 and `../shared/bench` must
//! be present); they are generated once into `target/otlp-bench/`.

mod native;
mod records;

use ottl_core::context::ContextKind;
use ottl_core::model::Logs;
use ottl_core::run::{ErrorMode, Program};
use std::hint::black_box;
use std::time::Instant;

/// Statements of suite 1, by program.
const PROGRAMS: &[(&str, &[&str])] = &[
    ("P0", &[]),
    ("P1", &[r#"set(attributes["env"], "prod")"#]),
    (
        "P2",
        &[r#"set(attributes["tag"], "slow") where attributes["http.status_code"] >= 500"#],
    ),
    (
        "P3",
        &[
            r#"replace_all_patterns(attributes, "value", "player1=[a-zA-Z]*", "player1={playerName}")"#,
        ],
    ),
    ("P4", &[r#"delete_key(attributes, "secret")"#]),
    ("P5", &[r#"set(attributes["body_len"], Len(body))"#]),
    (
        "P6",
        &[r#"set(attributes["h"], SHA256(attributes["user.id"]))"#],
    ),
    (
        "P7",
        &[r#"merge_maps(attributes, ParseJSON(body), "upsert") where HasPrefix(body, "{")"#],
    ),
    (
        "P8",
        &[
            r#"set(attributes["env"], "prod")"#,
            r#"set(attributes["tag"], "slow") where attributes["http.status_code"] >= 500"#,
            r#"replace_all_patterns(attributes, "value", "player1=[a-zA-Z]*", "player1={playerName}")"#,
            r#"delete_key(attributes, "secret")"#,
            r#"set(attributes["body_len"], Len(body))"#,
            r#"set(attributes["h"], SHA256(attributes["user.id"]))"#,
            r#"merge_maps(attributes, ParseJSON(body), "upsert") where HasPrefix(body, "{")"#,
        ],
    ),
];

const CHUNK: usize = 256;

struct Options {
    records: usize,
    repeat: usize,
    only: Option<Vec<String>>,
    statements: Vec<String>,
}

fn options() -> Options {
    let mut options = Options {
        records: 100_000,
        repeat: 5,
        only: None,
        statements: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--records" => {
                options.records = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(options.records)
            }
            "--repeat" => {
                options.repeat = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(options.repeat)
            }
            "--only" => {
                options.only = args
                    .next()
                    .map(|v| v.split(',').map(str::to_owned).collect())
            }
            "--statement" => options.statements.extend(args.next()),
            _ => {} // `cargo bench` passes `--bench`; other flags are not ours.
        }
    }
    options
}

fn main() {
    let options = options();
    let selected = |name: &str| {
        options
            .only
            .as_ref()
            .is_none_or(|only| only.iter().any(|o| o == name))
    };
    let registry = ottl_functions::standard();
    let Some(records) = records::load(options.records) else {
        eprintln!("skipping suite 1: the gen_logs.py records are not available");
        return;
    };
    if !options.statements.is_empty() {
        let statements: Vec<&str> = options.statements.iter().map(String::as_str).collect();
        measure("custom", &statements, &registry, &records, options.repeat);
        return;
    }
    for (name, statements) in PROGRAMS.iter().filter(|(name, _)| selected(name)) {
        measure(name, statements, &registry, &records, options.repeat);
    }
    for n in [10, 50, 200] {
        let name = format!("go-mix-{n}");
        if selected(&name) {
            suite_two(&name, n, &registry, options.repeat);
        }
    }
}

/// Compiles one program of suite 1 and measures it, or says why it was skipped.
fn measure(
    name: &str,
    statements: &[&str],
    registry: &ottl_core::function::Registry,
    records: &Logs,
    repeat: usize,
) {
    match Program::compile(
        statements,
        &[],
        ContextKind::Log,
        ErrorMode::Propagate,
        registry,
    ) {
        Ok(program) => suite_one(name, &program, records, repeat),
        Err(failures) => println!(
            "{{\"program\":\"{name}\",\"skipped\":\"{}\"}}",
            failures
                .iter()
                .map(|(_, d)| d.to_string())
                .collect::<Vec<_>>()
                .join("; ")
                .replace('"', "'")
        ),
    }
}

/// One record per `Logs` chunk element, as `gen_logs.py` writes them.
fn chunks(records: &Logs) -> Vec<Logs> {
    records
        .resource_logs
        .chunks(CHUNK)
        .map(|chunk| Logs {
            resource_logs: chunk.to_vec(),
        })
        .collect()
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn suite_one(name: &str, program: &Program, records: &Logs, repeat: usize) {
    let count = records.resource_logs.len();
    let chunks = chunks(records);
    let verified = chunks.iter().all(|chunk| {
        let mut ours = chunk.clone();
        let mut native = chunk.clone();
        let ran = program.run(&mut ours).is_ok();
        native::run(name, &mut native);
        ran && ours == native
    });
    let (mut exec, mut clone, mut native_times) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..repeat {
        let (mut exec_ns, mut clone_ns, mut native_ns) = (0u128, 0u128, 0u128);
        for chunk in &chunks {
            let started = Instant::now();
            let mut batch = chunk.clone();
            let cloned = Instant::now();
            let _ = black_box(program.run(black_box(&mut batch)));
            let ran = Instant::now();
            clone_ns += (cloned - started).as_nanos();
            exec_ns += (ran - cloned).as_nanos();
            drop(batch);
            let mut batch = chunk.clone();
            let started = Instant::now();
            native::run(name, black_box(&mut batch));
            native_ns += started.elapsed().as_nanos();
        }
        exec.push(exec_ns as f64 / count as f64);
        clone.push(clone_ns as f64 / count as f64);
        native_times.push(native_ns as f64 / count as f64);
    }
    let (min, max) = (
        exec.iter().copied().fold(f64::INFINITY, f64::min),
        exec.iter().copied().fold(0.0, f64::max),
    );
    println!(
        "{{\"program\":\"{name}\",\"records\":{count},\"ns_per_record\":{:.1},\"ns_min\":{min:.1},\"ns_max\":{max:.1},\"clone_ns_per_record\":{:.1},\"native_ns_per_record\":{:.1},\"verified\":{verified}}}",
        median(&mut exec),
        median(&mut clone),
        median(&mut native_times),
    );
}

/// Statement `i` of the reference's log mix.
fn mix_statement(i: usize) -> String {
    match i % 5 {
        0 => format!(
            r#"set(log.attributes["conditional_copy_{i}"], log.attributes["source_{i}"]) where log.attributes["severity_text"] == "error""#
        ),
        1 => format!(
            r#"set(log.attributes["sanitized_{i}"], ToLowerCase(log.attributes["log_message"]))"#
        ),
        2 => format!(r#"set(log.attributes["length_{i}"], Len(log.attributes["source_{i}"]))"#),
        3 => format!(
            r#"set(resource.attributes["resource_copy_{i}"], log.attributes["source_{i}"]) where resource.attributes["deployment.environment"] == "prod""#
        ),
        _ => format!(
            r#"set(log.attributes["has_critical_{i}"], ContainsValue(log.attributes["tags"], "critical"))"#
        ),
    }
}

fn suite_two(name: &str, n: usize, registry: &ottl_core::function::Registry, repeat: usize) {
    let statements: Vec<String> = (0..n).map(mix_statement).collect();
    let texts: Vec<&str> = statements.iter().map(String::as_str).collect();
    let program = match Program::compile(
        &texts,
        &[],
        ContextKind::Log,
        ErrorMode::Propagate,
        registry,
    ) {
        Ok(program) => program,
        Err(failures) => {
            let first = failures
                .first()
                .map(|(_, d)| d.to_string())
                .unwrap_or_default();
            println!(
                "{{\"program\":\"{name}\",\"skipped\":\"{}\"}}",
                first.replace('"', "'")
            );
            return;
        }
    };
    // A pool of 32 prepared records: after the first pass every `set` overwrites.
    let mut pool: Vec<Logs> = (0..32).map(|_| records::mix_record(n)).collect();
    let iterations = 20_000 / n.max(1) * 10;
    let mut times = Vec::new();
    for _ in 0..repeat {
        let started = Instant::now();
        for i in 0..iterations {
            let _ = black_box(program.run(&mut pool[i % 32]));
        }
        times.push(started.elapsed().as_nanos() as f64 / iterations as f64);
    }
    println!(
        "{{\"program\":\"{name}\",\"statements\":{n},\"ns_per_record\":{:.1}}}",
        median(&mut times)
    );
}
