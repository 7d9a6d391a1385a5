//! pest glue: runs the grammar and builds the AST from its pairs.
//!
//! Nothing pest-specific leaves this module: callers get AST nodes or [`Diagnostic`]s.

use super::ast::*;
use super::{errors, keys, literal};
use crate::diag::{Code, Diagnostic};
use crate::span::Span;
use pest::Parser as _;
use pest::iterators::{Pair, Pairs};

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

/// The pair's children, without the keyword tokens that only separate them.
fn operands(pair: Pair<'_, Rule>) -> impl Iterator<Item = Pair<'_, Rule>> {
    pair.into_inner()
        .filter(|p| !matches!(p.as_rule(), Rule::or_keyword | Rule::and_keyword))
}

impl<'s> Builder<'s> {
    pub(super) fn new(source: &'s str) -> Self {
        Self {
            source,
            errors: Vec::new(),
        }
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

    pub(super) fn bool_expr(&mut self, pair: Pair<'_, Rule>) -> BoolExpr {
        let span = span_of(&pair);
        let mut terms: Vec<BoolExpr> = operands(pair).map(|p| self.bool_term(p)).collect();
        if terms.len() == 1 {
            return terms.remove(0);
        }
        BoolExpr {
            kind: BoolExprKind::Or(terms),
            span,
        }
    }

    fn bool_term(&mut self, pair: Pair<'_, Rule>) -> BoolExpr {
        let span = span_of(&pair);
        let mut factors: Vec<BoolExpr> = operands(pair).map(|p| self.bool_factor(p)).collect();
        if factors.len() == 1 {
            return factors.remove(0);
        }
        BoolExpr {
            kind: BoolExprKind::And(factors),
            span,
        }
    }

    fn bool_factor(&mut self, pair: Pair<'_, Rule>) -> BoolExpr {
        let span = span_of(&pair);
        let mut inner = pair.into_inner().peekable();
        let negated = inner
            .next_if(|p| p.as_rule() == Rule::not_keyword)
            .is_some();
        let operand = inner.next().expect("grammar: a factor has an operand");
        let operand_span = span_of(&operand);
        let kind = match operand.as_rule() {
            Rule::comparison => BoolExprKind::Comparison(Box::new(self.comparison(operand))),
            Rule::boolean => BoolExprKind::Constant(operand.as_str() == "true"),
            Rule::invocation => BoolExprKind::Converter(self.converter(operand)),
            _ => self.bool_expr(operand).kind,
        };
        let operand = BoolExpr {
            kind,
            span: operand_span,
        };
        if negated {
            BoolExpr {
                kind: BoolExprKind::Not(Box::new(operand)),
                span,
            }
        } else {
            operand
        }
    }

    fn comparison(&mut self, pair: Pair<'_, Rule>) -> Comparison {
        let mut inner = pair.into_inner();
        let left = self.value(
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
        let right = self.value(
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

    fn value(&mut self, pair: Pair<'_, Rule>) -> Expr {
        let inner = pair
            .into_inner()
            .next()
            .expect("grammar: a value has one alternative");
        self.expr(inner)
    }

    /// Any pair that stands for a value: a `value`'s alternative or a math operand.
    fn expr(&mut self, pair: Pair<'_, Rule>) -> Expr {
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
            Rule::list => ExprKind::List(pair.into_inner().map(|p| self.value(p)).collect()),
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

    fn math_expr(&mut self, pair: Pair<'_, Rule>) -> Expr {
        let span = span_of(&pair);
        let mut inner = pair.into_inner();
        let first = self.math_term(inner.next().expect("grammar: a sum has a first term"));
        let mut rest = Vec::new();
        while let (Some(op), Some(term)) = (inner.next(), inner.next()) {
            let op = if op.as_str() == "+" {
                AddOp::Add
            } else {
                AddOp::Sub
            };
            rest.push((op, self.math_term(term)));
        }
        if rest.is_empty() {
            return first;
        }
        Expr {
            kind: ExprKind::Sum {
                first: Box::new(first),
                rest,
            },
            span,
        }
    }

    fn math_term(&mut self, pair: Pair<'_, Rule>) -> Expr {
        let span = span_of(&pair);
        let mut inner = pair.into_inner();
        let first = self.math_factor(inner.next().expect("grammar: a product has a first factor"));
        let mut rest = Vec::new();
        while let (Some(op), Some(factor)) = (inner.next(), inner.next()) {
            let op = if op.as_str() == "*" {
                MulOp::Mul
            } else {
                MulOp::Div
            };
            rest.push((op, self.math_factor(factor)));
        }
        if rest.is_empty() {
            return first;
        }
        Expr {
            kind: ExprKind::Product {
                first: Box::new(first),
                rest,
            },
            span,
        }
    }

    fn math_factor(&mut self, pair: Pair<'_, Rule>) -> Expr {
        let span = span_of(&pair);
        let mut inner = pair.into_inner().peekable();
        let sign = inner.next_if(|p| p.as_rule() == Rule::sign);
        let operand = self.expr(inner.next().expect("grammar: a factor has an operand"));
        match sign {
            None => operand,
            Some(sign) => {
                let op = if sign.as_str() == "-" {
                    UnaryOp::Minus
                } else {
                    UnaryOp::Plus
                };
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
        let name = ident(&parts.next().expect("grammar: a call has a name"));
        let args = parts.map(|p| self.argument(p)).collect();
        let keys = inner.map(|p| self.key(p)).collect();
        (Call { name, args, span }, keys)
    }

    fn argument(&mut self, pair: Pair<'_, Rule>) -> Argument {
        let span = span_of(&pair);
        let mut inner = pair.into_inner().peekable();
        let name = inner
            .next_if(|p| p.as_rule() == Rule::argument_name)
            .map(|p| ident(&p));
        let value = inner.next().expect("grammar: an argument has a value");
        let value = match value.as_rule() {
            Rule::function_ref => ArgumentValue::Function(ident(&value)),
            _ => ArgumentValue::Expr(self.value(value)),
        };
        Argument { name, value, span }
    }

    fn path(&mut self, pair: Pair<'_, Rule>) -> Path {
        let span = span_of(&pair);
        let segments = pair
            .into_inner()
            .map(|segment| {
                let mut inner = segment.into_inner();
                let name = ident(&inner.next().expect("grammar: a segment has a name"));
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
        let value = self.value(inner.next().expect("grammar: a map entry has a value"));
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
                Rule::lambda_param => params.push(ident(&p)),
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
        let value = self.value(inner);
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
