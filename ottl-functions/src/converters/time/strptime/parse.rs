//! Reading a time with a compiled format, as the reference does: Go's `time.Parse` on the
//! equivalent layout, with its leniencies (one- or two-digit numbers, whitespace before a
//! number or an offset, `%z` as `Z`, `±hhmm`, `±hh:mm` or `±hh`, a fraction after the
//! seconds that the format does not mention).

use super::{Item, MONTHS, OffsetForm, WEEKDAYS};

/// The zone text a parse found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ZoneText {
    /// None: the time is in the default zone.
    None,
    /// `Z`, or `UTC` for `%Z`.
    Utc,
    /// A numeric offset, in seconds east of UTC.
    Offset(i32),
}

/// The fields a parse found; the year is 0 when the format has none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Parsed {
    pub(crate) year: i16,
    pub(crate) month: i8,
    pub(crate) day: i8,
    pub(crate) hour: i8,
    pub(crate) minute: i8,
    pub(crate) second: i8,
    pub(crate) nanosecond: i32,
    pub(crate) zone: ZoneText,
    /// A zone abbreviation (`EST`, `GMT+3`), from `%Z`.
    pub(crate) abbreviation: Option<String>,
}

/// Why a value does not parse.
pub(crate) type ParseError = String;

struct Reader<'a> {
    rest: &'a str,
}

impl<'a> Reader<'a> {
    /// Go's `getnum(s, false)`: one or two digits.
    fn number(&mut self) -> Option<i64> {
        let bytes = self.rest.as_bytes();
        let first = *bytes.first().filter(|b| b.is_ascii_digit())?;
        let mut value = i64::from(first - b'0');
        let mut used = 1;
        if let Some(second) = bytes.get(1).filter(|b| b.is_ascii_digit()) {
            value = value * 10 + i64::from(second - b'0');
            used = 2;
        }
        self.rest = &self.rest[used..];
        Some(value)
    }

    /// Exactly `count` digits.
    fn fixed(&mut self, count: usize) -> Option<i64> {
        let digits = self.rest.get(..count)?;
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        self.rest = &self.rest[count..];
        digits.parse().ok()
    }

    /// The reference retries a numeric field with the whitespace before it.
    fn skip_space(&mut self) {
        self.rest = self
            .rest
            .trim_start_matches(['\t', '\n', '\x0c', '\r', ' ']);
    }

    /// An English name (full or abbreviated), case-insensitively; its index.
    fn name(&mut self, names: &[&str], full: bool) -> Option<usize> {
        names.iter().position(|name| {
            let name = if full { name } else { &name[..3] };
            let matched = self
                .rest
                .get(..name.len())
                .is_some_and(|text| text.eq_ignore_ascii_case(name));
            if matched {
                self.rest = &self.rest[name.len()..];
            }
            matched
        })
    }

    /// `.` or `,` then digits: nanoseconds (digits past nine are dropped).
    fn fraction(&mut self) -> Option<i32> {
        let bytes = self.rest.as_bytes();
        if bytes.len() < 2 || !matches!(bytes[0], b'.' | b',') || !bytes[1].is_ascii_digit() {
            return None;
        }
        let digits = self.rest[1..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        let kept = &self.rest[1..1 + digits.min(9)];
        let scale = 10i32.pow(9 - kept.len() as u32);
        self.rest = &self.rest[1 + digits..];
        kept.parse::<i32>().ok().map(|value| value * scale)
    }

    /// `±hh`, then `mm` and `ss` as `parts` asks, after `:` with `colon`.
    fn offset(&mut self, colon: bool, parts: usize) -> Option<i32> {
        let width = 3 + (parts - 1) * if colon { 3 } else { 2 };
        let text = self.rest.get(..width)?;
        let bytes = text.as_bytes();
        let sign = match bytes[0] {
            b'+' => 1,
            b'-' => -1,
            _ => return None,
        };
        let mut seconds = 0i32;
        let mut at = 1;
        for (part, scale) in [3600, 60, 1].into_iter().take(parts).enumerate() {
            if part > 0 && colon {
                if bytes[at] != b':' {
                    return None;
                }
                at += 1;
            }
            let pair = text.get(at..at + 2)?;
            if !pair.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let value: i32 = pair.parse().ok()?;
            if value > if part == 0 { 24 } else { 60 } {
                return None;
            }
            seconds += value * scale;
            at += 2;
        }
        // `±hhmm` must not be `±hh:mm`.
        if !colon && parts > 1 && text.as_bytes().get(3) == Some(&b':') {
            return None;
        }
        self.rest = &self.rest[width..];
        Some(sign * seconds)
    }

    /// Go's `parseTimeZone`: the length of a zone abbreviation at the start.
    fn zone_name(&mut self) -> Option<String> {
        let text = self.rest;
        let bytes = text.as_bytes();
        if bytes.len() < 3 {
            return None;
        }
        let length = if text.starts_with("ChST") || text.starts_with("MeST") {
            4
        } else if let Some(hours) = text.strip_prefix("GMT") {
            3 + signed_hours(hours)
        } else if matches!(bytes[0], b'+' | b'-') {
            match signed_hours(text) {
                0 => return None,
                length => length,
            }
        } else {
            let upper = bytes
                .iter()
                .take(6)
                .take_while(|b| b.is_ascii_uppercase())
                .count();
            match upper {
                3 => 3,
                4 if bytes[3] == b'T' || text.starts_with("WITA") => 4,
                5 if bytes[4] == b'T' => 5,
                _ => return None,
            }
        };
        self.rest = &text[length..];
        Some(text[..length].to_owned())
    }
}

/// Go's `parseSignedOffset`: `±h` or `±hh` (at most 23); its length, or 0.
fn signed_hours(text: &str) -> usize {
    let bytes = text.as_bytes();
    if !matches!(bytes.first(), Some(b'+' | b'-')) {
        return 0;
    }
    let digits = text[1..].bytes().take_while(u8::is_ascii_digit).count();
    match text[1..1 + digits].parse::<u32>() {
        Ok(hours) if hours <= 23 && digits > 0 => 1 + digits,
        _ => 0,
    }
}

fn bad(item: &Item, rest: &str) -> ParseError {
    format!("cannot parse {rest:?} as {}", describe(item))
}

fn describe(item: &Item) -> &'static str {
    match item {
        Item::Literal(_) => "the format's text",
        Item::Year | Item::DateYear => "%Y",
        Item::Year2 => "%y",
        Item::Month(_) => "a month",
        Item::MonthName(_) => "a month name",
        Item::Day(_) => "a day",
        Item::WeekdayName(_) => "a weekday name",
        Item::Hour | Item::Hour12(_) => "an hour",
        Item::AmPm(_) => "AM/PM",
        Item::Minute => "a minute",
        Item::Second => "a second",
        Item::Fraction(..) => "a fraction",
        Item::ZoneName => "a zone name",
        Item::Offset(_) => "a UTC offset",
    }
}

/// Reads `text` with `items`.
pub(crate) fn parse(items: &[Item], text: &str) -> Result<Parsed, ParseError> {
    let mut reader = Reader { rest: text };
    let mut parsed = Parsed {
        year: 0,
        month: 1,
        day: 1,
        hour: 0,
        minute: 0,
        second: 0,
        nanosecond: 0,
        zone: ZoneText::None,
        abbreviation: None,
    };
    let (mut pm, mut am) = (false, false);
    for (index, item) in items.iter().enumerate() {
        let start = reader.rest;
        let range = |value: Option<i64>, low: i64, high: i64| {
            value.filter(|v| (low..=high).contains(v)).map(|v| v as i8)
        };
        let ok = match item {
            Item::Literal(literal) => match reader.rest.strip_prefix(&**literal) {
                Some(rest) => {
                    reader.rest = rest;
                    true
                }
                None => false,
            },
            Item::Year => {
                reader.skip_space();
                reader
                    .fixed(4)
                    .map(|year| parsed.year = year as i16)
                    .is_some()
            }
            Item::DateYear => {
                reader.skip_space();
                let year = reader.fixed(4).or_else(|| {
                    reader
                        .fixed(2)
                        .map(|year| if year >= 69 { 1900 } else { 2000 } + year)
                });
                year.map(|year| parsed.year = year as i16).is_some()
            }
            Item::Year2 => {
                reader.skip_space();
                reader
                    .fixed(2)
                    .map(|year| parsed.year = (if year >= 69 { 1900 } else { 2000 } + year) as i16)
                    .is_some()
            }
            Item::Month(_) => {
                reader.skip_space();
                range(reader.number(), 1, 12)
                    .map(|m| parsed.month = m)
                    .is_some()
            }
            Item::MonthName(full) => reader
                .name(&MONTHS, *full)
                .map(|m| parsed.month = m as i8 + 1)
                .is_some(),
            Item::Day(_) => {
                reader.skip_space();
                // Checked against the month once everything is read.
                range(reader.number(), 0, 99)
                    .map(|d| parsed.day = d)
                    .is_some()
            }
            Item::WeekdayName(full) => reader.name(&WEEKDAYS, *full).is_some(),
            Item::Hour => {
                reader.skip_space();
                range(reader.number(), 0, 23)
                    .map(|h| parsed.hour = h)
                    .is_some()
            }
            Item::Hour12(_) => {
                reader.skip_space();
                range(reader.number(), 0, 12)
                    .map(|h| parsed.hour = h)
                    .is_some()
            }
            Item::AmPm(upper) => {
                let (a, p) = if *upper { ("AM", "PM") } else { ("am", "pm") };
                match reader.rest.get(..2) {
                    Some(word) if word == p => pm = true,
                    Some(word) if word == a => am = true,
                    _ => {}
                }
                if pm || am {
                    reader.rest = &reader.rest[2..];
                }
                pm || am
            }
            Item::Minute => {
                reader.skip_space();
                range(reader.number(), 0, 59)
                    .map(|m| parsed.minute = m)
                    .is_some()
            }
            Item::Second => {
                reader.skip_space();
                let second = range(reader.number(), 0, 59);
                // Go reads a fraction after the seconds even when the layout has none next.
                if second.is_some()
                    && !matches!(items.get(index + 1), Some(Item::Fraction(..)))
                    && let Some(nanos) = reader.fraction()
                {
                    parsed.nanosecond = nanos;
                }
                second.map(|s| parsed.second = s).is_some()
            }
            Item::Fraction(..) => {
                if let Some(nanos) = reader.fraction() {
                    parsed.nanosecond = nanos;
                }
                true
            }
            Item::ZoneName => {
                if let Some(rest) = reader.rest.strip_prefix("UTC") {
                    reader.rest = rest;
                    parsed.zone = ZoneText::Utc;
                    true
                } else {
                    reader
                        .zone_name()
                        .map(|name| parsed.abbreviation = Some(name))
                        .is_some()
                }
            }
            Item::Offset(form) => {
                let zone = match form {
                    OffsetForm::Iso => {
                        reader.skip_space();
                        if let Some(rest) = reader.rest.strip_prefix('Z') {
                            reader.rest = rest;
                            Some(ZoneText::Utc)
                        } else {
                            reader
                                .offset(false, 2)
                                .or_else(|| reader.offset(true, 2))
                                .or_else(|| reader.offset(false, 1))
                                .map(ZoneText::Offset)
                        }
                    }
                    OffsetForm::Seconds => reader.offset(false, 3).map(ZoneText::Offset),
                    OffsetForm::Hours => reader.offset(false, 1).map(ZoneText::Offset),
                    OffsetForm::Colon => reader.offset(true, 2).map(ZoneText::Offset),
                    OffsetForm::ColonSeconds => reader.offset(true, 3).map(ZoneText::Offset),
                };
                zone.map(|zone| parsed.zone = zone).is_some()
            }
        };
        if !ok {
            return Err(bad(item, start));
        }
    }
    if !reader.rest.is_empty() {
        return Err(format!("extra text: {:?}", reader.rest));
    }
    if pm && parsed.hour < 12 {
        parsed.hour += 12;
    } else if am && parsed.hour == 12 {
        parsed.hour = 0;
    }
    if parsed.day < 1 || parsed.day > days_in_month(parsed.year, parsed.month) {
        return Err("day out of range".to_owned());
    }
    Ok(parsed)
}

/// Days in the month of the proleptic Gregorian calendar (year 0 is a leap year).
pub(crate) fn days_in_month(year: i16, month: i8) -> i8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::super::compile;
    use super::*;

    fn read(format: &str, text: &str) -> Result<Parsed, ParseError> {
        parse(&compile(format).expect("format compiles"), text)
    }

    #[test]
    fn numbers_take_one_or_two_digits_and_skip_space() {
        let parsed = read("%m/%d/%Y %H:%M:%S", "2/4/2023  7:5:9").expect("parses");
        assert_eq!(
            (
                parsed.year,
                parsed.month,
                parsed.day,
                parsed.hour,
                parsed.minute,
                parsed.second
            ),
            (2023, 2, 4, 7, 5, 9)
        );
    }

    #[test]
    fn offsets_take_every_iso_form() {
        for (text, offset) in [("+0530", 19800), ("-05:30", -19800), ("+05", 18000)] {
            assert_eq!(
                read("%H%z", &format!("10{text}")).map(|p| p.zone),
                Ok(ZoneText::Offset(offset))
            );
        }
        assert_eq!(read("%H%z", "10Z").map(|p| p.zone), Ok(ZoneText::Utc));
    }

    #[test]
    fn a_fraction_after_the_seconds_is_read() {
        assert_eq!(
            read("%H:%M:%S", "10:00:01.5").map(|p| p.nanosecond),
            Ok(500_000_000)
        );
        assert_eq!(
            read("%S.%L", "01.123456").map(|p| p.nanosecond),
            Ok(123_456_000)
        );
    }

    #[test]
    fn mismatches_fail() {
        assert!(read("%Y-%m-%d", "2023-13-01").is_err());
        assert!(read("%Y-%m-%d", "2023-02-30").is_err());
        assert!(read("%Y", "2023 extra").is_err());
    }

    proptest::proptest! {
        #[test]
        fn parsing_never_panics(text in "\\PC{0,40}", pick in 0usize..4) {
            let format = [
                "%Y-%m-%dT%H:%M:%S%z",
                "%b %e %l:%M:%S %p %Z",
                "%c %j %k %w %i",
                "%D %r.%s",
            ][pick];
            let _ = read(format, &text);
        }

        #[test]
        fn parsing_never_panics_on_near_misses(
            text in "[0-9 :+\\-.,ZTGMAPSEDUC]{0,30}",
            pick in 0usize..3,
        ) {
            let format = ["%Y-%m-%dT%H:%M:%S%z", "%H:%M:%S,%L %Z", "%x %X %i"][pick];
            let _ = read(format, &text);
        }
    }
}
