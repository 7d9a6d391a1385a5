//! "Did you mean": the closest known name to a misspelt one.

/// The candidate closest to `name` by edit distance, if it is close enough to be a likely typo
/// (at most a third of the name's length, and at least one edit allowed).
///
/// ```
/// use ottl_core::diag::suggest;
/// assert_eq!(suggest("atributes", ["attributes", "body"]), Some("attributes"));
/// assert_eq!(suggest("xyz", ["attributes", "body"]), None);
/// ```
pub fn suggest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|candidate| (edit_distance(name, candidate), candidate))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// The `count` candidates closest to `name` by edit distance, nearest first (ties in the
/// candidates' order), however far they are: for a "did you mean one of" when [`suggest`] finds
/// no likely typo.
///
/// ```
/// use ottl_core::diag::closest;
/// assert_eq!(closest("Nope", ["Now", "Len", "Concat"], 2), ["Now", "Len"]);
/// ```
pub fn closest<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    count: usize,
) -> Vec<&'a str> {
    let mut ranked: Vec<(usize, &str)> = candidates
        .into_iter()
        .map(|candidate| (edit_distance(name, candidate), candidate))
        .collect();
    ranked.sort_by_key(|(distance, _)| *distance);
    ranked.into_iter().take(count).map(|(_, c)| c).collect()
}

/// Levenshtein distance, case-insensitive (a wrong case is a likely slip too).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().flat_map(char::to_lowercase).collect();
    let b: Vec<char> = b.chars().flat_map(char::to_lowercase).collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = Vec::with_capacity(b.len() + 1);
        current.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}
