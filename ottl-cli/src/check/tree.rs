//! A YAML document as a tree that keeps where every key and value is, so that `ottl check` can
//! walk any shape (collector configs, Helm values, Kubernetes resources) and point into it.

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// A YAML value. Scalars keep their text (`1`, `true` and `"1"` alike, as the collector reads
/// a scalar into a string field).
#[derive(Debug)]
pub(crate) enum Node {
    /// A mapping, in document order.
    Map(Vec<Entry>),
    /// A sequence.
    Seq(Vec<Spanned<Node>>),
    /// A scalar other than null.
    Scalar(String),
    /// `null`, `~` or nothing.
    Null,
}

/// One key and value of a mapping.
#[derive(Debug)]
pub(crate) struct Entry {
    /// The key, as text.
    pub(crate) key: Spanned<String>,
    /// The value.
    pub(crate) value: Spanned<Node>,
}

impl Node {
    /// The value of `key`, when this is a mapping that has it.
    pub(crate) fn get(&self, key: &str) -> Option<&Spanned<Node>> {
        self.entries()
            .iter()
            .find(|e| e.key.value == key)
            .map(|e| &e.value)
    }

    /// The entries of a mapping; none for anything else.
    pub(crate) fn entries(&self) -> &[Entry] {
        match self {
            Node::Map(entries) => entries,
            _ => &[],
        }
    }

    /// The text of a scalar.
    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Node::Scalar(text) => Some(text),
            _ => None,
        }
    }

    /// What the value is, for messages.
    pub(crate) fn what(&self) -> &'static str {
        match self {
            Node::Map(_) => "a mapping",
            Node::Seq(_) => "a list",
            Node::Scalar(_) => "a scalar",
            Node::Null => "nothing",
        }
    }
}

/// Reads every document of a YAML stream.
pub(crate) fn parse(text: &str) -> Result<Vec<Spanned<Node>>, serde_saphyr::Error> {
    serde_saphyr::from_multiple(text)
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<Key>>()? {
            let value = map.next_value::<Spanned<Node>>()?;
            let key = Spanned {
                value: key.value.0,
                referenced: key.referenced,
                defined: key.defined,
            };
            entries.push(Entry { key, value });
        }
        Ok(Node::Map(entries))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Node>>()? {
            items.push(item);
        }
        Ok(Node::Seq(items))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Node, E> {
        Ok(Node::Scalar(value.to_owned()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Node, E> {
        Ok(Node::Scalar(value))
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Node, E> {
        Ok(Node::Scalar(value.to_string()))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Node, E> {
        Ok(Node::Scalar(value.to_string()))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Node, E> {
        Ok(Node::Scalar(value.to_string()))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Node, E> {
        Ok(Node::Scalar(value.to_string()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node, D::Error> {
        Node::deserialize(deserializer)
    }
}

/// A mapping key of any scalar kind, as text.
struct Key(String);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Node::deserialize(deserializer)? {
            Node::Scalar(text) => Ok(Key(text)),
            Node::Null => Ok(Key(String::new())),
            other => Ok(Key(format!("<{}>", other.what()))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_positions_of_keys_and_scalars() {
        let docs = parse("a:\n  b: [x, 1]\n---\nc: ~\n").expect("valid YAML");
        assert_eq!(docs.len(), 2);
        let a = docs[0].value.get("a").expect("a");
        let b = a.value.get("b").expect("b");
        let Node::Seq(items) = &b.value else {
            panic!("a list")
        };
        assert_eq!(items[1].value.as_str(), Some("1"));
        assert_eq!(items[0].referenced.line(), 2);
        assert!(matches!(
            docs[1].value.get("c").map(|c| &c.value),
            Some(Node::Null)
        ));
    }
}
