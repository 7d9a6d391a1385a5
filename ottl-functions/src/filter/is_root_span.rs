//! `IsRootSpan()`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, Signature};
use ottl_core::value::Value;

/// `IsRootSpan()` — whether the span has no parent (span context, filter conditions).
pub struct IsRootSpan;

impl Function for IsRootSpan {
    fn signature(&self) -> Signature {
        Signature::converter(
            "IsRootSpan",
            Kind::Bool,
            "whether the span has no parent span id",
        )
        .example("IsRootSpan()", "true")
    }

    fn compile(&self, _args: Args) -> Result<Compiled, Diagnostic> {
        Ok(Compiled::converter(|ctx| {
            Ok(Value::Bool(ctx.span_record()?.parent_span_id.is_empty()))
        }))
    }
}
