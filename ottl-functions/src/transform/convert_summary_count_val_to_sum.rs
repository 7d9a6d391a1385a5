//! `convert_summary_count_val_to_sum(aggregation_temporality, is_monotonic, Optional[suffix])`.

use super::temporality;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, ParamKind, Signature};
use ottl_core::model::NumberValue;

/// `convert_summary_count_val_to_sum(aggregation_temporality, is_monotonic,
/// Optional[suffix])` — adds a sum metric `<name><suffix>` (default `_count`) with the count
/// of every point of a summary metric (data-point context: one metric per point visited, as in
/// the reference, so it is usually guarded by a condition).
pub struct ConvertSummaryCountValToSum;

impl Function for ConvertSummaryCountValToSum {
    fn signature(&self) -> Signature {
        Signature::editor(
            "convert_summary_count_val_to_sum",
            "adds a sum metric with the count of each summary point",
        )
        .param("string_agg_temp", ParamKind::String)
        .param("monotonic", ParamKind::Bool)
        .optional("suffix", ParamKind::String)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let conversion = super::convert_summary_sum_val_to_sum::SummaryToSum {
            temporality: temporality(&mut args, 0)?,
            is_monotonic: args.optional_bool(1)?.unwrap_or_default(),
            suffix: args
                .optional_string(2)?
                .unwrap_or_else(|| "_count".to_owned()),
            value: |point| NumberValue::Int(point.count as i64),
        };
        Ok(Compiled::editor(move |ctx| conversion.run(ctx)))
    }
}
