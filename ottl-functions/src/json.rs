//! `ParseJSON`'s reader: text to OTLP values, keeping document order, numbers as doubles as
//! Go's `encoding/json` gives them. (Values to JSON text live in `ottl_core::text`.)

mod parse;

pub(crate) use parse::parse;

#[cfg(test)]
mod tests {
    use super::*;
    use ottl_core::model::{AnyValue, Array, Map};

    #[test]
    fn parse_keeps_order_and_makes_doubles() {
        let parsed = parse(r#"{"z":1,"a":[true,null],"z":2}"#).ok();
        let mut expected = Map::new();
        expected.insert("z", AnyValue::Double(2.0));
        expected.insert(
            "a",
            AnyValue::Array(Array::from(vec![AnyValue::Bool(true), AnyValue::Empty])),
        );
        assert_eq!(parsed, Some(AnyValue::KvList(expected)));
    }
}
