//! Every code's explanation ends with an example of the mistake and of the fix: for the OTTL
//! codes the last two indented lines, compiled; for the configuration codes (`E02xx`) the last
//! two indented blocks, whole collector configurations, checked as `ottl check` does. The
//! mistake must yield that code, the fix must compile.

use ottl_core::compile::{compile_condition, compile_statement};
use ottl_core::context::ContextKind;
use ottl_core::diag::Code;

/// The mistake and the fix of `code`'s explanation.
fn examples(code: Code) -> Option<(&'static str, &'static str)> {
    let mut lines = code
        .explanation()
        .lines()
        .rev()
        .filter_map(|line| line.strip_prefix("    "));
    let fixed = lines.next()?;
    let wrong = lines.next()?;
    Some((wrong, fixed))
}

/// What compiling `source` gives in the contexts an example may use: for each, as a statement
/// and as a condition, `Ok` with the warnings or `Err` with the errors' codes.
fn outcomes(source: &str) -> Vec<Result<Vec<Code>, Vec<Code>>> {
    let codes = |diagnostics: &[ottl_core::diag::Diagnostic]| -> Vec<Code> {
        diagnostics.iter().map(|d| d.code).collect()
    };
    let mut outcomes = Vec::new();
    for context in [ContextKind::Log, ContextKind::Span, ContextKind::Metric] {
        let mut registry = ottl_functions::transform::registry(context);
        registry.enable_gate(ottl_functions::LAMBDA_GATE);
        outcomes.push(
            compile_statement(source, context, &registry)
                .map(|s| codes(s.warnings()))
                .map_err(|e| codes(&e.0)),
        );
        outcomes.push(
            compile_condition(source, context, &registry)
                .map(|(_, warnings)| codes(&warnings))
                .map_err(|e| codes(&e.0)),
        );
    }
    outcomes
}

/// Codes whose explanation cannot end with a one-line mistake: nesting 129 levels deep and
/// empty input.
fn exempt(code: Code) -> bool {
    matches!(code.id(), "E0020" | "E0021")
}

/// Whether `code` is about a collector configuration rather than OTTL text.
fn is_config(code: Code) -> bool {
    code.id().starts_with("E02")
}

/// The refused and the accepted configuration of a configuration code's explanation: its
/// last two indented blocks, unindented.
fn config_examples(code: Code) -> Option<(String, String)> {
    let mut blocks = code.explanation().rsplit("\n\n").filter_map(|block| {
        let lines: Option<Vec<&str>> = block.lines().map(|l| l.strip_prefix("    ")).collect();
        lines.map(|lines| lines.join("\n") + "\n")
    });
    let fixed = blocks.next()?;
    let wrong = blocks.next()?;
    Some((wrong, fixed))
}

/// The codes of the errors `ottl check` finds in `config`.
fn config_errors(config: &str) -> Vec<Code> {
    let checked = ottl_cli::check::check_config("example.yaml".to_owned(), config.to_owned());
    checked
        .findings
        .iter()
        .filter(|f| f.level == ottl_cli::check::Level::Error)
        .filter_map(|f| f.code)
        .collect()
}

#[test]
fn every_configuration_code_shows_a_refused_and_an_accepted_config() {
    let mut failures = Vec::new();
    for &code in Code::ALL.iter().filter(|&&code| is_config(code)) {
        let Some((wrong, fixed)) = config_examples(code) else {
            failures.push(format!("{code}: no example configurations"));
            continue;
        };
        let found = config_errors(&wrong);
        if !found.contains(&code) {
            failures.push(format!("{code}: refused example gives {found:?}:\n{wrong}"));
        }
        let found = config_errors(&fixed);
        if !found.is_empty() {
            failures.push(format!(
                "{code}: accepted example gives {found:?}:\n{fixed}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_explanation_shows_the_mistake_and_a_fix_that_compiles() {
    let mut failures = Vec::new();
    for &code in Code::ALL
        .iter()
        .filter(|&&code| !exempt(code) && !is_config(code))
    {
        let Some((wrong, fixed)) = examples(code) else {
            failures.push(format!("{code}: no examples"));
            continue;
        };
        let wrong_outcomes = outcomes(wrong);
        let shows = wrong_outcomes.iter().any(|outcome| match outcome {
            Ok(warnings) => warnings.contains(&code),
            Err(errors) => errors.contains(&code),
        });
        if !shows {
            failures.push(format!("{code}: `{wrong}` gives {wrong_outcomes:?}"));
        }
        let fixed_outcomes = outcomes(fixed);
        let fixes = fixed_outcomes
            .iter()
            .any(|outcome| outcome.as_ref().is_ok_and(|warnings| warnings.is_empty()));
        if !fixes {
            failures.push(format!("{code}: fix `{fixed}` gives {fixed_outcomes:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
