//! Which functions each component gives its statements and conditions: the one place the
//! CLI builds registries, for `ottl check` and `eval --config` alike.

use crate::gates::FeatureGates;
use ottl_core::context::ContextKind;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, FunctionKind, Registry, Signature};
use std::collections::HashMap;

/// A component that takes OTTL, which decides the contexts and functions its texts get.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Component {
    /// The transform processor.
    Transform,
    /// The filter processor.
    Filter,
    /// The routing connector.
    RoutingConnector,
    /// The routing processor (removed from the collector).
    RoutingProcessor,
    /// The tail sampling processor's `ottl_condition` policies.
    TailSampling,
    /// The count connector.
    Count,
    /// The sum connector.
    Sum,
    /// The signal to metrics connector.
    SignalToMetrics,
    /// The log deduplication processor.
    LogDedup,
    /// Statements given on the command line or in a `.ottl` file.
    Statements,
}

/// The functions `component` gives statements in `context`. Transform statements get the
/// standard library and the transform processor's functions of that context; the other
/// components call converters (plus their own functions).
pub fn registry_for(component: Component, context: ContextKind) -> Registry {
    match component {
        Component::Transform | Component::Statements => {
            ottl_functions::transform::registry(context)
        }
        // These build their conditions with the filter processor's function sets
        // (`filterottl.Standard*Funcs`: converters, `IsRootSpan` for spans,
        // `HasAttr*OnDatapoint` for metrics).
        Component::Filter
        | Component::TailSampling
        | Component::Count
        | Component::Sum
        | Component::LogDedup => ottl_functions::filter::registry(context),
        // The routing connector's table (and the removed processor's) may also delete keys.
        Component::RoutingConnector | Component::RoutingProcessor => {
            let mut registry = converters_and(&["delete_key", "delete_matching_keys"]);
            registry.insert(Route);
            if context == ContextKind::Span {
                registry.insert(ottl_functions::filter::IsRootSpan);
            }
            registry
        }
        Component::SignalToMetrics => converters_and(&[]),
    }
}

/// The functions `component` gives conditions in `context`: a transform group's
/// `conditions` get the filter processor's set, as in the collector.
pub fn condition_registry_for(component: Component, context: ContextKind) -> Registry {
    match component {
        Component::Transform => ottl_functions::filter::registry(context),
        other => registry_for(other, context),
    }
}

/// The standard converters and, of the editors, only `editors`.
fn converters_and(editors: &[&str]) -> Registry {
    let mut registry = ottl_functions::standard();
    let editors: Vec<&'static str> = registry
        .signatures()
        .filter(|s| s.kind == FunctionKind::Editor && !editors.contains(&s.name))
        .map(|s| s.name)
        .collect();
    for name in editors {
        registry.remove(name);
    }
    registry
}

/// `route()`: the routing connector's editor, which marks a record for the entry's pipelines.
struct Route;

impl Function for Route {
    fn signature(&self) -> Signature {
        Signature::editor(
            "route",
            "sends the record to the routing table entry's pipelines",
        )
    }

    fn compile(&self, _args: Args) -> Result<Compiled, Diagnostic> {
        Ok(Compiled::editor(|_| Ok(())))
    }
}

/// Registries built once per component and context.
#[derive(Default)]
pub(crate) struct Registries {
    built: HashMap<(Component, ContextKind, bool), Registry>,
    gates: FeatureGates,
}

impl Registries {
    /// Registries with the functions `gates` add.
    pub(crate) fn with_gates(gates: FeatureGates) -> Self {
        Self {
            gates,
            ..Self::default()
        }
    }

    /// The registry of `component` in `context`, for conditions when `condition`.
    pub(crate) fn get(
        &mut self,
        component: Component,
        context: ContextKind,
        condition: bool,
    ) -> &Registry {
        self.built
            .entry((component, context, condition))
            .or_insert_with(|| {
                let mut registry = if condition {
                    condition_registry_for(component, context)
                } else {
                    registry_for(component, context)
                };
                self.gates.apply(&mut registry);
                registry
            })
    }
}

/// The functions of the reference's standard library (`ottlfuncs`, v0.156) and of its
/// transform processor, normalised (lowercase, no `_`): a statement calling one that this
/// engine lacks is reported as not built yet rather than as a misspelling.
const REFERENCE_FUNCTIONS: &[&str] = &[
    "deletekey",
    "deletematchingkeys",
    "keepmatchingkeys",
    "flatten",
    "keepkeys",
    "limit",
    "mergemaps",
    "replaceallmatches",
    "replaceallpatterns",
    "replacematch",
    "replacepattern",
    "set",
    "truncateall",
    "append",
    "deleteindex",
    "base64decode",
    "base64encode",
    "bool",
    "decode",
    "coalesce",
    "communityid",
    "concat",
    "containsvalue",
    "convertcase",
    "convertattributestoelementsxml",
    "converttexttoelementsxml",
    "day",
    "double",
    "duration",
    "extractpatterns",
    "extractgrokpatterns",
    "fnv",
    "getxml",
    "hasprefix",
    "hassuffix",
    "hour",
    "hours",
    "index",
    "insertxml",
    "int",
    "isbool",
    "isdouble",
    "islist",
    "isint",
    "ismap",
    "ismatch",
    "isstring",
    "len",
    "log",
    "isvalidluhn",
    "md5",
    "microseconds",
    "milliseconds",
    "minute",
    "minutes",
    "month",
    "murmur3hash",
    "murmur3hash128",
    "nanosecond",
    "nanoseconds",
    "now",
    "parsecsv",
    "parsejson",
    "parsekeyvalue",
    "parsesimplifiedxml",
    "parsexml",
    "removexml",
    "second",
    "seconds",
    "sha1",
    "sha256",
    "sha512",
    "sort",
    "spanid",
    "split",
    "format",
    "string",
    "substring",
    "time",
    "formattime",
    "trim",
    "trimprefix",
    "trimsuffix",
    "tokeyvaluestring",
    "tocamelcase",
    "tolowercase",
    "tosnakecase",
    "touppercase",
    "truncatetime",
    "traceid",
    "unix",
    "unixmicro",
    "unixmilli",
    "unixnano",
    "unixseconds",
    "uuid",
    "uuidv7",
    "url",
    "values",
    "weekday",
    "useragent",
    "year",
    "hex",
    "slicetomap",
    "parseseverity",
    "profileid",
    "parseint",
    "keys",
    "xxh3",
    "xxh128",
    "isincidr",
    // The transform processor's own functions.
    "aggregateonattributes",
    "aggregateonattributevalue",
    "convertgaugetosum",
    "convertsumtogauge",
    "convertsummarycountvaltosum",
    "convertsummarysumvaltosum",
    "convertsummaryquantilevaltogauge",
    "copymetric",
    "scalemetric",
    "extractcountmetric",
    "extractsummetric",
    "mergehistogrambuckets",
    "convertexponentialhistogramtohistogram",
];

/// Whether `name` is a function the reference has (its standard library or its transform
/// processor's), whatever this engine has.
pub fn reference_has(name: &str) -> bool {
    let normalised: String = name
        .chars()
        .filter(|c| *c != '_')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    REFERENCE_FUNCTIONS.contains(&normalised.as_str())
}
