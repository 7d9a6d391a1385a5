//! `Concat(vals, delimiter)`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self, Coerce as _};
use ottl_core::function::{Kind, Args, Compiled, Function, ParamKind, Signature};
use ottl_core::value::Value;

/// `Concat(vals, delimiter)` — the string forms of the list's elements joined with
/// `delimiter`; nil elements are written `<nil>`, maps and lists as JSON, bytes as hex.
pub struct Concat;

impl Function for Concat {
    fn signature(&self) -> Signature {
        Signature::converter("Concat", Kind::String,
            "joins the string forms of values with a delimiter",
        )
        .param("vals", ParamKind::Value(Kind::List))
        .param("delimiter", ParamKind::Value(Kind::String))
        .example(
            r#"Concat(["HTTP method is: ", "GET"], "")"#,
            r#""HTTP method is: GET""#,
        )
        .example(r#"Concat(["a", 1, true], "-")"#, r#""a-1-true""#)
        .example(r#"Concat([nil, "a"], "-")"#, r#""<nil>-a""#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let vals = args.get::<get::List>(0)?;
        let delimiter = args.get::<get::String>(1)?;
        Ok(Compiled::converter(move |ctx| {
            let items = vals.eval(ctx)?;
            let delimiter = delimiter.eval(ctx)?;
            let mut out = String::new();
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(&delimiter);
                }
                match get::StringLike::coerce(Value::from_any(item))? {
                    Some(text) => out.push_str(&text),
                    None => out.push_str("<nil>"),
                }
            }
            Ok(Value::string(out))
        }))
    }
}
