//! `copy_metric(Optional[name], Optional[description], Optional[unit])`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self, Typed};
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::model::Str;
use ottl_core::{RuntimeError, context::TransformContext};

/// `copy_metric(Optional[name], Optional[description], Optional[unit])` — adds a copy of the
/// metric after the scope's metrics, with the given name, description and unit (metric
/// context). Later statements of the same run visit the copy too.
pub struct CopyMetric;

impl Function for CopyMetric {
    fn signature(&self) -> Signature {
        Signature::editor(
            "copy_metric",
            "adds a copy of the metric to its scope, optionally renamed",
        )
        .optional("name", ParamKind::Value(Kind::String))
        .optional("description", ParamKind::Value(Kind::String))
        .optional("unit", ParamKind::Value(Kind::String))
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let name = args.optional::<get::String>(0)?;
        let description = args.optional::<get::String>(1)?;
        let unit = args.optional::<get::String>(2)?;
        Ok(Compiled::editor(move |ctx| {
            let mut copy = ctx.metric_record()?.clone();
            if let Some(name) = read(&name, ctx)? {
                copy.name = name;
            }
            if let Some(description) = read(&description, ctx)? {
                copy.description = description;
            }
            if let Some(unit) = read(&unit, ctx)? {
                copy.unit = unit;
            }
            ctx.add_metric(copy);
            Ok(())
        }))
    }
}

/// The string argument's value, if it was given.
fn read(
    argument: &Option<Typed<get::String>>,
    ctx: &TransformContext<'_>,
) -> Result<Option<Str>, RuntimeError> {
    argument
        .as_ref()
        .map(|argument| argument.eval(ctx).map(|text| text.into_owned()))
        .transpose()
}
