//! Each program of suite 1 as plain Rust over the same model: the floor to aim for, and the
//! check that the OTTL program did the right thing.

use ottl_core::model::{AnyValue, Array, LogRecord, Logs, Map, Str};
use regex::Regex;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use sha2::{Digest, Sha256};
use std::fmt::{self, Write as _};
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
    let mut deserializer = serde_json::Deserializer::from_str(body);
    let Ok(AnyValue::KvList(object)) = deserializer.deserialize_any(InOrder) else {
        return;
    };
    if deserializer.end().is_err() {
        return;
    }
    for entry in object.into_entries() {
        log.attributes.insert(entry.key, entry.value);
    }
}

/// JSON to `AnyValue` as `ParseJSON` reads it: objects keep document order (a repeated key
/// keeps its first place and its last value), numbers become doubles, `null` is empty.
struct InOrder;

/// One nested JSON value, read with [`InOrder`].
struct Nested(AnyValue);

impl<'de> Deserialize<'de> for Nested {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(InOrder).map(Nested)
    }
}

impl<'de> Visitor<'de> for InOrder {
    type Value = AnyValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, flag: bool) -> Result<AnyValue, E> {
        Ok(AnyValue::Bool(flag))
    }

    fn visit_i64<E>(self, number: i64) -> Result<AnyValue, E> {
        Ok(AnyValue::Double(number as f64))
    }

    fn visit_u64<E>(self, number: u64) -> Result<AnyValue, E> {
        Ok(AnyValue::Double(number as f64))
    }

    fn visit_f64<E>(self, number: f64) -> Result<AnyValue, E> {
        Ok(AnyValue::Double(number))
    }

    fn visit_str<E>(self, text: &str) -> Result<AnyValue, E> {
        Ok(AnyValue::Str(Str::from(text)))
    }

    fn visit_unit<E>(self) -> Result<AnyValue, E> {
        Ok(AnyValue::Empty)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<AnyValue, A::Error> {
        let mut items = Vec::new();
        while let Some(Nested(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(AnyValue::Array(Array::from(items)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<AnyValue, A::Error> {
        let mut map = Map::new();
        while let Some((key, Nested(value))) = access.next_entry::<String, Nested>()? {
            map.insert(Str::from(key), value);
        }
        Ok(AnyValue::KvList(map))
    }
}
