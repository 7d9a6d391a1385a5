//! `IsMatch(target, pattern)`.

use crate::pattern::{Pattern, Syntax};
use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self, Coerce as _};
use ottl_core::function::{Kind, Args, Compiled, Function, ParamKind, Signature};
use ottl_core::value::Value;

/// `IsMatch(target, pattern)` — whether the regex `pattern` matches anywhere in the string
/// form of `target` (ints, doubles, bools, maps and lists are converted); nil is false.
pub struct IsMatch;

impl Function for IsMatch {
    fn signature(&self) -> Signature {
        Signature::converter("IsMatch", Kind::Bool, "whether a regex matches a value's string form")
            .param("target", ParamKind::Like(Kind::String))
            .param("pattern", ParamKind::Value(Kind::String))
            .example(r#"IsMatch("string", ".*ring")"#, "true")
            .example(r#"IsMatch(123, "^12")"#, "true")
            .example(r#"IsMatch("aa123bb", "^\\d{3}$")"#, "false")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.value(0)?;
        let pattern = Pattern::at(&mut args, 1, Syntax::Regex, "IsMatch")?;
        Ok(Compiled::converter(move |ctx| {
            let Some(text) = get::StringLike::coerce(target.get(ctx)?)? else {
                return Ok(Value::Bool(false));
            };
            Ok(Value::Bool(pattern.matcher(ctx)?.is_match(&text)))
        }))
    }
}
