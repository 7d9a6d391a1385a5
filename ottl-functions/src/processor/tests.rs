use super::*;
use ottl_core::model::json;

fn transform(config: &str) -> Result<Processor, Vec<Finding>> {
    let config: TransformConfig = serde_json::from_str(config).map_err(|e| {
        vec![Finding::Error {
            at: Where::Processor,
            message: e.to_string(),
        }]
    })?;
    Processor::transform("transform", config, &Options::default())
}

fn run(processor: &Processor, input: &str) -> String {
    let mut document = json::decode(input.as_bytes()).expect("a valid document");
    processor
        .run(&mut document, &mut |_, _| {})
        .expect("the run succeeds");
    String::from_utf8(json::encode(document.as_ref()).expect("encodes")).expect("UTF-8")
}

const SPANS: &str = r#"{"resourceSpans":[{"scopeSpans":[{"spans":[
    {"name":"root","spanId":"0102030405060708"},
    {"name":"child","spanId":"0102030405060709","parentSpanId":"0102030405060708"}]}]}]}"#;

#[test]
fn mixed_styles_are_one_error_at_the_first_entry() {
    let findings = transform(r#"{"log_statements": ["set(log.body, 1)", {"statements": []}]}"#)
        .err()
        .unwrap_or_default();
    assert!(matches!(
        findings.as_slice(),
        [Finding::Error { at: Where::Entry { signal: Signal::Logs, index: 0 }, message }]
            if message.contains("multiple configuration styles")
    ));
}

#[test]
fn an_unknown_context_and_error_mode_are_found_at_their_keys() {
    let config = r#"{"trace_statements": [{"context": "log", "error_mode": "loud",
        "statements": ["set(attributes[\"a\"], 1)"]}]}"#;
    let findings = transform(config).err().unwrap_or_default();
    let places: Vec<Where> = findings
        .iter()
        .filter_map(|f| match f {
            Finding::Error { at, .. } => Some(*at),
            _ => None,
        })
        .collect();
    let (signal, index) = (Signal::Traces, 0);
    assert_eq!(
        places,
        [
            Where::Context { signal, index },
            Where::GroupErrorMode { signal, index }
        ]
    );
}

#[test]
fn group_conditions_get_the_filter_functions_and_the_context_is_inferred() {
    let config = r#"{"trace_statements": [{"statements": ["set(span.name, \"top\")"],
        "conditions": ["IsRootSpan()"]}]}"#;
    let processor = transform(config).unwrap_or_else(|f| panic!("{f:?}"));
    let output = run(&processor, SPANS);
    assert!(output.contains(r#""name":"top""#), "{output}");
    assert!(output.contains(r#""name":"child""#), "{output}");
}

#[test]
fn a_statement_that_does_not_compile_is_rejected_where_it_is() {
    let findings = transform(r#"{"log_statements": ["set(log.body, 1)", "nope(log.body)"]}"#)
        .err()
        .unwrap_or_default();
    assert!(matches!(
        findings.as_slice(),
        [Finding::Rejected {
            at: Where::Text { group: 0, index: 1 },
            ..
        }]
    ));
}

#[test]
fn a_filter_drops_what_its_conditions_match_and_pre_ottl_matchers_are_refused() {
    let config: FilterConfig =
        serde_json::from_str(r#"{"trace_conditions": ["span.name == \"child\""]}"#)
            .expect("a filter configuration");
    let processor = Processor::filter("filter", config, &Options::default())
        .unwrap_or_else(|f| panic!("{f:?}"));
    let output = run(&processor, SPANS);
    assert!(
        !output.contains("child") && output.contains("root"),
        "{output}"
    );

    let old: FilterConfig =
        serde_json::from_str(r#"{"spans": {"include": {}}}"#).expect("a filter configuration");
    let refused = Processor::filter("filter", old, &Options::default()).err();
    assert!(matches!(
        refused.as_deref(),
        Some([Finding::Error {
            at: Where::Processor,
            ..
        }])
    ));
}
