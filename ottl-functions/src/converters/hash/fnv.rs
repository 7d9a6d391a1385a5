//! `FNV(target)`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature, adapt};
use ottl_core::value::Value;

/// `FNV(target)` — the 64-bit FNV-1a hash of a string's UTF-8 bytes, as a signed int (the
/// hash's bits reinterpreted, as the reference's `int64(hash)`).
pub struct Fnv;

impl Function for Fnv {
    fn signature(&self) -> Signature {
        Signature::converter("FNV", Kind::Int, "the 64-bit FNV-1a hash of a string, as an int")
            .param("target", ParamKind::Value(Kind::String))
            .example(r#"FNV("hello world")"#, "8618312879776256743")
            .example(r#"FNV("")"#, "-3750763034362895579")
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        // The hash's bits as a signed int, as the reference's `int64(hash)`.
        adapt::str1(args, |text| Ok(Value::Int(fnv1a_64(text.as_bytes()) as i64)))
    }
}

/// FNV-1a, 64 bits: three lines, so written here rather than taken from a crate (the `fnv`
/// crate offers it only as a `Hasher`, which adds nothing for one slice).
fn fnv1a_64(bytes: &[u8]) -> u64 {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes.iter().fold(OFFSET_BASIS, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(PRIME)
    })
}
