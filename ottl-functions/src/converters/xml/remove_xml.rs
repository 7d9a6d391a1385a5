//! `RemoveXML(target, xpath)`.

use super::tree::{Kind, ROOT};
use super::{failure, parse_and_select, xpath_at};
use ottl_core::diag::Diagnostic;
use ottl_core::function::get;
use ottl_core::function::{Args, Compiled, Function, Kind as ValueKind, ParamKind, Signature};
use ottl_core::value::Value;

/// `RemoveXML(target, xpath)` — the document without the nodes the XPath selects: elements,
/// comments and CDATA sections are removed, attributes dropped from their element (only
/// unprefixed ones, as the reference matches them by local name), text emptied.
pub struct RemoveXml;

const NAME: &str = "RemoveXML";

impl Function for RemoveXml {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, ValueKind::String, "removes the nodes an XPath selects")
            .param("target", ParamKind::Value(ValueKind::String))
            .param("xpath", ParamKind::String)
            .example(r#"RemoveXML("<a foo=\"bar\"/>", "/a/@foo")"#, r#""<a></a>""#)
            .example(r#"RemoveXML("<a><b/><!--c--></a>", "//comment()")"#, r#""<a><b></b></a>""#)
            .example(r#"RemoveXML("<a><b>1</b><c>2</c></a>", "/a/b")"#, r#""<a><c>2</c></a>""#)
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
            // Attributes are named before anything changes: removing one shifts the others.
            let nodes: Vec<_> = nodes
                .into_iter()
                .map(|n| {
                    let name = n.attr.map(|i| doc.nodes[n.id].attrs[i].local.clone());
                    (n.id, name)
                })
                .collect();
            for (id, attr) in nodes {
                match (doc.nodes[id].kind, attr) {
                    (Kind::Element, Some(local)) => doc.remove_attr(id, &local),
                    (Kind::Element | Kind::Comment | Kind::CData, None) => {
                        doc.remove_from_tree(id);
                    }
                    (Kind::Text, None) => doc.nodes[id].data.clear(),
                    _ => {}
                }
            }
            let out = doc.output_children(ROOT).map_err(|e| failure(NAME, e))?;
            Ok(Value::string(out))
        }))
    }
}
