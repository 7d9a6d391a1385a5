//! The `ottl` command line: run and format OTTL statements, and list the functions they call.
//!
//! The binary is a thin shell over this library so that tests can reach the renderer and the
//! statement-file reader directly.

pub mod check;
pub mod config;
pub mod eval;
pub mod explain;
pub mod fmt;
pub mod functions;
pub mod gates;
pub mod io;
mod messages;
mod parallel;
pub mod registry;
pub mod render;
pub mod repl;
pub mod runner;
pub mod statements;
pub mod trace;

use std::path::Path;

/// How `ottl` exits; scripts depend on these numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    /// Everything worked.
    Ok = 0,
    /// Statements were rejected; the diagnostics are on stderr.
    Rejected = 1,
    /// The input could not be read, or the command line was wrong.
    BadInput = 2,
    /// A statement failed while running, under `--error-mode propagate`.
    RuntimeError = 3,
}

/// Reads `path` (`-` is standard input), returning its display name and text; on failure says
/// why on stderr.
pub fn read_input(path: &Path) -> Result<(String, String), ExitCode> {
    let result = if path.as_os_str() == "-" {
        std::io::read_to_string(std::io::stdin()).map(|text| ("<stdin>".to_owned(), text))
    } else {
        std::fs::read_to_string(path).map(|text| (path.display().to_string(), text))
    };
    result.map_err(|error| {
        eprintln!("error: cannot read {}: {error}", path.display());
        ExitCode::BadInput
    })
}
