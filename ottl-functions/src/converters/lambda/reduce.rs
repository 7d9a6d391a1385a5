//! `Reduce(source, seed, accumulator)`.

use super::SourceArg;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::value::Value;

/// `Reduce(source, seed, accumulator)` — folds a list or map: starting from `seed`, the
/// accumulator becomes `accumulator(acc, index or key, value)` for each element in order.
/// An empty source gives `seed`.
///
/// The accumulator moves into the lambda's frame and its result moves back: only what the body
/// itself computes is allocated.
pub struct Reduce;

impl Function for Reduce {
    fn signature(&self) -> Signature {
        Signature::converter("Reduce", Kind::Any, "folds a list or map into one value")
            .param("source", ParamKind::Value(Kind::Any))
            .param("seed", ParamKind::Value(Kind::Any))
            .param("accumulator", ParamKind::Lambda(3))
            .example("Reduce([1, 2, 3], 0, (acc, _, v) => acc + v)", "6")
            .example(
                r#"Reduce({"a": 1, "b": 2}, "", (acc, k, v) => Concat([acc, k, "=", String(v), ";"], ""))"#,
                r#""a=1;b=2;""#,
            )
            .example("Reduce([], 7, (acc, _, v) => acc + v)", "7")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let source = SourceArg::new(args.value(0)?);
        let seed = args.getter(1)?;
        let accumulator = args.lambda(2)?;
        Ok(Compiled::converter(move |ctx| {
            let source = source.read("Reduce", ctx)?;
            let mut acc = seed(ctx)?.into_owned();
            for element in source.elements() {
                let index = if accumulator.binds(1) {
                    element.key.value()
                } else {
                    Value::Nil
                };
                let args = [acc.into(), index.into(), element.arg(&accumulator, 2)];
                acc = accumulator
                    .call(ctx, args)
                    .map_err(|error| element.key.wrap("Reduce", &error))?
                    .into_owned();
            }
            Ok(acc)
        }))
    }
}

