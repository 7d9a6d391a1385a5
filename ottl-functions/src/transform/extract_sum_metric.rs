//! `extract_sum_metric(is_monotonic, Optional[suffix])`.

use super::extract::Extraction;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, ParamKind, Signature};
use ottl_core::model::NumberValue;

/// `extract_sum_metric(is_monotonic, Optional[suffix])` — adds a sum metric `<name><suffix>`
/// (default `_sum`) with the sum of every point of a histogram, exponential histogram or
/// summary; histogram points without a sum are left out (metric context).
pub struct ExtractSumMetric;

impl Function for ExtractSumMetric {
    fn signature(&self) -> Signature {
        Signature::editor(
            "extract_sum_metric",
            "adds a sum metric with the sum of each histogram or summary point",
        )
        .param("monotonic", ParamKind::Bool)
        .optional("suffix", ParamKind::String)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let is_monotonic = args.optional_bool(0)?.unwrap_or_default();
        let suffix = args
            .optional_string(1)?
            .unwrap_or_else(|| "_sum".to_owned());
        Ok(Compiled::editor(move |ctx| {
            Extraction {
                function: "extract_sum_metric",
                suffix: &suffix,
                unit: None,
                is_monotonic,
                value: |source| source.sum.map(NumberValue::Double),
            }
            .run(ctx)
        }))
    }
}
