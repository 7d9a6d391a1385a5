//! `ToKeyValueString(target, delimiter, pair_delimiter, sort_output)`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::get;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::model::{AnyValue, Map, Str};
use ottl_core::text;
use ottl_core::value::Value;
use std::borrow::Cow;

/// `ToKeyValueString(target, delimiter, pair_delimiter, sort_output)` — the map `target` as
/// `key=value` pairs joined by spaces (or the given delimiters), in map order or sorted by key.
/// Values are written as strings (maps and lists as JSON); `"` becomes `\"`, and a key or value
/// holding a delimiter is put in double quotes.
pub struct ToKeyValueString;

impl Function for ToKeyValueString {
    fn signature(&self) -> Signature {
        Signature::converter(
            "ToKeyValueString",
            Kind::String,
            "writes a map as key=value pairs",
        )
        .param("target", ParamKind::Value(Kind::Map))
        .optional("delimiter", ParamKind::String)
        .optional("pair_delimiter", ParamKind::String)
        .optional("sort_output", ParamKind::Bool)
        .example(
            r#"ToKeyValueString({"key1": "value1", "key2": 2})"#,
            r#""key1=value1 key2=2""#,
        )
        .example(
            r#"ToKeyValueString({"b": "x y", "a": true}, ":", ",", true)"#,
            r#""a:true,b:x y""#,
        )
        .example(
            r#"ToKeyValueString({"key 1": "value\"1"})"#,
            r#""\"key 1\"=value\\\"1""#,
        )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::Map>(0)?;
        let delimiter = args.optional_string(1)?.unwrap_or_else(|| "=".to_owned());
        let pair_delimiter = args.optional_string(2)?.unwrap_or_else(|| " ".to_owned());
        let sort_output = args.optional_bool(3)?.unwrap_or(false);
        if delimiter.is_empty() {
            return Err(args.invalid(
                1,
                "the delimiter cannot be empty",
                r#"write a delimiter such as "=" or leave it out"#,
            ));
        }
        if pair_delimiter.is_empty() {
            return Err(args.invalid(
                2,
                "the pair delimiter cannot be empty",
                r#"write a pair delimiter such as " " or leave it out"#,
            ));
        }
        if pair_delimiter == delimiter {
            return Err(args.invalid(
                2,
                format!("the pair delimiter {pair_delimiter:?} equals the delimiter"),
                "choose two different delimiters",
            ));
        }
        let delimiters = Delimiters {
            pair: delimiter,
            between: pair_delimiter,
        };
        Ok(Compiled::converter(move |ctx| {
            let map = target.eval(ctx)?;
            Ok(Value::string(delimiters.write(&map, sort_output)))
        }))
    }
}

/// What separates a key from its value, and one pair from the next.
struct Delimiters {
    pair: String,
    between: String,
}

impl Delimiters {
    fn write(&self, map: &Map, sort_output: bool) -> String {
        let mut out = String::new();
        if sort_output {
            let mut entries: Vec<(&Str, &AnyValue)> = map.iter().collect();
            entries.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
            self.push_pairs(&mut out, entries.into_iter());
        } else {
            self.push_pairs(&mut out, map.iter());
        }
        out
    }

    fn push_pairs<'m>(&self, out: &mut String, pairs: impl Iterator<Item = (&'m Str, &'m AnyValue)>) {
        for (i, (key, value)) in pairs.enumerate() {
            if i > 0 {
                out.push_str(&self.between);
            }
            self.push_quoted(out, key.as_str());
            out.push_str(&self.pair);
            match value {
                AnyValue::Str(text) => self.push_quoted(out, text.as_str()),
                other => self.push_quoted(out, &text::as_string(other)),
            }
        }
    }

    /// `text` with `"` escaped, in double quotes if it then holds either delimiter.
    fn push_quoted(&self, out: &mut String, text: &str) {
        let escaped: Cow<'_, str> = if text.contains('"') {
            Cow::Owned(text.replace('"', "\\\""))
        } else {
            Cow::Borrowed(text)
        };
        if escaped.contains(self.between.as_str()) || escaped.contains(self.pair.as_str()) {
            out.push('"');
            out.push_str(&escaped);
            out.push('"');
        } else {
            out.push_str(&escaped);
        }
    }
}
