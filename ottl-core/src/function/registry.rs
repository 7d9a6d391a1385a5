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
    gated: BTreeMap<&'static str, &'static str>,
    left_out: BTreeMap<&'static str, &'static str>,
}

impl Registry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `function`, replacing one of the same name.
    pub fn insert(&mut self, function: impl Function + 'static) {
        let signature = function.signature();
        self.functions
            .insert(signature.name, (signature, Arc::new(function)));
    }

    /// Removes the function called `name`; true if it was there.
    pub fn remove(&mut self, name: &str) -> bool {
        self.functions.remove(name).is_some()
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

    /// Records that `name` is not here because it is experimental: the host adds it when the
    /// feature gate `gate` is on (`Reduce` behind `ottl.functions.enableLambda`), for the
    /// diagnostic of a statement that calls it without.
    pub fn gate(&mut self, name: &'static str, gate: &'static str) {
        self.gated.insert(name, gate);
    }

    /// The feature gate that adds the function `name`, absent here, if it is experimental.
    pub fn gate_of(&self, name: &str) -> Option<&'static str> {
        self.gated.get(name).copied()
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
