//! `ConvertTextToElementsXML(target, [xpath], [element_name])`.

use super::decode::MAX_DEPTH;
use super::tree::{Document, Kind, Node, NodeId, ROOT};
use super::{failure, parse_and_select, xpath_at};
use ottl_core::diag::Diagnostic;
use ottl_core::function::get;
use ottl_core::function::{Args, Compiled, Function, Kind as ValueKind, ParamKind, Signature};
use ottl_core::value::Value;

/// `ConvertTextToElementsXML(target, [xpath], [element_name])` — the document with every
/// text node that shares its parent with other text or elements wrapped in an element named
/// `element_name` (default `value`), within the parts the XPath selects (default `/`).
pub struct ConvertTextToElementsXml;

const NAME: &str = "ConvertTextToElementsXML";

impl Function for ConvertTextToElementsXml {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, ValueKind::String, "wraps mixed-content XML text in elements")
            .param("target", ParamKind::Value(ValueKind::String))
            .optional("xpath", ParamKind::String)
            .optional("element_name", ParamKind::String)
            .example(r#"ConvertTextToElementsXML("<a><b>foo</b>bar</a>")"#, r#""<a><b>foo</b><value>bar</value></a>""#)
            .example(r#"ConvertTextToElementsXML("<a>foo</a>")"#, r#""<a>foo</a>""#)
            .example(r#"ConvertTextToElementsXML("<a>x<b/>y</a>", "/a", "t")"#, r#""<a><t>x</t><b></b><t>y</t></a>""#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::String>(0)?;
        let xpath = xpath_at(&mut args, 1, Some("/"))?;
        let element_name = args
            .optional_string(2)?
            .filter(|name| !name.is_empty())
            .unwrap_or_else(|| "value".to_owned());
        Ok(Compiled::converter(move |ctx| {
            let text = target.eval(ctx)?;
            let (mut doc, nodes) = parse_and_select(NAME, &text, &xpath)?;
            for n in nodes {
                if n.attr.is_none() {
                    wrap_subtree(&mut doc, n.id, &element_name).map_err(|e| failure(NAME, e))?;
                }
            }
            let out = doc.output_children(ROOT).map_err(|e| failure(NAME, e))?;
            Ok(Value::string(out))
        }))
    }
}

/// Wraps the mixed-content text of `top` and of every element under it. Each node's change
/// depends only on the kinds of its own children, so the order of the walk does not matter.
/// Elements deeper than [`MAX_DEPTH`] below `top` are an error, as in the reference.
fn wrap_subtree(doc: &mut Document, top: NodeId, element_name: &str) -> Result<(), String> {
    if !matches!(doc.nodes[top].kind, Kind::Element | Kind::Document) {
        return Ok(());
    }
    let mut pending = vec![(top, 0usize)];
    while let Some((id, depth)) = pending.pop() {
        let mut children = Vec::new();
        let mut child = doc.nodes[id].first;
        while let Some(c) = child {
            children.push(c);
            child = doc.nodes[c].next;
        }
        let values = children
            .iter()
            .filter(|&&c| doc.nodes[c].kind == Kind::Text)
            .count();
        let elements = children
            .iter()
            .filter(|&&c| doc.nodes[c].kind == Kind::Element)
            .count();
        if elements > 0 && depth >= MAX_DEPTH {
            return Err(format!(
                "exceeded maximum XML nesting depth of {MAX_DEPTH}"
            ));
        }
        pending.extend(
            children
                .iter()
                .copied()
                .filter(|&c| doc.nodes[c].kind == Kind::Element)
                .map(|c| (c, depth + 1)),
        );
        if values == 0 || values + elements <= 1 {
            continue;
        }
        for c in children {
            if doc.nodes[c].kind != Kind::Text {
                continue;
            }
            let data = std::mem::replace(&mut doc.nodes[c].data, element_name.to_owned());
            doc.nodes[c].kind = Kind::Element;
            let text = doc.push(Node::new(Kind::Text, data));
            doc.add_child(c, text);
        }
    }
    Ok(())
}
