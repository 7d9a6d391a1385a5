//! No input makes the engine panic.
//!
//! Statements are generated from a tape of random choices (Hypothesis-style: proptest shrinks
//! the tape, and a choice of 0 is always the simplest option, so a failure shrinks to a short
//! statement). Most are *meaningful*: an editor of the standard registry, picked by its
//! [`Signature`], with arguments of its parameters' kinds drawn from pools — paths that exist
//! in the chosen context (keyed, nested, of higher contexts, the cache), literals of every kind
//! (huge and negative ints, floats, empty and unicode strings, bytes, lists, maps, nil), enums,
//! nested converter calls, math (`1 / 0`, overflow), and `where` conditions. Some are
//! syntactically valid but semantically random (any function name, any path, any argument),
//! for good measure.
//!
//! Each case compiles its statements (failures are fine and counted), then runs those that
//! compile over every sample document of `testdata/otlp/` the context runs on, under every
//! error mode. The properties: nothing panics, every failure is a [`StatementError`] value
//! that renders, and under `ignore` and `silent` every run returns `Ok`.
//!
//! To hunt longer: `PROPTEST_CASES=20000`. A crash that is not a panic (an abort when an
//! allocation fails, under `ulimit -v`) loses proptest's report: `NO_PANIC_TRACE=1` with
//! `--nocapture` prints each case before it runs.

use ottl_core::context::{ContextKind, Signal};
use ottl_core::function::{FunctionKind, ParamKind, Registry, Signature};
use ottl_core::model::json::{Document, decode};
use ottl_core::run::{ErrorMode, Program, Run, StatementError};
use proptest::collection::vec;
use proptest::prelude::*;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::LazyLock;

/// Cases per property (at least; `PROPTEST_CASES` raises it): each runs up to four statements over every matching sample under three
/// error modes, which keeps the test around ten seconds in debug.
const CASES: u32 = 256;

/// How deep values nest in values (converter calls, math, lists, maps).
const DEPTH: u32 = 3;

/// The standard registry with the experimental functions (lambdas included).
static REGISTRY: LazyLock<Registry> = LazyLock::new(|| {
    let mut registry = ottl_functions::standard();
    ottl_functions::experimental(&mut registry);
    registry
});

static EDITORS: LazyLock<Vec<&'static Signature>> =
    LazyLock::new(|| signatures(FunctionKind::Editor));

static CONVERTERS: LazyLock<Vec<&'static Signature>> =
    LazyLock::new(|| signatures(FunctionKind::Converter));

fn signatures(kind: FunctionKind) -> Vec<&'static Signature> {
    let registry: &'static Registry = &REGISTRY;
    let mut found: Vec<_> = registry.signatures().filter(|s| s.kind == kind).collect();
    found.sort_by_key(|s| s.name);
    found
}

/// Every sample document, decoded once (a sample that does not decode is skipped).
static SAMPLES: LazyLock<Vec<(String, Document)>> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/otlp");
    let mut files = Vec::new();
    for dir in [root.clone(), root.join("input")] {
        for entry in std::fs::read_dir(&dir).expect("testdata/otlp is part of the repository") {
            let path = entry.expect("a readable directory entry").path();
            if path.extension().is_some_and(|e| e == "json") {
                files.push(path);
            }
        }
    }
    files.sort();
    let samples: Vec<_> = files
        .into_iter()
        .filter_map(|path| {
            let bytes = std::fs::read(&path).ok()?;
            Some((path.display().to_string(), decode(&bytes).ok()?))
        })
        .collect();
    assert!(samples.len() >= 10, "the samples of testdata/otlp decode");
    samples
});

// ---- the tape --------------------------------------------------------------------------------

/// Random choices; reading past the end gives 0, the simplest choice.
struct Tape<'a> {
    choices: &'a [u32],
    at: usize,
}

impl Tape<'_> {
    fn next(&mut self) -> u32 {
        let choice = self.choices.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        choice
    }

    /// A number below `n`.
    fn below(&mut self, n: usize) -> usize {
        self.next() as usize % n.max(1)
    }

    /// True about one time in `n` (never when the tape is spent).
    fn one_in(&mut self, n: u32) -> bool {
        self.next() % n == n - 1
    }

    fn pick<'p, T>(&mut self, pool: &'p [T]) -> &'p T {
        &pool[self.below(pool.len())]
    }
}

// ---- pools -----------------------------------------------------------------------------------

const CONTEXTS: &[ContextKind] = &[
    ContextKind::Log,
    ContextKind::Span,
    ContextKind::SpanEvent,
    ContextKind::Metric,
    ContextKind::DataPoint,
    ContextKind::Resource,
    ContextKind::Scope,
];

/// Paths every context has.
const COMMON_PATHS: &[&str] = &[
    r#"cache["c"]"#,
    r#"cache["c"][1]"#,
    "cache",
    r#"resource.attributes["x"]"#,
    r#"resource.attributes["x"]["y"][0]"#,
    "resource.attributes",
    "resource.dropped_attributes_count",
];

/// Paths of each context, written without their context prefix (which is added at random).
fn own_paths(context: ContextKind) -> &'static [&'static str] {
    match context {
        ContextKind::Log => &[
            r#"attributes["k"]"#,
            r#"attributes["a"]["b"][0]"#,
            r#"attributes["a"]"#,
            "attributes",
            r#"attributes[attributes["k"]]"#,
            "body",
            r#"body["x"]"#,
            "body[0]",
            "body.string",
            "severity_number",
            "severity_text",
            "time",
            "time_unix_nano",
            "observed_time",
            "trace_id",
            "trace_id.string",
            "span_id.string",
            "flags",
            "dropped_attributes_count",
            "event_name",
            "scope.name",
            r#"scope.attributes["s"]"#,
        ],
        ContextKind::Span => &[
            r#"attributes["k"]"#,
            r#"attributes["a"]["b"][0]"#,
            "attributes",
            "name",
            "kind",
            "kind.string",
            "status",
            "status.code",
            "status.message",
            "trace_id",
            "trace_id.string",
            "span_id",
            "parent_span_id",
            "trace_state",
            r#"trace_state["k"]"#,
            "start_time",
            "end_time",
            "end_time_unix_nano",
            "events",
            "links",
            "flags",
            "scope.version",
        ],
        ContextKind::SpanEvent => &[
            r#"attributes["k"]"#,
            r#"attributes["a"][0]"#,
            "attributes",
            "name",
            "time",
            "time_unix_nano",
            "event_index",
            "span.name",
            r#"span.attributes["k"]"#,
            "span.events",
            "span.status.code",
        ],
        ContextKind::Metric => &[
            "name",
            "description",
            "unit",
            "type",
            "is_monotonic",
            "data_points",
            r#"metadata["m"]"#,
            "metadata",
            r#"scope.attributes["s"]"#,
        ],
        ContextKind::DataPoint => &[
            r#"attributes["k"]"#,
            r#"attributes["a"]["b"]"#,
            "attributes",
            "time",
            "start_time",
            "time_unix_nano",
            "value_double",
            "value_int",
            "exemplars",
            "flags",
            "count",
            "sum",
            "bucket_counts",
            "explicit_bounds",
            "scale",
            "zero_count",
            "positive",
            "negative",
            "quantile_values",
            "metric.name",
            "metric.type",
            r#"metric.metadata["m"]"#,
        ],
        ContextKind::Resource => &[r#"attributes["k"]"#, "attributes", "schema_url"],
        ContextKind::Scope => &[
            "name",
            "version",
            r#"attributes["k"]"#,
            "attributes",
            "schema_url",
        ],
    }
}

const INTS: &[&str] = &[
    "0",
    "1",
    "-1",
    "3",
    "255",
    "9223372036854775807",
    "-9223372036854775807",
    "-9223372036854775808",
    "10000",
    "1000000000000",
];

const FLOATS: &[&str] = &[
    "0.0", "1.5", "-2.25", "1.0e308", "-1.7e308", "5.0e-324", "3.0",
];

const STRINGS: &[&str] = &[
    r#""""#,
    r#""k""#,
    r#""a""#,
    r#""héllo ✓ 日本""#,
    r#""a\"b\\c\n""#,
    r#""^a.*$""#,
    r#""(""#,
    r#""[""#,
    r#""$1""#,
    r#""${1}x$0""#,
    r#""(a)(b)?""#,
    r#""upsert""#,
    r#""insert""#,
    r#""update""#,
    r#""key""#,
    r#""value""#,
    r#""{\"a\": [1, 2.5, null, {\"b\": true}]}""#,
    r#""0102030405060708090a0b0c0d0e0f10""#,
    r#""0102030405060708""#,
    r#""2023-01-01""#,
    r#""\u0000""#,
    r#"",""#,
];

const BYTES: &[&str] = &[
    "0x",
    "0xde",
    "0xdeadbeef",
    "0x0102030405060708",
    "0x0102030405060708090a0b0c0d0e0f10",
];

const ENUMS: &[&str] = &[
    "SEVERITY_NUMBER_INFO",
    "SEVERITY_NUMBER_FATAL",
    "SPAN_KIND_SERVER",
    "STATUS_CODE_ERROR",
    "AGGREGATION_TEMPORALITY_DELTA",
    "METRIC_DATA_TYPE_SUMMARY",
    "FLAG_NO_RECORDED_VALUE",
    "NOT_AN_ENUM",
];

/// The enums a context knows.
fn own_enums(context: ContextKind) -> &'static [&'static str] {
    match context {
        ContextKind::Log => &["SEVERITY_NUMBER_INFO", "SEVERITY_NUMBER_FATAL"],
        ContextKind::Span | ContextKind::SpanEvent => &[
            "SPAN_KIND_SERVER",
            "SPAN_KIND_UNSPECIFIED",
            "STATUS_CODE_ERROR",
        ],
        ContextKind::Metric | ContextKind::DataPoint => &[
            "AGGREGATION_TEMPORALITY_DELTA",
            "METRIC_DATA_TYPE_SUMMARY",
            "FLAG_NO_RECORDED_VALUE",
        ],
        ContextKind::Resource | ContextKind::Scope => ENUMS,
    }
}

/// Non-negative ints, for int-literal parameters.
const COUNTS: &[&str] = &["0", "1", "3", "255", "10000", "9223372036854775807"];

/// Math that fails or overflows.
const HOSTILE_MATH: &[&str] = &[
    "1 / 0",
    "1.0 / 0.0",
    "9223372036854775807 + 1",
    "-9223372036854775807 - 2",
    "9223372036854775807 * 2",
    "-9223372036854775807 / -1",
    "(0 - 9223372036854775807 - 1) / -1",
    "time - time",
    "time + 9223372036854775807",
];

// ---- meaningful statements -------------------------------------------------------------------

/// Writes statements for one context from a tape.
struct Writer<'t, 'c> {
    tape: &'t mut Tape<'c>,
    context: ContextKind,
}

impl Writer<'_, '_> {
    fn path(&mut self) -> String {
        let own = own_paths(self.context);
        let path = if self.tape.one_in(4) {
            self.tape.pick(COMMON_PATHS)
        } else {
            self.tape.pick(own)
        };
        let prefixed = self.tape.one_in(3) && !path.starts_with("cache") && !path.contains('.');
        if prefixed {
            format!("{}.{path}", self.context.name())
        } else {
            (*path).to_owned()
        }
    }

    fn literal(&mut self, depth: u32) -> String {
        match self.tape.below(10) {
            0 => "nil".to_owned(),
            1 => (*self.tape.pick(INTS)).to_owned(),
            2 => (*self.tape.pick(FLOATS)).to_owned(),
            3 | 4 => (*self.tape.pick(STRINGS)).to_owned(),
            5 => (*self.tape.pick(BYTES)).to_owned(),
            6 => (*self.tape.pick(&["true", "false"])).to_owned(),
            7 if self.tape.one_in(4) => (*self.tape.pick(ENUMS)).to_owned(),
            7 => (*self.tape.pick(own_enums(self.context))).to_owned(),
            8 if depth > 0 => {
                let n = self.tape.below(4);
                let items: Vec<_> = (0..n).map(|_| self.value(depth - 1)).collect();
                format!("[{}]", items.join(", "))
            }
            9 if depth > 0 => {
                let n = self.tape.below(3);
                let entries: Vec<_> = (0..n)
                    .map(|_| format!("{}: {}", self.tape.pick(STRINGS), self.value(depth - 1)))
                    .collect();
                format!("{{{}}}", entries.join(", "))
            }
            _ => "1".to_owned(),
        }
    }

    fn value(&mut self, depth: u32) -> String {
        match self.tape.below(8) {
            0 | 1 => self.literal(depth),
            2 | 3 => self.path(),
            4 | 5 if depth > 0 => self.converter(depth - 1),
            6 if depth > 0 => {
                let op = self.tape.pick(&["+", "-", "*", "/"]);
                format!(
                    "{} {op} {}",
                    self.operand(depth - 1),
                    self.operand(depth - 1)
                )
            }
            7 => (*self.tape.pick(HOSTILE_MATH)).to_owned(),
            _ => self.literal(0),
        }
    }

    /// What math takes: a number, a path, a converter call, or math in parentheses.
    fn operand(&mut self, depth: u32) -> String {
        let operand = match self.tape.below(5) {
            0 => (*self.tape.pick(INTS)).to_owned(),
            1 => (*self.tape.pick(FLOATS)).to_owned(),
            2 => self.path(),
            3 if depth > 0 => self.converter(depth - 1),
            4 if depth > 0 => format!("({})", self.value(depth - 1)),
            _ => "2".to_owned(),
        };
        if self.tape.one_in(4) && !operand.starts_with('-') {
            format!("-{operand}")
        } else {
            operand
        }
    }

    fn converter(&mut self, depth: u32) -> String {
        let signature = *self.tape.pick(&CONVERTERS);
        self.call(signature, depth)
    }

    fn call(&mut self, signature: &Signature, depth: u32) -> String {
        let mut args = Vec::new();
        for param in &signature.params {
            if param.optional && !self.tape.one_in(2) {
                break;
            }
            args.push(self.argument(param.name, param.kind, depth));
        }
        // Now and then one argument too many or too few.
        if self.tape.one_in(20) {
            args.push(self.value(depth));
        } else if self.tape.one_in(20) {
            args.pop();
        }
        format!("{}({})", signature.name, args.join(", "))
    }

    fn argument(&mut self, name: &str, kind: ParamKind, depth: u32) -> String {
        if self.tape.one_in(16) {
            // The wrong kind of argument.
            return self.value(depth);
        }
        // Mostly what the parameter's name asks for, so most calls compile.
        let fitting: &[&str] = match name {
            "mode" => &[
                r#""key""#,
                r#""value""#,
                r#""strict""#,
                r#""lazyQuotes""#,
                r#""ignoreQuotes""#,
            ],
            "to_case" => &[r#""lower""#, r#""upper""#, r#""snake""#, r#""camel""#],
            "format" => &[
                r#""%s-%d""#,
                r#""%v""#,
                r#""%05.2f|%x|%q""#,
                r#""%[2]s %[1]v""#,
                r#""%*d%!""#,
            ],
            "order" => &[r#""asc""#, r#""desc""#],
            "encoding" => &[
                r#""base64""#,
                r#""base64-raw-url""#,
                r#""utf-16""#,
                r#""windows-1252""#,
                r#""nop""#,
            ],
            "variant" => &[r#""base64""#, r#""base64-raw-url""#],
            "networks" => &[r#"["10.0.0.0/8", "::/0"]"#, r#"["192.168.1.0/24"]"#],
            "protocol" => &[r#""TCP""#, r#""UDP""#, r#""ICMP6""#],
            "source_ip" | "destination_ip" => &[r#""1.2.3.4""#, r#""::1""#],
            "header" => &[r#""a,b,c""#, r#""x""#],
            "delimiter" | "pair_delimiter" | "header_delimiter" => {
                &[r#"",""#, r#""=""#, r#"" ""#, r#""|""#]
            }
            "key_path" | "value_path" => &[r#"["name"]"#, r#"["value"]"#],
            "mapping" => &[r#"{"error": ["err", 500], "info": [{"min": 200, "max": 299}]}"#],
            "base" => &["0", "10", "16", "2", "37"],
            "depth" => &["1", "2"],
            "start_index" | "end_index" => &["0", "1", "-1"],
            "strategy" => &[r#""insert""#, r#""update""#, r#""upsert""#],
            "pattern" | "regex" => &[r#""^a.*$""#, r#""(a)(b)?""#, r#""""#, r#""é+""#, r#""(""#],
            "replacement" => &[r#""$1""#, r#""${1}x$0""#, r#""""#, r#""日本""#],
            "keys" | "priority_keys" => &[r#"["a", "k"]"#, "[]", r#"["", "x", "x"]"#],
            _ => &[],
        };
        if !fitting.is_empty() && !self.tape.one_in(4) {
            return (*self.tape.pick(fitting)).to_owned();
        }
        match kind {
            ParamKind::Target => self.path(),
            ParamKind::Value(_) | ParamKind::Like(_) => self.value(depth),
            ParamKind::Values(_) => {
                let n = 1 + self.tape.below(3);
                let items: Vec<_> = (0..n).map(|_| self.value(depth)).collect();
                format!("[{}]", items.join(", "))
            }
            ParamKind::String => (*self.tape.pick(STRINGS)).to_owned(),
            ParamKind::Int => (*self.tape.pick(COUNTS)).to_owned(),
            ParamKind::Float => (*self.tape.pick(&["0.5", "-2.0", "1e300", "0.0"])).to_owned(),
            ParamKind::Bool => (*self.tape.pick(&["true", "false"])).to_owned(),
            ParamKind::StringList => {
                let n = self.tape.below(4);
                let items: Vec<_> = (0..n).map(|_| *self.tape.pick(STRINGS)).collect();
                format!("[{}]", items.join(", "))
            }
            ParamKind::Function => self.tape.pick(&CONVERTERS).name.to_owned(),
            ParamKind::Lambda(arity) => {
                let names = ["acc", "k", "v"];
                let params = &names[names.len() - usize::from(arity).min(3)..];
                let body = match params.len() {
                    0 => self.value(depth),
                    n if self.tape.one_in(2) => {
                        let name = params[self.tape.below(n)];
                        format!("{name}{}", self.tape.pick(&["", "[0]", "[\"a\"]", " + 1"]))
                    }
                    _ => self.value(depth),
                };
                format!("({}) => {body}", params.join(", "))
            }
        }
    }

    fn condition(&mut self, depth: u32) -> String {
        match self.tape.below(6) {
            0 | 1 => {
                let op = self.tape.pick(&["==", "!=", "<", "<=", ">", ">="]);
                format!("{} {op} {}", self.value(depth), self.value(depth))
            }
            2 if depth > 0 => format!("not ({})", self.condition(depth - 1)),
            3 if depth > 0 => {
                let op = self.tape.pick(&["and", "or"]);
                format!(
                    "({}) {op} ({})",
                    self.condition(depth - 1),
                    self.condition(depth - 1)
                )
            }
            4 => self.converter(depth),
            5 => (*self.tape.pick(&["true", "false"])).to_owned(),
            _ => "true".to_owned(),
        }
    }

    fn statement(&mut self) -> String {
        let editor = *self.tape.pick(&EDITORS);
        let call = self.call(editor, DEPTH);
        if self.tape.one_in(3) {
            format!("{call} where {}", self.condition(DEPTH - 1))
        } else {
            call
        }
    }
}

// ---- random statements -----------------------------------------------------------------------

/// Statements valid in the grammar, but with any name in any place: the checker's job.
fn random_statement(tape: &mut Tape<'_>) -> String {
    fn name(tape: &mut Tape<'_>) -> String {
        let names: Vec<&str> = REGISTRY
            .signatures()
            .map(|s| s.name)
            .chain(["x", "Unknown", "set", "a_b"])
            .collect();
        (*tape.pick(&names)).to_owned()
    }
    fn expr(tape: &mut Tape<'_>, depth: u32) -> String {
        match tape.below(7) {
            0 => (*tape.pick(INTS)).to_owned(),
            1 => (*tape.pick(STRINGS)).to_owned(),
            2 => {
                let segments = 1 + tape.below(3);
                let words = [
                    "attributes",
                    "body",
                    "span",
                    "metric",
                    "name",
                    "resource",
                    "x",
                ];
                let path: Vec<_> = (0..segments).map(|_| *tape.pick(&words)).collect();
                let keys: String = (0..tape.below(3))
                    .map(|_| {
                        format!(
                            "[{}]",
                            tape.pick(&[r#""k""#, "0", "-1", "9223372036854775807"])
                        )
                    })
                    .collect();
                format!("{}{keys}", path.join("."))
            }
            3 if depth > 0 => {
                let args: Vec<_> = (0..tape.below(4)).map(|_| expr(tape, depth - 1)).collect();
                format!("{}({})", name(tape), args.join(", "))
            }
            4 if depth > 0 => format!("[{}, {}]", expr(tape, depth - 1), expr(tape, depth - 1)),
            5 if depth > 0 => format!("({}) * ({})", expr(tape, depth - 1), expr(tape, depth - 1)),
            6 => (*tape.pick(ENUMS)).to_owned(),
            _ => "nil".to_owned(),
        }
    }
    let editor = tape.pick(&EDITORS).name;
    let args: Vec<_> = (0..tape.below(5)).map(|_| expr(tape, DEPTH)).collect();
    format!("{editor}({})", args.join(", "))
}

// ---- one case --------------------------------------------------------------------------------

/// A generated program: its context, statements and group conditions.
#[derive(Debug)]
struct Case {
    context: ContextKind,
    statements: Vec<String>,
    conditions: Vec<String>,
}

fn case(choices: &[u32]) -> Case {
    let mut tape = Tape { choices, at: 0 };
    let context = *tape.pick(CONTEXTS);
    let count = 1 + tape.below(4);
    let mut statements = Vec::new();
    for _ in 0..count {
        if tape.one_in(8) {
            statements.push(random_statement(&mut tape));
        } else {
            statements.push(
                Writer {
                    tape: &mut tape,
                    context,
                }
                .statement(),
            );
        }
    }
    let conditions = if tape.one_in(6) {
        vec![
            Writer {
                tape: &mut tape,
                context,
            }
            .condition(1),
        ]
    } else {
        Vec::new()
    };
    Case {
        context,
        statements,
        conditions,
    }
}

/// Statements that compile, alone, in the case's context.
fn compiling(case: &Case) -> Vec<&str> {
    case.statements
        .iter()
        .map(String::as_str)
        .filter(|s| Program::compile(&[s], &[], case.context, ErrorMode::Ignore, &REGISTRY).is_ok())
        .collect()
}

/// Runs a program over one sample; `None` when its context does not run on the sample.
fn run(program: &Program, document: &Document) -> Option<(Result<(), StatementError>, usize)> {
    let mut reported = 0;
    let mut report = |error: StatementError| {
        // A failure is a value that renders.
        assert!(!error.to_string().is_empty());
        reported += 1;
    };
    let mut document = document.clone();
    let signal = match &document {
        Document::Logs(_) => Signal::Logs,
        Document::Traces(_) => Signal::Traces,
        Document::Metrics(_) => Signal::Metrics,
    };
    if !program.context().runs_on(signal) {
        return None;
    }
    let result = program.run_with(&mut document, Run::reporting(&mut report));
    Some((result, reported))
}

/// Compiles and runs a case under every error mode; returns how many runs it made.
fn check(case: &Case) -> Result<usize, TestCaseError> {
    let statements = compiling(case);
    if std::env::var_os("NO_PANIC_TRACE").is_some() {
        eprintln!("TRACE {case:?} -> {statements:?}");
    }
    let conditions: Vec<&str> = case.conditions.iter().map(String::as_str).collect();
    let mut runs = 0;
    for mode in [ErrorMode::Ignore, ErrorMode::Silent, ErrorMode::Propagate] {
        let program =
            match Program::compile(&statements, &conditions, case.context, mode, &REGISTRY) {
                Ok(program) => program,
                Err(_) => Program::compile(&statements, &[], case.context, mode, &REGISTRY)
                    .map_err(|e| {
                        TestCaseError::fail(format!("compiled alone but not together: {e:?}"))
                    })?,
            };
        for (name, document) in SAMPLES.iter() {
            let outcome = catch_unwind(AssertUnwindSafe(|| run(&program, document)));
            let Ok(outcome) = outcome else {
                return Err(TestCaseError::fail(format!(
                    "panicked on {name} under {mode:?}: {case:#?}"
                )));
            };
            let Some((result, _reported)) = outcome else {
                continue;
            };
            runs += 1;
            if mode != ErrorMode::Propagate {
                prop_assert!(
                    result.is_ok(),
                    "{mode:?} returned {result:?} on {name}: {case:#?}"
                );
            } else if let Err(error) = result {
                prop_assert!(!error.to_string().is_empty());
            }
        }
    }
    Ok(runs)
}

fn tape() -> impl Strategy<Value = Vec<u32>> {
    vec(any::<u32>(), 0..400)
}

proptest! {
    #![proptest_config(ProptestConfig {
        // `PROPTEST_CASES=100000` hunts longer.
        cases: ProptestConfig::default().cases.max(CASES),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// The property: generated programs run over every sample under every error mode without
    /// a panic, and only `propagate` returns a failure.
    #[test]
    fn generated_programs_never_panic(choices in tape()) {
        check(&case(&choices))?;
    }
}

/// A fixed tape of pseudo-random choices (splitmix64), so the count below is deterministic.
fn fixed_tape(seed: u64) -> Vec<u32> {
    let mut state = seed;
    (0..400)
        .map(|_| {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            (z ^ (z >> 31)) as u32
        })
        .collect()
}

/// The generator is worth running: a healthy share of its statements compile, so the property
/// exercises the runtime and not only the checker.
#[test]
fn generated_statements_mostly_compile() {
    let (mut total, mut compiled, mut runs) = (0, 0, 0);
    for seed in 0..u64::from(CASES) {
        let case = case(&fixed_tape(seed));
        total += case.statements.len();
        compiled += compiling(&case).len();
        runs += check(&case).expect("the property holds on the fixed tapes");
    }
    eprintln!("{compiled} of {total} generated statements compile; {runs} runs over samples");
    assert!(
        compiled * 100 > total * 30,
        "only {compiled} of {total} generated statements compile"
    );
    assert!(runs > 0);
}
