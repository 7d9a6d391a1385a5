//! Contexts: the kinds of record a statement runs on, the paths each one has, and its enums.
//!
//! One file per context holds its field table (`log.rs`, `span.rs`, `metric.rs`, …);
//! [`paths`](self) resolves a path of the AST against those tables. A statement in a lower
//! context reads and writes the higher ones (`resource.attributes` from a log statement,
//! `span.name` from a span event). [`TransformContext`] is the record a compiled statement runs
//! over: the item itself, what it belongs to, and the per-record `cache`.

mod clock;
mod datapoint;
mod enums;
mod log;
mod metric;
mod paths;
mod record;
mod request;
mod resource;
mod scope;
mod span;
mod spanevent;

pub use clock::Clock;
pub(crate) use datapoint::DataPointField;
pub use enums::enum_value;
pub(crate) use enums::symbols as enum_symbols;
pub(crate) use log::LogField;
pub(crate) use metric::MetricField;
pub(crate) use paths::{Field, resolve};
pub use record::TransformContext;
pub(crate) use record::{PointMut, PointRef};
pub use request::Request;
pub(crate) use request::{NO_REQUEST, OtelcolField};
pub(crate) use resource::ResourceField;
pub(crate) use scope::ScopeField;
pub(crate) use span::SpanField;
pub(crate) use spanevent::SpanEventField;

use crate::syntax::Path;
use std::fmt;

/// The kind of record statements run on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ContextKind {
    /// A resource (`resource.*`).
    Resource,
    /// An instrumentation scope (`scope.*`).
    Scope,
    /// A span (`span.*`).
    Span,
    /// An event of a span (`spanevent.*`).
    SpanEvent,
    /// A metric (`metric.*`).
    Metric,
    /// A data point of a metric, of any kind (`datapoint.*`).
    DataPoint,
    /// A log record (`log.*`).
    Log,
}

/// The signal a batch of records belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Signal {
    /// Logs: resource → scope → log.
    Logs,
    /// Traces: resource → scope → span → span event.
    Traces,
    /// Metrics: resource → scope → metric → data point.
    Metrics,
}

impl Signal {
    /// Every signal.
    pub const ALL: [Signal; 3] = [Signal::Logs, Signal::Traces, Signal::Metrics];

    /// The context of the signal's records (`log`, `span`, `metric`): what statements run on
    /// when nothing says otherwise.
    pub const fn record_context(self) -> ContextKind {
        match self {
            Signal::Logs => ContextKind::Log,
            Signal::Traces => ContextKind::Span,
            Signal::Metrics => ContextKind::Metric,
        }
    }
}

impl ContextKind {
    /// Every context, in the order the reference prefers when inferring one (lower first).
    pub const ALL: &'static [ContextKind] = &[
        ContextKind::Log,
        ContextKind::DataPoint,
        ContextKind::Metric,
        ContextKind::SpanEvent,
        ContextKind::Span,
        ContextKind::Scope,
        ContextKind::Resource,
    ];

    /// The context's name, as written in paths and on the command line.
    pub const fn name(self) -> &'static str {
        match self {
            ContextKind::Resource => "resource",
            ContextKind::Scope => "scope",
            ContextKind::Span => "span",
            ContextKind::SpanEvent => "spanevent",
            ContextKind::Metric => "metric",
            ContextKind::DataPoint => "datapoint",
            ContextKind::Log => "log",
        }
    }

    /// The paths statements of this context can name, for completion and listings: its own
    /// fields (`body`, `body.string`), `cache`, then the fields of the higher contexts it
    /// reaches with their prefix (`resource.attributes`). Keys are not included.
    ///
    /// ```
    /// use ottl_core::context::ContextKind;
    /// let paths = ContextKind::Log.paths();
    /// assert!(paths.iter().any(|p| p == "body.string"));
    /// assert!(paths.iter().any(|p| p == "resource.attributes"));
    /// assert!(!paths.iter().any(|p| p.starts_with("span.")));
    /// ```
    pub fn paths(self) -> Vec<String> {
        paths::names(self)
    }

    /// The enum symbols statements of this context can write (`SEVERITY_NUMBER_INFO`), with
    /// their values.
    ///
    /// ```
    /// use ottl_core::context::ContextKind;
    /// assert!(ContextKind::Span.enum_symbols().contains(&("SPAN_KIND_SERVER", 2)));
    /// assert!(ContextKind::Resource.enum_symbols().is_empty());
    /// ```
    pub fn enum_symbols(self) -> &'static [(&'static str, i64)] {
        enums::symbols(self)
    }

    /// The context named `name`.
    pub fn from_name(name: &str) -> Option<ContextKind> {
        ContextKind::ALL
            .iter()
            .copied()
            .find(|kind| kind.name() == name)
    }

    /// Whether statements of this context can run on records of `signal`: resource and scope
    /// on every signal, the others on their own.
    pub const fn runs_on(self, signal: Signal) -> bool {
        matches!(
            (self, signal),
            (ContextKind::Resource | ContextKind::Scope, _)
                | (ContextKind::Log, Signal::Logs)
                | (ContextKind::Span | ContextKind::SpanEvent, Signal::Traces)
                | (
                    ContextKind::Metric | ContextKind::DataPoint,
                    Signal::Metrics
                )
        )
    }

    /// The prefixes of the higher contexts this one reaches (`span` from a span event).
    pub(crate) const fn higher_prefixes(self) -> &'static [&'static str] {
        const BELOW_SCOPE: &[&str] = &["resource", "scope", "instrumentation_scope"];
        match self {
            ContextKind::Resource => &[],
            ContextKind::Scope => &["resource"],
            ContextKind::Span | ContextKind::Metric | ContextKind::Log => BELOW_SCOPE,
            ContextKind::SpanEvent => &["span", "resource", "scope", "instrumentation_scope"],
            ContextKind::DataPoint => &["metric", "resource", "scope", "instrumentation_scope"],
        }
    }

    /// The context a path's first segment names, if this context can reach it: its own
    /// name, or a higher context's (`resource` from everywhere, `scope` from below it, `span`
    /// from a span event, `metric` from a data point).
    pub(crate) fn reach(self, prefix: &str) -> Option<ContextKind> {
        if prefix == self.name() {
            return Some(self);
        }
        if !self.higher_prefixes().contains(&prefix) {
            return None;
        }
        match prefix {
            "instrumentation_scope" => Some(ContextKind::Scope),
            other => ContextKind::from_name(other),
        }
    }
}

/// The context statements run in, inferred as the reference does from the prefixes of their
/// paths (`log.body`, `resource.attributes`): the lowest context any path names, by the
/// reference's priority (log, datapoint, metric, spanevent, span, scope, resource). `None`
/// when no path names a context.
///
/// This looks at paths only ([`infer_supported`] takes the next step, for functions), and an
/// `instrumentation_scope.` prefix counts as `scope`.
///
/// ```
/// use ottl_core::context::{ContextKind, infer};
/// use ottl_core::syntax::{parse_statement, statement_paths};
///
/// let statement = parse_statement(r#"set(log.attributes["a"], resource.attributes["b"])"#)?;
/// assert_eq!(infer(statement_paths(&statement)), Some(ContextKind::Log));
/// let statement = parse_statement(r#"set(span.name, "x") where spanevent.name == "y""#)?;
/// assert_eq!(infer(statement_paths(&statement)), Some(ContextKind::SpanEvent));
/// # Ok::<(), ottl_core::diag::Diagnostics>(())
/// ```
pub fn infer<'a>(paths: impl IntoIterator<Item = &'a Path>) -> Option<ContextKind> {
    paths
        .into_iter()
        .filter_map(|path| match path.context()?.name.as_str() {
            "instrumentation_scope" => Some(ContextKind::Scope),
            name => ContextKind::from_name(name),
        })
        .min_by_key(|context| ContextKind::ALL.iter().position(|c| c == context))
}

impl fmt::Display for ContextKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The reference's second step of inference (language.md §8.5): `candidate` (from [`infer`])
/// if it has every one of `functions` and knows every one of the `enums` symbols, else the
/// first of its lower contexts in `signal` — by the same priority, the contexts that reach it as
/// a prefix (`scope`, `spanevent`, `span` for `resource` over traces) — that has them all.
/// `None` when no context has them all: the caller keeps the candidate and lets compiling name
/// what is missing. `has` says whether a context has a function; a symbol that names a
/// function (`SHA256` passed by name) counts as known where the function is.
///
/// ```
/// use ottl_core::context::{ContextKind, Signal, infer_supported};
///
/// // `IsRootSpan()` is a span function: a condition whose only path is `resource.…` runs
/// // on spans. (Here it is the only function there is.)
/// let has = |context: ContextKind, function: &str| {
///     function == "IsRootSpan" && context == ContextKind::Span
/// };
/// let inferred = infer_supported(ContextKind::Resource, Signal::Traces, &["IsRootSpan"], &[], has);
/// assert_eq!(inferred, Some(ContextKind::Span));
/// assert_eq!(infer_supported(ContextKind::Resource, Signal::Traces, &[], &[], has), Some(ContextKind::Resource));
/// assert_eq!(infer_supported(ContextKind::Resource, Signal::Logs, &["IsRootSpan"], &[], has), None);
/// // Severity numbers are log enums: a `resource.…` condition naming one runs on logs.
/// let severity = ["SEVERITY_NUMBER_WARN"];
/// assert_eq!(infer_supported(ContextKind::Resource, Signal::Logs, &[], &severity, has), Some(ContextKind::Log));
/// ```
pub fn infer_supported(
    candidate: ContextKind,
    signal: Signal,
    functions: &[&str],
    enums: &[&str],
    has: impl Fn(ContextKind, &str) -> bool,
) -> Option<ContextKind> {
    let has_all = |context: ContextKind| {
        functions.iter().all(|f| has(context, f))
            && enums
                .iter()
                .all(|e| enum_value(context, e).is_some() || has(context, e))
    };
    if has_all(candidate) {
        return Some(candidate);
    }
    ContextKind::ALL
        .iter()
        .copied()
        .filter(|lower| {
            lower.runs_on(signal) && lower.higher_prefixes().contains(&candidate.name())
        })
        .find(|&lower| has_all(lower))
}
