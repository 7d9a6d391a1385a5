//! `ParseXML(target)`.

use super::decode::{Decoder, MAX_DEPTH, Token};
use super::failure;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::model::{AnyValue, Map};
use ottl_core::value::Value;
use std::borrow::Cow;

/// `ParseXML(target)` — the root element of an XML document as a map: `tag` (the local
/// name), `content` (its character data, each piece trimmed, joined; left out when empty),
/// `attributes` (local name to value; left out when none) and `children` (the child
/// elements, alike; left out when none). Comments, processing instructions and directives
/// are ignored; anything after the root element is an error.
pub struct ParseXml;

const NAME: &str = "ParseXML";

impl Function for ParseXml {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, Kind::Map, "parses an XML document into a map")
            .param("target", ParamKind::Value(Kind::String))
            .example(
                r#"ParseXML("<Log><User><ID>00001</ID><Name type=\"first\">Joe</Name></User></Log>")"#,
                r#"{"tag": "Log", "children": [{"tag": "User", "children": [{"tag": "ID", "content": "00001"}, {"tag": "Name", "content": "Joe", "attributes": {"type": "first"}}]}]}"#,
            )
            .example(
                r#"ParseXML("<a> x <!-- c --> y <b/></a>")"#,
                r#"{"tag": "a", "content": "xy", "children": [{"tag": "b"}]}"#,
            )
            .example(
                r#"ParseXML("<p:a xmlns:p=\"u\" p:k=\"v\"/>")"#,
                r#"{"tag": "a", "attributes": {"p": "u", "k": "v"}}"#,
            )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::String>(0)?;
        Ok(Compiled::converter(move |ctx| {
            let text = target.eval(ctx)?;
            let map = parse(&text).map_err(|e| failure(NAME, e))?;
            Ok(Value::Map(Cow::Owned(map)))
        }))
    }
}

/// An element being read.
struct Open<'a> {
    tag: &'a str,
    attributes: Map,
    content: String,
    children: Vec<AnyValue>,
}

impl Open<'_> {
    fn into_map(self) -> Map {
        let mut map = Map::with_capacity(4);
        map.insert("tag", AnyValue::from(self.tag));
        if !self.content.is_empty() {
            map.insert("content", AnyValue::from(self.content.as_str()));
        }
        if !self.attributes.is_empty() {
            map.insert("attributes", AnyValue::KvList(self.attributes));
        }
        if !self.children.is_empty() {
            map.insert("children", AnyValue::Array(self.children.into()));
        }
        map
    }
}

/// Reads the first element of `text` (what precedes it is skipped, as `Decoder.Decode`
/// skips it) and requires nothing after it.
pub(crate) fn parse(text: &str) -> Result<Map, String> {
    let mut decoder = Decoder::new(text);
    let mut stack: Vec<Open<'_>> = Vec::new();
    loop {
        let token = decoder
            .token()
            .map_err(|e| format!("unmarshal xml: {e}"))?
            .ok_or_else(|| "unmarshal xml: EOF".to_owned())?;
        match token {
            Token::Start { name, attrs, .. } => {
                if stack.len() >= MAX_DEPTH {
                    return Err(format!("exceeded max depth of {MAX_DEPTH}"));
                }
                let mut attributes = Map::with_capacity(attrs.len());
                for attr in attrs {
                    attributes.insert(attr.name.local, AnyValue::from(&*attr.value));
                }
                stack.push(Open {
                    tag: name.local,
                    attributes,
                    content: String::new(),
                    children: Vec::new(),
                });
            }
            Token::End => {
                let Some(done) = stack.pop() else {
                    return Err("unmarshal xml: unexpected end element".to_owned());
                };
                let map = done.into_map();
                match stack.last_mut() {
                    Some(parent) => parent.children.push(AnyValue::KvList(map)),
                    None => {
                        if decoder.offset() != text.len() {
                            return Err("trailing bytes after parsing xml".to_owned());
                        }
                        return Ok(map);
                    }
                }
            }
            Token::Text { data, .. } => {
                if let Some(open) = stack.last_mut() {
                    open.content.push_str(data.trim_matches(is_go_space));
                }
            }
            Token::Comment(_) | Token::ProcInst { .. } | Token::Directive(_) => {}
        }
    }
}

/// The bytes Go's `bytes.TrimSpace` trims (the ASCII ones and Unicode's white space).
fn is_go_space(c: char) -> bool {
    c.is_whitespace()
}
