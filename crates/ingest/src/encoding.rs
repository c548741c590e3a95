//! Bytes to text: binary detection, byte-order marks, declared charsets and legacy encodings.
//!
//! Sahel reporting still circulates in legacy code pages: Arabic pages and exports in
//! Windows-1256, French ones in Windows-1252/Latin-1. Every reader in this crate goes through
//! [`decode`] so the rules are the same for files, feeds, pages and URLs: a byte-order mark wins,
//! then UTF-8 if the bytes are valid UTF-8 (non-ASCII text in a legacy code page is almost never
//! valid UTF-8 by accident, while pages that declare `iso-8859-1` and are UTF-8 are common),
//! then a declared charset (HTTP header, `<meta charset>`, XML declaration) if the bytes decode
//! under it without error, then chardetng's guess.

use crate::SkipReason;
use encoding_rs::{Encoding, UTF_8};

/// How many leading bytes the binary sniffing looks at.
const SNIFF_BYTES: usize = 8192;

/// Text decoded from bytes, and the legacy encoding it was decoded from (`None` for UTF-8).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decoded {
    pub text: String,
    pub decoded_from: Option<&'static str>,
}

/// Whether the bytes are a binary file rather than text: a known binary signature, a NUL byte,
/// or more than 10% control bytes in the first 8 KiB. UTF-16 text (with a byte-order mark)
/// contains NUL bytes and is not binary.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    const MAGIC: [&[u8]; 8] = [
        b"%PDF-",
        b"PK\x03\x04",
        b"\x1f\x8b",
        b"\x89PNG",
        b"GIF8",
        b"\xff\xd8\xff",
        b"\x7fELF",
        b"\xd0\xcf\x11\xe0", // OLE: .doc, .xls
    ];
    if MAGIC.iter().any(|m| head.starts_with(m)) {
        return true;
    }
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    controls * 10 > head.len()
}

/// The encoding named by a byte-order mark, and the mark's length.
fn bom(bytes: &[u8]) -> Option<(&'static Encoding, usize)> {
    Encoding::for_bom(bytes)
}

/// Decode `bytes` to text. `declared` is a charset label from the transport or the document
/// itself (HTTP `Content-Type`, `<meta charset>`, `<?xml encoding?>`); it is used only for
/// bytes that are not UTF-8, and only when they decode under it without error, because
/// declarations are often wrong (a page that says UTF-8 but was saved by a Windows-1256
/// editor, or says ISO-8859-1 and is UTF-8).
///
/// Fails with [`SkipReason::Binary`], [`SkipReason::Empty`] (no non-whitespace text) or
/// [`SkipReason::Undecodable`] (even the best guess leaves malformed sequences).
pub(crate) fn decode(bytes: &[u8], declared: Option<&str>) -> Result<Decoded, SkipReason> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(SkipReason::Empty);
    }
    if looks_binary(bytes) {
        return Err(SkipReason::Binary);
    }
    let decoded = if let Some((enc, len)) = bom(bytes) {
        decode_with(enc, &bytes[len..])?
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        Decoded {
            text: s.to_owned(),
            decoded_from: None,
        }
    } else if let Some(d) = declared
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
        // A page that declares UTF-16 but has no BOM is ASCII-compatible in practice.
        .filter(|e| e.is_ascii_compatible())
        .and_then(|enc| decode_without_errors(enc, bytes))
    {
        d
    } else {
        let mut detector = chardetng::EncodingDetector::new();
        detector.feed(bytes, true);
        let enc = detector.guess(None, false);
        decode_with(enc, bytes)?
    };
    if decoded.text.trim().is_empty() {
        return Err(SkipReason::Empty);
    }
    Ok(decoded)
}

fn decode_without_errors(enc: &'static Encoding, bytes: &[u8]) -> Option<Decoded> {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    (!had_errors).then(|| Decoded {
        text: text.into_owned(),
        decoded_from: (enc != UTF_8).then_some(enc.name()),
    })
}

fn decode_with(enc: &'static Encoding, bytes: &[u8]) -> Result<Decoded, SkipReason> {
    decode_without_errors(enc, bytes).ok_or(SkipReason::Undecodable {
        encoding: enc.name(),
    })
}

/// The charset parameter of a `Content-Type` value (`text/html; charset=windows-1256`).
pub(crate) fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']))
    })
}

/// The charset an HTML page declares in its first 4 KiB (`<meta charset="...">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=...">`).
pub(crate) fn html_meta_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = lower.find("charset=")?;
    let rest = &lower[at + "charset=".len()..];
    let rest = rest.trim_start_matches(['"', '\'', ' ']);
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == ':'))
        .unwrap_or(rest.len());
    (end > 0).then(|| rest[..end].to_owned())
}

/// The encoding an XML declaration names (`<?xml version="1.0" encoding="windows-1256"?>`).
pub(crate) fn xml_declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(512)];
    let head = String::from_utf8_lossy(head);
    let decl_end = head.find("?>")?;
    let decl = &head[..decl_end];
    if !decl
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with("<?xml")
    {
        return None;
    }
    let at = decl.find("encoding")?;
    let rest = decl[at + "encoding".len()..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let rest = &rest[1..];
    let end = rest.find(quote)?;
    Some(rest[..end].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{WINDOWS_1252, WINDOWS_1256};

    #[test]
    fn utf8_passes_through_and_bom_is_stripped() {
        let d = decode("\u{feff}Attaque à Mopti".as_bytes(), None).unwrap();
        assert_eq!(d.text, "Attaque à Mopti");
        assert_eq!(d.decoded_from, None);
    }

    #[test]
    fn windows_1256_arabic_is_detected() {
        let arabic = "قتل عشرة جنود في هجوم على موقع للجيش قرب مدينة منكا شمال شرق مالي \
                      وأعلنت جماعة مسلحة مسؤوليتها عن الهجوم";
        let (bytes, _, _) = WINDOWS_1256.encode(arabic);
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.text, arabic);
        assert_eq!(d.decoded_from, Some("windows-1256"));
    }

    #[test]
    fn windows_1252_french_is_detected() {
        let french = "Des hommes armés ont attaqué le village, tuant trois éleveurs près de Djibo.";
        let (bytes, _, _) = WINDOWS_1252.encode(french);
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.text, french);
        assert_eq!(d.decoded_from, Some("windows-1252"));
    }

    #[test]
    fn declared_charset_is_used_only_when_it_fits() {
        let (bytes, _, _) = WINDOWS_1256.encode("هجوم في تمبكتو");
        let d = decode(&bytes, Some("windows-1256")).unwrap();
        assert_eq!(d.text, "هجوم في تمبكتو");
        // A wrong UTF-8 declaration on legacy bytes falls back to detection.
        let d = decode(&bytes, Some("utf-8")).unwrap();
        assert_eq!(d.text, "هجوم في تمبكتو");
        // A wrong legacy declaration on UTF-8 bytes does not garble them.
        let d = decode("Tombouctou, à l'aube".as_bytes(), Some("iso-8859-1")).unwrap();
        assert_eq!(
            (d.text.as_str(), d.decoded_from),
            ("Tombouctou, à l'aube", None)
        );
    }

    #[test]
    fn utf16_with_bom_is_text() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Niamey".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.text, "Niamey");
        assert_eq!(d.decoded_from, Some("UTF-16LE"));
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert_eq!(decode(b"\x00\x01\x02abc", None), Err(SkipReason::Binary));
        assert_eq!(decode(b"%PDF-1.7\n", None), Err(SkipReason::Binary));
        assert_eq!(decode(b"  \n\t ", None), Err(SkipReason::Empty));
        assert_eq!(decode("\u{feff}".as_bytes(), None), Err(SkipReason::Empty));
    }

    #[test]
    fn charset_declarations_are_read() {
        assert_eq!(
            charset_param("text/html; charset=\"Windows-1256\""),
            Some("Windows-1256")
        );
        assert_eq!(charset_param("text/html"), None);
        assert_eq!(
            html_meta_charset(b"<html><head><meta charset=\"windows-1256\">").as_deref(),
            Some("windows-1256")
        );
        assert_eq!(
            xml_declared_encoding(b"<?xml version='1.0' encoding='ISO-8859-1'?><rss/>").as_deref(),
            Some("ISO-8859-1")
        );
        assert_eq!(xml_declared_encoding(b"<rss/>"), None);
    }
}
