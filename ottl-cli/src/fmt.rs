//! `ottl fmt`: print statements and conditions in canonical form.

use crate::render::{self, Source};
use crate::statements::{self, Line};
use crate::{ExitCode, read_input};
use std::io::Write as _;
use std::path::PathBuf;

/// Arguments of `ottl fmt`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  ottl fmt -e 'set(attributes[\"a\"],\"b\")where name==\"x\"'
  ottl fmt statements.ottl
  echo 'delete_key(attributes,\"secret\")' | ottl fmt -

Statement files hold one statement or condition per line; blank lines and lines starting with `#`
are kept as they are. Nothing is printed unless every line parses.")]
pub struct Args {
    /// A statement or condition to format (repeatable); files are ignored when given.
    #[arg(short = 'e', long = "statement", value_name = "STMT")]
    statements: Vec<String>,
    /// Files of statements, one per line; `-` or nothing reads standard input.
    #[arg(value_name = "FILES")]
    files: Vec<PathBuf>,
}

/// Runs `ottl fmt`.
pub fn run(args: Args) -> ExitCode {
    let mut output = String::new();
    let mut rejected = false;
    if args.statements.is_empty() {
        let paths = if args.files.is_empty() {
            vec![PathBuf::from("-")]
        } else {
            args.files
        };
        for path in paths {
            let (name, text) = match read_input(&path) {
                Ok(input) => input,
                Err(code) => return code,
            };
            rejected |= !format_file(
                &Source {
                    name: &name,
                    text: &text,
                },
                &mut output,
            );
        }
    } else {
        for (i, statement) in args.statements.iter().enumerate() {
            let name = format!("<statement {}>", i + 1);
            rejected |= !format_one(
                &Source {
                    name: &name,
                    text: statement,
                },
                statement,
                0,
                &mut output,
            );
            output.push('\n');
        }
    }
    if rejected {
        return ExitCode::Rejected;
    }
    match std::io::stdout().lock().write_all(output.as_bytes()) {
        Ok(()) => ExitCode::Ok,
        Err(_) => ExitCode::BadInput,
    }
}

/// Formats every line of a file into `output`; false if any line was rejected.
fn format_file(source: &Source<'_>, output: &mut String) -> bool {
    let mut ok = true;
    for line in statements::lines(source.text) {
        match line {
            Line::Verbatim(text) => output.push_str(text),
            Line::Source { text, offset } => ok &= format_one(source, text, offset, output),
        }
        output.push('\n');
    }
    ok
}

fn format_one(source: &Source<'_>, text: &str, offset: usize, output: &mut String) -> bool {
    match statements::parse(text) {
        Ok(parsed) => {
            output.push_str(&parsed.to_string());
            true
        }
        Err(diagnostics) => {
            let shifted: Vec<_> = diagnostics.into_iter().map(|d| d.shifted(offset)).collect();
            render::to_stderr(source, &shifted);
            false
        }
    }
}
