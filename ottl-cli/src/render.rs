//! Diagnostics on stderr: the library's renderer (`ottl_core::diag::render`), in colour when
//! stderr is a terminal.

pub use ottl_core::diag::render::{Source, to_string};
use ottl_core::diag::{Diagnostic, render};
use std::io::IsTerminal as _;

/// Writes `diagnostics` to stderr, in colour when stderr is a terminal and `NO_COLOR` is unset.
pub fn to_stderr(source: &Source<'_>, diagnostics: &[Diagnostic]) {
    let stderr = std::io::stderr();
    let colour = stderr.is_terminal() && std::env::var_os("NO_COLOR").is_none();
    // Nothing is left to report a failed write to stderr on.
    let _ = render::write(&mut stderr.lock(), source, diagnostics, colour);
}
