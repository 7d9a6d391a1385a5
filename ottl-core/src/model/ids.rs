//! Trace and span identifiers.

use std::fmt;

/// A 16-byte trace id; all zero means "not set" (and is omitted from OTLP/JSON).
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TraceId(pub [u8; 16]);

/// An 8-byte span id; all zero means "not set" (and is omitted from OTLP/JSON).
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SpanId(pub [u8; 8]);

macro_rules! id_impls {
    ($name:ident) => {
        impl $name {
            /// Whether every byte is zero (the id is not set).
            pub fn is_empty(&self) -> bool {
                self.0.iter().all(|&b| b == 0)
            }
        }

        impl fmt::Display for $name {
            /// Lowercase hex, as OTLP/JSON writes it.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({self})", stringify!($name))
            }
        }
    };
}

id_impls!(TraceId);
id_impls!(SpanId);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_display_as_lowercase_hex() {
        let id = SpanId([0xee, 0xe1, 0x9b, 0x7e, 0xc3, 0xc1, 0xb1, 0x74]);
        assert_eq!(id.to_string(), "eee19b7ec3c1b174");
        assert!(TraceId::default().is_empty());
        assert!(!id.is_empty());
    }
}
