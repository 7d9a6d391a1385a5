//! What running a document has to say on stderr, held until the document is written: stderr
//! then follows the input's order whatever thread ran the document, and the parts of a cut
//! document say it once, as the whole document would.
//!
//! Runtime failures under `--error-mode ignore` are shown without flooding stderr: the first
//! few occurrences of each statement's failure, then one line per statement that says how many
//! records it failed on.

use ottl_core::run::{Observer, Program, StatementError};

/// How many failures of one statement are shown before the rest are only counted.
const SHOWN: usize = 3;

/// The stderr lines of one document (or part), in the order they are shown.
#[derive(Debug, Default)]
pub(crate) struct Messages {
    /// Lines shown once per command however many documents say them.
    notes: Vec<String>,
    /// What each run of a program (or filter group) over the document said, in run order.
    runs: Vec<RunMessages>,
    /// The lines saying why the document failed, last.
    errors: Vec<String>,
}

impl Messages {
    /// A line to show once, before the document's others, however many documents say it.
    pub(crate) fn note(&mut self, line: String) {
        self.notes.push(line);
    }

    /// A line saying why the document failed.
    pub(crate) fn error(&mut self, line: String) {
        self.errors.push(line);
    }

    /// Adds what a run of a program (or filter group) over the document said.
    pub(crate) fn push_run(&mut self, run: RunMessages) {
        self.runs.push(run);
    }

    /// Adds what the next part of the same document said: its runs are the same runs, over
    /// later records.
    pub(crate) fn absorb(&mut self, later: Messages) {
        for note in later.notes {
            if !self.notes.contains(&note) {
                self.notes.push(note);
            }
        }
        let mut later_runs = later.runs.into_iter();
        for (run, later) in self.runs.iter_mut().zip(later_runs.by_ref()) {
            run.absorb(later);
        }
        self.runs.extend(later_runs);
        self.errors.extend(later.errors);
    }

    /// Writes the lines to stderr; notes in `shown` already are skipped, and the others added.
    pub(crate) fn print(&self, shown: &mut Vec<String>) {
        for note in &self.notes {
            if !shown.contains(note) {
                eprintln!("{note}");
                shown.push(note.clone());
            }
        }
        for run in &self.runs {
            run.print();
        }
        for line in &self.errors {
            eprintln!("{line}");
        }
    }
}

/// What one run said: lines (the first [`SHOWN`] failures of each statement) and, per
/// statement, how many records it failed on.
#[derive(Debug, Default)]
pub(crate) struct RunMessages {
    prefix: String,
    /// Lines shown, with the statement whose failure each is (`None`: always shown).
    lines: Vec<(Option<String>, String)>,
    tallies: Vec<Tally>,
    /// The records the program ran on.
    records: usize,
}

/// The failures of one statement (or of the group conditions).
#[derive(Debug)]
struct Tally {
    statement: String,
    /// How the summary names the statement.
    which: String,
    count: usize,
    first: String,
}

impl RunMessages {
    /// What a run says, each line after `prefix`.
    pub(crate) fn new(prefix: &str) -> Self {
        Self {
            prefix: prefix.to_owned(),
            ..Self::default()
        }
    }

    /// Counts `failure` of a statement of `program`, and keeps it to show while its statement
    /// has shown fewer than [`SHOWN`].
    pub(crate) fn failure(&mut self, program: &Program, failure: StatementError) {
        if !self
            .tallies
            .iter()
            .any(|t| t.statement == failure.statement)
        {
            let which = match program.statement_index(&failure.statement) {
                Some(index) => format!("statement {} (`{}`)", index + 1, failure.statement),
                None => "the group conditions".to_owned(),
            };
            self.tallies.push(Tally {
                statement: failure.statement.clone(),
                which,
                count: 0,
                first: failure.error.to_string(),
            });
        }
        if self.count(&failure.statement) <= SHOWN {
            let line = format!("warning: {}{failure}", self.prefix);
            self.lines.push((Some(failure.statement), line));
        }
    }

    /// The run went over `records` records.
    pub(crate) fn records(&mut self, records: usize) {
        self.records = records;
    }

    /// A line always shown (a filter group's failure).
    pub(crate) fn line(&mut self, line: String) {
        self.lines.push((None, line));
    }

    /// Counts one more failure of `statement`, whose tally exists: its count so far.
    fn count(&mut self, statement: &str) -> usize {
        match self.tallies.iter_mut().find(|t| t.statement == statement) {
            Some(tally) => {
                tally.count += 1;
                tally.count
            }
            None => 0,
        }
    }

    /// Adds the same run over later records: its lines while their statements have shown
    /// fewer than [`SHOWN`], its counts.
    fn absorb(&mut self, later: RunMessages) {
        // Counts first: a later failure is shown if fewer than SHOWN came before it, and the
        // later run kept the first SHOWN of each statement's failures.
        let mut before = Vec::with_capacity(later.tallies.len());
        for tally in later.tallies {
            match self
                .tallies
                .iter_mut()
                .find(|t| t.statement == tally.statement)
            {
                Some(seen) => {
                    before.push((tally.statement, seen.count));
                    seen.count += tally.count;
                }
                None => {
                    before.push((tally.statement.clone(), 0));
                    self.tallies.push(tally);
                }
            }
        }
        for (statement, line) in later.lines {
            let shown = match &statement {
                None => true,
                Some(statement) => {
                    before
                        .iter_mut()
                        .find(|(s, _)| s == statement)
                        .is_some_and(|(_, count)| {
                            *count += 1;
                            *count <= SHOWN
                        })
                }
            };
            if shown {
                self.lines.push((statement, line));
            }
        }
        self.records += later.records;
    }

    fn print(&self) {
        for (_, line) in &self.lines {
            eprintln!("{line}");
        }
        for tally in self.tallies.iter().filter(|t| t.count > SHOWN) {
            eprintln!(
                "warning: {}{} failed on {} of {} records ({SHOWN} shown above): {}",
                self.prefix,
                tally.which,
                grouped(tally.count),
                grouped(self.records),
                tally.first,
            );
        }
    }
}

/// Counts the records a program runs on.
#[derive(Debug, Default)]
pub(crate) struct RecordCount(pub(crate) usize);

impl Observer for RecordCount {
    fn record(&mut self, _at: &dyn Fn() -> String, _selected: bool) {
        self.0 += 1;
    }
}

/// `number` with its digits in groups of three (`99 812`), as the summary prints counts.
fn grouped(number: usize) -> String {
    let digits = number.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_in_groups_of_three() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1 000");
        assert_eq!(grouped(99_812), "99 812");
        assert_eq!(grouped(100_000), "100 000");
        assert_eq!(grouped(1_234_567), "1 234 567");
    }

    /// Parts say, together, what the whole run says.
    #[test]
    fn parts_absorb_into_the_whole_runs_messages() {
        let run = |failures: &[&str], records| {
            let mut messages = RunMessages::new("x: ");
            for (i, statement) in failures.iter().enumerate() {
                if !messages.tallies.iter().any(|t| t.statement == *statement) {
                    messages.tallies.push(Tally {
                        statement: (*statement).to_owned(),
                        which: String::new(),
                        count: 0,
                        first: format!("{statement} first"),
                    });
                }
                if messages.count(statement) <= SHOWN {
                    messages
                        .lines
                        .push((Some((*statement).to_owned()), format!("{i}")));
                }
            }
            messages.records(records);
            messages
        };
        let summary = |m: &RunMessages| {
            let lines: Vec<_> = m.lines.iter().map(|(s, _)| s.clone()).collect();
            let tallies: Vec<_> = m
                .tallies
                .iter()
                .map(|t| (t.statement.clone(), t.count, t.first.clone()))
                .collect();
            (lines, tallies, m.records)
        };
        let whole = run(&["a", "b", "a", "a", "b", "a", "c", "a"], 10);
        let mut parts = run(&["a", "b", "a"], 4);
        parts.absorb(run(&["a", "b", "a", "c"], 5));
        parts.absorb(run(&["a"], 1));
        assert_eq!(summary(&parts), summary(&whole));
        assert_eq!(summary(&whole).0.len(), 6);
    }
}
