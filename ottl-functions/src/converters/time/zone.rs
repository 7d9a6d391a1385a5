//! The local zone, as Go's `time.Local` reads it from `TZ`.

use ottl_core::value::TimeZone;
use std::sync::OnceLock;

/// The process's local zone: `TZ` names an IANA zone (a leading `:` is dropped, as Go does);
/// unset, empty, `UTC` or a name the bundled database does not know read as UTC.
pub(crate) fn local() -> &'static TimeZone {
    static LOCAL: OnceLock<TimeZone> = OnceLock::new();
    LOCAL.get_or_init(|| {
        let name = std::env::var("TZ").unwrap_or_default();
        let name = name.strip_prefix(':').unwrap_or(&name);
        if name.is_empty() || name == "UTC" {
            return TimeZone::UTC;
        }
        TimeZone::get(name).unwrap_or(TimeZone::UTC)
    })
}
