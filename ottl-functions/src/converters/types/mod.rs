//! Types: conversions between kinds, and tests of a value's kind.

mod go_int;
mod like;

crate::family! {
    bool => Bool,
    double => Double,
    hex => Hex,
    int => Int,
    is_bool => IsBool,
    is_double => IsDouble,
    is_empty => IsEmpty,
    is_int => IsInt,
    is_list => IsList,
    is_map => IsMap,
    is_string => IsString,
    log => Log,
    parse_int => ParseInt,
    string => String,
}
