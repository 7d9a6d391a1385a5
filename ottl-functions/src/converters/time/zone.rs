//! The local zone, as Go's `time.Local` reads it from `TZ`.

use ottl_core::value::TimeZone;
use std::sync::OnceLock;

/// The process's local zone: `TZ` names an IANA zone (a leading `:` is dropped, as Go does);
/// unset, empty, `UTC` or a name the bundled database does not know read as UTC. It is never
/// [`TimeZone::UTC`] itself (UTC then is `Etc/UTC`), so a local time stays a local time, as
/// Go's `time.Local` does (`%#v` prints `time.Local`).
pub(crate) fn local() -> &'static TimeZone {
    static LOCAL: OnceLock<TimeZone> = OnceLock::new();
    LOCAL.get_or_init(|| {
        let name = std::env::var("TZ").unwrap_or_default();
        let name = name.strip_prefix(':').unwrap_or(&name);
        let utc = || TimeZone::get("Etc/UTC").unwrap_or(TimeZone::UTC);
        if name.is_empty() || name == "UTC" {
            return utc();
        }
        TimeZone::get(name).unwrap_or_else(|_| utc())
    })
}
