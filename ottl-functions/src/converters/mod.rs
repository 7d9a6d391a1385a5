//! Converters: functions that compute values.

mod len;

pub use len::Len;

use ottl_core::function::Registry;

pub(crate) fn register(registry: &mut Registry) {
    registry.insert(Len);
}
