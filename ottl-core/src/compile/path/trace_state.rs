//! W3C `tracestate` text, for `span.trace_state["key"]`: parsed and updated as the Go
//! OpenTelemetry SDK's `TraceState` does (at most 32 members, unique valid keys, valid
//! values; an updated member moves to the front).

/// The most members a trace state may have.
const MAX_MEMBERS: usize = 32;

/// The `key=value` members of `text`, in order; `None` if it is not valid tracestate.
pub(super) fn members(text: &str) -> Option<Vec<(&str, &str)>> {
    let mut members: Vec<(&str, &str)> = Vec::new();
    for member in text.split(',').filter(|m| !m.is_empty()) {
        let (key, value) = member.split_once('=')?;
        let key = key.trim_start_matches([' ', '\t']);
        let value = value.trim_end_matches([' ', '\t']);
        if !valid_key(key) || !valid_value(value) || members.iter().any(|(k, _)| *k == key) {
            return None;
        }
        members.push((key, value));
        if members.len() > MAX_MEMBERS {
            return None;
        }
    }
    Some(members)
}

/// The value of member `key` in `text`: `Some("")` when absent, `None` when `text` is not
/// valid tracestate.
pub(super) fn get<'t>(text: &'t str, key: &str) -> Option<&'t str> {
    let members = members(text)?;
    Some(
        members
            .iter()
            .find(|(k, _)| *k == key)
            .map_or("", |(_, v)| v),
    )
}

/// `text` with member `key` set to `value` and moved to the front; `None` (no change) when
/// the key or value is invalid or `text` does not parse.
pub(super) fn insert(text: &str, key: &str, value: &str) -> Option<String> {
    if !valid_key(key) || !valid_value(value) {
        return None;
    }
    let mut members = members(text)?;
    members.retain(|(k, _)| *k != key);
    if members.len() >= MAX_MEMBERS {
        return None;
    }
    members.insert(0, (key, value));
    let rendered: Vec<String> = members.iter().map(|(k, v)| format!("{k}={v}")).collect();
    Some(rendered.join(","))
}

/// `key` or `tenant@system`.
fn valid_key(key: &str) -> bool {
    match key.split_once('@') {
        None => valid_key_part(key, 256, true),
        Some((tenant, system)) => {
            valid_key_part(tenant, 241, false) && valid_key_part(system, 14, true)
        }
    }
}

fn valid_key_part(part: &str, max: usize, lowercase_start: bool) -> bool {
    let bytes = part.as_bytes();
    let Some((&first, rest)) = bytes.split_first() else {
        return false;
    };
    let first_ok = first.is_ascii_lowercase() || (!lowercase_start && first.is_ascii_digit());
    bytes.len() <= max
        && first_ok
        && rest.iter().all(|&b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'-' | b'*' | b'/')
        })
}

/// 1 to 256 printable ASCII characters other than `,` and `=`, not ending in a space.
fn valid_value(value: &str) -> bool {
    let bytes = value.as_bytes();
    let allowed = |b: u8| (0x20..=0x7e).contains(&b) && b != b',' && b != b'=';
    !bytes.is_empty()
        && bytes.len() <= 256
        && bytes.iter().all(|&b| allowed(b))
        && bytes.last().is_some_and(|&b| b != b' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn get_reads_a_member_or_empty_or_nothing_when_invalid() {
        assert_eq!(
            get("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE", "congo"),
            Some("t61rcWkgMzE")
        );
        assert_eq!(get("rojo=1", "congo"), Some(""));
        assert_eq!(get("Bad=1", "congo"), None);
        assert_eq!(get("a=1,a=2", "a"), None);
        assert_eq!(get("", "a"), Some(""));
    }

    #[test]
    fn insert_moves_the_member_to_the_front() {
        assert_eq!(insert("a=1,b=2", "b", "3").as_deref(), Some("b=3,a=1"));
        assert_eq!(
            insert("a=1", "tenant@sys", "x").as_deref(),
            Some("tenant@sys=x,a=1")
        );
        assert_eq!(insert("a=1", "B", "x"), None);
        assert_eq!(insert("a=1", "b", "x,y"), None);
        assert_eq!(insert("not valid", "b", "x"), None);
    }
}
