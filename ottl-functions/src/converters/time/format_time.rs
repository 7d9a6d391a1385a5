//! `FormatTime(time, format)`.

use super::strptime::{self, DIRECTIVES};
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature, get};
use ottl_core::value::Value;

/// `FormatTime(time, format)` — a time written with a strptime-style format (`%Y-%m-%d`), in
/// the time's own zone. The format is checked and compiled once, with the statement.
pub struct FormatTime;

impl Function for FormatTime {
    fn signature(&self) -> Signature {
        Signature::converter("FormatTime", Kind::String, "a time written with a strptime-style format")
            .param("time", ParamKind::Value(Kind::Time))
            .param("format", ParamKind::String)
            .example(r#"FormatTime(Unix(1681300800), "%Y-%m-%d")"#, r#""2023-04-12""#)
            .example(r#"FormatTime(Time("1993-07-31", "%Y-%m-%d", "UTC"), "%B %d, %Y")"#, r#""July 31, 1993""#)
            .example(r#"FormatTime(Time("2023-03-14 17:02:59", "%Y-%m-%d %H:%M:%S", "UTC"), "%b %d %Y %H:%M:%S")"#, r#""Mar 14 2023 17:02:59""#)
            .example(r#"FormatTime(Unix(1681300800, 120000000), "%H:%M:%S.%L %z")"#, r#""12:00:00.12 Z""#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let time = args.get::<get::Time>(0)?;
        let format = args.string(1)?;
        let items = strptime::compile(&format).map_err(|error| {
            args.invalid(1, error.message(), format!("use the directives {DIRECTIVES}"))
        })?;
        Ok(Compiled::converter(move |ctx| {
            Ok(Value::string(strptime::format(&items, &time.eval(ctx)?)))
        }))
    }
}
