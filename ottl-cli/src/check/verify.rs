//! Compiling each unit's texts in the context(s) its component gives them, with that
//! component's functions, and turning the diagnostics into findings placed in the file.

use super::model::{Component, ContextChoice, Finding, Level, Unit};
use super::source::Item;
use crate::registry::Registries;
use crate::statements;
use ottl_core::compile::{compile_condition, compile_statement, compile_value};
use ottl_core::context::{self, ContextKind};
use ottl_core::diag::{Code, Diagnostic, Severity};
use ottl_core::span::Span;
use ottl_core::syntax;
use ottl_functions::processor::infer::{self, Inferred};

/// Functions some components have that this engine does not have yet: a call is reported
/// as a note, not as an unknown function.
const NOT_BUILT: &[(Component, &str)] = &[(Component::SignalToMetrics, "AdjustedCount")];

/// What a text is.
#[derive(Clone, Copy)]
enum Role {
    Statement,
    Condition,
    Value,
}

/// Checks every text of `unit`, adding what is wrong to `findings`.
pub(crate) fn unit(unit: &Unit, registries: &mut Registries, findings: &mut Vec<Finding>) {
    let texts = unit
        .statements
        .iter()
        .map(|t| (Role::Statement, t))
        .chain(unit.conditions.iter().map(|t| (Role::Condition, t)))
        .chain(unit.values.iter().map(|t| (Role::Value, t)));
    match unit.choice {
        ContextChoice::Given(context) => {
            for (role, text) in texts {
                compile(unit, role, text, context, registries, findings);
            }
        }
        ContextChoice::Group(signal) => {
            let statements: Vec<&str> = unit.statements.iter().map(|t| t.value.as_str()).collect();
            let conditions: Vec<&str> = unit.conditions.iter().map(|t| t.value.as_str()).collect();
            match infer::group(&statements, &conditions, signal) {
                Inferred::Context(context) => {
                    for (role, text) in texts {
                        compile(unit, role, text, context, registries, findings);
                    }
                }
                other => findings.push(not_inferred(unit, unit.at, other, None)),
            }
        }
        ContextChoice::Each(signal) => {
            for (role, text) in texts {
                match infer::condition(&text.value, signal) {
                    Inferred::Context(context) => {
                        compile(unit, role, text, context, registries, findings);
                    }
                    other => {
                        let span = text.span(Span::new(0, text.value.len()));
                        let span = span.unwrap_or(Span::new(text.at, text.at));
                        findings.push(not_inferred(unit, span, other, Some(&text.value)));
                    }
                }
            }
        }
        ContextChoice::Free => {
            let parsed: Vec<_> = unit
                .statements
                .iter()
                .filter_map(|t| syntax::parse_statement(&t.value).ok())
                .collect();
            let conditions: Vec<_> = unit
                .conditions
                .iter()
                .filter_map(|t| syntax::parse_condition(&t.value).ok())
                .collect();
            let paths = parsed
                .iter()
                .flat_map(syntax::statement_paths)
                .chain(conditions.iter().flat_map(syntax::condition_paths));
            let all_parse =
                parsed.len() == unit.statements.len() && conditions.len() == unit.conditions.len();
            match context::infer(paths) {
                Some(context) => {
                    for (role, text) in texts {
                        compile(unit, role, text, context, registries, findings);
                    }
                }
                // Syntax errors are reported in any context.
                None if !all_parse => {
                    for (role, text) in texts {
                        compile(unit, role, text, ContextKind::Log, registries, findings);
                    }
                }
                None => findings.push(not_inferred(unit, unit.at, Inferred::NoPrefix, None)),
            }
        }
        ContextChoice::Request => {
            for (_, text) in texts {
                if let Err(diagnostics) = statements::parse(&text.value) {
                    for diagnostic in diagnostics.0 {
                        findings.push(placed(unit, text, diagnostic, None));
                    }
                }
            }
            let mut note = Finding::note(
                unit.at,
                "the `request` context is not in this engine yet: only the syntax was checked",
            );
            note.component = Some(unit.id.clone());
            findings.push(note);
        }
    }
}

fn not_inferred(unit: &Unit, span: Span, why: Inferred, text: Option<&str>) -> Finding {
    let subject = match text {
        Some(text) => format!("the context of `{text}`"),
        None => "the context of these statements".to_owned(),
    };
    let (code, message, help) = match why {
        Inferred::WrongSignal(context) => (
            Code::UnknownContext,
            format!("the paths name the `{context}` context, which does not run on this signal"),
            "move the statements to the list of the signal they belong to".to_owned(),
        ),
        _ => (
            Code::ContextNotInferred,
            format!("cannot infer {subject}: no path names one"),
            "prefix the paths (`span.name`, `resource.attributes[\"k\"]`) or give the group a \
             `context:`"
                .to_owned(),
        ),
    };
    Finding::error(code, span, message)
        .with_help(help)
        .in_component(&unit.id)
}

/// Compiles one text and adds its diagnostics.
fn compile(
    unit: &Unit,
    role: Role,
    text: &Item,
    context: ContextKind,
    registries: &mut Registries,
    findings: &mut Vec<Finding>,
) {
    let result = match role {
        Role::Statement => {
            let registry = registries.get(unit.component, context, false);
            compile_statement(&text.value, context, registry).map(|s| s.warnings().to_vec())
        }
        Role::Condition => {
            let registry = registries.get(unit.component, context, true);
            compile_condition(&text.value, context, registry).map(|(_, warnings)| warnings)
        }
        Role::Value => {
            let registry = registries.get(unit.component, context, true);
            compile_value(&text.value, context, registry).map(|(_, warnings)| warnings)
        }
    };
    let diagnostics = match result {
        Ok(warnings) => warnings,
        Err(diagnostics) => diagnostics.0,
    };
    for diagnostic in diagnostics {
        findings.push(placed(unit, text, diagnostic, Some(context)));
    }
}

/// A diagnostic about `text`, moved into the file.
fn placed(
    unit: &Unit,
    text: &Item,
    diagnostic: Diagnostic,
    context: Option<ContextKind>,
) -> Finding {
    let level = match diagnostic.severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
    };
    let mut notes = diagnostic.notes;
    let not_built = diagnostic.code == Code::UnknownFunction
        && NOT_BUILT.iter().any(|(component, name)| {
            *component == unit.component
                && text.value.get(diagnostic.primary.span.range()) == Some(*name)
        });
    let reference_name = if not_built {
        None
    } else {
        reference_only(diagnostic.code, diagnostic.primary.span, text)
    };
    if reference_name.is_some() {
        // Not a misspelling: the list of functions there are would not help.
        notes.clear();
    }
    let span = match text.span(diagnostic.primary.span) {
        Some(span) => span,
        None => {
            notes.push(format!(
                "in `{}` (a multi-line YAML scalar: the position is the scalar's start)",
                text.value.trim()
            ));
            Span::new(text.at, text.at)
        }
    };
    let secondary = diagnostic
        .secondary
        .into_iter()
        .filter_map(|mut label| {
            label.span = text.span(label.span)?;
            Some(label)
        })
        .collect();
    let (level, code, message, help) = if not_built {
        let name = text
            .value
            .get(diagnostic.primary.span.range())
            .unwrap_or_default();
        (
            Level::Note,
            None,
            format!(
                "`{name}` is a function of this component that this engine does not have yet: not checked"
            ),
            None,
        )
    } else if let Some(name) = reference_name {
        (
            level,
            Some(diagnostic.code),
            format!("`{name}` is a function of the collector that this engine does not have yet"),
            Some(
                "the rest of the statement was checked; this call's arguments will be once it is built"
                    .to_owned(),
            ),
        )
    } else {
        (
            level,
            Some(diagnostic.code),
            diagnostic.message,
            diagnostic.help,
        )
    };
    Finding {
        level,
        code,
        message,
        span,
        label: diagnostic.primary.message,
        secondary,
        notes,
        help,
        component: (unit.component != Component::Statements).then(|| unit.id.clone()),
        context,
    }
}

/// The function an unknown-function diagnostic names, when the reference has it.
fn reference_only(code: Code, span: Span, text: &Item) -> Option<&str> {
    if code != Code::UnknownFunction {
        return None;
    }
    let name = text.value.get(span.range())?;
    crate::registry::reference_has(name).then_some(name)
}
