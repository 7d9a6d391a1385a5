//! Bad OTLP/JSON gets an error naming the JSON path and the position, never a panic.

use ottl_core::model::json::{self, DecodeError, DecodeErrorKind, MAX_DEPTH};

fn error_of(input: &[u8]) -> DecodeError {
    match json::decode(input) {
        Ok(document) => panic!("accepted: {document:?}"),
        Err(error) => error,
    }
}

#[test]
fn a_short_trace_id_names_its_path_line_and_column() {
    let input = br#"{"resourceSpans": [{
  "scopeSpans": [{}, {
    "spans": [{}, {}, {},
      {"name": "x",
       "traceId": "5b8efff798038103d269b633813fc60"}]
  }]
}]}"#;
    let error = error_of(input);
    assert_eq!(
        error.to_string(),
        "resourceSpans[0].scopeSpans[1].spans[3].traceId: expected 32 hex digits, found 31 at line 5 column 19"
    );
    assert_eq!(
        error.kind,
        DecodeErrorKind::IdLength {
            expected: 32,
            found: 31
        }
    );
}

#[test]
fn bad_hex_names_the_digit() {
    let error = error_of(
        br#"{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"spanId":"eee19b7ec3c1b17g"}]}]}]}"#,
    );
    assert_eq!(error.kind, DecodeErrorKind::IdDigit('g'));
    assert_eq!(
        error.path.to_string(),
        "resourceLogs[0].scopeLogs[0].logRecords[0].spanId"
    );
}

#[test]
fn invalid_json_is_a_syntax_error_with_a_position() {
    for (input, line, column) in [
        (&br#"{"resourceLogs": [}"#[..], 1, 19),
        (b"{\"resourceLogs\": [\n  {\"resource\" {}}]}", 2, 15),
        (br#"{"resourceLogs": []"#, 1, 20),
        (br#"{"resourceLogs": [] } x"#, 1, 23),
        (br#"{"extra": tru}"#, 1, 11),
        (br#"{"resourceLogs": [{"schemaUrl": "a\qb"}]}"#, 1, 36),
    ] {
        let error = error_of(input);
        assert_eq!((error.line, error.column), (line, column), "{error:?}");
        assert!(
            matches!(
                error.kind,
                DecodeErrorKind::Syntax(_)
                    | DecodeErrorKind::UnexpectedEnd
                    | DecodeErrorKind::TrailingCharacters
            ),
            "{error}"
        );
    }
}

#[test]
fn wrong_types_say_what_was_expected_and_found() {
    let error =
        error_of(br#"{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"severityText":5}]}]}]}"#);
    assert_eq!(
        error.kind,
        DecodeErrorKind::WrongType {
            expected: "string",
            found: "number"
        }
    );
    assert_eq!(
        error.to_string(),
        "resourceLogs[0].scopeLogs[0].logRecords[0].severityText: expected string, found number at line 1 column 63"
    );
    let error = error_of(br#"{"resourceSpans":{"a":1}}"#);
    assert_eq!(
        error.kind,
        DecodeErrorKind::WrongType {
            expected: "array",
            found: "object"
        }
    );
    let error =
        error_of(br#"{"resourceSpans":[{"scopeSpans":[{"spans":[{"status":{"code":"2"}}]}]}]}"#);
    assert_eq!(
        error.kind,
        DecodeErrorKind::UnknownEnumName {
            enum_name: "StatusCode",
            name: "2".into()
        }
    );
}

#[test]
fn out_of_range_numbers_are_rejected() {
    for (field, value) in [
        ("timeUnixNano", "\"18446744073709551616\""),
        ("timeUnixNano", "-1"),
        ("droppedAttributesCount", "4294967296"),
        ("flags", "\"-1\""),
        ("severityNumber", "2147483648"),
    ] {
        let input = format!(
            r#"{{"resourceLogs":[{{"scopeLogs":[{{"logRecords":[{{"{field}":{value}}}]}}]}}]}}"#
        );
        let error = error_of(input.as_bytes());
        assert!(
            matches!(error.kind, DecodeErrorKind::OutOfRange { .. }),
            "{field}: {error}"
        );
        assert!(error.path.to_string().ends_with(field), "{error}");
    }
    let error = error_of(
        br#"{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"intValue":"12a"}}]}]}]}"#,
    );
    assert!(
        matches!(error.kind, DecodeErrorKind::InvalidNumber { .. }),
        "{error}"
    );
    let error = error_of(
        br#"{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"doubleValue":1e400}}]}]}]}"#,
    );
    assert!(
        matches!(error.kind, DecodeErrorKind::OutOfRange { .. }),
        "{error}"
    );
}

#[test]
fn bad_base64_is_rejected() {
    let error = error_of(
        br#"{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"bytesValue":"AQI"}}]}]}]}"#,
    );
    assert!(matches!(error.kind, DecodeErrorKind::Base64(_)), "{error}");
    assert_eq!(
        error.path.to_string(),
        "resourceLogs[0].scopeLogs[0].logRecords[0].body.bytesValue"
    );
}

#[test]
fn documents_that_are_not_otlp_envelopes_are_rejected() {
    assert_eq!(error_of(b"{}").kind, DecodeErrorKind::NotAnEnvelope);
    assert_eq!(
        error_of(br#"{"data":[1,2]}"#).kind,
        DecodeErrorKind::NotAnEnvelope
    );
    assert_eq!(
        error_of(b"[1]").kind,
        DecodeErrorKind::WrongType {
            expected: "object",
            found: "array"
        }
    );
    assert_eq!(error_of(b"").kind, DecodeErrorKind::UnexpectedEnd);
    let mixed = error_of(br#"{"resourceLogs":[],"resourceSpans":[]}"#);
    assert_eq!(
        mixed.kind,
        DecodeErrorKind::MixedSignals {
            first: "resourceLogs",
            second: "resourceSpans"
        }
    );
}

#[test]
fn invalid_utf8_in_a_string_is_rejected_at_its_byte() {
    let mut input = br#"{"resourceLogs":[{"schemaUrl":"ab"#.to_vec();
    input.extend_from_slice(&[0xff, 0xfe]);
    input.extend_from_slice(br#""}]}"#);
    let error = error_of(&input);
    assert_eq!(error.kind, DecodeErrorKind::InvalidUtf8);
    assert_eq!(error.offset, 33);
    assert_eq!(error.path.to_string(), "resourceLogs[0].schemaUrl");
}

fn nested_body(levels: usize) -> Vec<u8> {
    let mut input =
        br#"{"resourceLogs":[{"resource":{},"scopeLogs":[{"scope":{},"logRecords":[{"body":"#
            .to_vec();
    input.extend(std::iter::repeat_n(&br#"{"arrayValue":{"values":["#[..], levels).flatten());
    input.extend_from_slice(b"{}");
    input.extend(std::iter::repeat_n(&b"]}}"[..], levels).flatten());
    input.extend_from_slice(b"}]}]}]}");
    input
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let arrays = [vec![b'['; 100_000], vec![b']'; 100_000]].concat();
    assert_eq!(
        error_of(&arrays).kind,
        DecodeErrorKind::WrongType {
            expected: "object",
            found: "array"
        }
    );
    let mut unknown = br#"{"resourceLogs":[],"extra":"#.to_vec();
    unknown.extend_from_slice(&arrays);
    unknown.push(b'}');
    assert_eq!(error_of(&unknown).kind, DecodeErrorKind::TooDeep(MAX_DEPTH));
    let error = error_of(&nested_body(100_000));
    assert_eq!(error.kind, DecodeErrorKind::TooDeep(MAX_DEPTH));
    assert!(
        error
            .to_string()
            .starts_with("resourceLogs[0].scopeLogs[0].logRecords[0].body.arrayValue.values[0]")
    );
}

#[test]
fn the_deepest_readable_value_is_written_back_and_one_deeper_is_refused() {
    let deepest = (1..200)
        .rev()
        .find(|&levels| json::decode(&nested_body(levels)).is_ok());
    let levels = deepest.expect("some nesting is readable");
    let document = json::decode(&nested_body(levels)).expect("readable");
    assert_eq!(
        json::encode(&document).expect("writable"),
        nested_body(levels)
    );

    let json::Document::Logs(mut logs) = document else {
        panic!("logs expected")
    };
    let body = &mut logs.resource_logs[0].scope_logs[0].log_records[0].body;
    let inner = std::mem::take(body);
    *body = ottl_core::model::AnyValue::Array(vec![inner].into());
    assert!(matches!(
        json::encode_logs(&logs),
        Err(json::EncodeError::TooDeep(MAX_DEPTH))
    ));
}
