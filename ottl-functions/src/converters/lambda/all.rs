//! `All(source, predicate)`.

use super::{SourceArg, test};
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::value::Value;

/// `All(source, predicate)` — whether `predicate` holds for every element of a list or map
/// (true for an empty one); stops at the first that fails.
pub struct All;

impl Function for All {
    fn signature(&self) -> Signature {
        Signature::converter(
            "All",
            Kind::Bool,
            "whether a predicate holds for every element of a list or map",
        )
        .param("source", ParamKind::Value(Kind::Any))
        .param("predicate", ParamKind::Lambda(2))
        .example(r#"All(["prod", "prod"], (_, v) => v == "prod")"#, "true")
        .example(r#"All({"http.a": 1, "b": 2}, (k, _) => HasPrefix(k, "http."))"#, "false")
        .example("All([], (_, v) => v > 0)", "true")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let source = SourceArg::new(args.value(0)?);
        let predicate = args.lambda(1)?;
        Ok(Compiled::converter(move |ctx| {
            let source = source.read("All", ctx)?;
            for element in source.elements() {
                if !test("All", &predicate, ctx, &element)? {
                    return Ok(Value::Bool(false));
                }
            }
            Ok(Value::Bool(true))
        }))
    }
}
