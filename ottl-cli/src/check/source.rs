//! Where the text `ottl check` reads sits in the file: a document parsed from the file itself,
//! or from a string scalar in it (a ConfigMap's `data.relay: |`, an operator resource's
//! `spec.config: |`), whose lines are mapped back to the file's.

use super::tree::Node;
use crate::config::position::{self, ScalarMap};
use ottl_core::span::Span;
use serde_saphyr::{Location, Spanned};

/// Where the lines of a YAML text read from a string scalar are in the enclosing file.
#[derive(Debug)]
pub(crate) struct Embedding {
    /// `(start in the inner text, start in the file)` of each line, in order; empty when the
    /// scalar's lines could not be found as written (a quoted or folded scalar).
    lines: Vec<(usize, usize)>,
    /// Where the scalar starts in the file: every position maps here when `lines` is empty.
    fallback: usize,
}

impl Embedding {
    /// Maps the lines of `inner`, the value of the scalar starting at `start` in `outer`.
    pub(crate) fn new(outer: &str, start: usize, inner: &str) -> Embedding {
        let fallback = start;
        // The scalar's span starts at its content, or at a block indicator before it.
        let mut cursor = match outer.as_bytes().get(start) {
            Some(b'|' | b'>') => outer
                .get(start..)
                .and_then(|rest| rest.find('\n'))
                .map_or(outer.len(), |newline| start + newline + 1),
            _ => start,
        };
        let mut lines = Vec::new();
        let mut inner_offset = 0;
        for raw in inner.split_inclusive('\n') {
            let content = raw.trim_end_matches(['\n', '\r']);
            let rest = outer.get(cursor..).unwrap_or_default();
            if content.trim().is_empty() {
                lines.push((inner_offset, cursor));
                cursor += rest.find('\n').map_or(rest.len(), |n| n + 1);
            } else {
                let Some(found) = rest.find(content) else {
                    lines.clear();
                    break;
                };
                // The line must be the next non-blank line of the file, after its indentation.
                if !rest[..found].chars().all(char::is_whitespace) {
                    lines.clear();
                    break;
                }
                lines.push((inner_offset, cursor + found));
                let after = &rest[found..];
                cursor += found + after.find('\n').map_or(after.len(), |n| n + 1);
            }
            inner_offset += raw.len();
        }
        Embedding { lines, fallback }
    }

    /// Whether positions inside the text map to positions in the file.
    fn is_mapped(&self) -> bool {
        !self.lines.is_empty()
    }

    /// The file offset of the inner text's offset `inner`.
    pub(crate) fn outer(&self, inner: usize) -> usize {
        let index = self.lines.partition_point(|&(start, _)| start <= inner);
        match index.checked_sub(1).and_then(|i| self.lines.get(i)) {
            Some(&(start, outer)) => outer + (inner - start),
            None => self.fallback,
        }
    }
}

/// The text a document was parsed from, and how it sits in the file.
#[derive(Clone, Copy)]
pub(crate) struct Layer<'a> {
    /// The text parsed (the file, or a scalar's value).
    pub(crate) text: &'a str,
    /// How `text` maps into the file; `None` when `text` is the file.
    pub(crate) embedding: Option<&'a Embedding>,
}

/// A statement, condition or value expression as the component sees it, and where it is.
#[derive(Debug)]
pub(crate) struct Item {
    /// The text, with the collector's `$$` → `$` applied.
    pub(crate) value: String,
    /// Where each byte of `value` is in the file, when the scalar's form allows it.
    map: Option<ScalarMap>,
    /// Where the scalar starts in the file.
    pub(crate) at: usize,
}

impl Item {
    /// The file span of the span `span` of [`Item::value`], when the scalar could be mapped.
    pub(crate) fn span(&self, span: Span) -> Option<Span> {
        self.map.as_ref().map(|map| map.span(span))
    }
}

impl Layer<'_> {
    /// The file offset of the layer's offset `offset`.
    fn outer(&self, offset: usize) -> usize {
        match self.embedding {
            Some(embedding) => embedding.outer(offset),
            None => offset,
        }
    }

    /// The file span of what `location` points at (a key, a scalar).
    pub(crate) fn span(&self, location: &Location) -> Span {
        let span = location.span();
        let start = span
            .byte_offset()
            .and_then(|o| usize::try_from(o).ok())
            .unwrap_or(0);
        let len = span
            .byte_len()
            .and_then(|l| usize::try_from(l).ok())
            .unwrap_or(0);
        let end = self
            .text
            .get(start..start + len)
            .and_then(|s| s.find('\n'))
            .map_or(start + len, |newline| start + newline);
        let outer = self.outer(start);
        match self.embedding {
            Some(embedding) if !embedding.is_mapped() => Span::new(outer, outer),
            _ => Span::new(outer, outer + (end - start)),
        }
    }

    /// The scalar `node` as an item, or `None` when it is not a scalar.
    pub(crate) fn item(&self, node: &Spanned<Node>) -> Option<Item> {
        let value = node.value.as_str()?;
        let span = node.defined.span();
        let start = span.byte_offset().and_then(|o| usize::try_from(o).ok());
        let len = span.byte_len().and_then(|l| usize::try_from(l).ok());
        let map = start
            .zip(len)
            .and_then(|(start, len)| ScalarMap::new(self.text, start, len, value));
        let map = match self.embedding {
            Some(embedding) if embedding.is_mapped() => {
                map.map(|m| m.moved(|o| embedding.outer(o)))
            }
            Some(_) => None,
            None => map,
        };
        let (value, map) = ScalarMap::expand(value, map, &position::process_env);
        Some(Item {
            value,
            map,
            at: self.outer(start.unwrap_or(0)),
        })
    }
}

impl Item {
    /// A text that sits verbatim at byte `offset` of `file` (a `.ottl` line, `-e`).
    pub(crate) fn verbatim(file: &str, offset: usize, value: &str) -> Item {
        Item {
            value: value.to_owned(),
            map: ScalarMap::new(file, offset, value.len(), value),
            at: offset,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_block_lines_map_back_to_the_file() {
        let outer = "data:\n  relay: |\n    a: 1\n\n    b: x\n";
        let start = outer.find("a: 1").unwrap_or_default();
        let embedding = Embedding::new(outer, start, "a: 1\n\nb: x\n");
        let b = "a: 1\n\n".len();
        assert_eq!(
            outer.get(embedding.outer(b)..embedding.outer(b) + 4),
            Some("b: x")
        );
    }

    #[test]
    fn a_quoted_scalar_maps_to_its_start() {
        let outer = "config: \"a: 1\\nb: 2\"\n";
        let embedding = Embedding::new(outer, 8, "a: 1\nb: 2");
        assert!(!embedding.is_mapped());
        assert_eq!(embedding.outer(6), 8);
    }
}
