//! XPath as antchfx/xpath reads it (the reference's XPath engine), evaluated over a
//! [`Document`] with xmlquery's view of it.
//!
//! The grammar is antchfx's (XPath 1.0 plus a few 2.0 functions; tokens after a complete
//! expression are ignored, as there); an expression it refuses is refused here when the
//! statement compiles. The view follows xmlquery's navigator: moving to a next or previous
//! sibling skips whitespace-only text (the first child is always seen), CDATA and directives
//! are text nodes, processing instructions are elements, the root's string value is empty.
//! Steps yield their nodes in the engine's order (ancestors nearest first; preceding nodes by
//! sibling, nearest first, each sibling's subtree in document order; `//x` in document order;
//! a union left then right), which decides the order of `GetXML`'s output.

use super::decode::{is_name_char, is_name_start};
use super::tree::{Document, Kind, NodeId, ROOT};
use ottl_core::text::{go_int_of_float, parse_go_float};
use regex::Regex;

/// A node as the navigator sees it: a tree node, or one attribute of an element.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct NodeRef {
    pub(crate) id: NodeId,
    pub(crate) attr: Option<usize>,
}

impl NodeRef {
    fn node(id: NodeId) -> Self {
        Self { id, attr: None }
    }
}

/// The node types name tests distinguish.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NodeType {
    Root,
    Element,
    Attribute,
    Text,
    Comment,
    All,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Axis {
    Ancestor,
    AncestorOrSelf,
    Attribute,
    Child,
    Descendant,
    DescendantOrSelf,
    Following,
    FollowingSibling,
    Parent,
    Preceding,
    PrecedingSibling,
    /// `self::`.
    Own,
}

#[derive(Clone, Debug)]
struct Test {
    node_type: NodeType,
    local: String,
    prefix: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Union,
}

#[derive(Clone, Debug)]
enum Expr {
    Root,
    Context,
    Step {
        axis: Axis,
        test: Test,
        input: Box<Expr>,
    },
    Filter {
        input: Box<Expr>,
        predicate: Box<Expr>,
    },
    Number(f64),
    Literal(String),
    Binary(Op, Box<Expr>, Box<Expr>),
    Call(Func, Vec<Expr>),
    /// `( expr )`: a predicate after it filters the whole set, in document order.
    Group(Box<Expr>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Func {
    LowerCase,
    StartsWith,
    EndsWith,
    Contains,
    Matches,
    Substring,
    SubstringBefore,
    SubstringAfter,
    StringLength,
    NormalizeSpace,
    Replace,
    Translate,
    Not,
    Name,
    LocalName,
    NamespaceUri,
    True,
    False,
    Last,
    Position,
    Boolean,
    Number,
    String,
    Count,
    Sum,
    Ceiling,
    Floor,
    Round,
    Concat,
    Reverse,
    StringJoin,
}

/// A compiled XPath expression.
#[derive(Clone, Debug)]
pub(crate) struct XPath {
    expr: Expr,
}

/// The deepest nesting of parentheses, predicates and function arguments (antchfx's limit).
const MAX_NESTING: usize = 200;

impl XPath {
    /// Compiles `text`; the error says why antchfx/xpath would refuse it.
    pub(crate) fn compile(text: &str) -> Result<Self, String> {
        if text.is_empty() {
            return Err("expr expression is nil".to_owned());
        }
        let mut parser = Parser {
            scanner: Scanner::new(text)?,
            depth: 0,
        };
        let expr = parser.expression()?;
        check(&expr, 0)?;
        Ok(Self { expr })
    }

    /// The nodes the expression selects in `doc`, from its root; nothing when the expression
    /// is not a node set (`count(//a)`), as xmlquery's `QueryAll` gives.
    pub(crate) fn select(&self, doc: &Document) -> Result<Vec<NodeRef>, String> {
        let eval = Eval { doc };
        let root = NodeRef::node(ROOT);
        let context = Context {
            node: root,
            position: 1,
            size: 1,
        };
        match eval.eval(&self.expr, &context)? {
            Value::Nodes(nodes) => Ok(nodes),
            _ => Ok(Vec::new()),
        }
    }
}

fn check(expr: &Expr, depth: usize) -> Result<(), String> {
    // antchfx refuses expressions nested more than 1024 deep (a path of more than 1024 steps).
    if depth > 1024 {
        return Err("the xpath expressions is too complex".to_owned());
    }
    match expr {
        Expr::Step { input, .. } => check(input, depth + 1),
        Expr::Filter { input, predicate } => {
            check(input, depth + 1)?;
            check(predicate, depth + 1)
        }
        Expr::Binary(_, left, right) => {
            check(left, depth + 1)?;
            check(right, depth + 1)
        }
        Expr::Call(Func::Matches | Func::Replace, args) => {
            if let Some(Expr::Literal(pattern)) = args.get(1) {
                Regex::new(pattern).map_err(|e| format!("matches() got error. {e}"))?;
            }
            args.iter().try_for_each(|a| check(a, depth + 1))
        }
        Expr::Call(_, args) => args.iter().try_for_each(|a| check(a, depth + 1)),
        Expr::Group(inner) => check(inner, depth + 1),
        _ => Ok(()),
    }
}

// ---- Scanner -------------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
enum Item {
    Comma,
    Slash,
    SlashSlash,
    At,
    Dot,
    DotDot,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Star,
    Plus,
    Minus,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Bang,
    Dollar,
    Union,
    /// A name, with its prefix; `call` when `(` follows.
    Name {
        prefix: String,
        name: String,
        call: bool,
    },
    Axis(String),
    String(String),
    Number(f64),
    Eof,
}

impl Item {
    /// The token in words, for messages.
    fn describe(&self) -> String {
        let symbol = match self {
            Item::Comma => ",",
            Item::Slash => "/",
            Item::SlashSlash => "//",
            Item::At => "@",
            Item::Dot => ".",
            Item::DotDot => "..",
            Item::LParen => "(",
            Item::RParen => ")",
            Item::LBracket => "[",
            Item::RBracket => "]",
            Item::Star => "*",
            Item::Plus => "+",
            Item::Minus => "-",
            Item::Eq => "=",
            Item::Ne => "!=",
            Item::Lt => "<",
            Item::Le => "<=",
            Item::Gt => ">",
            Item::Ge => ">=",
            Item::Bang => "!",
            Item::Dollar => "$",
            Item::Union => "|",
            Item::Name { prefix, name, .. } if prefix.is_empty() => return format!("`{name}`"),
            Item::Name { prefix, name, .. } => return format!("`{prefix}:{name}`"),
            Item::Axis(name) => return format!("`{name}::`"),
            Item::String(text) => return format!("the string {text:?}"),
            Item::Number(n) => return format!("the number {n}"),
            Item::Eof => return "the end of the expression".to_owned(),
        };
        format!("`{symbol}`")
    }
}

struct Scanner {
    chars: Vec<char>,
    pos: usize,
    item: Item,
    /// Tokens read so far: an expression of more than [`MAX_TOKENS`] is refused, which bounds
    /// the size (and so the depth) of its tree.
    tokens: usize,
}

/// The most tokens an expression may have.
const MAX_TOKENS: usize = 2048;

impl Scanner {
    fn new(text: &str) -> Result<Self, String> {
        let mut scanner = Self {
            chars: text.chars().collect(),
            pos: 0,
            item: Item::Eof,
            tokens: 0,
        };
        scanner.next()?;
        Ok(scanner)
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }

    fn invalid(&self) -> String {
        format!(
            "{} has an invalid token.",
            self.chars.iter().collect::<String>()
        )
    }

    fn name(&mut self) -> String {
        let from = self.pos;
        while self.peek().is_some_and(is_xpath_name) {
            self.pos += 1;
        }
        self.chars[from..self.pos].iter().collect()
    }

    fn number(&mut self) -> f64 {
        let from = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        if self.peek() == Some('.') {
            self.pos += 1;
            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.pos += 1;
            }
        }
        let text: String = self.chars[from..self.pos].iter().collect();
        text.parse().unwrap_or(f64::NAN)
    }

    fn next(&mut self) -> Result<(), String> {
        self.tokens += 1;
        if self.tokens > MAX_TOKENS {
            return Err("the xpath expressions is too complex".to_owned());
        }
        self.skip_space();
        let Some(c) = self.peek() else {
            self.item = Item::Eof;
            return Ok(());
        };
        let two = |s: &mut Self, second: char, one: Item, both: Item| {
            s.pos += 1;
            if s.peek() == Some(second) {
                s.pos += 1;
                both
            } else {
                one
            }
        };
        self.item = match c {
            ',' | '@' | '(' | ')' | '|' | '*' | '[' | ']' | '+' | '-' | '=' | '$' => {
                self.pos += 1;
                match c {
                    ',' => Item::Comma,
                    '@' => Item::At,
                    '(' => Item::LParen,
                    ')' => Item::RParen,
                    '|' => Item::Union,
                    '*' => Item::Star,
                    '[' => Item::LBracket,
                    ']' => Item::RBracket,
                    '+' => Item::Plus,
                    '-' => Item::Minus,
                    '=' => Item::Eq,
                    _ => Item::Dollar,
                }
            }
            '<' => two(self, '=', Item::Lt, Item::Le),
            '>' => two(self, '=', Item::Gt, Item::Ge),
            '!' => two(self, '=', Item::Bang, Item::Ne),
            '/' => two(self, '/', Item::Slash, Item::SlashSlash),
            '.' => {
                self.pos += 1;
                match self.peek() {
                    Some('.') => {
                        self.pos += 1;
                        Item::DotDot
                    }
                    Some(d) if d.is_ascii_digit() => {
                        self.pos -= 1;
                        Item::Number(self.number())
                    }
                    _ => Item::Dot,
                }
            }
            '"' | '\'' => {
                self.pos += 1;
                let from = self.pos;
                while self.peek() != Some(c) {
                    if self.peek().is_none() {
                        return Err("xpath: scanString got unclosed string".to_owned());
                    }
                    self.pos += 1;
                }
                let text = self.chars[from..self.pos].iter().collect();
                self.pos += 1;
                Item::String(text)
            }
            d if d.is_ascii_digit() => Item::Number(self.number()),
            n if is_xpath_name(n) => {
                let mut name = self.name();
                let mut prefix = String::new();
                let mut axis = false;
                if self.peek() == Some(':') {
                    self.pos += 1;
                    if self.peek() == Some(':') {
                        self.pos += 1;
                        axis = true;
                    } else {
                        prefix = name;
                        if self.peek() == Some('*') {
                            self.pos += 1;
                            name = "*".to_owned();
                        } else if self.peek().is_some_and(is_xpath_name) {
                            name = self.name();
                        } else {
                            return Err(format!(
                                "{} has an invalid qualified name.",
                                self.chars.iter().collect::<String>()
                            ));
                        }
                    }
                } else {
                    self.skip_space();
                    if self.peek() == Some(':') {
                        self.pos += 1;
                        if self.peek() == Some(':') {
                            self.pos += 1;
                            axis = true;
                        } else {
                            return Err(format!(
                                "{} has an invalid qualified name.",
                                self.chars.iter().collect::<String>()
                            ));
                        }
                    }
                }
                self.skip_space();
                if axis {
                    Item::Axis(name)
                } else {
                    Item::Name {
                        prefix,
                        name,
                        call: self.peek() == Some('('),
                    }
                }
            }
            _ => return Err(self.invalid()),
        };
        Ok(())
    }
}

fn is_xpath_name(c: char) -> bool {
    c != ':' && c != '/' && (is_name_start(c) || is_name_char(c) || c == '*')
}

// ---- Parser --------------------------------------------------------------------------------

struct Parser {
    scanner: Scanner,
    depth: usize,
}

fn is_node_type(item: &Item) -> bool {
    matches!(item, Item::Name { prefix, name, .. }
        if prefix.is_empty() && matches!(name.as_str(), "node" | "text" | "processing-instruction" | "comment"))
}

impl Parser {
    fn item(&self) -> &Item {
        &self.scanner.item
    }

    fn advance(&mut self) -> Result<(), String> {
        self.scanner.next()
    }

    fn expect(&mut self, item: Item) -> Result<(), String> {
        if *self.item() != item {
            return Err(format!(
                "expected {} but found {}",
                item.describe(),
                self.item().describe()
            ));
        }
        self.advance()
    }

    fn is_op(&self, op: &str) -> bool {
        matches!(self.item(), Item::Name { prefix, name, .. } if prefix.is_empty() && name == op)
    }

    fn expression(&mut self) -> Result<Expr, String> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err("the xpath query is too complex(depth > 200)".to_owned());
        }
        let expr = self.or()?;
        self.depth -= 1;
        Ok(expr)
    }

    fn or(&mut self) -> Result<Expr, String> {
        let mut left = self.and()?;
        while self.is_op("or") {
            self.advance()?;
            left = Expr::Binary(Op::Or, Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr, String> {
        let mut left = self.equality()?;
        while self.is_op("and") {
            self.advance()?;
            left = Expr::Binary(Op::And, Box::new(left), Box::new(self.equality()?));
        }
        Ok(left)
    }

    fn equality(&mut self) -> Result<Expr, String> {
        let mut left = self.relational()?;
        loop {
            let op = match self.item() {
                Item::Eq => Op::Eq,
                Item::Ne => Op::Ne,
                _ => return Ok(left),
            };
            self.advance()?;
            left = Expr::Binary(op, Box::new(left), Box::new(self.relational()?));
        }
    }

    fn relational(&mut self) -> Result<Expr, String> {
        let mut left = self.additive()?;
        loop {
            let op = match self.item() {
                Item::Lt => Op::Lt,
                Item::Le => Op::Le,
                Item::Gt => Op::Gt,
                Item::Ge => Op::Ge,
                _ => return Ok(left),
            };
            self.advance()?;
            left = Expr::Binary(op, Box::new(left), Box::new(self.additive()?));
        }
    }

    fn additive(&mut self) -> Result<Expr, String> {
        let mut left = self.multiplicative()?;
        loop {
            let op = match self.item() {
                Item::Plus => Op::Add,
                Item::Minus => Op::Sub,
                _ => return Ok(left),
            };
            self.advance()?;
            left = Expr::Binary(op, Box::new(left), Box::new(self.multiplicative()?));
        }
    }

    fn multiplicative(&mut self) -> Result<Expr, String> {
        let mut left = self.unary()?;
        loop {
            let op = if *self.item() == Item::Star {
                Op::Mul
            } else if self.is_op("div") {
                Op::Div
            } else if self.is_op("mod") {
                Op::Mod
            } else {
                return Ok(left);
            };
            self.advance()?;
            left = Expr::Binary(op, Box::new(left), Box::new(self.unary()?));
        }
    }

    fn unary(&mut self) -> Result<Expr, String> {
        let mut minus = false;
        while *self.item() == Item::Minus {
            self.advance()?;
            minus = !minus;
        }
        let expr = self.union()?;
        Ok(if minus {
            Expr::Binary(Op::Mul, Box::new(expr), Box::new(Expr::Number(-1.0)))
        } else {
            expr
        })
    }

    fn union(&mut self) -> Result<Expr, String> {
        let mut left = self.path()?;
        while *self.item() == Item::Union {
            self.advance()?;
            left = Expr::Binary(Op::Union, Box::new(left), Box::new(self.path()?));
        }
        Ok(left)
    }

    fn is_primary(&self) -> bool {
        match self.item() {
            Item::String(_) | Item::Number(_) | Item::Dollar | Item::LParen => true,
            Item::Name { call, .. } => *call && !is_node_type(self.item()),
            _ => false,
        }
    }

    fn path(&mut self) -> Result<Expr, String> {
        if !self.is_primary() {
            return self.location_path();
        }
        let mut expr = self.primary()?;
        if *self.item() == Item::LBracket {
            let predicate = self.predicate()?;
            expr = Expr::Filter {
                input: Box::new(expr),
                predicate: Box::new(predicate),
            };
        }
        match self.item() {
            Item::Slash => {
                self.advance()?;
                self.relative_path(expr)
            }
            Item::SlashSlash => {
                self.advance()?;
                self.relative_path(descendant_or_self(expr))
            }
            _ => Ok(expr),
        }
    }

    fn predicate(&mut self) -> Result<Expr, String> {
        self.expect(Item::LBracket)?;
        let expr = self.expression()?;
        self.expect(Item::RBracket)?;
        Ok(expr)
    }

    fn location_path(&mut self) -> Result<Expr, String> {
        match self.item() {
            Item::Slash => {
                self.advance()?;
                if matches!(
                    self.item(),
                    Item::Dot
                        | Item::DotDot
                        | Item::At
                        | Item::Axis(_)
                        | Item::Star
                        | Item::Name { .. }
                ) {
                    self.relative_path(Expr::Root)
                } else {
                    Ok(Expr::Root)
                }
            }
            Item::SlashSlash => {
                self.advance()?;
                self.relative_path(descendant_or_self(Expr::Root))
            }
            _ => self.relative_path(Expr::Context),
        }
    }

    fn relative_path(&mut self, input: Expr) -> Result<Expr, String> {
        let mut expr = input;
        loop {
            expr = self.step(expr)?;
            match self.item() {
                Item::SlashSlash => {
                    self.advance()?;
                    expr = descendant_or_self(expr);
                }
                Item::Slash => self.advance()?,
                _ => return Ok(expr),
            }
        }
    }

    fn step(&mut self, input: Expr) -> Result<Expr, String> {
        let mut expr;
        if matches!(self.item(), Item::Dot | Item::DotDot) {
            let axis = if *self.item() == Item::Dot {
                Axis::Own
            } else {
                Axis::Parent
            };
            expr = Expr::Step {
                axis,
                test: any_node(),
                input: Box::new(input),
            };
            self.advance()?;
            if *self.item() != Item::LBracket {
                return Ok(expr);
            }
        } else {
            let mut axis = Axis::Child;
            match self.item().clone() {
                Item::At => {
                    axis = Axis::Attribute;
                    self.advance()?;
                }
                Item::Axis(name) => {
                    axis = match name.as_str() {
                        "ancestor" => Axis::Ancestor,
                        "ancestor-or-self" => Axis::AncestorOrSelf,
                        "attribute" => Axis::Attribute,
                        "child" => Axis::Child,
                        "descendant" => Axis::Descendant,
                        "descendant-or-self" => Axis::DescendantOrSelf,
                        "following" => Axis::Following,
                        "following-sibling" => Axis::FollowingSibling,
                        "parent" => Axis::Parent,
                        "preceding" => Axis::Preceding,
                        "preceding-sibling" => Axis::PrecedingSibling,
                        "self" => Axis::Own,
                        // antchfx builds no query for it: the expression is refused (or
                        // fails when it runs, nested in another step).
                        "namespace" => return Err("the namespace axis is not supported".to_owned()),
                        other => return Err(format!("unknown axe type: {other}")),
                    };
                    self.advance()?;
                }
                Item::LParen => return self.sequence(input),
                _ => {}
            }
            let test = self.node_test(axis)?;
            expr = Expr::Step {
                axis,
                test,
                input: Box::new(input),
            };
        }
        while *self.item() == Item::LBracket {
            let predicate = self.predicate()?;
            expr = Expr::Filter {
                input: Box::new(expr),
                predicate: Box::new(predicate),
            };
        }
        Ok(expr)
    }

    /// `(step, step, …)`: a union of steps from the same input.
    fn sequence(&mut self, input: Expr) -> Result<Expr, String> {
        self.expect(Item::LParen)?;
        let mut expr = self.step(input.clone())?;
        while *self.item() == Item::Comma {
            self.advance()?;
            let next = self.step(input.clone())?;
            expr = Expr::Binary(Op::Union, Box::new(expr), Box::new(next));
        }
        self.expect(Item::RParen)?;
        Ok(expr)
    }

    fn node_test(&mut self, axis: Axis) -> Result<Test, String> {
        let principal = if axis == Axis::Attribute {
            NodeType::Attribute
        } else {
            NodeType::Element
        };
        match self.item().clone() {
            Item::Name { prefix, name, call } if call && is_node_type(self.item()) => {
                let _ = prefix;
                self.advance()?;
                self.expect(Item::LParen)?;
                let mut local = String::new();
                if name == "processing-instruction" && *self.item() != Item::RParen {
                    let Item::String(literal) = self.item().clone() else {
                        return Err(format!(
                            "expected a string literal but found {}",
                            self.item().describe()
                        ));
                    };
                    local = literal;
                    self.advance()?;
                }
                self.expect(Item::RParen)?;
                let node_type = match name.as_str() {
                    "comment" => NodeType::Comment,
                    "text" => NodeType::Text,
                    "node" => NodeType::All,
                    _ => principal,
                };
                Ok(Test {
                    node_type,
                    local,
                    prefix: String::new(),
                })
            }
            Item::Name { prefix, name, .. } => {
                self.advance()?;
                Ok(Test {
                    node_type: principal,
                    local: if name == "*" { String::new() } else { name },
                    prefix,
                })
            }
            Item::Star => {
                self.advance()?;
                Ok(Test {
                    node_type: principal,
                    local: String::new(),
                    prefix: String::new(),
                })
            }
            other => Err(format!(
                "expected a step (a name, `*`, `@`, `.`, `..` or a node test) but found {}",
                other.describe()
            )),
        }
    }

    fn primary(&mut self) -> Result<Expr, String> {
        match self.item().clone() {
            Item::String(text) => {
                self.advance()?;
                Ok(Expr::Literal(text))
            }
            Item::Number(n) => {
                self.advance()?;
                Ok(Expr::Number(n))
            }
            Item::Dollar => Err("undeclared variable in XPath expression".to_owned()),
            Item::LParen => {
                self.advance()?;
                let expr = self.expression()?;
                self.expect(Item::RParen)?;
                Ok(match expr {
                    Expr::Number(_) | Expr::Literal(_) => expr,
                    other => Expr::Group(Box::new(other)),
                })
            }
            Item::Name { name, .. } => self.call(&name),
            other => Err(format!(
                "expected an expression but found {}",
                other.describe()
            )),
        }
    }

    fn call(&mut self, name: &str) -> Result<Expr, String> {
        self.advance()?;
        self.expect(Item::LParen)?;
        let mut args = Vec::new();
        if *self.item() != Item::RParen {
            loop {
                args.push(self.expression()?);
                if *self.item() == Item::RParen {
                    break;
                }
                self.expect(Item::Comma)?;
            }
        }
        self.expect(Item::RParen)?;
        let (func, min, max) = match name {
            "lower-case" => (Func::LowerCase, 1, usize::MAX),
            "starts-with" => (Func::StartsWith, 2, usize::MAX),
            "ends-with" => (Func::EndsWith, 2, usize::MAX),
            "contains" => (Func::Contains, 2, usize::MAX),
            "matches" => (Func::Matches, 2, 2),
            "substring" => (Func::Substring, 2, usize::MAX),
            "substring-before" => (Func::SubstringBefore, 2, 2),
            "substring-after" => (Func::SubstringAfter, 2, 2),
            "string-length" => (Func::StringLength, 1, usize::MAX),
            "normalize-space" => (Func::NormalizeSpace, 0, usize::MAX),
            "replace" => (Func::Replace, 3, 3),
            "translate" => (Func::Translate, 3, 3),
            "not" => (Func::Not, 1, usize::MAX),
            "name" => (Func::Name, 0, 1),
            "local-name" => (Func::LocalName, 0, 1),
            "namespace-uri" => (Func::NamespaceUri, 0, 1),
            "true" => (Func::True, 0, usize::MAX),
            "false" => (Func::False, 0, usize::MAX),
            "last" => (Func::Last, 0, usize::MAX),
            "position" => (Func::Position, 0, usize::MAX),
            "boolean" => (Func::Boolean, 0, 1),
            "number" => (Func::Number, 0, 1),
            "string" => (Func::String, 0, 1),
            "count" => (Func::Count, 1, usize::MAX),
            "sum" => (Func::Sum, 1, usize::MAX),
            "ceiling" => (Func::Ceiling, 1, usize::MAX),
            "floor" => (Func::Floor, 1, usize::MAX),
            "round" => (Func::Round, 1, usize::MAX),
            "concat" => (Func::Concat, 2, usize::MAX),
            "reverse" => (Func::Reverse, 1, usize::MAX),
            "string-join" => (Func::StringJoin, 2, 2),
            other => return Err(format!("unknown XPath function {other}()")),
        };
        if args.len() < min || args.len() > max {
            return Err(format!("wrong number of arguments for {name}()"));
        }
        Ok(Expr::Call(func, args))
    }
}

fn any_node() -> Test {
    Test {
        node_type: NodeType::All,
        local: String::new(),
        prefix: String::new(),
    }
}

fn descendant_or_self(input: Expr) -> Expr {
    Expr::Step {
        axis: Axis::DescendantOrSelf,
        test: any_node(),
        input: Box::new(input),
    }
}

// ---- Evaluation ----------------------------------------------------------------------------

#[derive(Clone, Debug)]
enum Value {
    Nodes(Vec<NodeRef>),
    Bool(bool),
    Number(f64),
    String(String),
}

struct Context {
    node: NodeRef,
    position: usize,
    size: usize,
}

struct Eval<'d> {
    doc: &'d Document,
}

impl Eval<'_> {
    fn node_type(&self, n: NodeRef) -> NodeType {
        match self.doc.nodes[n.id].kind {
            Kind::Comment => NodeType::Comment,
            Kind::Text | Kind::CData | Kind::Notation => NodeType::Text,
            Kind::Declaration | Kind::Document => NodeType::Root,
            Kind::Element if n.attr.is_some() => NodeType::Attribute,
            Kind::Element | Kind::ProcInst => NodeType::Element,
        }
    }

    fn local_name(&self, n: NodeRef) -> &str {
        let node = &self.doc.nodes[n.id];
        match n.attr {
            Some(i) => &node.attrs[i].local,
            None => &node.data,
        }
    }

    fn prefix(&self, n: NodeRef) -> &str {
        let node = &self.doc.nodes[n.id];
        match n.attr {
            Some(i) => &node.attrs[i].space,
            None => &node.prefix,
        }
    }

    fn namespace(&self, n: NodeRef) -> &str {
        let node = &self.doc.nodes[n.id];
        match n.attr {
            Some(i) => &node.attrs[i].namespace,
            None => &node.namespace,
        }
    }

    /// The navigator's `Value`.
    fn string_value(&self, n: NodeRef) -> String {
        let node = &self.doc.nodes[n.id];
        match (node.kind, n.attr) {
            (Kind::Element, Some(i)) => node.attrs[i].value.clone(),
            (Kind::Element, None) => self.doc.inner_text(n.id),
            (Kind::Comment | Kind::Text, _) => node.data.clone(),
            _ => String::new(),
        }
    }

    fn matches(&self, test: &Test, n: NodeRef) -> bool {
        if test.node_type != NodeType::All && test.node_type != self.node_type(n) {
            return false;
        }
        if test.local.is_empty() && test.prefix.is_empty() {
            return true;
        }
        test.local == self.local_name(n) && test.prefix == self.prefix(n)
    }

    fn is_blank_text(&self, id: NodeId) -> bool {
        let node = &self.doc.nodes[id];
        node.kind == Kind::Text && node.data.trim().is_empty()
    }

    fn next_sibling(&self, id: NodeId) -> Option<NodeId> {
        let mut at = self.doc.nodes[id].next;
        while let Some(n) = at {
            if !self.is_blank_text(n) {
                return Some(n);
            }
            at = self.doc.nodes[n].next;
        }
        None
    }

    fn prev_sibling(&self, id: NodeId) -> Option<NodeId> {
        let mut at = self.doc.nodes[id].prev;
        while let Some(n) = at {
            if !self.is_blank_text(n) {
                return Some(n);
            }
            at = self.doc.nodes[n].prev;
        }
        None
    }

    fn children(&self, id: NodeId, out: &mut Vec<NodeRef>) {
        let mut at = self.doc.nodes[id].first;
        while let Some(c) = at {
            out.push(NodeRef::node(c));
            at = self.next_sibling(c);
        }
    }

    /// Descendants in document order, as the navigator walks them.
    fn descendants(&self, id: NodeId, out: &mut Vec<NodeRef>) {
        let mut at = self.doc.nodes[id].first;
        while let Some(c) = at {
            out.push(NodeRef::node(c));
            if let Some(first) = self.doc.nodes[c].first {
                at = Some(first);
                continue;
            }
            let mut up = c;
            at = loop {
                if let Some(next) = self.next_sibling(up) {
                    break Some(next);
                }
                match self.doc.nodes[up].parent {
                    Some(p) if p != id => up = p,
                    _ => break None,
                }
            };
        }
    }

    fn parent(&self, n: NodeRef) -> Option<NodeRef> {
        match n.attr {
            Some(_) => Some(NodeRef::node(n.id)),
            None => self.doc.nodes[n.id].parent.map(NodeRef::node),
        }
    }

    /// The nodes of `axis` from `n`, in the engine's order.
    fn axis(&self, axis: Axis, n: NodeRef, out: &mut Vec<NodeRef>) {
        match axis {
            Axis::Own => out.push(n),
            Axis::Parent => out.extend(self.parent(n)),
            Axis::Ancestor | Axis::AncestorOrSelf => {
                if axis == Axis::AncestorOrSelf {
                    out.push(n);
                }
                let mut at = self.parent(n);
                while let Some(p) = at {
                    out.push(p);
                    at = self.parent(p);
                }
            }
            Axis::Attribute => {
                if n.attr.is_none() {
                    let count = self.doc.nodes[n.id].attrs.len();
                    out.extend((0..count).map(|i| NodeRef {
                        id: n.id,
                        attr: Some(i),
                    }));
                }
            }
            Axis::Child => {
                if n.attr.is_none() {
                    self.children(n.id, out);
                }
            }
            Axis::Descendant | Axis::DescendantOrSelf => {
                if axis == Axis::DescendantOrSelf {
                    out.push(n);
                }
                if n.attr.is_none() {
                    self.descendants(n.id, out);
                }
            }
            Axis::FollowingSibling => {
                if n.attr.is_none() {
                    let mut at = self.next_sibling(n.id);
                    while let Some(s) = at {
                        out.push(NodeRef::node(s));
                        at = self.next_sibling(s);
                    }
                }
            }
            Axis::PrecedingSibling => {
                if n.attr.is_none() {
                    let mut at = self.prev_sibling(n.id);
                    while let Some(s) = at {
                        out.push(NodeRef::node(s));
                        at = self.prev_sibling(s);
                    }
                }
            }
            Axis::Following => {
                let mut at = Some(self.parent(n).filter(|_| n.attr.is_some()).unwrap_or(n));
                while let Some(a) = at {
                    let mut sibling = self.next_sibling(a.id);
                    while let Some(s) = sibling {
                        out.push(NodeRef::node(s));
                        self.descendants(s, out);
                        sibling = self.next_sibling(s);
                    }
                    at = self.parent(a);
                }
            }
            Axis::Preceding => {
                let mut at = Some(self.parent(n).filter(|_| n.attr.is_some()).unwrap_or(n));
                while let Some(a) = at {
                    let mut sibling = self.prev_sibling(a.id);
                    while let Some(s) = sibling {
                        out.push(NodeRef::node(s));
                        self.descendants(s, out);
                        sibling = self.prev_sibling(s);
                    }
                    at = self.parent(a);
                }
            }
        }
    }

    fn nodes(&self, expr: &Expr, ctx: &Context) -> Result<Vec<NodeRef>, String> {
        match self.eval(expr, ctx)? {
            Value::Nodes(nodes) => Ok(nodes),
            _ => Err("expression must evaluate to a node-set".to_owned()),
        }
    }

    fn eval(&self, expr: &Expr, ctx: &Context) -> Result<Value, String> {
        Ok(match expr {
            Expr::Root => Value::Nodes(vec![NodeRef::node(ROOT)]),
            Expr::Context => Value::Nodes(vec![ctx.node]),
            Expr::Number(n) => Value::Number(*n),
            Expr::Literal(text) => Value::String(text.clone()),
            Expr::Step { axis, test, input } => {
                // `//x` (child steps from every descendant) is one walk in document order, as
                // antchfx plans it when no predicate follows.
                let (axis, input) = match (&**input, axis) {
                    (
                        Expr::Step {
                            axis: Axis::DescendantOrSelf,
                            test: inner,
                            input: outer,
                        },
                        Axis::Child,
                    ) if inner.node_type == NodeType::All && inner.local.is_empty() => {
                        (&Axis::Descendant, outer)
                    }
                    _ => (axis, input),
                };
                let inputs = self.nodes(input, ctx)?;
                let mut out = Vec::new();
                let mut seen = std::collections::HashSet::new();
                let mut step = Vec::new();
                for n in inputs {
                    step.clear();
                    self.axis(*axis, n, &mut step);
                    for &m in &step {
                        if self.matches(test, m) && seen.insert(m) {
                            out.push(m);
                        }
                    }
                }
                Value::Nodes(out)
            }
            Expr::Filter { input, predicate } => {
                // A predicate on a step filters each context node's nodes of that step, with
                // positions along the axis; on any other expression, the whole set.
                if let Expr::Step {
                    axis,
                    test,
                    input: step_input,
                } = &**input
                {
                    let inputs = self.nodes(step_input, ctx)?;
                    let mut out = Vec::new();
                    let mut seen = std::collections::HashSet::new();
                    for n in inputs {
                        let mut step = Vec::new();
                        self.axis(*axis, n, &mut step);
                        step.retain(|&m| self.matches(test, m));
                        for m in self.filter(step, predicate)? {
                            if seen.insert(m) {
                                out.push(m);
                            }
                        }
                    }
                    Value::Nodes(out)
                } else if let Expr::Filter { .. } = &**input {
                    self.filter_nested(input, predicate, ctx)?
                } else {
                    let nodes = self.nodes(input, ctx)?;
                    Value::Nodes(self.filter(nodes, predicate)?)
                }
            }
            Expr::Binary(op, left, right) => self.binary(*op, left, right, ctx)?,
            Expr::Call(func, args) => self.call(*func, args, ctx)?,
            Expr::Group(inner) => self.eval(inner, ctx)?,
        })
    }

    /// `step[p1][p2]`: the second predicate filters what the first kept, per context node.
    fn filter_nested(
        &self,
        input: &Expr,
        predicate: &Expr,
        ctx: &Context,
    ) -> Result<Value, String> {
        let mut predicates = vec![predicate];
        let mut at = input;
        while let Expr::Filter { input, predicate } = at {
            predicates.push(predicate);
            at = input;
        }
        predicates.reverse();
        let Expr::Step {
            axis,
            test,
            input: step_input,
        } = at
        else {
            let mut nodes = self.nodes(at, ctx)?;
            for p in predicates {
                nodes = self.filter(nodes, p)?;
            }
            return Ok(Value::Nodes(nodes));
        };
        let inputs = self.nodes(step_input, ctx)?;
        let mut out = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for n in inputs {
            let mut step = Vec::new();
            self.axis(*axis, n, &mut step);
            step.retain(|&m| self.matches(test, m));
            for p in &predicates {
                step = self.filter(step, p)?;
            }
            for m in step {
                if seen.insert(m) {
                    out.push(m);
                }
            }
        }
        Ok(Value::Nodes(out))
    }

    fn filter(&self, nodes: Vec<NodeRef>, predicate: &Expr) -> Result<Vec<NodeRef>, String> {
        let size = nodes.len();
        let mut kept = Vec::new();
        for (i, n) in nodes.into_iter().enumerate() {
            let ctx = Context {
                node: n,
                position: i + 1,
                size,
            };
            let keep = match self.eval(predicate, &ctx)? {
                // Go's `int(p) == position`: the number truncated.
                Value::Number(p) => !p.is_nan() && p.trunc() == (i + 1) as f64,
                other => self.boolean(&other),
            };
            if keep {
                kept.push(n);
            }
        }
        Ok(kept)
    }

    fn boolean(&self, value: &Value) -> bool {
        match value {
            Value::Nodes(nodes) => !nodes.is_empty(),
            Value::Bool(b) => *b,
            // antchfx's `v != 0`: NaN is true.
            Value::Number(n) => *n != 0.0,
            Value::String(s) => !s.is_empty(),
        }
    }

    fn string(&self, value: &Value) -> String {
        match value {
            Value::Nodes(nodes) => nodes
                .first()
                .map(|&n| self.string_value(n))
                .unwrap_or_default(),
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => number_to_string(*n),
            Value::String(s) => s.clone(),
        }
    }

    /// antchfx's `asNumber`: a string (or the first node's value) as Go's `ParseFloat` reads
    /// it, untrimmed, else NaN; a boolean is NaN.
    fn number(&self, value: &Value) -> f64 {
        match value {
            Value::Nodes(_) | Value::String(_) => {
                go_number(&self.string(value)).unwrap_or(f64::NAN)
            }
            Value::Bool(_) => f64::NAN,
            Value::Number(n) => *n,
        }
    }

    fn binary(&self, op: Op, left: &Expr, right: &Expr, ctx: &Context) -> Result<Value, String> {
        match op {
            Op::Or => {
                let l = self.eval(left, ctx)?;
                return Ok(Value::Bool(
                    self.boolean(&l) || self.boolean(&self.eval(right, ctx)?),
                ));
            }
            Op::And => {
                let l = self.eval(left, ctx)?;
                return Ok(Value::Bool(
                    self.boolean(&l) && self.boolean(&self.eval(right, ctx)?),
                ));
            }
            _ => {}
        }
        let l = self.eval(left, ctx)?;
        let r = self.eval(right, ctx)?;
        Ok(match op {
            Op::Union => {
                let (Value::Nodes(mut a), Value::Nodes(b)) = (l, r) else {
                    return Err("union operands must be node sets".to_owned());
                };
                let mut seen: std::collections::HashSet<NodeRef> = a.iter().copied().collect();
                for n in b {
                    if seen.insert(n) {
                        a.push(n);
                    }
                }
                Value::Nodes(a)
            }
            Op::Add | Op::Sub | Op::Mul | Op::Div | Op::Mod => {
                let (a, b) = (self.number(&l), self.number(&r));
                Value::Number(match op {
                    Op::Add => a + b,
                    Op::Sub => a - b,
                    Op::Mul => a * b,
                    Op::Div => a / b,
                    // Go's `float64(int(a) % int(b))`; a zero divisor panics there.
                    _ => {
                        let (a, b) = (go_int_of_float(a), go_int_of_float(b));
                        if b == 0 {
                            f64::NAN
                        } else {
                            a.wrapping_rem(b) as f64
                        }
                    }
                })
            }
            _ => Value::Bool(self.compare(op, &l, &r)),
        })
    }

    /// antchfx's comparison table: numbers numerically, strings bytewise (`<` too), a node
    /// set by any of its values; a string against a number, and a node set against a string,
    /// compare with their operands swapped, as there. Where antchfx panics (a boolean against
    /// anything, a value that is not a number against a number) the comparison is false;
    /// booleans against booleans are false as there.
    fn compare(&self, op: Op, l: &Value, r: &Value) -> bool {
        let numbers = |a: f64, b: f64| match op {
            Op::Eq => a == b,
            Op::Ne => a != b,
            Op::Lt => a < b,
            Op::Le => a <= b,
            Op::Gt => a > b,
            _ => a >= b,
        };
        let strings = |a: &str, b: &str| match op {
            Op::Eq => a == b,
            Op::Ne => a != b,
            Op::Lt => a < b,
            Op::Le => a <= b,
            Op::Gt => a > b,
            _ => a >= b,
        };
        match (l, r) {
            (Value::Number(a), Value::Number(b)) => numbers(*a, *b),
            (Value::Number(a), Value::String(b)) => go_number(b).is_some_and(|b| numbers(*a, b)),
            (Value::String(a), Value::Number(b)) => go_number(a).is_some_and(|a| numbers(*b, a)),
            (Value::String(a), Value::String(b)) => strings(a, b),
            (Value::Number(a), Value::Nodes(b)) => {
                for &y in b {
                    match go_number(&self.string_value(y)) {
                        Some(y) if numbers(*a, y) => return true,
                        Some(_) => {}
                        None => return false,
                    }
                }
                false
            }
            (Value::Nodes(a), Value::Number(b)) => {
                for &x in a {
                    match go_number(&self.string_value(x)) {
                        Some(x) if numbers(x, *b) => return true,
                        Some(_) => {}
                        None => return false,
                    }
                }
                false
            }
            (Value::String(a), Value::Nodes(b)) => {
                b.iter().any(|&y| strings(a, &self.string_value(y)))
            }
            (Value::Nodes(a), Value::String(b)) => {
                a.iter().any(|&x| strings(b, &self.string_value(x)))
            }
            (Value::Nodes(a), Value::Nodes(b)) => a.iter().any(|&x| {
                let x = self.string_value(x);
                b.iter().any(|&y| strings(&x, &self.string_value(y)))
            }),
            (Value::Bool(_), _) | (_, Value::Bool(_)) => false,
        }
    }

    fn arg_string(&self, args: &[Expr], i: usize, ctx: &Context) -> Result<String, String> {
        match args.get(i) {
            Some(arg) => Ok(self.string(&self.eval(arg, ctx)?)),
            None => Ok(self.string_value(ctx.node)),
        }
    }

    fn arg_number(&self, args: &[Expr], i: usize, ctx: &Context) -> Result<f64, String> {
        match args.get(i) {
            Some(arg) => Ok(self.number(&self.eval(arg, ctx)?)),
            None => Ok(f64::NAN),
        }
    }

    fn call(&self, func: Func, args: &[Expr], ctx: &Context) -> Result<Value, String> {
        let s = |i| self.arg_string(args, i, ctx);
        Ok(match func {
            Func::LowerCase => Value::String(s(0)?.to_lowercase()),
            Func::StartsWith => Value::Bool(s(0)?.starts_with(&s(1)?)),
            Func::EndsWith => Value::Bool(s(0)?.ends_with(&s(1)?)),
            Func::Contains => Value::Bool(s(0)?.contains(&s(1)?)),
            Func::Matches => {
                let re = Regex::new(&s(1)?).map_err(|e| e.to_string())?;
                Value::Bool(re.is_match(&s(0)?))
            }
            Func::Replace => {
                let re = Regex::new(&s(1)?).map_err(|e| e.to_string())?;
                Value::String(re.replace_all(&s(0)?, s(2)?.as_str()).into_owned())
            }
            Func::Substring => {
                let text: Vec<char> = s(0)?.chars().collect();
                let start = self.arg_number(args, 1, ctx)?.round();
                let end = match args.get(2) {
                    Some(_) => start + self.arg_number(args, 2, ctx)?.round(),
                    None => f64::INFINITY,
                };
                let out: String = text
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| {
                        let p = (*i + 1) as f64;
                        p >= start && p < end
                    })
                    .map(|(_, c)| c)
                    .collect();
                Value::String(out)
            }
            Func::SubstringBefore | Func::SubstringAfter => {
                let (hay, needle) = (s(0)?, s(1)?);
                Value::String(match hay.find(&needle) {
                    Some(i) if func == Func::SubstringBefore => hay[..i].to_owned(),
                    Some(i) => hay[i + needle.len()..].to_owned(),
                    None => String::new(),
                })
            }
            Func::StringLength => Value::Number(s(0)?.chars().count() as f64),
            Func::NormalizeSpace => {
                Value::String(s(0)?.split_whitespace().collect::<Vec<_>>().join(" "))
            }
            Func::Translate => {
                let (text, from, to) = (s(0)?, s(1)?, s(2)?);
                let from: Vec<char> = from.chars().collect();
                let to: Vec<char> = to.chars().collect();
                Value::String(
                    text.chars()
                        .filter_map(|c| match from.iter().position(|&f| f == c) {
                            Some(i) => to.get(i).copied(),
                            None => Some(c),
                        })
                        .collect(),
                )
            }
            Func::Not => Value::Bool(!self.boolean(&self.eval(&args[0], ctx)?)),
            Func::Name | Func::LocalName | Func::NamespaceUri => {
                let node = match args.first() {
                    Some(arg) => self.nodes(arg, ctx)?.first().copied(),
                    None => Some(ctx.node),
                };
                Value::String(match node {
                    None => String::new(),
                    Some(n) => match func {
                        Func::LocalName => self.local_name(n).to_owned(),
                        Func::NamespaceUri => self.namespace(n).to_owned(),
                        _ if self.prefix(n).is_empty() => self.local_name(n).to_owned(),
                        _ => format!("{}:{}", self.prefix(n), self.local_name(n)),
                    },
                })
            }
            Func::True => Value::Bool(true),
            Func::False => Value::Bool(false),
            Func::Last => Value::Number(ctx.size as f64),
            Func::Position => Value::Number(ctx.position as f64),
            Func::Boolean => match args.first() {
                Some(arg) => Value::Bool(self.boolean(&self.eval(arg, ctx)?)),
                None => Value::Bool(true),
            },
            Func::Number => match args.first() {
                Some(arg) => Value::Number(self.number(&self.eval(arg, ctx)?)),
                None => Value::Number(self.number(&Value::String(self.string_value(ctx.node)))),
            },
            Func::String => Value::String(s(0)?),
            Func::Count => Value::Number(self.nodes(&args[0], ctx)?.len() as f64),
            Func::Sum => {
                let total = self
                    .nodes(&args[0], ctx)?
                    .into_iter()
                    .filter_map(|n| go_number(&self.string_value(n)))
                    .sum();
                Value::Number(total)
            }
            Func::Ceiling => Value::Number(self.arg_number(args, 0, ctx)?.ceil()),
            Func::Floor => Value::Number(self.arg_number(args, 0, ctx)?.floor()),
            Func::Round => Value::Number(self.arg_number(args, 0, ctx)?.round()),
            Func::Concat => {
                // Only strings and node sets contribute, as in antchfx.
                let mut out = String::new();
                for arg in args {
                    match self.eval(arg, ctx)? {
                        Value::String(text) => out.push_str(&text),
                        nodes @ Value::Nodes(_) => out.push_str(&self.string(&nodes)),
                        Value::Number(_) | Value::Bool(_) => {}
                    }
                }
                Value::String(out)
            }
            Func::Reverse => {
                let mut nodes = self.nodes(&args[0], ctx)?;
                nodes.reverse();
                Value::Nodes(nodes)
            }
            Func::StringJoin => {
                let nodes = self.nodes(&args[0], ctx)?;
                let separator = s(1)?;
                Value::String(
                    nodes
                        .into_iter()
                        .map(|n| self.string_value(n))
                        .collect::<Vec<_>>()
                        .join(&separator),
                )
            }
        })
    }
}

/// A string as Go's `strconv.ParseFloat` reads it (no trimming); `None` where it fails.
fn go_number(text: &str) -> Option<f64> {
    parse_go_float(text).ok()
}

/// Go's `strconv.FormatFloat(n, 'g', -1, 64)`, antchfx's number-to-string: the shortest
/// digits, in exponent form below 1e-4 or from 1e6 (`1e+06`), `NaN`, `+Inf`, `-Inf`.
fn number_to_string(n: f64) -> String {
    if n.is_nan() {
        return "NaN".to_owned();
    }
    if n.is_infinite() {
        return if n > 0.0 { "+Inf" } else { "-Inf" }.to_owned();
    }
    // Rust's `{:e}` gives the shortest round-tripping digits: `d.ddde±x`.
    let scientific = format!("{:e}", n.abs());
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let sign = if n.is_sign_negative() { "-" } else { "" };
    if !(-4..6).contains(&exponent) {
        let (first, rest) = digits.split_at(1);
        let dot = if rest.is_empty() { "" } else { "." };
        let exp_sign = if exponent < 0 { '-' } else { '+' };
        return format!("{sign}{first}{dot}{rest}e{exp_sign}{:02}", exponent.abs());
    }
    let point = exponent + 1;
    let text = if point <= 0 {
        format!("0.{}{digits}", "0".repeat(point.unsigned_abs() as usize))
    } else if point as usize >= digits.len() {
        format!("{digits}{}", "0".repeat(point as usize - digits.len()))
    } else {
        let (whole, fraction) = digits.split_at(point as usize);
        format!("{whole}.{fraction}")
    };
    format!("{sign}{text}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(doc: &str, xpath: &str) -> Vec<String> {
        let Ok(doc) = Document::parse(doc) else {
            panic!("valid document");
        };
        let Ok(x) = XPath::compile(xpath) else {
            panic!("valid xpath {xpath}");
        };
        let Ok(nodes) = x.select(&doc) else {
            panic!("selects");
        };
        let eval = Eval { doc: &doc };
        nodes.into_iter().map(|n| eval.string_value(n)).collect()
    }

    #[test]
    fn selects_like_antchfx() {
        assert_eq!(get("<a><b>1</b><b>2</b></a>", "/a/b"), ["1", "2"]);
        assert_eq!(get("<a><b>1</b><b>2</b></a>", "//b[2]"), ["2"]);
        assert_eq!(get("<a><b>1</b><b>2</b></a>", "/a/b[last()]"), ["2"]);
        assert_eq!(get("<a x=\"1\" y=\"2\"/>", "//@*"), ["1", "2"]);
        assert_eq!(get("<a> <b/> <c/></a>", "/a/text()"), [" "]);
        assert_eq!(
            get("<a><b k=\"v\">1</b><b>2</b></a>", "/a/b[@k='v']"),
            ["1"]
        );
        assert_eq!(get("<a><b>1</b><c>2</c></a>", "/a/*[not(self::b)]"), ["2"]);
        assert_eq!(get("<a><b>x</b></a>", "/a/b/ancestor::*"), ["x"]);
        assert!(get("<a/>", "count(//a)").is_empty());
        assert_eq!(get("<a><b>1</b></a>", "/a/b/.."), ["1"]);
    }

    #[test]
    fn formats_numbers_as_go() {
        for (n, text) in [
            (2.0, "2"),
            (1.5, "1.5"),
            (-0.25, "-0.25"),
            (100000.0, "100000"),
            (1e6, "1e+06"),
            (123456789.0, "1.23456789e+08"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1e21, "1e+21"),
            (0.0, "0"),
            (f64::INFINITY, "+Inf"),
        ] {
            assert_eq!(number_to_string(n), text);
        }
    }

    #[test]
    fn rejects_what_antchfx_rejects() {
        for bad in [
            "",
            "//",
            "/a[",
            "foo(",
            "$x",
            "unknown()",
            "/a/b[starts-with(.)]",
            "@",
        ] {
            assert!(XPath::compile(bad).is_err(), "{bad}");
        }
        assert!(XPath::compile(&"/a".repeat(1100)).is_err());
        assert!(XPath::compile(&"1+".repeat(5000)).is_err());
        assert!(XPath::compile(&"/a".repeat(1000)).is_ok());
        for good in ["/a]", "/", "//a/@b", "/a/foo()", "(/a|/b)[1]"] {
            assert!(XPath::compile(good).is_ok(), "{good}");
        }
    }
}
