//! `Trim(target, replacement)`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::get;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::model::Str;
use ottl_core::value::Value;
use std::borrow::Cow;

/// The characters `Trim` removes, prepared once from the literal cutset.
enum Cutset {
    /// Nothing (an empty cutset).
    Empty,
    /// ASCII characters only, as a table.
    Ascii([bool; 128]),
    /// Any characters.
    Chars(Vec<char>),
}

impl Cutset {
    fn new(cutset: &str) -> Self {
        if cutset.is_empty() {
            return Cutset::Empty;
        }
        if cutset.is_ascii() {
            let mut table = [false; 128];
            for byte in cutset.bytes() {
                table[usize::from(byte)] = true;
            }
            return Cutset::Ascii(table);
        }
        Cutset::Chars(cutset.chars().collect())
    }

    /// `text` without the cutset's characters at either end, as Go's `strings.Trim`.
    fn trim<'a>(&self, text: &'a str) -> &'a str {
        match self {
            Cutset::Empty => text,
            Cutset::Ascii(table) => {
                text.trim_matches(|c: char| c.is_ascii() && table[c as usize])
            }
            Cutset::Chars(chars) => text.trim_matches(|c: char| chars.contains(&c)),
        }
    }
}

/// The bytes `start..end` of `text`: `text` itself, borrowed back, when that is all of it,
/// else a new string.
pub(super) fn slice(text: Cow<'_, Str>, start: usize, end: usize) -> Value<'_> {
    if start == 0 && end == text.len() {
        return Value::Str(text);
    }
    Value::Str(Cow::Owned(Str::from(text.get(start..end).unwrap_or_default())))
}

/// Where `part`, a slice of `whole`, starts and ends in it.
pub(super) fn bounds(whole: &str, part: &str) -> (usize, usize) {
    let start = (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize);
    (start, start + part.len())
}

/// `Trim(target, replacement)` — the string without any of the characters of the literal
/// `replacement` (a set, default `" "`) at either end, as Go's `strings.Trim`.
pub struct Trim;

impl Function for Trim {
    fn signature(&self) -> Signature {
        Signature::converter("Trim", Kind::String, "removes a set of characters from both ends")
            .param("target", ParamKind::Value(Kind::String))
            .optional("replacement", ParamKind::String)
            .example(r#"Trim(" this is a test ", " ")"#, r#""this is a test""#)
            .example(r#"Trim("!!this is a test!!", "!!")"#, r#""this is a test""#)
            .example(r#"Trim("xyhixx", "xy")"#, r#""hi""#)
            .example(r#"Trim("  hi  ")"#, r#""hi""#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::String>(0)?;
        let cutset = Cutset::new(args.optional_string(1)?.as_deref().unwrap_or(" "));
        Ok(Compiled::converter(move |ctx| {
            let text = target.value(ctx)?;
            let (start, end) = bounds(&text, cutset.trim(&text));
            Ok(slice(text, start, end))
        }))
    }
}
