//! Resolving a path of the AST to a field of a context, through the per-context field tables.

use super::{
    ContextKind, DataPointField, LogField, MetricField, OtelcolField, ResourceField, ScopeField,
    SpanEventField, SpanField, request,
};
use crate::diag::{Code, Diagnostic, suggest};
use crate::syntax::{Key, Path, Segment};
use crate::value::ValueType;

/// A field a path can name: the cache of the statement's own context, or a field of one of
/// the records it reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Cache,
    Resource(ResourceField),
    Scope(ScopeField),
    Log(LogField),
    Span(SpanField),
    SpanEvent(SpanEventField),
    Metric(MetricField),
    DataPoint(DataPointField),
    /// A field of the request the batch arrived with (`otelcol.*`, every context).
    Otelcol(OtelcolField),
}

impl Field {
    /// Whether statements may only read the field (`spanevent.event_index`).
    pub(crate) fn is_read_only(self) -> bool {
        matches!(
            self,
            Field::SpanEvent(SpanEventField::EventIndex) | Field::Otelcol(_)
        )
    }

    /// Whether the field holds a map that keys index (`attributes["k"]`).
    pub(crate) fn is_map(self) -> bool {
        matches!(
            self,
            Field::Cache
                | Field::Resource(ResourceField::Attributes)
                | Field::Scope(ScopeField::Attributes)
                | Field::Log(LogField::Attributes)
                | Field::Span(SpanField::Attributes)
                | Field::SpanEvent(SpanEventField::Attributes)
                | Field::Metric(MetricField::Metadata)
                | Field::DataPoint(DataPointField::Attributes)
                | Field::Otelcol(
                    OtelcolField::ClientAuthAttributes
                        | OtelcolField::ClientMetadata
                        | OtelcolField::GrpcMetadata
                )
        )
    }

    /// The type every record gives the field, when there is one: what its getter yields and
    /// its setter takes (a map field also takes nil, which clears it). `None` where the type
    /// varies from record to record (a log body, a metric's temporality, the data point fields
    /// of one point kind) and for whole OTLP objects (`span.status`, `span.events`).
    pub(crate) fn fixed_type(self) -> Option<ValueType> {
        use ValueType as T;
        Some(match self {
            Field::Cache
            | Field::Resource(ResourceField::Attributes)
            | Field::Scope(ScopeField::Attributes) => T::Map,
            Field::Resource(ResourceField::DroppedAttributesCount) => T::Int,
            Field::Resource(ResourceField::SchemaUrl) => T::Str,
            Field::Scope(ScopeField::Name | ScopeField::Version | ScopeField::SchemaUrl) => T::Str,
            Field::Scope(ScopeField::DroppedAttributesCount) => T::Int,
            Field::Log(field) => match field {
                LogField::Attributes => T::Map,
                LogField::Body => return None,
                LogField::BodyString
                | LogField::SeverityText
                | LogField::TraceIdString
                | LogField::SpanIdString
                | LogField::EventName => T::Str,
                LogField::TimeUnixNano
                | LogField::ObservedTimeUnixNano
                | LogField::SeverityNumber
                | LogField::DroppedAttributesCount
                | LogField::Flags => T::Int,
                LogField::Time | LogField::ObservedTime => T::Time,
                LogField::TraceId => T::TraceId,
                LogField::SpanId => T::SpanId,
            },
            Field::Span(field) => match field {
                SpanField::TraceIdString
                | SpanField::SpanIdString
                | SpanField::ParentSpanIdString
                | SpanField::TraceState
                | SpanField::StatusMessage
                | SpanField::Name
                | SpanField::KindString
                | SpanField::KindDeprecatedString => T::Str,
                SpanField::StatusCode
                | SpanField::Kind
                | SpanField::StartTimeUnixNano
                | SpanField::EndTimeUnixNano
                | SpanField::DroppedAttributesCount
                | SpanField::DroppedEventsCount
                | SpanField::DroppedLinksCount
                | SpanField::Flags => T::Int,
                SpanField::StartTime | SpanField::EndTime => T::Time,
                SpanField::TraceId => T::TraceId,
                SpanField::SpanId | SpanField::ParentSpanId => T::SpanId,
                SpanField::Attributes => T::Map,
                SpanField::Status | SpanField::Events | SpanField::Links => return None,
            },
            Field::SpanEvent(field) => match field {
                SpanEventField::Name => T::Str,
                SpanEventField::TimeUnixNano
                | SpanEventField::DroppedAttributesCount
                | SpanEventField::EventIndex => T::Int,
                SpanEventField::Time => T::Time,
                SpanEventField::Attributes => T::Map,
            },
            Field::Metric(field) => match field {
                MetricField::Name | MetricField::Description | MetricField::Unit => T::Str,
                MetricField::Type => T::Int,
                MetricField::Metadata => T::Map,
                MetricField::AggregationTemporality
                | MetricField::IsMonotonic
                | MetricField::DataPoints => return None,
            },
            Field::DataPoint(field) => match field {
                DataPointField::StartTimeUnixNano
                | DataPointField::TimeUnixNano
                | DataPointField::Flags => T::Int,
                DataPointField::StartTime | DataPointField::Time => T::Time,
                DataPointField::Attributes => T::Map,
                _ => return None,
            },
            // The address is nil when unknown.
            Field::Otelcol(OtelcolField::ClientAddr) => return None,
            Field::Otelcol(_) => T::Map,
        })
    }

    /// The type the field's setter takes: its [fixed type](Self::fixed_type), except for
    /// `metric.type`, whose setter ignores whatever it is given.
    pub(crate) fn write_type(self) -> Option<ValueType> {
        match self {
            Field::Metric(MetricField::Type) => None,
            _ => self.fixed_type(),
        }
    }

    /// Whether keys may follow the field: maps, a log body, and one key on a trace state.
    fn takes_keys(self) -> bool {
        self.is_map()
            || matches!(
                self,
                Field::Log(LogField::Body) | Field::Span(SpanField::TraceState)
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

/// `(segment, sub-segment, field)`: `("body", Some("string"), …)` is `body.string`. Entries
/// with the same segment are adjacent, the one without sub-segment first.
pub(crate) type FieldTable = &'static [(&'static str, Option<&'static str>, Field)];

fn fields(context: ContextKind) -> FieldTable {
    match context {
        ContextKind::Resource => super::resource::FIELDS,
        ContextKind::Scope => super::scope::FIELDS,
        ContextKind::Span => super::span::FIELDS,
        ContextKind::SpanEvent => super::spanevent::FIELDS,
        ContextKind::Metric => super::metric::FIELDS,
        ContextKind::DataPoint => super::datapoint::FIELDS,
        ContextKind::Log => super::log::FIELDS,
    }
}

/// The paths of `context`: see [`ContextKind::paths`].
pub(crate) fn names(context: ContextKind) -> Vec<String> {
    fn push(table: FieldTable, prefix: &str, out: &mut Vec<String>) {
        for (segment, sub, _) in table {
            let name = match sub {
                Some(sub) => format!("{prefix}{segment}.{sub}"),
                None => format!("{prefix}{segment}"),
            };
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    let mut out = Vec::new();
    push(fields(context), "", &mut out);
    out.push("cache".to_owned());
    for prefix in context.higher_prefixes() {
        // `instrumentation_scope.` is another spelling of `scope.`.
        if *prefix == "instrumentation_scope" {
            continue;
        }
        if let Some(target) = context.reach(prefix) {
            push(fields(target), &format!("{prefix}."), &mut out);
        }
    }
    out
}

/// Every context name of the language, including those no context of ours reaches.
const CONTEXT_NAMES: &[&str] = &[
    "resource",
    "scope",
    "instrumentation_scope",
    "span",
    "spanevent",
    "metric",
    "datapoint",
    "exemplar",
    "log",
    "profile",
];

/// Resolves `path` as written in a statement of `context`.
pub(crate) fn resolve(context: ContextKind, path: &Path) -> Result<ResolvedPath<'_>, Diagnostic> {
    let text = path.to_string();
    if path
        .context()
        .is_some_and(|prefix| prefix.name == "otelcol")
    {
        return resolve_otelcol(path, text);
    }
    let (target, segments) = match path.context() {
        Some(prefix) => match context.reach(&prefix.name) {
            Some(target) => (target, &path.segments[1..]),
            None if CONTEXT_NAMES.contains(&prefix.name.as_str()) => {
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
    let Some((_, _, plain)) = candidates.first() else {
        return Err(unknown_path(context, target, first, table));
    };
    let sub = rest.first().map(|segment| segment.name.name.as_str());
    match candidates
        .iter()
        .find(|(_, sub_name, _)| sub.is_some() && *sub_name == sub)
    {
        Some((_, _, field)) => {
            if let Some(key) = first.keys.first() {
                return Err(unused_keys(key, &first.name.name));
            }
            finish(*field, &rest[0], &rest[1..], text)
        }
        None => finish(*plain, first, rest, text),
    }
}

/// An `otelcol.*` path, which every context has.
fn resolve_otelcol(path: &Path, text: String) -> Result<ResolvedPath<'_>, Diagnostic> {
    match request::resolve(&path.segments[1..]) {
        Ok((field, last, extra)) => finish(field, last, extra, text),
        Err(known) => {
            let written = &path.segments[1];
            let best = suggest(&text, known.iter().map(String::as_str));
            let diagnostic = Diagnostic::error(
                Code::UnknownPath,
                format!("`{text}` is not a path of the request"),
                path.span,
                "unknown path",
            )
            .with_label(written.name.span, "after `otelcol.`");
            Err(match best {
                Some(best) => diagnostic.with_help(format!("did you mean `{best}`?")),
                None => diagnostic.with_note(format!("request paths: {}", known.join(", "))),
            })
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
    if let (Field::Span(SpanField::TraceState), [_, second, ..]) = (field, last.keys.as_slice()) {
        return Err(Diagnostic::error(
            Code::PathNotIndexable,
            "`trace_state` takes exactly one key",
            second.span,
            "second key",
        )
        .with_help("index one member: `trace_state[\"vendor\"]`"));
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
    .with_help(
        "only maps (`attributes`, `cache`, `metadata`), `log.body` and `span.trace_state` take keys",
    )
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
        known.push("cache");
        known.extend(context.higher_prefixes());
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
    let reachable: Vec<String> = std::iter::once(context.name())
        .chain(context.higher_prefixes().iter().copied())
        .map(|name| format!("`{name}.`"))
        .collect();
    Diagnostic::error(
        Code::UnknownPath,
        format!("the {context} context cannot reach `{prefix}` paths"),
        path.segments[0].name.span,
        format!("not reachable from a {context}"),
    )
    .with_help(format!(
        "run this statement in the `{prefix}` context, or use a `{context}` path"
    ))
    .with_note(format!(
        "{context} statements reach paths starting with {}",
        reachable.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::{parse_statement, statement_paths};

    /// Resolves the first path of `set(<path>, 1)` in `context`.
    fn resolve_in(context: ContextKind, path: &str) -> Result<Field, Diagnostic> {
        let statement = parse_statement(&format!("set({path}, 1)")).expect("the test path parses");
        let paths = statement_paths(&statement);
        resolve(context, paths[0]).map(|resolved| resolved.field)
    }

    fn error_in(context: ContextKind, path: &str) -> Diagnostic {
        resolve_in(context, path).expect_err("the path is rejected")
    }

    #[test]
    fn own_paths_resolve_with_or_without_the_context_prefix() {
        let kind_string = Ok(Field::Span(SpanField::KindString));
        assert_eq!(
            resolve_in(ContextKind::Span, "span.kind.string"),
            kind_string
        );
        assert_eq!(resolve_in(ContextKind::Span, "kind.string"), kind_string);
        assert_eq!(
            resolve_in(ContextKind::DataPoint, "positive.offset"),
            Ok(Field::DataPoint(DataPointField::PositiveOffset))
        );
        assert_eq!(
            resolve_in(ContextKind::Metric, "metric.metadata[\"k\"]"),
            Ok(Field::Metric(MetricField::Metadata))
        );
    }

    #[test]
    fn lower_contexts_reach_their_parents_and_every_context_reaches_resource() {
        assert_eq!(
            resolve_in(ContextKind::SpanEvent, "span.status.code"),
            Ok(Field::Span(SpanField::StatusCode))
        );
        assert_eq!(
            resolve_in(ContextKind::DataPoint, "metric.type"),
            Ok(Field::Metric(MetricField::Type))
        );
        for context in ContextKind::ALL.iter().copied() {
            assert_eq!(
                resolve_in(context, "resource.attributes[\"a\"]"),
                Ok(Field::Resource(ResourceField::Attributes)),
                "{context}"
            );
        }
        assert_eq!(
            resolve_in(ContextKind::Metric, "instrumentation_scope.name"),
            Ok(Field::Scope(ScopeField::Name))
        );
    }

    #[test]
    fn a_parents_cache_is_rejected() {
        let error = error_in(ContextKind::SpanEvent, "span.cache[\"a\"]");
        assert!(
            error.message.contains("cache of a span"),
            "{}",
            error.message
        );
        assert_eq!(
            resolve_in(ContextKind::SpanEvent, "spanevent.cache[\"a\"]"),
            Ok(Field::Cache)
        );
    }

    #[test]
    fn a_span_path_in_the_log_context_is_rejected() {
        let error = error_in(ContextKind::Log, "span.name");
        assert_eq!(error.code, Code::UnknownPath);
        assert!(
            error.message.contains("cannot reach `span`"),
            "{}",
            error.message
        );
        let error = error_in(ContextKind::Span, "metric.name");
        assert!(
            error.message.contains("cannot reach `metric`"),
            "{}",
            error.message
        );
        let error = error_in(ContextKind::Span, "spanevent.name");
        assert!(
            error.message.contains("cannot reach `spanevent`"),
            "{}",
            error.message
        );
    }

    #[test]
    fn an_unknown_path_gets_a_did_you_mean() {
        let error = error_in(ContextKind::Span, "span.atributes");
        assert_eq!(error.code, Code::UnknownPath);
        assert_eq!(error.help.as_deref(), Some("did you mean `attributes`?"));
        let error = error_in(ContextKind::DataPoint, "datapoint.value_dobule");
        assert_eq!(error.help.as_deref(), Some("did you mean `value_double`?"));
    }

    #[test]
    fn keys_on_a_path_that_is_not_a_map_are_rejected() {
        for (context, path) in [
            (ContextKind::Span, "span.name[\"x\"]"),
            (ContextKind::Span, "span.events[0]"),
            (ContextKind::DataPoint, "datapoint.bucket_counts[0]"),
            (ContextKind::Metric, "metric.type[\"a\"]"),
            (ContextKind::Span, "span.kind[\"a\"].string"),
        ] {
            assert_eq!(
                error_in(context, path).code,
                Code::PathNotIndexable,
                "{path}"
            );
        }
    }

    #[test]
    fn trace_state_takes_exactly_one_key() {
        assert_eq!(
            resolve_in(ContextKind::Span, "span.trace_state[\"a\"]"),
            Ok(Field::Span(SpanField::TraceState))
        );
        let error = error_in(ContextKind::Span, "span.trace_state[\"a\"][\"b\"]");
        assert_eq!(error.code, Code::PathNotIndexable);
    }

    #[test]
    fn extra_and_missing_sections_are_rejected() {
        assert_eq!(
            error_in(ContextKind::Span, "span.status.code.string").code,
            Code::UnknownPath
        );
        assert_eq!(
            error_in(ContextKind::Metric, "metric").code,
            Code::UnknownPath
        );
        assert_eq!(
            error_in(ContextKind::Span, "span.duration").code,
            Code::UnknownPath
        );
    }
}
