//! OTTL text to a spanned AST, and back.
//!
//! [`parse_statement`] and [`parse_condition`] turn source text into [`Statement`] and
//! [`BoolExpr`] trees whose every node carries the [`Span`](crate::span::Span) it came from, or
//! into [`Diagnostics`] that locate and explain every mistake. The AST's `Display` prints
//! canonical source text that parses back to the same tree.
//!
//! ```
//! use ottl_core::syntax::parse_statement;
//!
//! let statement = parse_statement(r#"set(attributes["env"],"prod")where name=="api""#)?;
//! assert_eq!(statement.editor.name.name, "set");
//! assert_eq!(statement.to_string(), r#"set(attributes["env"], "prod") where name == "api""#);
//! # Ok::<(), ottl_core::diag::Diagnostics>(())
//! ```

mod ast;
mod errors;
mod keys;
mod lexical;
mod literal;
mod parser;
mod printer;
mod spans;
mod visit;

pub use ast::*;
pub use spans::ClearSpans;
pub use visit::{
    condition_enums, condition_functions, condition_paths, statement_enums, statement_functions,
    statement_paths,
};

use crate::diag::Diagnostics;
use parser::{Builder, Rule};

/// Parses one statement: an editor call with an optional `where` condition.
pub fn parse_statement(source: &str) -> Result<Statement, Diagnostics> {
    parse(source, Rule::statement, |builder, pair| {
        builder.statement(pair)
    })
}

/// Parses one standalone condition, as filters and `where` clauses take.
pub fn parse_condition(source: &str) -> Result<BoolExpr, Diagnostics> {
    parse(source, Rule::condition, |builder, pair| {
        builder.bool_expr(pair)
    })
}

/// Parses one standalone value expression (`attributes["size"] * 2`, `Concat([a, b], "-")`),
/// as components that compute values from records take (the reference's
/// `ParseValueExpression`).
///
/// ```
/// let expr = ottl_core::syntax::parse_value(r#"Len(attributes["tags"]) + 1"#);
/// assert!(expr.is_ok());
/// assert!(ottl_core::syntax::parse_value("set(x, 1) where").is_err());
/// ```
pub fn parse_value(source: &str) -> Result<Expr, Diagnostics> {
    parse(source, Rule::value_expression, |builder, pair| {
        builder.expr(pair)
    })
}

/// Parses each statement of `sources`, reporting the mistakes of all of them.
///
/// The spans of each statement are relative to its own text; the diagnostics are returned in
/// statement order, each paired with the index of the statement it belongs to.
pub fn parse_statements<'a>(
    sources: impl IntoIterator<Item = &'a str>,
) -> Result<Vec<Statement>, Vec<(usize, Diagnostics)>> {
    let mut statements = Vec::new();
    let mut failures = Vec::new();
    for (index, source) in sources.into_iter().enumerate() {
        match parse_statement(source) {
            Ok(statement) => statements.push(statement),
            Err(diagnostics) => failures.push((index, diagnostics)),
        }
    }
    if failures.is_empty() {
        Ok(statements)
    } else {
        Err(failures)
    }
}

/// Runs the lexical checks, then the grammar's `rule`, then `build` over its single node.
fn parse<T>(
    source: &str,
    rule: Rule,
    build: impl FnOnce(&mut Builder<'_>, pest::iterators::Pair<'_, Rule>) -> T,
) -> Result<T, Diagnostics> {
    lexical::scan(source)?;
    let mut pairs = match parser::run(rule, source) {
        Ok(pairs) => pairs,
        Err(_) => return Err(parser::explain_failure(rule, source).into()),
    };
    let top = pairs
        .next()
        .expect("grammar: an entry rule yields one pair");
    let mut builder = Builder::new(source);
    let node = match rule {
        Rule::statement => build(&mut builder, top),
        _ => {
            let inner = top
                .into_inner()
                .next()
                .expect("grammar: a condition or value expression holds one node");
            build(&mut builder, inner)
        }
    };
    if builder.errors.is_empty() {
        Ok(node)
    } else {
        Err(Diagnostics(builder.errors))
    }
}
