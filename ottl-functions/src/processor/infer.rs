//! The context of statements that do not name one, inferred as the collector infers it: from
//! their path prefixes, moved to a lower context of the signal when the conditions call a
//! function or name an enum only that one has. Shared by the processors here and by `ottl check`.

use ottl_core::context::{self, ContextKind, Signal};
use ottl_core::syntax;

/// What inference found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inferred {
    /// The context to compile in. Texts that do not parse are compiled in the signal's record
    /// context, where compiling reports their syntax errors.
    Context(ContextKind),
    /// The paths name a context that does not run on the signal.
    WrongSignal(ContextKind),
    /// No path names a context.
    NoPrefix,
}

/// The context of a statement group (basic style, or a group without `context:`).
pub fn group(statements: &[&str], conditions: &[&str], signal: Signal) -> Inferred {
    let parsed: Vec<_> = statements
        .iter()
        .filter_map(|t| syntax::parse_statement(t).ok())
        .collect();
    let parsed_conditions: Vec<_> = conditions
        .iter()
        .filter_map(|t| syntax::parse_condition(t).ok())
        .collect();
    let all_parse = parsed.len() == statements.len() && parsed_conditions.len() == conditions.len();
    let paths = parsed
        .iter()
        .flat_map(syntax::statement_paths)
        .chain(parsed_conditions.iter().flat_map(syntax::condition_paths));
    match context::infer(paths) {
        Some(context) if context.runs_on(signal) => {
            // The statements' functions are the same in every context; the conditions' and
            // the enum symbols are not.
            let functions: Vec<&str> = parsed_conditions
                .iter()
                .flat_map(syntax::condition_functions)
                .collect();
            let enums: Vec<&str> = parsed
                .iter()
                .flat_map(syntax::statement_enums)
                .chain(parsed_conditions.iter().flat_map(syntax::condition_enums))
                .collect();
            Inferred::Context(with_functions(context, signal, &functions, &enums))
        }
        Some(context) => Inferred::WrongSignal(context),
        None if !all_parse => Inferred::Context(signal.record_context()),
        None => Inferred::NoPrefix,
    }
}

/// The context of one basic-style filter condition, inferred on its own.
pub fn condition(text: &str, signal: Signal) -> Inferred {
    let Ok(condition) = syntax::parse_condition(text) else {
        return Inferred::Context(signal.record_context());
    };
    match context::infer(syntax::condition_paths(&condition)) {
        Some(context) if context.runs_on(signal) => Inferred::Context(with_functions(
            context,
            signal,
            &syntax::condition_functions(&condition),
            &syntax::condition_enums(&condition),
        )),
        Some(context) => Inferred::WrongSignal(context),
        None => Inferred::NoPrefix,
    }
}

/// `context`, inferred from paths, or the lower context of `signal` that has every one of
/// the condition `functions` and `enums` when it lacks one (`IsRootSpan()` moves `resource.…`
/// to `span`). Without such a context, `context` stays and compiling names what is missing.
fn with_functions(
    context: ContextKind,
    signal: Signal,
    functions: &[&str],
    enums: &[&str],
) -> ContextKind {
    let has = crate::filter::supports;
    context::infer_supported(context, signal, functions, enums, has).unwrap_or(context)
}
