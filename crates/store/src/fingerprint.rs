//! Document fingerprints: an exact content hash, a SimHash for near-duplicates, canonical URLs.
//!
//! - [`content_hash`]: SHA-256 of the text with every whitespace run collapsed to one space and
//!   the ends trimmed, so re-wrapped or re-indented copies are exact duplicates.
//! - [`simhash`]: a 64-bit SimHash over word 3-shingles of the normalised text
//!   ([`rasd_text::normalize`]: case, accents, Arabic letter variants and diacritics do not
//!   count). Shingles are hashed with FNV-1a 64 followed by the SplitMix64 finaliser: a fixed,
//!   platform-independent function, unlike Rust's randomly keyed `DefaultHasher`, so hashes
//!   stored today still compare tomorrow.
//! - Two documents are near-duplicates when their SimHashes differ in at most
//!   [`NEAR_DUPLICATE_DISTANCE`] = 3 bits and both have at least [`MIN_SHINGLES`] shingles.
//!   Case, punctuation, accents, diacritics and whitespace never count (the hash is taken over
//!   normalised words), so a re-publication that differs only in those is at distance 0. A
//!   one-word edit changes 3 shingles: in a 150-word report that moves 1-4 bits (measured), in
//!   a 40-word brief about 5, while unrelated texts differ in ~32. Distance 3 is therefore a
//!   precise, conservative threshold: copies and lightly edited re-publications of normal-length
//!   reports are caught, a re-written report is not (it still merges at event level). Below 8
//!   shingles (10 words) SimHash cannot tell an edit from a different report, so short texts
//!   are only ever exact duplicates.
//! - [`bands`]: the hash cut into 4 bands of 16 bits. By pigeonhole, hashes within distance 3
//!   share at least one band, so the store finds candidates with 4 indexed equality lookups
//!   instead of comparing against every document.

use sha2::{Digest, Sha256};
use std::fmt;

/// Maximum Hamming distance between the SimHashes of near-duplicate documents.
pub const NEAR_DUPLICATE_DISTANCE: u32 = 3;

/// Minimum number of word 3-shingles for a document to take part in near-duplicate detection.
pub const MIN_SHINGLES: usize = 8;

/// SHA-256 of the whitespace-collapsed text.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ContentHash(pub [u8; 32]);

impl ContentHash {
    /// Lower-case hex, 64 characters.
    pub fn to_hex(&self) -> String {
        let mut s = String::with_capacity(64);
        for b in self.0 {
            s.push(char::from(b"0123456789abcdef"[usize::from(b >> 4)]));
            s.push(char::from(b"0123456789abcdef"[usize::from(b & 15)]));
        }
        s
    }

    /// Build from a stored 32-byte blob.
    pub fn from_slice(bytes: &[u8]) -> Option<Self> {
        <[u8; 32]>::try_from(bytes).ok().map(ContentHash)
    }
}

impl fmt::Debug for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ContentHash({})", self.to_hex())
    }
}

impl fmt::Display for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

/// The exact-duplicate key of a text: SHA-256 of its words joined by single spaces.
pub fn content_hash(text: &str) -> ContentHash {
    let mut h = Sha256::new();
    for (i, w) in text.split_whitespace().enumerate() {
        if i > 0 {
            h.update(b" ");
        }
        h.update(w.as_bytes());
    }
    ContentHash(h.finalize().into())
}

/// The exact-duplicate key of a document, as [`Store::put_batch`](crate::Store::put_batch)
/// computes it: the [`content_hash`] of its text, or of its title when the text is blank (so
/// title-only items from feeds are not all duplicates of each other). Ingesters compare this
/// with [`Store::known_hashes`](crate::Store::known_hashes) to skip known documents before
/// coding them.
pub fn document_hash(doc: &rasd_model::Document) -> ContentHash {
    match doc.title.as_deref() {
        Some(title) if doc.text.trim().is_empty() => content_hash(title),
        _ => content_hash(&doc.text),
    }
}

/// A stable 64-bit hash: FNV-1a followed by the SplitMix64 finaliser (FNV alone mixes the last
/// bytes poorly into the high bits, which SimHash needs as much as the low ones).
pub fn stable_hash64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// SimHash of a text together with how many shingles it was built from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SimHash {
    pub hash: u64,
    pub shingles: usize,
}

impl SimHash {
    /// Whether this text is long enough for near-duplicate detection.
    pub fn is_comparable(&self) -> bool {
        self.shingles >= MIN_SHINGLES
    }
}

/// SimHash over word 3-shingles of `text` (normalised first). Texts of one or two words use
/// the words themselves as the only shingle.
pub fn simhash(text: &str) -> SimHash {
    let norm = rasd_text::normalize(text);
    let words: Vec<&str> = crate::fulltext::words(norm.as_str())
        .map(|(_, w)| w)
        .collect();
    simhash_words(&words)
}

/// The SimHash of words already in search form ([`words`](crate::words) of a normalised text).
pub fn simhash_words(words: &[&str]) -> SimHash {
    let mut counts = [0i32; 64];
    let mut shingles = 0usize;
    let mut buf = Vec::with_capacity(64);
    let mut add = |parts: &[&str], counts: &mut [i32; 64]| {
        buf.clear();
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                buf.push(b' ');
            }
            buf.extend_from_slice(p.as_bytes());
        }
        let h = stable_hash64(&buf);
        for (bit, c) in counts.iter_mut().enumerate() {
            if h >> bit & 1 == 1 {
                *c += 1;
            } else {
                *c -= 1;
            }
        }
    };
    if words.len() < 3 {
        if !words.is_empty() {
            add(words, &mut counts);
            shingles = 1;
        }
    } else {
        for w in words.windows(3) {
            add(w, &mut counts);
            shingles += 1;
        }
    }
    let mut hash = 0u64;
    for (bit, &c) in counts.iter().enumerate() {
        if c > 0 {
            hash |= 1 << bit;
        }
    }
    SimHash { hash, shingles }
}

/// Number of differing bits.
pub fn hamming(a: u64, b: u64) -> u32 {
    (a ^ b).count_ones()
}

/// The 4 band keys of a SimHash: `band << 16 | 16-bit value`, band 0 being the low bits.
pub fn bands(hash: u64) -> [i64; 4] {
    let mut out = [0i64; 4];
    for (band, key) in out.iter_mut().enumerate() {
        let value = (hash >> (16 * band)) & 0xffff;
        *key = ((band as i64) << 16) | value as i64;
    }
    out
}

/// Query parameters that never change what a page shows (analytics and share tracking).
const TRACKING_PARAMS: &[&str] = &[
    "fbclid",
    "gclid",
    "dclid",
    "msclkid",
    "mc_cid",
    "mc_eid",
    "igshid",
    "ref",
    "ref_src",
    "cmpid",
    "at_medium",
    "at_campaign",
    "xtor",
    "ocid",
    "ito",
];

/// A URL in canonical form for exact-duplicate detection: scheme dropped (http and https are the
/// same page), host lower-cased without `www.`/`m.`/`amp.` and default port, fragment dropped,
/// tracking parameters (`utm_*`, `fbclid`, ...) removed and the remaining ones sorted, trailing
/// `/` and `/amp` removed. The path keeps its case (servers may treat it as significant).
/// Returns `None` for something that is not an absolute http(s) URL.
pub fn canonical_url(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        url.strip_prefix("//")?
    };
    let rest = rest.split('#').next().unwrap_or("");
    let (authority, path_query) = match rest.find(['/', '?']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let host = authority
        .rsplit('@')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let host = host
        .strip_suffix(":80")
        .or_else(|| host.strip_suffix(":443"))
        .unwrap_or(&host);
    let host = host.trim_end_matches('.');
    let host = ["www.", "m.", "amp."]
        .iter()
        .find_map(|p| host.strip_prefix(p))
        .unwrap_or(host);
    if host.is_empty() {
        return None;
    }
    let (path, query) = match path_query.split_once('?') {
        Some((p, q)) => (p, q),
        None => (path_query, ""),
    };
    let mut path = path.trim_end_matches('/');
    if let Some(p) = path.strip_suffix("/amp") {
        path = p;
    }
    let mut params: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| {
            let key = p.split('=').next().unwrap_or("").to_ascii_lowercase();
            !key.starts_with("utm_") && !TRACKING_PARAMS.contains(&key.as_str())
        })
        .collect();
    params.sort_unstable();
    let mut out = String::with_capacity(host.len() + path.len() + query.len() + 1);
    out.push_str(host);
    out.push_str(path);
    if !params.is_empty() {
        out.push('?');
        out.push_str(&params.join("&"));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A made-up report of ordinary wire length (about 150 words).
    const REPORT: &str =
        "Unidentified gunmen attacked the village of Kourou in the Mopti region on \
        Tuesday night, killing twelve civilians and burning several granaries, local officials \
        said on Wednesday. The assailants arrived on motorbikes shortly after the evening \
        prayer and opened fire on residents gathered near the market, according to a local \
        elected official who asked not to be named for security reasons. Several houses and a \
        health post were set on fire and cattle were taken towards the border. The army sent \
        reinforcements to the area on Wednesday morning and a search operation was under way, \
        a military source said. No group has claimed responsibility for the attack, which \
        comes a week after a similar raid on a neighbouring village left five dead. \
        Humanitarian organisations say thousands of people have fled the district since the \
        start of the year, most of them women and children who now live in makeshift camps \
        on the outskirts of the regional capital.";

    #[test]
    fn content_hash_ignores_whitespace_layout_only() {
        assert_eq!(content_hash("a  b\n c "), content_hash(" a b c"));
        assert_ne!(content_hash("a b c"), content_hash("a b C"));
        assert_eq!(content_hash("x").to_hex().len(), 64);
    }

    #[test]
    fn stable_hash_is_fixed_across_builds() {
        // Pinned values: changing the function would orphan every stored SimHash.
        assert_eq!(stable_hash64(b"attack in mopti"), 0xb235_6d71_3819_e4b8);
        let a = stable_hash64(b"attack in mopti");
        assert_eq!(a, stable_hash64(b"attack in mopti"));
        assert_ne!(a, stable_hash64(b"attack in menaka"));
    }

    #[test]
    fn one_word_edit_is_near_a_changed_report_is_far() {
        let a = simhash(REPORT);
        // A re-publication: another day name, different punctuation and case.
        let b = simhash(
            &REPORT
                .replace("Tuesday", "Monday")
                .replace(',', " ;")
                .to_uppercase(),
        );
        let c = simhash("Protesters gathered in front of the governorate in Niamey on Friday to \
            demand the release of detained journalists, witnesses said, before police dispersed them \
            with tear gas.");
        assert!(a.is_comparable() && b.is_comparable());
        assert!(
            hamming(a.hash, b.hash) <= NEAR_DUPLICATE_DISTANCE,
            "{}",
            hamming(a.hash, b.hash)
        );
        assert!(hamming(a.hash, c.hash) > 12, "{}", hamming(a.hash, c.hash));
    }

    #[test]
    fn simhash_ignores_case_accents_and_arabic_variants() {
        let fr = "L'armée malienne a repoussé une attaque contre le camp de Boulkessi tôt mardi, \
            selon l'état-major général des armées";
        assert_eq!(simhash(fr), simhash(&fr.to_uppercase()));
        let ar =
            "هاجم مسلحون مجهولون قرية في منطقة موبتي وقتلوا اثني عشر مدنيا وأحرقوا مخازن الحبوب";
        let ar_variant =
            "هاجم مسلحون مجهولون قرية في منطقة موبتي وقتلوا اثنى عشر مدنيًا واحرقوا مخازن الحبوب";
        assert_eq!(simhash(ar).hash, simhash(ar_variant).hash);
    }

    #[test]
    fn short_texts_are_not_comparable() {
        assert!(!simhash("Attack in Mopti").is_comparable());
        assert_eq!(simhash("").shingles, 0);
    }

    #[test]
    fn bands_partition_the_hash() {
        let h = 0x1234_5678_9abc_def0_u64;
        assert_eq!(
            bands(h),
            [0xdef0, 1 << 16 | 0x9abc, 2 << 16 | 0x5678, 3 << 16 | 0x1234]
        );
        // Pigeonhole: flipping 3 bits leaves at least one band equal.
        let g = h ^ (1 << 3) ^ (1 << 20) ^ (1 << 40);
        assert!(bands(h).iter().zip(bands(g)).any(|(a, b)| *a == b));
    }

    #[test]
    fn canonical_urls() {
        let cases = [
            (
                "https://www.Example.com/a/b/?utm_source=x&id=3#top",
                Some("example.com/a/b?id=3"),
            ),
            ("http://example.com/a/b?id=3", Some("example.com/a/b?id=3")),
            ("https://m.example.com/a/b/amp", Some("example.com/a/b")),
            (
                "https://example.com:443/x?b=2&a=1&fbclid=zz",
                Some("example.com/x?a=1&b=2"),
            ),
            ("https://example.com/Path", Some("example.com/Path")),
            ("ftp://example.com/x", None),
            ("not a url", None),
        ];
        for (input, want) in cases {
            assert_eq!(canonical_url(input).as_deref(), want, "{input}");
        }
    }
}
