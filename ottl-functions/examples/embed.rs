//! Embedding OTTL in a Rust host: compile a program once, run it from several threads over
//! batches of logs, and print what it did.
//!
//! `cargo run -p ottl-functions --example embed`

use ottl_core::model::{AnyValue, LogRecord, Logs, ResourceLogs, ScopeLogs, json};
use ottl_core::run::{ErrorMode, Program};
use std::error::Error;
use std::thread;

fn main() -> Result<(), Box<dyn Error>> {
    let registry = ottl_functions::standard();
    let compiled = Program::builder(&registry)
        .statements([
            r#"set(log.attributes["env"], "prod") where resource.attributes["service.name"] == "api""#,
            r#"replace_pattern(log.body, "player=[a-zA-Z]*", "player=***")"#,
            r#"set(log.severity_number, SEVERITY_NUMBER_ERROR) where IsMatch(log.body, "(?i)error")"#,
        ])
        .infer_context()
        .error_mode(ErrorMode::Ignore)
        .compile()?;
    for warning in &compiled.warnings {
        eprint!("{warning}");
    }
    let program = compiled.program;

    // A `Program` is `Send + Sync`: every thread runs the same compiled statements.
    let batches: Vec<Logs> = (0..4).map(batch).collect();
    let outputs = thread::scope(|scope| {
        let workers: Vec<_> = batches
            .into_iter()
            .map(|mut logs| {
                let program = &program;
                scope.spawn(move || program.run(&mut logs).map(|failures| (logs, failures)))
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| worker.join().map_err(|_| "a worker panicked"))
            .collect::<Result<Vec<_>, _>>()
    })?;

    for (i, output) in outputs.into_iter().enumerate() {
        let (logs, failures) = output?;
        // Under `ignore`, failures are counted per statement, with the first of each.
        eprint!("{failures}");
        let text = String::from_utf8(json::encode_logs(&logs)?)?;
        println!("batch {i}: {text}");
    }

    // A mistake is reported with its snippet, and says which statement it is in.
    let error = Program::builder(&registry)
        .statements([r#"set(log.atributes["a"], 1)"#])
        .infer_context()
        .compile()
        .err()
        .ok_or("a misspelt path should not compile")?;
    eprint!("{error}");
    Ok(())
}

/// A batch of two log records from the service `api`.
fn batch(n: usize) -> Logs {
    let record = |body: String| LogRecord {
        body: AnyValue::from(body.as_str()),
        ..LogRecord::default()
    };
    let mut resource = ResourceLogs::default();
    resource
        .resource
        .attributes
        .insert("service.name", AnyValue::from("api"));
    resource.scope_logs.push(ScopeLogs {
        log_records: vec![
            record(format!("batch {n}: player=Alice joined")),
            record(format!("batch {n}: ERROR player=Bob lost connection")),
        ],
        ..ScopeLogs::default()
    });
    Logs {
        resource_logs: vec![resource],
    }
}
