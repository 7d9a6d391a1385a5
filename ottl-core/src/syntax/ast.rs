//! The abstract syntax tree of OTTL statements and conditions.
//!
//! Every node carries the [`Span`] of the text it was parsed from. Parentheses are not nodes:
//! the tree's shape holds the grouping, and the printer puts parentheses back where the
//! precedence needs them. Operator chains (`a or b or c`, `1 + 2 - 3`) are flat lists, as the
//! reference's grammar has them, so a long chain never makes a deep tree.

use crate::span::Span;

/// An editor call with an optional `where` condition: `set(attributes["a"], 1) where name == "x"`.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// The editor to run.
    pub editor: Call,
    /// The `where` clause; the editor runs only on records where it holds.
    pub condition: Option<BoolExpr>,
    /// The whole statement.
    pub span: Span,
}

/// A name as written in the source: a function, a path segment, an argument or lambda parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ident {
    /// The name.
    pub name: String,
    /// Where it was written.
    pub span: Span,
}

/// A function call without keys: `name(arg, ...)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    /// The function name: lowercase for editors, uppercase for converters.
    pub name: Ident,
    /// The arguments, in order.
    pub args: Vec<Argument>,
    /// From the name to the closing parenthesis.
    pub span: Span,
}

/// A converter call whose result may be indexed: `Split(body, ",")[0]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Converter {
    /// The call itself.
    pub call: Call,
    /// Keys applied to the result, in order.
    pub keys: Vec<Key>,
}

/// One argument of a call, positional or named (`name=value`).
#[derive(Debug, Clone, PartialEq)]
pub struct Argument {
    /// The parameter name, for a named argument.
    pub name: Option<Ident>,
    /// What is passed.
    pub value: ArgumentValue,
    /// The whole argument, name included.
    pub span: Span,
}

/// What an argument passes.
#[derive(Debug, Clone, PartialEq)]
pub enum ArgumentValue {
    /// Any value.
    Expr(Expr),
    /// A function passed by name, such as `Hex` in `Hash(x, Hex)`. All-caps names (`SHA256`)
    /// parse as [`ExprKind::Enum`]; the checker decides which one a parameter wants.
    Function(Ident),
}

/// A condition: what `where` takes, and what filters evaluate.
#[derive(Debug, Clone, PartialEq)]
pub struct BoolExpr {
    /// What kind of condition.
    pub kind: BoolExprKind,
    /// The whole condition.
    pub span: Span,
}

/// The kinds of [`BoolExpr`].
#[derive(Debug, Clone, PartialEq)]
pub enum BoolExprKind {
    /// `a or b or ...`: at least two operands, evaluated left to right until one holds.
    Or(Vec<BoolExpr>),
    /// `a and b and ...`: at least two operands, evaluated left to right until one fails.
    And(Vec<BoolExpr>),
    /// `not a`.
    Not(Box<BoolExpr>),
    /// `left op right`.
    Comparison(Box<Comparison>),
    /// `true` or `false`.
    Constant(bool),
    /// A converter that must return a boolean at run time.
    Converter(Converter),
}

/// A comparison of two values.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The left operand.
    pub left: Expr,
    /// The operator.
    pub op: CompareOp,
    /// Where the operator was written.
    pub op_span: Span,
    /// The right operand.
    pub right: Expr,
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CompareOp {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

/// A value: a literal, a path, a converter call, a math expression, a list, a map or a lambda.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    /// What kind of value.
    pub kind: ExprKind,
    /// The whole expression.
    pub span: Span,
}

/// The kinds of [`Expr`].
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// `nil`.
    Nil,
    /// `true` or `false`.
    Bool(bool),
    /// An integer literal. Never negative: a sign is a [`ExprKind::Unary`] operator, as in the
    /// reference, which matters for parameters that take a literal.
    Int(i64),
    /// A float literal (`1.5`, `.5`, `2.`, `1.5e3`). Never negative, always finite.
    Float(f64),
    /// A string literal, escapes decoded.
    String(String),
    /// A bytes literal (`0x0a1b`); never empty.
    Bytes(Vec<u8>),
    /// An all-caps symbol: an enum such as `SPAN_KIND_SERVER`, or a function passed by name.
    Enum(String),
    /// A path into the record: `attributes["k"]`, `resource.attributes["k"]`, `span.name`.
    Path(Path),
    /// A converter call, possibly indexed.
    Converter(Converter),
    /// `+x` or `-x`.
    Unary {
        /// The sign.
        op: UnaryOp,
        /// What it applies to.
        operand: Box<Expr>,
    },
    /// `a + b - c`: at least one operator. An operand that is itself a `Sum` was written in
    /// parentheses.
    Sum {
        /// The first operand.
        first: Box<Expr>,
        /// The following operators and operands.
        rest: Vec<(AddOp, Expr)>,
    },
    /// `a * b / c`: at least one operator.
    Product {
        /// The first operand.
        first: Box<Expr>,
        /// The following operators and operands.
        rest: Vec<(MulOp, Expr)>,
    },
    /// `[a, b]`.
    List(Vec<Expr>),
    /// `{"k": v}`. Keys may repeat; the last one wins when the map is built.
    Map(Vec<MapEntry>),
    /// `(x, y) => body`.
    Lambda(Lambda),
}

/// A sign in front of a math operand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `+x`: no effect.
    Plus,
    /// `-x`.
    Minus,
}

/// `+` or `-` between operands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AddOp {
    /// `+`
    Add,
    /// `-`
    Sub,
}

/// `*` or `/` between operands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MulOp {
    /// `*`
    Mul,
    /// `/`
    Div,
}

/// A path: dot-separated segments, each with optional keys. The first segment names the
/// context when a `.` follows it and it has no keys (`resource.attributes`).
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    /// The segments, at least one.
    pub segments: Vec<Segment>,
    /// The whole path.
    pub span: Span,
}

impl Path {
    /// The context the path names (`resource` in `resource.attributes["k"]`), if its first
    /// segment can be one: it is followed by another segment and has no keys.
    pub fn context(&self) -> Option<&Ident> {
        match self.segments.as_slice() {
            [first, _, ..] if first.keys.is_empty() => Some(&first.name),
            _ => None,
        }
    }
}

/// One segment of a path: a lowercase name and the keys indexing it.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// The field name.
    pub name: Ident,
    /// `["k"]`, `[0]`, `[expr]`, in order.
    pub keys: Vec<Key>,
}

/// `[index]` after a path segment or a converter call.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    /// A string literal, an int literal, or a math expression (a path, a converter, `1 + 1`)
    /// evaluated per record.
    pub index: Expr,
    /// Brackets included.
    pub span: Span,
}

/// One `"key": value` entry of a map literal.
#[derive(Debug, Clone, PartialEq)]
pub struct MapEntry {
    /// The key, escapes decoded.
    pub key: String,
    /// Where the key's string literal was written.
    pub key_span: Span,
    /// The value.
    pub value: Expr,
}

/// `(x, y) => body`: a function argument evaluated by the function that receives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Lambda {
    /// Parameter names; `_` is a blank parameter.
    pub params: Vec<Ident>,
    /// What the lambda computes.
    pub body: Box<LambdaBody>,
}

/// The body of a [`Lambda`].
#[derive(Debug, Clone, PartialEq)]
pub enum LambdaBody {
    /// A value (which may itself be a boolean converter or literal).
    Value(Expr),
    /// A condition built with a comparison, `and`, `or` or `not`.
    Condition(BoolExpr),
}
