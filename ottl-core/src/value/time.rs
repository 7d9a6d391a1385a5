//! [`Time`]: an instant together with the zone it reads in.
//!
//! The reference's `time.Time` carries a location: a time parsed with `Time(…, "Asia/Tokyo")` or
//! returned by `Now()` prints its calendar fields, `FormatTime` text and `%Z` abbreviation in
//! that zone, and keeps it through `time + duration` (so a later daylight-saving change is
//! applied). A fixed offset would get that last case wrong, so a time keeps the whole zone; a
//! `jiff` zone is a pointer (UTC and fixed offsets allocate nothing, a named zone is shared),
//! so carrying it costs a word. Comparisons, differences and the OTLP fields use only the
//! instant. Times read from the record are UTC.

pub use jiff::tz::TimeZone;

/// An instant, in nanoseconds since the Unix epoch, and the zone it reads in.
#[derive(Debug, Clone, PartialEq)]
pub struct Time {
    nanos: i64,
    zone: TimeZone,
}

impl Time {
    /// `nanos` since the Unix epoch, read in UTC (how the record's fields read).
    pub const fn utc(nanos: i64) -> Self {
        Time {
            nanos,
            zone: TimeZone::UTC,
        }
    }

    /// `nanos` since the Unix epoch, read in `zone`.
    pub const fn new(nanos: i64, zone: TimeZone) -> Self {
        Time { nanos, zone }
    }

    /// Nanoseconds since the Unix epoch.
    pub const fn nanos(&self) -> i64 {
        self.nanos
    }

    /// The zone the time reads in.
    pub const fn zone(&self) -> &TimeZone {
        &self.zone
    }

    /// The time's date and clock reading in its own zone.
    pub fn civil(&self) -> jiff::civil::DateTime {
        self.zone.to_datetime(self.instant())
    }

    /// The date and clock reading in the time's zone as Go writes them:
    /// `2006-01-02{separator}15:04:05`, then `.` and the nanoseconds without trailing zeros
    /// when there are any.
    pub fn clock_text(&self, separator: char) -> String {
        use std::fmt::Write;
        let t = self.civil();
        let mut out = format!(
            "{:04}-{:02}-{:02}{separator}{:02}:{:02}:{:02}",
            t.year(),
            t.month(),
            t.day(),
            t.hour(),
            t.minute(),
            t.second()
        );
        if t.subsec_nanosecond() != 0 {
            let digits = format!("{:09}", t.subsec_nanosecond());
            let _ = write!(out, ".{}", digits.trim_end_matches('0'));
        }
        out
    }

    /// The time as Go's JSON encoder writes it, without the quotes: RFC 3339 in the time's
    /// zone, the nanoseconds' trailing zeros dropped, `Z` for a zero offset
    /// (`2020-02-11T20:26:12.000000321Z`, `2023-05-26T12:34:56+09:00`).
    pub fn rfc3339(&self) -> String {
        use std::fmt::Write;
        let mut out = self.clock_text('T');
        let seconds = self.zone.to_offset(self.instant()).seconds();
        if seconds == 0 {
            out.push('Z');
        } else {
            let sign = if seconds < 0 { '-' } else { '+' };
            let minutes = seconds.unsigned_abs() / 60;
            let _ = write!(out, "{sign}{:02}:{:02}", minutes / 60, minutes % 60);
        }
        out
    }

    /// The instant; every i64 of nanoseconds (years 1677 to 2262) is inside jiff's range.
    fn instant(&self) -> jiff::Timestamp {
        jiff::Timestamp::from_nanosecond(i128::from(self.nanos)).unwrap_or_default()
    }

    /// Another instant in the same zone.
    pub fn with_nanos(&self, nanos: i64) -> Self {
        Time {
            nanos,
            zone: self.zone.clone(),
        }
    }
}
