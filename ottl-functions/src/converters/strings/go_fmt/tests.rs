//! The emulator against Go: `cases.jsonl` holds formats, values and what the reference engine
//! (Go's `fmt.Sprintf` inside OTTL v0.156) returned for them — 2,540 cases drawn from runs of
//! every verb and flag over strings, ints, floats (ties and extremes), bools, nil, bytes,
//! lists, ids, times and durations, of random formats (argument indexes, `*`, missing and
//! extra arguments) and of code points for `%c`, `%q`, `%U`.

use super::{Origin, Template};
use ottl_core::model::{AnyValue, Map, Str, TraceId};
use ottl_core::value::{Time, Value};
use serde_json::Value as Json;
use std::borrow::Cow;

fn sprintf(format: &str, args: &[Value<'_>]) -> String {
    Template::new(format.to_owned(), vec![Origin::Literal; args.len()]).render(args)
}

fn hex(text: &str) -> Vec<u8> {
    (0..text.len() / 2)
        .map(|i| u8::from_str_radix(&text[2 * i..2 * i + 2], 16).expect("hex in cases.jsonl"))
        .collect()
}

fn any_value(json: &Json) -> AnyValue {
    match value(json) {
        Value::Nil => AnyValue::Empty,
        Value::Str(text) => AnyValue::Str(text.into_owned()),
        Value::Int(number) => AnyValue::Int(number),
        Value::Double(number) => AnyValue::Double(number),
        Value::Bool(flag) => AnyValue::Bool(flag),
        Value::Bytes(bytes) => AnyValue::Bytes(bytes.into_owned()),
        Value::List(items) => AnyValue::Array(items.into_owned().into()),
        other => panic!("no list element of {other:?}"),
    }
}

/// A value written in `cases.jsonl`: strings, ints, bools and null as themselves, others as
/// `{"kind": …}` (floats as text, which reads back exactly).
fn value(json: &Json) -> Value<'static> {
    match json {
        Json::Null => Value::Nil,
        Json::Bool(flag) => Value::Bool(*flag),
        Json::String(text) => Value::string(text.as_str()),
        Json::Number(number) => Value::Int(number.as_i64().expect("an int")),
        Json::Object(object) => {
            let (kind, inner) = object.iter().next().expect("a kind");
            match (kind.as_str(), inner) {
                ("bytes", Json::String(text)) => Value::Bytes(Cow::Owned(hex(text))),
                ("float", Json::String(text)) => Value::Double(match text.as_str() {
                    "nan" => f64::NAN,
                    "-0" => -0.0,
                    // Rust's parser reads every float back exactly (`inf` included).
                    text => text.parse().expect("a float"),
                }),
                ("list", Json::Array(items)) => {
                    Value::List(Cow::Owned(items.iter().map(any_value).collect()))
                }
                ("trace_id", Json::String(text)) => {
                    Value::TraceId(TraceId(hex(text).try_into().expect("16 bytes")))
                }
                ("span_id", Json::String(text)) => Value::SpanId(ottl_core::model::SpanId(
                    hex(text).try_into().expect("8 bytes"),
                )),
                ("time", number) => Value::Time(Time::utc(number.as_i64().expect("nanoseconds"))),
                ("duration", number) => Value::Duration(number.as_i64().expect("nanoseconds")),
                other => panic!("unknown value {other:?}"),
            }
        }
        Json::Array(_) => panic!("lists are written {{\"list\": […]}}"),
    }
}

#[test]
fn matches_the_reference_on_every_recorded_case() {
    let mut failures = Vec::new();
    let mut count = 0;
    for line in include_str!("cases.jsonl").lines() {
        let case: Json = serde_json::from_str(line).expect("a JSON line");
        let format = case["format"].as_str().expect("a format");
        let args: Vec<Value<'static>> = case["args"]
            .as_array()
            .expect("args")
            .iter()
            .map(value)
            .collect();
        let want = case["want"].as_str().expect("want");
        let got = sprintf(format, &args);
        count += 1;
        if got != want {
            failures.push(format!(
                "{format:?} {args:?}\n  want {want:?}\n  got  {got:?}"
            ));
        }
    }
    assert!(count > 2500, "cases.jsonl read");
    assert!(
        failures.is_empty(),
        "{} of {count} differ:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
}

#[test]
fn test_cases_of_the_reference_hold() {
    // func_format_test.go Test_Format.
    assert_eq!(sprintf("test", &[]), "test");
    assert_eq!(sprintf("test-%04d", &[Value::Int(2)]), "test-0002");
    assert_eq!(
        sprintf("test-%04d-%4s", &[Value::Int(2), Value::string("te")]),
        "test-0002-  te"
    );
}

#[test]
fn maps_print_as_go_maps_with_sorted_keys() {
    // The reference prints pcommon.Map's pointers; a map[string]interface {} is what it holds.
    let mut nested = Map::new();
    nested.insert(Str::from("deep"), AnyValue::Bool(false));
    let mut map = Map::new();
    map.insert(Str::from("n"), AnyValue::Int(1));
    map.insert(Str::from("k"), AnyValue::Str(Str::from("v")));
    map.insert(Str::from("nested"), AnyValue::KvList(nested));
    let map = Value::Map(Cow::Owned(map));
    assert_eq!(
        sprintf("%v", std::slice::from_ref(&map)),
        "map[k:v n:1 nested:map[deep:false]]"
    );
    assert_eq!(
        sprintf("%#v", std::slice::from_ref(&map)),
        r#"map[string]interface {}{"k":"v", "n":1, "nested":map[string]interface {}{"deep":false}}"#
    );
    assert_eq!(
        sprintf("%d", std::slice::from_ref(&map)),
        "map[%!d(string=k):%!d(string=v) %!d(string=n):1 %!d(string=nested):map[%!d(string=deep):%!d(bool=false)]]"
    );
    assert_eq!(sprintf("%T", &[map]), "pcommon.Map");
}

#[test]
fn a_list_from_the_record_is_a_pcommon_slice_by_type() {
    let list = Value::List(Cow::Owned(vec![AnyValue::Str(Str::from("a"))]));
    let template = Template::new("%T %v %#v".to_owned(), vec![Origin::Path; 3]);
    assert_eq!(
        template.render(&[list.clone(), list.clone(), list]),
        r#"pcommon.Slice [a] pcommon.Slice{"a"}"#
    );
}

#[test]
fn times_print_as_go_times_in_utc() {
    let time = Value::Time(Time::utc(1_581_452_772_000_000_321));
    assert_eq!(
        sprintf("%v|%#v", &[time.clone(), time.clone()]),
        "2020-02-11 20:26:12.000000321 +0000 UTC|time.Date(2020, time.February, 11, 20, 26, 12, 321, time.UTC)"
    );
    assert_eq!(
        sprintf("%s", &[Value::Time(Time::utc(0))]),
        "1970-01-01 00:00:00 +0000 UTC"
    );
    assert_eq!(
        sprintf("%v", &[Value::Time(Time::utc(-1))]),
        "1969-12-31 23:59:59.999999999 +0000 UTC"
    );
    // Verbs a time's methods do not serve print its fields (a UTC time has no location).
    assert_eq!(
        sprintf("%+d", std::slice::from_ref(&time)),
        "{+321 +63717049572 +0}"
    );
    assert_eq!(
        sprintf("%t", &[time]),
        "{%!t(uint64=321) %!t(int64=63717049572) %!t(*time.Location=<nil>)}"
    );
}

#[test]
fn the_shortest_duration_prints_as_go_does() {
    assert_eq!(
        sprintf(
            "%v|%d",
            &[Value::Duration(i64::MIN), Value::Duration(i64::MIN)]
        ),
        "-2562047h47m16.854775808s|-9223372036854775808"
    );
}

#[test]
fn invalid_utf8_bytes_read_as_replacement_characters_and_quote_as_escapes() {
    let bytes = Value::Bytes(Cow::Owned(vec![b'a', 0xff, 0xe2, 0x82, b'b']));
    assert_eq!(
        sprintf(
            "%s|%q|%x|%.2s|%6s|",
            &[
                bytes.clone(),
                bytes.clone(),
                bytes.clone(),
                bytes.clone(),
                bytes
            ]
        ),
        "a\u{fffd}\u{fffd}\u{fffd}b|\"a\\xff\\xe2\\x82b\"|61ffe28262|a\u{fffd}| a\u{fffd}\u{fffd}\u{fffd}b|"
    );
}

#[test]
fn pointers_are_not_printed() {
    // Go prints a slice's address for `%p`; an address has no meaning here.
    let list = Value::List(Cow::Owned(vec![AnyValue::Int(1)]));
    assert_eq!(sprintf("%p", &[list]), "%!p([]interface {}=[1])");
    assert_eq!(sprintf("%p", &[Value::Int(1)]), "%!p(int64=1)");
}

#[test]
fn huge_widths_are_bounded_as_in_go() {
    // A number still growing past a million ends the format, for Go.
    assert_eq!(
        sprintf("%100000000d", &[Value::Int(1)]),
        "%!(NOVERB)%!(EXTRA int64=1)"
    );
    assert_eq!(
        sprintf("%*d", &[Value::Int(2_000_000), Value::Int(1)]),
        "%!(BADWIDTH)1"
    );
    assert_eq!(sprintf("%1000000d", &[Value::Int(1)]).len(), 1_000_000);
}
