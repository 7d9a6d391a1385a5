//! What a function says about itself: its parameters and their kinds, what it returns, a line
//! of documentation and examples that run as tests.

use std::fmt;

/// The kind of value a parameter takes or a converter returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Any value, nil included.
    Any,
    /// A string.
    String,
    /// A 64-bit int.
    Int,
    /// A 64-bit float.
    Float,
    /// `true` or `false`.
    Bool,
    /// Raw bytes.
    Bytes,
    /// A map.
    Map,
    /// A list.
    List,
    /// An instant.
    Time,
    /// A span of time.
    Duration,
}

impl Kind {
    /// The kind's name with its article, for messages: `a string`, `an int`.
    pub fn with_article(self) -> &'static str {
        match self {
            Kind::Any => "any value",
            Kind::String => "a string",
            Kind::Int => "an int",
            Kind::Float => "a float",
            Kind::Bool => "a bool",
            Kind::Bytes => "bytes",
            Kind::Map => "a map",
            Kind::List => "a list",
            Kind::Time => "a time",
            Kind::Duration => "a duration",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Any => "any",
            Kind::String => "string",
            Kind::Int => "int",
            Kind::Float => "float",
            Kind::Bool => "bool",
            Kind::Bytes => "bytes",
            Kind::Map => "map",
            Kind::List => "list",
            Kind::Time => "time",
            Kind::Duration => "duration",
        })
    }
}

/// What a parameter accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    /// A path the function reads and writes (`set`'s target).
    Target,
    /// A value of this kind, evaluated on each record: exactly that kind (the reference's
    /// `StringGetter`, `IntGetter`, …), or anything for [`Kind::Any`]. A literal of another
    /// kind is rejected when the statement compiles.
    Value(Kind),
    /// A value converted to this kind, evaluated on each record (the reference's
    /// `StringLikeGetter`, `IntLikeGetter`, …): what converts depends on the kind.
    Like(Kind),
    /// A list literal whose items are values of this kind, each evaluated on each record
    /// (`Coalesce([a, b, "default"])`).
    Values(Kind),
    /// A string literal, known when the statement compiles (a regex, a mode).
    String,
    /// An int literal.
    Int,
    /// A float literal (the reference's `float64` parameters take no int).
    Float,
    /// A bool literal.
    Bool,
    /// A list literal of strings.
    StringList,
    /// A converter passed by name (`SHA256` in `replace_pattern(x, "a", "b", SHA256)`), which
    /// the function calls with one argument as it runs (the reference's `FunctionGetter`).
    Function,
    /// A lambda taking this many parameters (`(k, v) => expr`), which the function calls per
    /// element (the reference's `LambdaExpression`, behind its `ottl.functions.enableLambda`
    /// gate).
    Lambda(u8),
}

impl ParamKind {
    /// What the parameter wants, in words, for messages.
    pub fn describe(self) -> String {
        match self {
            ParamKind::Target => "a path to change, such as `attributes[\"key\"]`".to_owned(),
            ParamKind::Value(Kind::Any) | ParamKind::Like(Kind::Any) => "a value".to_owned(),
            ParamKind::Value(kind) => kind.with_article().to_owned(),
            ParamKind::Like(kind) => format!("a value convertible to {kind}"),
            ParamKind::Values(Kind::Any) => "a list literal such as `[a, b]`".to_owned(),
            ParamKind::Values(kind) => format!("a list literal of {kind} values"),
            ParamKind::String => "a string literal".to_owned(),
            ParamKind::Int => "an int literal".to_owned(),
            ParamKind::Float => "a float literal, such as `2.0`".to_owned(),
            ParamKind::Bool => "`true` or `false`".to_owned(),
            ParamKind::StringList => "a list of string literals".to_owned(),
            ParamKind::Function => "a converter name, such as `SHA256`".to_owned(),
            ParamKind::Lambda(0) => "a lambda with no parameters, such as `() => x > 0`".to_owned(),
            ParamKind::Lambda(arity) => format!(
                "a lambda of {arity} parameters, such as `({}) => …`",
                lambda_params(arity)
            ),
        }
    }
}

/// How a parameter's kind reads in a signature: `string`, `int-like`, `list<string>`,
/// `"literal" string`, `path`, `converter`.
impl fmt::Display for ParamKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParamKind::Target => f.write_str("path"),
            ParamKind::Value(kind) => write!(f, "{kind}"),
            ParamKind::Like(kind) => write!(f, "{kind}-like"),
            ParamKind::Values(kind) => write!(f, "[{kind}, …]"),
            ParamKind::String => f.write_str("string literal"),
            ParamKind::Int => f.write_str("int literal"),
            ParamKind::Float => f.write_str("float literal"),
            ParamKind::Bool => f.write_str("bool literal"),
            ParamKind::StringList => f.write_str("[string literal, …]"),
            ParamKind::Function => f.write_str("converter"),
            ParamKind::Lambda(arity) => write!(f, "lambda/{arity}"),
        }
    }
}

/// Example parameter names for a lambda of `arity` parameters: `k, v`, `acc, k, v`.
fn lambda_params(arity: u8) -> &'static str {
    match arity {
        1 => "v",
        2 => "k, v",
        3 => "acc, k, v",
        _ => "a, b, c, d",
    }
}

/// One parameter of a function.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    /// Its name, used for named arguments.
    pub name: &'static str,
    /// What it accepts.
    pub kind: ParamKind,
    /// Whether it may be left out.
    pub optional: bool,
}

/// Editor (changes the record, lowercase name) or converter (computes a value, uppercase name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FunctionKind {
    /// Changes the record; heads a statement.
    Editor,
    /// Computes a value.
    Converter,
}

/// A documented example: a statement or expression with its effect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// For a converter an expression, for an editor a statement.
    pub source: &'static str,
    /// For a converter, the expected result written as an OTTL value; for an editor, the log
    /// record's attributes before, as an OTTL map.
    pub input: &'static str,
    /// For an editor, the attributes after, as an OTTL map.
    pub output: &'static str,
}

/// Everything about a function except what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// The name statements call it by.
    pub name: &'static str,
    /// Editor or converter.
    pub kind: FunctionKind,
    /// Its parameters, required ones first.
    pub params: Vec<Param>,
    /// What a converter returns ([`Kind::Any`] when it depends on its arguments); `None` for
    /// an editor.
    pub returns: Option<Kind>,
    /// One line saying what it does.
    pub summary: &'static str,
    /// Examples, which run as tests.
    pub examples: Vec<Example>,
}

impl Signature {
    /// An editor's signature.
    pub fn editor(name: &'static str, summary: &'static str) -> Self {
        Self {
            name,
            kind: FunctionKind::Editor,
            params: Vec::new(),
            returns: None,
            summary,
            examples: Vec::new(),
        }
    }

    /// A converter's signature, returning a value of kind `returns`.
    pub fn converter(name: &'static str, returns: Kind, summary: &'static str) -> Self {
        Self {
            kind: FunctionKind::Converter,
            returns: Some(returns),
            ..Self::editor(name, summary)
        }
    }

    /// Adds a required parameter.
    pub fn param(mut self, name: &'static str, kind: ParamKind) -> Self {
        self.params.push(Param {
            name,
            kind,
            optional: false,
        });
        self
    }

    /// Adds an optional parameter.
    pub fn optional(mut self, name: &'static str, kind: ParamKind) -> Self {
        self.params.push(Param {
            name,
            kind,
            optional: true,
        });
        self
    }

    /// Adds a converter example: `source` evaluates to the value written in `result`.
    pub fn example(mut self, source: &'static str, result: &'static str) -> Self {
        self.examples.push(Example {
            source,
            input: result,
            output: "",
        });
        self
    }

    /// Adds an editor example: `statement` turns attributes `before` into `after`.
    pub fn edit_example(
        mut self,
        statement: &'static str,
        before: &'static str,
        after: &'static str,
    ) -> Self {
        self.examples.push(Example {
            source: statement,
            input: before,
            output: after,
        });
        self
    }

    /// `name(a, b, [c])`, for messages.
    pub fn usage(&self) -> String {
        let params: Vec<String> = self
            .params
            .iter()
            .map(|p| {
                if p.optional {
                    format!("[{}]", p.name)
                } else {
                    p.name.to_owned()
                }
            })
            .collect();
        format!("{}({})", self.name, params.join(", "))
    }
}

/// The typed form, for docs: `HasPrefix(target: string, prefix: string) -> bool`; optional
/// parameters are marked `?`.
impl fmt::Display for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}(", self.name)?;
        for (i, param) in self.params.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            let optional = if param.optional { "?" } else { "" };
            write!(f, "{}{optional}: {}", param.name, param.kind)?;
        }
        f.write_str(")")?;
        match self.returns {
            Some(kind) => write!(f, " -> {kind}"),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_form_names_every_parameter_and_the_result() {
        let signature = Signature::converter("HasPrefix", Kind::Bool, "")
            .param("target", ParamKind::Value(Kind::String))
            .param("prefix", ParamKind::Value(Kind::String));
        assert_eq!(
            signature.to_string(),
            "HasPrefix(target: string, prefix: string) -> bool"
        );
        let editor = Signature::editor("truncate_all", "")
            .param("target", ParamKind::Target)
            .param("limit", ParamKind::Int)
            .optional("utf8_safe", ParamKind::Bool);
        assert_eq!(
            editor.to_string(),
            "truncate_all(target: path, limit: int literal, utf8_safe?: bool literal)"
        );
        assert_eq!(editor.usage(), "truncate_all(target, limit, [utf8_safe])");
    }
}
