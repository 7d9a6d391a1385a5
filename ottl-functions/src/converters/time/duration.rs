//! `Duration(duration)`.

use super::go_duration;
use ottl_core::RuntimeErrorKind;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature, get};
use ottl_core::value::Value;

/// `Duration(duration)` — a duration from Go's syntax: `1h2m3.5s`, `-1.5us`, `300ms`.
pub struct Duration;

const NAME: &str = "Duration";

impl Function for Duration {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, Kind::Duration, "a duration from Go's syntax (`1h2m3.5s`)")
            .param("duration", ParamKind::Value(Kind::String))
            .example(r#"Nanoseconds(Duration("3s"))"#, "3000000000")
            .example(r#"Duration("1h2m3.5s")"#, r#"Duration("3723500ms")"#)
            .example(r#"Nanoseconds(Duration("-1.5us"))"#, "-1500")
            .example(r#"Hours(Duration("1000000h"))"#, "1000000.0")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let text = args.get::<get::String>(0)?;
        Ok(Compiled::converter(move |ctx| {
            let text = text.eval(ctx)?;
            go_duration::parse(text.as_str())
                .map(Value::Duration)
                .map_err(|error| {
                    RuntimeErrorKind::Function {
                        function: NAME,
                        message: error.message(text.as_str()),
                    }
                    .into()
                })
        }))
    }
}
