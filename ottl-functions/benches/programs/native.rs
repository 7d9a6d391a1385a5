//! Each program of suite 1 as plain Rust over the same model: the floor to aim for, and the
//! check that the OTTL program did the right thing.

use ottl_core::model::{AnyValue, LogRecord, Logs, Map, Str};
use regex::Regex;
use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::sync::OnceLock;

/// Runs program `name` natively over every log record of `logs`.
pub(crate) fn run(name: &str, logs: &mut Logs) {
    for resource_logs in &mut logs.resource_logs {
        for scope_logs in &mut resource_logs.scope_logs {
            for log in &mut scope_logs.log_records {
                match name {
                    "P1" => p1(log),
                    "P2" => p2(log),
                    "P3" => p3(log),
                    "P4" => p4(log),
                    "P5" => p5(log),
                    "P6" => p6(log),
                    "P7" => p7(log),
                    "P8" => {
                        p1(log);
                        p2(log);
                        p3(log);
                        p4(log);
                        p5(log);
                        p6(log);
                        p7(log);
                    }
                    _ => {}
                }
            }
        }
    }
}

fn p1(log: &mut LogRecord) {
    log.attributes.insert(
        Str::new_static("env"),
        AnyValue::Str(Str::new_static("prod")),
    );
}

fn p2(log: &mut LogRecord) {
    if matches!(log.attributes.get("http.status_code"), Some(AnyValue::Int(code)) if *code >= 500) {
        log.attributes.insert(
            Str::new_static("tag"),
            AnyValue::Str(Str::new_static("slow")),
        );
    }
}

fn p3(log: &mut LogRecord) {
    static PATTERN: OnceLock<Option<Regex>> = OnceLock::new();
    let Some(pattern) = PATTERN.get_or_init(|| Regex::new("player1=[a-zA-Z]*").ok()) else {
        return;
    };
    for (_, value) in log.attributes.iter_mut() {
        if let AnyValue::Str(text) = value
            && pattern.is_match(text)
        {
            *value = AnyValue::Str(Str::from(
                pattern.replace_all(text, "player1={playerName}").as_ref(),
            ));
        }
    }
}

fn p4(log: &mut LogRecord) {
    log.attributes.remove("secret");
}

fn p5(log: &mut LogRecord) {
    let len = match &log.body {
        AnyValue::Str(text) => text.len() as i64,
        _ => return,
    };
    log.attributes
        .insert(Str::new_static("body_len"), AnyValue::Int(len));
}

fn p6(log: &mut LogRecord) {
    let Some(AnyValue::Str(id)) = log.attributes.get("user.id") else {
        return;
    };
    let digest = Sha256::digest(id.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest {
        let _ = write!(hex, "{byte:02x}");
    }
    log.attributes
        .insert(Str::new_static("h"), AnyValue::Str(Str::from(hex.as_str())));
}

fn p7(log: &mut LogRecord) {
    let AnyValue::Str(body) = &log.body else {
        return;
    };
    if !body.starts_with('{') {
        return;
    }
    let Ok(serde_json::Value::Object(object)) = serde_json::from_str::<serde_json::Value>(body)
    else {
        return;
    };
    for (key, value) in object {
        log.attributes
            .insert(Str::from(key.as_str()), from_json(value));
    }
}

fn from_json(value: serde_json::Value) -> AnyValue {
    match value {
        serde_json::Value::Null => AnyValue::Empty,
        serde_json::Value::Bool(flag) => AnyValue::Bool(flag),
        serde_json::Value::Number(number) => AnyValue::Double(number.as_f64().unwrap_or_default()),
        serde_json::Value::String(text) => AnyValue::Str(Str::from(text.as_str())),
        serde_json::Value::Array(items) => {
            AnyValue::Array(items.into_iter().map(from_json).collect())
        }
        serde_json::Value::Object(object) => {
            let mut map = Map::new();
            for (key, value) in object {
                map.insert(Str::from(key.as_str()), from_json(value));
            }
            AnyValue::KvList(map)
        }
    }
}
