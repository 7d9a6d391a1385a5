//! The OTTL standard library: the reference's editors and converters, one file each, written
//! against the public function contract of `ottl-core` only.
//!
//! ```
//! let registry = ottl_functions::standard();
//! assert!(registry.get("set").is_some());
//! ```
#![forbid(unsafe_code)]

pub mod converters;
pub mod editors;
pub mod filter;
pub mod processor;
pub mod transform;

mod convert;
mod json;
mod pattern;
mod replace;

use ottl_core::function::Registry;

/// Declares a family of functions, one module each: the modules, their public function types,
/// and the family's `register`, from one list. An entry may carry `#[cfg(...)]` attributes (a
/// function behind a cargo feature); they apply to its module, its export and its registration.
macro_rules! family {
    ($($(#[$attr:meta])* $module:ident => $function:ident),* $(,)?) => {
        $($(#[$attr])* mod $module;)*
        $($(#[$attr])* pub use $module::$function;)*

        /// Adds the family's functions to `registry`.
        pub(crate) fn register(registry: &mut ottl_core::function::Registry) {
            $($(#[$attr])* registry.insert($function);)*
            let _ = registry;
        }
    };
}
pub(crate) use family;

/// A registry with every standard function.
pub fn standard() -> Registry {
    let mut registry = Registry::new();
    editors::register(&mut registry);
    converters::register(&mut registry);
    registry.retire("Base64Decode", r#"`Decode(value, "base64")`"#);
    experimental(&mut registry);
    registry.gate(
        &converters::lambda::NAMES,
        &[LAMBDA_GATE, EXPERIMENTAL_GATE],
    );
    registry.gate(&["sanitize_utf8"], &[EXPERIMENTAL_GATE, LAMBDA_GATE]);
    registry
}

/// The reference's feature gate for lambdas and the converters that take them.
pub const LAMBDA_GATE: &str = "ottl.functions.enableLambda";

/// The reference's feature gate for its experimental functions. Either gate turns on every
/// experimental function here ([`experimental`]), as `ottl --feature-gates` always has.
pub const EXPERIMENTAL_GATE: &str = "pkg.ottl.functions.enableExperimental";

/// Adds the reference's experimental functions to `registry`: those it registers only with the
/// feature gates `pkg.ottl.functions.enableExperimental` (`sanitize_utf8`) and
/// `ottl.functions.enableLambda` (the lambda converters `All`, `Any`, `Filter`, `Find`,
/// `MapEach`, `MapKeys`, `Reduce`, `When`), and which [`standard`] leaves out.
///
/// ```
/// let mut registry = ottl_functions::standard();
/// assert!(registry.get("sanitize_utf8").is_none());
/// assert!(registry.get("Reduce").is_none());
/// ottl_functions::experimental(&mut registry);
/// assert!(registry.get("sanitize_utf8").is_some());
/// assert!(registry.get("Reduce").is_some());
/// ```
pub fn experimental(registry: &mut Registry) {
    registry.insert(editors::SanitizeUtf8);
    converters::lambda::register(registry);
}

/// The diagnostic notes of `statement` compiled in the `log` context with the standard
/// library, for tests of functions a build leaves out.
#[cfg(all(test, not(all(feature = "user-agent", feature = "grok"))))]
fn notes_of(statement: &str) -> Vec<String> {
    use ottl_core::context::ContextKind;
    use ottl_core::run::{ErrorMode, Program};
    let registry = standard();
    match Program::compile(
        &[statement],
        &[],
        ContextKind::Log,
        ErrorMode::Propagate,
        &registry,
    ) {
        Ok(_) => Vec::new(),
        Err(failures) => failures
            .into_iter()
            .flat_map(|(_, diagnostics)| diagnostics.0)
            .flat_map(|diagnostic| diagnostic.notes.into_iter().chain(diagnostic.help))
            .collect(),
    }
}
