//! `Filter(source, predicate)`.

use super::{Key, Source, SourceArg, test};
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::model::Map;
use ottl_core::value::Value;
use std::borrow::Cow;

/// `Filter(source, predicate)` — a new list or map (the source's kind) with the elements for
/// which `predicate` holds, in order.
pub struct Filter;

impl Function for Filter {
    fn signature(&self) -> Signature {
        Signature::converter(
            "Filter",
            Kind::Any,
            "the elements of a list or map for which a predicate holds",
        )
        .param("source", ParamKind::Value(Kind::Any))
        .param("predicate", ParamKind::Lambda(2))
        .example(r#"Filter(["prod", "dev", "prod"], (_, v) => v == "prod")"#, r#"["prod", "prod"]"#)
        .example(
            r#"Filter({"http.method": "GET", "host": "a"}, (k, _) => HasPrefix(k, "http."))"#,
            r#"{"http.method": "GET"}"#,
        )
        .example("Filter([10, 20, 30], (i, _) => i > 0)", "[20, 30]")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let source = SourceArg::new(args.value(0)?);
        let predicate = args.lambda(1)?;
        Ok(Compiled::converter(move |ctx| {
            let source = source.read("Filter", ctx)?;
            match source.source {
                Source::List(_) => {
                    let mut kept = Vec::new();
                    for element in source.elements() {
                        if test("Filter", &predicate, ctx, &element)? {
                            kept.push(element.value.clone());
                        }
                    }
                    Ok(Value::List(Cow::Owned(kept)))
                }
                Source::Map(_) => {
                    let mut kept = Map::new();
                    for element in source.elements() {
                        if test("Filter", &predicate, ctx, &element)?
                            && let Key::Key(name) = element.key
                        {
                            kept.insert(name.clone(), element.value.clone());
                        }
                    }
                    Ok(Value::Map(Cow::Owned(kept)))
                }
            }
        }))
    }
}
