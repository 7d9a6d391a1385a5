//! Types: conversions between kinds, and tests of a value's kind.

crate::family! {
    double => Double,
    int => Int,
    string => String,
    is_map => IsMap,
    is_string => IsString,
}
