//! Go's `strconv.ParseFloat(text, 64)`, which the reference's `FloatLikeGetter` applies to
//! strings: decimal and hex-float forms (`0x1.8p3`), `_` between digits, `inf`/`infinity`/`nan`
//! in any case, and a range error where a finite form rounds past the largest double.
//!
//! Decimal digits are handed to Rust's parser (correctly rounded, as Go's is) once the form is
//! known to be one Go accepts; hex floats are rounded here, to nearest even, as Go rounds them.

/// Why a string is not a double.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FloatError {
    /// Not a form Go reads as a float.
    Syntax,
    /// A well-formed finite number beyond the largest double.
    Range,
}

/// The NaN Go's parser returns (`math.NaN()`: quiet, payload 1), so its bits read back the same.
const GO_NAN: u64 = 0x7ff8_0000_0000_0001;

/// Reads `text` as Go's `strconv.ParseFloat(text, 64)` does.
pub fn parse(text: &str) -> Result<f64, FloatError> {
    if let Some(special) = special(text) {
        return special;
    }
    let form = scan(text.as_bytes()).ok_or(FloatError::Syntax)?;
    if form.underscores && !underscores_ok(text.as_bytes()) {
        return Err(FloatError::Syntax);
    }
    let number = match form.hex {
        Some(hex) => hex_float(hex, form.negative)?,
        None if form.underscores => decimal(&text.replace('_', ""))?,
        None => decimal(text)?,
    };
    Ok(number)
}

/// `inf`, `infinity` (signed or not) and `nan` (unsigned), in any case: the whole text or a
/// syntax error; `None` when the text does not start like one of them.
fn special(text: &str) -> Option<Result<f64, FloatError>> {
    let (negative, signed, rest) = match text.as_bytes().first() {
        Some(b'-') => (true, true, &text[1..]),
        Some(b'+') => (false, true, &text[1..]),
        _ => (false, false, text),
    };
    let starts = |word: &str| {
        rest.len() >= word.len()
            && rest.as_bytes()[..word.len()].eq_ignore_ascii_case(word.as_bytes())
    };
    let (value, length) = if starts("infinity") {
        (f64::INFINITY, 8)
    } else if starts("inf") {
        (f64::INFINITY, 3)
    } else if !signed && starts("nan") {
        (f64::from_bits(GO_NAN), 3)
    } else {
        return None;
    };
    Some(if rest.len() != length {
        Err(FloatError::Syntax)
    } else if negative {
        Ok(-value)
    } else {
        Ok(value)
    })
}

/// What [`scan`] learns of a well-formed number.
struct Form {
    negative: bool,
    underscores: bool,
    /// For a hex float, its significant digits and binary exponent.
    hex: Option<HexDigits>,
}

/// A hex float's first 16 significant digits, whether any later digit was not zero, and the
/// power of two that scales them.
struct HexDigits {
    mantissa: u64,
    exponent: i64,
    truncated: bool,
}

/// Checks the grammar Go's `readFloat` accepts for the whole of `bytes`: sign, digits with
/// at most one `.`, then an exponent (`e` for decimal, required `p` for hex).
fn scan(bytes: &[u8]) -> Option<Form> {
    let mut i = 0;
    let negative = bytes.first() == Some(&b'-');
    if matches!(bytes.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let hex = bytes.len() > i + 2 && bytes[i] == b'0' && bytes[i + 1].eq_ignore_ascii_case(&b'x');
    if hex {
        i += 2;
    }
    let base: u32 = if hex { 16 } else { 10 };
    let mut underscores = false;
    let mut saw_dot = false;
    let mut saw_digits = false;
    // Significant digits seen, digits kept in the mantissa, and where the point is (in
    // digits from the first significant one).
    let (mut digits, mut kept, mut point) = (0i64, 0i64, 0i64);
    let (mut mantissa, mut truncated) = (0u64, false);
    while let Some(&byte) = bytes.get(i) {
        if byte == b'_' {
            underscores = true;
        } else if byte == b'.' {
            if saw_dot {
                break;
            }
            saw_dot = true;
            point = digits;
        } else if let Some(digit) = char::from(byte).to_digit(base) {
            saw_digits = true;
            if digit == 0 && digits == 0 {
                point -= 1; // a leading zero
            } else {
                digits += 1;
                if kept < 16 {
                    mantissa = mantissa * 16 + u64::from(digit);
                    kept += 1;
                } else if digit != 0 {
                    truncated = true;
                }
            }
        } else {
            break;
        }
        i += 1;
    }
    if !saw_digits {
        return None;
    }
    if !saw_dot {
        point = digits;
    }
    let exponent_mark = if hex { b'p' } else { b'e' };
    let mut exponent = 0i64;
    if bytes
        .get(i)
        .is_some_and(|b| b.eq_ignore_ascii_case(&exponent_mark))
    {
        i += 1;
        let sign = match bytes.get(i) {
            Some(b'+') => {
                i += 1;
                1
            }
            Some(b'-') => {
                i += 1;
                -1
            }
            _ => 1,
        };
        if !bytes.get(i).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        while let Some(&byte) = bytes.get(i) {
            match byte {
                b'_' => underscores = true,
                b'0'..=b'9' if exponent < 10_000 => {
                    exponent = exponent * 10 + i64::from(byte - b'0')
                }
                b'0'..=b'9' => {} // Go stops counting here; the result is ±inf or 0 anyway
                _ => break,
            }
            i += 1;
        }
        exponent *= sign;
    } else if hex {
        return None;
    }
    if i != bytes.len() {
        return None;
    }
    let hex = hex.then(|| HexDigits {
        mantissa,
        // Each hex digit is four bits.
        exponent: if mantissa == 0 {
            0
        } else {
            point * 4 + exponent - kept * 4
        },
        truncated,
    });
    Some(Form {
        negative,
        underscores,
        hex,
    })
}

/// Go's rule for `_` in a number: only between digits, or between a base prefix and a digit.
fn underscores_ok(bytes: &[u8]) -> bool {
    #[derive(PartialEq)]
    enum Saw {
        Start,
        Digit,
        Underscore,
        Other,
    }
    let bytes = match bytes.first() {
        Some(b'+' | b'-') => &bytes[1..],
        _ => bytes,
    };
    let mut saw = Saw::Start;
    let mut i = 0;
    let mut hex = false;
    if bytes.len() >= 2
        && bytes[0] == b'0'
        && matches!(bytes[1].to_ascii_lowercase(), b'b' | b'o' | b'x')
    {
        i = 2;
        saw = Saw::Digit; // the prefix counts as a digit
        hex = bytes[1].eq_ignore_ascii_case(&b'x');
    }
    for &byte in &bytes[i..] {
        if byte.is_ascii_digit() || (hex && byte.is_ascii_hexdigit()) {
            saw = Saw::Digit;
        } else if byte == b'_' {
            if saw != Saw::Digit {
                return false;
            }
            saw = Saw::Underscore;
        } else if saw == Saw::Underscore {
            return false;
        } else {
            saw = Saw::Other;
        }
    }
    saw != Saw::Underscore
}

/// A decimal form already checked by [`scan`], without underscores.
fn decimal(text: &str) -> Result<f64, FloatError> {
    let number: f64 = text.parse().map_err(|_| FloatError::Syntax)?;
    if number.is_infinite() {
        return Err(FloatError::Range);
    }
    Ok(number)
}

/// Rounds a hex float's digits to a double, to nearest even, as Go's `atofHex` does.
fn hex_float(digits: HexDigits, negative: bool) -> Result<f64, FloatError> {
    const MANTISSA_BITS: i64 = 52;
    const BIAS: i64 = -1023;
    const MAX_EXPONENT: i64 = 1023;
    const MIN_EXPONENT: i64 = BIAS + 1;
    let HexDigits {
        mut mantissa,
        mut exponent,
        truncated,
    } = digits;
    exponent += MANTISSA_BITS;
    // Bring the leading one to bit 54: 52 mantissa bits, then two for rounding, the lower of
    // which is sticky (set if any bit below it was).
    while mantissa != 0 && mantissa >> (MANTISSA_BITS + 2) == 0 {
        mantissa <<= 1;
        exponent -= 1;
    }
    if truncated {
        mantissa |= 1;
    }
    while mantissa >> (MANTISSA_BITS + 3) != 0 {
        mantissa = (mantissa >> 1) | (mantissa & 1);
        exponent += 1;
    }
    // Below the smallest normal exponent, shift into a subnormal.
    while mantissa > 1 && exponent < MIN_EXPONENT - 2 {
        mantissa = (mantissa >> 1) | (mantissa & 1);
        exponent += 1;
    }
    let mut round = mantissa & 3;
    mantissa >>= 2;
    round |= mantissa & 1; // ties go to even
    exponent += 2;
    if round == 3 {
        mantissa += 1;
        if mantissa == 1 << (MANTISSA_BITS + 1) {
            mantissa >>= 1;
            exponent += 1;
        }
    }
    if mantissa >> MANTISSA_BITS == 0 {
        exponent = BIAS; // subnormal or zero
    }
    if exponent > MAX_EXPONENT {
        return Err(FloatError::Range);
    }
    let biased = u64::try_from(exponent - BIAS).map_err(|_| FloatError::Range)?;
    let mut bits = (mantissa & ((1 << MANTISSA_BITS) - 1)) | (biased << MANTISSA_BITS);
    if negative {
        bits |= 1 << 63;
    }
    Ok(f64::from_bits(bits))
}

#[cfg(test)]
mod tests {
    use super::{FloatError, parse};

    /// Go's own results (`go1.27 strconv.ParseFloat(s, 64)`), as bits or the error kind.
    const GO: &[(&str, Result<u64, FloatError>)] = &[
        ("0X1P-2", Ok(0x3fd0000000000000)),
        ("1_000", Ok(0x408f400000000000)),
        ("1_0.5", Ok(0x4025000000000000)),
        ("0x_1p0", Ok(0x3ff0000000000000)),
        ("1e-400", Ok(0)),
        ("nan", Ok(0x7ff8000000000001)),
        ("+inf", Ok(0x7ff0000000000000)),
        ("-Infinity", Ok(0xfff0000000000000)),
        ("inFINity", Ok(0x7ff0000000000000)),
        ("0x.8p1", Ok(0x3ff0000000000000)),
        ("0x1.8p1", Ok(0x4008000000000000)),
        ("0x1P+1_0", Ok(0x4090000000000000)),
        ("1e5_0", Ok(0x4a511b0ec57e649a)),
        ("0x1fffffffffffffp0", Ok(0x433fffffffffffff)),
        ("0x1fffffffffffff8p0", Ok(0x4380000000000000)),
        ("0x1.fffffffffffff7ffp1023", Ok(0x7fefffffffffffff)),
        ("0x1p-1074", Ok(1)),
        ("0x1p-1075", Ok(0)),
        ("0x1.8p-1075", Ok(1)),
        ("0x1p-1076", Ok(0)),
        ("0x3p-1076", Ok(1)),
        ("0x123456789abcdef0123p0", Ok(0x44723456789abcdf)),
        ("0x0p99999999", Ok(0)),
        ("0e99999999", Ok(0)),
        ("1.7976931348623158e308", Ok(0x7fefffffffffffff)),
        ("2.4703282292062328e-324", Ok(1)),
        ("2.4703282292062327e-324", Ok(0)),
        ("00.5", Ok(0x3fe0000000000000)),
        ("0x0.1p4", Ok(0x3ff0000000000000)),
        ("+.5", Ok(0x3fe0000000000000)),
        ("0x1p-99999", Ok(0)),
        ("0x1.0000000000000000001p0", Ok(0x3ff0000000000000)),
        ("0x1.00000000000008p0", Ok(0x3ff0000000000000)),
        ("0x1.00000000000018p0", Ok(0x3ff0000000000002)),
        ("0x1.000000000000080000001p0", Ok(0x3ff0000000000001)),
        ("-0", Ok(0x8000000000000000)),
        ("5.", Ok(0x4014000000000000)),
        ("1e400", Err(FloatError::Range)),
        ("-1e400", Err(FloatError::Range)),
        ("1.797693134862315808e308", Err(FloatError::Range)),
        ("0x1.fffffffffffff8p1023", Err(FloatError::Range)),
        ("0x1p+99999", Err(FloatError::Range)),
        ("0x10", Err(FloatError::Syntax)),
        ("+nan", Err(FloatError::Syntax)),
        ("-nan", Err(FloatError::Syntax)),
        ("infin", Err(FloatError::Syntax)),
        ("", Err(FloatError::Syntax)),
        (".", Err(FloatError::Syntax)),
        ("1e", Err(FloatError::Syntax)),
        ("1e+", Err(FloatError::Syntax)),
        ("_1", Err(FloatError::Syntax)),
        ("1_", Err(FloatError::Syntax)),
        ("1__0", Err(FloatError::Syntax)),
        ("0x", Err(FloatError::Syntax)),
        ("0xp1", Err(FloatError::Syntax)),
        ("0x.p1", Err(FloatError::Syntax)),
        ("-.e1", Err(FloatError::Syntax)),
        ("0x1p", Err(FloatError::Syntax)),
        ("0b101", Err(FloatError::Syntax)),
        ("٣", Err(FloatError::Syntax)),
        (" 1", Err(FloatError::Syntax)),
        ("1 ", Err(FloatError::Syntax)),
        ("1_e5", Err(FloatError::Syntax)),
        ("1e_5", Err(FloatError::Syntax)),
        ("0x1_p0", Err(FloatError::Syntax)),
        ("1._5", Err(FloatError::Syntax)),
        ("1_.5", Err(FloatError::Syntax)),
    ];

    #[test]
    fn parses_as_go_strconv_parse_float_does() {
        for (text, want) in GO {
            let got = parse(text).map(f64::to_bits);
            assert_eq!(got, *want, "{text:?}");
        }
    }
}
