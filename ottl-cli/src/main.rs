//! `ottl`: run, check and format OpenTelemetry Transformation Language statements.

use clap::{Parser, Subcommand};
use ottl_cli::{check, eval, explain, fmt, functions, repl};

/// mimalloc: `ottl eval` allocates and frees every record's strings and maps, and spends 4–9 %
/// fewer instructions and 5–14 % less time with it than with the system allocator, more with
/// two threads (per-thread heaps); docs/PERFORMANCE.md has the figures.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Work with OpenTelemetry Transformation Language (OTTL) statements from the shell.
#[derive(Parser)]
#[command(name = "ottl", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check the OTTL of collector configurations, `.ottl` files or `-e` before deploying.
    Check(check::Args),
    /// Run statements over OTLP records (JSON, JSON Lines, protobuf) and print the result.
    Eval(eval::Args),
    /// Print statements and conditions in canonical form.
    Fmt(fmt::Args),
    /// List the functions statements can call, or show one with its examples.
    Functions(functions::Args),
    /// Explain a diagnostic code (`error[E0101]`) with an example of the mistake and the fix.
    Explain(explain::Args),
    /// Try statements, conditions and expressions on records, line by line.
    Repl(repl::Args),
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Fmt(args) => fmt::run(args),
        Command::Functions(args) => functions::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Repl(args) => repl::run(args),
    };
    std::process::ExitCode::from(code as u8)
}
