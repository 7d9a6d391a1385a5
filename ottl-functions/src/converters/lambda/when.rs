//! `When(condition, trueValue, falseValue)`.

use ottl_core::RuntimeError;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::value::Value;

/// `When(condition, trueValue, falseValue)` — `trueValue` when the lambda `condition` gives
/// true, else `falseValue`; only the chosen value is evaluated.
pub struct When;

impl Function for When {
    fn signature(&self) -> Signature {
        Signature::converter("When", Kind::Any, "one of two values, chosen by a condition")
            .param("condition", ParamKind::Lambda(0))
            .param("true_value", ParamKind::Value(Kind::Any))
            .param("false_value", ParamKind::Value(Kind::Any))
            .example(r#"When(() => 1 > 0, "positive", "negative")"#, r#""positive""#)
            .example(r#"When(() => Len("abc") > 5, "long", "short")"#, r#""short""#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let condition = args.lambda(0)?;
        let when_true = args.getter(1)?;
        let when_false = args.getter(2)?;
        Ok(Compiled::converter(move |ctx| {
            match condition.call(ctx, [])? {
                Value::Bool(true) => when_true(ctx),
                Value::Bool(false) => when_false(ctx),
                other => Err(RuntimeError::function(
                    "When",
                    format!(
                        "error while evaluating lambda function: lambda expression must return a bool, got {}",
                        other.value_type().with_article()
                    ),
                )),
            }
        }))
    }
}
