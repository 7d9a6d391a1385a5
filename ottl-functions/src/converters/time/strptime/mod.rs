//! The reference's strptime dialect (its `ctimefmt` table), compiled once when the statement
//! compiles into a list of [`Item`]s that [`format`] writes and [`parse`] reads with Go's
//! `time` rules (and the reference's leniencies when parsing).
//!
//! Text between directives is literal here; the reference hands it to Go's layout engine, which
//! would read Go layout words inside it (`Jan`, `Mon`, `PM`, `MST`) as fields.

mod format;
mod parse;

pub(crate) use format::format;
pub(crate) use parse::{Parsed, ZoneText, days_in_month, parse};

/// Every directive, for messages.
pub(crate) const DIRECTIVES: &str = "%Y %y %m %o %q %b %h %B %d %e %g %a %A %H %l %I %p %P %M %S \
     %L %f %s %Z %z %w %i %j %k %D %x %F %T %X %r %R %n %t %% %c";

/// How a number is padded when written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pad {
    /// Two digits, zero-padded (`01`).
    Zero,
    /// Two characters, space-padded (`_2`).
    Space,
    /// No padding (`1`).
    None,
    /// `_` then no padding: `%o`, whose Go layout `_1` is no Go field.
    Underscore,
}

/// How a UTC offset is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OffsetForm {
    /// `%z`: `Z` for UTC, else `±hhmm` (parsing also takes `±hh:mm` and `±hh`).
    Iso,
    /// `%w`: `±hhmmss`.
    Seconds,
    /// `%i`: `±hh`.
    Hours,
    /// `%j`: `±hh:mm`.
    Colon,
    /// `%k`: `±hh:mm:ss`.
    ColonSeconds,
}

/// One piece of a compiled format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Item {
    /// Text copied as is.
    Literal(Box<str>),
    /// `%Y`: four-digit year.
    Year,
    /// `%y`: two-digit year (69–99 are 19xx).
    Year2,
    /// The year of `%D` and `%x`: written with four digits, read with four or two.
    DateYear,
    /// `%m %o %q`: month number.
    Month(Pad),
    /// `%b %h` (`false`) or `%B` (`true`): month name.
    MonthName(bool),
    /// `%d %e %g`: day of the month.
    Day(Pad),
    /// `%a` (`false`) or `%A` (`true`): weekday name.
    WeekdayName(bool),
    /// `%H`: hour 0–23, two digits.
    Hour,
    /// `%I` (`Zero`) or `%l` (`None`): hour 1–12.
    Hour12(Pad),
    /// `%p` (`true`, `PM`) or `%P` (`false`, `pm`).
    AmPm(bool),
    /// `%M`.
    Minute,
    /// `%S`.
    Second,
    /// `.%L`, `.%f`, `.%s` (or with `,`): the separator and at most that many digits, trailing
    /// zeros dropped, nothing at all when the fraction is zero.
    Fraction(char, u8),
    /// `%Z`: zone abbreviation.
    ZoneName,
    /// `%z %w %i %j %k`.
    Offset(OffsetForm),
}

/// Why a format does not compile; the message is the reference's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FormatError {
    /// Empty.
    Empty,
    /// A decimal digit anywhere.
    Digits,
    /// `%L`, `%f` or `%s` not after `.` or `,`.
    Fraction(String),
    /// Directives not in the table.
    Unknown(Vec<String>),
}

impl FormatError {
    /// The message.
    pub(crate) fn message(&self) -> String {
        match self {
            FormatError::Empty => "format cannot be nil".to_owned(),
            FormatError::Digits => "format string should not contain decimals".to_owned(),
            FormatError::Fraction(found) => format!(
                "invalid fractional seconds directive: '{found}'. must be preceded with '.' or ','"
            ),
            FormatError::Unknown(directives) => format!(
                "invalid strptime format: unsupported directive {}",
                directives.join(", ")
            ),
        }
    }
}

/// Compiles `format`, checking it as the reference does.
pub(crate) fn compile(format: &str) -> Result<Vec<Item>, FormatError> {
    if format.is_empty() {
        return Err(FormatError::Empty);
    }
    if format.bytes().any(|byte| byte.is_ascii_digit()) {
        return Err(FormatError::Digits);
    }
    let mut items = Vec::new();
    let mut literal = String::new();
    let mut unknown = Vec::new();
    let mut chars = format.chars().peekable();
    let mut previous: Option<char> = None;
    while let Some(c) = chars.next() {
        let directive = match (c, chars.peek().copied()) {
            ('%', Some(directive)) => {
                chars.next();
                directive
            }
            _ => {
                literal.push(c);
                previous = Some(c);
                continue;
            }
        };
        let before = previous;
        previous = Some(directive);
        let expanded: &[Item] = match directive {
            'L' | 'f' | 's' => {
                let digits = match directive {
                    'L' => 3,
                    'f' => 6,
                    _ => 9,
                };
                match before {
                    Some(separator @ ('.' | ',')) => {
                        literal.pop();
                        flush(&mut literal, &mut items);
                        items.push(Item::Fraction(separator, digits));
                    }
                    // At the very start the reference's check does not look (it needs a
                    // character before), and Go reads the nines as text.
                    None => literal.push_str(&"999999999"[..usize::from(digits)]),
                    Some(other) => {
                        return Err(FormatError::Fraction(format!("{other}%{directive}")));
                    }
                }
                continue;
            }
            'n' => {
                literal.push('\n');
                continue;
            }
            't' => {
                literal.push('\t');
                continue;
            }
            '%' => {
                literal.push('%');
                continue;
            }
            'Y' => &[Item::Year],
            'y' => &[Item::Year2],
            'm' => &[Item::Month(Pad::Zero)],
            'o' => &[Item::Month(Pad::Underscore)],
            'q' => &[Item::Month(Pad::None)],
            'b' | 'h' => &[Item::MonthName(false)],
            'B' => &[Item::MonthName(true)],
            'd' => &[Item::Day(Pad::Zero)],
            'e' => &[Item::Day(Pad::Space)],
            'g' => &[Item::Day(Pad::None)],
            'a' => &[Item::WeekdayName(false)],
            'A' => &[Item::WeekdayName(true)],
            'H' => &[Item::Hour],
            'I' => &[Item::Hour12(Pad::Zero)],
            'l' => &[Item::Hour12(Pad::None)],
            'p' => &[Item::AmPm(true)],
            'P' => &[Item::AmPm(false)],
            'M' => &[Item::Minute],
            'S' => &[Item::Second],
            'Z' => &[Item::ZoneName],
            'z' => &[Item::Offset(OffsetForm::Iso)],
            'w' => &[Item::Offset(OffsetForm::Seconds)],
            'i' => &[Item::Offset(OffsetForm::Hours)],
            'j' => &[Item::Offset(OffsetForm::Colon)],
            'k' => &[Item::Offset(OffsetForm::ColonSeconds)],
            'D' | 'x' => &[
                Item::Month(Pad::Zero),
                Item::Literal(Box::from("/")),
                Item::Day(Pad::Zero),
                Item::Literal(Box::from("/")),
                Item::DateYear,
            ],
            'F' => &[
                Item::Year,
                Item::Literal(Box::from("-")),
                Item::Month(Pad::Zero),
                Item::Literal(Box::from("-")),
                Item::Day(Pad::Zero),
            ],
            'T' | 'X' => &[
                Item::Hour,
                Item::Literal(Box::from(":")),
                Item::Minute,
                Item::Literal(Box::from(":")),
                Item::Second,
            ],
            'r' => &[
                Item::Hour12(Pad::Zero),
                Item::Literal(Box::from(":")),
                Item::Minute,
                Item::Literal(Box::from(":")),
                Item::Second,
                Item::Literal(Box::from(" ")),
                Item::AmPm(false),
            ],
            'R' => &[Item::Hour, Item::Literal(Box::from(":")), Item::Minute],
            'c' => &[
                Item::WeekdayName(false),
                Item::Literal(Box::from(" ")),
                Item::MonthName(false),
                Item::Literal(Box::from(" ")),
                Item::Day(Pad::Zero),
                Item::Literal(Box::from(" ")),
                Item::Hour,
                Item::Literal(Box::from(":")),
                Item::Minute,
                Item::Literal(Box::from(":")),
                Item::Second,
                Item::Literal(Box::from(" ")),
                Item::Year,
            ],
            other => {
                unknown.push(format!("%{other}"));
                continue;
            }
        };
        flush(&mut literal, &mut items);
        items.extend(expanded.iter().cloned());
    }
    if !unknown.is_empty() {
        return Err(FormatError::Unknown(unknown));
    }
    flush(&mut literal, &mut items);
    Ok(items)
}

fn flush(literal: &mut String, items: &mut Vec<Item>) {
    if !literal.is_empty() {
        items.push(Item::Literal(std::mem::take(literal).into_boxed_str()));
    }
}

/// English month names, January first.
pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// English weekday names, Sunday first.
pub(crate) const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_what_the_reference_rejects() {
        assert_eq!(compile(""), Err(FormatError::Empty));
        assert_eq!(compile("%Y-01"), Err(FormatError::Digits));
        assert_eq!(
            compile("%S%L"),
            Err(FormatError::Fraction("S%L".to_owned()))
        );
        assert_eq!(
            compile("%Y %Q %E"),
            Err(FormatError::Unknown(vec!["%Q".to_owned(), "%E".to_owned()]))
        );
    }

    #[test]
    fn a_fraction_takes_its_separator() {
        assert_eq!(
            compile("%S,%f"),
            Ok(vec![Item::Second, Item::Fraction(',', 6)])
        );
    }
}
