//! Converters: functions that compute values.

mod case;
mod concat;
mod contains_value;
mod double;
mod has_prefix;
mod has_suffix;
mod int;
mod is_map;
mod is_match;
mod is_string;
mod len;
mod parse_json;
mod sha256;
mod span_id;
mod split;
mod string;
mod substring;
mod to_lower_case;
mod to_upper_case;
mod trace_id;

pub use concat::Concat;
pub use contains_value::ContainsValue;
pub use double::Double;
pub use has_prefix::HasPrefix;
pub use has_suffix::HasSuffix;
pub use int::Int;
pub use is_map::IsMap;
pub use is_match::IsMatch;
pub use is_string::IsString;
pub use len::Len;
pub use parse_json::ParseJson;
pub use sha256::Sha256;
pub use span_id::SpanIdConverter;
pub use split::Split;
pub use string::String;
pub use substring::Substring;
pub use to_lower_case::ToLowerCase;
pub use to_upper_case::ToUpperCase;
pub use trace_id::TraceIdConverter;

use ottl_core::function::Registry;

pub(crate) fn register(registry: &mut Registry) {
    registry.insert(Len);
    registry.insert(Concat);
    registry.insert(IsMatch);
    registry.insert(ParseJson);
    registry.insert(Sha256);
    registry.insert(HasPrefix);
    registry.insert(HasSuffix);
    registry.insert(ToLowerCase);
    registry.insert(ToUpperCase);
    registry.insert(ContainsValue);
    registry.insert(Int);
    registry.insert(Double);
    registry.insert(String);
    registry.insert(Substring);
    registry.insert(Split);
    registry.insert(IsString);
    registry.insert(IsMap);
    registry.insert(TraceIdConverter);
    registry.insert(SpanIdConverter);
}
