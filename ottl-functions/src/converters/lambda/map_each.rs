//! `MapEach(source, mapper)`.

use super::{Element, Key, Source, SourceArg};
use ottl_core::RuntimeError;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, Lambda, ParamKind, Signature};
use ottl_core::context::TransformContext;
use ottl_core::model::{AnyValue, Map};
use ottl_core::value::Value;
use std::borrow::Cow;

/// `MapEach(source, mapper)` — a new list or map (the source's kind) with each value replaced
/// by `mapper(index or key, value)`; keys and order unchanged.
pub struct MapEach;

impl Function for MapEach {
    fn signature(&self) -> Signature {
        Signature::converter(
            "MapEach",
            Kind::Any,
            "a list or map with each value replaced by a lambda's result",
        )
        .param("source", ParamKind::Value(Kind::Any))
        .param("mapper", ParamKind::Lambda(2))
        .example("MapEach([1, 2, 3], (_, v) => v * 2)", "[2, 4, 6]")
        .example(r#"MapEach({"a": 1, "b": true}, (_, v) => String(v))"#, r#"{"a": "1", "b": "true"}"#)
        .example(r#"MapEach(["x", "y"], (i, _) => i)"#, "[0, 1]")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let source = SourceArg::new(args.value(0)?);
        let mapper = args.lambda(1)?;
        Ok(Compiled::converter(move |ctx| {
            let source = source.read("MapEach", ctx)?;
            match source.source {
                Source::List(ref items) => {
                    let mut mapped = Vec::with_capacity(items.len());
                    for element in source.elements() {
                        mapped.push(map_one(&mapper, ctx, &element)?);
                    }
                    Ok(Value::List(Cow::Owned(mapped)))
                }
                Source::Map(ref map) => {
                    let mut mapped = Map::with_capacity(map.len());
                    for element in source.elements() {
                        let result = map_one(&mapper, ctx, &element)?;
                        if let Key::Key(name) = element.key {
                            mapped.insert(name.clone(), result);
                        }
                    }
                    Ok(Value::Map(Cow::Owned(mapped)))
                }
            }
        }))
    }
}

/// The mapper's result for one element, as a value a list or map can hold.
fn map_one(
    mapper: &Lambda,
    ctx: &TransformContext<'_>,
    element: &Element<'_>,
) -> Result<AnyValue, RuntimeError> {
    let key = element.key;
    let result = mapper
        .call(ctx, element.pair(mapper))
        .map_err(|error| key.wrap("MapEach", &error))?;
    result.try_into_any().map_err(|result| {
        RuntimeError::function(
            "MapEach",
            format!(
                "error while converting lambda function result on {key}: {} cannot be stored",
                result.value_type().with_article()
            ),
        )
    })
}
