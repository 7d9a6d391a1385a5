//! Check, compile and run arbitrary text as a statement over sample records of every signal,
//! under every error mode, with the functions the transform processor gives the context:
//! rejected or run, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ottl_core::context::ContextKind;
use ottl_core::model::json::{self, Document};
use ottl_core::run::{ErrorMode, Program};
use std::sync::OnceLock;

const SAMPLES: [&str; 3] = [
    include_str!("../../testdata/otlp/logs-every-field.json"),
    include_str!("../../testdata/otlp/traces-every-field.json"),
    include_str!("../../testdata/otlp/metrics-gauge-and-sum.json"),
];

const CONTEXTS: [ContextKind; 7] = [
    ContextKind::Resource,
    ContextKind::Scope,
    ContextKind::Log,
    ContextKind::Span,
    ContextKind::SpanEvent,
    ContextKind::Metric,
    ContextKind::DataPoint,
];

fn samples() -> &'static [Document] {
    static DOCUMENTS: OnceLock<Vec<Document>> = OnceLock::new();
    DOCUMENTS.get_or_init(|| SAMPLES.iter().filter_map(|text| json::decode(text.as_bytes()).ok()).collect())
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (selector, statement) = text.split_at(text.char_indices().nth(1).map_or(text.len(), |(i, _)| i));
    let choice = selector.bytes().next().unwrap_or(0);
    let context = CONTEXTS[usize::from(choice) % CONTEXTS.len()];
    let mode = [ErrorMode::Ignore, ErrorMode::Silent, ErrorMode::Propagate][usize::from(choice / 7) % 3];
    let registry = ottl_functions::transform::registry(context);
    let Ok(program) = Program::compile(&[statement], &[], context, mode, &registry) else { return };
    for sample in samples() {
        let mut document = sample.clone();
        let result = program.run(&mut document);
        assert!(result.is_ok() || mode == ErrorMode::Propagate, "only propagate returns errors");
        assert!(json::encode(&document).is_ok(), "a transformed document encodes");
    }
});
