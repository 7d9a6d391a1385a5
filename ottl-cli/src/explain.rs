//! `ottl explain`: the long explanation of a diagnostic code, with an example of the mistake
//! and of the fix.

use crate::ExitCode;
use ottl_core::diag::{Code, suggest};

/// Arguments of `ottl explain`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  ottl explain E0101        # the code a diagnostic shows, as in error[E0101]
  ottl explain w0001        # case does not matter
  ottl explain --list       # every code with its one-line summary")]
pub struct Args {
    /// The code to explain, such as E0101.
    #[arg(value_name = "CODE", required_unless_present = "list")]
    code: Option<String>,
    /// List every code with its summary.
    #[arg(long)]
    list: bool,
}

/// Runs `ottl explain`.
pub fn run(args: Args) -> ExitCode {
    if args.list {
        for code in Code::ALL {
            println!("{}  {}", code.id(), code.summary());
        }
        return ExitCode::Ok;
    }
    explain(&args.code.unwrap_or_default())
}

/// Prints the explanation of `wanted` (`ottl explain CODE`, `:explain` of `ottl repl`).
pub(crate) fn explain(wanted: &str) -> ExitCode {
    match Code::from_id(wanted) {
        Some(code) => {
            println!(
                "{}: {}\n\n{}",
                code.id(),
                code.summary(),
                code.explanation()
            );
            ExitCode::Ok
        }
        None => {
            eprintln!("error: there is no diagnostic code `{wanted}`");
            match suggest(wanted, Code::ALL.iter().map(|code| code.id())) {
                Some(best) => eprintln!("  = help: did you mean `{best}`?"),
                None => eprintln!("  = help: `ottl explain --list` lists them all"),
            }
            ExitCode::Rejected
        }
    }
}
