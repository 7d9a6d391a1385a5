//! `GetXML(target, xpath)`.

use super::tree::{Kind, Node};
use super::{failure, parse_and_select, xpath_at};
use ottl_core::diag::Diagnostic;
use ottl_core::function::get;
use ottl_core::function::{Args, Compiled, Function, Kind as ValueKind, ParamKind, Signature};
use ottl_core::value::Value;

/// `GetXML(target, xpath)` — the nodes the XPath selects, written one after the other:
/// elements and text as XML, attributes and CDATA sections as their text. An empty target
/// gives `""`.
pub struct GetXml;

const NAME: &str = "GetXML";

impl Function for GetXml {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, ValueKind::String, "the XML of the nodes an XPath selects")
            .param("target", ParamKind::Value(ValueKind::String))
            .param("xpath", ParamKind::String)
            .example(r#"GetXML("<a>foo</a>", "/a/text()")"#, r#""foo""#)
            .example(r#"GetXML("<a foo=\"bar\"/>", "/a/@foo")"#, r#""bar""#)
            .example(r#"GetXML("<a><![CDATA[hello]]></a>", "/a/text()")"#, r#""hello""#)
            .example(r#"GetXML("<a><b>1</b><c/><b>2</b></a>", "/a/b")"#, r#""<b>1</b><b>2</b>""#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::String>(0)?;
        let xpath = xpath_at(&mut args, 1, None)?;
        Ok(Compiled::converter(move |ctx| {
            let text = target.eval(ctx)?;
            if text.is_empty() {
                return Ok(Value::string(""));
            }
            let (mut doc, nodes) = parse_and_select(NAME, &text, &xpath)?;
            let result = doc.push(Node::new(Kind::Document, ""));
            for n in nodes {
                let kind = doc.nodes[n.id].kind;
                let added = match (kind, n.attr) {
                    (Kind::Element, Some(i)) => {
                        let value = doc.nodes[n.id].attrs[i].value.clone();
                        doc.push(Node::new(Kind::Text, value))
                    }
                    (Kind::Element | Kind::Text, None) => n.id,
                    (Kind::CData, _) => {
                        let value = doc.nodes[n.id].data.clone();
                        doc.push(Node::new(Kind::Text, value))
                    }
                    _ => continue,
                };
                doc.add_child(result, added);
            }
            let out = doc.output_children(result).map_err(|e| failure(NAME, e))?;
            Ok(Value::string(out))
        }))
    }
}
