//! Web: URLs and user agents.

mod go_url;
#[cfg(feature = "user-agent")]
mod uap_rules;

crate::family! {
    url => Url,
    #[cfg(feature = "user-agent")]
    user_agent => UserAgent,
}

/// Records the functions of the family that this build leaves out, with the cargo feature that
/// carries each, so that a statement calling one is told which feature to turn on.
pub(crate) fn left_out(registry: &mut ottl_core::function::Registry) {
    #[cfg(not(feature = "user-agent"))]
    registry.left_out("UserAgent", "user-agent");
    let _ = registry;
}

/// Run with `cargo test -p ottl-functions --no-default-features --lib`.
#[cfg(all(test, not(feature = "user-agent")))]
mod tests {
    #[test]
    fn user_agent_names_its_feature_when_left_out() {
        let notes = crate::notes_of(r#"set(attributes["a"], UserAgent("curl/7.81.0"))"#);
        assert!(
            notes
                .iter()
                .any(|note| note.contains("cargo feature `user-agent`")),
            "{notes:?}"
        );
    }
}
