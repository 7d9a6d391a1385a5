//! Fuzzes the OTTL parser: for any UTF-8 input, `parse_statement` and `parse_condition` return
//! without panicking; an accepted input prints as text that parses back to the same tree; a
//! rejected input's diagnostics point inside it, on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ottl_core::diag::Diagnostics;
use ottl_core::syntax::{ClearSpans, parse_condition, parse_statement};
use std::fmt::{Debug, Display};

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    check(source, parse_statement);
    check(source, parse_condition);
});

fn check<T: ClearSpans + PartialEq + Debug + Display>(
    source: &str,
    parse: fn(&str) -> Result<T, Diagnostics>,
) {
    match parse(source) {
        Ok(mut tree) => {
            let printed = tree.to_string();
            let mut reparsed = parse(&printed).unwrap_or_else(|errors| {
                panic!("{source:?} printed as {printed:?}, which is rejected: {errors}")
            });
            tree.clear_spans();
            reparsed.clear_spans();
            assert_eq!(tree, reparsed, "{source:?} printed as {printed:?}");
        }
        Err(errors) => {
            for diagnostic in errors.iter() {
                let labels = std::iter::once(&diagnostic.primary).chain(&diagnostic.secondary);
                for label in labels {
                    let span = label.span;
                    assert!(
                        span.start <= span.end
                            && source.is_char_boundary(span.start)
                            && source.is_char_boundary(span.end),
                        "{source:?}: span {span:?} of `{}` is not a range of the input",
                        diagnostic.message
                    );
                }
            }
        }
    }
}
