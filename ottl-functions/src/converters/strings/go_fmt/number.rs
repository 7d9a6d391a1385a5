//! Integers and floats: Go's `fmtInteger`, `fmtFloat`, `fmtC`, `fmtQc`, `fmtUnicode`, and
//! `strconv.AppendFloat` for every format `fmt` uses.

use super::print::Printer;
use super::value::GoValue;
use std::fmt::Write as _;

const LOWER: &[u8; 17] = b"0123456789abcdefx";
const UPPER: &[u8; 17] = b"0123456789ABCDEFX";

impl Printer {
    /// An integer by a verb: Go's `pp.fmtInteger` (`bits` holds a signed value's two's
    /// complement when `signed`).
    pub(super) fn fmt_integer(&mut self, bits: u64, signed: bool, verb: char, value: GoValue<'_>) {
        match verb {
            'v' if self.spec.flags.sharp_v && !signed => self.fmt_0x64(bits, true),
            'v' | 'd' => self.fmt_int(bits, 10, signed, verb, LOWER),
            'b' => self.fmt_int(bits, 2, signed, verb, LOWER),
            'o' | 'O' => self.fmt_int(bits, 8, signed, verb, LOWER),
            'x' => self.fmt_int(bits, 16, signed, verb, LOWER),
            'X' => self.fmt_int(bits, 16, signed, verb, UPPER),
            'c' => self.fmt_c(bits),
            'q' => self.fmt_qc(bits),
            'U' => self.fmt_unicode(bits),
            _ => self.bad_verb(value, verb),
        }
    }

    /// An unsigned byte in decimal, with the directive's width and flags.
    pub(super) fn fmt_unsigned_decimal(&mut self, number: u64, verb: char) {
        self.fmt_int(number, 10, false, verb, LOWER);
    }

    /// Hex with (or without) `0x`, whatever the `#` flag: Go's `fmt0x64`.
    pub(super) fn fmt_0x64(&mut self, number: u64, leading_0x: bool) {
        let sharp = self.spec.flags.sharp;
        self.spec.flags.sharp = leading_0x;
        self.fmt_int(number, 16, false, 'v', LOWER);
        self.spec.flags.sharp = sharp;
    }

    /// Go's `fmt.fmtInteger`: digits in `base`, zero-extended to the precision (or, with the
    /// `0` flag and no precision, to the width), then the base prefix and sign, then padding.
    fn fmt_int(&mut self, bits: u64, base: u64, signed: bool, verb: char, digits: &[u8; 17]) {
        let negative = signed && (bits as i64) < 0;
        let mut number = if negative { bits.wrapping_neg() } else { bits };
        let flags = self.spec.flags;
        let width = self.spec.width.unwrap_or(0);
        let precision = match self.spec.precision {
            Some(0) if number == 0 => {
                // `%.0d` of zero prints no digits, only padding (never zeros).
                self.write_padding_with(width, b' ');
                return;
            }
            Some(precision) => precision,
            None if flags.zero && !flags.minus && self.spec.width.is_some() => {
                width.saturating_sub(usize::from(negative || flags.plus || flags.space))
            }
            None => 0,
        };
        let needed = 3 + width + self.spec.precision.unwrap_or(0);
        let mut stack = [0u8; 68];
        let mut heap = Vec::new();
        let buf: &mut [u8] = if needed <= stack.len() {
            &mut stack
        } else {
            heap.resize(needed.max(68), 0);
            &mut heap
        };
        let mut at = buf.len();
        loop {
            at -= 1;
            buf[at] = digits[(number % base) as usize];
            number /= base;
            if number == 0 {
                break;
            }
        }
        while at > 0 && precision > buf.len() - at {
            at -= 1;
            buf[at] = b'0';
        }
        if flags.sharp {
            match base {
                2 => {
                    at -= 2;
                    buf[at..at + 2].copy_from_slice(b"0b");
                }
                8 if buf[at] != b'0' => {
                    at -= 1;
                    buf[at] = b'0';
                }
                16 => {
                    at -= 2;
                    buf[at] = b'0';
                    buf[at + 1] = digits[16];
                }
                _ => {}
            }
        }
        if verb == 'O' {
            at -= 2;
            buf[at..at + 2].copy_from_slice(b"0o");
        }
        if negative {
            at -= 1;
            buf[at] = b'-';
        } else if flags.plus {
            at -= 1;
            buf[at] = b'+';
        } else if flags.space {
            at -= 1;
            buf[at] = b' ';
        }
        // The zeros are digits already: pad with spaces.
        let text = std::str::from_utf8(&buf[at..]).unwrap_or("");
        self.pad_with(text, b' ');
    }

    /// `%c`: the character of that code point (U+FFFD past the last one or for a surrogate).
    fn fmt_c(&mut self, code: u64) {
        let c = u32::try_from(code)
            .ok()
            .and_then(char::from_u32)
            .unwrap_or('\u{FFFD}');
        let mut buf = [0u8; 4];
        let text: &str = c.encode_utf8(&mut buf);
        self.pad_str(text);
    }

    /// `%q` of an integer: the character quoted in single quotes, as Go's `QuoteRune`.
    fn fmt_qc(&mut self, code: u64) {
        let c = u32::try_from(code)
            .ok()
            .and_then(char::from_u32)
            .unwrap_or('\u{FFFD}');
        let mut quoted = String::with_capacity(8);
        quoted.push('\'');
        super::text::push_escaped(&mut quoted, c, '\'', self.spec.flags.plus);
        quoted.push('\'');
        self.pad_str(&quoted);
    }

    /// `%U`: `U+0041`, with `#` also the character (`U+0041 'A'`) when printable.
    fn fmt_unicode(&mut self, code: u64) {
        let digits = self.spec.precision.filter(|&p| p > 4).unwrap_or(4);
        let mut text = format!("U+{code:0digits$X}");
        if self.spec.flags.sharp
            && let Some(c) = u32::try_from(code).ok().and_then(char::from_u32)
            && super::text::is_print(c)
        {
            text.push_str(" '");
            text.push(c);
            text.push('\'');
        }
        self.pad_with(&text, b' ');
    }

    /// A float by a verb: Go's `pp.fmtFloat`.
    pub(super) fn fmt_float(&mut self, number: f64, verb: char, value: GoValue<'_>) {
        let (format, precision) = match verb {
            'v' => (b'g', -1),
            'b' | 'g' | 'G' | 'x' | 'X' => (verb as u8, -1),
            'f' | 'e' | 'E' => (verb as u8, 6),
            'F' => (b'f', 6),
            _ => return self.bad_verb(value, verb),
        };
        self.fmt_float_as(number, format, precision);
    }

    /// Go's `fmt.fmtFloat`: the number as `strconv` writes it, then sign, `#` and padding.
    fn fmt_float_as(&mut self, number: f64, format: u8, default_precision: i32) {
        let precision = self
            .spec
            .precision
            .map_or(default_precision, |p| i32::try_from(p).unwrap_or(i32::MAX));
        let flags = self.spec.flags;
        let mut num = std::mem::take(&mut self.scratch).into_bytes();
        num.clear();
        num.push(b'+');
        append_float(&mut num, number, format, precision);
        if num[1] == b'-' || num[1] == b'+' {
            num.remove(0);
        }
        if flags.space && num[0] == b'+' && !flags.plus {
            num[0] = b' ';
        }
        if num[1] == b'I' || num[1] == b'N' {
            // Infinities and NaN are never padded with zeros.
            let start = usize::from(num[1] == b'N' && !flags.space && !flags.plus);
            let text = std::str::from_utf8(&num[start..]).unwrap_or("");
            self.pad_with(text, b' ');
            self.keep_scratch(num);
            return;
        }
        if flags.sharp && format != b'b' {
            sharpen(&mut num, format, precision);
        }
        let width = self.spec.width;
        if flags.plus || num[0] != b'+' {
            match width {
                Some(width) if flags.zero && !flags.minus && width > num.len() => {
                    self.out.push(char::from(num[0]));
                    self.write_padding_with(width - num.len(), b'0');
                    self.out
                        .push_str(std::str::from_utf8(&num[1..]).unwrap_or(""));
                }
                _ => {
                    let text = std::str::from_utf8(&num).unwrap_or("");
                    let pad = self.pad_byte();
                    self.pad_with(text, pad);
                }
            }
        } else {
            let text = std::str::from_utf8(&num[1..]).unwrap_or("");
            let pad = self.pad_byte();
            self.pad_with(text, pad);
        }
        self.keep_scratch(num);
    }

    fn keep_scratch(&mut self, mut bytes: Vec<u8>) {
        bytes.clear();
        self.scratch = String::from_utf8(bytes).unwrap_or_default();
    }
}

/// Go's `#` for floats: a decimal point always, and for `%g`/`%v`/`%x` the trailing zeros up
/// to the precision.
fn sharpen(num: &mut Vec<u8>, format: u8, precision: i32) {
    let mut digits: i32 = match format {
        b'v' | b'g' | b'G' | b'x' => {
            if precision == -1 {
                6
            } else {
                precision
            }
        }
        _ => 0,
    };
    let mut tail = Vec::new();
    let mut has_point = false;
    let mut seen_nonzero = false;
    let mut i = 1;
    while i < num.len() {
        match num[i] {
            b'.' => has_point = true,
            b'p' | b'P' => {
                tail.extend_from_slice(&num[i..]);
                num.truncate(i);
                break;
            }
            b'e' | b'E' if format != b'x' && format != b'X' => {
                tail.extend_from_slice(&num[i..]);
                num.truncate(i);
                break;
            }
            digit => {
                if digit != b'0' {
                    seen_nonzero = true;
                }
                if seen_nonzero {
                    digits -= 1;
                }
            }
        }
        i += 1;
    }
    if !has_point {
        if num.len() == 2 && num[1] == b'0' {
            digits -= 1;
        }
        num.push(b'.');
    }
    while digits > 0 {
        num.push(b'0');
        digits -= 1;
    }
    num.extend_from_slice(&tail);
}

/// Go's `strconv.AppendFloat(dst, number, format, precision, 64)` for the formats `fmt` uses
/// (`b e E f g G x X`; a negative precision means the fewest digits that read back exactly).
pub(super) fn append_float(dst: &mut Vec<u8>, number: f64, format: u8, precision: i32) {
    if number.is_nan() {
        dst.extend_from_slice(b"NaN");
        return;
    }
    if number.is_infinite() {
        dst.extend_from_slice(if number > 0.0 { b"+Inf" } else { b"-Inf" });
        return;
    }
    let negative = number.is_sign_negative();
    match format {
        b'b' => append_binary(dst, number),
        b'x' | b'X' => append_hex(dst, number, format, precision),
        b'f' if precision >= 0 => {
            if negative {
                dst.push(b'-');
            }
            // Rust's digits are exact, rounded half to even, as Go's.
            let _ = std::io::Write::write_fmt(
                dst,
                format_args!("{:.*}", precision as usize, number.abs()),
            );
        }
        _ => {
            let (digits, point) = decimal_digits(number.abs(), format, precision);
            let shortest = precision < 0;
            let nd = digits.len() as i32;
            let precision = if shortest {
                match format {
                    b'e' | b'E' => (nd - 1).max(0),
                    b'f' => (nd - point).max(0),
                    _ => nd,
                }
            } else if matches!(format, b'g' | b'G') && precision == 0 {
                1
            } else {
                precision
            };
            append_efg(dst, negative, &digits, point, precision, format, shortest);
        }
    }
}

/// The decimal digits of a positive (or zero) `number` and the position of the decimal point
/// (`0.0123` → `123`, -1): the fewest digits that read back for a negative precision, else
/// rounded to the precision (`e`: that many after the first digit; `g`: that many in all),
/// without trailing zeros. Zero has no digits.
fn decimal_digits(number: f64, format: u8, precision: i32) -> (Vec<u8>, i32) {
    if number == 0.0 {
        return (Vec::new(), 0);
    }
    let mut text = String::new();
    let _ = match (format, precision) {
        (_, p) if p < 0 => write!(text, "{number:e}"),
        (b'e' | b'E', p) => write!(text, "{number:.*e}", p as usize),
        (_, p) => write!(text, "{number:.*e}", (p.max(1) - 1) as usize),
    };
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let mut digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    if matches!(format, b'g' | b'G') {
        while digits.len() > 1 && digits.last() == Some(&b'0') {
            digits.pop();
        }
    }
    (digits, exponent.parse::<i32>().unwrap_or(0) + 1)
}

/// Go's `fmtEFG`: `digits` (with the point after `point` of them) in `%e`, `%f` or `%g` form.
fn append_efg(
    dst: &mut Vec<u8>,
    negative: bool,
    digits: &[u8],
    point: i32,
    mut precision: i32,
    mut format: u8,
    shortest: bool,
) {
    let nd = digits.len() as i32;
    if matches!(format, b'g' | b'G') {
        let mut exponent_precision = precision;
        if exponent_precision > nd && nd >= point {
            exponent_precision = nd;
        }
        if shortest {
            exponent_precision = 6;
        }
        let exponent = point - 1;
        if exponent < -4 || exponent >= exponent_precision {
            precision = precision.min(nd) - 1;
            format = if format == b'g' { b'e' } else { b'E' };
        } else {
            if precision > point {
                precision = nd;
            }
            precision = (precision - point).max(0);
            format = b'f';
        }
    }
    if negative {
        dst.push(b'-');
    }
    let digit = |i: i32| -> u8 {
        usize::try_from(i)
            .ok()
            .and_then(|i| digits.get(i).copied())
            .unwrap_or(b'0')
    };
    if format == b'f' {
        if point > 0 {
            for i in 0..point {
                dst.push(digit(i));
            }
        } else {
            dst.push(b'0');
        }
        if precision > 0 {
            dst.push(b'.');
            for i in 0..precision {
                dst.push(digit(point + i));
            }
        }
        return;
    }
    dst.push(digit(0));
    if precision > 0 {
        dst.push(b'.');
        for i in 1..=precision {
            dst.push(digit(i));
        }
    }
    dst.push(format);
    let exponent = if nd == 0 { 0 } else { point - 1 };
    dst.push(if exponent < 0 { b'-' } else { b'+' });
    let exponent = exponent.unsigned_abs();
    if exponent < 10 {
        dst.push(b'0');
    }
    dst.extend_from_slice(exponent.to_string().as_bytes());
}

/// The mantissa (with the implicit bit) and binary exponent of a finite float, as Go's
/// `ftoa` takes them apart.
fn parts(number: f64) -> (u64, i32) {
    let bits = number.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    let mantissa = bits & ((1 << 52) - 1);
    if exponent == 0 {
        (mantissa, 1 - 1023)
    } else {
        (mantissa | (1 << 52), exponent - 1023)
    }
}

/// `%b`: `-4503599627370496p-52`.
fn append_binary(dst: &mut Vec<u8>, number: f64) {
    let (mantissa, exponent) = parts(number);
    if number.is_sign_negative() {
        dst.push(b'-');
    }
    let exponent = exponent - 52;
    let sign = if exponent >= 0 { "+" } else { "" };
    dst.extend_from_slice(format!("{mantissa}p{sign}{exponent}").as_bytes());
}

/// `%x`: `-0x1.8p+00`, rounded to `precision` hex digits when it is 0 to 14.
fn append_hex(dst: &mut Vec<u8>, number: f64, format: u8, precision: i32) {
    let (mut mantissa, mut exponent) = parts(number);
    if mantissa == 0 {
        exponent = 0;
    }
    mantissa <<= 60 - 52;
    while mantissa != 0 && mantissa & (1 << 60) == 0 {
        mantissa <<= 1;
        exponent -= 1;
    }
    if (0..15).contains(&precision) {
        let shift = (precision * 4) as u32;
        let extra = (mantissa << shift) & ((1 << 60) - 1);
        mantissa >>= 60 - shift;
        if extra | (mantissa & 1) > 1 << 59 {
            mantissa += 1;
        }
        mantissa <<= 60 - shift;
        if mantissa & (1 << 61) != 0 {
            mantissa >>= 1;
            exponent += 1;
        }
    }
    let digits = if format == b'X' { UPPER } else { LOWER };
    if number.is_sign_negative() {
        dst.push(b'-');
    }
    dst.extend_from_slice(&[b'0', format, b'0' + ((mantissa >> 60) & 1) as u8]);
    mantissa <<= 4;
    if precision < 0 && mantissa != 0 {
        dst.push(b'.');
        while mantissa != 0 {
            dst.push(digits[((mantissa >> 60) & 15) as usize]);
            mantissa <<= 4;
        }
    } else if precision > 0 {
        dst.push(b'.');
        for _ in 0..precision {
            dst.push(digits[((mantissa >> 60) & 15) as usize]);
            mantissa <<= 4;
        }
    }
    dst.push(if format == b'X' { b'P' } else { b'p' });
    dst.push(if exponent < 0 { b'-' } else { b'+' });
    let exponent = exponent.unsigned_abs();
    if exponent < 10 {
        dst.push(b'0');
    }
    dst.extend_from_slice(exponent.to_string().as_bytes());
}
