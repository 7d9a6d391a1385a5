//! Calls: finding the function, binding arguments to its parameters, checking each argument's
//! kind, and handing them to the function's compile hook.

use super::Compiler;
use super::expr::{Operand, literal};
use super::path::target;
use crate::diag::{Code, Diagnostic, suggest};
use crate::function::get;
use crate::function::{
    Arg, Args, Compiled, FunctionKind, Kind, Param, ParamKind, Signature, ValueArg,
};
use crate::span::Span;
use crate::syntax::{Argument, ArgumentValue, Call, Expr, ExprKind};
use std::rc::Rc;

impl Compiler<'_> {
    /// Compiles `call`, which must name a function of kind `expected`.
    pub(crate) fn call(&mut self, call: &Call, expected: FunctionKind) -> Option<Compiled> {
        let registry = self.registry;
        let Some((signature, function)) = registry.get(&call.name.name) else {
            self.errors.push(self.unknown_function(call, expected));
            return None;
        };
        if signature.kind != expected {
            self.errors.push(wrong_kind(call, signature));
            return None;
        }
        let bound = self.bind(call, signature)?;
        let mut slots = Vec::with_capacity(bound.len());
        for (param, argument) in signature.params.iter().zip(bound) {
            slots.push(match argument {
                None => None,
                Some(argument) => Some((self.argument(param, argument, signature)?, argument.span)),
            });
        }
        let warnings = Rc::default();
        let args = Args::new(signature.name, slots, call.span, Rc::clone(&warnings));
        let compiled = function.compile(args);
        self.warnings.extend(warnings.take());
        match compiled {
            Ok(compiled) => Some(compiled),
            Err(diagnostic) => {
                self.errors.push(diagnostic);
                None
            }
        }
    }

    fn unknown_function(&self, call: &Call, expected: FunctionKind) -> Diagnostic {
        let name = &call.name.name;
        let kind = match expected {
            FunctionKind::Editor => "editor",
            FunctionKind::Converter => "converter",
        };
        let known = self
            .registry
            .signatures()
            .filter(|s| s.kind == expected)
            .map(|s| s.name);
        let diagnostic = Diagnostic::error(
            Code::UnknownFunction,
            format!("unknown {kind} `{name}`"),
            call.name.span,
            "not in the registry",
        );
        if let Some(replacement) = self.registry.replacement(name) {
            return diagnostic
                .with_note(format!("`{name}` was removed from OTTL"))
                .with_help(format!("use {replacement} instead"));
        }
        if let Some(gate) = self.registry.gate_of(name) {
            return diagnostic
                .with_note(format!(
                    "`{name}` is experimental: it needs the feature gate `{gate}`"
                ))
                .with_help(format!(
                    "turn it on: `--feature-gates {gate}` on `ottl eval`, `ottl check` or `ottl repl`; a library host calls `.feature_gates([\"{gate}\"])` on its `Program::builder`"
                ));
        }
        if let Some(feature) = self.registry.feature_of(name) {
            return diagnostic
                .with_note(format!(
                    "`{name}` was left out of this build: it needs the cargo feature `{feature}`"
                ))
                .with_help(format!(
                    "build `ottl-functions` with the feature `{feature}` (it is on by default)"
                ));
        }
        if let Some(context) = self.registry.context_of(name) {
            return diagnostic
                .with_note(format!(
                    "`{name}` is only available in the `{context}` context"
                ))
                .with_help(format!(
                    "run the statement in the `{context}` context (`context: {context}`, or `-c {context}`)"
                ));
        }
        match suggest(name, known) {
            Some(best) => diagnostic.with_help(format!("did you mean `{best}`?")),
            None => diagnostic.with_note("`ottl functions` lists the functions there are"),
        }
    }

    /// Arguments in parameter order; `None` for optional parameters left out.
    fn bind<'c>(
        &mut self,
        call: &'c Call,
        signature: &Signature,
    ) -> Option<Vec<Option<&'c Argument>>> {
        let mut bound: Vec<Option<&Argument>> = vec![None; signature.params.len()];
        let mut ok = true;
        let mut named_seen = false;
        for (position, argument) in call.args.iter().enumerate() {
            let index = match &argument.name {
                None if named_seen => {
                    self.errors.push(Diagnostic::error(
                        Code::UnknownArgument,
                        "positional argument after a named one",
                        argument.span,
                        "move it before the named arguments",
                    ));
                    ok = false;
                    continue;
                }
                None => position,
                Some(name) => {
                    named_seen = true;
                    let wanted = normalize(&name.name);
                    match signature
                        .params
                        .iter()
                        .position(|p| normalize(p.name) == wanted)
                    {
                        Some(index) => index,
                        None => {
                            let mut diagnostic = Diagnostic::error(
                                Code::UnknownArgument,
                                format!("`{}` has no parameter `{}`", signature.name, name.name),
                                name.span,
                                "unknown parameter",
                            )
                            .with_note(format!("usage: {}", signature.usage()));
                            if let Some(best) =
                                suggest(&name.name, signature.params.iter().map(|p| p.name))
                            {
                                diagnostic =
                                    diagnostic.with_help(format!("did you mean `{best}`?"));
                            }
                            self.errors.push(diagnostic);
                            ok = false;
                            continue;
                        }
                    }
                }
            };
            match bound.get_mut(index) {
                None => {
                    self.errors.push(arity(call, signature, argument.span));
                    return None;
                }
                Some(Some(_)) => {
                    self.errors.push(
                        Diagnostic::error(
                            Code::UnknownArgument,
                            "argument given twice",
                            argument.span,
                            "already given",
                        )
                        .with_note(format!("usage: {}", signature.usage())),
                    );
                    ok = false;
                }
                Some(slot) => *slot = Some(argument),
            }
        }
        let missing = signature
            .params
            .iter()
            .zip(&bound)
            .any(|(param, arg)| !param.optional && arg.is_none());
        if missing {
            self.errors.push(arity(call, signature, call.span));
            return None;
        }
        ok.then_some(bound)
    }

    fn argument(
        &mut self,
        param: &Param,
        argument: &Argument,
        signature: &Signature,
    ) -> Option<Arg> {
        let expr = match &argument.value {
            ArgumentValue::Expr(expr) => expr,
            ArgumentValue::Function(name) if param.kind == ParamKind::Function => {
                return self.converter_ref(&name.name, name.span);
            }
            ArgumentValue::Function(_) => {
                self.errors.push(kind_mismatch(
                    param,
                    argument.span,
                    signature,
                    "a function name",
                ));
                return None;
            }
        };
        let arg = match (param.kind, &expr.kind) {
            (ParamKind::Target, ExprKind::Path(path)) if self.is_parameter(path) => {
                self.errors.push(
                    Diagnostic::error(
                        Code::NotSettable,
                        format!("the lambda parameter `{path}` cannot be changed"),
                        expr.span,
                        "a lambda parameter",
                    )
                    .with_note(format!("`{}` writes its first argument", signature.name)),
                );
                return None;
            }
            (ParamKind::Target, ExprKind::Path(path)) => {
                let compiled = self.path(path)?;
                if compiled.field.is_read_only() {
                    self.errors.push(
                        Diagnostic::error(
                            Code::NotSettable,
                            format!("`{path}` cannot be changed"),
                            expr.span,
                            "read-only path",
                        )
                        .with_note(format!("`{}` writes its first argument", signature.name)),
                    );
                    return None;
                }
                Arg::Target(target(compiled))
            }
            // Literals reach the function as values so it can prepare them once.
            (ParamKind::Value(kind) | ParamKind::Like(kind), _) => {
                let strict = matches!(param.kind, ParamKind::Value(_));
                Arg::Value(self.value_arg(expr, kind, strict, param, signature)?)
            }
            (ParamKind::Values(kind), ExprKind::List(items)) => {
                let mut values = Vec::with_capacity(items.len());
                for item in items {
                    values.push(self.value_arg(item, kind, true, param, signature)?);
                }
                Arg::Values(values)
            }
            // All-caps converter names (`SHA256`) parse as enum symbols.
            (ParamKind::Function, ExprKind::Enum(name)) => {
                return self.converter_ref(name, expr.span);
            }
            (ParamKind::Lambda(arity), ExprKind::Lambda(lambda)) => {
                Arg::Lambda(self.lambda(lambda, arity, param, signature, expr.span)?)
            }
            (ParamKind::String, ExprKind::String(text)) => Arg::String(text.clone()),
            (ParamKind::Int, ExprKind::Int(number)) => Arg::Int(*number),
            (ParamKind::Float, ExprKind::Float(number)) => Arg::Float(*number),
            (ParamKind::Bool, ExprKind::Bool(flag)) => Arg::Bool(*flag),
            (ParamKind::StringList, ExprKind::List(items)) => {
                Arg::StringList(self.string_list(items, param, signature)?)
            }
            _ => {
                self.errors
                    .push(kind_mismatch(param, expr.span, signature, describe(expr)));
                return None;
            }
        };
        Some(arg)
    }

    /// A value argument; a literal of another kind than a strict parameter's is rejected here,
    /// as the reference evaluates literal arguments of typed getters when it parses.
    fn value_arg(
        &mut self,
        expr: &Expr,
        kind: Kind,
        strict: bool,
        param: &Param,
        signature: &Signature,
    ) -> Option<ValueArg> {
        if let Some(value) = literal(expr) {
            if strict && !get::admits(kind, &value) {
                self.errors.push(
                    Diagnostic::error(
                        Code::InvalidArgument,
                        format!(
                            "`{}` of `{}` must be {}, found {}",
                            param.name,
                            signature.name,
                            kind.with_article(),
                            value.value_type().with_article()
                        ),
                        expr.span,
                        format!("expected {}", kind.with_article()),
                    )
                    .with_help(format!("pass {}", kind.with_article()))
                    .with_note(format!(
                        "`ottl functions {}` shows its parameters",
                        signature.name
                    )),
                );
                return None;
            }
            return Some(ValueArg::Constant(value));
        }
        Some(match self.operand(expr)? {
            Operand::Stored(stored) => ValueArg::Stored(stored),
            Operand::Getter(getter) => ValueArg::Getter(getter),
        })
    }

    /// A converter passed by name, which must exist (the reference's "undefined function").
    fn converter_ref(&mut self, name: &str, span: Span) -> Option<Arg> {
        match self.registry.converter_ref(name, span) {
            Some(converter) => Some(Arg::Function(converter)),
            None => {
                let known = self
                    .registry
                    .signatures()
                    .filter(|s| s.kind == FunctionKind::Converter)
                    .map(|s| s.name);
                let diagnostic = Diagnostic::error(
                    Code::UnknownFunction,
                    format!("unknown converter `{name}`"),
                    span,
                    "not a converter in the registry",
                );
                self.errors.push(match suggest(name, known) {
                    Some(best) => diagnostic.with_help(format!("did you mean `{best}`?")),
                    None => diagnostic,
                });
                None
            }
        }
    }

    fn string_list(
        &mut self,
        items: &[Expr],
        param: &Param,
        signature: &Signature,
    ) -> Option<Vec<String>> {
        items
            .iter()
            .map(|item| match &item.kind {
                ExprKind::String(text) => Some(text.clone()),
                _ => {
                    self.errors
                        .push(kind_mismatch(param, item.span, signature, describe(item)));
                    None
                }
            })
            .collect()
    }
}

/// Parameter names match in snake_case or camelCase, as the reference's do.
fn normalize(name: &str) -> String {
    name.chars()
        .filter(|c| *c != '_')
        .flat_map(char::to_lowercase)
        .collect()
}

fn describe(expr: &Expr) -> &'static str {
    match &expr.kind {
        ExprKind::Path(_) => "a path",
        ExprKind::Converter(_) => "a converter call",
        ExprKind::String(_) => "a string",
        ExprKind::Int(_) => "an int",
        ExprKind::Float(_) => "a float",
        ExprKind::Bool(_) => "a bool",
        ExprKind::List(_) => "a list",
        ExprKind::Map(_) => "a map",
        ExprKind::Nil => "nil",
        ExprKind::Lambda(_) => "a lambda",
        _ => "an expression",
    }
}

fn kind_mismatch(param: &Param, span: Span, signature: &Signature, found: &str) -> Diagnostic {
    let wanted = param.kind.describe();
    Diagnostic::error(
        Code::WrongArgumentKind,
        format!(
            "`{}` of `{}` must be {wanted}, found {found}",
            param.name, signature.name
        ),
        span,
        format!("expected {wanted}"),
    )
    .with_note(format!("usage: {}", signature.usage()))
}

fn arity(call: &Call, signature: &Signature, span: Span) -> Diagnostic {
    let required = signature.params.iter().filter(|p| !p.optional).count();
    let total = signature.params.len();
    let expected = if required == total {
        format!("{total}")
    } else {
        format!("{required} to {total}")
    };
    Diagnostic::error(
        Code::WrongArity,
        format!(
            "`{}` takes {expected} arguments, found {}",
            signature.name,
            call.args.len()
        ),
        span,
        "wrong number of arguments",
    )
    .with_note(format!("usage: {}", signature.usage()))
}

fn wrong_kind(call: &Call, signature: &Signature) -> Diagnostic {
    let (message, help) = match signature.kind {
        FunctionKind::Editor => (
            format!(
                "`{}` is an editor and cannot be used as a value",
                signature.name
            ),
            "editors head a statement; use a converter here",
        ),
        FunctionKind::Converter => (
            format!(
                "`{}` is a converter and cannot head a statement",
                signature.name
            ),
            "pass it to an editor, such as `set`",
        ),
    };
    Diagnostic::error(
        Code::UnknownFunction,
        message,
        call.name.span,
        "wrong kind of function",
    )
    .with_help(help)
}
