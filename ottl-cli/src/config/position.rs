//! Where a statement's bytes are in the YAML file, so that diagnostics point into the file.
//!
//! A YAML scalar's value is not always its source text: quotes surround it, `''` and `\"`
//! stand for one character, and the collector turns `$$` into `$`. [`ScalarMap`] records, for
//! each byte of the value, the bytes of the file it came from. Plain, single-quoted and
//! double-quoted scalars on one line are mapped, and so are block and multi-line scalars,
//! through their folded line breaks; quoted scalars that both span lines and use escapes are
//! not (the caller then shows the statement on its own).

use ottl_core::span::Span;

/// The file range each byte of a scalar's value was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ScalarMap {
    /// `ranges[i]` is the file range of value byte `i`.
    ranges: Vec<(usize, usize)>,
    /// Where the value starts in the file (for spans at offset 0 of an empty value).
    start: usize,
}

impl ScalarMap {
    /// Maps the scalar whose source is `file[start..start + len]` and whose value is `value`,
    /// or `None` when its form is not one this module maps.
    pub(crate) fn new(file: &str, start: usize, len: usize, value: &str) -> Option<ScalarMap> {
        let source = file.get(start..start.checked_add(len)?)?;
        let (bytes, ranges) = match source.as_bytes().first() {
            Some(b'\'') => single_quoted(source).or_else(|| quoted_folded(source, value))?,
            Some(b'"') => double_quoted(source).or_else(|| quoted_folded(source, value))?,
            _ if source == value => (
                value.as_bytes().to_vec(),
                (0..value.len()).map(|i| (i, i + 1)).collect(),
            ),
            // A plain scalar over several lines, or a block scalar (`|`, `>`, whose source
            // starts at its content): folded line breaks and indentation are skipped.
            _ => folded(source, value)?,
        };
        if bytes != value.as_bytes() {
            return None;
        }
        let ranges = ranges
            .into_iter()
            .map(|(from, to)| (from + start, to + start))
            .collect();
        Some(ScalarMap { ranges, start })
    }

    /// The value as the collector's confmap resolves it — `$$` is one `$`; `${env:VAR}`,
    /// `${VAR}` and `${env:VAR:-default}` are the variable's value (the default when it is
    /// unset, nothing when it is unset without one); other `${scheme:…}` stay as written —
    /// and the map to match: an expansion's bytes all point at its `${…}`.
    pub(crate) fn expand(
        value: &str,
        map: Option<ScalarMap>,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> (String, Option<ScalarMap>) {
        if !value.contains('$') {
            return (value.to_owned(), map);
        }
        let range_of = |from: usize, to: usize| {
            let map = map.as_ref()?;
            Some((map.ranges.get(from)?.0, map.ranges.get(to - 1)?.1))
        };
        let mut text = String::with_capacity(value.len());
        let mut ranges = Vec::with_capacity(value.len());
        let mut i = 0;
        while let Some(rest) = value.get(i..).filter(|r| !r.is_empty()) {
            let (replacement, width) = if rest.starts_with("$$") {
                ("$".to_owned(), 2)
            } else if let Some((replacement, width)) = expansion(rest, env) {
                (replacement, width)
            } else {
                let width = rest.chars().next().map_or(1, char::len_utf8);
                (rest[..width].to_owned(), width)
            };
            let range = if width == replacement.len() && !rest.starts_with('$') {
                None
            } else {
                Some(range_of(i, i + width))
            };
            for (offset, _) in replacement.bytes().enumerate() {
                ranges.push(match range {
                    Some(whole) => whole,
                    None => range_of(i + offset, i + offset + 1),
                });
            }
            text.push_str(&replacement);
            i += width;
        }
        let map = map.and_then(|m| {
            let ranges: Option<Vec<_>> = ranges.into_iter().collect();
            Some(ScalarMap {
                ranges: ranges?,
                start: m.start,
            })
        });
        (text, map)
    }

    /// The same map for a text whose bytes sit elsewhere: `outer` gives, for each byte
    /// offset in the text this map points into, the offset it has in the enclosing file.
    pub(crate) fn moved(&self, outer: impl Fn(usize) -> usize) -> ScalarMap {
        ScalarMap {
            ranges: self
                .ranges
                .iter()
                .map(|&(from, to)| {
                    let moved = outer(from);
                    (moved, moved + to.saturating_sub(from))
                })
                .collect(),
            start: outer(self.start),
        }
    }

    /// The file span of the value span `span`.
    pub(crate) fn span(&self, span: Span) -> Span {
        let start = match self.ranges.get(span.start) {
            Some(&(from, _)) => from,
            None => self.ranges.last().map_or(self.start, |&(_, to)| to),
        };
        let end = match span.end.checked_sub(1).and_then(|i| self.ranges.get(i)) {
            Some(&(_, to)) if span.end > span.start => to,
            _ => start,
        };
        Span::new(start, end.max(start))
    }
}

/// Aligns `value` with the `source` it was folded from: equal bytes map to each other; a
/// space of the value stands for a run of source whitespace that holds a line break (a folded
/// line break with the next line's indentation); other source whitespace (indentation after a
/// kept line break) is skipped. `None` when the two do not align.
fn folded(source: &str, value: &str) -> Option<Unquoted> {
    let source = source.as_bytes();
    let mut ranges = Vec::with_capacity(value.len());
    let mut j = 0;
    for &byte in value.as_bytes() {
        loop {
            let &at = source.get(j)?;
            if at == byte {
                ranges.push((j, j + 1));
                j += 1;
                break;
            }
            let run = source[j..]
                .iter()
                .take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
                .count();
            if run == 0 {
                return None;
            }
            if byte == b' ' && source[j..j + run].contains(&b'\n') {
                ranges.push((j, j + run));
                j += run;
                break;
            }
            j += 1;
        }
    }
    Some((value.as_bytes().to_vec(), ranges))
}

/// A quoted scalar over several lines, without escapes: aligned as [`folded`] inside its
/// quotes.
fn quoted_folded(source: &str, value: &str) -> Option<Unquoted> {
    let quote = source.get(..1)?;
    let inner = source.strip_prefix(quote)?.strip_suffix(quote)?;
    if inner.contains('\\') || (quote == "'" && inner.contains("''")) {
        return None;
    }
    let (bytes, ranges) = folded(inner, value)?;
    Some((
        bytes,
        ranges.into_iter().map(|(a, b)| (a + 1, b + 1)).collect(),
    ))
}

/// The value of the `${…}` reference `text` starts with, and its length, when it is one
/// confmap resolves from the environment.
fn expansion(text: &str, env: &dyn Fn(&str) -> Option<String>) -> Option<(String, usize)> {
    let inner = text.strip_prefix("${")?;
    let end = inner.find('}')?;
    let reference = &inner[..end];
    let reference = reference.strip_prefix("env:").unwrap_or(reference);
    let (name, default) = match reference.split_once(":-") {
        Some((name, default)) => (name, Some(default)),
        None => (reference, None),
    };
    let is_name = name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !is_name {
        return None;
    }
    let value = env(name).or(default.map(str::to_owned)).unwrap_or_default();
    Some((value, end + 3))
}

/// The process environment, as the collector reads it.
pub(crate) fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

/// A scalar's value bytes and, for each, the range of the scalar's source it was read from.
type Unquoted = (Vec<u8>, Vec<(usize, usize)>);

/// The value and byte ranges of a single-quoted scalar on one line (`''` is one quote).
fn single_quoted(source: &str) -> Option<Unquoted> {
    let inner = source.strip_prefix('\'')?.strip_suffix('\'')?.as_bytes();
    let mut bytes = Vec::with_capacity(inner.len());
    let mut ranges = Vec::with_capacity(inner.len());
    let mut i = 0;
    while let Some(&byte) = inner.get(i) {
        if byte == b'\n' {
            return None;
        }
        let width = if byte == b'\'' { 2 } else { 1 };
        bytes.push(byte);
        ranges.push((i + 1, i + 1 + width));
        i += width;
    }
    Some((bytes, ranges))
}

/// The value and byte ranges of a double-quoted scalar on one line, with the one-character
/// escapes statements use (`\"`, `\\`, `\/`, `\t`, `\n`, `\r`).
fn double_quoted(source: &str) -> Option<Unquoted> {
    let inner = source.strip_prefix('"')?.strip_suffix('"')?.as_bytes();
    let mut bytes = Vec::with_capacity(inner.len());
    let mut ranges = Vec::with_capacity(inner.len());
    let mut i = 0;
    while let Some(&byte) = inner.get(i) {
        let (value, width) = match byte {
            b'\n' => return None,
            b'\\' => match inner.get(i + 1)? {
                b'"' => (b'"', 2),
                b'\\' => (b'\\', 2),
                b'/' => (b'/', 2),
                b't' => (b'\t', 2),
                b'n' => (b'\n', 2),
                b'r' => (b'\r', 2),
                _ => return None,
            },
            other => (other, 1),
        };
        bytes.push(value);
        ranges.push((i + 1, i + 1 + width));
        i += width;
    }
    Some((bytes, ranges))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapped(file: &str, value: &str, span: (usize, usize)) -> Option<String> {
        let start = file.find(|c: char| !c.is_whitespace() && c != '-')?;
        let map = ScalarMap::new(file, start, file.trim_end().len() - start, value)?;
        let span = map.span(Span::new(span.0, span.1));
        file.get(span.range()).map(str::to_owned)
    }

    #[test]
    fn plain_scalars_map_one_to_one() {
        assert_eq!(
            mapped("- set(x, 1)", "set(x, 1)", (4, 5)).as_deref(),
            Some("x")
        );
    }

    #[test]
    fn single_quotes_collapse() {
        let file = "- 'a(''b'', cc)'";
        assert_eq!(mapped(file, "a('b', cc)", (7, 9)).as_deref(), Some("cc"));
        assert_eq!(mapped(file, "a('b', cc)", (2, 5)).as_deref(), Some("''b''"));
    }

    #[test]
    fn double_quote_escapes_collapse() {
        let file = r#"- "a(\"b\", cc)""#;
        assert_eq!(mapped(file, r#"a("b", cc)"#, (7, 9)).as_deref(), Some("cc"));
    }

    #[test]
    fn a_value_that_differs_is_not_mapped() {
        assert_eq!(mapped("- abc", "abd", (0, 1)), None);
    }

    #[test]
    fn block_and_multi_line_scalars_map_through_their_folds() {
        let file = "k: |\n  set(x, 1)\n";
        let map = ScalarMap::new(file, 7, file.len() - 7, "set(x, 1)\n");
        let span = map.map(|m| m.span(Span::new(4, 5)));
        assert_eq!(span.and_then(|s| file.get(s.range())), Some("x"));
        let file = "k: >\n  a(x,\n    y)\n";
        let map = ScalarMap::new(file, 7, file.len() - 7, "a(x, y)\n");
        let span = map.map(|m| m.span(Span::new(5, 6)));
        assert_eq!(span.and_then(|s| file.get(s.range())), Some("y"));
    }

    #[test]
    fn env_references_expand_and_point_at_themselves() {
        let file = "- f(\"${env:A}-${B:-dflt}-${C}-${file:x}\", y)";
        let value = &file[2..];
        let map = ScalarMap::new(file, 2, value.len(), value);
        let env = |name: &str| (name == "A").then(|| "aa".to_owned());
        let (text, map) = ScalarMap::expand(value, map, &env);
        assert_eq!(text, "f(\"aa-dflt--${file:x}\", y)");
        let span = |from, to| map.as_ref().map(|m| m.span(Span::new(from, to)));
        assert_eq!(
            span(3, 5).and_then(|s| file.get(s.range())),
            Some("${env:A}")
        );
        let y = text.find('y').unwrap_or_default();
        assert_eq!(span(y, y + 1).and_then(|s| file.get(s.range())), Some("y"));
    }

    #[test]
    fn dollars_unescape_with_their_map() {
        let file = "- f(\"$$1\", x)";
        let map = ScalarMap::new(file, 2, file.len() - 2, "f(\"$$1\", x)");
        let (text, map) = ScalarMap::expand("f(\"$$1\", x)", map, &|_| None);
        assert_eq!(text, "f(\"$1\", x)");
        let span = map.map(|m| m.span(Span::new(8, 9)));
        assert_eq!(span.and_then(|s| file.get(s.range())), Some("x"));
    }
}
