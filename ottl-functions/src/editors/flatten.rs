//! `flatten(target, [prefix], [depth], [resolve_conflicts])`.

use super::edit_map;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, ParamKind, Signature};
use ottl_core::model::{AnyValue, Map, Str};
use ottl_core::value::Value;
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;

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
                    path: String::with_capacity(prefix.len() + 64),
                    counts: HashMap::new(),
                    resolve_conflicts,
                    max_depth,
                };
                flat.path.push_str(&prefix);
                flat.map(map, 0);
                // The map is replaced in place, past the setters' checks: flattening makes it
                // longer and its keys larger, so the result is checked as a write would be.
                limits.check(&Value::Map(Cow::Borrowed(&flat.result)))?;
                *map = flat.result;
                Ok(())
            })
        }))
    }
}

/// The flattened map being built (the reference's `flattenData`), with the key of the value
/// at hand in one buffer that grows and shrinks as the walk goes down and up: keys are copied
/// out of it only into the result, where short ones are stored inline.
struct Flattener {
    result: Map,
    path: String,
    /// With conflicts resolved: for each key, the suffix the next entry with that key takes.
    counts: HashMap<Str, usize>,
    resolve_conflicts: bool,
    max_depth: i64,
}

impl Flattener {
    /// The entries of `map`, below the key in `path` (joined with a dot unless it is empty).
    fn map(&mut self, map: &Map, depth: i64) {
        let outer = self.path.len();
        if outer > 0 {
            self.path.push('.');
        }
        let prefix = self.path.len();
        for (key, value) in map.iter() {
            self.path.push_str(key);
            self.value(value, depth);
            self.path.truncate(prefix);
        }
        self.path.truncate(outer);
    }

    /// A list inside a list: its elements' keys are the index appended to `path` with no dot
    /// between, as the reference joins them.
    fn list(&mut self, items: &[AnyValue], depth: i64) {
        let prefix = self.path.len();
        for (index, item) in items.iter().enumerate() {
            self.push_index(index);
            self.value(item, depth + 1);
            self.path.truncate(prefix);
        }
    }

    /// The value whose key is `path`.
    fn value(&mut self, value: &AnyValue, depth: i64) {
        match value {
            AnyValue::KvList(map) if depth < self.max_depth => self.map(map, depth + 1),
            AnyValue::Array(items) if depth < self.max_depth => {
                let key = self.path.len();
                for (index, item) in items.iter().enumerate() {
                    match item {
                        AnyValue::KvList(map) if depth + 1 < self.max_depth => {
                            self.path.push('.');
                            self.push_index(index);
                            self.map(map, depth + 2);
                        }
                        AnyValue::Array(inner) if depth + 1 < self.max_depth => {
                            self.path.push('.');
                            self.push_index(index);
                            self.list(inner, depth + 2);
                        }
                        _ if self.resolve_conflicts => self.put_resolving(item),
                        _ => {
                            self.path.push('.');
                            self.push_index(index);
                            self.put(item);
                        }
                    }
                    self.path.truncate(key);
                }
            }
            _ if self.resolve_conflicts => self.put_resolving(value),
            _ => self.put(value),
        }
    }

    fn push_index(&mut self, index: usize) {
        // Writing to a String cannot fail.
        let _ = write!(self.path, "{index}");
    }

    /// Writes `value` under `path`, replacing an earlier value there in place.
    fn put(&mut self, value: &AnyValue) {
        self.result
            .insert(Str::from(self.path.as_str()), value.clone());
    }

    /// The first value for `path` takes it; each later one `path.N`, N counting from 0 (a key
    /// made so may itself be taken already, and is then overwritten, as in the reference).
    fn put_resolving(&mut self, value: &AnyValue) {
        if !self.result.contains_key(&self.path) {
            self.counts.insert(Str::from(self.path.as_str()), 0);
            self.put(value);
            return;
        }
        let count = match self.counts.get_mut(self.path.as_str()) {
            Some(count) => count,
            None => self.counts.entry(Str::from(self.path.as_str())).or_insert(0),
        };
        let suffix = *count;
        *count += 1;
        let key = self.path.len();
        let _ = write!(self.path, ".{suffix}");
        self.put(value);
        self.path.truncate(key);
    }
}
