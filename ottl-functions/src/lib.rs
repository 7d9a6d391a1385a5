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

mod convert;
mod json;
mod pattern;
mod replace;

use ottl_core::function::Registry;

/// A registry with every standard function.
pub fn standard() -> Registry {
    let mut registry = Registry::new();
    editors::register(&mut registry);
    converters::register(&mut registry);
    registry
}
