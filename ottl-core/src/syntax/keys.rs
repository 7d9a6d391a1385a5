//! Telling a forgotten quote (`attributes[env]`) from an expression key (`attributes[body]`).
//!
//! A bare word between brackets is a path whose value becomes the key. The reference rejects
//! such a key, when parsing, if no context has that path; so do we, and we can say why: the
//! user almost certainly meant a string key.

use super::ast::Path;

/// Context names a path may start with.
const CONTEXT_NAMES: &[&str] = &[
    "datapoint",
    "exemplar",
    "instrumentation_scope",
    "log",
    "metric",
    "otelcol",
    "profile",
    "resource",
    "scope",
    "span",
    "spanevent",
];

/// The first segment of every unprefixed path some context has (`contexts.md`), sorted.
const FIELD_NAMES: &[&str] = &[
    "aggregation_temporality",
    "attribute_indices",
    "attributes",
    "body",
    "bucket_counts",
    "cache",
    "count",
    "data_points",
    "description",
    "double_value",
    "dropped_attributes_count",
    "dropped_events_count",
    "dropped_links_count",
    "duration",
    "duration_unix_nano",
    "end_time",
    "end_time_unix_nano",
    "event_index",
    "event_name",
    "events",
    "exemplars",
    "explicit_bounds",
    "filtered_attributes",
    "flags",
    "int_value",
    "is_monotonic",
    "kind",
    "links",
    "metadata",
    "name",
    "negative",
    "observed_time",
    "observed_time_unix_nano",
    "original_payload",
    "original_payload_format",
    "parent_span_id",
    "period",
    "period_type",
    "positive",
    "profile_id",
    "quantile_values",
    "sample",
    "sample_type",
    "scale",
    "schema_url",
    "severity_number",
    "severity_text",
    "span_id",
    "start_time",
    "start_time_unix_nano",
    "status",
    "sum",
    "time",
    "time_unix_nano",
    "trace_id",
    "trace_state",
    "type",
    "unit",
    "value_double",
    "value_int",
    "version",
    "zero_count",
];

/// Whether `path`, used as a key, names nothing any context has: a key that lost its quotes.
pub(crate) fn is_unquoted_key(path: &Path) -> bool {
    let [first, rest @ ..] = path.segments.as_slice() else {
        return false;
    };
    if !first.keys.is_empty() {
        return false;
    }
    let name = first.name.name.as_str();
    let known = if rest.is_empty() {
        FIELD_NAMES.binary_search(&name).is_ok() || CONTEXT_NAMES.contains(&name)
    } else {
        CONTEXT_NAMES.contains(&name)
    };
    !known
}

#[cfg(test)]
mod tests {
    use super::FIELD_NAMES;

    #[test]
    fn field_names_are_sorted_for_binary_search() {
        assert!(FIELD_NAMES.windows(2).all(|pair| pair[0] < pair[1]));
    }
}
