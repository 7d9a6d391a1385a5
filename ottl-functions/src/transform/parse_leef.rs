//! `ParseLEEF(target)`.

use super::failure;
use ottl_core::RuntimeError;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::model::{AnyValue, Map};
use ottl_core::value::Value;
use std::borrow::Cow;

const NAME: &str = "ParseLEEF";

/// `ParseLEEF(target)` — an IBM QRadar Log Event Extended Format message, 1.0 or 2.0 (after
/// any syslog prefix), as a map: `leef.version`, `leef.vendor`, `leef.product.name`,
/// `leef.product.version`, `leef.event.id` and `leef.attributes`, the `key=value` pairs split
/// by the message's delimiter (a tab unless LEEF 2.0 names one, as a character or `0x`-hex)
/// (log context).
pub struct ParseLeef;

impl Function for ParseLeef {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, Kind::Map, "parses a LEEF 1.0 or 2.0 message")
            .param("target", ParamKind::Value(Kind::String))
            .example(
                r#"ParseLEEF("LEEF:1.0|Microsoft|MSExchange|4.0 SP1|15345|src=10.50.1.1\tdst=2.10.20.20")["leef.attributes"]"#,
                r#"{"src": "10.50.1.1", "dst": "2.10.20.20"}"#,
            )
            .example(
                r#"ParseLEEF("LEEF:2.0|Lancope|StealthWatch|1.0|41|^|src=10.0.1.8^dst=10.0.0.5")["leef.attributes"]["dst"]"#,
                r#""10.0.0.5""#,
            )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::String>(0)?;
        Ok(Compiled::converter(move |ctx| {
            let text = target.eval(ctx)?;
            parse(&text).map(|map| Value::Map(Cow::Owned(map)))
        }))
    }
}

/// The map `ParseLEEF` returns for `text`.
pub(crate) fn parse(text: &str) -> Result<Map, RuntimeError> {
    if text.is_empty() {
        return Err(failure(NAME, "cannot parse empty LEEF message"));
    }
    let start = text
        .find("LEEF:")
        .ok_or_else(|| failure(NAME, "invalid LEEF message: 'LEEF:' not found"))?;
    let (version, remainder) = text[start..].split_once('|').ok_or_else(|| {
        failure(
            NAME,
            "invalid LEEF message: missing pipe delimiter in header",
        )
    })?;
    let version = &version["LEEF:".len()..];
    let (header, delimiter, attributes) = match version {
        "1.0" => {
            let parts: Vec<&str> = remainder.splitn(5, '|').collect();
            if parts.len() < 4 {
                return Err(failure(
                    NAME,
                    format!(
                        "invalid LEEF 1.0 header: expected at least 4 fields (vendor, product, version, eventID), got {}",
                        parts.len()
                    ),
                ));
            }
            (
                parts[..4].to_vec(),
                vec![b'\t'],
                parts.get(4).copied().unwrap_or(""),
            )
        }
        "2.0" => {
            let parts: Vec<&str> = remainder.splitn(6, '|').collect();
            if parts.len() < 4 {
                return Err(failure(
                    NAME,
                    format!(
                        "invalid LEEF 2.0 header: expected at least 4 fields (vendor, product, version, eventID), got {}",
                        parts.len()
                    ),
                ));
            }
            let header = parts[..4].to_vec();
            match parts.get(4) {
                None => (header, vec![b'\t'], ""),
                // No delimiter field: the fifth field is the first attribute.
                Some(spec) if spec.contains('=') => {
                    let attributes = remainder.splitn(5, '|').nth(4).unwrap_or("");
                    (header, vec![b'\t'], attributes)
                }
                Some(spec) => {
                    let delimiter = delimiter(spec).map_err(|message| {
                        failure(NAME, format!("invalid LEEF 2.0 delimiter: {message}"))
                    })?;
                    (header, delimiter, parts.get(5).copied().unwrap_or(""))
                }
            }
        }
        _ => {
            return Err(failure(
                NAME,
                format!("unsupported LEEF version: {version} (supported: 1.0, 2.0)"),
            ));
        }
    };
    let mut map = Map::with_capacity(6);
    map.insert("leef.version", AnyValue::from(version));
    for (key, value) in [
        "leef.vendor",
        "leef.product.name",
        "leef.product.version",
        "leef.event.id",
    ]
    .into_iter()
    .zip(header)
    {
        map.insert(key, AnyValue::from(value));
    }
    map.insert(
        "leef.attributes",
        AnyValue::KvList(parse_attributes(attributes, &delimiter)),
    );
    Ok(map)
}

/// The attribute delimiter a LEEF 2.0 header names: empty for a tab, one character, or one
/// byte in hex after `0x`.
fn delimiter(spec: &str) -> Result<Vec<u8>, String> {
    if spec.is_empty() {
        return Ok(vec![b'\t']);
    }
    if let Some(hex) = spec.strip_prefix("0x").or_else(|| spec.strip_prefix("0X")) {
        if hex.is_empty() {
            return Err("empty hex value".to_owned());
        }
        let decoded = decode_hex(hex)
            .ok_or_else(|| format!("invalid hex delimiter {spec:?}: encoding/hex: invalid byte"))?;
        if decoded.len() != 1 {
            return Err(format!(
                "hex delimiter must decode to a single byte, got {} bytes",
                decoded.len()
            ));
        }
        return Ok(decoded);
    }
    if spec.len() != 1 {
        return Err(format!(
            "delimiter must be a single character or 0x-prefixed hex value, got {spec:?}"
        ));
    }
    Ok(spec.as_bytes().to_vec())
}

fn decode_hex(hex: &str) -> Option<Vec<u8>> {
    if !hex.len().is_multiple_of(2) {
        return None;
    }
    hex.as_bytes()
        .chunks(2)
        .map(|pair| {
            let pair = std::str::from_utf8(pair).ok()?;
            u8::from_str_radix(pair, 16)
                .ok()
                .filter(|_| !pair.starts_with('+'))
        })
        .collect()
}

/// The `key=value` pairs between delimiters; pairs without `=` or with an empty key are
/// skipped, a repeated key keeps its last value. Spaces are kept.
fn parse_attributes(attributes: &str, delimiter: &[u8]) -> Map {
    let mut out = Map::new();
    if attributes.is_empty() {
        return out;
    }
    for pair in split_bytes(attributes.as_bytes(), delimiter) {
        let Some(eq) = pair.iter().position(|&b| b == b'=') else {
            continue;
        };
        if eq == 0 {
            continue;
        }
        let key = String::from_utf8_lossy(&pair[..eq]);
        let value = String::from_utf8_lossy(&pair[eq + 1..]);
        out.insert(key.as_ref(), AnyValue::Str(value.as_ref().into()));
    }
    out
}

/// `bytes` split at each occurrence of `delimiter` (a delimiter byte may fall inside a
/// multi-byte character, as in the reference, so this works on bytes).
fn split_bytes<'a>(bytes: &'a [u8], delimiter: &'a [u8]) -> impl Iterator<Item = &'a [u8]> {
    let mut rest = Some(bytes);
    std::iter::from_fn(move || {
        let current = rest?;
        match memchr::memmem::find(current, delimiter) {
            Some(at) => {
                rest = Some(&current[at + delimiter.len()..]);
                Some(&current[..at])
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attributes(text: &str) -> Vec<(String, String)> {
        let Ok(map) = parse(text) else {
            panic!("{text} parses");
        };
        let Some(AnyValue::KvList(attributes)) = map.get("leef.attributes") else {
            panic!("attributes");
        };
        attributes
            .iter()
            .map(|(k, v)| (k.to_string(), v.as_str().unwrap_or_default().to_owned()))
            .collect()
    }

    #[test]
    fn delimiters_of_leef_2() {
        let pair = |k: &str, v: &str| (k.to_owned(), v.to_owned());
        assert_eq!(
            attributes("LEEF:2.0|V|P|1|E|0x5e|a=1^b= 2 ^=x^y"),
            [pair("a", "1"), pair("b", " 2 ")]
        );
        assert_eq!(
            attributes("LEEF:2.0|V|P|1|E|a=1|b\tc=2"),
            [pair("a", "1|b"), pair("c", "2")]
        );
        assert!(attributes("LEEF:2.0|V|P|1|E").is_empty());
        assert!(parse("LEEF:2.0|V|P|1|E|0x5|a=1").is_err());
        assert!(parse("LEEF:2.0|V|P|1|E|ab|a=1").is_err());
        assert!(parse("LEEF:3.0|V|P|1|E|a=1").is_err());
    }
}
