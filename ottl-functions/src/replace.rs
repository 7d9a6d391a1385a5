//! The replacement pipeline shared by `replace_pattern`, `replace_all_patterns`,
//! `replace_match` and `replace_all_matches` (functions.md §2.R): a replacement template, an
//! optional converter applied to it, and an optional `%s` format applied to that.

use crate::pattern::Matcher;
use ottl_core::RuntimeErrorKind;
use ottl_core::context::TransformContext;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self, Coerce as _};
use ottl_core::function::{Args, ConverterRef, ValueArg};
use ottl_core::value::Value;
use ottl_core::{Limits, RuntimeError};
use std::borrow::Cow;

/// `replacement`, `function` and `replacementFormat`, from argument `first` on.
pub(crate) struct Replacement {
    pub(crate) template: ValueArg,
    function: Option<ConverterRef>,
    format: Option<ValueArg>,
    name: &'static str,
}

impl Replacement {
    /// Reads the three arguments starting at `first`.
    pub(crate) fn at(
        args: &mut Args,
        first: usize,
        name: &'static str,
    ) -> Result<Self, Diagnostic> {
        Ok(Self {
            template: args.value(first)?,
            function: args.optional_function(first + 1)?,
            format: args.optional_value(first + 2)?,
            name,
        })
    }

    /// The replacement template (`$1`, `${name}`, `$$`) for this record.
    pub(crate) fn template<'b>(
        &'b self,
        ctx: &'b TransformContext<'_>,
    ) -> Result<Cow<'b, str>, RuntimeError> {
        Ok(match get::String::coerce(self.template.get(ctx)?)? {
            Cow::Borrowed(text) => Cow::Borrowed(text.as_str()),
            Cow::Owned(text) => Cow::Owned(text.into()),
        })
    }

    /// Whether a converter is applied to each replacement.
    pub(crate) fn has_function(&self) -> bool {
        self.function.is_some()
    }

    /// `text` through the converter and the format; without a converter, `text` itself (the
    /// format is then ignored, as in the reference).
    pub(crate) fn finish(
        &self,
        ctx: &TransformContext<'_>,
        text: String,
    ) -> Result<String, RuntimeError> {
        let Some(function) = &self.function else {
            return Ok(text);
        };
        let hashed = match function.call(ctx, Value::string(text))? {
            Value::Str(text) => String::from(text.into_owned()),
            _ => return Err(self.error("the replacement value must be a string".to_owned())),
        };
        let Some(format) = &self.format else {
            return Ok(hashed);
        };
        let format = get::String::coerce(format.get(ctx)?)?;
        apply_format(&format, &hashed).ok_or_else(|| {
            self.error(
                "replacementFormat must be format string containing a single %s and no other format specifiers"
                    .to_owned(),
            )
        })
    }

    /// Every match of `matcher` in `text` replaced; `None` if nothing matched (nothing is
    /// allocated then). `template` is [`Replacement::template`] for this record.
    pub(crate) fn replace_all(
        &self,
        ctx: &TransformContext<'_>,
        matcher: &Matcher,
        text: &str,
        template: &str,
    ) -> Result<Option<String>, RuntimeError> {
        if self.function.is_none() {
            return replace_plain(matcher, text, template, ctx.limits());
        }
        if !matcher.may_match(text) {
            return Ok(None);
        }
        let regex = matcher.regex();
        // As the reference does: for each match in turn, the expanded template goes through
        // the converter and the format, and every occurrence of the matched text is replaced
        // with the result (Go's `strings.ReplaceAll`).
        let mut updated: Option<String> = None;
        for captures in regex.captures_iter(text) {
            let Some(whole) = captures.get(0) else {
                continue;
            };
            let mut expanded = String::new();
            captures.expand(template, &mut expanded);
            let replacement = self.finish(ctx, expanded)?;
            let current = updated.as_deref().unwrap_or(text);
            // Each round may multiply the text (an empty match is everywhere, and the
            // replacement may contain the match): bound it before building it.
            let occurrences = match whole.as_str() {
                "" => current.chars().count() + 1,
                whole => current.matches(whole).count(),
            };
            let len = (current.len() - occurrences * whole.len())
                .saturating_add(occurrences.saturating_mul(replacement.len()));
            ctx.limits().check_string_len(len)?;
            updated = Some(current.replace(whole.as_str(), &replacement));
        }
        Ok(updated)
    }

    fn error(&self, message: String) -> RuntimeError {
        RuntimeErrorKind::Function {
            function: self.name,
            message,
        }
        .into()
    }
}

/// Go's `fmt.Sprintf(format, value)` for a format that passes the reference's check: it must
/// contain `%s`, no newline, and no `%` followed by anything but `s`. A second `%s` prints
/// `%!s(MISSING)`, a trailing `%` prints `%!(NOVERB)`, as Go does.
/// `text` with every match of `matcher` replaced by the expanded `template` (no converter, no
/// format), or `None` if nothing matched.
pub(crate) fn replace_plain(
    matcher: &Matcher,
    text: &str,
    template: &str,
    limits: &Limits,
) -> Result<Option<String>, RuntimeError> {
    if !matcher.may_match(text) {
        return Ok(None);
    }
    let max = limits.max_string_len;
    // The result replaces the value in place, past the setters' checks: bounded as it grows.
    let replaced = if template.contains('$') {
        matcher.replace_all_expanding(text, template, max)
    } else {
        matcher.replace_all_literally(text, template, max)
    };
    replaced.map_err(|found| {
        RuntimeErrorKind::LimitExceeded {
            limit: "max_string_len",
            max,
            found,
        }
        .into()
    })
}

fn apply_format(format: &str, value: &str) -> Option<String> {
    let valid = format.contains("%s")
        && !format.contains('\n')
        && !format
            .as_bytes()
            .windows(2)
            .any(|pair| pair[0] == b'%' && pair[1] != b's');
    if !valid {
        return None;
    }
    let mut out = String::with_capacity(format.len() + value.len());
    let mut used = false;
    let mut rest = format;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        if rest[at + 1..].starts_with('s') {
            out.push_str(if used { "%!s(MISSING)" } else { value });
            used = true;
            rest = &rest[at + 2..];
        } else {
            out.push_str("%!(NOVERB)");
            rest = &rest[at + 1..];
        }
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::apply_format;

    #[test]
    fn formats_follow_go_sprintf() {
        assert_eq!(apply_format("k8s.%s", "x").as_deref(), Some("k8s.x"));
        assert_eq!(
            apply_format("%s-%s", "x").as_deref(),
            Some("x-%!s(MISSING)")
        );
        assert_eq!(apply_format("%d %s", "x"), None);
        assert_eq!(apply_format("no verb", "x"), None);
        assert_eq!(apply_format("a\n%s", "x"), None);
    }
}
