//! `Decode(target, encoding)`.

use super::charset::Decoder;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature, ValueArg};
use ottl_core::value::Value;

/// `Decode(target, encoding)` — the text a string or bytes hold in `encoding`: a base64
/// variant (`base64`, `base64-raw`, `base64-url`, `base64-raw-url`) or a character set by its
/// IANA name or alias (`UTF-16`, `ISO-8859-1`, `windows-1252`, `Shift_JIS`, … any case), decoded
/// to UTF-8. A literal encoding is looked up once, when the statement compiles, and an unknown
/// one is an error then; one read from the record is looked up on each call.
pub struct Decode;

const NAME: &str = "Decode";

impl Function for Decode {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, Kind::String, "text decoded from base64 or a character set")
            .param("target", ParamKind::Value(Kind::Any))
            .param("encoding", ParamKind::Value(Kind::String))
            .example(r#"Decode("aGVsbG8gd29ybGQ=", "base64")"#, r#""hello world""#)
            .example(r#"Decode("R28_L1p-eA", "base64-raw-url")"#, r#""Go?/Z~x""#)
            .example(r#"Decode(0x74006500730074002100, "UTF-16")"#, r#""test!""#)
            .example(r#"Decode(0x636166e9, "ISO-8859-1")"#, r#""café""#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.value(0)?;
        if let ValueArg::Constant(value) = &target
            && !matches!(value, Value::Str(_) | Value::Bytes(_))
        {
            args.warn(
                0,
                format!(
                    "Decode takes a string or bytes, not {}",
                    value.value_type().with_article()
                ),
                "pass a string or bytes",
            );
        }
        let encoding = args.get::<get::String>(1)?;
        if let Some(name) = encoding.constant() {
            let decoder = Decoder::lookup(&name).map_err(|unknown| {
                args.invalid(
                    1,
                    unknown.message(&name),
                    r#"write a base64 variant such as "base64", or a character set such as "UTF-8", "UTF-16" or "ISO-8859-1""#,
                )
            })?;
            return Ok(Compiled::converter(move |ctx| {
                decoder.decode(target.value(ctx)?).map_err(failure)
            }));
        }
        Ok(Compiled::converter(move |ctx| {
            let value = target.value(ctx)?;
            let name = encoding.eval(ctx)?;
            let decoder = Decoder::lookup(&name).map_err(|unknown| failure(unknown.message(&name)))?;
            decoder.decode(value).map_err(failure)
        }))
    }
}

fn failure(message: String) -> ottl_core::RuntimeError {
    ottl_core::RuntimeError::function(NAME, message)
}
