//! [`Str`], the one string type of the record model.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

use smol_str::SmolStr;

/// An immutable string that is cheap to clone.
///
/// Strings of up to 23 bytes are stored inline (no heap allocation); longer ones are shared
/// behind a reference count, so cloning never copies the characters. Setting a constant such as
/// `"prod"` into a million records therefore costs a million 24-byte copies, not a million heap
/// allocations. The measurements behind this choice are in `docs/ARCHITECTURE.md`
/// ("Model and OTLP/JSON").
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Str(SmolStr);

impl Str {
    /// A string known at compile time; never allocates.
    pub const fn new_static(text: &'static str) -> Self {
        Self(SmolStr::new_static(text))
    }

    /// The characters as a `&str`.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// Whether the string has no characters.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Deref for Str {
    type Target = str;

    fn deref(&self) -> &str {
        self.0.as_str()
    }
}

impl AsRef<str> for Str {
    fn as_ref(&self) -> &str {
        self.0.as_str()
    }
}

impl Borrow<str> for Str {
    fn borrow(&self) -> &str {
        self.0.as_str()
    }
}

impl From<&str> for Str {
    fn from(text: &str) -> Self {
        // `SmolStr::new` is an out-of-line call whose result is copied back through memory;
        // `new_inline` builds short strings in place (the common case for keys and values).
        if text.len() <= SmolStr::INLINE_CAP {
            Self(SmolStr::new_inline(text))
        } else {
            Self(SmolStr::new(text))
        }
    }
}

impl From<String> for Str {
    fn from(text: String) -> Self {
        Self(SmolStr::from(text))
    }
}

impl From<&String> for Str {
    fn from(text: &String) -> Self {
        Self(SmolStr::new(text))
    }
}

impl From<Str> for String {
    fn from(text: Str) -> Self {
        text.0.into()
    }
}

impl PartialEq<str> for Str {
    fn eq(&self, other: &str) -> bool {
        self.0.as_str() == other
    }
}

impl PartialEq<&str> for Str {
    fn eq(&self, other: &&str) -> bool {
        self.0.as_str() == *other
    }
}

impl fmt::Debug for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.0.as_str(), f)
    }
}

impl fmt::Display for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_strings_compare_by_content() {
        let long = "x".repeat(100);
        assert_eq!(Str::from(long.as_str()), Str::from(long.clone()));
        assert_eq!(Str::new_static("prod"), "prod");
        assert_eq!(String::from(Str::from("a")), "a");
    }
}
