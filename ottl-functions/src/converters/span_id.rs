//! `SpanID(target)`.

use crate::convert::{self, Input};
use ottl_core::RuntimeErrorKind;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, ParamKind, Signature};
use ottl_core::model::SpanId;
use ottl_core::value::Value;

/// `SpanID(target)` — a span id from 8 bytes, or from 16 hex characters. A literal
/// argument is converted when the statement compiles.
pub struct SpanIdConverter;

const NAME: &str = "SpanID";

fn span_id(value: Value<'_>) -> Result<SpanId, String> {
    let bytes = convert::bytes_like(value)
        .map_err(|error| error.to_string())?
        .unwrap_or_default();
    convert::id_bytes::<8>(&bytes).map(SpanId)
}

impl Function for SpanIdConverter {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, "a span id from bytes or hex")
            .param("target", ParamKind::Value)
            .example(
                r#"SpanID("0102030405060708")"#,
                "SpanID(0x0102030405060708)",
            )
            .example(r#"SpanID("01020304")"#, "SpanID(0x3031303230333034)")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        match Input::at(&mut args, 0)? {
            Input::Constant(value) => match span_id(value) {
                Ok(id) => Ok(Compiled::converter(move |_| Ok(Value::SpanId(id)))),
                Err(message) => {
                    Err(args.invalid(0, message, "write 8 bytes (0x…) or 16 hex characters"))
                }
            },
            dynamic => Ok(Compiled::converter(move |ctx| {
                span_id(dynamic.get(ctx)?)
                    .map(Value::SpanId)
                    .map_err(|message| {
                        RuntimeErrorKind::Function {
                            function: NAME,
                            message,
                        }
                        .into()
                    })
            })),
        }
    }
}
