//! Editors: functions that change the record.

mod delete_key;
mod delete_matching_keys;
mod keep_keys;
mod keep_matching_keys;
mod limit;
mod merge_maps;
mod replace_all_matches;
mod replace_all_patterns;
mod replace_match;
mod replace_pattern;
mod set;
mod truncate_all;

pub use delete_key::DeleteKey;
pub use delete_matching_keys::DeleteMatchingKeys;
pub use keep_keys::KeepKeys;
pub use keep_matching_keys::KeepMatchingKeys;
pub use limit::Limit;
pub use merge_maps::MergeMaps;
pub use replace_all_matches::ReplaceAllMatches;
pub use replace_all_patterns::ReplaceAllPatterns;
pub use replace_match::ReplaceMatch;
pub use replace_pattern::ReplacePattern;
pub use set::Set;
pub use truncate_all::TruncateAll;

use ottl_core::RuntimeError;
use ottl_core::context::TransformContext;
use ottl_core::function::{Registry, Target};
use ottl_core::model::Map;
use ottl_core::value::Value;
use std::borrow::Cow;

pub(crate) fn register(registry: &mut Registry) {
    registry.insert(Set);
    registry.insert(DeleteKey);
    registry.insert(DeleteMatchingKeys);
    registry.insert(KeepKeys);
    registry.insert(KeepMatchingKeys);
    registry.insert(Limit);
    registry.insert(TruncateAll);
    registry.insert(MergeMaps);
    registry.insert(ReplacePattern);
    registry.insert(ReplaceAllPatterns);
    registry.insert(ReplaceMatch);
    registry.insert(ReplaceAllMatches);
}

/// Edits the map at `target` (the reference's `PMapGetSetter`): in place when the path gives
/// access to it, otherwise read, changed and written back.
pub(crate) fn edit_map(
    target: &Target,
    ctx: &mut TransformContext<'_>,
    edit: impl FnOnce(&mut Map) -> Result<(), RuntimeError>,
) -> Result<(), RuntimeError> {
    if let Some(map) = &target.map {
        return edit(map(ctx)?);
    }
    let mut owned = crate::convert::map((target.get)(ctx)?)?.into_owned();
    edit(&mut owned)?;
    (target.set)(ctx, Value::Map(Cow::Owned(owned)))
}
