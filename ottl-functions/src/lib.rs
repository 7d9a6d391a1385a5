//! The OTTL standard library: every editor and converter of the reference, one file each.
//!
//! The function contract lives in `ottl-core`; this crate only implements it.
#![forbid(unsafe_code)]
