//! `SpanID(target)`.

use crate::convert;
use ottl_core::RuntimeErrorKind;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self, Coerce as _};
use ottl_core::function::{Kind, ValueArg, Args, Compiled, Function, ParamKind, Signature};
use ottl_core::model::SpanId;
use ottl_core::value::Value;

/// `SpanID(target)` — a span id from 8 bytes, or from 16 hex characters. A literal
/// argument is converted when the statement compiles.
pub struct SpanIdConverter;

const NAME: &str = "SpanID";

fn span_id(value: Value<'_>) -> Result<SpanId, String> {
    let bytes = get::BytesLike::coerce(value)
        .map_err(|error| error.to_string())?
        .unwrap_or_default();
    convert::id_bytes::<8>(&bytes).map(SpanId)
}

impl Function for SpanIdConverter {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, Kind::Bytes, "a span id from bytes or hex")
            .param("target", ParamKind::Like(Kind::Bytes))
            .example(
                r#"SpanID("0102030405060708")"#,
                "SpanID(0x0102030405060708)",
            )
            .example(r#"SpanID("01020304")"#, "SpanID(0x3031303230333034)")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        match args.value(0)? {
            ValueArg::Constant(value) => match span_id(value) {
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
