//! Grok: regexes built from named patterns.

#[cfg(feature = "grok")]
mod library;

crate::family! {
    #[cfg(feature = "grok")]
    extract_grok_patterns => ExtractGrokPatterns,
}

/// Records the functions of the family that this build leaves out, with the cargo feature that
/// carries each, so that a statement calling one is told which feature to turn on.
pub(crate) fn left_out(registry: &mut ottl_core::function::Registry) {
    #[cfg(not(feature = "grok"))]
    registry.left_out("ExtractGrokPatterns", "grok");
    let _ = registry;
}

/// Run with `cargo test -p ottl-functions --no-default-features --lib`.
#[cfg(all(test, not(feature = "grok")))]
mod tests {
    #[test]
    fn grok_names_its_feature_when_left_out() {
        let notes = crate::notes_of(r#"set(cache["m"], ExtractGrokPatterns("a", "%{WORD:w}"))"#);
        assert!(
            notes
                .iter()
                .any(|note| note.contains("cargo feature `grok`")),
            "{notes:?}"
        );
    }
}
