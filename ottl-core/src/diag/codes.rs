//! The registry of diagnostic codes. Append only: a code, once released, keeps its meaning.

use std::fmt;

macro_rules! codes {
    ($( $variant:ident = $id:literal: $summary:literal, $explanation:literal; )*) => {
        /// A stable diagnostic code: `E0xxx` for errors, `W0xxx` for warnings.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code {
            $(
                #[doc = $summary]
                $variant,
            )*
        }

        impl Code {
            /// Every code, in registry order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The code as written in diagnostics, such as `E0001`.
            pub const fn id(self) -> &'static str {
                match self { $(Code::$variant => $id,)* }
            }

            /// One line saying what the code is about.
            pub const fn summary(self) -> &'static str {
                match self { $(Code::$variant => $summary,)* }
            }

            /// The long explanation, with examples, that `ottl explain` prints.
            pub const fn explanation(self) -> &'static str {
                match self { $(Code::$variant => $explanation,)* }
            }
        }
    };
}

impl Code {
    /// The code written as `id` (`E0001`), if there is one.
    pub fn from_id(id: &str) -> Option<Code> {
        Code::ALL
            .iter()
            .copied()
            .find(|code| code.id().eq_ignore_ascii_case(id))
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

codes! {
    UnexpectedToken = "E0001": "the text does not follow OTTL's grammar",
        "The parser found something it did not expect at this point. The message says what \
         would have been valid instead; here, a comma is missing.\n\n    set(attributes[\"a\"] \"b\")\n    \
         set(attributes[\"a\"], \"b\")";
    UnclosedDelimiter = "E0002": "a parenthesis, bracket or brace is never closed",
        "Every `(` needs a `)`, every `[` a `]` and every `{` a `}`. The diagnostic points at the \
         opening one that was left open.\n\n    set(attributes[\"a\"], \"b\"\n    \
         set(attributes[\"a\"], \"b\")";
    UnclosedString = "E0003": "a string literal is never closed",
        "Strings are written between double quotes. A `\"` inside a string is written `\\\"`.\n\n    \
         set(body, \"hello)\n    set(body, \"hello\")";
    UnexpectedCloser = "E0004": "a closing parenthesis, bracket or brace has no opening one",
        "A `)`, `]` or `}` closes the nearest open delimiter, which must be of the same kind.\n\n    \
         set(attributes[\"a\"), \"b\")\n    set(attributes[\"a\"], \"b\")";
    InvalidCharacter = "E0005": "a character that OTTL does not use",
        "OTTL is written with ASCII letters, digits, `_`, the operators `+ - * / == != < <= > >= =>`, \
         `= , . : ( ) [ ] { }` and double-quoted strings. Any other character (`$`, `@`, `;`, `'`, \
         or a letter outside ASCII) is only allowed inside a string.\n\n    \
         set(attributes['env'], 'prod')\n    set(attributes[\"env\"], \"prod\")";
    AssignInCondition = "E0006": "`=` is not a comparison operator",
        "Equality is tested with `==`. A single `=` only names an argument of a function call \
         (`replace_pattern(body, \"x\", \"y\", function=SHA256)`).\n\n    \
         set(attributes[\"a\"], \"b\") where name = \"x\"\n    \
         set(attributes[\"a\"], \"b\") where name == \"x\"";
    SymbolicLogicalOperator = "E0007": "`&&`, `||` and `!` are written `and`, `or` and `not`",
        "OTTL spells its boolean operators as words.\n\n    \
         set(attributes[\"x\"], 1) where body == \"a\" && severity_text == \"b\"\n    \
         set(attributes[\"x\"], 1) where body == \"a\" and severity_text == \"b\"";
    UnquotedMapKey = "E0008": "a map key that is not quoted",
        "Map keys are string literals: `attributes[\"env\"]`. A bare word between brackets is read \
         as a path whose value becomes the key, so `attributes[env]` looks for a field named `env`, \
         which no context has.\n\n    set(attributes[env], \"prod\")\n    \
         set(attributes[\"env\"], \"prod\")";
    InvalidEscape = "E0009": "an escape sequence that OTTL strings do not have",
        "Strings accept the escapes `\\\\`, `\\\"`, `\\a`, `\\b`, `\\f`, `\\n`, `\\r`, `\\t`, `\\v`, \
         `\\NNN` (three octal digits), `\\xHH`, `\\uHHHH` and `\\UHHHHHHHH`. To put a backslash in a \
         string (a regex escape, say) double it.\n\n    IsMatch(name, \"\\d+\")\n    \
         IsMatch(name, \"\\\\d+\")";
    InvalidBytes = "E0010": "a bytes literal that is not an even number of hex digits",
        "Bytes are written `0x` followed by pairs of hex digits (`0-9`, `a-f`, `A-F`), two per \
         byte.\n\n    set(attributes[\"b\"], 0xABC)\n    set(attributes[\"b\"], 0x0ABC)";
    InvalidNumber = "E0011": "a number literal that OTTL cannot read",
        "Integers are decimal and fit in 64 bits (a leading `0` makes them octal, as in Go). \
         Floats need a decimal point: `1e5` is not a float, `1.0e5` is.\n\n    \
         set(attributes[\"n\"], 1e5)\n    set(attributes[\"n\"], 1.0e5)";
    TrailingComma = "E0012": "a comma with nothing after it",
        "Function arguments and list elements are separated by commas, with none after the last \
         one. (Map literals do allow a trailing comma.)\n\n    \
         set(attributes[\"a\"], \"b\",)\n    set(attributes[\"a\"], \"b\")";
    ConverterAsEditor = "E0013": "a statement must start with an editor",
        "A statement calls an editor, whose name starts with a lowercase letter (`set`, \
         `delete_key`). Converters (`Concat`, `IsMatch`) compute values; they are arguments of \
         an editor or conditions.\n\n    Concat([\"a\", \"b\"], \"-\")\n    \
         set(attributes[\"ab\"], Concat([\"a\", \"b\"], \"-\"))";
    EditorAsValue = "E0014": "only converters can be used as values",
        "A function whose result is used (an argument, a comparison operand, a condition) must be \
         a converter; converter names start with an uppercase letter.\n\n    \
         set(attributes[\"a\"], concat([\"x\", \"y\"], \"\"))\n    \
         set(attributes[\"a\"], Concat([\"x\", \"y\"], \"\"))";
    IndexedEditor = "E0015": "the result of an editor cannot be indexed",
        "Keys (`[0]`, `[\"k\"]`) can follow a path or a converter call, not an editor.\n\n    \
         set(attributes[\"a\"], \"b\")[0]\n    set(attributes[\"a\"], \"b\")";
    LambdaReturnsLambda = "E0016": "a lambda body cannot be another lambda",
        "A lambda's body computes a value or a condition. Pass nested lambdas as separate \
         arguments instead.\n\n    \
         set(attributes[\"big\"], Filter(attributes[\"sizes\"], (i, v) => (x) => x))\n    \
         set(attributes[\"big\"], Filter(attributes[\"sizes\"], (i, v) => v > 1))";
    ChainedComparison = "E0017": "comparisons cannot be chained",
        "Each comparison has exactly one operator. Combine two comparisons with `and`.\n\n    \
         set(attributes[\"x\"], 1) where 1 < attributes[\"n\"] < 5\n    \
         set(attributes[\"x\"], 1) where 1 < attributes[\"n\"] and attributes[\"n\"] < 5";
    ValueAsCondition = "E0018": "a value is not a condition",
        "A condition is a comparison, `true`/`false`, a converter returning a boolean, or those \
         combined with `and`, `or` and `not`. A path alone is not a condition: compare it.\n\n    \
         set(attributes[\"x\"], 1) where attributes[\"ok\"]\n    \
         set(attributes[\"x\"], 1) where attributes[\"ok\"] == true";
    Comment = "E0019": "OTTL has no comments",
        "Neither `#` nor `//` starts a comment in OTTL. In a collector configuration, use YAML \
         comments outside the statement string; in a `.ottl` file, lines starting with `#` are \
         skipped.\n\n    set(attributes[\"a\"], \"b\") # why\n    set(attributes[\"a\"], \"b\")";
    NestingTooDeep = "E0020": "expression nesting is too deep",
        "Parentheses, brackets and braces may nest at most 128 levels deep. No real statement \
         comes near; the limit keeps the parser's stack bounded.";
    EmptyInput = "E0021": "there is no statement or condition",
        "The input is empty or holds only whitespace: write a statement (`set(attributes[\"a\"], \
         \"b\")`) or a condition (`attributes[\"a\"] == \"b\"`).";
    StringArithmetic = "E0022": "strings cannot be combined with arithmetic operators",
        "`+ - * /` work on numbers, times and durations. Join strings with `Concat`.\n\n    \
         set(attributes[\"ab\"], \"a\" + \"b\")\n    \
         set(attributes[\"ab\"], Concat([\"a\", \"b\"], \"\"))";
    RepeatedNot = "E0023": "`not` cannot follow `not`",
        "`not` applies once to the comparison or group after it. `not not x` is `x`; to negate a \
         negation, use parentheses: `not (not x)`.\n\n    \
         set(attributes[\"x\"], 1) where not not name == \"a\"\n    \
         set(attributes[\"x\"], 1) where not (not name == \"a\")";
    UnknownPath = "E0101": "a path that the context does not have",
        "Each context (log, span, metric, ...) has its own paths, and reaches the paths of the \
         contexts above it with a prefix (`resource.attributes`, `scope.name`). The message \
         names the closest path that exists.\n\n    set(atributes[\"a\"], \"b\")\n    \
         set(attributes[\"a\"], \"b\")";
    PathNotIndexable = "E0102": "keys on a path that has none",
        "Only map-valued paths (`attributes`, `cache`, a map `body`) take keys.\n\n    \
         set(name[\"a\"], \"b\")\n    set(attributes[\"a\"], \"b\")";
    UnknownFunction = "E0103": "a function that the registry does not have",
        "Editors and converters come from the registry the host builds (the standard library by \
         default). Names are case-sensitive: editors are lowercase, converters capitalized.\n\n    \
         set(attributes[\"a\"], Lenght(body))\n    set(attributes[\"a\"], Len(body))";
    UnknownEnum = "E0104": "an enum symbol that the context does not have",
        "Enum symbols such as `SEVERITY_NUMBER_ERROR` or `SPAN_KIND_SERVER` belong to a context; \
         resource and scope have none.\n\n    \
         set(attributes[\"x\"], 1) where severity_number == SEVERITY_NUMBER_ERORR\n    \
         set(attributes[\"x\"], 1) where severity_number == SEVERITY_NUMBER_ERROR";
    WrongArity = "E0105": "a call with too few or too many arguments",
        "The message gives the function's parameters; optional ones may be left out from the end, \
         or skipped by naming the ones after them (`name=value`).\n\n    \
         keep_keys(attributes, [\"a\"], [\"b\"])\n    keep_keys(attributes, [\"a\", \"b\"])";
    UnknownArgument = "E0106": "a named argument that the function does not have",
        "Arguments are named after the function's parameters, in snake_case. A name may be given \
         once, and positional arguments must come before named ones.\n\n    \
         truncate_all(attributes, 10, safe=false)\n    truncate_all(attributes, 10, utf8_safe=false)";
    WrongArgumentKind = "E0107": "an argument of the wrong kind",
        "Some parameters take a path (the editor's target), some a literal written in the \
         statement (a regex, a mode string), others any value. The message says which.\n\n    \
         set(\"a\", body)\n    set(attributes[\"a\"], body)";
    NotSettable = "E0108": "a path that cannot be written",
        "Some paths are read-only (`otelcol.*`, the request the batch arrived with). Editors can \
         only change paths that can be set.\n\n    \
         set(otelcol.client.addr, \"x\")\n    set(attributes[\"client\"], otelcol.client.addr)";
    InvalidArgument = "E0109": "a literal argument that the function rejects",
        "A function checks its literal arguments when statements compile: a regex must compile, a \
         mode must be one of the listed words. The message says what was expected.\n\n    \
         merge_maps(attributes, cache, \"overwrite\")\n    merge_maps(attributes, cache, \"upsert\")";
    UnknownContext = "E0201": "a context the component does not have",
        "Each component that takes OTTL runs it in a fixed set of contexts: a transform \
         processor's `trace_statements` in resource, scope, span or spanevent, a routing \
         connector's table in resource, span, metric, datapoint, log or request, and so on. The \
         collector refuses to start with any other.\n\nRefused:\n\
         \n    processors:\
         \n      transform:\
         \n        trace_statements:\
         \n          - context: spans\
         \n            statements:\
         \n              - set(span.name, \"x\")\n\nAccepted:\n\
         \n    processors:\
         \n      transform:\
         \n        trace_statements:\
         \n          - context: span\
         \n            statements:\
         \n              - set(span.name, \"x\")";
    UnknownErrorMode = "E0202": "an error mode that does not exist",
        "`error_mode` is `ignore`, `silent` or `propagate`; the collector refuses to start with \
         any other.\n\nRefused:\n\
         \n    processors:\
         \n      transform:\
         \n        error_mode: skip\
         \n        log_statements:\
         \n          - set(log.body, \"x\")\n\nAccepted:\n\
         \n    processors:\
         \n      transform:\
         \n        error_mode: ignore\
         \n        log_statements:\
         \n          - set(log.body, \"x\")";
    MixedStyles = "E0203": "a component that mixes configuration styles",
        "A statement list is either a list of statements (basic style, the context inferred) or a \
         list of groups with `context:` (advanced style), never both; a filter processor's \
         `*_conditions` cannot be combined with its legacy `traces:`/`metrics:`/`logs:` keys for \
         the same signal.\n\nRefused:\n\
         \n    processors:\
         \n      transform:\
         \n        log_statements:\
         \n          - set(log.body, \"x\")\
         \n          - context: resource\
         \n            statements:\
         \n              - set(resource.attributes[\"k\"], \"v\")\n\nAccepted:\n\
         \n    processors:\
         \n      transform:\
         \n        log_statements:\
         \n          - set(log.body, \"x\")\
         \n          - set(resource.attributes[\"k\"], \"v\")";
    RemovedComponent = "E0204": "a component that the collector no longer has",
        "The `routing` processor was removed; the routing connector takes its place, with the \
         same `table` of OTTL statements or conditions, between two pipelines.\n\nRefused:\n\
         \n    processors:\
         \n      routing:\
         \n        table:\
         \n          - statement: route() where resource.attributes[\"env\"] == \"prod\"\
         \n            pipelines: [traces/prod]\n\nAccepted:\n\
         \n    connectors:\
         \n      routing:\
         \n        table:\
         \n          - statement: route() where resource.attributes[\"env\"] == \"prod\"\
         \n            pipelines: [traces/prod]";
    InvalidComponentConfig = "E0205": "a component setting the collector rejects",
        "A key the component does not have, or a value of the wrong shape, makes the collector \
         refuse to start. The message names the key and what was expected.\n\nRefused:\n\
         \n    processors:\
         \n      transform:\
         \n        traces:\
         \n          queries:\
         \n            - set(name, \"x\")\n\nAccepted:\n\
         \n    processors:\
         \n      transform:\
         \n        trace_statements:\
         \n          - set(span.name, \"x\")";
    ContextNotInferred = "E0206": "statements whose context cannot be inferred",
        "A basic-style list gets its context from the path prefixes of its statements \
         (`span.name`, `resource.attributes`); with no prefix, the collector cannot tell which \
         context to run in.\n\nRefused:\n\
         \n    processors:\
         \n      transform:\
         \n        trace_statements:\
         \n          - set(name, \"x\")\n\nAccepted:\n\
         \n    processors:\
         \n      transform:\
         \n        trace_statements:\
         \n          - set(span.name, \"x\")";
    UnknownSection = "E0207": "a top-level section that the collector does not have",
        "A collector configuration has `receivers`, `processors`, `exporters`, `connectors`, \
         `extensions` and `service`; any other top-level key makes the collector refuse to start. \
         The message names the closest section.\n\nRefused:\n\
         \n    processor:\
         \n      transform:\
         \n        log_statements:\
         \n          - set(log.body, \"x\")\
         \n    service:\
         \n      pipelines:\
         \n        logs:\
         \n          processors: [transform]\n\nAccepted:\n\
         \n    processors:\
         \n      transform:\
         \n        log_statements:\
         \n          - set(log.body, \"x\")\
         \n    service:\
         \n      pipelines:\
         \n        logs:\
         \n          processors: [transform]";
    InvalidYaml = "E0208": "a file that is not valid YAML",
        "The configuration could not be read as YAML, so none of its statements were checked. The \
         message says where the reader stopped.\n\nRefused:\n\
         \n    processors:\
         \n      transform:\
         \n        log_statements: ['set(log.body, \"x\")'\n\nAccepted:\n\
         \n    processors:\
         \n      transform:\
         \n        log_statements: ['set(log.body, \"x\")']";
    ComparisonNeverHolds = "W0001": "a comparison between types that never compare",
        "Values of different types are never equal, and only numbers, strings, times, durations \
         and bytes are ordered: `==` between a string and an int is false on every record, `!=` \
         true, `<` false. The reference accepts such a comparison, so this is a warning; it is \
         usually a mistaken literal.\n\n    \
         set(attributes[\"error\"], true) where severity_number == \"ERROR\"\n    \
         set(attributes[\"error\"], true) where severity_number == SEVERITY_NUMBER_ERROR";
    FailsOnEveryRecord = "W0002": "a call that fails wherever it runs",
        "Some mistakes are certain before any record is read, although the reference only \
         reports them while running: a path set to a value of a type it never takes, a \
         function given a literal it rejects. The statement fails on every record it runs on \
         (logged under `ignore`, stopping the batch under `propagate`).\n\n    \
         set(severity_number, \"9\")\n    set(severity_number, 9)";
    DivisionByZero = "W0003": "a division by a literal zero",
        "Dividing by `0` or `0.0` is an error (`attempted to divide by 0`) on every record where \
         the division is evaluated.\n\n    set(attributes[\"ratio\"], attributes[\"a\"] / 0)\n    \
         set(attributes[\"ratio\"], attributes[\"a\"] / 2)";
}
