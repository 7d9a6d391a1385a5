//! The filter processor's function set: the standard converters (conditions call no
//! editors), plus `IsRootSpan()` in the span context and `HasAttrKeyOnDatapoint(key)` /
//! `HasAttrOnDatapoint(key, value)` in the metric context.
//!
//! ```
//! use ottl_core::context::ContextKind;
//!
//! let span = ottl_functions::filter::registry(ContextKind::Span);
//! assert!(span.get("IsRootSpan").is_some());
//! assert!(span.get("set").is_none());
//! assert!(ottl_functions::filter::registry(ContextKind::Log).get("IsRootSpan").is_none());
//! assert!(ottl_functions::filter::supports(ContextKind::Span, "IsRootSpan"));
//! ```

mod datapoint_attributes;
mod is_root_span;

pub use datapoint_attributes::{HasAttrKeyOnDatapoint, HasAttrOnDatapoint};
pub use is_root_span::IsRootSpan;

use ottl_core::context::ContextKind;
use ottl_core::function::Registry;

/// The functions filter conditions of `context` may call.
pub fn registry(context: ContextKind) -> Registry {
    let mut registry = Registry::new();
    crate::converters::register(&mut registry);
    match context {
        ContextKind::Span => registry.insert(IsRootSpan),
        ContextKind::Metric => {
            registry.insert(HasAttrKeyOnDatapoint);
            registry.insert(HasAttrOnDatapoint);
        }
        _ => {}
    }
    registry
}

/// Whether filter conditions of `context` may call `function` (for context inference).
pub fn supports(context: ContextKind, function: &str) -> bool {
    registry(context).get(function).is_some()
}

#[cfg(test)]
mod tests;
