//! The OTTL playground's engine: the library and the CLI's configuration handling, compiled to
//! WebAssembly for one static page. Every export takes text and returns a JSON string, so the
//! page and tests read results the same way:
//!
//! - `evalConfig(configYaml, payloadJson)` runs a collector configuration's transform and
//!   filter processors as `ottl eval --config` does;
//! - `evalStatements(context, statements, payloadJson, errorMode)` runs statements as
//!   `ottl eval -c <context> -e … --error-mode <mode>` does;
//! - `check(configYaml)` returns what `ottl check --format json` finds;
//! - `functions()` returns `ottl functions --format json`.
//!
//! The run results are `{"output": <OTLP/JSON or null>, "diagnostics": [...], "trace": [...],
//! "notes": [...]}`; a diagnostic is `{"line", "column", "end_line", "end_column",
//! "severity", "code", "message", "help"}` (1-based); the trace is `ottl eval --trace=json`'s
//! events, each with the `group` it ran in.

mod engine;

use wasm_bindgen::prelude::wasm_bindgen;

/// Runs the transform and filter processors of the collector configuration `config_yaml` over
/// the OTLP/JSON `payload_json`, as `ottl eval --config` does.
#[wasm_bindgen(js_name = evalConfig)]
pub fn eval_config(config_yaml: &str, payload_json: &str) -> String {
    engine::eval_config(config_yaml, payload_json)
}

/// Runs `statements` in `context` (empty: inferred, as `ottl eval` infers it) over the
/// OTLP/JSON `payload_json` under `error_mode` (`ignore`, `silent` or `propagate`).
#[wasm_bindgen(js_name = evalStatements)]
pub fn eval_statements(
    context: &str,
    statements: Vec<String>,
    payload_json: &str,
    error_mode: &str,
) -> String {
    engine::eval_statements(context, &statements, payload_json, error_mode)
}

/// What `ottl check --format json` finds in the configuration `config_yaml`:
/// `{"diagnostics": [...]}`.
#[wasm_bindgen]
pub fn check(config_yaml: &str) -> String {
    engine::check(config_yaml)
}

/// Every function, as `ottl functions --format json` lists them.
#[wasm_bindgen]
pub fn functions() -> String {
    ottl_cli::functions::catalog_json()
}
