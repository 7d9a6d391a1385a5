//! `replace_all_patterns(target, mode, regex, replacement, [function], [replacement_format])`.

use super::edit_map;
use crate::pattern::{Matcher, Pattern, Syntax};
use crate::replace::{Replacement, replace_plain};
use ottl_core::RuntimeError;
use ottl_core::context::TransformContext;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self, Coerce as _};
use ottl_core::function::{Kind, ValueArg, Args, Compiled, Function, ParamKind, Signature, Target};
use ottl_core::model::{AnyValue, Map, Str};
use ottl_core::value::Value;

/// `replace_all_patterns(target, mode, regex, replacement, [function], [replacement_format])`
/// — in the map `target`, replaces the matches of `regex` in every string value
/// (`mode` `"value"`) or in every key (`mode` `"key"`, renaming entries; on a collision the
/// later entry's value wins, in the earlier entry's place).
pub struct ReplaceAllPatterns;

const NAME: &str = "replace_all_patterns";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Key,
    Value,
}

impl Function for ReplaceAllPatterns {
    fn signature(&self) -> Signature {
        Signature::editor(NAME, "replaces the matches of a regex in the keys or values of a map")
            .param("target", ParamKind::Target)
            .param("mode", ParamKind::String)
            .param("regex", ParamKind::Value(Kind::String))
            .param("replacement", ParamKind::Value(Kind::String))
            .optional("function", ParamKind::Function)
            .optional("replacement_format", ParamKind::Value(Kind::String))
            .edit_example(
                r#"replace_all_patterns(attributes, "value", "/account/\\d{4}", "/account/{accountId}")"#,
                r#"{"path": "/account/1234/x", "n": 1234}"#,
                r#"{"path": "/account/{accountId}/x", "n": 1234}"#,
            )
            .edit_example(
                r#"replace_all_patterns(attributes, "key", "^kube_([0-9A-Za-z]+_)", "k8s.$1.")"#,
                r#"{"kube_pod_name": "p"}"#,
                r#"{"k8s.pod_.name": "p"}"#,
            )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.target(0)?;
        let mode = match args.string(1)?.as_str() {
            "key" => Mode::Key,
            "value" => Mode::Value,
            other => {
                return Err(args.invalid(
                    1,
                    format!("invalid mode {other:?}, must be either \"key\" or \"value\""),
                    "use \"value\" to change values or \"key\" to rename keys",
                ));
            }
        };
        let pattern = Pattern::at(&mut args, 2, Syntax::Regex, NAME)?;
        let replacement = Replacement::at(&mut args, 3, NAME)?;
        if let (
            Mode::Value,
            Pattern::Compiled(matcher),
            ValueArg::Constant(Value::Str(template)),
            false,
        ) = (
            mode,
            &pattern,
            &replacement.template,
            replacement.has_function(),
        ) {
            return Ok(values_in_place(
                target,
                matcher.clone(),
                template.to_string(),
            ));
        }
        Ok(Compiled::editor(move |ctx| {
            // Read first (a converter passed as `function` reads the record), then write.
            let changes = {
                let map = get::Map::coerce((target.get)(ctx)?)?;
                let template = replacement.template(ctx)?;
                let matcher = pattern.matcher(ctx)?;
                match mode {
                    Mode::Value => value_changes(ctx, &replacement, &matcher, &map, &template)?,
                    Mode::Key => key_changes(ctx, &replacement, &matcher, &map, &template)?,
                }
            };
            let Some(changes) = changes else {
                return Ok(());
            };
            edit_map(&target, ctx, |map| {
                match mode {
                    Mode::Value => apply_values(map, changes),
                    Mode::Key => apply_keys(map, changes),
                }
                Ok(())
            })
        }))
    }
}

/// One entry's new text (value or key) by position; `None` for an entry to drop.
/// The common case — a literal pattern and template, no function — needs nothing from the
/// record but the map: its values are replaced in one pass, in place. (A value that would
/// outgrow `max_string_len` fails the statement with the values before it already replaced.)
fn values_in_place(target: Target, matcher: Matcher, template: String) -> Compiled {
    Compiled::editor(move |ctx| {
        let limits = *ctx.limits();
        edit_map(&target, ctx, |map| {
            for (_, value) in map.iter_mut() {
                if let AnyValue::Str(text) = value
                    && let Some(updated) = replace_plain(&matcher, text, &template, &limits)?
                {
                    *value = AnyValue::Str(Str::from(updated));
                }
            }
            Ok(())
        })
    })
}

type Changes = Vec<(usize, Option<String>)>;

/// The replaced string values; `None` if nothing matched.
fn value_changes(
    ctx: &TransformContext<'_>,
    replacement: &Replacement,
    matcher: &Matcher,
    map: &Map,
    template: &str,
) -> Result<Option<Changes>, RuntimeError> {
    let mut changes = Vec::new();
    for (position, (_, value)) in map.iter().enumerate() {
        let AnyValue::Str(text) = value else {
            continue;
        };
        // With a function, an entry whose function or format fails is left unchanged.
        match replacement.replace_all(ctx, matcher, text, template) {
            Ok(Some(updated)) => changes.push((position, Some(updated))),
            Ok(None) => {}
            Err(_) if replacement.has_function() => {}
            Err(error) => return Err(error),
        }
    }
    Ok((!changes.is_empty()).then_some(changes))
}

/// The renamed keys; `None` if no key matched.
fn key_changes(
    ctx: &TransformContext<'_>,
    replacement: &Replacement,
    matcher: &Matcher,
    map: &Map,
    template: &str,
) -> Result<Option<Changes>, RuntimeError> {
    let mut changes = Vec::new();
    for (position, key) in map.keys().enumerate() {
        match replacement.replace_all(ctx, matcher, key, template) {
            Ok(Some(renamed)) => changes.push((position, Some(renamed))),
            Ok(None) => {}
            // The reference drops an entry whose key's function or format fails.
            Err(_) if replacement.has_function() => changes.push((position, None)),
            Err(error) => return Err(error),
        }
    }
    Ok((!changes.is_empty()).then_some(changes))
}

fn apply_values(map: &mut Map, changes: Changes) {
    let mut changes = changes.into_iter().peekable();
    for (position, (_, value)) in map.iter_mut().enumerate() {
        if let Some((_, Some(text))) = changes.next_if(|(p, _)| *p == position) {
            *value = AnyValue::Str(Str::from(text));
        }
    }
}

/// Rebuilds the map with renamed keys; a key that already exists takes the later value in
/// the earlier place.
fn apply_keys(map: &mut Map, changes: Changes) {
    let entries = std::mem::take(map).into_entries();
    let mut renamed = Map::with_capacity(entries.len());
    let mut changes = changes.into_iter().peekable();
    for (position, entry) in entries.into_iter().enumerate() {
        let key = match changes.next_if(|(p, _)| *p == position) {
            Some((_, Some(key))) => Str::from(key),
            Some((_, None)) => continue,
            None => entry.key,
        };
        renamed.insert(key, entry.value);
    }
    *map = renamed;
}
