//! `Log(target)`.

use super::like;
use ottl_core::function::get::FloatLike;
use ottl_core::RuntimeError;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::value::Value;

const NAME: &str = "Log";

/// `Log(target)` — the natural logarithm of a number (converted as `Double` converts it: ints,
/// bools, numeric strings). Nil, zero and negative numbers are errors; NaN gives NaN.
pub struct Log;

impl Function for Log {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, Kind::Float, "the natural logarithm of a number")
            .param("target", ParamKind::Like(Kind::Float))
            .example(r#"Log(1)"#, "0.0")
            .example(r#"Log(true)"#, "0.0")
            .example(r#"Log("50")"#, "3.912023005428146")
            .example(r#"Log(2.7)"#, "0.9932517730102834")
    }

    fn compile(&self, args: Args) -> Result<Compiled, Diagnostic> {
        like::unary::<FloatLike, _>(args, NAME, |number| match number {
            None => Err(failure("the value is nil".to_owned())),
            Some(number) if number <= 0.0 => Err(failure(format!(
                "expected a number greater than zero but got {number}"
            ))),
            Some(number) => Ok(Value::Double(go_log(number))),
        })
    }
}

fn failure(message: String) -> RuntimeError {
    RuntimeError::function(NAME, message)
}

/// The natural logarithm as Go's `math.Log` computes it on x86-64 (the FreeBSD `e_log.c`
/// polynomial, in assembly there), so results agree to the last bit, where the platform's
/// `ln` differs in about one case in a hundred. Like that assembly, it reads a subnormal's
/// exponent field as it is, without normalizing it first.
fn go_log(x: f64) -> f64 {
    // The fdlibm constants, by their bits.
    const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
    const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);
    const L1: f64 = f64::from_bits(0x3fe5_5555_5555_5593);
    const L2: f64 = f64::from_bits(0x3fd9_9999_9997_fa04);
    const L3: f64 = f64::from_bits(0x3fd2_4924_9422_9359);
    const L4: f64 = f64::from_bits(0x3fcc_71c5_1d8e_78af);
    const L5: f64 = f64::from_bits(0x3fc7_4664_96cb_03de);
    const L6: f64 = f64::from_bits(0x3fc3_9a09_d078_c69f);
    const L7: f64 = f64::from_bits(0x3fc2_f112_df3e_5244);
    if x.is_nan() || x == f64::INFINITY {
        return x;
    }
    if x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    // x = f1 · 2^k with f1 in [√2/2, √2).
    let bits = x.to_bits();
    let mut k = ((bits >> 52) & 0x7ff) as i32 - 1022;
    let mut f1 = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    if f1 < std::f64::consts::FRAC_1_SQRT_2 {
        f1 *= 2.0;
        k -= 1;
    }
    let f = f1 - 1.0;
    let k = f64::from(k);
    let s = f / (2.0 + f);
    let s2 = s * s;
    let s4 = s2 * s2;
    let t1 = s2 * (L1 + s4 * (L3 + s4 * (L5 + s4 * L7)));
    let t2 = s4 * (L2 + s4 * (L4 + s4 * L6));
    let r = t1 + t2;
    let hfsq = 0.5 * f * f;
    k * LN2_HI - ((hfsq - (s * (hfsq + r) + k * LN2_LO)) - f)
}

#[cfg(test)]
mod tests {
    use super::go_log;

    /// Go's `math.Log` on x86-64, bit for bit, including a case where glibc's `ln` rounds the
    /// other way and a subnormal.
    #[test]
    fn agrees_with_go_math_log() {
        let go: &[(f64, u64)] = &[
            (50.0, 0x400f4bd2b7ac1baf),
            (173.266_238_182_705_28, 0x40149e8b96804d28),
            (6.348_033_151_701_217e-309, 0xc08626b567ef2a71),
        ];
        for (x, want) in go {
            assert_eq!(go_log(*x).to_bits(), *want, "{x:e}");
        }
    }
}
