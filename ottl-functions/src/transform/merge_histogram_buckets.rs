//! `merge_histogram_buckets(target_value, Optional[method])`.

use super::failure;
use ottl_core::RuntimeError;
use ottl_core::context::TransformContext;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self, Typed};
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::model::{HistogramDataPoint, MetricData};

/// `merge_histogram_buckets(target_value, Optional[method])` — on a histogram data point,
/// `remove_explicit_bound` (the default) removes the bound equal to `target_value` (within
/// 1e-12), adding its bucket's count to the next one; `limit_buckets` merges neighbouring
/// buckets evenly until at most `target_value` are left. Points of other kinds, and points
/// whose bucket counts do not match their bounds, are left alone (data-point context).
pub struct MergeHistogramBuckets;

/// What the function does with the target value.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Method {
    RemoveExplicitBound,
    LimitBuckets,
}

const NAME: &str = "merge_histogram_buckets";

impl Function for MergeHistogramBuckets {
    fn signature(&self) -> Signature {
        Signature::editor(
            NAME,
            "removes one bound of a histogram point, or merges its buckets down to a count",
        )
        .param("target_value", ParamKind::Like(Kind::Float))
        .optional("method", ParamKind::String)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let method = match args.optional_string(1)?.as_deref() {
            None | Some("remove_explicit_bound") => Method::RemoveExplicitBound,
            Some("limit_buckets") => Method::LimitBuckets,
            Some(other) => {
                return Err(args.invalid(
                    1,
                    format!(
                        "unsupported method {other:?}, expected \"remove_explicit_bound\" or \"limit_buckets\""
                    ),
                    r#"use "remove_explicit_bound" or "limit_buckets""#,
                ));
            }
        };
        let target = args.get::<get::FloatLike>(0)?;
        // A literal target is checked now, as the reference checks it when it parses.
        if let Some(constant) = target.constant() {
            let Some(value) = constant else {
                return Err(args.invalid(0, "target_value must not be nil", "pass a number"));
            };
            if method == Method::LimitBuckets && max_buckets(value).is_err() {
                return Err(args.invalid(
                    0,
                    format!(
                        "target_value must be a positive integer when method is \"limit_buckets\", got {value}"
                    ),
                    "pass a whole number of buckets, such as `10`",
                ));
            }
        }
        Ok(Compiled::editor(move |ctx| run(ctx, &target, method)))
    }
}

fn run(
    ctx: &mut TransformContext<'_>,
    target: &Typed<get::FloatLike>,
    method: Method,
) -> Result<(), RuntimeError> {
    let Some(index) = ctx.data_point_index() else {
        return Ok(());
    };
    if !matches!(ctx.metric_record()?.data, MetricData::Histogram(_)) {
        return Ok(());
    }
    let value = target
        .eval(ctx)?
        .ok_or_else(|| failure(NAME, "target_value must not be nil"))?;
    let limit = match method {
        Method::LimitBuckets => Some(max_buckets(value)?),
        Method::RemoveExplicitBound => None,
    };
    let MetricData::Histogram(histogram) = &mut ctx.metric_record_mut()?.data else {
        return Ok(());
    };
    let Some(point) = histogram.data_points.get_mut(index) else {
        return Ok(());
    };
    match limit {
        Some(limit) => limit_buckets(point, limit),
        None => remove_bound(point, value),
    }
    Ok(())
}

/// The bucket limit `value` names: a whole number of at least 1.
fn max_buckets(value: f64) -> Result<usize, RuntimeError> {
    if value < 1.0 || value.trunc() != value || value > i64::MAX as f64 {
        return Err(failure(
            NAME,
            format!(
                "target_value must be a positive integer when method is \"limit_buckets\", got {value}"
            ),
        ));
    }
    Ok(usize::try_from(value as i64).unwrap_or(usize::MAX))
}

/// Whether the point has one more bucket than bounds and more than one bucket.
fn well_formed(point: &HistogramDataPoint) -> bool {
    point.explicit_bounds.len() + 1 == point.bucket_counts.len() && point.bucket_counts.len() > 1
}

fn remove_bound(point: &mut HistogramDataPoint, bound: f64) {
    if !well_formed(point) {
        return;
    }
    let Some(at) = point
        .explicit_bounds
        .iter()
        .position(|b| (b - bound).abs() < 1e-12)
    else {
        return;
    };
    let moved = point.bucket_counts[at];
    point.bucket_counts[at + 1] = point.bucket_counts[at + 1].wrapping_add(moved);
    point.explicit_bounds.remove(at);
    point.bucket_counts.remove(at);
}

fn limit_buckets(point: &mut HistogramDataPoint, limit: usize) {
    if !well_formed(point) || point.bucket_counts.len() <= limit {
        return;
    }
    if !point
        .explicit_bounds
        .windows(2)
        .all(|pair| pair[1] > pair[0])
    {
        return;
    }
    let group = (point.bucket_counts.len() - 1) / limit + 1;
    point.bucket_counts = point
        .bucket_counts
        .chunks(group)
        .map(|chunk| chunk.iter().fold(0u64, |sum, c| sum.wrapping_add(*c)))
        .collect();
    point.explicit_bounds = point
        .explicit_bounds
        .iter()
        .skip(group - 1)
        .step_by(group)
        .copied()
        .collect();
}
