//! `IsValidLuhn(target)`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self};
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::value::Value;
use ottl_core::RuntimeError;

/// `IsValidLuhn(target)` — whether the digits of `target` (a string, or an int or other value
/// in its string form) pass the Luhn check, spaces ignored; an empty string is false and any
/// other character than a digit or a space is an error.
pub struct IsValidLuhn;

const NAME: &str = "IsValidLuhn";

impl Function for IsValidLuhn {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, Kind::Bool, "whether a number passes the Luhn checksum")
            .param("target", ParamKind::Like(Kind::String))
            .example(r#"IsValidLuhn("17893729974")"#, "true")
            .example(r#"IsValidLuhn("1789 3729 974")"#, "true")
            .example(r#"IsValidLuhn("17893729975")"#, "false")
            .example("IsValidLuhn(17893729974)", "true")
            .example(r#"IsValidLuhn("")"#, "false")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::StringLike>(0)?;
        Ok(Compiled::converter(move |ctx| {
            let Some(text) = target.eval(ctx)? else {
                return Err(failure("invalid input: <nil>".to_owned()));
            };
            luhn(&text).map(Value::Bool)
        }))
    }
}

/// The Luhn check of `text` without its spaces: `Ok(false)` when nothing is left.
fn luhn(text: &str) -> Result<bool, RuntimeError> {
    // From the right: the check digit, then every second digit doubled.
    let mut digits = text.bytes().rev().filter(|&b| b != b' ');
    let Some(check) = digits.next() else {
        return Ok(false);
    };
    let check = digit(check)?;
    let mut sum = 0u32;
    for (position, byte) in digits.enumerate() {
        let mut value = digit(byte)?;
        if position % 2 == 0 {
            value *= 2;
            if value > 9 {
                value -= 9;
            }
        }
        // At most 9 per digit: a string of more than 400 million digits would be needed to
        // overflow, and the reference's sum only matters modulo 10 anyway.
        sum = (sum + value) % 10;
    }
    Ok((10 - sum) % 10 == check)
}

/// A decimal digit's value; any other byte is the error Go's `strconv.Atoi` gives for it.
fn digit(byte: u8) -> Result<u32, RuntimeError> {
    if byte.is_ascii_digit() {
        return Ok(u32::from(byte - b'0'));
    }
    // The reference converts the byte alone to a string, as if it were a Latin-1 character.
    Err(failure(format!(
        "strconv.Atoi: parsing {:?}: invalid syntax",
        char::from(byte).to_string()
    )))
}

fn failure(message: String) -> RuntimeError {
    RuntimeError::function(NAME, message)
}

#[cfg(test)]
mod tests {
    use super::luhn;

    #[test]
    fn reference_cases() {
        assert!(luhn("17893729974").is_ok_and(|ok| ok));
        assert!(luhn("1789 3729 974").is_ok_and(|ok| ok));
        assert!(luhn("0").is_ok_and(|ok| ok));
        assert!(luhn("17893729975").is_ok_and(|ok| !ok));
        assert!(luhn("").is_ok_and(|ok| !ok));
        assert!(luhn("   ").is_ok_and(|ok| !ok));
        assert!(luhn("test").is_err());
        assert!(luhn("false").is_err());
        assert!(luhn("30.3").is_err());
    }

    #[test]
    fn dashes_tabs_and_signs_are_errors() {
        for text in ["4111-1111-1111-1111", "4111\t1111", "-18", "+18", "١٨"] {
            assert!(luhn(text).is_err(), "{text:?}");
        }
    }

    #[test]
    fn common_card_numbers() {
        assert!(luhn("4111 1111 1111 1111").is_ok_and(|ok| ok));
        assert!(luhn("4111 1111 1111 1112").is_ok_and(|ok| !ok));
        assert!(luhn("79927398713").is_ok_and(|ok| ok));
    }
}
