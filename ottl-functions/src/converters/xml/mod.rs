//! XML: parsing documents into maps, and selecting, inserting, removing and reshaping nodes
//! with XPath, as the reference does with Go's `encoding/xml` and antchfx/xmlquery + xpath.
//!
//! The tokenizer (`decode.rs`), the document model and its writer (`tree.rs`) and the XPath
//! engine (`xpath.rs`) are written here rather than taken from crates: the output must match
//! xmlquery's byte for byte and the XPath antchfx's quirks (what it accepts, the order it
//! yields nodes in, the whitespace its navigator skips), which no Rust XML crate reproduces.

mod decode;
mod tree;
mod xpath;

crate::family! {
    convert_attributes_to_elements_xml => ConvertAttributesToElementsXml,
    convert_text_to_elements_xml => ConvertTextToElementsXml,
    get_xml => GetXml,
    insert_xml => InsertXml,
    parse_simplified_xml => ParseSimplifiedXml,
    parse_xml => ParseXml,
    remove_xml => RemoveXml,
}

use ottl_core::RuntimeError;
use ottl_core::RuntimeErrorKind;
use ottl_core::diag::Diagnostic;
use ottl_core::function::Args;
use tree::Document;
use xpath::{NodeRef, XPath};

/// The XPath literal at `index`, compiled; `default` when it is optional and left out or
/// empty. An expression antchfx/xpath refuses is a diagnostic on the argument.
fn xpath_at(args: &mut Args, index: usize, default: Option<&str>) -> Result<XPath, Diagnostic> {
    let text = match default {
        Some(default) => args
            .optional_string(index)?
            .filter(|text| !text.is_empty())
            .unwrap_or_else(|| default.to_owned()),
        None => args.string(index)?,
    };
    XPath::compile(&text).map_err(|message| {
        args.invalid(
            index,
            format!("invalid xpath {text:?}: {message}"),
            "write an XPath 1.0 location path, e.g. \"/Log/User/@id\" or \"//comment()\"",
        )
    })
}

/// `text` parsed, and the nodes `xpath` selects in it; failures are `function`'s.
fn parse_and_select(
    function: &'static str,
    text: &str,
    xpath: &XPath,
) -> Result<(Document, Vec<NodeRef>), RuntimeError> {
    let doc = Document::parse(text).map_err(|e| failure(function, e))?;
    let nodes = xpath.select(&doc).map_err(|e| failure(function, e))?;
    Ok((doc, nodes))
}

/// A runtime error of `function`.
fn failure(function: &'static str, message: impl Into<String>) -> RuntimeError {
    RuntimeErrorKind::Function {
        function,
        message: message.into(),
    }
    .into()
}
