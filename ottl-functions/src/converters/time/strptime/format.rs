//! Writing a time with a compiled format, as Go's `Time.Format` writes the equivalent layout.

use super::{Item, MONTHS, OffsetForm, Pad, WEEKDAYS};
use crate::converters::time::calendar::zone_label;
use ottl_core::model::Str;
use ottl_core::value::Time;
use std::cell::RefCell;
use std::fmt::Write;

thread_local! {
    /// The text being written, kept between calls so a short result allocates nothing (it
    /// becomes an inline string).
    static BUFFER: RefCell<String> = const { RefCell::new(String::new()) };
}

/// `time` written with `items`, in the time's own zone.
pub(crate) fn format(items: &[Item], time: &Time) -> Str {
    BUFFER.with(|buffer| match buffer.try_borrow_mut() {
        Ok(mut out) => {
            out.clear();
            write(items, time, &mut out);
            Str::from(out.as_str())
        }
        // Not reentrant, but never fail.
        Err(_) => {
            let mut out = String::new();
            write(items, time, &mut out);
            Str::from(out)
        }
    })
}

fn write(items: &[Item], time: &Time, out: &mut String) {
    let date = time.civil();
    let instant = jiff::Timestamp::from_nanosecond(i128::from(time.nanos())).unwrap_or_default();
    let offset = time.zone().to_offset(instant).seconds();
    for item in items {
        // Writing to a String does not fail.
        let _ = match item {
            Item::Literal(text) => {
                out.push_str(text);
                Ok(())
            }
            Item::Year | Item::DateYear => write!(out, "{:04}", date.year()),
            Item::Year2 => write!(out, "{:02}", date.year().rem_euclid(100)),
            Item::Month(pad) => number(out, *pad, date.month().into()),
            Item::MonthName(full) => name(out, MONTHS[month_index(date.month())], *full),
            Item::Day(pad) => number(out, *pad, date.day().into()),
            Item::WeekdayName(full) => name(
                out,
                WEEKDAYS[usize::from(date.weekday().to_sunday_zero_offset().unsigned_abs())],
                *full,
            ),
            Item::Hour => write!(out, "{:02}", date.hour()),
            Item::Hour12(pad) => {
                let hour = match date.hour() % 12 {
                    0 => 12,
                    hour => hour,
                };
                number(out, *pad, hour.into())
            }
            Item::AmPm(upper) => {
                out.push_str(match (date.hour() >= 12, upper) {
                    (true, true) => "PM",
                    (false, true) => "AM",
                    (true, false) => "pm",
                    (false, false) => "am",
                });
                Ok(())
            }
            Item::Minute => write!(out, "{:02}", date.minute()),
            Item::Second => write!(out, "{:02}", date.second()),
            Item::Fraction(separator, digits) => {
                fraction(out, *separator, *digits, time.nanos());
                Ok(())
            }
            Item::ZoneName => {
                out.push_str(&zone_label(time).1);
                Ok(())
            }
            Item::Offset(form) => {
                match form {
                    OffsetForm::Iso if offset == 0 => out.push('Z'),
                    OffsetForm::Iso => write_offset(out, offset, false, 2),
                    OffsetForm::Seconds => write_offset(out, offset, false, 3),
                    OffsetForm::Hours => write_offset(out, offset, false, 1),
                    OffsetForm::Colon => write_offset(out, offset, true, 2),
                    OffsetForm::ColonSeconds => write_offset(out, offset, true, 3),
                }
                Ok(())
            }
        };
    }
}

fn month_index(month: i8) -> usize {
    usize::from(month.unsigned_abs().saturating_sub(1)).min(11)
}

fn number(out: &mut String, pad: Pad, value: i64) -> std::fmt::Result {
    match pad {
        Pad::Zero => write!(out, "{value:02}"),
        Pad::Space => write!(out, "{value:>2}"),
        Pad::None => write!(out, "{value}"),
        Pad::Underscore => write!(out, "_{value}"),
    }
}

fn name(out: &mut String, full_name: &str, full: bool) -> std::fmt::Result {
    out.push_str(if full { full_name } else { &full_name[..3] });
    Ok(())
}

/// Go's `.999…`: at most `digits` digits, trailing zeros dropped; nothing when zero.
fn fraction(out: &mut String, separator: char, digits: u8, nanos: i64) {
    let nanos = nanos.rem_euclid(1_000_000_000);
    let mut width = u32::from(digits.min(9));
    let mut value = nanos / 10i64.pow(9 - width);
    while width > 0 && value % 10 == 0 {
        value /= 10;
        width -= 1;
    }
    if width > 0 {
        out.push(separator);
        let _ = write!(out, "{value:0width$}", width = width as usize);
    }
}

/// `±hh`, then `mm` and `ss` as `parts` asks (after `:` with `colon`).
fn write_offset(out: &mut String, offset: i32, colon: bool, parts: u8) {
    let sign = if offset < 0 { '-' } else { '+' };
    let total = offset.unsigned_abs();
    let _ = write!(out, "{sign}{:02}", total / 3600);
    let separator = if colon { ":" } else { "" };
    if parts >= 2 {
        let _ = write!(out, "{separator}{:02}", total / 60 % 60);
    }
    if parts >= 3 {
        let _ = write!(out, "{separator}{:02}", total % 60);
    }
}
