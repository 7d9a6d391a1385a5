//! Strings: tests, searches, case, splitting and joining.

mod case;

crate::family! {
    concat => Concat,
    has_prefix => HasPrefix,
    has_suffix => HasSuffix,
    is_match => IsMatch,
    len => Len,
    split => Split,
    substring => Substring,
    to_lower_case => ToLowerCase,
    to_upper_case => ToUpperCase,
}
