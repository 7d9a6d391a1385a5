//! `ConvertAttributesToElementsXML(target, [xpath])`.

use super::tree::{Kind, Node, ROOT};
use super::{failure, parse_and_select, xpath_at};
use ottl_core::diag::Diagnostic;
use ottl_core::function::get;
use ottl_core::function::{Args, Compiled, Function, Kind as ValueKind, ParamKind, Signature};
use ottl_core::value::Value;

/// `ConvertAttributesToElementsXML(target, [xpath])` — the document with the attributes the
/// XPath selects (default `//@*`, every attribute) turned into child elements
/// `<name>value</name>`, added after the element's other children.
pub struct ConvertAttributesToElementsXml;

const NAME: &str = "ConvertAttributesToElementsXML";

impl Function for ConvertAttributesToElementsXml {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, ValueKind::String, "turns XML attributes into child elements")
            .param("target", ParamKind::Value(ValueKind::String))
            .optional("xpath", ParamKind::String)
            .example(r#"ConvertAttributesToElementsXML("<a foo=\"bar\"/>")"#, r#""<a><foo>bar</foo></a>""#)
            .example(r#"ConvertAttributesToElementsXML("<a x=\"1\"><b y=\"2\"/></a>", "/a/@*")"#, r#""<a><b y=\"2\"></b><x>1</x></a>""#)
            .example(r#"ConvertAttributesToElementsXML("<a><b/></a>")"#, r#""<a><b></b></a>""#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::String>(0)?;
        let xpath = xpath_at(&mut args, 1, Some("//@*"))?;
        Ok(Compiled::converter(move |ctx| {
            let text = target.eval(ctx)?;
            let (mut doc, nodes) = parse_and_select(NAME, &text, &xpath)?;
            // Read every selected attribute before any is removed.
            let selected: Vec<_> = nodes
                .into_iter()
                .filter_map(|n| {
                    let i = n.attr?;
                    let attr = &doc.nodes[n.id].attrs[i];
                    Some((n.id, attr.local.clone(), attr.value.clone()))
                })
                .collect();
            for (element, local, value) in selected {
                let child = doc.push(Node::new(Kind::Element, local.clone()));
                let text = doc.push(Node::new(Kind::Text, value));
                doc.add_child(child, text);
                doc.add_child(element, child);
                doc.remove_attr(element, &local);
            }
            let out = doc.output_children(ROOT).map_err(|e| failure(NAME, e))?;
            Ok(Value::string(out))
        }))
    }
}
