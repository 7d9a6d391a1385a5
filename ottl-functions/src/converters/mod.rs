//! Converters: functions that compute values, by family.

pub mod collections;
pub mod encoding;
pub mod grok;
pub mod hash;
pub mod ids;
pub mod lambda;
pub mod net;
pub mod parse;
pub mod strings;
pub mod time;
pub mod types;
pub mod web;
pub mod xml;

use ottl_core::function::Registry;

pub(crate) fn register(registry: &mut Registry) {
    collections::register(registry);
    encoding::register(registry);
    hash::register(registry);
    ids::register(registry);
    net::register(registry);
    parse::register(registry);
    strings::register(registry);
    time::register(registry);
    types::register(registry);
    web::register(registry);
    web::left_out(registry);
    grok::register(registry);
    grok::left_out(registry);
    xml::register(registry);
}
