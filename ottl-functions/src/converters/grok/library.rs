//! go-grok's pattern library, read on first use.

use std::collections::HashMap;
use std::sync::LazyLock;

/// `data/grok/patterns.txt`: one `NAME definition` a line, sets in the order the reference
/// adds them.
const PATTERNS: &str = include_str!("../../../data/grok/patterns.txt");

/// The definition of the library pattern `name`: a product set's over the default set's, a
/// later product set's over an earlier one's (`grok.NewComplete`).
pub(super) fn lookup(name: &str) -> Option<&'static str> {
    static LIBRARY: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
        PATTERNS
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| line.split_once(' '))
            .collect()
    });
    LIBRARY.get(name).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_library_has_the_default_and_product_sets() {
        assert_eq!(lookup("WORD"), Some(r"\b\w+\b"));
        assert!(lookup("ELB_URI").is_some());
        assert!(lookup("COMMONAPACHELOG").is_some());
        assert!(lookup("NOPE").is_none());
    }
}
