//! `merge_maps(target, source, strategy)`.

use super::edit_map;
use ottl_core::RuntimeErrorKind;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self};
use ottl_core::function::{Kind, Args, Compiled, Function, ParamKind, Signature};
use ottl_core::model::{Map, Merge};
use ottl_core::value::Value;
use std::borrow::Cow;

/// `merge_maps(target, source, strategy)` — copies the entries of the map `source` into the
/// map `target`: `"insert"` only missing keys, `"update"` only existing ones, `"upsert"` all.
pub struct MergeMaps;

impl Function for MergeMaps {
    fn signature(&self) -> Signature {
        Signature::editor("merge_maps", "copies the entries of one map into another")
            .param("target", ParamKind::Target)
            .param("source", ParamKind::Value(Kind::Map))
            .param("strategy", ParamKind::String)
            .edit_example(
                r#"merge_maps(attributes, {"a": 2, "b": 3}, "upsert")"#,
                r#"{"a": 1}"#,
                r#"{"a": 2, "b": 3}"#,
            )
            .edit_example(
                r#"merge_maps(attributes, {"a": 2, "b": 3}, "insert")"#,
                r#"{"a": 1}"#,
                r#"{"a": 1, "b": 3}"#,
            )
            .edit_example(
                r#"merge_maps(attributes, {"a": 2, "b": 3}, "update")"#,
                r#"{"a": 1}"#,
                r#"{"a": 2}"#,
            )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.target(0)?;
        let source = args.get::<get::Map>(1)?;
        let strategy = match args.string(2)?.as_str() {
            "insert" => Merge::Insert,
            "update" => Merge::Update,
            "upsert" => Merge::Upsert,
            other => {
                return Err(args.invalid(
                    2,
                    format!("invalid value for strategy, {other:?}: must be \"insert\", \"update\" or \"upsert\""),
                    "use \"upsert\" to copy every entry",
                ));
            }
        };
        Ok(Compiled::editor(move |ctx| {
            // A literal map is lent from the statement; a map read from the record is copied
            // first, since the record is about to change.
            let source: Cow<'_, Map> = match source.constant() {
                Some(map) => map,
                None => Cow::Owned(source.eval(ctx)?.into_owned()),
            };
            // The map is changed in place, past the setters' checks: bound what can come in,
            // so merging a map into itself, statement after statement, cannot grow without end.
            let limits = *ctx.limits();
            limits.check(&Value::Map(Cow::Borrowed(&source)))?;
            edit_map(&target, ctx, |map| {
                // Only when the sizes alone could pass the limit are the new keys counted.
                if map.len().saturating_add(source.len()) > limits.max_map_len {
                    let new_keys = source.keys().filter(|key| !map.contains_key(key)).count();
                    let grown = map.len() + new_keys;
                    if strategy != Merge::Update && grown > limits.max_map_len {
                        return Err(RuntimeErrorKind::LimitExceeded {
                            limit: "max_map_len",
                            max: limits.max_map_len,
                            found: grown,
                        }
                        .into());
                    }
                }
                map.merge(source, strategy);
                Ok(())
            })
        }))
    }
}
