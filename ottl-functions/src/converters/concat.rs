//! `Concat(vals, delimiter)`.

use crate::convert::{self, Input, Strict};
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, ParamKind, Signature};
use ottl_core::value::Value;

/// `Concat(vals, delimiter)` — the string forms of the list's elements joined with
/// `delimiter`; nil elements are written `<nil>`, maps and lists as JSON, bytes as hex.
pub struct Concat;

impl Function for Concat {
    fn signature(&self) -> Signature {
        Signature::converter(
            "Concat",
            "joins the string forms of values with a delimiter",
        )
        .param("vals", ParamKind::Value)
        .param("delimiter", ParamKind::Value)
        .example(
            r#"Concat(["HTTP method is: ", "GET"], "")"#,
            r#""HTTP method is: GET""#,
        )
        .example(r#"Concat(["a", 1, true], "-")"#, r#""a-1-true""#)
        .example(r#"Concat([nil, "a"], "-")"#, r#""<nil>-a""#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let vals = Input::strict_at(&mut args, 0, Strict::List)?;
        let delimiter = Input::strict_at(&mut args, 1, Strict::String)?;
        Ok(Compiled::converter(move |ctx| {
            let items = convert::list(vals.get(ctx)?)?;
            let delimiter = convert::string(delimiter.get(ctx)?)?;
            let mut out = String::new();
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(&delimiter);
                }
                match convert::string_like(Value::from_any(item))? {
                    Some(text) => out.push_str(&text),
                    None => out.push_str("<nil>"),
                }
            }
            Ok(Value::string(out))
        }))
    }
}
