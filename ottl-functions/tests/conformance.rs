//! The conformance corpus (`testdata/conformance/`): each case runs statements over an OTLP/JSON
//! input and must produce the reference's output or fail the way the reference does. One test
//! per file; cases for contexts or functions not built yet are listed as ignored, never passed.

use libtest_mimic::{Arguments, Failed, Trial};
use ottl_core::context::ContextKind;
use ottl_core::diag::Code;
use ottl_core::model::json;
use ottl_core::run::{ErrorMode, Program};
use serde_json::Value as Json;
use std::path::{Path, PathBuf};

/// Areas whose results may depend on the local zone: besides the run in the test's own zone,
/// they run again in a child process under each of [`ZONES`].
const TIME_AREAS: &[&str] = &[
    "Time",
    "FormatTime",
    "TruncateTime",
    "Now",
    "Unix",
    "UnixSeconds",
    "UnixMilli",
    "UnixMicro",
    "UnixNano",
    "Duration",
    "Hours",
    "Minutes",
    "Seconds",
    "Milliseconds",
    "Microseconds",
    "Nanoseconds",
    "Year",
    "Month",
    "Day",
    "Hour",
    "Minute",
    "Second",
    "Nanosecond",
    "Weekday",
    "math",
    "compare",
];

/// The zones the time areas also run under: no offset, a 45-minute one, the furthest east.
const ZONES: &[&str] = &["UTC", "Asia/Kathmandu", "Pacific/Kiritimati"];

/// Set (to the zone) in a child run: only the time areas run.
const ZONE_RUN: &str = "OTTL_CONFORMANCE_ZONE";

/// Runs this harness again under `zone`, for the time areas only.
fn run_in_zone(zone: &str) -> Result<(), Failed> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let output = std::process::Command::new(exe)
        .env("TZ", zone)
        .env(ZONE_RUN, zone)
        .arg("--quiet")
        .output()
        .map_err(|e| e.to_string())?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "under TZ={zone}:\n{}",
            String::from_utf8_lossy(&output.stdout)
        )
        .into())
    }
}

/// Functions of the reference not implemented yet: their cases are ignored until they are.
const PENDING_FUNCTIONS: &[&str] = &[];

struct Case {
    context: String,
    error_mode: ErrorMode,
    statements: Vec<String>,
    conditions: Vec<String>,
    /// Whether the case needs the experimental functions (`ottl_functions::experimental`).
    experimental: bool,
    input: Json,
    expect: Json,
}

fn load(path: &Path) -> Result<Case, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let case: Json = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let strings = |key: &str| -> Vec<String> {
        case[key].as_array().map_or_else(Vec::new, |items| {
            items
                .iter()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect()
        })
    };
    Ok(Case {
        context: case["context"].as_str().unwrap_or_default().to_owned(),
        error_mode: case["error_mode"].as_str().unwrap_or("propagate").parse()?,
        statements: strings("statements"),
        conditions: strings("conditions"),
        experimental: case["experimental"].as_bool().unwrap_or(false),
        input: case["input"].clone(),
        expect: case["expect"].clone(),
    })
}

/// Why a case can't run yet, if it can't.
fn pending(case: &Case) -> Option<String> {
    if ContextKind::from_name(&case.context).is_none() {
        return Some(format!("context `{}` not built yet", case.context));
    }
    let texts = case.statements.iter().chain(&case.conditions);
    texts
        .flat_map(|text| {
            PENDING_FUNCTIONS
                .iter()
                .filter(move |f| text.contains(&format!("{f}(")))
        })
        .next()
        .map(|function| format!("function `{function}` not built yet"))
}

fn run(case: &Case) -> Result<(), Failed> {
    let context = ContextKind::from_name(&case.context).ok_or("unknown context")?;
    let statements: Vec<&str> = case.statements.iter().map(String::as_str).collect();
    let conditions: Vec<&str> = case.conditions.iter().map(String::as_str).collect();
    let mut registry = ottl_functions::transform::registry(context);
    if case.experimental {
        ottl_functions::experimental(&mut registry);
    }
    let expected_error = case.expect["error"].as_str();
    let program = match Program::compile(
        &statements,
        &conditions,
        context,
        case.error_mode,
        &registry,
    ) {
        Ok(program) => program,
        Err(failures) if matches!(expected_error, Some("parse" | "check")) => {
            let _ = failures;
            return Ok(());
        }
        Err(failures) => {
            let messages: Vec<String> =
                failures.iter().map(|(i, d)| format!("#{i}: {d}")).collect();
            return Err(format!("rejected: {}", messages.join("; ")).into());
        }
    };
    if let Some(kind @ ("parse" | "check")) = expected_error {
        return Err(format!("expected a {kind} error, but the statements compiled").into());
    }
    let input = serde_json::to_vec(&case.input).map_err(|e| e.to_string())?;
    let mut document = json::decode(&input).map_err(|e| e.to_string())?;
    let result = program.run(&mut document);
    match (result, expected_error) {
        (Err(_), Some("runtime")) => Ok(()),
        (Err(error), _) => Err(format!("runtime error: {error}").into()),
        (Ok(_), Some(kind)) => {
            Err(format!("expected a {kind} error, but the run succeeded").into())
        }
        (Ok(_), None) => {
            // A warning that an unconditional statement fails wherever it runs is a false
            // alarm if the statement ran without failing.
            let false_alarm = program.warnings().iter().find(|(index, warning)| {
                case.error_mode == ErrorMode::Propagate
                    && case
                        .statements
                        .get(*index)
                        .is_some_and(|s| !s.contains(" where "))
                    && matches!(
                        warning.code,
                        Code::FailsOnEveryRecord | Code::DivisionByZero
                    )
            });
            if let Some((index, warning)) = false_alarm {
                return Err(format!("#{index} warned `{warning}`, yet the run succeeded").into());
            }
            let actual: Json =
                serde_json::from_slice(&json::encode(&document).map_err(|e| e.to_string())?)
                    .map_err(|e| e.to_string())?;
            if actual == case.expect["output"] {
                Ok(())
            } else {
                Err(format!(
                    "output differs\n  expected: {}\n  actual:   {}",
                    case.expect["output"], actual
                )
                .into())
            }
        }
    }
}

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/conformance");
    let mut files = Vec::new();
    for area in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        for file in std::fs::read_dir(area.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            if file.path().extension().is_some_and(|e| e == "json") {
                files.push(file.path());
            }
        }
    }
    files.sort();
    files
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/conformance");
    let zone_run = std::env::var_os(ZONE_RUN).is_some();
    let in_time_area = |path: &PathBuf| {
        path.parent()
            .and_then(Path::file_name)
            .and_then(|area| area.to_str())
            .is_some_and(|area| TIME_AREAS.contains(&area))
    };
    let mut trials: Vec<Trial> = cases()
        .into_iter()
        .filter(|path| !zone_run || in_time_area(path))
        .map(|path| {
            let name = path
                .strip_prefix(&root)
                .unwrap_or(&path)
                .display()
                .to_string();
            match load(&path) {
                Err(error) => {
                    Trial::test(
                        name,
                        move || Err(format!("unreadable case: {error}").into()),
                    )
                }
                Ok(case) => {
                    let ignored = pending(&case).is_some();
                    Trial::test(name, move || run(&case)).with_ignored_flag(ignored)
                }
            }
        })
        .collect();
    if !zone_run {
        trials.extend(
            ZONES
                .iter()
                .map(|zone| Trial::test(format!("time-zones/{zone}"), move || run_in_zone(zone))),
        );
    }
    libtest_mimic::run(&Arguments::from_args(), trials).exit();
}
