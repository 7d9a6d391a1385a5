//! Encoding: text to and from base64 and other encodings.

crate::family! {}
