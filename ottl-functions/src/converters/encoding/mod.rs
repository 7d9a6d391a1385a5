//! Encoding: text to and from base64 and other encodings.

mod base64_variant;
mod charset;

crate::family! {
    base64_encode => Base64Encode,
    decode => Decode,
}
