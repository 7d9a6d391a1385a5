//! Go's `time.ParseDuration`: an optional sign, then one or more `<number><unit>` with units
//! `ns`, `us`, `µs`, `μs`, `ms`, `s`, `m`, `h`; fractions allowed; `0` alone needs no unit.

/// Why a duration does not parse, worded as Go words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum DurationError {
    /// Not a duration at all (or out of range).
    Invalid,
    /// A number without a unit.
    MissingUnit,
    /// A unit Go does not know.
    UnknownUnit(String),
}

impl DurationError {
    /// The message, with the text that failed.
    pub(super) fn message(&self, text: &str) -> String {
        match self {
            DurationError::Invalid => format!("time: invalid duration {text:?}"),
            DurationError::MissingUnit => format!("time: missing unit in duration {text:?}"),
            DurationError::UnknownUnit(unit) => {
                format!("time: unknown unit {unit:?} in duration {text:?}")
            }
        }
    }
}

const LIMIT: u64 = 1 << 63;

fn unit(name: &str) -> Option<u64> {
    Some(match name {
        "ns" => 1,
        "us" | "µs" | "μs" => 1_000,
        "ms" => 1_000_000,
        "s" => 1_000_000_000,
        "m" => 60_000_000_000,
        "h" => 3_600_000_000_000,
        _ => return None,
    })
}

/// The leading digits as an integer, and the rest; `None` past 2^63.
fn leading_int(text: &str) -> Option<(u64, &str)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let mut value: u64 = 0;
    for digit in text[..digits].bytes() {
        if value > LIMIT / 10 {
            return None;
        }
        value = value * 10 + u64::from(digit - b'0');
        if value > LIMIT {
            return None;
        }
    }
    Some((value, &text[digits..]))
}

/// The leading digits as a fraction `value / scale` (digits past precision are dropped), and
/// the rest.
fn leading_fraction(text: &str) -> (u64, f64, &str) {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let (mut value, mut scale, mut overflow) = (0u64, 1.0f64, false);
    for digit in text[..digits].bytes() {
        if overflow {
            continue;
        }
        if value > (LIMIT - 1) / 10 {
            overflow = true;
            continue;
        }
        let next = value * 10 + u64::from(digit - b'0');
        if next > LIMIT {
            overflow = true;
            continue;
        }
        value = next;
        scale *= 10.0;
    }
    (value, scale, &text[digits..])
}

/// Parses `text` to nanoseconds.
pub(super) fn parse(text: &str) -> Result<i64, DurationError> {
    let (negative, mut rest) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if rest == "0" {
        return Ok(0);
    }
    if rest.is_empty() {
        return Err(DurationError::Invalid);
    }
    let mut total: u64 = 0;
    while !rest.is_empty() {
        if !rest.starts_with(|c: char| c == '.' || c.is_ascii_digit()) {
            return Err(DurationError::Invalid);
        }
        let before = rest.len();
        let (whole, after) = leading_int(rest).ok_or(DurationError::Invalid)?;
        rest = after;
        let has_whole = before != rest.len();
        let (mut fraction, mut scale, mut has_fraction) = (0, 1.0, false);
        if let Some(after_dot) = rest.strip_prefix('.') {
            let before = after_dot.len();
            (fraction, scale, rest) = leading_fraction(after_dot);
            has_fraction = before != rest.len();
        }
        if !has_whole && !has_fraction {
            return Err(DurationError::Invalid);
        }
        let unit_len = rest
            .find(|c: char| c == '.' || c.is_ascii_digit())
            .unwrap_or(rest.len());
        if unit_len == 0 {
            return Err(DurationError::MissingUnit);
        }
        let (name, after) = rest.split_at(unit_len);
        rest = after;
        let unit = unit(name).ok_or_else(|| DurationError::UnknownUnit(name.to_owned()))?;
        if whole > LIMIT / unit {
            return Err(DurationError::Invalid);
        }
        let mut value = whole * unit;
        if fraction > 0 {
            value += (fraction as f64 * (unit as f64 / scale)) as u64;
            if value > LIMIT {
                return Err(DurationError::Invalid);
            }
        }
        total += value;
        if total > LIMIT {
            return Err(DurationError::Invalid);
        }
    }
    if negative {
        return Ok((total as i64).wrapping_neg());
    }
    i64::try_from(total).map_err(|_| DurationError::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_go_durations() {
        assert_eq!(parse("1h2m3.5s"), Ok(3_723_500_000_000));
        assert_eq!(parse("-1.5us"), Ok(-1_500));
        assert_eq!(parse("+0"), Ok(0));
        assert_eq!(parse("1µs1μs1us"), Ok(3_000));
        assert_eq!(parse(".5s"), Ok(500_000_000));
        assert_eq!(parse("-9223372036854775808ns"), Ok(i64::MIN));
    }

    #[test]
    fn rejects_what_go_rejects() {
        assert_eq!(parse(""), Err(DurationError::Invalid));
        assert_eq!(
            parse("10h 20m"),
            Err(DurationError::UnknownUnit("h ".to_owned()))
        );
        assert_eq!(parse("3"), Err(DurationError::MissingUnit));
        assert_eq!(parse("3d"), Err(DurationError::UnknownUnit("d".to_owned())));
        assert_eq!(parse("."), Err(DurationError::Invalid));
        assert_eq!(parse("9223372036854775808ns"), Err(DurationError::Invalid));
        assert_eq!(parse("3000000h"), Err(DurationError::Invalid));
    }
}
