//! The four base64 variants `Base64Encode` writes and `Decode` reads, as Go's
//! `encoding/base64` encodings: `base64` (`StdEncoding`), `base64-raw` (`RawStdEncoding`),
//! `base64-url` (`URLEncoding`), `base64-raw-url` (`RawURLEncoding`).
//!
//! Go's decoders skip `\r` and `\n` anywhere in the input, accept non-zero bits after the last
//! character, and want exactly the padding the variant has (none for the raw ones); the
//! engines below are configured to agree, and line breaks are removed before decoding.

use base64::Engine as _;
use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use ottl_core::value::Value;
use std::borrow::Cow;

/// A base64 variant, by the name the reference gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Base64 {
    /// `base64`: standard alphabet, padded.
    Standard,
    /// `base64-raw`: standard alphabet, no padding.
    Raw,
    /// `base64-url`: URL-safe alphabet, padded.
    Url,
    /// `base64-raw-url`: URL-safe alphabet, no padding.
    RawUrl,
}

/// Outputs up to this long (a 1 KiB text's base64 included) are built on the stack and copied
/// once into the string value; longer ones cost one more allocation.
const STACK: usize = 2048;

const fn engine(alphabet: &alphabet::Alphabet, padded: bool) -> GeneralPurpose {
    let config = GeneralPurposeConfig::new()
        .with_encode_padding(padded)
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(if padded {
            DecodePaddingMode::RequireCanonical
        } else {
            DecodePaddingMode::RequireNone
        });
    GeneralPurpose::new(alphabet, config)
}

const STANDARD: GeneralPurpose = engine(&alphabet::STANDARD, true);
const RAW: GeneralPurpose = engine(&alphabet::STANDARD, false);
const URL: GeneralPurpose = engine(&alphabet::URL_SAFE, true);
const RAW_URL: GeneralPurpose = engine(&alphabet::URL_SAFE, false);

impl Base64 {
    /// The variant named `name` (exactly: names are case-sensitive, as in the reference).
    pub(super) fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "base64" => Self::Standard,
            "base64-raw" => Self::Raw,
            "base64-url" => Self::Url,
            "base64-raw-url" => Self::RawUrl,
            _ => return None,
        })
    }

    fn engine(self) -> &'static GeneralPurpose {
        match self {
            Self::Standard => &STANDARD,
            Self::Raw => &RAW,
            Self::Url => &URL,
            Self::RawUrl => &RAW_URL,
        }
    }

    /// `bytes` encoded, as a string value.
    pub(super) fn encode(self, bytes: &[u8]) -> Value<'static> {
        let mut buffer = [0u8; STACK];
        match self.engine().encode_slice(bytes, &mut buffer) {
            // Base64 is ASCII, so the slice is UTF-8.
            Ok(written) => {
                Value::string(std::str::from_utf8(&buffer[..written]).unwrap_or_default())
            }
            Err(_) => Value::string(self.engine().encode(bytes)),
        }
    }

    /// `text` decoded, as a string value; invalid UTF-8 in the result becomes U+FFFD (the
    /// reference keeps the bytes, which a string here cannot hold).
    pub(super) fn decode(self, text: &[u8]) -> Result<Value<'static>, String> {
        let text: Cow<'_, [u8]> = if text.iter().any(|&b| b == b'\r' || b == b'\n') {
            Cow::Owned(
                text.iter()
                    .copied()
                    .filter(|&b| b != b'\r' && b != b'\n')
                    .collect(),
            )
        } else {
            Cow::Borrowed(text)
        };
        let mut buffer = [0u8; STACK];
        if base64::decoded_len_estimate(text.len()) <= STACK {
            let written = self
                .engine()
                .decode_slice(&text, &mut buffer)
                .map_err(message)?;
            return Ok(string_value(&buffer[..written]));
        }
        let bytes = self
            .engine()
            .decode(&text)
            .map_err(|error| message(base64::DecodeSliceError::DecodeError(error)))?;
        Ok(match String::from_utf8(bytes) {
            Ok(text) => Value::string(text),
            Err(error) => string_value(error.as_bytes()),
        })
    }
}

/// `bytes` as a string value, invalid UTF-8 replaced.
pub(super) fn string_value(bytes: &[u8]) -> Value<'static> {
    Value::string(&*String::from_utf8_lossy(bytes))
}

/// The reference's message for input that is not base64 (its byte offsets count the line
/// breaks it skipped; these do not).
fn message(error: base64::DecodeSliceError) -> String {
    use base64::{DecodeError, DecodeSliceError};
    match error {
        DecodeSliceError::DecodeError(
            DecodeError::InvalidByte(offset, _) | DecodeError::InvalidLastSymbol(offset, _),
        ) => format!("could not decode: illegal base64 data at input byte {offset}"),
        other => format!("could not decode: illegal base64 data ({other})"),
    }
}

#[cfg(test)]
mod tests {
    use super::Base64;
    use ottl_core::value::Value;

    fn decoded(variant: Base64, text: &str) -> Result<String, String> {
        variant.decode(text.as_bytes()).map(|value| match value {
            Value::Str(text) => text.to_string(),
            other => panic!("{other:?}"),
        })
    }

    #[test]
    fn decoding_skips_line_breaks_and_accepts_trailing_bits_as_go_does() {
        assert_eq!(
            decoded(Base64::Standard, "aGVs\nbG8=\r\n"),
            Ok("hello".into())
        );
        assert_eq!(decoded(Base64::Standard, "aGVsbG9="), Ok("hello".into()));
        assert_eq!(decoded(Base64::Standard, "aGVsbA=\n="), Ok("hell".into()));
    }

    #[test]
    fn padding_is_required_or_refused_by_variant() {
        assert!(decoded(Base64::Standard, "aGVsbG8").is_err());
        assert!(decoded(Base64::Raw, "aGVsbG8=").is_err());
        assert_eq!(decoded(Base64::Raw, "aGVsbG8"), Ok("hello".into()));
        assert_eq!(decoded(Base64::RawUrl, "R28_L1p-eA"), Ok("Go?/Z~x".into()));
        assert!(decoded(Base64::Standard, " aGVsbG8=").is_err());
    }

    #[test]
    fn long_inputs_round_trip() {
        let text = "0123456789abcdef".repeat(200);
        for variant in [Base64::Standard, Base64::Raw, Base64::Url, Base64::RawUrl] {
            let Value::Str(encoded) = variant.encode(text.as_bytes()) else {
                panic!("base64 is a string")
            };
            assert_eq!(decoded(variant, &encoded), Ok(text.clone()));
        }
    }
}
