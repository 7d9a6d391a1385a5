//! `InsertXML(target, xpath, sub_document)`.

use super::tree::{Document, Kind, ROOT};
use super::{failure, xpath_at};
use ottl_core::diag::Diagnostic;
use ottl_core::function::get;
use ottl_core::function::{Args, Compiled, Function, Kind as ValueKind, ParamKind, Signature};
use ottl_core::value::Value;

/// `InsertXML(target, xpath, sub_document)` — the document with the top-level nodes of
/// `sub_document` added as the last children of every element the XPath selects (`"/"`: the
/// document itself). An empty target is an empty document; selecting anything but elements
/// is an error.
pub struct InsertXml;

const NAME: &str = "InsertXML";

impl Function for InsertXml {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, ValueKind::String, "adds XML under the elements an XPath selects")
            .param("target", ParamKind::Value(ValueKind::String))
            .param("xpath", ParamKind::String)
            .param("sub_document", ParamKind::Value(ValueKind::String))
            .example(r#"InsertXML("<a></a>", "/a", "<b/>")"#, r#""<a><b></b></a>""#)
            .example(r#"InsertXML("<a></a>", "/", "<b/><c/>")"#, r#""<a></a><b></b><c></c>""#)
            .example(r#"InsertXML("<a><b/><b/></a>", "/a/b", "<c>1</c>")"#, r#""<a><b><c>1</c></b><b><c>1</c></b></a>""#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::String>(0)?;
        let xpath = xpath_at(&mut args, 1, None)?;
        let sub_document = args.get::<get::String>(2)?;
        Ok(Compiled::converter(move |ctx| {
            let text = target.eval(ctx)?;
            let mut doc = if text.is_empty() {
                Document::empty()
            } else {
                Document::parse(&text).map_err(|e| failure(NAME, e))?
            };
            let sub = sub_document.eval(ctx)?;
            let sub = Document::parse(&sub).map_err(|e| failure(NAME, e))?;
            let nodes = xpath.select(&doc).map_err(|e| failure(NAME, e))?;
            let top = doc.graft(sub);
            let mut refused = Vec::new();
            for n in nodes {
                match (doc.nodes[n.id].kind, n.attr) {
                    (Kind::Element | Kind::Document, None) => {
                        // The same nodes go under every target, as the reference moves them.
                        let mut child = top.first().copied();
                        while let Some(c) = child {
                            let next = doc.nodes[c].next;
                            doc.add_child(n.id, c);
                            child = next;
                        }
                    }
                    (_, Some(i)) => refused.push(doc.nodes[n.id].attrs[i].local.clone()),
                    _ => refused.push(doc.nodes[n.id].data.clone()),
                }
            }
            if !refused.is_empty() {
                let names: Vec<String> = refused.iter().map(|d| format!("{d:?}")).collect();
                return Err(failure(
                    NAME,
                    format!("InsertXML XPath selected non-element: {}", names.join(", ")),
                ));
            }
            let out = doc.output_children(ROOT).map_err(|e| failure(NAME, e))?;
            Ok(Value::string(out))
        }))
    }
}
