//! `Base64Encode(target, variant)`.

use super::base64_variant::Base64;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self, Typed};
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};

/// `Base64Encode(target, variant)` — a string's UTF-8 bytes in base64: `variant` is `base64`
/// (the default: standard alphabet, padded), `base64-raw` (no padding), `base64-url` (URL-safe
/// alphabet, padded) or `base64-raw-url`. Another variant fails when the call runs, as in the
/// reference; a literal one is reported, as a warning, when the statement compiles.
pub struct Base64Encode;

const NAME: &str = "Base64Encode";

impl Function for Base64Encode {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, Kind::String, "a string's bytes in base64")
            .param("target", ParamKind::Value(Kind::String))
            .optional("variant", ParamKind::Value(Kind::String))
            .example(r#"Base64Encode("test string")"#, r#""dGVzdCBzdHJpbmc=""#)
            .example(r#"Base64Encode("test string", "base64-raw")"#, r#""dGVzdCBzdHJpbmc""#)
            .example(r#"Base64Encode("<<???>>", "base64-url")"#, r#""PDw_Pz8-Pg==""#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::String>(0)?;
        let Some(variant) = args.optional::<get::String>(1)? else {
            return Ok(encode_with(target, Base64::Standard));
        };
        if let Some(name) = variant.constant() {
            return Ok(match Base64::from_name(&name) {
                Some(fixed) => encode_with(target, fixed),
                None => {
                    args.warn(1, unsupported(&name), HELP);
                    Compiled::converter(move |ctx| {
                        target.eval(ctx)?;
                        Err(failure(unsupported(&variant.eval(ctx)?)))
                    })
                }
            });
        }
        Ok(Compiled::converter(move |ctx| {
            let text = target.eval(ctx)?;
            let name = variant.eval(ctx)?;
            let variant = Base64::from_name(&name).ok_or_else(|| failure(unsupported(&name)))?;
            Ok(variant.encode(text.as_bytes()))
        }))
    }
}

const HELP: &str = r#"write "base64", "base64-raw", "base64-url" or "base64-raw-url""#;

fn encode_with(target: Typed<get::String>, variant: Base64) -> Compiled {
    Compiled::converter(move |ctx| Ok(variant.encode(target.eval(ctx)?.as_bytes())))
}

fn unsupported(name: &str) -> String {
    format!("unsupported base64 variant: {name}")
}

fn failure(message: String) -> ottl_core::RuntimeError {
    ottl_core::RuntimeError::function(NAME, message)
}
