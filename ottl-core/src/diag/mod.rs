//! Diagnostics: the one error value every phase reports.
