//! [`Clock`]: where `Now()` reads the time.

use std::time::{SystemTime, UNIX_EPOCH};

/// The clock `Now()` reads, carried by the [`Request`](super::Request) a batch runs with.
///
/// [`Clock::System`] unless the host fixes it: a test, or a host that wants one instant for a
/// whole batch, sets [`Clock::Fixed`] on the request it runs the program with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Clock {
    /// The system's wall clock.
    #[default]
    System,
    /// Always this instant, in nanoseconds since the Unix epoch.
    Fixed(i64),
}

impl Clock {
    /// The current instant, in nanoseconds since the Unix epoch (saturated to the `i64` range:
    /// 1677 to 2262).
    pub fn now(self) -> i64 {
        match self {
            Clock::Fixed(nanos) => nanos,
            Clock::System => match SystemTime::now().duration_since(UNIX_EPOCH) {
                Ok(after) => i64::try_from(after.as_nanos()).unwrap_or(i64::MAX),
                Err(before) => {
                    i64::try_from(before.duration().as_nanos()).map_or(i64::MIN, |nanos| -nanos)
                }
            },
        }
    }
}
