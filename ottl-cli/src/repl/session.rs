//! A session's state (records, context, current record, the statements run) and what one
//! line of OTTL does in it: a statement is checked, run and traced; a condition or an
//! expression prints its value.

use super::commands;
use super::records::{Position, Records};
use crate::gates::FeatureGates;
use crate::render::{self, Source};
use crate::trace::{self, TraceFormat, Tracer};
use ottl_core::compile::{compile_condition, compile_value};
use ottl_core::context::{ContextKind, TransformContext};
use ottl_core::diag::Diagnostic;
use ottl_core::function::Registry;
use ottl_core::run::{ErrorMode, Observer, Outcome, Program, Run};
use ottl_core::syntax;

/// How many statements `:undo` can take back.
const UNDO_DEPTH: usize = 100;

/// How many records `:all` shows a trace or a value for; the rest are counted
/// (`ottl eval --trace` shows every one).
const SHOWN: usize = 20;

/// A statement the session ran, in the context it ran in.
pub(super) struct Logged {
    pub(super) context: ContextKind,
    /// The statement on one line, as `:save` writes it.
    pub(super) source: String,
}

/// Whether the session goes on after a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Flow {
    Continue,
    Quit,
}

/// Everything a session knows.
pub(super) struct Session {
    pub(super) records: Records,
    /// The inputs as loaded, before any statement: where `:case` takes its input from.
    pub(super) loaded: Records,
    pub(super) context: ContextKind,
    /// The current record's index among the context's records.
    pub(super) current: usize,
    /// Which gated functions statements may call.
    pub(super) gates: FeatureGates,
    /// Whether statements run on every record of the context (`:all`).
    pub(super) all: bool,
    /// Whether results are coloured (a terminal).
    pub(super) colour: bool,
    /// The statements run, oldest first: what `:history`, `:save` and `:case` use.
    pub(super) log: Vec<Logged>,
    /// The records before each of the last statements of `log`, newest last.
    undo: Vec<Records>,
}

impl Session {
    /// A session over `records`, on the first record of `context`.
    pub(super) fn new(records: Records, context: ContextKind, gates: FeatureGates) -> Self {
        Session {
            loaded: records.clone(),
            records,
            context,
            current: 0,
            gates,
            all: false,
            colour: false,
            log: Vec::new(),
            undo: Vec::new(),
        }
    }

    /// The functions statements of the current context can call.
    pub(super) fn registry(&self) -> Registry {
        let mut registry = ottl_functions::transform::registry(self.context);
        self.gates.apply(&mut registry);
        registry
    }

    /// Handles one line: a `:command`, or OTTL.
    pub(super) fn handle(&mut self, line: &str) -> Flow {
        match line.strip_prefix(':') {
            Some(command) => commands::run(self, command.trim()),
            None => {
                self.evaluate(line, self.all);
                Flow::Continue
            }
        }
    }

    /// The prompt: the context, the current record's number (`*` under `:all`) and how
    /// many records the context has (`log 3/120> `).
    pub(super) fn prompt(&self) -> String {
        let count = self.records.positions(self.context).len();
        if self.all {
            format!("{} */{count}> ", self.context)
        } else if count == 0 {
            format!("{} 0/0> ", self.context)
        } else {
            format!("{} {}/{count}> ", self.context, self.current + 1)
        }
    }

    /// The current record's position, if the context has records.
    pub(super) fn position(&self) -> Option<Position> {
        self.records
            .positions(self.context)
            .get(self.current)
            .copied()
    }

    /// Moves to record `index` (from 0) of the context.
    pub(super) fn go(&mut self, index: usize) {
        let count = self.records.positions(self.context).len();
        if index >= count {
            eprintln!("error: there are {count} {} records", self.context);
            return;
        }
        self.current = index;
        self.where_am_i();
    }

    /// Prints the context, the current record's number and its position.
    pub(super) fn where_am_i(&self) {
        let positions = self.records.positions(self.context);
        match positions.get(self.current) {
            Some(position) => println!(
                "{} {}/{}: {}",
                self.context,
                self.current + 1,
                positions.len(),
                self.records.describe(self.context, *position)
            ),
            None => println!("{}: no records", self.context),
        }
    }

    /// Replaces the records with `records` (`:load`), keeping the context when they have
    /// records of it; what `:undo` could take back goes.
    pub(super) fn replace(&mut self, records: Records) {
        self.loaded = records.clone();
        self.records = records;
        self.undo.clear();
        self.current = 0;
        if self.records.positions(self.context).is_empty()
            && let Some((_, document)) = self.records.documents.first()
        {
            self.context = crate::runner::signal(document).0.record_context();
        }
        self.where_am_i();
    }

    /// Restores the records to before the last statement.
    pub(super) fn undo(&mut self) {
        let Some(records) = self.undo.pop() else {
            eprintln!("error: nothing to undo");
            return;
        };
        self.records = records;
        let count = self.records.positions(self.context).len();
        self.current = self.current.min(count.saturating_sub(1));
        if let Some(logged) = self.log.pop() {
            println!("undid {}", logged.source);
        }
    }

    /// Runs OTTL `text`: a statement on the current record (or on all of them), or a
    /// condition or expression, printing its value.
    pub(super) fn evaluate(&mut self, text: &str, all: bool) {
        let text = &one_line(text);
        let registry = self.registry();
        if syntax::parse_statement(text).is_ok() {
            match Program::compile(&[text], &[], self.context, ErrorMode::Ignore, &registry) {
                Ok(program) => {
                    let warnings: Vec<Diagnostic> =
                        program.warnings().iter().map(|(_, d)| d.clone()).collect();
                    show_diagnostics(text, &warnings);
                    self.statement(text, &program, all);
                }
                Err(failures) => {
                    for (_, diagnostics) in failures {
                        let diagnostics: Vec<_> = diagnostics.into_iter().collect();
                        show_diagnostics(text, &diagnostics);
                    }
                }
            }
            return;
        }
        if let Ok((getter, _)) = compile_value(text, self.context, &registry) {
            self.each(all, SHOWN, |at, ctx| match getter(ctx) {
                Ok(value) => println!("{at}{}", trace::to_json(&value)),
                Err(error) => println!("{at}error: {error}"),
            });
            return;
        }
        match compile_condition(text, self.context, &registry) {
            Ok((condition, _)) => {
                let (mut held, mut count) = (0, 0);
                // Counted on every record: only the total is printed.
                self.each(all, usize::MAX, |at, ctx| match condition(ctx) {
                    Ok(holds) => {
                        count += 1;
                        held += usize::from(holds);
                        if !all {
                            println!("{at}{holds}");
                        }
                    }
                    Err(error) => println!("{at}error: {error}"),
                });
                if all {
                    println!("true on {held} of {count} {} records", self.context);
                }
            }
            Err(diagnostics) => {
                let diagnostics: Vec<_> = diagnostics.into_iter().collect();
                show_diagnostics(text, &diagnostics);
            }
        }
    }

    /// Calls `f` on the current record, or when `all` on the first `cap` records of the
    /// context (saying how many more there are), with a label of the record (empty for the
    /// current one).
    fn each(&mut self, all: bool, cap: usize, mut f: impl FnMut(&str, &mut TransformContext<'_>)) {
        if !all {
            match self.position() {
                Some(position) => self.records.with(self.context, position, |ctx| f("", ctx)),
                None => println!("{}: no records", self.context),
            }
            return;
        }
        let positions = self.records.positions(self.context);
        let count = positions.len();
        for (n, position) in positions.into_iter().take(cap).enumerate() {
            let at = format!("{} {}: ", self.context, n + 1);
            self.records.with(self.context, position, |ctx| f(&at, ctx));
        }
        if count > cap {
            println!("… and {} more records", count - cap);
        }
    }

    /// Runs a compiled statement, printing what it changed, and remembers it for `:undo`,
    /// `:save` and `:case`.
    fn statement(&mut self, text: &str, program: &Program, all: bool) {
        let before = self.records.clone();
        if all {
            let mut tally = Tally::default();
            for (name, document) in &mut self.records.documents {
                let prefix = format!("{name}: ");
                let mut tracer = Tracer::new(program, TraceFormat::Human, &prefix)
                    .on_stdout()
                    .coloured(self.colour);
                let mut report = |_| {};
                let mut observer = Tallied {
                    tracer: &mut tracer,
                    tally: &mut tally,
                };
                let _ = program.run_with(
                    document,
                    Run::reporting(&mut report).observer(&mut observer),
                );
            }
            if tally.records > SHOWN {
                println!("… traced the first {SHOWN} records");
            }
            println!(
                "ran on {} of {} {} records ({} where false, {} failed)",
                tally.ran, tally.records, self.context, tally.skipped, tally.failed
            );
        } else {
            let Some(position) = self.position() else {
                println!("{}: no records", self.context);
                return;
            };
            let at = self.records.describe(self.context, position);
            let mut tracer = Tracer::new(program, TraceFormat::Human, "")
                .on_stdout()
                .coloured(self.colour);
            self.records.with(self.context, position, |ctx| {
                let mut report = |_| {};
                let run = Run::reporting(&mut report).observer(&mut tracer);
                let _ = run.record(program, ctx, &|| at.clone());
            });
        }
        self.undo.push(before);
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.log.push(Logged {
            context: self.context,
            source: text.to_owned(),
        });
    }
}

/// Renders diagnostics of `text` under it, on stderr, as `ottl check` does.
fn show_diagnostics(text: &str, diagnostics: &[Diagnostic]) {
    if diagnostics.is_empty() {
        return;
    }
    render::to_stderr(
        &Source {
            name: "<input>",
            text,
        },
        diagnostics,
    );
}

/// OTTL typed over several lines, on one line: each line break outside a string, with the
/// spaces around it, becomes one space (none next to a bracket).
fn one_line(text: &str) -> String {
    if !text.contains('\n') {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        i += 1;
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            out.push(c);
            continue;
        }
        if c != '\n' {
            in_string = c == '"';
            out.push(c);
            continue;
        }
        out.truncate(out.trim_end().len());
        while chars.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
        }
        let after_open = out.ends_with(['(', '[', '{']);
        let before_close = matches!(chars.get(i), Some(')' | ']' | '}') | None);
        if !after_open && !before_close {
            out.push(' ');
        }
    }
    out
}

/// What a statement did over all records.
#[derive(Default)]
struct Tally {
    records: usize,
    ran: usize,
    skipped: usize,
    failed: usize,
}

/// The tracer, counting outcomes as it goes.
struct Tallied<'t, 'p> {
    tracer: &'t mut Tracer<'p>,
    tally: &'t mut Tally,
}

impl Tallied<'_, '_> {
    /// Whether the record being run is among those traced.
    fn traced(&self) -> bool {
        self.tally.records <= SHOWN
    }
}

impl Observer for Tallied<'_, '_> {
    fn record(&mut self, at: &dyn Fn() -> String, selected: bool) {
        self.tally.records += 1;
        if self.traced() {
            self.tracer.record(at, selected);
        }
    }

    fn before(&mut self, index: usize, ctx: &TransformContext<'_>) {
        if self.traced() {
            self.tracer.before(index, ctx);
        }
    }

    fn after(&mut self, index: usize, outcome: Outcome<'_>, ctx: &TransformContext<'_>) {
        match outcome {
            Outcome::Skipped => self.tally.skipped += 1,
            Outcome::Ran => self.tally.ran += 1,
            Outcome::Failed(_) => self.tally.failed += 1,
        }
        if self.traced() {
            self.tracer.after(index, outcome, ctx);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_over_several_lines_are_saved_on_one() {
        assert_eq!(
            one_line("set(attributes[\"a\"],\n    Concat([\"x\", \"y\"], \"-\"))"),
            "set(attributes[\"a\"], Concat([\"x\", \"y\"], \"-\"))"
        );
        assert_eq!(one_line("set(x, 1)"), "set(x, 1)");
        assert_eq!(
            one_line("set(body, \"a  \\\"(\n b\"\n)\nwhere  x"),
            "set(body, \"a  \\\"(\n b\") where  x"
        );
    }
}
