//! Go's `strconv.ParseInt(text, base, 64)`, which `ParseInt` applies as it is.

use std::fmt;

/// Why a string is not an int in a base, worded as Go words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum IntError {
    /// Not digits of the base (with Go's sign, prefixes and underscores).
    Syntax,
    /// Digits of a number outside the 64-bit range.
    Range,
    /// A base other than 0 or 2 to 36.
    Base,
}

impl IntError {
    /// The error as Go's `strconv.NumError` prints it.
    pub(super) fn describe(self, text: &str, base: i64) -> impl fmt::Display + '_ {
        struct Describe<'t>(IntError, &'t str, i64);
        impl fmt::Display for Describe<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let Describe(error, text, base) = *self;
                write!(f, "strconv.ParseInt: parsing {text:?}: ")?;
                match error {
                    IntError::Syntax => f.write_str("invalid syntax"),
                    IntError::Range => f.write_str("value out of range"),
                    IntError::Base => write!(f, "invalid base {base}"),
                }
            }
        }
        Describe(self, text, base)
    }
}

/// Reads `text` in `base` as Go's `strconv.ParseInt(text, base, 64)` does: an optional sign;
/// base 0 takes the base from a prefix (`0b`, `0o` or a bare `0`, `0x`; else 10) and allows `_`
/// between digits; letters are digits from 10 up, in either case.
pub(super) fn parse(text: &str, base: i64) -> Result<i64, IntError> {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'+') => (false, &text[1..]),
        Some(b'-') => (true, &text[1..]),
        _ => (false, text),
    };
    let magnitude = parse_unsigned(digits, base)?;
    let limit = 1u64 << 63;
    match (negative, magnitude) {
        (false, m) if m >= limit => Err(IntError::Range),
        (true, m) if m > limit => Err(IntError::Range),
        // `wrapping_neg` maps 2^63 to i64::MIN, the one magnitude whose negation fits.
        (true, m) => Ok((m as i64).wrapping_neg()),
        (false, m) => Ok(m as i64),
    }
}

/// Go's `strconv.ParseUint(text, base, 64)`, stopping at the first digit that overflows.
fn parse_unsigned(text: &str, base: i64) -> Result<u64, IntError> {
    let bytes = text.as_bytes();
    if bytes.is_empty() {
        return Err(IntError::Syntax);
    }
    let with_prefix = base == 0;
    let (base, digits) = match base {
        2..=36 => (base as u64, bytes),
        0 => match bytes {
            [b'0', mark, _, ..] if mark.eq_ignore_ascii_case(&b'b') => (2, &bytes[2..]),
            [b'0', mark, _, ..] if mark.eq_ignore_ascii_case(&b'o') => (8, &bytes[2..]),
            [b'0', mark, _, ..] if mark.eq_ignore_ascii_case(&b'x') => (16, &bytes[2..]),
            [b'0', ..] => (8, &bytes[1..]),
            _ => (10, bytes),
        },
        _ => return Err(IntError::Base),
    };
    let mut underscores = false;
    let mut value: u64 = 0;
    for &byte in digits {
        let digit = match byte {
            b'_' if with_prefix => {
                underscores = true;
                continue;
            }
            b'0'..=b'9' => u64::from(byte - b'0'),
            b'a'..=b'z' | b'A'..=b'Z' => u64::from(byte.to_ascii_lowercase() - b'a') + 10,
            _ => return Err(IntError::Syntax),
        };
        if digit >= base {
            return Err(IntError::Syntax);
        }
        value = value
            .checked_mul(base)
            .and_then(|v| v.checked_add(digit))
            .ok_or(IntError::Range)?;
    }
    if underscores && !underscores_ok(bytes) {
        return Err(IntError::Syntax);
    }
    Ok(value)
}

/// Go's rule for `_` in an integer: only between digits, or between a base prefix and a digit.
fn underscores_ok(bytes: &[u8]) -> bool {
    let (mut after_digit, mut after_underscore) = (false, false);
    let mut rest = bytes;
    if let [b'0', mark, tail @ ..] = bytes
        && matches!(mark.to_ascii_lowercase(), b'b' | b'o' | b'x')
    {
        after_digit = true; // the prefix counts as a digit
        rest = tail;
    }
    for &byte in rest {
        if byte == b'_' {
            if !after_digit {
                return false;
            }
            (after_digit, after_underscore) = (false, true);
        } else {
            // Every other byte here is a digit: anything else was a syntax error already.
            (after_digit, after_underscore) = (true, false);
        }
    }
    !after_underscore
}

#[cfg(test)]
mod tests {
    use super::{IntError, parse};

    /// Go's own results (`go1.27 strconv.ParseInt(s, base, 64)`).
    const GO: &[(&str, i64, Result<i64, IntError>)] = &[
        ("0b1111_0000", 0, Ok(240)),
        ("-0xFF", 0, Ok(-255)),
        ("-0o123", 0, Ok(-83)),
        ("0123", 0, Ok(83)),
        ("AA", 16, Ok(170)),
        ("-20", 8, Ok(-16)),
        ("1_000", 0, Ok(1000)),
        ("9223372036854775807", 10, Ok(i64::MAX)),
        ("-9223372036854775808", 10, Ok(i64::MIN)),
        ("zz", 36, Ok(1295)),
        ("ZZ", 36, Ok(1295)),
        ("0x_1", 0, Ok(1)),
        ("0", 0, Ok(0)),
        ("00", 0, Ok(0)),
        ("0_7", 0, Ok(7)),
        ("0X1F", 0, Ok(31)),
        ("0B1", 0, Ok(1)),
        ("0O7", 0, Ok(7)),
        ("+0x10", 0, Ok(16)),
        ("0b_1", 0, Ok(1)),
        ("0_1", 0, Ok(1)),
        ("1_000", 10, Err(IntError::Syntax)),
        ("9223372036854775808", 10, Err(IntError::Range)),
        ("-9223372036854775809", 10, Err(IntError::Range)),
        ("12", 1, Err(IntError::Base)),
        ("12", 37, Err(IntError::Base)),
        ("0x", 0, Err(IntError::Syntax)),
        ("0_x1", 0, Err(IntError::Syntax)),
        ("_1", 0, Err(IntError::Syntax)),
        ("1_", 0, Err(IntError::Syntax)),
        ("1__0", 0, Err(IntError::Syntax)),
        ("+", 10, Err(IntError::Syntax)),
        ("-", 10, Err(IntError::Syntax)),
        ("+-1", 10, Err(IntError::Syntax)),
        ("0b", 0, Err(IntError::Syntax)),
        ("0b2", 0, Err(IntError::Syntax)),
        ("08", 0, Err(IntError::Syntax)),
        ("0o", 0, Err(IntError::Syntax)),
        ("0x1F", 16, Err(IntError::Syntax)),
        ("99999999999999999999999", 10, Err(IntError::Range)),
        ("-99999999999999999999999", 10, Err(IntError::Range)),
        ("9999999999999999999999x", 10, Err(IntError::Range)),
        ("ffffffffffffffffff", 16, Err(IntError::Range)),
        (" 1", 10, Err(IntError::Syntax)),
        ("1a", 10, Err(IntError::Syntax)),
        ("٣", 10, Err(IntError::Syntax)),
        ("0_", 0, Err(IntError::Syntax)),
        ("0x_", 0, Err(IntError::Syntax)),
        ("12", 2, Err(IntError::Syntax)),
    ];

    #[test]
    fn parses_as_go_strconv_parse_int_does() {
        for (text, base, want) in GO {
            assert_eq!(parse(text, *base), *want, "{text:?} in base {base}");
        }
    }

    #[test]
    fn errors_read_as_go_writes_them() {
        let error = parse("zz", 10).unwrap_err();
        assert_eq!(
            error.describe("zz", 10).to_string(),
            r#"strconv.ParseInt: parsing "zz": invalid syntax"#
        );
    }
}
