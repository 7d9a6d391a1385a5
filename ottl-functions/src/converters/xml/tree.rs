//! The document model of antchfx/xmlquery, which the reference's XML editing functions use:
//! nodes linked to parent, children and siblings, built from the tokens the way xmlquery builds
//! them, changed the way its helpers change them, and written back as `OutputXML(false)`
//! writes them.
//!
//! Nodes live in one arena and link by index. The links are changed exactly as xmlquery
//! changes its pointers, so a node added under two parents is shared by both, as it is there;
//! a write stops with an error when a node would contain itself, or after [`MAX_OUTPUT_NODES`]
//! nodes or [`MAX_OUTPUT_BYTES`] bytes, where such sharing would make
//! xmlquery's writer loop or blow up.

use super::decode::{Decoder, Token, XML_URL};
use std::borrow::Cow;
use std::collections::HashMap;

/// An index into [`Document::nodes`].
pub(crate) type NodeId = usize;

/// The most nodes one write visits before giving up (selections that make a node its own
/// descendant, which the reference does not survive).
pub(crate) const MAX_OUTPUT_NODES: usize = 1_000_000;

/// The longest text one write produces before giving up (nodes selected inside each other
/// are written once per path to them).
pub(crate) const MAX_OUTPUT_BYTES: usize = 64 << 20;

/// What a node is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// The root of the tree.
    Document,
    /// `<?xml …?>`, kept or synthesized.
    Declaration,
    /// An element.
    Element,
    /// Character data.
    Text,
    /// A CDATA section.
    CData,
    /// A comment.
    Comment,
    /// A directive (`<!DOCTYPE …>`).
    Notation,
    /// A processing instruction other than `<?xml …?>`.
    ProcInst,
}

/// An attribute: `space` is the prefix xmlquery writes (the last one declared for the
/// namespace), `namespace` the URL.
#[derive(Clone, Debug)]
pub(crate) struct Attr {
    pub(crate) space: String,
    pub(crate) local: String,
    pub(crate) value: String,
    pub(crate) namespace: String,
}

/// One node and its links.
#[derive(Clone, Debug)]
pub(crate) struct Node {
    pub(crate) kind: Kind,
    /// The element's local name, the text, the comment, the directive or the target.
    pub(crate) data: String,
    pub(crate) prefix: String,
    pub(crate) namespace: String,
    pub(crate) attrs: Vec<Attr>,
    /// A processing instruction's instruction.
    pub(crate) inst: String,
    pub(crate) parent: Option<NodeId>,
    pub(crate) first: Option<NodeId>,
    pub(crate) last: Option<NodeId>,
    pub(crate) prev: Option<NodeId>,
    pub(crate) next: Option<NodeId>,
}

impl Node {
    pub(crate) fn new(kind: Kind, data: impl Into<String>) -> Self {
        Self {
            kind,
            data: data.into(),
            prefix: String::new(),
            namespace: String::new(),
            attrs: Vec::new(),
            inst: String::new(),
            parent: None,
            first: None,
            last: None,
            prev: None,
            next: None,
        }
    }
}

/// A parsed document; node 0 is its root.
#[derive(Clone, Debug)]
pub(crate) struct Document {
    pub(crate) nodes: Vec<Node>,
}

/// The root's index.
pub(crate) const ROOT: NodeId = 0;

impl Document {
    /// A document with only its root.
    pub(crate) fn empty() -> Self {
        Self {
            nodes: vec![Node::new(Kind::Document, "")],
        }
    }

    /// Parses `text` as the reference's `parseNodesXML` does: xmlquery's tree, with the
    /// leading declaration (kept or synthesized) removed unless `text` starts with `<?xml`.
    pub(crate) fn parse(text: &str) -> Result<Self, String> {
        // A declared encoding other than UTF-8 applies to the bytes after the declaration, as
        // Go's decoder switches readers there: they are decoded and the parse starts over.
        let mut source = Cow::Borrowed(text);
        let mut decoded = 0;
        let mut doc = loop {
            let mut decoder = Decoder::with_charsets(&source, decoded);
            match Self::build(&mut decoder) {
                Ok(doc) => break doc,
                Err(e) => match decoder.switch {
                    Some((at, charset)) => {
                        let (rest, _) =
                            charset.decode_without_bom_handling(&source.as_bytes()[at..]);
                        source = Cow::Owned(format!("{}{rest}", &source[..at]));
                        decoded = at;
                    }
                    None => return Err(format!("parse xml: {e}")),
                },
            }
        };
        if !text.starts_with("<?xml")
            && let Some(first) = doc.nodes[ROOT].first
        {
            doc.remove_from_tree(first);
        }
        Ok(doc)
    }

    fn build(decoder: &mut Decoder<'_>) -> Result<Self, String> {
        let mut doc = Self::empty();
        // Where the next node goes: xmlquery drops what comes before the first element or
        // processing instruction (it hangs it beside the root, where nothing reads it).
        let mut parent: Option<NodeId> = None;
        let mut any_element = false;
        // namespace URL → (prefix, depth), never unwound, as xmlquery keeps it.
        let mut prefixes: HashMap<String, (String, usize)> = HashMap::new();
        prefixes.insert(XML_URL.to_owned(), ("xml".to_owned(), 0));
        while let Some(token) = decoder.token()? {
            match token {
                Token::Start {
                    name,
                    raw_prefix,
                    attrs,
                } => {
                    let level = decoder.depth();
                    let at = match parent {
                        Some(at) => at,
                        None => {
                            let mut decl = Node::new(Kind::Declaration, "xml");
                            decl.attrs.push(plain_attr("version", "1.0"));
                            let decl = doc.push(decl);
                            doc.add_child(ROOT, decl);
                            ROOT
                        }
                    };
                    any_element = true;
                    for attr in &attrs {
                        if attr.name.local == "xmlns" {
                            let reset = prefixes
                                .get(&*attr.value)
                                .is_none_or(|(_, depth)| *depth >= level);
                            if reset {
                                prefixes.insert(attr.value.to_string(), (String::new(), level));
                            }
                        } else if attr.name.space == "xmlns" {
                            prefixes.insert(
                                attr.value.to_string(),
                                (attr.name.local.to_owned(), level),
                            );
                        }
                    }
                    if !name.space.is_empty() && !prefixes.contains_key(&*name.space) {
                        return Err(format!(
                            "xmlquery: invalid XML document, namespace {} is missing",
                            name.space
                        ));
                    }
                    let mut node = Node::new(Kind::Element, name.local);
                    node.attrs = attrs
                        .into_iter()
                        .map(|a| {
                            let space = match prefixes.get(&*a.name.space) {
                                Some((prefix, _)) => prefix.clone(),
                                None => a.name.space.to_string(),
                            };
                            Attr {
                                space,
                                local: a.name.local.to_owned(),
                                value: a.value.into_owned(),
                                namespace: a.name.space.into_owned(),
                            }
                        })
                        .collect();
                    if !name.space.is_empty()
                        && let Some((prefix, _)) = prefixes.get(&*name.space)
                        && !prefix.is_empty()
                        && prefix == raw_prefix
                    {
                        node.prefix = raw_prefix.to_owned();
                    }
                    node.namespace = name.space.into_owned();
                    let id = doc.push(node);
                    doc.add_child(at, id);
                    parent = Some(id);
                }
                Token::End => {
                    parent = parent.and_then(|p| doc.nodes[p].parent);
                    if parent.is_none() {
                        parent = Some(ROOT);
                    }
                }
                Token::Text { data, cdata } => {
                    let kind = if cdata { Kind::CData } else { Kind::Text };
                    doc.append(parent, Node::new(kind, data.into_owned()));
                }
                Token::Comment(data) => doc.append(parent, Node::new(Kind::Comment, data)),
                Token::Directive(data) => doc.append(parent, Node::new(Kind::Notation, data)),
                Token::ProcInst { target, inst } => {
                    let mut node = Node::new(Kind::Declaration, target);
                    for pair in inst.split(' ') {
                        let pair = pair.trim();
                        if let Some(i) = pair.find('=').filter(|&i| i > 0) {
                            let value = pair[i + 1..].trim_matches(|c| c == '"' || c == '\'');
                            let attr = plain_attr(&pair[..i], value);
                            if !node
                                .attrs
                                .iter()
                                .any(|a| a.space == attr.space && a.local == attr.local)
                            {
                                node.attrs.push(attr);
                            }
                        }
                    }
                    if target != "xml" {
                        node.kind = Kind::ProcInst;
                        node.inst = inst.trim().to_owned();
                    }
                    let at = parent.unwrap_or(ROOT);
                    let id = doc.push(node);
                    doc.add_child(at, id);
                    parent = Some(at);
                }
            }
        }
        if !any_element {
            return Err("xmlquery: invalid XML document".to_owned());
        }
        Ok(doc)
    }

    fn append(&mut self, parent: Option<NodeId>, node: Node) {
        if let Some(parent) = parent {
            let id = self.push(node);
            self.add_child(parent, id);
        }
    }

    /// Adds a node, unlinked.
    pub(crate) fn push(&mut self, node: Node) -> NodeId {
        self.nodes.push(node);
        self.nodes.len() - 1
    }

    /// Copies the nodes of `other` into this arena, unlinked from this tree; returns the
    /// indices of `other`'s top-level nodes here.
    pub(crate) fn graft(&mut self, other: Document) -> Vec<NodeId> {
        let offset = self.nodes.len();
        let shift = |id: Option<NodeId>| id.map(|i| i + offset);
        let mut top = Vec::new();
        let mut child = other.nodes[ROOT].first;
        while let Some(c) = child {
            top.push(c + offset);
            child = other.nodes[c].next;
        }
        for mut node in other.nodes {
            node.parent = shift(node.parent);
            node.first = shift(node.first);
            node.last = shift(node.last);
            node.prev = shift(node.prev);
            node.next = shift(node.next);
            self.nodes.push(node);
        }
        top
    }

    /// xmlquery's `AddChild`: `node` becomes `parent`'s last child (its old links are not
    /// undone).
    pub(crate) fn add_child(&mut self, parent: NodeId, node: NodeId) {
        self.nodes[node].parent = Some(parent);
        self.nodes[node].next = None;
        match self.nodes[parent]
            .last
            .filter(|_| self.nodes[parent].first.is_some())
        {
            None => {
                self.nodes[parent].first = Some(node);
                self.nodes[node].prev = None;
            }
            Some(last) => {
                self.nodes[last].next = Some(node);
                self.nodes[node].prev = Some(last);
            }
        }
        self.nodes[parent].last = Some(node);
    }

    /// xmlquery's `RemoveFromTree`.
    pub(crate) fn remove_from_tree(&mut self, node: NodeId) {
        let Some(parent) = self.nodes[node].parent else {
            return;
        };
        let (prev, next) = (self.nodes[node].prev, self.nodes[node].next);
        if self.nodes[parent].first == Some(node) {
            if self.nodes[parent].last == Some(node) {
                self.nodes[parent].first = None;
                self.nodes[parent].last = None;
            } else {
                self.nodes[parent].first = next;
                if let Some(next) = next {
                    self.nodes[next].prev = None;
                }
            }
        } else if self.nodes[parent].last == Some(node) {
            self.nodes[parent].last = prev;
            if let Some(prev) = prev {
                self.nodes[prev].next = None;
            }
        } else {
            if let Some(prev) = prev {
                self.nodes[prev].next = next;
            }
            if let Some(next) = next {
                self.nodes[next].prev = prev;
            }
        }
        let node = &mut self.nodes[node];
        node.parent = None;
        node.prev = None;
        node.next = None;
    }

    /// xmlquery's `RemoveAttr(local)`: removes the first unprefixed attribute of that name.
    pub(crate) fn remove_attr(&mut self, node: NodeId, local: &str) {
        let attrs = &mut self.nodes[node].attrs;
        if let Some(i) = attrs
            .iter()
            .position(|a| a.space.is_empty() && a.local == local)
        {
            attrs.remove(i);
        }
    }

    /// The text of the text and CDATA nodes under `node` (xmlquery's `InnerText`).
    pub(crate) fn inner_text(&self, node: NodeId) -> String {
        let mut out = String::new();
        match self.nodes[node].kind {
            Kind::Text | Kind::CData => return self.nodes[node].data.clone(),
            Kind::Comment => return out,
            _ => {}
        }
        let mut budget = MAX_OUTPUT_NODES;
        let mut at = self.nodes[node].first;
        while let Some(id) = at {
            budget = budget.saturating_sub(1);
            if budget == 0 {
                break;
            }
            let n = &self.nodes[id];
            if matches!(n.kind, Kind::Text | Kind::CData) {
                out.push_str(&n.data);
            }
            at = self.next_in_walk(
                id,
                node,
                !matches!(n.kind, Kind::Text | Kind::CData | Kind::Comment),
            );
        }
        out
    }

    /// The node after `id` in a depth-first walk of `top`'s subtree (into `id`'s children
    /// when `descend`).
    fn next_in_walk(&self, id: NodeId, top: NodeId, descend: bool) -> Option<NodeId> {
        if descend && let Some(first) = self.nodes[id].first {
            return Some(first);
        }
        let mut at = id;
        loop {
            if at == top {
                return None;
            }
            if let Some(next) = self.nodes[at].next {
                return Some(next);
            }
            at = self.nodes[at].parent?;
            if at == top {
                return None;
            }
        }
    }

    /// The children of `node`, written (xmlquery's `OutputXML(false)`).
    pub(crate) fn output_children(&self, node: NodeId) -> Result<String, String> {
        let mut writer = Writer {
            doc: self,
            out: String::new(),
            budget: MAX_OUTPUT_NODES,
            open: vec![false; self.nodes.len()],
        };
        let mut child = self.nodes[node].first;
        while let Some(c) = child {
            writer.node(c, true)?;
            child = self.nodes[c].next;
        }
        Ok(writer.out)
    }
}

fn plain_attr(name: &str, value: &str) -> Attr {
    let (space, local) = match name.find(':') {
        Some(i) if i > 0 => (&name[..i], &name[i + 1..]),
        _ => ("", name),
    };
    Attr {
        space: space.to_owned(),
        local: local.to_owned(),
        value: value.to_owned(),
        namespace: String::new(),
    }
}

struct Writer<'d> {
    doc: &'d Document,
    out: String,
    budget: usize,
    /// The nodes being written (opened, not yet closed): meeting one again means it is its
    /// own descendant, which xmlquery writes until its stack overflows.
    open: Vec<bool>,
}

/// A step of the writer's explicit stack (no recursion: documents may be deep).
enum Step {
    Open(NodeId, bool),
    Close(NodeId),
}

impl Writer<'_> {
    fn node(&mut self, top: NodeId, preserve: bool) -> Result<(), String> {
        let mut stack = vec![Step::Open(top, preserve)];
        while let Some(step) = stack.pop() {
            let (id, inherited) = match step {
                Step::Close(id) => {
                    self.open[id] = false;
                    let n = &self.doc.nodes[id];
                    if n.kind != Kind::Declaration {
                        self.close_tag(n);
                    }
                    continue;
                }
                Step::Open(id, inherited) => (id, inherited),
            };
            self.budget = self
                .budget
                .checked_sub(1)
                .filter(|_| self.out.len() <= MAX_OUTPUT_BYTES)
                .ok_or_else(|| {
                    "the result is too large (nodes selected inside each other)".to_owned()
                })?;
            let n = &self.doc.nodes[id];
            let preserve = match self.xml_space(n) {
                Some(value) => value,
                None => inherited,
            };
            match n.kind {
                Kind::Text => {
                    let text = if preserve { &n.data[..] } else { n.data.trim() };
                    escape_into(&mut self.out, text);
                    continue;
                }
                Kind::CData => {
                    self.out.push_str("<![CDATA[");
                    self.out.push_str(&n.data);
                    self.out.push_str("]]>");
                    continue;
                }
                Kind::Comment => {
                    self.out.push_str("<!--");
                    self.out.push_str(&n.data);
                    self.out.push_str("-->");
                    continue;
                }
                Kind::Notation => {
                    self.out.push_str("<!");
                    self.out.push_str(&n.data);
                    self.out.push('>');
                    continue;
                }
                Kind::ProcInst => {
                    self.out.push_str("<?");
                    self.out.push_str(&n.data);
                    if !n.inst.is_empty() {
                        self.out.push(' ');
                        self.out.push_str(&n.inst);
                    }
                    self.out.push_str("?>");
                    continue;
                }
                Kind::Declaration => {
                    self.out.push_str("<?");
                    self.out.push_str(&n.data);
                }
                Kind::Document | Kind::Element => {
                    self.out.push('<');
                    if !n.prefix.is_empty() {
                        self.out.push_str(&n.prefix);
                        self.out.push(':');
                    }
                    self.out.push_str(&n.data);
                }
            }
            for attr in &n.attrs {
                self.out.push(' ');
                if !attr.space.is_empty() {
                    self.out.push_str(&attr.space);
                    self.out.push(':');
                }
                self.out.push_str(&attr.local);
                self.out.push_str("=\"");
                escape_into(&mut self.out, &attr.value);
                self.out.push('"');
            }
            self.out.push_str(if n.kind == Kind::Declaration {
                "?>"
            } else {
                ">"
            });
            if std::mem::replace(&mut self.open[id], true) {
                return Err("a node is selected with one of its ancestors after it: \
                     the result would contain itself"
                    .to_owned());
            }
            stack.push(Step::Close(id));
            let mut children = Vec::new();
            let mut child = n.first;
            while let Some(c) = child {
                children.push(c);
                if children.len() > self.budget {
                    return Err(
                        "the result is too large (nodes selected inside each other)".to_owned()
                    );
                }
                child = self.doc.nodes[c].next;
            }
            stack.extend(children.into_iter().rev().map(|c| Step::Open(c, preserve)));
        }
        Ok(())
    }

    fn close_tag(&mut self, n: &Node) {
        self.out.push_str("</");
        if !n.prefix.is_empty() {
            self.out.push_str(&n.prefix);
            self.out.push(':');
        }
        self.out.push_str(&n.data);
        self.out.push('>');
    }

    /// `xml:space` on the node: `preserve` keeps text as it is, `default` trims it.
    fn xml_space(&self, n: &Node) -> Option<bool> {
        let attr = n
            .attrs
            .iter()
            .find(|a| a.space == "xml" && a.local == "space")?;
        match attr.value.as_str() {
            "preserve" => Some(true),
            "default" => Some(false),
            _ => None,
        }
    }
}

/// Go's `html.EscapeString`: `<`, `>`, `&`, `'` and `"`.
fn escape_into(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(i) = rest.find(['<', '>', '&', '\'', '"']) {
        out.push_str(&rest[..i]);
        out.push_str(match rest.as_bytes()[i] {
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'&' => "&amp;",
            b'\'' => "&#39;",
            _ => "&#34;",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str) -> String {
        match Document::parse(text).and_then(|d| d.output_children(ROOT)) {
            Ok(out) => out,
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn writes_as_xmlquery_does() {
        for (input, output) in [
            ("<!--c--><a>foo</a>", "<a>foo</a>"),
            (" x <a>foo</a> t<!--z-->", "<a>foo</a> t<!--z-->"),
            (
                "<a x:b=\"1\" xmlns:y=\"u\" y:c=\"2\"><y:d/></a>",
                "<a x:b=\"1\" xmlns:y=\"u\" y:c=\"2\"><y:d></y:d></a>",
            ),
            (
                "<a>&lt;&#39;\"&gt;&amp;</a>",
                "<a>&lt;&#39;&#34;&gt;&amp;</a>",
            ),
            ("<?pi x?><a/>", "<a></a>"),
            (
                "<?xml version=\"1.0\"?><a/>",
                "<?xml version=\"1.0\"?><a></a>",
            ),
            (
                "<?xml   version=\"1.0\"   encoding=\"UTF-8\" ?>\n<a/>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a></a>",
            ),
            ("<a/><b/>", "<a></a><b></b>"),
            ("<a>![CDATA[x</a>", "<a><![CDATA[![CDATA[x]]></a>"),
            ("<a><![CDATA[<x>]]>y</a>", "<a><![CDATA[<x>]]>y</a>"),
            (
                "<a xml:space=\"default\"> x </a>",
                "<a xml:space=\"default\">x</a>",
            ),
            ("<!DOCTYPE a [<!ENTITY e \"x\">]><a/>", "<a></a>"),
            ("<a><!DOCTYPE x></a>", "<a><!DOCTYPE x></a>"),
            ("<a><?p  q  r ?></a>", "<a><?p q  r?></a>"),
            ("<a x=\"1\"y=\"2\"/>", "<a x=\"1\" y=\"2\"></a>"),
            (
                "<p:a xmlns:p=\"u\"><p:b/><q:c xmlns:q=\"u\"/><p:d/></p:a>",
                "<p:a xmlns:p=\"u\"><p:b></p:b><q:c xmlns:q=\"u\"></q:c><d></d></p:a>",
            ),
            ("<a>&#xD800;</a>", "<a>\u{FFFD}</a>"),
        ] {
            assert_eq!(round_trip(input), output, "{input}");
        }
        assert!(round_trip("<x:a/>").starts_with("error"));
        assert_eq!(
            round_trip("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>\u{e9}</a>"),
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>\u{c3}\u{a9}</a>"
        );
        assert!(
            round_trip("<?xml version=\"1.0\" encoding=\"klingon\"?><a/>").starts_with("error")
        );
        assert!(round_trip("text").starts_with("error"));
    }
}
