//! `Format(format, vals)`.

use super::go_fmt::{Origin, Template};
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature, ValueArg};
use ottl_core::value::Value;

/// Arguments evaluated on the stack; more go to the heap.
const INLINE_ARGS: usize = 8;

/// `Format(format, vals)` — the values formatted by the literal `format` as Go's
/// `fmt.Sprintf` does it: every verb, flag, width and precision, and Go's markers instead of
/// errors (`%!d(string=a)`, `%!d(MISSING)`, `%!(EXTRA int64=1)`).
pub struct Format;

impl Function for Format {
    fn signature(&self) -> Signature {
        Signature::converter("Format", Kind::String, "formats values as Go's fmt.Sprintf")
            .param("format", ParamKind::String)
            .param("vals", ParamKind::Values(Kind::Any))
            .example(r#"Format("test-%04d", [2])"#, r#""test-0002""#)
            .example(r#"Format("test-%04d-%4s", [2, "te"])"#, r#""test-0002-  te""#)
            .example(r#"Format("%.2f%% of %s", [99.5, "disk"])"#, r#""99.50% of disk""#)
            .example(r#"Format("%d", ["abc"])"#, r#""%!d(string=abc)""#)
            .example(r#"Format("%s-%s", ["a"])"#, r#""a-%!s(MISSING)""#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let format = args.string(0)?;
        let vals = args.values(1)?;
        let origins = vals
            .iter()
            .map(|val| match val {
                ValueArg::Constant(_) => Origin::Literal,
                ValueArg::Stored(_) | ValueArg::Getter(_) => Origin::Path,
            })
            .collect();
        let template = Template::new(format, origins);
        Ok(Compiled::converter(move |ctx| {
            let text = if vals.len() <= INLINE_ARGS {
                let mut values: [Value<'_>; INLINE_ARGS] = std::array::from_fn(|_| Value::Nil);
                for (slot, val) in values.iter_mut().zip(&vals) {
                    *slot = val.get(ctx)?;
                }
                template.render(&values[..vals.len()])
            } else {
                let values = vals
                    .iter()
                    .map(|val| val.get(ctx))
                    .collect::<Result<Vec<_>, _>>()?;
                template.render(&values)
            };
            debug_assert_eq!(template.arguments(), vals.len());
            Ok(Value::string(text))
        }))
    }
}
