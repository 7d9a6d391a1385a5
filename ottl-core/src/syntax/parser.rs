//! pest glue: runs the grammar and builds the AST from its pairs.
//!
//! Nothing pest-specific leaves this module: callers get AST nodes or [`Diagnostic`]s.

use super::ast::*;
use super::{errors, keys, literal};
use crate::diag::{Code, Diagnostic};
use crate::span::Span;
use pest::Parser as _;
use pest::iterators::{Pair, Pairs};
use std::iter::Peekable;

#[derive(pest_derive::Parser)]
#[grammar = "../../grammar/ottl.pest"]
pub(super) struct OttlParser;

/// Runs the grammar's `rule` over `source`; the pairs of its single top node.
pub(super) fn run(rule: Rule, source: &str) -> Result<Pairs<'_, Rule>, pest::error::Error<Rule>> {
    OttlParser::parse(rule, source)
}

/// Builds AST nodes from pairs, collecting every literal or casing mistake instead of stopping
/// at the first.
pub(super) struct Builder<'s> {
    source: &'s str,
    pub(super) errors: Vec<Diagnostic>,
}

fn span_of(pair: &Pair<'_, Rule>) -> Span {
    let span = pair.as_span();
    Span::new(span.start(), span.end())
}

fn ident(pair: &Pair<'_, Rule>) -> Ident {
    Ident {
        name: pair.as_str().to_owned(),
        span: span_of(pair),
    }
}

impl<'s> Builder<'s> {
    pub(super) fn new(source: &'s str) -> Self {
        Self {
            source,
            errors: Vec::new(),
        }
    }

    /// A name, which must not be a keyword (the grammar leaves that check to us).
    fn name(&mut self, pair: &Pair<'_, Rule>) -> Ident {
        let name = ident(pair);
        if matches!(
            name.name.as_str(),
            "nil" | "not" | "and" | "or" | "true" | "false"
        ) {
            self.errors.push(errors::keyword_as_name(&name));
        }
        name
    }

    pub(super) fn statement(&mut self, pair: Pair<'_, Rule>) -> Statement {
        let mut inner = pair.into_inner();
        let (editor, keys) =
            self.invocation(inner.next().expect("grammar: statement starts with a call"));
        if !editor
            .name
            .name
            .starts_with(|c: char| c.is_ascii_lowercase())
        {
            self.errors.push(errors::converter_as_editor(&editor));
        }
        if let (Some(first), Some(last)) = (keys.first(), keys.last()) {
            self.errors.push(
                Diagnostic::error(
                    Code::IndexedEditor,
                    format!(
                        "the result of editor `{}` cannot be indexed",
                        editor.name.name
                    ),
                    first.span.to(last.span),
                    "keys are only allowed after paths and converters",
                )
                .with_help("remove the keys"),
            );
        }
        let condition = inner
            .find(|p| p.as_rule() == Rule::bool_expr)
            .map(|p| self.bool_expr(p));
        let end = condition
            .as_ref()
            .map(|c| c.span.end)
            .or(keys.last().map(|k| k.span.end))
            .unwrap_or(editor.span.end);
        let span = Span::new(editor.span.start, end);
        Statement {
            editor,
            condition,
            span,
        }
    }

    /// A flat chain `operand (and|or operand)*`, grouped: `or` of `and`s.
    pub(super) fn bool_expr(&mut self, pair: Pair<'_, Rule>) -> BoolExpr {
        let mut alternatives: Vec<Vec<BoolExpr>> = vec![Vec::new()];
        let mut inner = pair.into_inner().peekable();
        while let Some(p) = inner.next() {
            match p.as_rule() {
                Rule::or_keyword => alternatives.push(Vec::new()),
                Rule::and_keyword => {}
                Rule::not_keyword => {
                    let start = p.as_span().start();
                    let operand =
                        self.bool_operand(inner.next().expect("grammar: `not` has an operand"));
                    let span = Span::new(start, operand.span.end);
                    let negation = BoolExpr {
                        kind: BoolExprKind::Not(Box::new(operand)),
                        span,
                    };
                    alternatives
                        .last_mut()
                        .expect("starts with one group")
                        .push(negation);
                }
                _ => {
                    let operand = self.bool_operand(p);
                    alternatives
                        .last_mut()
                        .expect("starts with one group")
                        .push(operand);
                }
            }
        }
        let mut terms: Vec<BoolExpr> = alternatives
            .into_iter()
            .map(|operands| chain(operands, BoolExprKind::And))
            .collect();
        if terms.len() == 1 {
            return terms.remove(0);
        }
        chain(terms, BoolExprKind::Or)
    }

    fn bool_operand(&mut self, pair: Pair<'_, Rule>) -> BoolExpr {
        let span = span_of(&pair);
        let kind = match pair.as_rule() {
            Rule::comparison => BoolExprKind::Comparison(Box::new(self.comparison(pair))),
            Rule::boolean => BoolExprKind::Constant(pair.as_str() == "true"),
            Rule::invocation => BoolExprKind::Converter(self.converter(pair)),
            _ => return self.bool_expr(pair),
        };
        BoolExpr { kind, span }
    }

    fn comparison(&mut self, pair: Pair<'_, Rule>) -> Comparison {
        let mut inner = pair.into_inner();
        let left = self.expr(
            inner
                .next()
                .expect("grammar: comparison has a left operand"),
        );
        let op_pair = inner.next().expect("grammar: comparison has an operator");
        let op = match op_pair.as_str() {
            "==" => CompareOp::Eq,
            "!=" => CompareOp::Ne,
            "<" => CompareOp::Lt,
            "<=" => CompareOp::Le,
            ">" => CompareOp::Gt,
            _ => CompareOp::Ge,
        };
        let right = self.expr(
            inner
                .next()
                .expect("grammar: comparison has a right operand"),
        );
        Comparison {
            left,
            op,
            op_span: span_of(&op_pair),
            right,
        }
    }

    /// Any pair that stands for a value: one of `value`'s alternatives or a math operand.
    pub(super) fn expr(&mut self, pair: Pair<'_, Rule>) -> Expr {
        let span = span_of(&pair);
        let text = pair.as_str();
        let kind = match pair.as_rule() {
            Rule::nil => ExprKind::Nil,
            Rule::boolean => ExprKind::Bool(text == "true"),
            Rule::string => self.recover(literal::unescape(text, span.start), ExprKind::String),
            Rule::bytes => self.recover(literal::bytes(text, span), ExprKind::Bytes),
            Rule::int => self.recover(literal::int(text, span), ExprKind::Int),
            Rule::float => self.recover(literal::float(text, span), ExprKind::Float),
            Rule::enum_symbol => ExprKind::Enum(text.to_owned()),
            Rule::path => ExprKind::Path(self.path(pair)),
            Rule::invocation => ExprKind::Converter(self.converter(pair)),
            Rule::list => ExprKind::List(pair.into_inner().map(|p| self.expr(p)).collect()),
            Rule::map => ExprKind::Map(pair.into_inner().map(|p| self.map_entry(p)).collect()),
            Rule::lambda => ExprKind::Lambda(self.lambda(pair)),
            Rule::math_expr => return self.math_expr(pair),
            rule => unreachable!("grammar: {rule:?} is not a value"),
        };
        Expr { kind, span }
    }

    fn recover<T>(
        &mut self,
        result: Result<T, Diagnostic>,
        kind: impl FnOnce(T) -> ExprKind,
    ) -> ExprKind {
        match result {
            Ok(value) => kind(value),
            Err(diagnostic) => {
                self.errors.push(diagnostic);
                ExprKind::Nil
            }
        }
    }

    /// A flat chain `operand (op operand)*`, grouped: a sum of products.
    fn math_expr(&mut self, pair: Pair<'_, Rule>) -> Expr {
        let mut inner = pair.into_inner().peekable();
        let first = self.math_operand(&mut inner);
        let mut terms: Vec<(AddOp, Expr)> = Vec::new();
        let mut term_op = AddOp::Add;
        let mut factors = (first, Vec::new());
        while let Some(op) = inner.next() {
            let operand = self.math_operand(&mut inner);
            match op.as_str() {
                "*" => factors.1.push((MulOp::Mul, operand)),
                "/" => factors.1.push((MulOp::Div, operand)),
                add => {
                    let (first, rest) = std::mem::replace(&mut factors, (operand, Vec::new()));
                    terms.push((term_op, product(first, rest)));
                    term_op = if add == "+" { AddOp::Add } else { AddOp::Sub };
                }
            }
        }
        terms.push((term_op, product(factors.0, factors.1)));
        let mut terms = terms.into_iter();
        let (_, first) = terms.next().expect("at least one term was pushed");
        let rest: Vec<(AddOp, Expr)> = terms.collect();
        match rest.last() {
            None => first,
            Some((_, last)) => {
                let span = first.span.to(last.span);
                Expr {
                    kind: ExprKind::Sum {
                        first: Box::new(first),
                        rest,
                    },
                    span,
                }
            }
        }
    }

    /// An optionally signed operand of a math chain.
    fn math_operand<'i>(&mut self, inner: &mut Peekable<Pairs<'i, Rule>>) -> Expr {
        let sign = inner.next_if(|p| p.as_rule() == Rule::sign);
        let operand = self.expr(
            inner
                .next()
                .expect("grammar: a math chain has an operand here"),
        );
        match sign {
            None => operand,
            Some(sign) => {
                let op = if sign.as_str() == "-" {
                    UnaryOp::Minus
                } else {
                    UnaryOp::Plus
                };
                let span = Span::new(sign.as_span().start(), operand.span.end);
                Expr {
                    kind: ExprKind::Unary {
                        op,
                        operand: Box::new(operand),
                    },
                    span,
                }
            }
        }
    }

    fn converter(&mut self, pair: Pair<'_, Rule>) -> Converter {
        let (call, keys) = self.invocation(pair);
        if !call.name.name.starts_with(|c: char| c.is_ascii_uppercase()) {
            self.errors.push(errors::editor_as_value(&call));
        }
        Converter { call, keys }
    }

    /// A call and the keys after it; casing is the caller's to check.
    fn invocation(&mut self, pair: Pair<'_, Rule>) -> (Call, Vec<Key>) {
        let mut inner = pair.into_inner();
        let call = inner
            .next()
            .expect("grammar: an invocation starts with a call");
        let span = span_of(&call);
        let mut parts = call.into_inner();
        let name = self.name(&parts.next().expect("grammar: a call has a name"));
        let args = parts.map(|p| self.argument(p)).collect();
        let keys = inner.map(|p| self.key(p)).collect();
        (Call { name, args, span }, keys)
    }

    fn argument(&mut self, pair: Pair<'_, Rule>) -> Argument {
        let span = span_of(&pair);
        let mut inner = pair.into_inner().peekable();
        let name = inner
            .next_if(|p| p.as_rule() == Rule::argument_name)
            .map(|p| self.name(&p));
        let value = inner.next().expect("grammar: an argument has a value");
        let value = match value.as_rule() {
            Rule::function_ref => ArgumentValue::Function(ident(&value)),
            _ => ArgumentValue::Expr(self.expr(value)),
        };
        Argument { name, value, span }
    }

    fn path(&mut self, pair: Pair<'_, Rule>) -> Path {
        let span = span_of(&pair);
        let segments = pair
            .into_inner()
            .map(|segment| {
                let mut inner = segment.into_inner();
                let name = self.name(&inner.next().expect("grammar: a segment has a name"));
                Segment {
                    name,
                    keys: inner.map(|k| self.key(k)).collect(),
                }
            })
            .collect();
        Path { segments, span }
    }

    fn key(&mut self, pair: Pair<'_, Rule>) -> Key {
        let span = span_of(&pair);
        let index = self.expr(
            pair.into_inner()
                .next()
                .expect("grammar: a key has an index"),
        );
        if let ExprKind::Path(path) = &index.kind
            && keys::is_unquoted_key(path)
        {
            self.errors
                .push(errors::unquoted_key(index.span, self.source));
        }
        Key { index, span }
    }

    fn map_entry(&mut self, pair: Pair<'_, Rule>) -> MapEntry {
        let mut inner = pair.into_inner();
        let key_pair = inner.next().expect("grammar: a map entry has a key");
        let key_span = span_of(&key_pair);
        let key =
            literal::unescape(key_pair.as_str(), key_span.start).unwrap_or_else(|diagnostic| {
                self.errors.push(diagnostic);
                String::new()
            });
        let value = self.expr(inner.next().expect("grammar: a map entry has a value"));
        MapEntry {
            key,
            key_span,
            value,
        }
    }

    fn lambda(&mut self, pair: Pair<'_, Rule>) -> Lambda {
        let mut params = Vec::new();
        let mut body = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::lambda_param => params.push(self.name(&p)),
                _ => body = Some(self.lambda_body(p)),
            }
        }
        let body = body.expect("grammar: a lambda has a body");
        Lambda {
            params,
            body: Box::new(body),
        }
    }

    fn lambda_body(&mut self, pair: Pair<'_, Rule>) -> LambdaBody {
        let inner = pair
            .into_inner()
            .next()
            .expect("grammar: a lambda body has one alternative");
        if inner.as_rule() == Rule::bool_expr {
            return LambdaBody::Condition(self.bool_expr(inner));
        }
        let value = self.expr(inner);
        if let ExprKind::Lambda(_) = value.kind {
            self.errors.push(
                Diagnostic::error(
                    Code::LambdaReturnsLambda,
                    "a lambda body cannot be another lambda",
                    value.span,
                    "nested lambda here",
                )
                .with_help("compute a value or a condition in the body"),
            );
        }
        LambdaBody::Value(value)
    }
}

/// Explains why `rule` rejects `source`, parsing again with pest's detailed tracking of what
/// it expected (left off on the first, fast attempt).
pub(super) fn explain_failure(rule: Rule, source: &str) -> Diagnostic {
    pest::set_error_detail(true);
    let result = OttlParser::parse(rule, source);
    pest::set_error_detail(false);
    match result {
        Err(error) => errors::grammar(source, &error),
        // The grammar is deterministic: a second run fails as the first did.
        Ok(_) => Diagnostic::error(
            Code::UnexpectedToken,
            "invalid syntax",
            Span::new(0, source.len()),
            "",
        ),
    }
}

/// `operands` joined by `kind` (`And` or `Or`), or the single operand itself.
fn chain(mut operands: Vec<BoolExpr>, kind: fn(Vec<BoolExpr>) -> BoolExprKind) -> BoolExpr {
    match (operands.first(), operands.last()) {
        (Some(first), Some(last)) if operands.len() > 1 => {
            let span = first.span.to(last.span);
            BoolExpr {
                kind: kind(operands),
                span,
            }
        }
        _ => operands.remove(0),
    }
}

/// `first (op operand)*` as a product, or `first` itself when there is no operator.
fn product(first: Expr, rest: Vec<(MulOp, Expr)>) -> Expr {
    match rest.last() {
        None => first,
        Some((_, last)) => {
            let span = first.span.to(last.span);
            Expr {
                kind: ExprKind::Product {
                    first: Box::new(first),
                    rest,
                },
                span,
            }
        }
    }
}
