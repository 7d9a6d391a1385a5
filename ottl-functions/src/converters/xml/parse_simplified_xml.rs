//! `ParseSimplifiedXML(target)`.

use super::decode::MAX_DEPTH;
use super::failure;
use super::tree::{Document, Kind, NodeId, ROOT};
use ottl_core::diag::Diagnostic;
use ottl_core::function::get;
use ottl_core::function::{Args, Compiled, Function, Kind as ValueKind, ParamKind, Signature};
use ottl_core::model::{AnyValue, Array, Map};
use ottl_core::value::Value;
use std::borrow::Cow;
use std::collections::HashMap;

/// `ParseSimplifiedXML(target)` — an XML document as plain nested maps: an element holding
/// only text becomes `"tag": "text"`, one holding elements a map, siblings sharing a tag a
/// list; attributes, comments, declarations and text beside elements are dropped, and so are
/// empty elements (which still make their tag a list).
pub struct ParseSimplifiedXml;

const NAME: &str = "ParseSimplifiedXML";

impl Function for ParseSimplifiedXml {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, ValueKind::Map, "parses XML into nested maps, dropping attributes")
            .param("target", ParamKind::Value(ValueKind::String))
            .example(
                r#"ParseSimplifiedXML("<a><b>1</b><b><![CDATA[2]]></b></a>")"#,
                r#"{"a": {"b": ["1", "2"]}}"#,
            )
            .example(
                r#"ParseSimplifiedXML("<a><b>1</b><b/></a>")"#,
                r#"{"a": {"b": ["1"]}}"#,
            )
            .example(
                r#"ParseSimplifiedXML("<a x=\"y\"><b>1</b><c><d>2</d></c></a>")"#,
                r#"{"a": {"b": "1", "c": {"d": "2"}}}"#,
            )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::String>(0)?;
        Ok(Compiled::converter(move |ctx| {
            let text = target.eval(ctx)?;
            let doc = Document::parse(&text).map_err(|e| failure(NAME, e))?;
            Ok(Value::Map(Cow::Owned(
                simplify(&doc).map_err(|e| failure(NAME, e))?,
            )))
        }))
    }
}

/// An element whose map is being built, and the next child to look at.
struct Frame<'d> {
    map: Map,
    counts: HashMap<&'d str, usize>,
    next: Option<NodeId>,
    /// The child whose map the frame above builds.
    waiting: Option<NodeId>,
}

impl<'d> Frame<'d> {
    fn new(doc: &'d Document, node: NodeId) -> Self {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        let mut child = doc.nodes[node].first;
        while let Some(c) = child {
            if doc.nodes[c].kind == Kind::Element {
                *counts.entry(doc.nodes[c].data.as_str()).or_default() += 1;
            }
            child = doc.nodes[c].next;
        }
        Self {
            map: Map::new(),
            counts,
            next: doc.nodes[node].first,
            waiting: None,
        }
    }
}

/// The reference's `parseElement` from the root, with an explicit stack: the depth of an
/// element is the stack's height when it is pushed.
fn simplify(doc: &Document) -> Result<Map, String> {
    let mut stack = vec![Frame::new(doc, ROOT)];
    loop {
        let Some(frame) = stack.last_mut() else {
            return Ok(Map::new());
        };
        let Some(child) = frame.next else {
            let Some(done) = stack.pop() else {
                return Ok(Map::new());
            };
            let Some(parent) = stack.last_mut() else {
                return Ok(done.map);
            };
            if let Some(waiting) = parent.waiting.take() {
                place(doc, parent, waiting, Placed::Map(done.map));
            }
            continue;
        };
        frame.next = doc.nodes[child].next;
        let node = &doc.nodes[child];
        if node.kind != Kind::Element || node.first.is_none() {
            continue;
        }
        match leaf_value(doc, child) {
            Some(text) => place(doc, frame, child, Placed::Text(text)),
            None => {
                frame.waiting = Some(child);
                if stack.len() > MAX_DEPTH {
                    return Err(format!(
                        "exceeded maximum XML nesting depth of {MAX_DEPTH}"
                    ));
                }
                stack.push(Frame::new(doc, child));
            }
        }
    }
}

enum Placed<'d> {
    Text(&'d str),
    Map(Map),
}

/// Puts a child's value into its parent's map: under its tag, or appended to the list under
/// its tag when siblings share it (the list exists once any such sibling is placed).
fn place<'d>(doc: &'d Document, frame: &mut Frame<'d>, child: NodeId, value: Placed<'_>) {
    let tag = doc.nodes[child].data.as_str();
    let shared = frame.counts.get(tag).copied().unwrap_or(0) > 1;
    let value = match value {
        Placed::Text(text) => Some(AnyValue::from(text)),
        Placed::Map(map) if map.is_empty() => None,
        Placed::Map(map) => Some(AnyValue::KvList(map)),
    };
    if shared {
        if !matches!(frame.map.get(tag), Some(AnyValue::Array(_))) {
            frame.map.insert(tag, AnyValue::Array(Array::new()));
        }
        if let (Some(value), Some(AnyValue::Array(items))) = (value, frame.map.get_mut(tag)) {
            items.push(value);
        }
    } else if let Some(value) = value {
        frame.map.insert(tag, value);
    }
}

/// The text of an element with no child elements: its first text or CDATA child, if that is
/// not empty.
fn leaf_value(doc: &Document, node: NodeId) -> Option<&str> {
    let mut child = doc.nodes[node].first;
    let mut first_text = None;
    while let Some(c) = child {
        match doc.nodes[c].kind {
            Kind::Element => return None,
            Kind::Text | Kind::CData if first_text.is_none() => {
                first_text = Some(doc.nodes[c].data.as_str());
            }
            _ => {}
        }
        child = doc.nodes[c].next;
    }
    first_text.filter(|text| !text.is_empty())
}
