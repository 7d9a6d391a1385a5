//! Strings: tests, searches, case, splitting and joining.

mod case;
mod go_fmt;

crate::family! {
    concat => Concat,
    convert_case => ConvertCase,
    has_prefix => HasPrefix,
    format => Format,
    has_suffix => HasSuffix,
    index => Index,
    is_match => IsMatch,
    len => Len,
    split => Split,
    substring => Substring,
    to_camel_case => ToCamelCase,
    to_lower_case => ToLowerCase,
    to_snake_case => ToSnakeCase,
    to_upper_case => ToUpperCase,
    trim => Trim,
    trim_prefix => TrimPrefix,
    trim_suffix => TrimSuffix,
}
