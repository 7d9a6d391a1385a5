//! `TraceID(target)`.

use crate::convert;
use ottl_core::RuntimeErrorKind;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self, Coerce as _};
use ottl_core::function::{Kind, ValueArg, Args, Compiled, Function, ParamKind, Signature};
use ottl_core::model::TraceId;
use ottl_core::value::Value;

/// `TraceID(target)` — a trace id from 16 bytes, or from 32 hex characters. A literal
/// argument is converted when the statement compiles.
pub struct TraceIdConverter;

const NAME: &str = "TraceID";

fn trace_id(value: Value<'_>) -> Result<TraceId, String> {
    let bytes = get::BytesLike::coerce(value)
        .map_err(|error| error.to_string())?
        .unwrap_or_default();
    convert::id_bytes::<16>(&bytes).map(TraceId)
}

impl Function for TraceIdConverter {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, Kind::Bytes, "a trace id from bytes or hex")
            .param("target", ParamKind::Like(Kind::Bytes))
            .example(
                r#"TraceID("a389023abaa839283293ed323892389d")"#,
                "TraceID(0xa389023abaa839283293ed323892389d)",
            )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        match args.value(0)? {
            ValueArg::Constant(value) => match trace_id(value) {
                Ok(id) => Ok(Compiled::converter(move |_| Ok(Value::TraceId(id)))),
                Err(message) => {
                    Err(args.invalid(0, message, "write 16 bytes (0x…) or 32 hex characters"))
                }
            },
            dynamic => Ok(Compiled::converter(move |ctx| {
                trace_id(dynamic.get(ctx)?)
                    .map(Value::TraceId)
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
