//! `Coalesce(values)`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::value::Value;

/// `Coalesce(values)` — the first of `values` that is not nil, evaluated left to right and
/// only as far as needed; nil when all are. `""`, `0` and `false` are values, not nil.
pub struct Coalesce;

impl Function for Coalesce {
    fn signature(&self) -> Signature {
        Signature::converter("Coalesce", Kind::Any, "the first value that is not nil")
            .param("values", ParamKind::Values(Kind::Any))
            .example(r#"Coalesce([nil, "fallback"])"#, r#""fallback""#)
            .example(r#"Coalesce([nil, 0, 1])"#, "0")
            .example(r#"Coalesce([nil, nil])"#, "nil")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let values = args.values(0)?;
        if values.is_empty() {
            return Err(args.invalid(
                0,
                "Coalesce needs at least one value",
                r#"list the values to try in order, e.g. `Coalesce([attributes["user.id"], "unknown"])`"#,
            ));
        }
        Ok(Compiled::converter(move |ctx| {
            for item in &values {
                let value = item.value(ctx)?;
                if !matches!(value, Value::Nil) {
                    return Ok(value);
                }
            }
            Ok(Value::Nil)
        }))
    }
}
