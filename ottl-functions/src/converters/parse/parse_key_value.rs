//! `ParseKeyValue(target, [delimiter], [pair_delimiter])`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self};
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::model::{AnyValue, Map};
use ottl_core::value::Value;
use ottl_core::RuntimeError;
use std::borrow::Cow;

/// `ParseKeyValue(target, [delimiter], [pair_delimiter])` — a map of the `key=value` pairs of
/// a string: pairs split at `pair_delimiter` (a space by default) outside quotes, each at its
/// first `delimiter` (`=` by default), keys and values trimmed of white space, quotes removed.
pub struct ParseKeyValue;

const NAME: &str = "ParseKeyValue";

impl Function for ParseKeyValue {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, Kind::Map, "parses key-value pairs into a map")
            .param("target", ParamKind::Value(Kind::String))
            .optional("delimiter", ParamKind::String)
            .optional("pair_delimiter", ParamKind::String)
            .example(
                r#"ParseKeyValue("name=ottl func=key_value")"#,
                r#"{"name": "ottl", "func": "key_value"}"#,
            )
            .example(
                r#"ParseKeyValue("k1!v1_k2!v2_k3!v3", "!", "_")"#,
                r#"{"k1": "v1", "k2": "v2", "k3": "v3"}"#,
            )
            .example(
                r#"ParseKeyValue("msg='hello world' a==b")"#,
                r#"{"msg": "hello world", "a": "=b"}"#,
            )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::String>(0)?;
        let delimiter = args.optional_string(1)?.unwrap_or_else(|| "=".to_owned());
        let pair_delimiter = args.optional_string(2)?.unwrap_or_else(|| " ".to_owned());
        if delimiter.is_empty() {
            return Err(args.invalid(
                1,
                "delimiter cannot be set to an empty string",
                "leave it out for `=`, or pass the text between a key and its value",
            ));
        }
        if pair_delimiter.is_empty() {
            return Err(args.invalid(
                2,
                "pair delimiter cannot be set to an empty string",
                "leave it out for a space, or pass the text between two pairs",
            ));
        }
        if pair_delimiter == delimiter {
            let index = if args.is_given(2) { 2 } else { 1 };
            return Err(args.invalid(
                index,
                format!(
                    "pair delimiter {pair_delimiter:?} cannot be equal to delimiter {delimiter:?}"
                ),
                "use different delimiters between pairs and within a pair",
            ));
        }
        Ok(Compiled::converter(move |ctx| {
            let source = target.eval(ctx)?;
            if source.is_empty() {
                return Err(failure("cannot parse from empty target".to_owned()));
            }
            parse(&source, &delimiter, &pair_delimiter).map(|map| Value::Map(Cow::Owned(map)))
        }))
    }
}

/// The map of the pairs in `source`; a repeated key keeps its first place and its last value.
fn parse(source: &str, delimiter: &str, pair_delimiter: &str) -> Result<Map, RuntimeError> {
    let mut map = Map::new();
    let mut unsplit = String::new();
    let split = split_pairs(source, pair_delimiter, |pair| {
        match pair.split_once(delimiter) {
            Some((key, value)) => {
                map.insert(key.trim(), AnyValue::from(value.trim()));
            }
            None => {
                if !unsplit.is_empty() {
                    unsplit.push_str("; ");
                }
                unsplit.push_str(&format!("cannot split {pair:?} into 2 items, got 1 item(s)"));
            }
        }
    });
    if let Err(message) = split {
        return Err(failure(format!(
            "splitting source {source:?} into pairs failed: {message}"
        )));
    }
    if !unsplit.is_empty() {
        return Err(failure(format!(
            "failed to split pairs into key-values: {unsplit}"
        )));
    }
    Ok(map)
}

/// Splits `input` at `delimiter` outside quotes, as the reference's `parseutils.SplitString`:
/// `"` or `'` opens a quote the same character closes, and both are dropped; a backslash stops
/// the next character from opening or closing a quote and is kept; empty pairs are skipped. Each
/// pair goes to `pair`; an unterminated quote is an error.
fn split_pairs(
    input: &str,
    delimiter: &str,
    mut pair: impl FnMut(&str),
) -> Result<(), &'static str> {
    let bytes = input.as_bytes();
    let mut current = Piece::new(input);
    // The quote character of an open quote, 0 outside quotes.
    let mut quote = 0u8;
    let mut escaped = false;
    let mut i = 0;
    while i < bytes.len() {
        // A delimiter splits outside quotes, even right after a backslash (which then escapes
        // the first character of the next pair, as in the reference).
        if quote == 0 && bytes[i..].starts_with(delimiter.as_bytes()) {
            if !current.is_empty(i) {
                pair(&current.take(i));
            }
            i += delimiter.len();
            current.restart(i);
            continue;
        }
        let byte = bytes[i];
        if escaped {
            escaped = false;
        } else if quote == 0 && (byte == b'"' || byte == b'\'') {
            quote = byte;
            current.drop_byte(i);
            i += 1;
            continue;
        } else if byte == quote {
            // Closes the quote; outside quotes `quote` is 0, so a NUL byte lands here and is
            // dropped too, as the reference drops it.
            quote = 0;
            current.drop_byte(i);
            i += 1;
            continue;
        } else {
            escaped = byte == b'\\';
        }
        i += 1;
    }
    if quote != 0 {
        return Err("never reached the end of a quoted value");
    }
    if !current.is_empty(bytes.len()) {
        pair(&current.take(bytes.len()));
    }
    Ok(())
}

/// The pair being read: a slice of the input while no byte has been dropped from it, copied
/// into a buffer (reused for the rest of the input) once one is.
struct Piece<'a> {
    input: &'a str,
    /// Where the pair starts.
    start: usize,
    /// Where the part not yet copied starts.
    rest: usize,
    /// Whether the pair is in `copied` up to `rest`.
    dirty: bool,
    copied: String,
}

impl<'a> Piece<'a> {
    fn new(input: &'a str) -> Self {
        Self {
            input,
            start: 0,
            rest: 0,
            dirty: false,
            copied: String::new(),
        }
    }

    fn restart(&mut self, at: usize) {
        self.start = at;
        self.rest = at;
        self.dirty = false;
        self.copied.clear();
    }

    /// Leaves out the byte at `at` (a quote character or NUL: ASCII, so slices stay on
    /// character boundaries).
    fn drop_byte(&mut self, at: usize) {
        self.copied.push_str(&self.input[self.rest..at]);
        self.dirty = true;
        self.rest = at + 1;
    }

    /// Whether the pair up to `end` has no characters (before it is dirty, `rest` is `start`).
    fn is_empty(&self, end: usize) -> bool {
        self.copied.is_empty() && self.rest == end
    }

    /// The pair up to `end`.
    fn take(&mut self, end: usize) -> Cow<'_, str> {
        if self.dirty {
            self.copied.push_str(&self.input[self.rest..end]);
            self.rest = end;
            Cow::Borrowed(self.copied.as_str())
        } else {
            Cow::Borrowed(&self.input[self.start..end])
        }
    }
}

fn failure(message: String) -> RuntimeError {
    RuntimeError::function(NAME, message)
}

#[cfg(test)]
mod tests {
    use super::{parse, split_pairs};

    fn owned(items: &[&str]) -> Result<Vec<String>, &'static str> {
        Ok(items.iter().map(|s| s.to_string()).collect())
    }

    fn split(input: &str, delimiter: &str) -> Result<Vec<String>, &'static str> {
        let mut pairs = Vec::new();
        split_pairs(input, delimiter, |pair| pairs.push(pair.to_owned()))?;
        Ok(pairs)
    }

    /// The reference's `parseutils` `Test_SplitString` cases.
    #[test]
    fn splits_as_the_reference() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("a b c", " ", &["a", "b", "c"]),
            ("a 'b c d'", " ", &["a", "b c d"]),
            (r#"a " b c " d"#, " ", &["a", " b c ", "d"]),
            ("abc!@!  def !@! g", "!@!", &["abc", "  def ", " g"]),
            (
                "   name=ottl        func=key_value   hello=world ",
                " ",
                &["name=ottl", "func=key_value", "hello=world"],
            ),
            (
                r#"ab c='this is a "co ol" value'"#,
                " ",
                &["ab", r#"c=this is a "co ol" value"#],
            ),
            (r#"ab c='this is a "co ol"'"#, " ", &["ab", r#"c=this is a "co ol""#]),
            (
                r#"ab c="this \"is \"" d='a \'co ol\' value' e="\"""#,
                " ",
                &["ab", r#"c=this \"is \""#, r#"d=a \'co ol\' value"#, r#"e=\""#],
            ),
            (
                r#"name="    ottl " func="  key_ value""#,
                " ",
                &["name=    ottl ", "func=  key_ value"],
            ),
            ("abc", "aaaa", &["abc"]),
            ("a b c", "!", &["a b c"]),
            ("a\nb\nc", " ", &["a\nb\nc"]),
            ("a b c\nd e f\ng \nh", "\n", &["a b c", "d e f", "g ", "h"]),
            ("", " ", &[]),
            ("abc", "abc", &[]),
            ("a\tb\tc", "\t", &["a", "b", "c"]),
        ];
        for &(input, delimiter, expected) in cases {
            assert_eq!(split(input, delimiter), owned(expected), "{input:?}");
        }
        assert!(split("a 'b c", " ").is_err());
        assert!(split(r#"a 'b c' "d '"#, " ").is_err());
    }

    #[test]
    fn a_backslash_before_a_delimiter_escapes_the_next_pair() {
        assert_eq!(split(r#"a\ "b c"#, " "), owned(&[r"a\", r#""b"#, "c"]));
    }

    #[test]
    fn an_empty_quoted_pair_is_skipped() {
        assert_eq!(split(r#""" a=b ''"#, " "), owned(&["a=b"]));
    }

    #[test]
    fn pairs_split_at_the_first_delimiter_and_trim() {
        let map = parse("a==b,c=d=, =e , f =  g ", "=", ",").expect("parses");
        let pairs: Vec<(&str, &str)> = map
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str().unwrap_or_default()))
            .collect();
        assert_eq!(pairs, [("a", "=b"), ("c", "d="), ("", "e"), ("f", "g")]);
    }

    #[test]
    fn a_repeated_key_keeps_its_place_and_the_last_value() {
        let map = parse("a=1 b=2 a=3", "=", " ").expect("parses");
        let pairs: Vec<(&str, &str)> = map
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str().unwrap_or_default()))
            .collect();
        assert_eq!(pairs, [("a", "3"), ("b", "2")]);
    }

    #[test]
    fn a_pair_without_delimiter_is_an_error() {
        assert!(parse("a=1 b", "=", " ").is_err());
    }
}
