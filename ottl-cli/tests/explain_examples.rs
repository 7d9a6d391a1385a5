//! Every code's explanation ends with an example of the mistake and of the fix (the last two
//! indented lines): the mistake must yield that code, the fix must compile.

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
        let registry = ottl_functions::transform::registry(context);
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

/// Codes whose explanation cannot end with a one-line mistake: nesting 129 levels deep, empty
/// input, lambdas (which need the experimental functions), and the configuration codes, whose
/// examples are YAML.
fn exempt(code: Code) -> bool {
    matches!(code.id(), "E0016" | "E0020" | "E0021") || code.id().starts_with("E02")
}

#[test]
fn every_explanation_shows_the_mistake_and_a_fix_that_compiles() {
    let mut failures = Vec::new();
    for &code in Code::ALL.iter().filter(|&&code| !exempt(code)) {
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
