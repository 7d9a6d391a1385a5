//! `extract_count_metric(is_monotonic, Optional[suffix])`.

use super::extract::Extraction;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, ParamKind, Signature};
use ottl_core::model::NumberValue;

/// `extract_count_metric(is_monotonic, Optional[suffix])` — adds a sum metric
/// `<name><suffix>` (default `_count`, unit `1`) with the count of every point of a histogram,
/// exponential histogram or summary (metric context).
pub struct ExtractCountMetric;

impl Function for ExtractCountMetric {
    fn signature(&self) -> Signature {
        Signature::editor(
            "extract_count_metric",
            "adds a sum metric with the count of each histogram or summary point",
        )
        .param("monotonic", ParamKind::Bool)
        .optional("suffix", ParamKind::String)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let is_monotonic = args.optional_bool(0)?.unwrap_or_default();
        let suffix = args
            .optional_string(1)?
            .unwrap_or_else(|| "_count".to_owned());
        Ok(Compiled::editor(move |ctx| {
            Extraction {
                function: "extract_count_metric",
                suffix: &suffix,
                unit: Some("1"),
                is_monotonic,
                value: |source| Some(NumberValue::Int(source.count as i64)),
            }
            .run(ctx)
        }))
    }
}
