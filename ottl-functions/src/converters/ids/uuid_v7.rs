//! `UUIDv7()`.

use super::uuid::canonical;
use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, Kind, Signature};

/// `UUIDv7()` — a new time-ordered (version 7) UUID in its lowercase 36-character form:
/// milliseconds since the Unix epoch, then random bits; later calls sort after earlier ones.
pub struct UuidV7;

impl Function for UuidV7 {
    fn signature(&self) -> Signature {
        Signature::converter("UUIDv7", Kind::String, "a new time-ordered (version 7) UUID")
            .example("Len(UUIDv7())", "36")
            .example(r#"IsMatch(UUIDv7(), "^[0-9a-f]{8}-[0-9a-f]{4}-7")"#, "true")
    }

    fn compile(&self, _args: Args) -> Result<Compiled, Diagnostic> {
        Ok(Compiled::converter(|_| Ok(canonical(uuid::Uuid::now_v7()))))
    }
}

#[cfg(test)]
mod tests {
    use crate::converters::ids::uuid::tests::three_ids;

    #[test]
    fn every_call_gives_a_new_later_uuid() {
        let ids = three_ids("UUIDv7()");
        assert!(ids[0] < ids[1] && ids[1] < ids[2], "{ids:?}");
        for id in &ids {
            assert_eq!(&id[14..15], "7", "{id}");
            assert_eq!(id.to_lowercase(), *id);
        }
    }
}
