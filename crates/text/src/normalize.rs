//! Normalisation with an offset map.

use unicode_normalization::char::decompose_compatible;

/// Text in matching form, with a map from each normalised byte back to the original.
///
/// Invariants: `text` is valid UTF-8; `starts.len() == ends.len() == text.len()`; for every
/// normalised byte `i`, `starts[i]..ends[i]` is the original character range (including any
/// diacritics dropped after it) that produced it.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    text: String,
    starts: Vec<u32>,
    ends: Vec<u32>,
    original_len: usize,
}

impl Normalized {
    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Map a normalised byte range to the original byte range it came from. `start < end` must
    /// hold; an empty range maps to an empty range at the corresponding original position.
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= end || start >= self.text.len() {
            let p = self.original_offset(start);
            return (p, p);
        }
        let end = end.min(self.text.len());
        (self.starts[start] as usize, self.ends[end - 1] as usize)
    }

    /// The original byte offset of normalised byte `i` (the end of the original for `i == len`).
    pub fn original_offset(&self, i: usize) -> usize {
        if i >= self.text.len() {
            self.original_len
        } else {
            self.starts[i] as usize
        }
    }

    /// The first normalised byte whose original position is at or after `orig` (for mapping
    /// spans found in the original, such as sentence breaks, into the normalised text).
    pub fn normalized_offset(&self, orig: usize) -> usize {
        self.starts.partition_point(|&s| (s as usize) < orig)
    }

    fn clear(&mut self) {
        self.text.clear();
        self.starts.clear();
        self.ends.clear();
        self.original_len = 0;
    }

    fn push(&mut self, c: char, start: usize, end: usize) {
        let n = c.len_utf8();
        self.text.push(c);
        for _ in 0..n {
            self.starts.push(start as u32);
            self.ends.push(end as u32);
        }
    }

    /// Extend the original range of the last emitted character to cover a dropped mark.
    fn extend_last(&mut self, end: usize) {
        if let Some(&last_start) = self.starts.last() {
            let n = self
                .starts
                .iter()
                .rev()
                .take_while(|&&s| s == last_start)
                .count();
            let len = self.ends.len();
            for e in &mut self.ends[len - n..] {
                *e = end as u32;
            }
        }
    }
}

/// Normalise `input` into a fresh [`Normalized`].
pub fn normalize(input: &str) -> Normalized {
    let mut out = Normalized::default();
    normalize_into(input, &mut out);
    out
}

/// Normalise `input` into `out`, reusing its buffers (no allocation once they are large enough).
pub fn normalize_into(input: &str, out: &mut Normalized) {
    out.clear();
    out.original_len = input.len();
    assert!(
        input.len() < u32::MAX as usize,
        "documents over 4 GiB are not supported"
    );
    out.text.reserve(input.len());
    let mut last_space = true; // drop leading whitespace
    for (start, c) in input.char_indices() {
        let end = start + c.len_utf8();
        if is_ignorable(c) {
            out.extend_last(end);
            continue;
        }
        if c.is_whitespace() {
            // A run of whitespace becomes one space, or one line break if it holds one: line
            // breaks end headings and paragraphs, and phrases never match across them.
            let newline = matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{0085}');
            if !last_space {
                out.push(if newline { '\n' } else { ' ' }, start, end);
                last_space = true;
            } else {
                if newline && out.text.ends_with(' ') {
                    let n = out.text.len() - 1;
                    out.text.truncate(n);
                    out.text.push('\n');
                }
                out.extend_last(end);
            }
            continue;
        }
        if let Some(m) = fast_map(c) {
            out.push(m, start, end);
            last_space = false;
            continue;
        }
        push_general(out, c, start, end, &mut last_space);
    }
    if out.text.ends_with([' ', '\n']) {
        let n = out.text.len() - 1;
        out.text.truncate(n);
        out.starts.truncate(n);
        out.ends.truncate(n);
    }
}

/// The normalised form of the characters that are nearly all of the text, when it is one
/// character: ASCII (lower case) and the Arabic letters that neither decompose nor drop
/// (U+0621, U+0627-U+063A, U+0641-U+064A). The same result as [`push_general`], which
/// the test `fast_map_agrees_with_the_general_path` checks for every character.
#[inline]
fn fast_map(c: char) -> Option<char> {
    match c {
        '`' => Some('\''),
        _ if c.is_ascii() => Some(c.to_ascii_lowercase()),
        'ة' => Some('ه'),
        'ى' => Some('ي'),
        '\u{0621}' | '\u{0627}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => Some(c),
        _ => None,
    }
}

/// Normalise one character that is neither ignorable nor whitespace: compatibility
/// decomposition, marks dropped, lower case, letter variants unified.
fn push_general(out: &mut Normalized, c: char, start: usize, end: usize, last_space: &mut bool) {
    {
        let before = out.text.len();
        if let Mapped::One(m) = map_char(c) {
            if m == '\'' || m == '"' || m == '-' {
                // Punctuation variants map directly: some (U+00B4) decompose to a space + mark.
                out.push(m, start, end);
                *last_space = false;
                return;
            }
        }
        decompose_compatible(c, |d| {
            if is_mark(d) {
                return;
            }
            if d.is_whitespace() {
                // Compatibility forms that hold a space keep the one-space invariant.
                if !out.text.is_empty() && !out.text.ends_with([' ', '\n']) {
                    out.push(' ', start, end);
                }
                return;
            }
            for l in d.to_lowercase() {
                match map_char(l) {
                    Mapped::One(m) => out.push(m, start, end),
                    Mapped::Two(a, b) => {
                        out.push(a, start, end);
                        out.push(b, start, end);
                    }
                    Mapped::Drop => {}
                }
            }
        });
        if out.text.len() == before {
            out.extend_last(end);
        } else {
            // Compatibility decomposition can yield spaces (e.g. U+00A0 handled above, but
            // ligatures and fractions may not); keep the collapse invariant.
            *last_space = out.text.ends_with(' ');
        }
    }
}

enum Mapped {
    One(char),
    Two(char, char),
    Drop,
}

fn map_char(c: char) -> Mapped {
    use Mapped::*;
    match c {
        // Arabic letter variants (hamza carriers decompose to their base under NFKD already).
        'ٱ' | 'أ' | 'إ' | 'آ' => One('ا'),
        'ى' | 'ی' => One('ي'),
        'ة' => One('ه'),
        'ؤ' => One('و'),
        'ئ' => One('ي'),
        'ک' => One('ك'),
        'ـ' => Drop, // tatweel
        // Digits: Arabic-Indic and Extended Arabic-Indic.
        '\u{0660}'..='\u{0669}' => One(char::from(b'0' + (c as u32 - 0x0660) as u8)),
        '\u{06F0}'..='\u{06F9}' => One(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
        // Arabic punctuation.
        '،' | '٬' => One(','),
        '؛' => One(';'),
        '؟' => One('?'),
        '٫' => One('.'),
        '۔' => One('.'),
        // Apostrophes, quotes, dashes.
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' | '\u{02BB}' | '`' | '\u{00B4}'
        | '\u{2032}' => One('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}' => One('"'),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => One('-'),
        'œ' => Two('o', 'e'),
        'æ' => Two('a', 'e'),
        'ß' => Two('s', 's'),
        c => One(c),
    }
}

/// Combining marks: Latin accents after decomposition, Arabic harakat, shadda, sukun, superscript
/// alef, Quranic marks.
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{0640}')
}

/// Invisible format characters: zero-width joiners, direction marks, BOM, soft hyphen.
fn is_ignorable(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{061C}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn fast_map_agrees_with_the_general_path() {
        let mut fast = 0;
        for c in (0..0x11_0000u32).filter_map(char::from_u32) {
            let Some(m) = fast_map(c) else { continue };
            fast += 1;
            assert!(!is_ignorable(c) || c.is_whitespace(), "{c:?}");
            if c.is_whitespace() || is_ignorable(c) {
                continue; // handled before the fast path
            }
            // After some text, so that a dropped character would extend it.
            let mut out = normalize("x");
            let mut last_space = true;
            push_general(&mut out, c, 1, 1 + c.len_utf8(), &mut last_space);
            assert_eq!(out.as_str(), format!("x{m}"), "U+{:04X}", c as u32);
            assert!(!last_space, "U+{:04X}", c as u32);
            let n = out.len();
            assert!(
                out.starts[1..n].iter().all(|&s| s == 1),
                "U+{:04X}",
                c as u32
            );
            let e = (1 + c.len_utf8()) as u32;
            assert!(out.ends[1..n].iter().all(|&x| x == e), "U+{:04X}", c as u32);
        }
        assert_eq!(fast, 128 + 1 + 20 + 10, "ASCII and the Arabic letters");
    }

    struct Case {
        name: &'static str,
        input: &'static str,
        expected: &'static str,
    }

    const CASES: &[Case] = &[
        Case {
            name: "french accents and elision",
            input: "L’Armée  a riposté",
            expected: "l'armee a riposte",
        },
        Case {
            name: "ligature oe",
            input: "Œuvre cœur",
            expected: "oeuvre coeur",
        },
        Case {
            name: "arabic diacritics",
            input: "قَتَلَ",
            expected: "قتل",
        },
        Case {
            name: "arabic tatweel",
            input: "الجـــيش",
            expected: "الجيش",
        },
        Case {
            name: "alef forms",
            input: "أإآٱ",
            expected: "اااا",
        },
        Case {
            name: "alef maqsura and taa marbuta",
            input: "مستشفى مدينة",
            expected: "مستشفي مدينه",
        },
        Case {
            name: "hamza on waw and yaa",
            input: "مسؤول رئيس",
            expected: "مسوول رييس",
        },
        Case {
            name: "arabic-indic digits",
            input: "٢٠٢٦ و۱۲",
            expected: "2026 و12",
        },
        Case {
            name: "arabic presentation forms (NFKC trap)",
            input: "\u{FEFB}",
            expected: "لا",
        },
        Case {
            name: "full-width digits",
            input: "１２",
            expected: "12",
        },
        Case {
            name: "zero width and rtl marks",
            input: "a\u{200F}b\u{200C}c",
            expected: "abc",
        },
        Case {
            name: "whitespace runs and nbsp",
            input: "  a \u{00A0}\t b  ",
            expected: "a b",
        },
        Case {
            name: "line breaks survive as one",
            input: "Title \r\n\n  Body\n",
            expected: "title\nbody",
        },
        Case {
            name: "arabic comma",
            input: "كيدال، تمبكتو",
            expected: "كيدال, تمبكتو",
        },
        Case {
            name: "dotted capital I",
            input: "İ",
            expected: "i",
        },
        Case {
            name: "acute accent alone is an apostrophe",
            input: "´0 a\u{00A8}b",
            expected: "'0 a b",
        },
    ];

    #[test]
    fn cases() {
        let mut names = std::collections::HashSet::new();
        for c in CASES {
            assert!(names.insert(c.name), "duplicate case name {}", c.name);
            assert_eq!(normalize(c.input).as_str(), c.expected, "case {}", c.name);
        }
    }

    #[test]
    fn spans_map_back_over_dropped_marks() {
        let original = "هاجمَ مسلّحونَ قريةً";
        let n = normalize(original);
        let at = n.as_str().find("مسلحون").unwrap();
        let (s, e) = n.original_span(at, at + "مسلحون".len());
        assert_eq!(&original[s..e], "مسلّحونَ");
    }

    #[test]
    fn normalized_offset_inverts_original_offset() {
        let original = "Tombouctou, Ménaka";
        let n = normalize(original);
        let orig = original.find("Ménaka").unwrap();
        let i = n.normalized_offset(orig);
        assert_eq!(&n.as_str()[i..], "menaka");
    }

    proptest! {
        #[test]
        fn normalising_twice_changes_nothing(s in "\\PC{0,40}") {
            let once = normalize(&s);
            let twice = normalize(once.as_str());
            prop_assert_eq!(once.as_str(), twice.as_str());
        }

        #[test]
        fn spans_stay_inside_the_text_on_char_boundaries(s in "\\PC{0,40}") {
            let n = normalize(&s);
            for (i, _) in n.as_str().char_indices() {
                let (a, b) = n.original_span(i, n.len());
                prop_assert!(a <= b && b <= s.len());
                prop_assert!(s.is_char_boundary(a) && s.is_char_boundary(b));
            }
        }
    }
}
