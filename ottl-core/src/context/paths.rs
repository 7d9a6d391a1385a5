//! Resolving a path of the AST to a field of a context.

use super::ContextKind;
use crate::diag::{Code, Diagnostic, suggest};
use crate::syntax::{Key, Path, Segment};

/// A field a path can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Cache,
    ResourceAttributes,
    ResourceDroppedAttributesCount,
    ResourceSchemaUrl,
    ScopeName,
    ScopeVersion,
    ScopeAttributes,
    ScopeDroppedAttributesCount,
    ScopeSchemaUrl,
    LogBody,
    LogBodyString,
    LogAttributes,
    LogTimeUnixNano,
    LogObservedTimeUnixNano,
    LogTime,
    LogObservedTime,
    LogSeverityNumber,
    LogSeverityText,
    LogDroppedAttributesCount,
    LogFlags,
    LogTraceId,
    LogTraceIdString,
    LogSpanId,
    LogSpanIdString,
    LogEventName,
}

impl Field {
    /// Whether keys may follow the field (`attributes["k"]`).
    fn takes_keys(self) -> bool {
        matches!(
            self,
            Field::Cache
                | Field::ResourceAttributes
                | Field::ScopeAttributes
                | Field::LogAttributes
                | Field::LogBody
        )
    }
}

/// A path resolved in a context: the field, and the keys that index into it.
#[derive(Debug)]
pub(crate) struct ResolvedPath<'p> {
    pub(crate) field: Field,
    pub(crate) keys: &'p [Key],
    /// The path as written, for messages.
    pub(crate) text: String,
}

/// `(segment, sub-segment, field)`: `("body", Some("string"), LogBodyString)` is `body.string`.
type FieldTable = &'static [(&'static str, Option<&'static str>, Field)];

const RESOURCE_FIELDS: FieldTable = &[
    ("attributes", None, Field::ResourceAttributes),
    (
        "dropped_attributes_count",
        None,
        Field::ResourceDroppedAttributesCount,
    ),
    ("schema_url", None, Field::ResourceSchemaUrl),
];

const SCOPE_FIELDS: FieldTable = &[
    ("name", None, Field::ScopeName),
    ("version", None, Field::ScopeVersion),
    ("attributes", None, Field::ScopeAttributes),
    (
        "dropped_attributes_count",
        None,
        Field::ScopeDroppedAttributesCount,
    ),
    ("schema_url", None, Field::ScopeSchemaUrl),
];

const LOG_FIELDS: FieldTable = &[
    ("body", None, Field::LogBody),
    ("body", Some("string"), Field::LogBodyString),
    ("attributes", None, Field::LogAttributes),
    ("time_unix_nano", None, Field::LogTimeUnixNano),
    (
        "observed_time_unix_nano",
        None,
        Field::LogObservedTimeUnixNano,
    ),
    ("time", None, Field::LogTime),
    ("observed_time", None, Field::LogObservedTime),
    ("severity_number", None, Field::LogSeverityNumber),
    ("severity_text", None, Field::LogSeverityText),
    (
        "dropped_attributes_count",
        None,
        Field::LogDroppedAttributesCount,
    ),
    ("flags", None, Field::LogFlags),
    ("trace_id", None, Field::LogTraceId),
    ("trace_id", Some("string"), Field::LogTraceIdString),
    ("span_id", None, Field::LogSpanId),
    ("span_id", Some("string"), Field::LogSpanIdString),
    ("event_name", None, Field::LogEventName),
];

fn fields(context: ContextKind) -> FieldTable {
    match context {
        ContextKind::Resource => RESOURCE_FIELDS,
        ContextKind::Scope => SCOPE_FIELDS,
        ContextKind::Log => LOG_FIELDS,
    }
}

/// Context names of the language that no context of ours reaches yet or ever.
const OTHER_CONTEXTS: &[&str] = &[
    "span",
    "spanevent",
    "metric",
    "datapoint",
    "exemplar",
    "profile",
];

/// Resolves `path` as written in a statement of `context`.
pub(crate) fn resolve(context: ContextKind, path: &Path) -> Result<ResolvedPath<'_>, Diagnostic> {
    let text = path.to_string();
    let (target, segments) = match path.context() {
        Some(prefix) => match context.reach(&prefix.name) {
            Some(target) => (target, &path.segments[1..]),
            None if OTHER_CONTEXTS.contains(&prefix.name.as_str()) => {
                return Err(unreachable_context(context, path, &prefix.name));
            }
            None => (context, path.segments.as_slice()),
        },
        None => (context, path.segments.as_slice()),
    };
    let Some((first, rest)) = segments.split_first() else {
        return Err(Diagnostic::error(
            Code::UnknownPath,
            "a context name alone is not a path",
            path.span,
            "name a field",
        ));
    };
    if first.name.name == "cache" {
        if target != context {
            return Err(Diagnostic::error(
                Code::UnknownPath,
                format!("the cache of a {target} cannot be used from the {context} context"),
                path.span,
                "another context's cache",
            )
            .with_help(format!("use this context's cache: `{context}.cache[...]`")));
        }
        return finish(Field::Cache, first, rest, text);
    }
    let table = fields(target);
    let candidates: Vec<&(&str, Option<&str>, Field)> = table
        .iter()
        .filter(|(name, _, _)| *name == first.name.name)
        .collect();
    if candidates.is_empty() {
        return Err(unknown_path(context, target, first, table));
    }
    let sub = rest.first().map(|segment| segment.name.name.as_str());
    match candidates.iter().find(|(_, sub_name, _)| *sub_name == sub) {
        Some((_, Some(_), field)) => {
            if let Some(key) = first.keys.first() {
                return Err(unused_keys(key, &first.name.name));
            }
            finish(*field, &rest[0], &rest[1..], text)
        }
        Some((_, None, field)) => finish(*field, first, rest, text),
        None => {
            let (_, _, field) = candidates[0];
            finish(*field, first, rest, text)
        }
    }
}

/// Checks that nothing follows the segment that named `field`, and that keys are allowed.
fn finish<'p>(
    field: Field,
    last: &'p Segment,
    extra: &[Segment],
    text: String,
) -> Result<ResolvedPath<'p>, Diagnostic> {
    if let Some(segment) = extra.first() {
        return Err(Diagnostic::error(
            Code::UnknownPath,
            format!("`{}` has no field `{}`", last.name.name, segment.name.name),
            segment.name.span,
            "extra path section",
        ));
    }
    if let Some(key) = last.keys.first().filter(|_| !field.takes_keys()) {
        return Err(unused_keys(key, &last.name.name));
    }
    Ok(ResolvedPath {
        field,
        keys: &last.keys,
        text,
    })
}

fn unused_keys(key: &Key, name: &str) -> Diagnostic {
    Diagnostic::error(
        Code::PathNotIndexable,
        format!("`{name}` cannot be indexed"),
        key.span,
        "keys are not allowed here",
    )
    .with_help("only maps (`attributes`, `cache`) and `body` take keys")
}

fn unknown_path(
    context: ContextKind,
    target: ContextKind,
    segment: &Segment,
    table: FieldTable,
) -> Diagnostic {
    let name = &segment.name.name;
    let mut known: Vec<&str> = table.iter().map(|(name, _, _)| *name).collect();
    known.dedup();
    if target == context {
        known.extend(
            ["cache", "resource", "scope"]
                .into_iter()
                .filter(|c| *c != context.name()),
        );
    }
    let mut diagnostic = Diagnostic::error(
        Code::UnknownPath,
        format!("the {target} context has no path `{name}`"),
        segment.name.span,
        "unknown path",
    );
    diagnostic = match suggest(name, known.iter().copied()) {
        Some(best) => diagnostic.with_help(format!("did you mean `{best}`?")),
        None => diagnostic.with_note(format!("{target} paths start with: {}", known.join(", "))),
    };
    diagnostic
}

fn unreachable_context(context: ContextKind, path: &Path, prefix: &str) -> Diagnostic {
    Diagnostic::error(
        Code::UnknownPath,
        format!("the {context} context cannot reach `{prefix}` paths"),
        path.segments[0].name.span,
        format!("not reachable from a {context}"),
    )
    .with_help(format!(
        "run this statement in the `{prefix}` context, or use a `{context}` path"
    ))
}
