//! `Decode`'s encodings: the base64 variants, and text encodings by name as the reference's
//! `textutils.LookupEncoding` finds them — its overrides first (`utf-8`, `utf8`, `ascii`,
//! `us-ascii` and `""` read as UTF-8, `utf-16` and `utf16` as UTF-16LE keeping any byte-order
//! mark as a character, `nop`, `utf-8-raw` and `utf8-raw` pass bytes through), then every name
//! and alias of Go's IANA index (`golang.org/x/text/encoding/ianaindex`), case-insensitively,
//! spaces around the name ignored.
//!
//! The decoding is `encoding_rs`'s (WHATWG), corrected where Go's tables differ, as measured by
//! decoding every byte through the reference engine: Go's single-byte tables leave bytes that
//! WHATWG maps to the C1 controls U+0080–U+009F unmapped (U+FFFD); `ISO-8859-1` is Latin-1
//! and `ISO-8859-9` Latin-5 (WHATWG reads both as windows-125x); the few names `encoding_rs`
//! has no decoder for (IBM code pages, `HZ-GB-2312`) are refused. Malformed multi-byte input
//! (Shift_JIS, EUC-JP, GBK, GB18030, ISO-2022-JP) is recovered from WHATWG's way, which
//! sometimes differs from Go's in how many bytes one U+FFFD replaces.

use super::base64_variant::Base64;
use encoding_rs::{
    BIG5, EUC_JP, EUC_KR, Encoding, GB18030, GBK, IBM866, ISO_2022_JP, ISO_8859_2, ISO_8859_3,
    ISO_8859_4, ISO_8859_5, ISO_8859_6, ISO_8859_7, ISO_8859_8, ISO_8859_8_I, ISO_8859_10,
    ISO_8859_13, ISO_8859_14, ISO_8859_15, ISO_8859_16, KOI8_R, KOI8_U, MACINTOSH, SHIFT_JIS,
    UTF_16BE, UTF_16LE, WINDOWS_874, WINDOWS_1250, WINDOWS_1251, WINDOWS_1252, WINDOWS_1253,
    WINDOWS_1254, WINDOWS_1255, WINDOWS_1256, WINDOWS_1257, WINDOWS_1258,
};
use ottl_core::value::Value;
use std::borrow::Cow;

/// How `Decode` turns a string's or bytes' content into text.
#[derive(Debug, Clone, Copy)]
pub(super) enum Decoder {
    /// A base64 variant: the decoded bytes are the text.
    Base64(Base64),
    /// UTF-8, each invalid sequence replaced by U+FFFD.
    Utf8,
    /// The bytes as they are (`nop`, `utf-8-raw`); invalid UTF-8 is replaced here, where the
    /// reference keeps it.
    Raw,
    /// US-ASCII under its IANA aliases (`iso-ir-6`, `us`, …; not `ascii` or `us-ascii`, which
    /// read as UTF-8): each byte above 0x7F becomes U+FFFD.
    Ascii,
    /// ISO-8859-1: each byte is the code point of its value.
    Latin1,
    /// ISO-8859-9: Latin-1 with six Turkish letters in place of Icelandic ones.
    Latin5,
    /// `csUTF16`: UTF-16 in the byte order its byte-order mark says (which is dropped),
    /// big-endian without one.
    Utf16Bom,
    /// An `encoding_rs` decoder, byte-order marks kept as characters.
    Text(&'static Encoding),
}

/// Why a name names no decoder.
pub(super) enum Unknown {
    /// Go's index does not know it either.
    Unsupported,
    /// Go decodes it, `encoding_rs` has no decoder for it.
    NotSupported,
}

impl Unknown {
    /// The message for an encoding `name` that is not found.
    pub(super) fn message(&self, name: &str) -> String {
        match self {
            Unknown::Unsupported => format!("unsupported encoding '{name}'"),
            Unknown::NotSupported => {
                format!("encoding '{name}' is not supported by ottl-rs (the reference decodes it)")
            }
        }
    }
}

impl Decoder {
    /// The decoder the reference picks for the encoding `name`.
    pub(super) fn lookup(name: &str) -> Result<Self, Unknown> {
        if let Some(variant) = Base64::from_name(name) {
            return Ok(Decoder::Base64(variant));
        }
        let lower = name.to_lowercase();
        if let Some(decoder) = Self::overridden(&lower) {
            return Ok(decoder);
        }
        Self::iana(&name.trim().to_lowercase())
    }

    /// The reference's overrides, matched on the lowercased name before its IANA index.
    fn overridden(lower: &str) -> Option<Self> {
        Some(match lower {
            "utf-8" | "utf8" | "ascii" | "us-ascii" | "" => Decoder::Utf8,
            "utf-16" | "utf16" => Decoder::Text(UTF_16LE),
            "utf-8-raw" | "utf8-raw" | "nop" => Decoder::Raw,
            _ => return None,
        })
    }

    /// Go's IANA index: every name and alias of an encoding it decodes, lowercased.
    fn iana(key: &str) -> Result<Self, Unknown> {
        Ok(match key {
            "us-ascii" | "iso-ir-6" | "ansi_x3.4-1968" | "ansi_x3.4-1986" | "iso_646.irv:1991"
            | "iso646-us" | "us" | "ibm367" | "cp367" | "csascii" => Decoder::Ascii,
            "utf-8" | "csutf8" => Decoder::Utf8,
            "utf-16" | "csutf16" => Decoder::Utf16Bom,
            "utf-16be" | "csutf16be" => Decoder::Text(UTF_16BE),
            "utf-16le" | "csutf16le" => Decoder::Text(UTF_16LE),
            "iso_8859-1:1987" | "iso-ir-100" | "iso_8859-1" | "iso-8859-1" | "latin1" | "l1"
            | "ibm819" | "cp819" | "csisolatin1" => Decoder::Latin1,
            "iso_8859-2:1987" | "iso-ir-101" | "iso_8859-2" | "iso-8859-2" | "latin2" | "l2"
            | "csisolatin2" => Decoder::Text(ISO_8859_2),
            "iso_8859-3:1988" | "iso-ir-109" | "iso_8859-3" | "iso-8859-3" | "latin3" | "l3"
            | "csisolatin3" => Decoder::Text(ISO_8859_3),
            "iso_8859-4:1988" | "iso-ir-110" | "iso_8859-4" | "iso-8859-4" | "latin4" | "l4"
            | "csisolatin4" => Decoder::Text(ISO_8859_4),
            "iso_8859-5:1988" | "iso-ir-144" | "iso_8859-5" | "iso-8859-5" | "cyrillic"
            | "csisolatincyrillic" => Decoder::Text(ISO_8859_5),
            "iso_8859-6:1987" | "iso-ir-127" | "iso_8859-6" | "iso-8859-6" | "ecma-114"
            | "asmo-708" | "arabic" | "csisolatinarabic" | "iso_8859-6-e" | "csiso88596e"
            | "iso-8859-6-e" | "iso_8859-6-i" | "csiso88596i" | "iso-8859-6-i" => {
                Decoder::Text(ISO_8859_6)
            }
            "iso_8859-7:1987" | "iso-ir-126" | "iso_8859-7" | "iso-8859-7" | "elot_928"
            | "ecma-118" | "greek" | "greek8" | "csisolatingreek" => Decoder::Text(ISO_8859_7),
            "iso_8859-8:1988" | "iso-ir-138" | "iso_8859-8" | "iso-8859-8" | "hebrew"
            | "csisolatinhebrew" | "iso_8859-8-e" | "csiso88598e" | "iso-8859-8-e" => {
                Decoder::Text(ISO_8859_8)
            }
            "iso_8859-8-i" | "csiso88598i" | "iso-8859-8-i" => Decoder::Text(ISO_8859_8_I),
            "iso_8859-9:1989" | "iso-ir-148" | "iso_8859-9" | "iso-8859-9" | "latin5" | "l5"
            | "csisolatin5" => Decoder::Latin5,
            "iso-8859-10" | "iso-ir-157" | "l6" | "iso_8859-10:1992" | "csisolatin6" | "latin6" => {
                Decoder::Text(ISO_8859_10)
            }
            "iso-8859-13" | "csiso885913" => Decoder::Text(ISO_8859_13),
            "iso-8859-14" | "iso-ir-199" | "iso_8859-14:1998" | "iso_8859-14" | "latin8"
            | "iso-celtic" | "l8" | "csiso885914" => Decoder::Text(ISO_8859_14),
            "iso-8859-15" | "iso_8859-15" | "latin-9" | "csiso885915" => Decoder::Text(ISO_8859_15),
            "iso-8859-16" | "iso-ir-226" | "iso_8859-16:2001" | "iso_8859-16" | "latin10"
            | "l10" | "csiso885916" => Decoder::Text(ISO_8859_16),
            "ibm866" | "cp866" | "866" | "csibm866" => Decoder::Text(IBM866),
            "koi8-r" | "cskoi8r" => Decoder::Text(KOI8_R),
            "koi8-u" | "cskoi8u" => Decoder::Text(KOI8_U),
            "macintosh" | "mac" | "csmacintosh" => Decoder::Text(MACINTOSH),
            "windows-874" | "cswindows874" => Decoder::Text(WINDOWS_874),
            "windows-1250" | "cswindows1250" => Decoder::Text(WINDOWS_1250),
            "windows-1251" | "cswindows1251" => Decoder::Text(WINDOWS_1251),
            "windows-1252" | "cswindows1252" => Decoder::Text(WINDOWS_1252),
            "windows-1253" | "cswindows1253" => Decoder::Text(WINDOWS_1253),
            "windows-1254" | "cswindows1254" => Decoder::Text(WINDOWS_1254),
            "windows-1255" | "cswindows1255" => Decoder::Text(WINDOWS_1255),
            "windows-1256" | "cswindows1256" => Decoder::Text(WINDOWS_1256),
            "windows-1257" | "cswindows1257" => Decoder::Text(WINDOWS_1257),
            "windows-1258" | "cswindows1258" => Decoder::Text(WINDOWS_1258),
            "extended_unix_code_packed_format_for_japanese" | "cseucpkdfmtjapanese" | "euc-jp" => {
                Decoder::Text(EUC_JP)
            }
            "iso-2022-jp" | "csiso2022jp" => Decoder::Text(ISO_2022_JP),
            "shift_jis" | "ms_kanji" | "csshiftjis" => Decoder::Text(SHIFT_JIS),
            "euc-kr" | "cseuckr" => Decoder::Text(EUC_KR),
            "gb18030" | "csgb18030" => Decoder::Text(GB18030),
            "gbk" | "cp936" | "ms936" | "windows-936" | "csgbk" => Decoder::Text(GBK),
            "big5" | "csbig5" => Decoder::Text(BIG5),
            "ibm850"
            | "cp850"
            | "850"
            | "cspc850multilingual"
            | "ibm862"
            | "cp862"
            | "862"
            | "cspc862latinhebrew"
            | "ibm037"
            | "cp037"
            | "ebcdic-cp-us"
            | "ebcdic-cp-ca"
            | "ebcdic-cp-wt"
            | "ebcdic-cp-nl"
            | "csibm037"
            | "ibm437"
            | "cp437"
            | "437"
            | "cspc8codepage437"
            | "ibm852"
            | "cp852"
            | "852"
            | "cspcp852"
            | "ibm855"
            | "cp855"
            | "855"
            | "csibm855"
            | "ibm860"
            | "cp860"
            | "860"
            | "csibm860"
            | "ibm863"
            | "cp863"
            | "863"
            | "csibm863"
            | "ibm865"
            | "cp865"
            | "865"
            | "csibm865"
            | "hz-gb-2312"
            | "ibm00858"
            | "ccsid00858"
            | "cp00858"
            | "pc-multilingual-850+euro"
            | "csibm00858"
            | "ibm01140"
            | "ccsid01140"
            | "cp01140"
            | "ebcdic-us-37+euro"
            | "csibm01140"
            | "ibm1047"
            | "ibm-1047"
            | "csibm1047" => return Err(Unknown::NotSupported),
            _ => return Err(Unknown::Unsupported),
        })
    }

    /// The content of `target` (a string or bytes) decoded; a string that decodes to itself is
    /// returned as it is, without a copy.
    pub(super) fn decode<'a>(self, target: Value<'a>) -> Result<Value<'a>, String> {
        let bytes: &[u8] = match &target {
            Value::Str(text) => text.as_bytes(),
            Value::Bytes(bytes) => bytes,
            other => {
                return Err(format!(
                    "unsupported type provided to Decode function: {}",
                    other.value_type()
                ));
            }
        };
        let text = match self {
            Decoder::Base64(variant) => return variant.decode(bytes),
            Decoder::Utf8 | Decoder::Raw => String::from_utf8_lossy(bytes),
            Decoder::Ascii => {
                map_bytes(bytes, |b| if b < 0x80 { char::from(b) } else { '\u{fffd}' })
            }
            Decoder::Latin1 => map_bytes(bytes, char::from),
            Decoder::Latin5 => map_bytes(bytes, latin5),
            Decoder::Utf16Bom => match bytes {
                [0xfe, 0xff, rest @ ..] => UTF_16BE.decode_without_bom_handling(rest).0,
                [0xff, 0xfe, rest @ ..] => UTF_16LE.decode_without_bom_handling(rest).0,
                _ => UTF_16BE.decode_without_bom_handling(bytes).0,
            },
            Decoder::Text(encoding) => {
                let (text, _) = encoding.decode_without_bom_handling(bytes);
                match text {
                    Cow::Owned(text) if encoding.is_single_byte() => Cow::Owned(unmap_c1(text)),
                    text => text,
                }
            }
        };
        let is_str = matches!(target, Value::Str(_));
        let decoded = match text {
            // Unchanged: the input string itself is the result.
            Cow::Borrowed(_) if is_str => None,
            Cow::Borrowed(text) => Some(Value::string(text)),
            Cow::Owned(text) => Some(Value::string(text)),
        };
        Ok(decoded.unwrap_or(target))
    }
}

/// Each byte mapped to a character; borrowed when every byte is ASCII and maps to itself.
fn map_bytes(bytes: &[u8], map: impl Fn(u8) -> char) -> Cow<'_, str> {
    if bytes.is_ascii()
        && let Ok(text) = std::str::from_utf8(bytes)
    {
        return Cow::Borrowed(text);
    }
    Cow::Owned(bytes.iter().map(|&b| map(b)).collect())
}

/// ISO-8859-9: Latin-1 but for six letters.
fn latin5(byte: u8) -> char {
    match byte {
        0xd0 => '\u{11e}',
        0xdd => '\u{130}',
        0xde => '\u{15e}',
        0xf0 => '\u{11f}',
        0xfd => '\u{131}',
        0xfe => '\u{15f}',
        other => char::from(other),
    }
}

/// Go's single-byte tables leave unmapped the bytes WHATWG maps to the C1 controls.
fn unmap_c1(text: String) -> String {
    let is_c1 = |c: char| ('\u{80}'..='\u{9f}').contains(&c);
    if !text.contains(is_c1) {
        return text;
    }
    text.chars()
        .map(|c| if is_c1(c) { '\u{fffd}' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{Decoder, Unknown};
    use ottl_core::value::Value;
    use std::borrow::Cow;

    fn decoded(name: &str, bytes: &[u8]) -> String {
        let decoder = Decoder::lookup(name).unwrap_or_else(|_| panic!("{name} is known"));
        match decoder.decode(Value::Bytes(Cow::Borrowed(bytes))) {
            Ok(Value::Str(text)) => text.to_string(),
            other => panic!("{name}: {other:?}"),
        }
    }

    #[test]
    fn go_leaves_the_c1_bytes_of_single_byte_tables_unmapped() {
        assert_eq!(
            decoded("windows-1252", b"\x80\x81\x8d"),
            "\u{20ac}\u{fffd}\u{fffd}"
        );
        assert_eq!(decoded("ISO-8859-2", b"\x80\xa1"), "\u{fffd}\u{104}");
    }

    #[test]
    fn latin1_and_latin5_are_not_windows_tables() {
        assert_eq!(decoded("latin1", b"\x80\xe9"), "\u{80}\u{e9}");
        assert_eq!(
            decoded("ISO-8859-9", b"\x80\xdd\xfd"),
            "\u{80}\u{130}\u{131}"
        );
    }

    #[test]
    fn names_are_found_as_the_reference_finds_them() {
        assert_eq!(decoded(" KOI8-r ", b"\xc1"), "\u{430}");
        assert_eq!(decoded("US-ASCII", b"\xc3\xa9"), "\u{e9}"); // an override: UTF-8
        assert_eq!(decoded("iso-ir-6", b"\xc3\xa9"), "\u{fffd}\u{fffd}"); // IANA: ASCII
        assert_eq!(decoded("UTF-16", b"\xff\xfea\x00"), "\u{feff}a"); // LE, BOM kept
        assert_eq!(decoded("csUTF16", b"\xff\xfea\x00"), "a"); // BOM read and dropped
        assert!(matches!(
            Decoder::lookup("BASE64"),
            Err(Unknown::Unsupported)
        ));
        assert!(matches!(
            Decoder::lookup("IBM437"),
            Err(Unknown::NotSupported)
        ));
    }
}
