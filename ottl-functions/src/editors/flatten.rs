//! `flatten(target, [prefix], [depth], [resolve_conflicts])`.

use super::edit_map;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, ParamKind, Signature};
use ottl_core::model::{AnyValue, Map, Str};
use ottl_core::value::Value;
use std::borrow::Cow;
use std::collections::HashMap;

/// `flatten(target, [prefix], [depth], [resolve_conflicts])` — replaces the nested maps and
/// lists of the map `target` with top-level entries whose keys join the path with dots
/// (`address.street`, `occupants.0`), below `prefix` if given, expanding at most `depth`
/// levels.
///
/// As in the reference: a later entry with the same key replaces an earlier one, unless
/// `resolve_conflicts` is true, which keeps the first under the plain key and gives each later
/// one the key with `.0`, `.1`, … (the elements of a list then take the list's own key that
/// way); empty maps and lists vanish; and the elements of a list nested in a list join their
/// index without a dot (`a.0` then `0` is `a.00`).
pub struct Flatten;

impl Function for Flatten {
    fn signature(&self) -> Signature {
        Signature::editor("flatten", "moves the entries of nested maps and lists to the top")
            .param("target", ParamKind::Target)
            .optional("prefix", ParamKind::String)
            .optional("depth", ParamKind::Int)
            .optional("resolve_conflicts", ParamKind::Bool)
            .edit_example(
                r#"flatten(attributes)"#,
                r#"{"name": "test", "address": {"street": "first", "house": 1234}, "occupants": ["user 1", "user 2"]}"#,
                r#"{"name": "test", "address.street": "first", "address.house": 1234, "occupants.0": "user 1", "occupants.1": "user 2"}"#,
            )
            .edit_example(
                r#"flatten(attributes, "app", depth = 1)"#,
                r#"{"a": {"b": {"c": 1}}, "n": 2}"#,
                r#"{"app.a.b": {"c": 1}, "app.n": 2}"#,
            )
            .edit_example(
                r#"flatten(attributes, resolve_conflicts = true)"#,
                r#"{"occupants": ["user 1", "user 2"], "occupants.0": "x"}"#,
                r#"{"occupants": "user 1", "occupants.0": "user 2", "occupants.0.0": "x"}"#,
            )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.target(0)?;
        let prefix = args.optional_string(1)?.unwrap_or_default();
        let depth = args.optional_int(2)?;
        let resolve_conflicts = args.optional_bool(3)?.unwrap_or(false);
        let max_depth = match depth {
            None => i64::MAX,
            Some(depth) if depth >= 1 => depth,
            Some(depth) => {
                return Err(args.invalid(
                    2,
                    format!("invalid depth '{depth}' for flatten function, must be greater than 0"),
                    "leave `depth` out to flatten every level, or give 1 or more",
                ));
            }
        };
        Ok(Compiled::editor(move |ctx| {
            let limits = *ctx.limits();
            edit_map(&target, ctx, |map| {
                let mut flat = Flattener {
                    result: Map::with_capacity(map.len()),
                    counts: HashMap::new(),
                    resolve_conflicts,
                    max_depth,
                };
                flat.map(map, &prefix, 0);
                // The map is replaced in place, past the setters' checks: flattening makes it
                // longer and its keys larger, so the result is checked as a write would be.
                limits.check(&Value::Map(Cow::Borrowed(&flat.result)))?;
                *map = flat.result;
                Ok(())
            })
        }))
    }
}

/// The flattened map being built (the reference's `flattenData`).
struct Flattener {
    result: Map,
    /// With conflicts resolved: for each key, the suffix the next entry with that key takes.
    counts: HashMap<Str, usize>,
    resolve_conflicts: bool,
    max_depth: i64,
}

impl Flattener {
    fn map(&mut self, map: &Map, prefix: &str, depth: i64) {
        let prefix = if prefix.is_empty() {
            String::new()
        } else {
            format!("{prefix}.")
        };
        for (key, value) in map.iter() {
            self.value(key, value, depth, &prefix);
        }
    }

    /// A list inside a list: its elements' keys are the index appended to `prefix` with no
    /// dot between, as the reference joins them.
    fn list(&mut self, items: &[AnyValue], prefix: &str, depth: i64) {
        for (index, item) in items.iter().enumerate() {
            self.value(&index.to_string(), item, depth + 1, prefix);
        }
    }

    fn value(&mut self, key: &str, value: &AnyValue, depth: i64, prefix: &str) {
        match value {
            AnyValue::KvList(map) if depth < self.max_depth => {
                self.map(map, &format!("{prefix}{key}"), depth + 1);
            }
            AnyValue::Array(items) if depth < self.max_depth => {
                let joined = format!("{prefix}{key}");
                for (index, item) in items.iter().enumerate() {
                    match item {
                        AnyValue::KvList(map) if depth + 1 < self.max_depth => {
                            self.map(map, &format!("{joined}.{index}"), depth + 2);
                        }
                        AnyValue::Array(inner) if depth + 1 < self.max_depth => {
                            self.list(inner, &format!("{joined}.{index}"), depth + 2);
                        }
                        _ if self.resolve_conflicts => self.put_resolving(&joined, item),
                        _ => {
                            self.result
                                .insert(format!("{joined}.{index}"), item.clone());
                        }
                    }
                }
            }
            _ => {
                let key = format!("{prefix}{key}");
                if self.resolve_conflicts {
                    self.put_resolving(&key, value);
                } else {
                    self.result.insert(key, value.clone());
                }
            }
        }
    }

    /// The first value for `key` takes it; each later one `key.N`, N counting from 0 (a key
    /// made so may itself be taken already, and is then overwritten, as in the reference).
    fn put_resolving(&mut self, key: &str, value: &AnyValue) {
        if self.result.contains_key(key) {
            let count = self.counts.entry(Str::from(key)).or_insert(0);
            let renamed = format!("{key}.{count}");
            *count += 1;
            self.result.insert(renamed, value.clone());
        } else {
            self.counts.insert(Str::from(key), 0);
            self.result.insert(key, value.clone());
        }
    }
}
