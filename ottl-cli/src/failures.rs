//! Runtime failures under `--error-mode ignore`, shown without flooding stderr: the first few
//! occurrences of each statement's failure, then one line per statement that says how many
//! records it failed on.

use ottl_core::run::{Observer, Program, StatementError};

/// How many failures of one statement are shown before the rest are only counted.
const SHOWN: usize = 3;

/// The failures of one run, by statement.
#[derive(Debug, Default)]
pub(crate) struct Failures {
    tallies: Vec<Tally>,
}

/// The failures of one statement (or of the group conditions, as `condition`).
#[derive(Debug)]
struct Tally {
    statement: String,
    count: usize,
    first: String,
}

impl Failures {
    /// Counts `failure`, and shows it on stderr after `prefix` while its statement has shown
    /// fewer than [`SHOWN`].
    pub(crate) fn report(&mut self, prefix: &str, failure: StatementError) {
        let count = match self
            .tallies
            .iter_mut()
            .find(|t| t.statement == failure.statement)
        {
            Some(tally) => {
                tally.count += 1;
                tally.count
            }
            None => {
                self.tallies.push(Tally {
                    statement: failure.statement.clone(),
                    count: 1,
                    first: failure.error.to_string(),
                });
                1
            }
        };
        if count <= SHOWN {
            eprintln!("warning: {prefix}{failure}");
        }
    }

    /// One line on stderr for each statement some of whose failures were not shown: on how
    /// many of the `records` it failed, and its first error.
    pub(crate) fn summarize(&self, prefix: &str, program: &Program, records: usize) {
        for tally in self.tallies.iter().filter(|t| t.count > SHOWN) {
            let which = program.statement_index(&tally.statement).map_or_else(
                || "the group conditions".to_owned(),
                |index| format!("statement {} (`{}`)", index + 1, tally.statement),
            );
            eprintln!(
                "warning: {prefix}{which} failed on {} of {} records ({SHOWN} shown above): {}",
                grouped(tally.count),
                grouped(records),
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
    use super::grouped;

    #[test]
    fn counts_read_in_groups_of_three() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1 000");
        assert_eq!(grouped(99_812), "99 812");
        assert_eq!(grouped(100_000), "100 000");
        assert_eq!(grouped(1_234_567), "1 234 567");
    }
}
