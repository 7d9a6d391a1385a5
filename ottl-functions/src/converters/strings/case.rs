//! Case mapping as Go's `strings.ToLower` / `strings.ToUpper` do it: one character at a time,
//! by Unicode's simple mapping (no `ß` → `SS`, no final-sigma rule).

use ottl_core::model::Str;
use std::borrow::Cow;

#[derive(Clone, Copy)]
pub(crate) enum Case {
    Lower,
    Upper,
}

fn map_char(c: char, case: Case) -> char {
    // Rust's mappings are the full ones; where the full mapping has several characters, the
    // simple one is the first of them for lowercase (`İ` → `i`) and none for uppercase.
    match case {
        Case::Lower => c.to_lowercase().next().unwrap_or(c),
        Case::Upper => {
            let mut upper = c.to_uppercase();
            match (upper.next(), upper.next()) {
                (Some(single), None) => single,
                _ => c,
            }
        }
    }
}

/// `text` in `case`; borrowed back unchanged when no character changes.
pub(crate) fn convert(text: Cow<'_, Str>, case: Case) -> Cow<'_, Str> {
    // One pass over the bytes, without an early exit so that it vectorises, decides the
    // common case: ASCII text already in the wanted case comes back as it is.
    let changes_ascii = |b: u8| match case {
        Case::Lower => b.is_ascii_uppercase(),
        Case::Upper => b.is_ascii_lowercase(),
    };
    let (changes, non_ascii) = text
        .bytes()
        .fold((false, false), |(changes, non_ascii), b| {
            (changes | changes_ascii(b), non_ascii | !b.is_ascii())
        });
    if !non_ascii {
        if !changes {
            return text;
        }
        // Without a Unicode table lookup per character.
        let converted = match case {
            Case::Lower => text.to_ascii_lowercase(),
            Case::Upper => text.to_ascii_uppercase(),
        };
        return Cow::Owned(Str::from(converted));
    }
    if !text.chars().any(|c| map_char(c, case) != c) {
        return text;
    }
    let converted: String = text.chars().map(|c| map_char(c, case)).collect();
    Cow::Owned(Str::from(converted))
}
