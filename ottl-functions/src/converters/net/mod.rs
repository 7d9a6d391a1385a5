//! Network: IP addresses, flows, check digits.

crate::family! {}
