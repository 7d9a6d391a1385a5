//! What the line editor completes and hints: function names (with their signatures as
//! hints), the paths of the current context, the attribute keys present in the loaded
//! records, enum names, and command names.

use super::commands::COMMANDS;
use super::session::Session;
use ottl_core::compile::compile_value;
use ottl_core::context::ContextKind;
use ottl_core::value::Value;
use rustyline::completion::Pair;

/// How many records are read for the keys of their maps: enough to find the keys in use
/// without slowing every prompt on large inputs.
const RECORDS_FOR_KEYS: usize = 1000;

/// The maps whose keys are completed inside `["`, when the context has them.
const MAPS: &[&str] = &[
    "attributes",
    "resource.attributes",
    "scope.attributes",
    "span.attributes",
    "metric.metadata",
];

/// A hint shown after the cursor: `display` in grey, `completion` inserted when accepted
/// (with → or End), if any.
pub(super) struct Hint {
    display: String,
    completion: Option<String>,
}

impl rustyline::hint::Hint for Hint {
    fn display(&self) -> &str {
        &self.display
    }

    fn completion(&self) -> Option<&str> {
        self.completion.as_deref()
    }
}

/// A function as hints show it.
struct Function {
    name: String,
    /// Each parameter as the signature writes it (`delimiter: string`, `flags?: …`).
    params: Vec<String>,
    /// ` -> string`, or empty for an editor.
    returns: String,
}

impl Function {
    /// `Name(params) -> kind`, as `ottl functions` shows it.
    fn signature(&self) -> String {
        format!("{}({}){}", self.name, self.params.join(", "), self.returns)
    }
}

/// The words of the current context and records.
#[derive(Default)]
pub(super) struct Vocabulary {
    /// The functions statements can call, by name.
    functions: Vec<Function>,
    paths: Vec<String>,
    enums: Vec<&'static str>,
    contexts: Vec<&'static str>,
    /// The context's own name, which prefixes its paths (`log.attributes`).
    context: String,
    /// For each map path, the keys found in the loaded records, sorted.
    keys: Vec<(String, Vec<String>)>,
}

impl Vocabulary {
    /// The vocabulary of `session`'s context and records.
    pub(super) fn of(session: &mut Session) -> Self {
        let registry = session.registry();
        let mut functions: Vec<Function> = registry
            .signatures()
            .map(|signature| Function {
                name: signature.name.to_owned(),
                params: signature
                    .params
                    .iter()
                    .map(|p| {
                        let optional = if p.optional { "?" } else { "" };
                        format!("{}{optional}: {}", p.name, p.kind)
                    })
                    .collect(),
                returns: signature
                    .returns
                    .map_or_else(String::new, |kind| format!(" -> {kind}")),
            })
            .collect();
        functions.sort_by(|a, b| a.name.cmp(&b.name));
        let context = session.context;
        let paths = context.paths();
        let keys = MAPS
            .iter()
            .filter(|map| paths.iter().any(|path| path == *map))
            .map(|map| ((*map).to_owned(), keys(session, context, map)))
            .collect();
        Vocabulary {
            functions,
            paths,
            enums: context
                .enum_symbols()
                .iter()
                .map(|(name, _)| *name)
                .collect(),
            contexts: ContextKind::ALL.iter().map(|c| c.name()).collect(),
            context: context.name().to_owned(),
            keys,
        }
    }

    /// Where the word being completed starts, and what it may become.
    pub(super) fn complete(&self, line: &str, pos: usize) -> (usize, Vec<Pair>) {
        let before = &line[..pos];
        if let Some(command) = before.strip_prefix(':') {
            return self.complete_command(command, pos);
        }
        if let Some((start, map, partial)) = open_key(before) {
            let keys = self.keys_of(map);
            let found = keys
                .iter()
                .filter(|key| key.starts_with(partial))
                .map(|key| Pair {
                    display: key.clone(),
                    replacement: format!("{}\"]", escape(key)),
                })
                .collect();
            return (start, found);
        }
        let word = word_before(before, true);
        let start = pos - word.len();
        if word.is_empty() {
            return (pos, Vec::new());
        }
        let mut found: Vec<Pair> = Vec::new();
        if !word.contains('.') {
            found.extend(
                self.functions
                    .iter()
                    .filter(|f| f.name.starts_with(word))
                    .map(|f| Pair {
                        display: f.name.clone(),
                        replacement: format!("{}(", f.name),
                    }),
            );
        }
        let words = self
            .paths
            .iter()
            .map(String::as_str)
            .chain(self.enums.iter().copied());
        found.extend(words.filter(|w| w.starts_with(word)).map(|w| Pair {
            display: w.to_owned(),
            replacement: w.to_owned(),
        }));
        // The context's own paths with its prefix (`log.body`).
        if let Some(rest) = word
            .strip_prefix(self.context.as_str())
            .and_then(|rest| rest.strip_prefix('.'))
        {
            let own = self.paths.iter().filter(|path| {
                let first = path.split('.').next().unwrap_or_default();
                ContextKind::from_name(first).is_none() && path.starts_with(rest)
            });
            found.extend(own.map(|path| {
                let prefixed = format!("{}.{path}", self.context);
                Pair {
                    display: prefixed.clone(),
                    replacement: prefixed,
                }
            }));
        }
        (start, found)
    }

    fn complete_command(&self, command: &str, pos: usize) -> (usize, Vec<Pair>) {
        let pairs = |words: &mut dyn Iterator<Item = &str>, partial: &str| -> Vec<Pair> {
            words
                .filter(|w| w.starts_with(partial))
                .map(|w| Pair {
                    display: w.to_owned(),
                    replacement: w.to_owned(),
                })
                .collect()
        };
        match command.split_once(' ') {
            None => {
                let found = COMMANDS
                    .iter()
                    .filter(|(name, _, _)| name.starts_with(command))
                    .map(|(name, takes, _)| Pair {
                        display: format!(":{name}"),
                        replacement: if takes.is_empty() {
                            (*name).to_owned()
                        } else {
                            format!("{name} ")
                        },
                    })
                    .collect();
                (pos - command.len(), found)
            }
            Some((name, partial)) => {
                let partial = partial.trim_start();
                let start = pos - partial.len();
                let found = match name {
                    "context" => pairs(&mut self.contexts.iter().copied(), partial),
                    "functions" => {
                        pairs(&mut self.functions.iter().map(|f| f.name.as_str()), partial)
                    }
                    _ => Vec::new(),
                };
                (start, found)
            }
        }
    }

    /// A hint for the end of `line`: a function's signature, the rest of the only path that
    /// fits, or what a command takes.
    pub(super) fn hint(&self, line: &str, pos: usize) -> Option<Hint> {
        if pos < line.len() {
            return None;
        }
        if let Some(command) = line.strip_prefix(':') {
            let (_, takes, what) = COMMANDS.iter().find(|(name, _, _)| *name == command)?;
            let display = if takes.is_empty() {
                format!("  {what}")
            } else {
                format!(" {takes}  {what}")
            };
            return Some(Hint {
                display,
                completion: None,
            });
        }
        if open_key(line).is_some() {
            return None;
        }
        // Right after `Name(` or a comma between its arguments: the parameters left.
        if line.trim_end().ends_with(['(', ',']) {
            let (name, given) = open_call(line)?;
            let function = self.functions.iter().find(|f| f.name == name)?;
            let left = function.params.get(given..)?;
            return Some(Hint {
                display: format!("{}){}", left.join(", "), function.returns),
                completion: None,
            });
        }
        let word = word_before(line, true);
        if word.is_empty() {
            return None;
        }
        // Only when one word fits: a function (its signature) or a path or enum name.
        let functions = self
            .functions
            .iter()
            .filter(|f| f.name.starts_with(word))
            .map(|f| (f.name.as_str(), Some(f.signature())));
        let names = self
            .paths
            .iter()
            .map(String::as_str)
            .chain(self.enums.iter().copied())
            .filter(|name| name.starts_with(word))
            .map(|name| (name, None));
        let mut fits = functions.chain(names);
        let (Some((name, signature)), None) = (fits.next(), fits.next()) else {
            return None;
        };
        let rest = &name[word.len()..];
        Some(match signature {
            Some(signature) => Hint {
                display: signature[word.len()..].to_owned(),
                completion: Some(format!("{rest}(")),
            },
            None if !rest.is_empty() => Hint {
                display: rest.to_owned(),
                completion: Some(rest.to_owned()),
            },
            None => return None,
        })
    }

    /// The keys of the map at `path` (`attributes`, `log.attributes`, `resource.attributes`).
    fn keys_of(&self, path: &str) -> &[String] {
        let own = path
            .strip_prefix(self.context.as_str())
            .and_then(|rest| rest.strip_prefix('.'))
            .unwrap_or(path);
        self.keys
            .iter()
            .find(|(map, _)| map == own)
            .map_or(&[], |(_, keys)| keys.as_slice())
    }
}

/// The keys of the map at `path` in the first records of `context`.
fn keys(session: &mut Session, context: ContextKind, path: &str) -> Vec<String> {
    let Ok((getter, _)) = compile_value(path, context, &session.registry()) else {
        return Vec::new();
    };
    let mut found: Vec<String> = Vec::new();
    let positions = session.records.positions(context);
    for position in positions.into_iter().take(RECORDS_FOR_KEYS) {
        session.records.with(context, position, |ctx| {
            if let Ok(Value::Map(map)) = getter(ctx) {
                for (key, _) in map.iter() {
                    if !found.iter().any(|k| k == key.as_str()) {
                        found.push(key.as_str().to_owned());
                    }
                }
            }
        });
    }
    found.sort();
    found
}

/// The identifier just before the end of `text` (with dots when `dotted`: a path).
fn word_before(text: &str, dotted: bool) -> &str {
    let start = text
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '_' || (dotted && *c == '.')))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &text[start..]
}

/// When `text` ends inside an unclosed `path["…`: where the key starts, the map's path and
/// the part of the key typed so far.
fn open_key(text: &str) -> Option<(usize, &str, &str)> {
    let open = text.rfind("[\"")?;
    let partial = &text[open + 2..];
    if partial.contains('"') {
        return None;
    }
    let map = word_before(&text[..open], true);
    (!map.is_empty()).then_some((open + 2, map, partial))
}

/// The innermost call still open at the end of `text`: its function's name and how many of
/// its arguments are complete (the commas at its level).
fn open_call(text: &str) -> Option<(&str, usize)> {
    // Each open bracket: where it is, whether it is a call's, commas seen at its level.
    let mut open: Vec<(usize, bool, usize)> = Vec::new();
    let (mut in_string, mut escaped) = (false, false);
    for (i, c) in text.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' => open.push((i, true, 0)),
            '[' | '{' => open.push((i, false, 0)),
            ')' | ']' | '}' => {
                open.pop();
            }
            ',' => {
                if let Some(last) = open.last_mut() {
                    last.2 += 1;
                }
            }
            _ => {}
        }
    }
    if in_string {
        return None;
    }
    let (at, true, commas) = *open.last()? else {
        return None;
    };
    let name = word_before(&text[..at], false);
    (!name.is_empty()).then_some((name, commas))
}

/// `key` as the inside of an OTTL string literal.
fn escape(key: &str) -> String {
    key.replace('\\', "\\\\").replace('"', "\\\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn function(name: &str, params: &[&str], returns: &str) -> Function {
        Function {
            name: name.into(),
            params: params.iter().map(|p| (*p).to_owned()).collect(),
            returns: returns.into(),
        }
    }

    fn vocabulary() -> Vocabulary {
        Vocabulary {
            functions: vec![
                function(
                    "Concat",
                    &["vals: [any]", "delimiter: string"],
                    " -> string",
                ),
                function(
                    "ConvertCase",
                    &["target: string-like", "toCase: string"],
                    " -> string",
                ),
                function("set", &["target: path", "value: any"], ""),
            ],
            paths: vec![
                "attributes".into(),
                "body".into(),
                "body.string".into(),
                "resource.attributes".into(),
            ],
            enums: vec!["SEVERITY_NUMBER_INFO"],
            contexts: vec!["log", "span"],
            context: "log".into(),
            keys: vec![(
                "attributes".into(),
                vec!["http.method".into(), "http.route".into()],
            )],
        }
    }

    fn completions(line: &str) -> (usize, Vec<String>) {
        let (start, pairs) = vocabulary().complete(line, line.len());
        (start, pairs.into_iter().map(|p| p.replacement).collect())
    }

    #[test]
    fn words_complete_to_functions_paths_and_enums() {
        assert_eq!(
            completions("set(attributes[\"a\"], Con"),
            (21, vec!["Concat(".into(), "ConvertCase(".into()])
        );
        assert_eq!(
            completions("set(bo"),
            (4, vec!["body".into(), "body.string".into()])
        );
        assert_eq!(
            completions("severity_number >= SEV"),
            (19, vec!["SEVERITY_NUMBER_INFO".into()])
        );
        assert_eq!(
            completions("log.bo"),
            (0, vec!["log.body".into(), "log.body.string".into()])
        );
    }

    #[test]
    fn keys_complete_inside_brackets() {
        assert_eq!(
            completions("set(log.attributes[\"http.r"),
            (20, vec!["http.route\"]".into()])
        );
        assert_eq!(
            completions("attributes[\"x\"] == \"GE").1,
            Vec::<String>::new()
        );
    }

    #[test]
    fn commands_and_their_arguments_complete() {
        assert_eq!(completions(":fu"), (1, vec!["functions ".into()]));
        assert_eq!(completions(":context sp"), (9, vec!["span".into()]));
    }

    #[test]
    fn text_beyond_ascii_completes_without_panicking() {
        assert_eq!(completions("set(body, \"é\")é"), (17, Vec::<String>::new()));
        assert_eq!(
            completions("set(attributes[\"ké"),
            (16, Vec::<String>::new())
        );
        assert_eq!(completions("é"), (2, Vec::<String>::new()));
        let line = "set(body, \"…\"), Con";
        assert_eq!(vocabulary().complete(line, line.len()).1.len(), 2);
        assert!(vocabulary().hint("Len(\"…\",", 9).is_none());
    }

    #[test]
    fn every_cursor_position_is_answered() {
        let lines = [
            "set(attributes[\"ké\"], Concat([\"…\", body], \"-\")) where  é == \"x\\\"(\"",
            ":context spé",
            "[\"\"[\"(,,))]]}{",
            "é.é[\"",
        ];
        let vocabulary = vocabulary();
        for line in lines {
            for (pos, _) in line.char_indices().chain([(line.len(), ' ')]) {
                let (start, _) = vocabulary.complete(line, pos);
                assert!(
                    start <= pos && line.is_char_boundary(start),
                    "{line:?} at {pos}"
                );
                let _ = vocabulary.hint(&line[..pos], pos);
            }
        }
    }

    #[test]
    fn hints_show_signatures() {
        let hint = |line: &str| {
            vocabulary()
                .hint(line, line.len())
                .map(|h| (h.display, h.completion))
        };
        assert_eq!(
            hint("Conc"),
            Some((
                "at(vals: [any], delimiter: string) -> string".into(),
                Some("at(".into())
            ))
        );
        assert_eq!(
            hint("set(attributes[\"a\"], Concat("),
            Some(("vals: [any], delimiter: string) -> string".into(), None))
        );
        assert_eq!(
            hint("resource.a"),
            Some(("ttributes".into(), Some("ttributes".into())))
        );
        assert_eq!(
            hint("set(attributes[\"a\"], Concat([\"a\", \"b\"], "),
            Some(("delimiter: string) -> string".into(), None))
        );
        assert_eq!(
            hint("set(attributes[\"a\"],"),
            Some(("value: any)".into(), None))
        );
        assert_eq!(hint("set(attributes[\"a\"], \"x,"), None);
        assert_eq!(hint("Co"), None);
        // `b` could be `body` or `body.string`.
        assert_eq!(hint("set(b"), None);
    }
}
