//! Properties of the parser and printer, over generated trees and random text.
//!
//! - Every tree the parser can produce prints as text that parses back to the same tree (spans
//!   aside), for statements and for conditions. The generators build such trees with every node
//!   kind, operator, argument form and key shape, nested at least five deep.
//! - Any text at all is accepted or rejected without a panic; a rejection's diagnostics point
//!   inside the text, on character boundaries; an accepted text round-trips through the printer.
//! - Nesting deeper than the parser's limit is an error, not a stack overflow.

use ottl_core::diag::{Code, Diagnostics};
use ottl_core::span::Span;
use ottl_core::syntax::*;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use std::collections::BTreeSet;
use std::fmt::{Debug, Display};

/// Cases per property; the generated trees are large, so this stays well under 20 s in debug.
const CASES: u32 = 512;

/// How deep `prop_recursive` may nest values in values.
const EXPR_DEPTH: u32 = 7;
/// How deep `prop_recursive` may nest conditions in conditions (each holding values).
const CONDITION_DEPTH: u32 = 6;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: CASES,
        // A failure is reported with its minimal input; nothing is written next to the sources.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---- node constructors: every span is `Span::default()`, as `clear_spans` leaves it ----------

fn ident(name: impl Into<String>) -> Ident {
    Ident {
        name: name.into(),
        span: Span::default(),
    }
}

fn expr(kind: ExprKind) -> Expr {
    Expr {
        kind,
        span: Span::default(),
    }
}

fn condition(kind: BoolExprKind) -> BoolExpr {
    BoolExpr {
        kind,
        span: Span::default(),
    }
}

fn call(name: String, args: Vec<Argument>) -> Call {
    Call {
        name: ident(name),
        args,
        span: Span::default(),
    }
}

fn segment(name: impl Into<String>, keys: Vec<Key>) -> Segment {
    Segment {
        name: ident(name),
        keys,
    }
}

fn key(index: Expr) -> Key {
    Key {
        index,
        span: Span::default(),
    }
}

// ---- names, as the grammar spells them -------------------------------------------------------

const KEYWORDS: &[&str] = &["nil", "not", "and", "or", "true", "false"];

/// A word that is not a keyword, for path segments and lambda parameters: random words, and
/// words that start like keywords or are `where`, which is not reserved.
fn lowercase_word() -> impl Strategy<Value = String> {
    let random = "[a-z][a-z0-9_]{0,6}"
        .prop_filter("keywords are reserved", |w| !KEYWORDS.contains(&w.as_str()));
    let tricky = select(vec![
        "android", "order", "notes", "nil_", "true1", "falsey", "where",
    ]);
    prop_oneof![4 => random, 1 => tricky.prop_map(str::to_owned)]
}

/// The first segment of a path: any word, or a context or field name (see [`key_index`]).
fn first_segment_name() -> impl Strategy<Value = String> {
    prop_oneof![
        lowercase_word(),
        select([CONTEXTS, FIELDS].concat()).prop_map(str::to_owned),
    ]
}

/// Editor and argument names: a lowercase letter, then any identifier characters.
fn editor_name() -> impl Strategy<Value = String> {
    "[a-z][a-zA-Z0-9_]{0,6}"
        .prop_filter("keywords are reserved", |w| !KEYWORDS.contains(&w.as_str()))
}

fn converter_name() -> impl Strategy<Value = String> {
    "[A-Z][a-zA-Z0-9_]{0,6}"
}

/// A function passed by name: it has a lowercase letter, else it reads back as an enum.
fn function_ref_name() -> impl Strategy<Value = String> {
    "[A-Z][A-Z0-9_]{0,2}[a-z][a-zA-Z0-9_]{0,3}"
}

fn lambda_param() -> impl Strategy<Value = Ident> {
    prop_oneof![1 => Just("_".to_owned()), 3 => lowercase_word()].prop_map(ident)
}

// ---- values ----------------------------------------------------------------------------------

/// Strings heavy in what the printer must escape: quotes, backslashes, control characters.
fn string_literal() -> impl Strategy<Value = String> {
    let tricky = select(
        &[
            '"', '\\', '\n', '\t', '\r', '\0', '\u{7f}', '\u{85}', 'é', '\u{2028}',
        ][..],
    );
    vec(prop_oneof![any::<char>(), tricky], 0..8).prop_map(String::from_iter)
}

/// Non-negative finite floats: `+0.0`, subnormals, normals.
fn float_literal() -> impl Strategy<Value = f64> {
    use proptest::num::f64::{NORMAL, POSITIVE, SUBNORMAL, ZERO};
    prop_oneof![
        POSITIVE | NORMAL | SUBNORMAL | ZERO,
        (0u32..1000).prop_map(|n| f64::from(n) / 8.0),
    ]
}

/// The values without children.
fn leaf_value() -> impl Strategy<Value = Expr> {
    prop_oneof![
        Just(ExprKind::Nil),
        any::<bool>().prop_map(ExprKind::Bool),
        (0..=i64::MAX).prop_map(ExprKind::Int),
        float_literal().prop_map(ExprKind::Float),
        string_literal().prop_map(ExprKind::String),
        vec(any::<u8>(), 1..5).prop_map(ExprKind::Bytes),
        "[A-Z][A-Z0-9_]{0,8}".prop_map(ExprKind::Enum),
        first_segment_name().prop_map(|name| ExprKind::Path(path(vec![segment(name, vec![])]))),
    ]
    .prop_map(expr)
}

fn path(segments: Vec<Segment>) -> Path {
    Path {
        segments,
        span: Span::default(),
    }
}

/// Any value, nested up to [`EXPR_DEPTH`] deep.
fn value() -> BoxedStrategy<Expr> {
    leaf_value()
        .prop_recursive(EXPR_DEPTH, 64, 3, |inner| {
            let math = inner.clone().prop_map(as_math);
            prop_oneof![
                path_value(inner.clone()),
                converter(inner.clone()).prop_map(ExprKind::Converter),
                (any::<bool>(), math.clone()).prop_map(|(minus, operand)| ExprKind::Unary {
                    op: if minus { UnaryOp::Minus } else { UnaryOp::Plus },
                    operand: Box::new(operand),
                }),
                (math.clone(), vec((add_op(), math.clone()), 1..3)).prop_map(|(first, rest)| {
                    ExprKind::Sum {
                        first: Box::new(first),
                        rest,
                    }
                }),
                (math.clone(), vec((mul_op(), math), 1..3)).prop_map(|(first, rest)| {
                    ExprKind::Product {
                        first: Box::new(first),
                        rest,
                    }
                }),
                vec(inner.clone(), 0..4).prop_map(ExprKind::List),
                vec((string_literal(), inner.clone()), 0..3).prop_map(|entries| {
                    ExprKind::Map(
                        entries
                            .into_iter()
                            .map(|(key, value)| MapEntry {
                                key,
                                key_span: Span::default(),
                                value,
                            })
                            .collect(),
                    )
                }),
                lambda(inner).prop_map(ExprKind::Lambda),
            ]
            .prop_map(expr)
        })
        .boxed()
}

fn add_op() -> impl Strategy<Value = AddOp> {
    prop_oneof![Just(AddOp::Add), Just(AddOp::Sub)]
}

fn mul_op() -> impl Strategy<Value = MulOp> {
    prop_oneof![Just(MulOp::Mul), Just(MulOp::Div)]
}

/// Whether `value` can be a math operand (`math_factor` in the grammar) without parentheses
/// turning it into something else.
fn is_math(value: &Expr) -> bool {
    matches!(
        value.kind,
        ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Path(_)
            | ExprKind::Converter(_)
            | ExprKind::Unary { .. }
            | ExprKind::Sum { .. }
            | ExprKind::Product { .. }
    )
}

/// `value` passed to a converter, `Len(value)`: a math operand that keeps `value` in the tree.
fn wrapped(value: Expr) -> Expr {
    let argument = Argument {
        name: None,
        value: ArgumentValue::Expr(value),
        span: Span::default(),
    };
    expr(ExprKind::Converter(Converter {
        call: call("Len".to_owned(), vec![argument]),
        keys: vec![],
    }))
}

fn as_math(value: Expr) -> Expr {
    if is_math(&value) {
        value
    } else {
        wrapped(value)
    }
}

/// `value`, wrapped if it is a lambda, for the places a generated lambda cannot stand:
/// - a lambda body, which the parser rejects;
/// - a comparison's left operand: the parser reads `(x) => a == b == c`, but a body that ends
///   in anything but a comparison takes the operator (`(x) => true == c` is one body).
fn not_lambda(value: Expr) -> Expr {
    match value.kind {
        ExprKind::Lambda(_) => wrapped(value),
        _ => value,
    }
}

/// Context names that may start a path used as a key, as in `attributes[log.body]`.
const CONTEXTS: &[&str] = &["log", "resource", "span"];
/// Field names that a bare single-segment key may name, as in `attributes[body]`.
const FIELDS: &[&str] = &["attributes", "body", "name"];

/// A key's index: a math expression, where a bare path names a field or starts with a context
/// (any other bare word is a forgotten quote, which the parser rejects); `log.` is prepended
/// where needed.
fn key_index(index: Expr) -> Expr {
    let mut index = as_math(index);
    if let ExprKind::Path(path) = &mut index.kind
        && let [first, rest @ ..] = path.segments.as_slice()
        && first.keys.is_empty()
        && !CONTEXTS.contains(&first.name.name.as_str())
        && !(rest.is_empty() && FIELDS.contains(&first.name.name.as_str()))
    {
        path.segments.insert(0, segment("log", vec![]));
    }
    index
}

/// Keys of every shape: string and int literals, and expressions.
fn keys(inner: BoxedStrategy<Expr>, max: usize) -> impl Strategy<Value = Vec<Key>> {
    let index = prop_oneof![
        1 => string_literal().prop_map(|s| expr(ExprKind::String(s))),
        1 => (0..=i64::MAX).prop_map(|i| expr(ExprKind::Int(i))),
        2 => inner.prop_map(key_index),
    ];
    vec(index.prop_map(key), 0..=max)
}

fn path_value(inner: BoxedStrategy<Expr>) -> impl Strategy<Value = ExprKind> {
    let first = (first_segment_name(), keys(inner.clone(), 2));
    let more = vec((lowercase_word(), keys(inner, 1)), 0..3);
    (first, more).prop_map(|((name, keys), more)| {
        let mut segments = vec![segment(name, keys)];
        segments.extend(more.into_iter().map(|(name, keys)| segment(name, keys)));
        ExprKind::Path(path(segments))
    })
}

/// Arguments of every form: positional or named, a value or a function passed by name.
fn arguments(inner: BoxedStrategy<Expr>, max: usize) -> impl Strategy<Value = Vec<Argument>> {
    let value = prop_oneof![
        4 => inner.prop_map(ArgumentValue::Expr),
        1 => function_ref_name().prop_map(|name| ArgumentValue::Function(ident(name))),
    ];
    let argument =
        (proptest::option::of(editor_name()), value).prop_map(|(name, value)| Argument {
            name: name.map(ident),
            value,
            span: Span::default(),
        });
    vec(argument, 0..=max)
}

fn converter(inner: BoxedStrategy<Expr>) -> impl Strategy<Value = Converter> {
    (
        converter_name(),
        arguments(inner.clone(), 3),
        keys(inner, 2),
    )
        .prop_map(|(name, args, keys)| Converter {
            call: call(name, args),
            keys,
        })
}

fn lambda(inner: BoxedStrategy<Expr>) -> impl Strategy<Value = Lambda> {
    let body = prop_oneof![
        inner.clone().prop_map(|v| LambdaBody::Value(not_lambda(v))),
        conditions(comparison_or_atom(inner), 2).prop_map(lambda_condition),
    ];
    (vec(lambda_param(), 0..3), body).prop_map(|(params, body)| Lambda {
        params,
        body: Box::new(body),
    })
}

/// A condition body as the parser reads it: a bare constant or converter is a value body.
fn lambda_condition(body: BoolExpr) -> LambdaBody {
    match body.kind {
        BoolExprKind::Constant(value) => LambdaBody::Value(expr(ExprKind::Bool(value))),
        BoolExprKind::Converter(converter) => {
            LambdaBody::Value(expr(ExprKind::Converter(converter)))
        }
        _ => LambdaBody::Condition(body),
    }
}

// ---- conditions and statements ---------------------------------------------------------------

fn compare_op() -> impl Strategy<Value = CompareOp> {
    select(
        &[
            CompareOp::Eq,
            CompareOp::Ne,
            CompareOp::Lt,
            CompareOp::Le,
            CompareOp::Gt,
            CompareOp::Ge,
        ][..],
    )
}

/// The conditions without condition children: comparisons, constants, converters.
fn comparison_or_atom(values: BoxedStrategy<Expr>) -> BoxedStrategy<BoolExpr> {
    let left = values.clone().prop_map(not_lambda);
    prop_oneof![
        3 => (left, compare_op(), values.clone()).prop_map(|(left, op, right)| {
            BoolExprKind::Comparison(Box::new(Comparison {
                left,
                op,
                op_span: Span::default(),
                right,
            }))
        }),
        1 => any::<bool>().prop_map(BoolExprKind::Constant),
        1 => converter(values).prop_map(BoolExprKind::Converter),
    ]
    .prop_map(condition)
    .boxed()
}

/// `not`, `and` and `or` over `atoms`, nested up to `depth` deep.
fn conditions(atoms: BoxedStrategy<BoolExpr>, depth: u32) -> BoxedStrategy<BoolExpr> {
    atoms
        .prop_recursive(depth, 32, 3, |inner| {
            prop_oneof![
                inner
                    .clone()
                    .prop_map(|operand| BoolExprKind::Not(Box::new(operand))),
                vec(inner.clone(), 2..4).prop_map(BoolExprKind::And),
                vec(inner, 2..4).prop_map(BoolExprKind::Or),
            ]
            .prop_map(condition)
        })
        .boxed()
}

fn any_condition() -> BoxedStrategy<BoolExpr> {
    conditions(comparison_or_atom(value()), CONDITION_DEPTH)
}

fn statement() -> impl Strategy<Value = Statement> {
    let editor = (editor_name(), arguments(value(), 4)).prop_map(|(name, args)| call(name, args));
    (editor, proptest::option::of(any_condition())).prop_map(|(editor, condition)| Statement {
        editor,
        condition,
        span: Span::default(),
    })
}

// ---- generated trees round-trip ----------------------------------------------------------------

/// Prints `tree`, parses the text and compares the result with `tree`, spans cleared.
fn assert_round_trip<T>(
    tree: &T,
    parse: fn(&str) -> Result<T, Diagnostics>,
) -> Result<(), TestCaseError>
where
    T: ClearSpans + PartialEq + Debug + Display,
{
    let printed = tree.to_string();
    let mut reparsed = match parse(&printed) {
        Ok(reparsed) => reparsed,
        Err(errors) => {
            return Err(TestCaseError::fail(format!(
                "{printed}\nis rejected: {errors}"
            )));
        }
    };
    reparsed.clear_spans();
    prop_assert_eq!(&reparsed, tree, "printed as {}", printed);
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn printed_statement_parses_to_the_same_tree(statement in statement()) {
        assert_round_trip(&statement, parse_statement)?;
    }

    #[test]
    fn printed_condition_parses_to_the_same_tree(condition in any_condition()) {
        assert_round_trip(&condition, parse_condition)?;
    }
}

/// The node kinds a tree holds, and how deep its values and conditions nest.
#[derive(Default)]
struct Coverage {
    kinds: BTreeSet<String>,
    depth: usize,
}

impl Coverage {
    fn saw(&mut self, kind: impl Into<String>, depth: usize) {
        self.kinds.insert(kind.into());
        self.depth = self.depth.max(depth);
    }

    fn statement(&mut self, statement: &Statement) {
        self.call(&statement.editor, 0);
        match &statement.condition {
            Some(condition) => self.condition(condition, 1),
            None => self.saw("statement without where", 0),
        }
    }

    fn call(&mut self, call: &Call, depth: usize) {
        for argument in &call.args {
            if argument.name.is_some() {
                self.saw("named argument", depth);
            }
            match &argument.value {
                ArgumentValue::Expr(value) => self.value(value, depth + 1),
                ArgumentValue::Function(_) => self.saw("function argument", depth),
            }
        }
    }

    fn keys(&mut self, keys: &[Key], owner: &str, depth: usize) {
        for key in keys {
            let shape = match &key.index.kind {
                ExprKind::String(_) => "string",
                ExprKind::Int(_) => "int",
                ExprKind::Path(_) => "path",
                ExprKind::Converter(_) => "converter",
                _ => "math",
            };
            self.saw(format!("{shape} key of a {owner}"), depth);
            self.value(&key.index, depth + 1);
        }
    }

    fn value(&mut self, value: &Expr, depth: usize) {
        self.saw(kind_name(&value.kind), depth);
        match &value.kind {
            ExprKind::Path(path) => {
                for segment in &path.segments {
                    self.keys(&segment.keys, "path", depth);
                }
            }
            ExprKind::Converter(converter) => {
                self.call(&converter.call, depth);
                self.keys(&converter.keys, "converter", depth);
            }
            ExprKind::Unary { op, operand } => {
                self.saw(format!("{op:?}"), depth);
                self.value(operand, depth + 1);
            }
            ExprKind::Sum { first, rest } => {
                self.value(first, depth + 1);
                for (op, operand) in rest {
                    self.saw(format!("{op:?}"), depth);
                    self.value(operand, depth + 1);
                }
            }
            ExprKind::Product { first, rest } => {
                self.value(first, depth + 1);
                for (op, operand) in rest {
                    self.saw(format!("{op:?}"), depth);
                    self.value(operand, depth + 1);
                }
            }
            ExprKind::List(items) => items.iter().for_each(|item| self.value(item, depth + 1)),
            ExprKind::Map(entries) => {
                for entry in entries {
                    self.value(&entry.value, depth + 1);
                }
            }
            ExprKind::Lambda(lambda) => match lambda.body.as_ref() {
                LambdaBody::Value(body) => {
                    self.saw("lambda with a value body", depth);
                    self.value(body, depth + 1);
                }
                LambdaBody::Condition(body) => {
                    self.saw("lambda with a condition body", depth);
                    self.condition(body, depth + 1);
                }
            },
            _ => {}
        }
    }

    fn condition(&mut self, condition: &BoolExpr, depth: usize) {
        match &condition.kind {
            BoolExprKind::Or(operands) | BoolExprKind::And(operands) => {
                let name = if matches!(condition.kind, BoolExprKind::Or(_)) {
                    "Or"
                } else {
                    "And"
                };
                self.saw(name, depth);
                operands
                    .iter()
                    .for_each(|operand| self.condition(operand, depth + 1));
            }
            BoolExprKind::Not(operand) => {
                self.saw("Not", depth);
                self.condition(operand, depth + 1);
            }
            BoolExprKind::Comparison(comparison) => {
                self.saw(format!("{:?}", comparison.op), depth);
                self.value(&comparison.left, depth + 1);
                self.value(&comparison.right, depth + 1);
            }
            BoolExprKind::Constant(_) => self.saw("Constant", depth),
            BoolExprKind::Converter(converter) => {
                self.saw("converter condition", depth);
                self.call(&converter.call, depth);
                self.keys(&converter.keys, "converter", depth);
            }
        }
    }
}

fn kind_name(kind: &ExprKind) -> &'static str {
    match kind {
        ExprKind::Nil => "Nil",
        ExprKind::Bool(_) => "Bool",
        ExprKind::Int(_) => "Int",
        ExprKind::Float(_) => "Float",
        ExprKind::String(_) => "String",
        ExprKind::Bytes(_) => "Bytes",
        ExprKind::Enum(_) => "Enum",
        ExprKind::Path(_) => "Path",
        ExprKind::Converter(_) => "Converter",
        ExprKind::Unary { .. } => "Unary",
        ExprKind::Sum { .. } => "Sum",
        ExprKind::Product { .. } => "Product",
        ExprKind::List(_) => "List",
        ExprKind::Map(_) => "Map",
        ExprKind::Lambda(_) => "Lambda",
    }
}

/// What [`Coverage`] must see in the generated trees.
#[rustfmt::skip]
const NODE_KINDS: &[&str] = &[
    "Nil", "Bool", "Int", "Float", "String", "Bytes", "Enum", "Path", "Converter", "Unary", "Sum",
    "Product", "List", "Map", "Lambda", "lambda with a value body", "lambda with a condition body",
    "Plus", "Minus", "Add", "Sub", "Mul", "Div",
    "Or", "And", "Not", "Constant", "converter condition", "Eq", "Ne", "Lt", "Le", "Gt", "Ge",
    "named argument", "function argument", "statement without where",
    "string key of a path", "int key of a path", "path key of a path", "converter key of a path",
    "math key of a path", "string key of a converter", "int key of a converter",
    "math key of a converter",
];

#[test]
fn generated_trees_hold_every_node_kind_nested_at_least_five_deep() {
    let mut runner = TestRunner::deterministic();
    let mut coverage = Coverage::default();
    let statements = statement();
    let conditions = any_condition();
    for _ in 0..100 {
        let statement = statements
            .new_tree(&mut runner)
            .expect("a statement")
            .current();
        coverage.statement(&statement);
        let condition = conditions
            .new_tree(&mut runner)
            .expect("a condition")
            .current();
        coverage.condition(&condition, 0);
    }
    let missing: Vec<&str> = NODE_KINDS
        .iter()
        .copied()
        .filter(|kind| !coverage.kinds.contains(*kind))
        .collect();
    assert!(missing.is_empty(), "never generated: {missing:?}");
    assert!(
        coverage.depth >= 5,
        "trees nest only {} deep",
        coverage.depth
    );
}

// ---- random text -----------------------------------------------------------------------------

/// Tokens of OTTL and its usual slips, to build text that gets past the first character.
const SOUP: &str = r#"
    set ( ) [ ] { } , . : " \ == = != < >= => and or not where 0x 0x0a 1.5 1 07 e5 - + * /
    attributes body log Concat SPAN_KIND nil true x _ "a" é # // '
"#;

fn token_soup() -> impl Strategy<Value = String> {
    let tokens: Vec<&str> = SOUP.split_whitespace().collect();
    vec((select(tokens), select(&["", " ", "\t", "\n"][..])), 0..40).prop_map(|tokens| {
        tokens
            .into_iter()
            .flat_map(|(token, gap)| [token, gap])
            .collect()
    })
}

/// `source` is rejected with diagnostics inside it, or accepted and round-trips.
fn assert_sound<T>(
    source: &str,
    parse: fn(&str) -> Result<T, Diagnostics>,
) -> Result<(), TestCaseError>
where
    T: ClearSpans + PartialEq + Debug + Display,
{
    match parse(source) {
        Ok(mut tree) => {
            tree.clear_spans();
            assert_round_trip(&tree, parse)
        }
        Err(errors) => {
            for diagnostic in errors.iter() {
                for label in std::iter::once(&diagnostic.primary).chain(&diagnostic.secondary) {
                    let Span { start, end } = label.span;
                    prop_assert!(
                        start <= end
                            && source.is_char_boundary(start)
                            && source.is_char_boundary(end),
                        "{:?}: span {:?} of `{}` is not a range of the input",
                        source,
                        label.span,
                        diagnostic.message
                    );
                }
            }
            Ok(())
        }
    }
}

/// `source` with one edit at a character picked by `at`: a token inserted, or up to three
/// characters removed.
fn edited(source: &str, at: Index, edit: Result<&str, usize>) -> String {
    let chars: Vec<char> = source.chars().collect();
    let (before, after) = chars.split_at(at.index(chars.len() + 1));
    let after: String = match edit {
        Ok(token) => token.chars().chain(after.iter().copied()).collect(),
        Err(removed) => after.iter().skip(removed).collect(),
    };
    before.iter().collect::<String>() + &after
}

fn edit() -> impl Strategy<Value = Result<&'static str, usize>> {
    let tokens: Vec<&str> = SOUP.split_whitespace().collect();
    prop_oneof![select(tokens).prop_map(Ok), (1usize..4).prop_map(Err)]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_text_is_rejected_inside_itself_or_round_trips(source in any::<String>()) {
        assert_sound(&source, parse_statement)?;
        assert_sound(&source, parse_condition)?;
    }

    #[test]
    fn token_soup_is_rejected_inside_itself_or_round_trips(source in token_soup()) {
        assert_sound(&source, parse_statement)?;
        assert_sound(&source, parse_condition)?;
    }

    /// Printed trees with one edit: near-valid text, much of it still accepted, so the printer
    /// sees trees the parser built from text it did not print.
    #[test]
    fn edited_statement_text_is_rejected_inside_itself_or_round_trips(
        statement in statement(),
        at in any::<Index>(),
        edit in edit(),
    ) {
        assert_sound(&edited(&statement.to_string(), at, edit), parse_statement)?;
    }

    #[test]
    fn edited_condition_text_is_rejected_inside_itself_or_round_trips(
        condition in any_condition(),
        at in any::<Index>(),
        edit in edit(),
    ) {
        assert_sound(&edited(&condition.to_string(), at, edit), parse_condition)?;
    }
}

/// A lambda ends only where its body does: a comparison ending in one must stay in parentheses
/// when `and` or `or` follows.
#[test]
fn comparison_ending_in_a_lambda_keeps_its_parentheses_before_and_or() {
    for source in [
        "(a == () => b) and true",
        "(a == () => b == c) or true",
        "not (a == () => b) and true",
    ] {
        let mut tree = parse_condition(source).expect("the parser reads it");
        tree.clear_spans();
        assert_round_trip(&tree, parse_condition)
            .unwrap_or_else(|error| panic!("{source}: {error}"));
    }
}

// ---- nesting ---------------------------------------------------------------------------------

fn assert_too_deep<T: Debug>(source: &str, parse: fn(&str) -> Result<T, Diagnostics>) {
    let errors = parse(source).expect_err("nesting beyond the limit is rejected");
    assert!(
        errors.iter().any(|d| d.code == Code::NestingTooDeep),
        "{source:.40}...: {errors}"
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for opener in ["(", "[", "{"] {
        let source = opener.repeat(100_000);
        assert_too_deep(&source, parse_statement);
        assert_too_deep(&source, parse_condition);
    }
    let calls = format!("set(x, {}1{})", "F(".repeat(100_000), ")".repeat(100_000));
    assert_too_deep(&calls, parse_statement);
    let groups = format!("{}true{}", "not (".repeat(100_000), ")".repeat(100_000));
    assert_too_deep(&groups, parse_condition);
}

#[test]
fn nesting_at_the_limit_parses_and_round_trips() {
    fn check<T>(source: &str, parse: fn(&str) -> Result<T, Diagnostics>)
    where
        T: ClearSpans + PartialEq + Debug + Display,
    {
        let mut tree = parse(source).unwrap_or_else(|errors| panic!("{source}: {errors}"));
        tree.clear_spans();
        assert_round_trip(&tree, parse).expect("the printed tree parses back");
    }
    // The call's parenthesis and 127 brackets: 128 open delimiters, the most allowed.
    check(
        &format!("set(x, {}{})", "[".repeat(127), "]".repeat(127)),
        parse_statement,
    );
    check(
        &format!("{}true{}", "not (".repeat(128), ")".repeat(128)),
        parse_condition,
    );
    check(
        &format!("{}1{} == 1", "-(1 + ".repeat(128), ")".repeat(128)),
        parse_condition,
    );
}
