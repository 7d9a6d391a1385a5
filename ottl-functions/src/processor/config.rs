//! The transform and filter processors' configuration as the collector reads it, as serde
//! structs: deserialize them from any serde format (YAML, JSON, TOML …).
//!
//! Each statement or condition is a `T` (a `String` by default): a host that keeps positions
//! builds the structs with its own text type, anything that is `AsRef<str>`.

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// One transform processor as written. Unknown keys are rejected, as the collector rejects
/// them (an old `traces: queries:` configuration would otherwise run nothing, silently).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
pub struct TransformConfig<T = String> {
    /// The processor's error mode; `ignore` when absent.
    #[serde(default)]
    pub error_mode: Option<String>,
    /// `trace_statements`, basic or advanced style.
    #[serde(default = "Vec::new")]
    pub trace_statements: Vec<Entry<T>>,
    /// `metric_statements`, basic or advanced style.
    #[serde(default = "Vec::new")]
    pub metric_statements: Vec<Entry<T>>,
    /// `log_statements`, basic or advanced style.
    #[serde(default = "Vec::new")]
    pub log_statements: Vec<Entry<T>>,
    /// `profile_statements`: there is no profile signal here, so they are not read.
    #[serde(default)]
    pub profile_statements: Option<IgnoredAny>,
    /// `flatten_data` (logs, behind a collector feature gate): not supported, not read.
    #[serde(default)]
    pub flatten_data: Option<IgnoredAny>,
}

impl<T> Default for TransformConfig<T> {
    fn default() -> Self {
        Self {
            error_mode: None,
            trace_statements: Vec::new(),
            metric_statements: Vec::new(),
            log_statements: Vec::new(),
            profile_statements: None,
            flatten_data: None,
        }
    }
}

/// One filter processor as written. Unknown keys are rejected, as the collector rejects them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
pub struct FilterConfig<T = String> {
    /// The processor's error mode; `ignore` when absent.
    #[serde(default)]
    pub error_mode: Option<String>,
    /// `trace_conditions`, basic or advanced style.
    #[serde(default = "Vec::new")]
    pub trace_conditions: Vec<Entry<T>>,
    /// `metric_conditions`, basic or advanced style.
    #[serde(default = "Vec::new")]
    pub metric_conditions: Vec<Entry<T>>,
    /// `log_conditions`, basic or advanced style.
    #[serde(default = "Vec::new")]
    pub log_conditions: Vec<Entry<T>>,
    /// `profile_conditions`: there is no profile signal here, so they are not read.
    #[serde(default)]
    pub profile_conditions: Option<IgnoredAny>,
    /// The legacy `traces:` section (OTTL conditions per context).
    #[serde(default)]
    pub traces: Option<LegacyTraces<T>>,
    /// The legacy `metrics:` section (OTTL conditions per context, or pre-OTTL matchers).
    #[serde(default)]
    pub metrics: Option<LegacyMetrics<T>>,
    /// The legacy `logs:` section (OTTL conditions per context, or pre-OTTL matchers).
    #[serde(default)]
    pub logs: Option<LegacyLogs<T>>,
    /// `profiles:`: there is no profile signal here, so it is not read.
    #[serde(default)]
    pub profiles: Option<IgnoredAny>,
    /// `spans:`: pre-OTTL span matchers, which are not run.
    #[serde(default)]
    pub spans: Option<IgnoredAny>,
}

impl<T> Default for FilterConfig<T> {
    fn default() -> Self {
        Self {
            error_mode: None,
            trace_conditions: Vec::new(),
            metric_conditions: Vec::new(),
            log_conditions: Vec::new(),
            profile_conditions: None,
            traces: None,
            metrics: None,
            logs: None,
            profiles: None,
            spans: None,
        }
    }
}

/// The legacy `traces:` section of a filter processor.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
pub struct LegacyTraces<T = String> {
    /// Resource conditions.
    #[serde(default = "Vec::new")]
    pub resource: Vec<T>,
    /// Span conditions.
    #[serde(default = "Vec::new")]
    pub span: Vec<T>,
    /// Span event conditions.
    #[serde(default = "Vec::new")]
    pub spanevent: Vec<T>,
}

/// The legacy `metrics:` section of a filter processor.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
pub struct LegacyMetrics<T = String> {
    /// Resource conditions.
    #[serde(default = "Vec::new")]
    pub resource: Vec<T>,
    /// Metric conditions.
    #[serde(default = "Vec::new")]
    pub metric: Vec<T>,
    /// Data point conditions.
    #[serde(default = "Vec::new")]
    pub datapoint: Vec<T>,
    /// Pre-OTTL matchers (not run).
    #[serde(default)]
    pub include: Option<IgnoredAny>,
    /// Pre-OTTL matchers (not run).
    #[serde(default)]
    pub exclude: Option<IgnoredAny>,
    /// Pre-OTTL regexp cache settings (not run).
    #[serde(default)]
    pub regexp: Option<IgnoredAny>,
}

/// The legacy `logs:` section of a filter processor.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
pub struct LegacyLogs<T = String> {
    /// Resource conditions.
    #[serde(default = "Vec::new")]
    pub resource: Vec<T>,
    /// Log record conditions.
    #[serde(default = "Vec::new")]
    pub log_record: Vec<T>,
    /// Pre-OTTL matchers (not run).
    #[serde(default)]
    pub include: Option<IgnoredAny>,
    /// Pre-OTTL matchers (not run).
    #[serde(default)]
    pub exclude: Option<IgnoredAny>,
}

/// One item of a `*_statements` or `*_conditions` list: a statement or condition (basic
/// style) or a group (advanced style).
#[derive(Debug)]
pub enum Entry<T = String> {
    /// A statement or condition string.
    Statement(T),
    /// A statement or condition group.
    Group(GroupConfig<T>),
    /// Anything else (a number, a list): a configuration error, named by what it is.
    Other(&'static str),
}

/// A group as written (advanced style). Unknown keys are rejected.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
pub struct GroupConfig<T = String> {
    /// The context the statements run in; inferred from path prefixes when absent.
    #[serde(default)]
    pub context: Option<String>,
    /// The statements, run in order.
    #[serde(default = "Vec::new")]
    pub statements: Vec<T>,
    /// The group's conditions: a record is processed (or, in a filter, dropped) when any holds.
    #[serde(default = "Vec::new")]
    pub conditions: Vec<T>,
    /// Overrides the processor's error mode for this group.
    #[serde(default)]
    pub error_mode: Option<String>,
    /// `shared_cache` (newer collectors): each group keeps its own cache here.
    #[serde(default)]
    pub shared_cache: Option<IgnoredAny>,
    /// `flatten` (logs, behind a collector feature gate): not supported, not read.
    #[serde(default)]
    pub flatten: Option<IgnoredAny>,
}

impl<T> Default for GroupConfig<T> {
    fn default() -> Self {
        Self {
            context: None,
            statements: Vec::new(),
            conditions: Vec::new(),
            error_mode: None,
            shared_cache: None,
            flatten: None,
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Entry<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(EntryVisitor(PhantomData))
    }
}

/// Tells a statement string from a group mapping (serde's `untagged` would buffer the group
/// and lose what a positioned `T` keeps).
struct EntryVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for EntryVisitor<T> {
    type Value = Entry<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a statement or a statement group")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Entry<T>, E> {
        T::deserialize(de::value::StrDeserializer::new(value)).map(Entry::Statement)
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Entry<T>, E> {
        T::deserialize(de::value::StringDeserializer::new(value)).map(Entry::Statement)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Entry<T>, A::Error> {
        GroupConfig::deserialize(de::value::MapAccessDeserializer::new(map)).map(Entry::Group)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Entry<T>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Entry::Other("a list"))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Entry<T>, E> {
        Ok(Entry::Other("a boolean"))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Entry<T>, E> {
        Ok(Entry::Other("a number"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Entry<T>, E> {
        Ok(Entry::Other("a number"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Entry<T>, E> {
        Ok(Entry::Other("a number"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Entry<T>, E> {
        Ok(Entry::Other("an empty value"))
    }

    fn visit_none<E: de::Error>(self) -> Result<Entry<T>, E> {
        Ok(Entry::Other("an empty value"))
    }
}
