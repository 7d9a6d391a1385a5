//! `ParseCSV(target, header, [delimiter], [header_delimiter], [mode])`.

use super::csv::{self, CsvError};
use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self};
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::model::{AnyValue, Map, Str};
use ottl_core::value::Value;
use ottl_core::RuntimeError;
use std::borrow::Cow;

/// `ParseCSV(target, header, [delimiter], [header_delimiter], [mode])` — a map from the names
/// in `header` to the fields of the CSV row `target`. `mode` is `strict` (the default: RFC 4180
/// quoting), `lazyQuotes` (a quote may appear in an unquoted field) or `ignoreQuotes` (split at
/// every delimiter, quotes kept).
pub struct ParseCsv;

const NAME: &str = "ParseCSV";

impl Function for ParseCsv {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, Kind::Map, "parses a CSV row into a map by a header")
            .param("target", ParamKind::Value(Kind::String))
            .param("header", ParamKind::Value(Kind::String))
            .optional("delimiter", ParamKind::String)
            .optional("header_delimiter", ParamKind::String)
            .optional("mode", ParamKind::String)
            .example(
                r#"ParseCSV("999-999-9999,Joe Smith,joe.smith@example.com", "phone,name,email")"#,
                r#"{"phone": "999-999-9999", "name": "Joe Smith", "email": "joe.smith@example.com"}"#,
            )
            .example(
                r#"ParseCSV("a|\"b|c\"", "x,y", "|", ",")"#,
                r#"{"x": "a", "y": "b|c"}"#,
            )
            .example(
                r#"ParseCSV("\"555-5556,Joe\",joe@example.com", "phone,name,email", mode="ignoreQuotes")"#,
                r#"{"phone": "\"555-5556", "name": "Joe\"", "email": "joe@example.com"}"#,
            )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::String>(0)?;
        let header = args.get::<get::String>(1)?;
        let delimiter = single_character(&mut args, 2, "delimiter")?.unwrap_or(',');
        let header_delimiter = single_character(&mut args, 3, "header_delimiter")?
            .unwrap_or(delimiter)
            .to_string();
        let mode = match args.optional_string(4)?.as_deref() {
            None | Some("strict") => Mode::Strict,
            Some("lazyQuotes") => Mode::LazyQuotes,
            Some("ignoreQuotes") => Mode::IgnoreQuotes,
            Some(other) => {
                return Err(args.invalid(
                    4,
                    format!("unknown mode: {other}"),
                    r#"use "strict", "lazyQuotes" or "ignoreQuotes""#,
                ));
            }
        };
        if mode != Mode::IgnoreQuotes && !csv::valid_delimiter(delimiter) {
            args.warn(
                2,
                format!("the CSV reader takes no {delimiter:?} as a delimiter"),
                r#"use another delimiter, or mode="ignoreQuotes""#,
            );
        }
        Ok(Compiled::converter(move |ctx| {
            let target = target.eval(ctx).map_err(|e| {
                failure(format!("error getting value for target in ParseCSV: {e}"))
            })?;
            let header = header.eval(ctx).map_err(|e| {
                failure(format!("error getting value for header in ParseCSV: {e}"))
            })?;
            if header.is_empty() {
                return Err(failure("headers must not be an empty string".to_owned()));
            }
            let mut row = Row::new(&header, &header_delimiter);
            match mode {
                Mode::IgnoreQuotes => {
                    let mut buffer = [0u8; 4];
                    for field in target.split(&*delimiter.encode_utf8(&mut buffer)) {
                        row.push(Cow::Borrowed(field));
                    }
                }
                Mode::Strict | Mode::LazyQuotes => {
                    // The last field waits: the next record's first one may continue it.
                    let mut last: Option<Cow<'_, str>> = None;
                    let read = csv::read_row(
                        &target,
                        delimiter,
                        mode == Mode::LazyQuotes,
                        |field, continues| match &mut last {
                            Some(last) if continues => {
                                let last = last.to_mut();
                                last.push('\n');
                                last.push_str(&field);
                            }
                            _ => {
                                if let Some(done) = last.replace(field) {
                                    row.push(done);
                                }
                            }
                        },
                    );
                    read.map_err(|e: CsvError| failure(e.to_string()))?;
                    if let Some(done) = last {
                        row.push(done);
                    }
                }
            }
            row.finish().map(|map| Value::Map(Cow::Owned(map)))
        }))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Strict,
    LazyQuotes,
    IgnoreQuotes,
}

/// The optional string literal at `index`, which must be one character.
fn single_character(
    args: &mut Args,
    index: usize,
    name: &str,
) -> Result<Option<char>, Diagnostic> {
    let Some(text) = args.optional_string(index)? else {
        return Ok(None);
    };
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(Some(c)),
        _ => Err(args.invalid(
            index,
            format!("invalid arguments: {name} must be a single character"),
            format!("pass one character as the {name}, such as \",\" or \"\\t\""),
        )),
    }
}

/// The map being built: the header's names, paired in order with the fields as they come.
struct Row<'h> {
    names: std::str::Split<'h, &'h str>,
    expected: usize,
    found: usize,
    map: Map,
}

impl<'h> Row<'h> {
    fn new(header: &'h str, delimiter: &'h str) -> Self {
        let expected = header.split(delimiter).count();
        Self {
            names: header.split(delimiter),
            expected,
            found: 0,
            map: Map::with_capacity(expected),
        }
    }

    /// The next field; a repeated name keeps its first place and takes the later field.
    fn push(&mut self, field: Cow<'_, str>) {
        self.found += 1;
        if let Some(name) = self.names.next() {
            let value = match field {
                Cow::Borrowed(text) => Str::from(text),
                Cow::Owned(text) => Str::from(text),
            };
            self.map.insert(name, AnyValue::Str(value));
        }
    }

    fn finish(self) -> Result<Map, RuntimeError> {
        if self.found != self.expected {
            return Err(failure(format!(
                "map csv headers: wrong number of fields: expected {}, found {}",
                self.expected, self.found
            )));
        }
        Ok(self.map)
    }
}

fn failure(message: String) -> RuntimeError {
    RuntimeError::function(NAME, message)
}
