//! Editors: functions that change the record.

mod delete_key;
mod set;

pub use delete_key::DeleteKey;
pub use set::Set;

use ottl_core::function::Registry;

pub(crate) fn register(registry: &mut Registry) {
    registry.insert(Set);
    registry.insert(DeleteKey);
}
