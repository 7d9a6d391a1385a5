//! `Any(source, predicate)`.

use super::{SourceArg, test};
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::value::Value;

/// `Any(source, predicate)` — whether `predicate` holds for at least one element of a list or
/// map (false for an empty one); stops at the first that holds.
pub struct Any;

impl Function for Any {
    fn signature(&self) -> Signature {
        Signature::converter(
            "Any",
            Kind::Bool,
            "whether a predicate holds for some element of a list or map",
        )
        .param("source", ParamKind::Value(Kind::Any))
        .param("predicate", ParamKind::Lambda(2))
        .example(r#"Any(["dev", "prod"], (_, v) => v == "prod")"#, "true")
        .example(r#"Any({"a": 1, "b": 2}, (k, _) => HasPrefix(k, "http."))"#, "false")
        .example("Any([], (_, v) => v > 0)", "false")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let source = SourceArg::new(args.value(0)?);
        let predicate = args.lambda(1)?;
        Ok(Compiled::converter(move |ctx| {
            let source = source.read("Any", ctx)?;
            for element in source.elements() {
                if test("Any", &predicate, ctx, &element)? {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }))
    }
}
