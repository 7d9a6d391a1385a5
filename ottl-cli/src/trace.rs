//! `ottl eval --trace`: for every record and statement, on stderr, whether the statement's
//! `where` held and what it changed, as paths with their values before and after.
//!
//! The tracer is an [`Observer`] of the run: before each statement it reads a fixed set of
//! paths of the context (the record's fields, its resource's and scope's, the cache) and after
//! it reads them again; maps are compared key by key, so a change shows as
//! `attributes["k"]: "a" -> "b"`, not as whole documents.

use ottl_core::context::{ContextKind, TransformContext};
use ottl_core::function::{Getter, Registry};
use ottl_core::model::AnyValue;
use ottl_core::run::{Observer, Outcome, Program, StatementError};
use ottl_core::value::Value;
use serde_json::{Map as JsonMap, Value as Json, json};
use std::cell::RefCell;
use std::io::Write as _;

/// How `--trace` writes: lines for people, or JSON Lines for tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TraceFormat {
    /// A line per record, then one per statement with its changes indented under it.
    Human,
    /// One JSON object per line: `{"event":"record",…}` and `{"event":"statement",…}`.
    Json,
}

/// Watches one program run over one input and writes the trace to stderr.
pub(crate) struct Tracer<'p> {
    program: &'p Program,
    format: TraceFormat,
    /// Says which input (and, under `--config`, which group) the records belong to.
    prefix: &'p str,
    watched: Vec<(String, Getter)>,
    record: String,
    before: Vec<Option<Json>>,
    /// Whether lines go to stdout (the REPL's results) instead of stderr.
    stdout: bool,
    /// Whether human lines are coloured (the interactive REPL on a terminal).
    colour: bool,
}

/// What one path held before and after a statement; `None` when absent.
struct Change {
    path: String,
    before: Option<Json>,
    after: Option<Json>,
}

impl<'p> Tracer<'p> {
    /// A tracer for `program`, whose lines name the input with `prefix` (`logs.json: `).
    pub(crate) fn new(program: &'p Program, format: TraceFormat, prefix: &'p str) -> Self {
        let registry = Registry::new();
        let context = program.context();
        let watched = watched_paths(context)
            .filter_map(|path| {
                let (getter, _) =
                    ottl_core::compile::compile_value(&path, context, &registry).ok()?;
                Some((path, getter))
            })
            .collect();
        Tracer {
            program,
            format,
            prefix,
            watched,
            record: String::new(),
            before: Vec::new(),
            stdout: false,
            colour: false,
        }
    }

    fn read(&self, ctx: &TransformContext<'_>) -> Vec<Option<Json>> {
        self.watched
            .iter()
            .map(|(_, getter)| getter(ctx).ok().map(|value| to_json(&value)))
            .collect()
    }

    /// The same tracer, writing to standard output.
    pub(crate) fn on_stdout(self) -> Self {
        Tracer {
            stdout: true,
            ..self
        }
    }

    /// The same tracer, colouring its human lines when `colour` is set: outcomes, and values
    /// before (red) and after (green) a change.
    pub(crate) fn coloured(self, colour: bool) -> Self {
        Tracer { colour, ..self }
    }

    /// `text` in the ANSI colour `code` when colouring.
    fn paint(&self, code: &str, text: &str) -> String {
        if self.colour {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    /// Writes one line, unbuffered so that it stays in order with other messages.
    fn line(&self, text: &str) {
        // When the stream is closed there is nobody to tell.
        let _ = if self.stdout {
            writeln!(std::io::stdout().lock(), "{text}")
        } else {
            writeln!(std::io::stderr().lock(), "{text}")
        };
    }

    /// A failure the statement lines do not show: a group condition's (a statement's shows
    /// on its own line).
    pub(crate) fn failure(&self, failure: &StatementError) {
        if self.program.statement_index(&failure.statement).is_some() {
            return;
        }
        let line = match self.format {
            TraceFormat::Human => format!(
                "{}{}: a condition failed: {}",
                self.prefix, failure.record, failure.error
            ),
            TraceFormat::Json => json!({
                "event": "condition",
                "input": self.prefix.trim_end_matches(": "),
                "record": failure.record,
                "error": failure.error.to_string(),
            })
            .to_string(),
        };
        self.line(&line);
    }
}

/// A tracer shared with the closure that receives failures, as the run needs both at once.
pub(crate) struct Shared<'t, 'p>(pub(crate) &'t RefCell<Tracer<'p>>);

impl Observer for Shared<'_, '_> {
    fn record(&mut self, at: &dyn Fn() -> String, selected: bool) {
        self.0.borrow_mut().record(at, selected);
    }

    fn before(&mut self, index: usize, ctx: &TransformContext<'_>) {
        self.0.borrow_mut().before(index, ctx);
    }

    fn after(&mut self, index: usize, outcome: Outcome<'_>, ctx: &TransformContext<'_>) {
        self.0.borrow_mut().after(index, outcome, ctx);
    }
}

impl Observer for Tracer<'_> {
    fn record(&mut self, at: &dyn Fn() -> String, selected: bool) {
        self.record = at();
        let line = match self.format {
            TraceFormat::Human if selected => format!("{}{}", self.prefix, self.record),
            TraceFormat::Human => format!(
                "{}{} (no condition holds: statements skipped)",
                self.prefix, self.record
            ),
            TraceFormat::Json => json!({
                "event": "record",
                "input": self.prefix.trim_end_matches(": "),
                "record": self.record,
                "selected": selected,
            })
            .to_string(),
        };
        self.line(&line);
    }

    fn before(&mut self, _index: usize, ctx: &TransformContext<'_>) {
        self.before = self.read(ctx);
    }

    fn after(&mut self, index: usize, outcome: Outcome<'_>, ctx: &TransformContext<'_>) {
        let after = self.read(ctx);
        let mut changes = Vec::new();
        for (((path, _), before), after) in self.watched.iter().zip(&self.before).zip(after) {
            diff(path.clone(), before.clone(), after, &mut changes);
        }
        let source = self.program.statement(index).unwrap_or_default();
        let number = index + 1;
        match self.format {
            TraceFormat::Human => {
                let what = match outcome {
                    Outcome::Skipped => self.paint(YELLOW, "where false"),
                    Outcome::Ran => self.paint(GREEN, "ran"),
                    Outcome::Failed(error) => self.paint(RED, &format!("failed: {error}")),
                };
                self.line(&format!("  {number} {source}  [{what}]"));
                for change in changes {
                    let line = format!(
                        "      {}: {} -> {}",
                        change.path,
                        self.paint(RED, &shown(change.before.as_ref())),
                        self.paint(GREEN, &shown(change.after.as_ref()))
                    );
                    self.line(&line);
                }
            }
            TraceFormat::Json => {
                let mut object = JsonMap::new();
                object.insert("event".into(), "statement".into());
                object.insert("input".into(), self.prefix.trim_end_matches(": ").into());
                object.insert("record".into(), self.record.clone().into());
                object.insert("statement".into(), number.into());
                object.insert("source".into(), source.into());
                let matched = match outcome {
                    Outcome::Skipped => Json::Bool(false),
                    Outcome::Ran => Json::Bool(true),
                    Outcome::Failed(error) => {
                        object.insert("error".into(), error.to_string().into());
                        Json::Null
                    }
                };
                object.insert("matched".into(), matched);
                let changes: Vec<Json> = changes
                    .into_iter()
                    .map(|change| {
                        let mut entry = JsonMap::new();
                        entry.insert("path".into(), change.path.into());
                        if let Some(before) = change.before {
                            entry.insert("before".into(), before);
                        }
                        if let Some(after) = change.after {
                            entry.insert("after".into(), after);
                        }
                        Json::Object(entry)
                    })
                    .collect();
                object.insert("changes".into(), changes.into());
                self.line(&Json::Object(object).to_string());
            }
        }
    }
}

/// ANSI colour codes of the coloured trace.
const RED: &str = "31";
const GREEN: &str = "32";
const YELLOW: &str = "33";

/// A value as the human trace shows it: JSON, or `(absent)`.
fn shown(value: Option<&Json>) -> String {
    value.map_or_else(|| "(absent)".to_owned(), Json::to_string)
}

/// Appends to `changes` how `path` went from `before` to `after`, key by key inside maps.
fn diff(path: String, before: Option<Json>, after: Option<Json>, changes: &mut Vec<Change>) {
    match (before, after) {
        (Some(Json::Object(mut before)), Some(Json::Object(after))) => {
            for (key, value) in after {
                let old = before.remove(&key);
                diff(keyed(&path, &key), old, Some(value), changes);
            }
            for (key, value) in before {
                diff(keyed(&path, &key), Some(value), None, changes);
            }
        }
        (before, after) if before != after => changes.push(Change {
            path,
            before,
            after,
        }),
        _ => {}
    }
}

/// `path["key"]`, with the key quoted as OTTL writes strings.
fn keyed(path: &str, key: &str) -> String {
    format!("{path}[{}]", Json::from(key))
}

/// A value as JSON: maps as objects (in their order), lists as arrays, ids as hex strings.
pub(crate) fn to_json(value: &Value<'_>) -> Json {
    match value {
        Value::Nil => Json::Null,
        Value::Bool(flag) => Json::Bool(*flag),
        Value::Int(number) | Value::Duration(number) => Json::from(*number),
        Value::Double(number) => double(*number),
        Value::Str(text) => Json::from(text.as_str()),
        Value::Bytes(bytes) => Json::from(hex(bytes)),
        Value::Map(map) => map_json(map.iter()),
        Value::List(items) => Json::Array(items.iter().map(any_json).collect()),
        Value::TraceId(id) => Json::from(id.to_string()),
        Value::SpanId(id) => Json::from(id.to_string()),
        other => Json::from(format!("<{}>", other.value_type())),
    }
}

fn any_json(value: &AnyValue) -> Json {
    match value {
        AnyValue::Empty => Json::Null,
        AnyValue::Str(text) => Json::from(text.as_str()),
        AnyValue::Bool(flag) => Json::Bool(*flag),
        AnyValue::Int(number) => Json::from(*number),
        AnyValue::Double(number) => double(*number),
        AnyValue::Bytes(bytes) => Json::from(hex(bytes)),
        AnyValue::Array(items) => Json::Array(items.iter().map(any_json).collect()),
        AnyValue::KvList(map) => map_json(map.iter()),
    }
}

fn map_json<'a>(entries: impl Iterator<Item = (&'a ottl_core::model::Str, &'a AnyValue)>) -> Json {
    Json::Object(
        entries
            .map(|(key, value)| (key.as_str().to_owned(), any_json(value)))
            .collect(),
    )
}

/// A double as a JSON number, or its name when JSON has none (`NaN`, `+Inf`).
fn double(number: f64) -> Json {
    serde_json::Number::from_f64(number)
        .map_or_else(|| Json::from(number.to_string()), Json::Number)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The paths the trace reads in `context`: the record's own fields that hold plain values,
/// then its parents' (a span event's span, a data point's metric), its scope's and
/// resource's, and the cache.
fn watched_paths(context: ContextKind) -> impl Iterator<Item = String> {
    let own: &[&str] = match context {
        ContextKind::Resource => &["attributes", "dropped_attributes_count"],
        ContextKind::Scope => &["name", "version", "attributes", "dropped_attributes_count"],
        ContextKind::Log => &[
            "body",
            "attributes",
            "severity_number",
            "severity_text",
            "time_unix_nano",
            "observed_time_unix_nano",
            "flags",
            "trace_id.string",
            "span_id.string",
            "event_name",
            "dropped_attributes_count",
        ],
        ContextKind::Span => &[
            "name",
            "kind",
            "attributes",
            "status.code",
            "status.message",
            "trace_id.string",
            "span_id.string",
            "parent_span_id.string",
            "trace_state",
            "start_time_unix_nano",
            "end_time_unix_nano",
            "flags",
            "dropped_attributes_count",
            "dropped_events_count",
            "dropped_links_count",
        ],
        ContextKind::SpanEvent => &[
            "name",
            "attributes",
            "time_unix_nano",
            "dropped_attributes_count",
            "span.name",
            "span.attributes",
        ],
        ContextKind::Metric => &[
            "name",
            "description",
            "unit",
            "type",
            "aggregation_temporality",
            "is_monotonic",
            "metadata",
        ],
        ContextKind::DataPoint => &[
            "attributes",
            "value_int",
            "value_double",
            "start_time_unix_nano",
            "time_unix_nano",
            "flags",
            "count",
            "sum",
            "bucket_counts",
            "explicit_bounds",
            "scale",
            "zero_count",
            "metric.name",
            "metric.description",
            "metric.unit",
            "metric.type",
        ],
    };
    let scope: &[&str] = match context {
        ContextKind::Resource | ContextKind::Scope => &[],
        _ => &["scope.name", "scope.version", "scope.attributes"],
    };
    let resource: &[&str] = match context {
        ContextKind::Resource => &[],
        _ => &["resource.attributes"],
    };
    own.iter()
        .chain(scope)
        .chain(resource)
        .chain(&["cache"])
        .map(|path| (*path).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changes(before: Json, after: Json) -> Vec<String> {
        let mut found = Vec::new();
        diff("attributes".into(), Some(before), Some(after), &mut found);
        found
            .iter()
            .map(|c| {
                format!(
                    "{}: {} -> {}",
                    c.path,
                    shown(c.before.as_ref()),
                    shown(c.after.as_ref())
                )
            })
            .collect()
    }

    #[test]
    fn maps_are_compared_key_by_key() {
        assert_eq!(
            changes(
                json!({"a": 1, "b": {"c": "x", "d": true}, "gone": null}),
                json!({"a": 1, "b": {"c": "y", "d": true}, "new": [1]}),
            ),
            [
                r#"attributes["b"]["c"]: "x" -> "y""#,
                r#"attributes["new"]: (absent) -> [1]"#,
                r#"attributes["gone"]: null -> (absent)"#,
            ]
        );
    }

    #[test]
    fn unchanged_values_show_nothing() {
        assert_eq!(
            changes(json!({"a": [1, 2]}), json!({"a": [1, 2]})),
            Vec::<String>::new()
        );
    }
}
