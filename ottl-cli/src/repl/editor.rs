//! The interactive session: a rustyline line editor with a history file, Emacs or Vi keys,
//! completion and hints, and multi-line input while brackets or strings are open.

use super::complete::{Hint, Vocabulary};
use super::session::{Flow, Session};
use crate::ExitCode;
use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{CompletionType, Config, Context, EditMode, Editor, Helper};
use std::borrow::Cow;
use std::path::PathBuf;

/// Which keys edit the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Keys {
    /// Emacs bindings (Ctrl-A, Ctrl-E, Ctrl-R, …), as readline by default.
    Emacs,
    /// Vi bindings: Esc for normal mode.
    Vi,
}

/// How many lines the history file keeps.
const HISTORY_SIZE: usize = 1000;

/// The rustyline helper: completion, hints and the check for unfinished input.
struct ReplHelper {
    vocabulary: Vocabulary,
    colour: bool,
}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        Ok(self.vocabulary.complete(line, pos))
    }
}

impl Hinter for ReplHelper {
    type Hint = Hint;

    fn hint(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> Option<Hint> {
        self.vocabulary.hint(line, pos)
    }
}

impl Highlighter for ReplHelper {
    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        if self.colour {
            Cow::Owned(format!("\x1b[90m{hint}\x1b[0m"))
        } else {
            Cow::Borrowed(hint)
        }
    }

    fn highlight_prompt<'b, 's: 'b, 'p: 'b>(
        &'s self,
        prompt: &'p str,
        default: bool,
    ) -> Cow<'b, str> {
        if self.colour && default {
            Cow::Owned(format!("\x1b[1;36m{prompt}\x1b[0m"))
        } else {
            Cow::Borrowed(prompt)
        }
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        false
    }
}

impl Validator for ReplHelper {
    fn validate(&self, ctx: &mut ValidationContext<'_>) -> rustyline::Result<ValidationResult> {
        Ok(if is_open(ctx.input()) {
            ValidationResult::Incomplete
        } else {
            ValidationResult::Valid(None)
        })
    }
}

impl Helper for ReplHelper {}

/// Whether OTTL `input` has a bracket or a string still open, so that Enter goes on to the
/// next line. Commands are always one line.
pub(super) fn is_open(input: &str) -> bool {
    if input.trim_start().starts_with(':') {
        return false;
    }
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for c in input.chars() {
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
            '(' | '[' | '{' => depth += 1,
            // A stray closer is the parser's to report.
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    in_string || depth > 0
}

/// Where the history is kept: `$OTTL_REPL_HISTORY`, else `ottl/repl_history` under the
/// user's state directory (`$XDG_STATE_HOME`, `~/.local/state`). `None` when
/// `OTTL_REPL_HISTORY` is empty or there is no home.
fn history_file() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("OTTL_REPL_HISTORY") {
        return (!path.is_empty()).then(|| PathBuf::from(path));
    }
    let state = std::env::var_os("XDG_STATE_HOME")
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|dir| !dir.is_empty())
                .map(|home| PathBuf::from(home).join(".local/state"))
        })?;
    Some(state.join("ottl/repl_history"))
}

/// Runs the session on the terminal until Ctrl-D or `:quit`.
pub(super) fn interactive(mut session: Session, keys: Keys) -> ExitCode {
    let builder = Config::builder();
    // The default keeps 100 lines; a session of trying statements out writes more.
    let builder = match builder.max_history_size(HISTORY_SIZE) {
        Ok(builder) => builder,
        Err(_) => Config::builder(),
    };
    let config = builder
        .edit_mode(match keys {
            Keys::Emacs => EditMode::Emacs,
            Keys::Vi => EditMode::Vi,
        })
        .completion_type(CompletionType::List)
        .auto_add_history(false)
        .build();
    let mut editor: Editor<ReplHelper, DefaultHistory> = match Editor::with_config(config) {
        Ok(editor) => editor,
        Err(error) => {
            eprintln!("error: cannot start the line editor: {error}");
            return ExitCode::BadInput;
        }
    };
    let history = history_file();
    if let Some(path) = &history {
        // A first session has no history yet.
        let _ = editor.load_history(path);
    }
    let inputs: Vec<&str> = session
        .records
        .documents
        .iter()
        .map(|(name, _)| name.as_str())
        .collect();
    println!(
        "ottl repl on {}. :help lists the commands, Tab completes, Ctrl-D leaves.",
        inputs.join(", ")
    );
    session.where_am_i();
    loop {
        editor.set_helper(Some(ReplHelper {
            vocabulary: Vocabulary::of(&mut session),
            colour: session.colour,
        }));
        match editor.readline(&session.prompt()) {
            Ok(line) => {
                let line = line.trim();
                if line.is_empty() {
                    continue;
                }
                let _ = editor.add_history_entry(line);
                if session.handle(line) == Flow::Quit {
                    break;
                }
            }
            // Ctrl-C drops the line being typed.
            Err(ReadlineError::Interrupted) => {}
            Err(ReadlineError::Eof) => break,
            Err(error) => {
                eprintln!("error: {error}");
                break;
            }
        }
    }
    if let Some(path) = &history {
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if let Err(error) = editor.save_history(path) {
            eprintln!(
                "warning: cannot save the history to {}: {error}",
                path.display()
            );
        }
    }
    ExitCode::Ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_brackets_and_strings_continue_the_input() {
        assert!(is_open("set(attributes[\"a\"],"));
        assert!(is_open("set(body, \"a (b"));
        assert!(is_open("set(body, {\"k\": [1,"));
        assert!(!is_open("set(body, \"a (\\\" b\")"));
        assert!(!is_open("set(body, \"x\"))"));
        assert!(!is_open(":save (x"));
    }
}
