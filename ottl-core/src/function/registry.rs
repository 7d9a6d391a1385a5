//! The functions statements may call.

use super::{ConverterRef, Function, FunctionKind, Signature};
use crate::span::Span;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The functions statements may call: the standard library, plus or minus the host's own;
/// and the names of functions the reference removed, with what replaced them.
#[derive(Clone, Default)]
pub struct Registry {
    functions: BTreeMap<&'static str, (Signature, Arc<dyn Function>)>,
    retired: BTreeMap<&'static str, &'static str>,
    elsewhere: BTreeMap<&'static str, &'static str>,
    gated: BTreeMap<&'static str, Gated>,
    left_out: BTreeMap<&'static str, &'static str>,
}

/// A function statements may call only once a feature gate is on.
#[derive(Clone)]
struct Gated {
    /// The gates that turn it on (any one does).
    gates: &'static [&'static str],
    /// The function, until a gate moves it into the callable ones.
    function: (Signature, Arc<dyn Function>),
}

impl Registry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `function`, replacing one of the same name (callable or behind a gate).
    pub fn insert(&mut self, function: impl Function + 'static) {
        let signature = function.signature();
        self.gated.remove(signature.name);
        self.functions
            .insert(signature.name, (signature, Arc::new(function)));
    }

    /// Removes the function called `name` (callable or behind a gate); true if it was there.
    pub fn remove(&mut self, name: &str) -> bool {
        let gated = self.gated.remove(name).is_some();
        self.functions.remove(name).is_some() || gated
    }

    /// Records that the reference no longer has `name`, and what to write instead
    /// (`Base64Decode` → `` `Decode(value, "base64")` ``), for the diagnostic of a statement
    /// that still uses it.
    pub fn retire(&mut self, name: &'static str, replacement: &'static str) {
        self.retired.insert(name, replacement);
    }

    /// What replaced the retired function `name`, if it is one.
    pub fn replacement(&self, name: &str) -> Option<&'static str> {
        self.retired.get(name).copied()
    }

    /// Records that `name` is not here but is known in `context` (a transform processor
    /// function of another context: `convert_sum_to_gauge` in `metric`), for the diagnostic of
    /// a statement that calls it here.
    pub fn known_in(&mut self, name: &'static str, context: &'static str) {
        self.elsewhere.insert(name, context);
    }

    /// The context where the function `name`, absent here, is known, if it is one.
    pub fn context_of(&self, name: &str) -> Option<&'static str> {
        self.elsewhere.get(name).copied()
    }

    /// Puts the functions called `names` behind feature gates: statements may call them once
    /// one of `gates` is turned on with [`Registry::enable_gate`] (the lambda converters behind
    /// `ottl.functions.enableLambda`); until then a call gets a diagnostic naming the first
    /// gate. Names not here are skipped.
    pub fn gate(&mut self, names: &[&str], gates: &'static [&'static str]) {
        for name in names {
            if let Some((name, (signature, function))) = self.functions.remove_entry(*name) {
                self.gated.insert(
                    name,
                    Gated {
                        gates,
                        function: (signature, function),
                    },
                );
            }
        }
    }

    /// Adds `function` behind feature gates: statements may call it once one of `gates` is
    /// turned on with [`Registry::enable_gate`]; until then a call gets a diagnostic naming
    /// the first gate.
    ///
    /// ```
    /// use ottl_core::function::Registry;
    /// # use ottl_core::function::{Args, Function, FunctionKind, Signature, Compiled, Kind};
    /// # use ottl_core::diag::Diagnostic;
    /// # struct Reduce;
    /// # impl Function for Reduce {
    /// #     fn signature(&self) -> Signature { Signature::converter("Reduce", Kind::Any, "folds a list") }
    /// #     fn compile(&self, _: Args) -> Result<Compiled, Diagnostic> { unreachable!() }
    /// # }
    /// let mut registry = Registry::new();
    /// registry.insert_gated(Reduce, &["ottl.functions.enableLambda"]);
    /// assert!(registry.get("Reduce").is_none());
    /// assert_eq!(registry.gate_of("Reduce"), Some("ottl.functions.enableLambda"));
    /// assert!(registry.enable_gate("ottl.functions.enableLambda"));
    /// assert!(registry.get("Reduce").is_some());
    /// assert!(!registry.enable_gate("ottl.nope"));
    /// ```
    pub fn insert_gated(
        &mut self,
        function: impl Function + 'static,
        gates: &'static [&'static str],
    ) {
        let signature = function.signature();
        let name = signature.name;
        let function: Arc<dyn Function> = Arc::new(function);
        self.gated.insert(
            name,
            Gated {
                gates,
                function: (signature, function),
            },
        );
    }

    /// Turns on the feature gate `gate`: the functions behind it become callable. False when
    /// no function here is behind `gate`.
    pub fn enable_gate(&mut self, gate: &str) -> bool {
        let names: Vec<&'static str> = self
            .gated
            .iter()
            .filter(|(_, gated)| gated.gates.contains(&gate))
            .map(|(name, _)| *name)
            .collect();
        for name in &names {
            if let Some(gated) = self.gated.remove(name) {
                self.functions.insert(name, gated.function);
            }
        }
        !names.is_empty()
    }

    /// The feature gates functions here sit behind, each once.
    pub fn gates(&self) -> impl Iterator<Item = &'static str> {
        let gates: std::collections::BTreeSet<&'static str> = self
            .gated
            .values()
            .flat_map(|gated| gated.gates.iter().copied())
            .collect();
        gates.into_iter()
    }

    /// The feature gate that adds the function `name`, absent here, if it is experimental.
    pub fn gate_of(&self, name: &str) -> Option<&'static str> {
        self.gated
            .get(name)
            .and_then(|gated| gated.gates.first().copied())
    }

    /// Records that `name` is not here because the library was built without the cargo
    /// feature `feature` that carries it (`UserAgent` without `user-agent` of
    /// `ottl-functions`), for the diagnostic of a statement that calls it.
    pub fn left_out(&mut self, name: &'static str, feature: &'static str) {
        self.left_out.insert(name, feature);
    }

    /// The cargo feature that would add the function `name`, absent here, if it was left out.
    pub fn feature_of(&self, name: &str) -> Option<&'static str> {
        self.left_out.get(name).copied()
    }

    /// The function called `name`, with its signature.
    pub fn get(&self, name: &str) -> Option<(&Signature, &dyn Function)> {
        self.functions
            .get(name)
            .map(|(signature, function)| (signature, function.as_ref()))
    }

    /// The function called `name` as a compiled [`ConverterRef`], if it is a converter; `span`
    /// is where it was named.
    pub(crate) fn converter_ref(&self, name: &str, span: Span) -> Option<ConverterRef> {
        let (signature, function) = self.functions.get(name)?;
        (signature.kind == FunctionKind::Converter)
            .then(|| ConverterRef::new(signature, function, span))
    }

    /// Every function's signature, by name.
    pub fn signatures(&self) -> impl Iterator<Item = &Signature> {
        self.functions.values().map(|(signature, _)| signature)
    }

    /// How many functions there are.
    pub fn len(&self) -> usize {
        self.functions.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.functions.is_empty()
    }
}
