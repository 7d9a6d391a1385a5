//! `Find(source, predicate, mapper)`.

use super::{SourceArg, test};
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::value::Value;

/// `Find(source, predicate, [mapper])` — the value of the first element of a list or map for
/// which `predicate` holds, or `mapper(key, value)` of it; nil when none does.
pub struct Find;

impl Function for Find {
    fn signature(&self) -> Signature {
        Signature::converter(
            "Find",
            Kind::Any,
            "the first element of a list or map for which a predicate holds",
        )
        .param("source", ParamKind::Value(Kind::Any))
        .param("predicate", ParamKind::Lambda(2))
        .optional("mapper", ParamKind::Lambda(2))
        .example(r#"Find(["dev", "prod"], (_, v) => v == "prod")"#, r#""prod""#)
        .example(
            r#"Find({"env": "prod", "tier": "web"}, (_, v) => v == "prod", (k, _) => k)"#,
            r#""env""#,
        )
        .example(r#"Find(["dev"], (_, v) => v == "prod")"#, "nil")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let source = SourceArg::new(args.value(0)?);
        let predicate = args.lambda(1)?;
        let mapper = args.optional_lambda(2)?;
        Ok(Compiled::converter(move |ctx| {
            let source = source.read("Find", ctx)?;
            for element in source.elements() {
                if !test("Find", &predicate, ctx, &element)? {
                    continue;
                }
                return match &mapper {
                    None => Ok(Value::from_any(element.value).into_owned()),
                    Some(mapper) => mapper
                        .call(ctx, element.pair(mapper))
                        .map(Value::into_owned)
                        .map_err(|error| element.key.wrap("Find", &error)),
                };
            }
            Ok(Value::Nil)
        }))
    }
}
