//! `Time(time, format, [location], [locale])`.

use super::strptime::{self, DIRECTIVES, Parsed, ZoneText};
use super::zone;
use ottl_core::RuntimeErrorKind;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature, get};
use ottl_core::value::{self, TimeZone, Value};

/// `Time(time, format, [location], [locale])` — a time parsed from a string with a
/// strptime-style format. Without an offset in the text, the time is in `location` (an IANA
/// name), else UTC when the format ends in `Z`, else the local zone. A format without a year
/// gives this year (last year when the date would be more than a week ahead).
pub struct Time;

const NAME: &str = "Time";

impl Function for Time {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, Kind::Time, "a time parsed with a strptime-style format")
            .param("time", ParamKind::Value(Kind::String))
            .param("format", ParamKind::String)
            .optional("location", ParamKind::String)
            .optional("locale", ParamKind::String)
            .example(r#"Day(Time("2023-04-12", "%Y-%m-%d"))"#, "12")
            .example(r#"Weekday(Time("Monday, May 01, 2023", "%A, %B %d, %Y"))"#, "1")
            .example(r#"UnixSeconds(Time("02/04/2023", "%m/%d/%Y", "UTC"))"#, "1675468800")
            .example(r#"UnixSeconds(Time("2023-05-26 12:34:56 HST", "%Y-%m-%d %H:%M:%S %Z"))"#, "1685140496")
            .example(r#"UnixSeconds(Time("2023-05-26T12:34:56+05:30", "%Y-%m-%dT%H:%M:%S%z"))"#, "1685084696")
            .example(r#"FormatTime(Time("2023-05-26 12:34", "%Y-%m-%d %H:%M", "Asia/Tokyo"), "%H:%M %Z")"#, r#""12:34 JST""#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let text = args.get::<get::String>(0)?;
        let format = args.string(1)?;
        let location = args.optional_string(2)?.filter(|name| !name.is_empty());
        let locale = args.optional_string(3)?;
        let items = strptime::compile(&format).map_err(|error| {
            args.invalid(1, error.message(), format!("use the directives {DIRECTIVES}"))
        })?;
        let default = match &location {
            Some(name) => load(name).ok_or_else(|| {
                args.invalid(
                    2,
                    format!("failed to load location {name}: unknown time zone {name}"),
                    "use an IANA zone name, such as \"America/New_York\" or \"UTC\"",
                )
            })?,
            None if format.ends_with('Z') => TimeZone::UTC,
            None => zone::local().clone(),
        };
        if let Some(locale) = &locale
            && !is_english(locale)
        {
            return Err(args.invalid(
                3,
                format!("unsupported locale '{locale}'"),
                "this engine parses English names only: leave the locale out or use \"en\" (or \"en-US\", \"en-GB\", …)",
            ));
        }
        Ok(Compiled::converter(move |ctx| {
            let text = text.eval(ctx)?;
            let error = |message: String| {
                RuntimeErrorKind::Function {
                    function: NAME,
                    message,
                }
                .into()
            };
            if text.is_empty() {
                return Err(error("time cannot be nil".to_owned()));
            }
            let parsed = strptime::parse(&items, text.as_str())
                .map_err(|message| error(format!("parsing time {:?}: {message}", text.as_str())))?;
            resolve(parsed, &default, ctx.now()).map(Value::Time).map_err(error)
        }))
    }
}

/// English, whose names need no translation.
fn is_english(locale: &str) -> bool {
    locale == "en" || locale.starts_with("en-") || locale.starts_with("en_")
}

/// Go's `time.LoadLocation`: `UTC`, `Local`, or a name in the bundled database.
fn load(name: &str) -> Option<TimeZone> {
    match name {
        "UTC" => Some(TimeZone::UTC),
        "Local" => Some(zone::local().clone()),
        _ => TimeZone::get(name).ok(),
    }
}

const NANOS_PER_DAY: i64 = 86_400_000_000_000;

/// The parsed fields as an instant and its zone, as Go's `ParseInLocation` and the
/// reference's zone-abbreviation retry decide.
fn resolve(mut parsed: Parsed, default: &TimeZone, now: i64) -> Result<value::Time, String> {
    if parsed.year == 0 {
        this_year(&mut parsed, default, now)?;
    }
    let as_utc = utc_nanos(&parsed)?;
    match &parsed.zone {
        ZoneText::Utc => Ok(value::Time::new(as_utc, TimeZone::UTC)),
        ZoneText::Offset(offset) => {
            let instant = as_utc - i64::from(*offset) * 1_000_000_000;
            let zone = if in_effect(default, instant, *offset, parsed.abbreviation.as_deref()) {
                default.clone()
            } else if let Some(name) = &parsed.abbreviation {
                named_fixed(name, *offset)?
            } else {
                fixed(*offset)?
            };
            Ok(value::Time::new(instant, zone))
        }
        ZoneText::None if parsed.abbreviation.is_some() => {
            let name = parsed.abbreviation.as_deref().unwrap_or_default();
            if let Some(offset) = offset_named(default, name, as_utc) {
                let instant = as_utc - i64::from(offset) * 1_000_000_000;
                return Ok(value::Time::new(instant, default.clone()));
            }
            let hours = name
                .strip_prefix("GMT")
                .and_then(|hours| hours.parse::<i32>().ok())
                .unwrap_or(0);
            if hours != 0 {
                // Go keeps the clock reading as UTC here and only labels it.
                return Ok(value::Time::new(as_utc, named_fixed(name, hours * 3600)?));
            }
            // An abbreviation the zone does not know reads as UTC in Go; the reference then
            // loads it as a zone name (`EST`, `HST`) and parses again in that zone.
            let zone = load(name).ok_or_else(|| {
                format!("failed to load location {name}: unknown time zone {name}")
            })?;
            match offset_named(&zone, name, as_utc) {
                Some(offset) => {
                    let instant = as_utc - i64::from(offset) * 1_000_000_000;
                    Ok(value::Time::new(instant, zone))
                }
                None => Ok(value::Time::new(as_utc, TimeZone::UTC)),
            }
        }
        ZoneText::None => {
            let date = jiff::civil::DateTime::new(
                parsed.year,
                parsed.month,
                parsed.day,
                parsed.hour,
                parsed.minute,
                parsed.second,
                parsed.nanosecond,
            )
            .map_err(|error| error.to_string())?;
            let instant = nanos(default.to_ambiguous_timestamp(date).compatible())?;
            Ok(value::Time::new(instant, default.clone()))
        }
    }
}

/// The reference's `SetTimestampYear`: this year (in the local zone), or last year when the
/// date, read in the time's zone, would be more than seven days ahead of now.
fn this_year(parsed: &mut Parsed, zone: &TimeZone, now: i64) -> Result<(), String> {
    let now_instant = jiff::Timestamp::from_nanosecond(i128::from(now)).map_err(|e| e.to_string())?;
    let today = zone::local().to_datetime(now_instant);
    parsed.year = today.year();
    let at = |parsed: &Parsed| {
        let (month, day) = normalized(parsed.year, parsed.month, parsed.day);
        jiff::civil::DateTime::new(
            parsed.year,
            month,
            day,
            parsed.hour,
            parsed.minute,
            parsed.second,
            parsed.nanosecond,
        )
    };
    let candidate = at(parsed).map_err(|e| e.to_string())?;
    let ahead = nanos(zone.to_ambiguous_timestamp(candidate).compatible())?;
    if ahead > now + 7 * NANOS_PER_DAY {
        parsed.year -= 1;
    }
    let (month, day) = normalized(parsed.year, parsed.month, parsed.day);
    (parsed.month, parsed.day) = (month, day);
    Ok(())
}

/// The clock reading taken as UTC, in nanoseconds since the epoch (the fields are already
/// checked: the parse validates the day against the month).
fn utc_nanos(parsed: &Parsed) -> Result<i64, String> {
    // Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
    // `days_from_civil`).
    let (month, day) = (i64::from(parsed.month), i64::from(parsed.day));
    let year = i64::from(parsed.year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    let days = era * 146_097 + day_of_era - 719_468;
    let seconds = days * 86_400
        + i64::from(parsed.hour) * 3600
        + i64::from(parsed.minute) * 60
        + i64::from(parsed.second);
    i128::from(seconds)
        .checked_mul(1_000_000_000)
        .map(|nanos| nanos + i128::from(parsed.nanosecond))
        .and_then(|nanos| i64::try_from(nanos).ok())
        .ok_or_else(|| {
            format!(
                "year {} is outside the times this engine holds (1677 to 2262)",
                parsed.year
            )
        })
}

/// Go's `time.Date` normalisation of a day past the month's end (February 29 in a common
/// year is March 1).
fn normalized(year: i16, month: i8, day: i8) -> (i8, i8) {
    let last = strptime::days_in_month(year, month);
    if day > last { (month + 1, day - last) } else { (month, day) }
}

fn nanos(instant: Result<jiff::Timestamp, jiff::Error>) -> Result<i64, String> {
    let instant = instant.map_err(|error| error.to_string())?;
    i64::try_from(instant.as_nanosecond())
        .map_err(|_| format!("{instant} is outside the times this engine holds (1677 to 2262)"))
}

fn fixed(seconds: i32) -> Result<TimeZone, String> {
    jiff::tz::Offset::from_seconds(seconds)
        .map(TimeZone::fixed)
        .map_err(|error| error.to_string())
}

/// A fixed offset that keeps its name for `%Z` (Go's `FixedZone(name, offset)`), as a POSIX
/// zone, whose offsets count west.
fn named_fixed(name: &str, seconds: i32) -> Result<TimeZone, String> {
    let west = -seconds;
    let sign = if west < 0 { "-" } else { "" };
    let west = west.unsigned_abs();
    let rule = format!("<{name}>{sign}{}:{:02}:{:02}", west / 3600, west / 60 % 60, west % 60);
    TimeZone::posix(&rule).map_err(|error| error.to_string())
}

/// Whether the zone is at `offset` at `nanos` (under the abbreviation `name`, if given).
fn in_effect(zone: &TimeZone, nanos: i64, offset: i32, name: Option<&str>) -> bool {
    let instant = jiff::Timestamp::from_nanosecond(i128::from(nanos)).unwrap_or_default();
    let info = zone.to_offset_info(instant);
    info.offset().seconds() == offset && name.is_none_or(|name| name == info.abbreviation())
}

/// Go's `Location.lookupName`: the offset of the zone's abbreviation `name` around `nanos`
/// (the clock reading taken as UTC), preferring the one in effect then.
fn offset_named(zone: &TimeZone, name: &str, nanos: i64) -> Option<i32> {
    const HALF_YEAR: i64 = 182 * NANOS_PER_DAY;
    [0, -HALF_YEAR, HALF_YEAR].into_iter().find_map(|shift| {
        let instant = jiff::Timestamp::from_nanosecond(i128::from(nanos + shift)).ok()?;
        let info = zone.to_offset_info(instant);
        (info.abbreviation() == name).then(|| info.offset().seconds())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(year: i16, month: i8, day: i8) -> Parsed {
        Parsed {
            year,
            month,
            day,
            hour: 1,
            minute: 2,
            second: 3,
            nanosecond: 4,
            zone: ZoneText::None,
            abbreviation: None,
        }
    }

    #[test]
    fn utc_nanos_agree_with_jiff() {
        for (year, month, day) in [(1970, 1, 1), (2000, 2, 29), (1969, 12, 31), (2262, 4, 11), (1678, 1, 1), (2023, 3, 1)] {
            let date = jiff::civil::date(year, month, day).at(1, 2, 3, 4);
            let expected = TimeZone::UTC
                .to_timestamp(date)
                .expect("in range")
                .as_nanosecond();
            assert_eq!(utc_nanos(&at(year, month, day)).map(i128::from), Ok(expected));
        }
        assert!(utc_nanos(&at(1500, 1, 1)).is_err());
    }
}
