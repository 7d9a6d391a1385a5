//! Editors: functions that change the record.

// Experimental in the reference: registered by `crate::experimental`, not by the family.
mod sanitize_utf8;
pub use sanitize_utf8::SanitizeUtf8;

crate::family! {
    append => Append,
    clear => Clear,
    delete_index => DeleteIndex,
    delete_key => DeleteKey,
    delete_matching_keys => DeleteMatchingKeys,
    flatten => Flatten,
    keep_keys => KeepKeys,
    keep_matching_keys => KeepMatchingKeys,
    limit => Limit,
    merge_maps => MergeMaps,
    replace_all_matches => ReplaceAllMatches,
    replace_all_patterns => ReplaceAllPatterns,
    replace_match => ReplaceMatch,
    replace_pattern => ReplacePattern,
    set => Set,
    stringify_all => StringifyAll,
    truncate_all => TruncateAll,
}

use ottl_core::RuntimeError;
use ottl_core::context::TransformContext;
use ottl_core::function::Target;
use ottl_core::function::get::{self, Coerce as _};
use ottl_core::model::Map;
use ottl_core::value::Value;
use std::borrow::Cow;

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
    let mut owned = get::Map::coerce((target.get)(ctx)?)?.into_owned();
    edit(&mut owned)?;
    (target.set)(ctx, Value::Map(Cow::Owned(owned)))
}
