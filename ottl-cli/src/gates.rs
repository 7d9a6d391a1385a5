//! `--feature-gates`: the collector's feature gates that change which functions statements
//! may call, given as `otelcol --feature-gates` takes them.

use ottl_core::function::Registry;

/// The gates `ottl` knows: either one adds the experimental functions (the lambda converters
/// and `sanitize_utf8`), which the reference adds only behind them.
const KNOWN: [&str; 2] = [
    ottl_functions::LAMBDA_GATE,
    ottl_functions::EXPERIMENTAL_GATE,
];

/// Which feature gates are on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FeatureGates {
    lambda: bool,
    experimental: bool,
}

impl FeatureGates {
    /// Applies each comma-separated list of gate ids in order, as `otelcol --feature-gates`:
    /// `id` or `+id` turns a gate on, `-id` off. An unknown id is an error naming the known ones.
    pub fn parse<'a>(lists: impl IntoIterator<Item = &'a str>) -> Result<Self, String> {
        let mut gates = Self::default();
        for id in lists.into_iter().flat_map(|list| list.split(',')) {
            let id = id.trim();
            if id.is_empty() {
                continue;
            }
            let (on, name) = match id.strip_prefix('-') {
                Some(name) => (false, name),
                None => (true, id.strip_prefix('+').unwrap_or(id)),
            };
            if name == ottl_functions::LAMBDA_GATE {
                gates.lambda = on;
            } else if name == ottl_functions::EXPERIMENTAL_GATE {
                gates.experimental = on;
            } else {
                return Err(format!(
                    "no such feature gate `{name}`; ottl knows {}",
                    KNOWN.map(|known| format!("`{known}`")).join(" and ")
                ));
            }
        }
        Ok(gates)
    }

    /// Whether a gate that adds the experimental functions is on.
    pub fn experimental(self) -> bool {
        self.lambda || self.experimental
    }

    /// Adds to `registry` the functions the gates that are on allow.
    pub fn apply(self, registry: &mut Registry) {
        if self.experimental() {
            ottl_functions::experimental(registry);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_turn_gates_on_and_a_minus_turns_them_off_in_order() {
        let on = FeatureGates::parse(["ottl.functions.enableLambda"]);
        assert_eq!(
            on,
            Ok(FeatureGates {
                lambda: true,
                experimental: false
            })
        );
        let off = FeatureGates::parse([
            "+ottl.functions.enableLambda,pkg.ottl.functions.enableExperimental",
            "-ottl.functions.enableLambda",
        ]);
        assert_eq!(
            off,
            Ok(FeatureGates {
                lambda: false,
                experimental: true
            })
        );
        let unknown = FeatureGates::parse(["ottl.nope"]).err().unwrap_or_default();
        assert!(unknown.contains("ottl.functions.enableLambda"), "{unknown}");
    }
}
