//! `ottl repl` on a terminal: driven through a pseudo-terminal with `rexpect`, as a person
//! would type (Tab, Enter inside an open bracket, the Up arrow, Ctrl-D).
#![cfg(unix)]

mod common;

use rexpect::reader::Options;
use rexpect::session::{PtySession, spawn_with_options};
use std::process::Command;

const LOGS: &str = "testdata/otlp/proto-example-logs.json";

/// A session on `LOGS` whose history goes to `history`.
fn start(history: &std::path::Path) -> PtySession {
    start_with(history, &[])
}

/// A session on `LOGS` with more arguments.
fn start_with(history: &std::path::Path, args: &[&str]) -> PtySession {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ottl"));
    command
        .args(["repl", LOGS])
        .args(args)
        .current_dir(common::repo())
        .env("OTTL_REPL_HISTORY", history)
        .env("TERM", "xterm")
        .env_remove("NO_COLOR");
    let options = Options::new().timeout_ms(Some(20_000));
    spawn_with_options(command, options).expect("ottl repl starts on a pty")
}

/// Types `keys` (sent at once, as a paste or fast typing would).
fn typed(p: &mut PtySession, keys: &str) {
    p.send(keys).expect("keys sent");
    p.flush().expect("keys flushed");
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("ottl-repl-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    dir
}

#[test]
fn completion_multi_line_input_diff_undo_and_save() {
    let dir = scratch("session");
    let history = dir.join("history");
    let saved = dir.join("saved.ottl");
    let mut p = start(&history);
    p.exp_string("log 1/1> ")
        .expect("the prompt shows context and record");

    // A function name: the hint shows its signature, Tab completes it.
    typed(&mut p, "set(attributes[\"a\"], Conc");
    p.exp_string("at(vals:").expect("the signature as a hint");
    typed(&mut p, "\t");
    p.exp_string("Concat(")
        .expect("Tab completes the only function");
    // Enter inside an open bracket goes on to the next line.
    typed(&mut p, "[\"x\",\r");
    typed(&mut p, " attributes[\"in\t");
    p.exp_string("int.attribute\"]")
        .expect("Tab completes a key of the records");
    typed(&mut p, "], \"-\"))\r");
    // The change, before in red and after in green, and the outcome.
    p.exp_string("[\u{1b}[32mran\u{1b}[0m]")
        .expect("the statement ran");
    p.exp_string("attributes[\"a\"]: \u{1b}[31m(absent)\u{1b}[0m -> \u{1b}[32m\"x-10\"\u{1b}[0m")
        .expect("a coloured before/after diff");
    p.exp_string("log 1/1> ").expect("the prompt again");

    // :undo restores the record.
    p.send_line(":undo").expect("typed");
    p.exp_string(
        "undid set(attributes[\"a\"], Concat([\"x\", attributes[\"int.attribute\"]], \"-\"))",
    )
    .expect("undo names the statement");
    p.exp_string("log 1/1> ").expect("the prompt");
    p.send_line("attributes[\"a\"]").expect("typed");
    p.exp_string("null").expect("the attribute is gone");

    // Up twice brings the statement back from the history; :save writes it.
    p.exp_string("log 1/1> ").expect("the prompt");
    typed(&mut p, "\u{1b}[A\u{1b}[A\u{1b}[A\r");
    p.exp_string("\"x-10\"").expect("the statement ran again");
    p.exp_string("log 1/1> ").expect("the prompt");
    p.send_line(&format!(":save {}", saved.display()))
        .expect("typed");
    p.exp_string("saved 1 statements").expect("saved");
    p.exp_string("log 1/1> ").expect("the prompt");
    p.send_control('d').expect("Ctrl-D");
    p.exp_eof().expect("the session ends");

    let text = std::fs::read_to_string(&saved).expect("the .ottl file");
    assert_eq!(
        text,
        "# context: log\n\
         set(attributes[\"a\"], Concat([\"x\", attributes[\"int.attribute\"]], \"-\"))\n"
    );
    let check = common::ottl(&["check", &saved.display().to_string()], None);
    assert_eq!(check.status.code(), Some(0), "{check:?}");
    let history = std::fs::read_to_string(&history).expect("the history file");
    assert!(history.contains(":undo"), "{history}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn commands_complete_and_hint_what_they_take() {
    let dir = scratch("commands");
    let mut p = start(&dir.join("history"));
    p.exp_string("log 1/1> ").expect("the prompt");
    typed(&mut p, ":con\t");
    p.exp_string("context ").expect("Tab completes the command");
    typed(&mut p, "sp\t");
    p.exp_string("span").expect("Tab completes the context");
    typed(&mut p, "\r");
    p.exp_string("span: no records")
        .expect("the logs have no spans");
    p.exp_string("span 0/0> ").expect("the prompt says so");
    p.send_line(":quit").expect("typed");
    p.exp_eof().expect("the session ends");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn vi_keys_edit_the_line() {
    let dir = scratch("vi");
    let mut p = start_with(&dir.join("history"), &["--keys", "vi"]);
    p.exp_string("log 1/1> ").expect("the prompt");
    // Insert mode first; Esc, `0` to the start, `i` to insert there, Esc, `A` to append.
    typed(&mut p, "body\u{1b}0iLen(\u{1b}A)\r");
    p.exp_string("\r\n18\r\n").expect("Len(body) ran");
    p.send_control('d').expect("Ctrl-D");
    p.exp_eof().expect("the session ends");
    let _ = std::fs::remove_dir_all(dir);
}
