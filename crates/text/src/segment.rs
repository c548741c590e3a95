//! Word and sentence boundaries over normalised text.

/// A sentence as a byte range of the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

/// `c.is_alphanumeric()`, with fast paths for ASCII and the Arabic letters hamza..yeh (the
/// general Unicode table look-up costs hundreds of instructions per character, and the
/// scanners ask it for every character of Arabic text).
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if matches!(c, '\u{0621}'..='\u{064A}') {
        // U+063B..U+0640 are letters too (the tatweel is a modifier letter).
        true
    } else {
        c.is_alphanumeric()
    }
}

/// True when byte offset `i` of `s` sits between a word character and a non-word character (or
/// at either end of the string). `i` must be a char boundary.
pub fn is_word_byte_boundary(s: &str, i: usize) -> bool {
    let before = s[..i]
        .chars()
        .next_back()
        .map(is_word_char)
        .unwrap_or(false);
    let after = s[i..].chars().next().map(is_word_char).unwrap_or(false);
    before != after || (!before && !after)
}

/// Abbreviations after which a full stop does not end a sentence (normalised, without the dot).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "capt", "cpt", "sgt", "maj", "st", "no", "vs",
    "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "m", "mm", "mme", "cdt", "lieut", "av", "inc", "co", "approx", "al", "u.s", "u.n", "km",
];

/// Split normalised text into sentences: at `. ! ? ; :` followed by a space (a colon opens a
/// list or a quotation, whose items are read on their own), and at line breaks
/// (which normalisation turned into spaces, so the caller may pass paragraph hints through
/// [`sentences`] on each paragraph), never after a known abbreviation, a single letter or a digit
/// followed by a digit.
pub fn sentences(s: &str) -> Vec<Sentence> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\n' {
            out.push(Sentence { start, end: i });
            start = i + 1;
            i += 1;
            continue;
        }
        if matches!(c, b'.' | b'!' | b'?' | b';' | b':')
            && i + 1 < b.len()
            && matches!(b[i + 1], b' ' | b'\n')
        {
            let ends = if c == b'.' {
                !is_abbreviation_before(s, i)
            } else {
                true
            };
            if ends {
                out.push(Sentence { start, end: i + 1 });
                start = i + 2;
                i += 2;
                continue;
            }
        }
        i += 1;
    }
    if start < b.len() {
        out.push(Sentence {
            start,
            end: b.len(),
        });
    }
    out.retain(|x| x.end > x.start);
    out
}

fn is_abbreviation_before(s: &str, dot: usize) -> bool {
    let word_start = s[..dot]
        .char_indices()
        .rev()
        .find(|&(_, c)| !(is_word_char(c) || c == '.'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let word = &s[word_start..dot];
    if word.chars().count() == 1 && word.chars().all(|c| c.is_alphabetic()) {
        return true;
    }
    ABBREVIATIONS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_char_fast_paths_agree() {
        for c in (0..0x11_0000u32).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "U+{:04X}", c as u32);
        }
    }

    fn texts(s: &str) -> Vec<&str> {
        sentences(s)
            .into_iter()
            .map(|x| &s[x.start..x.end])
            .collect()
    }

    #[test]
    fn splits_at_full_stops_but_not_abbreviations() {
        assert_eq!(
            texts("gen. smith said. u.s. forces struck. troops left"),
            vec!["gen. smith said.", "u.s. forces struck.", "troops left"]
        );
    }

    #[test]
    fn line_breaks_end_sentences() {
        assert_eq!(
            texts("headline\nbody one. body two"),
            vec!["headline", "body one.", "body two"]
        );
    }

    #[test]
    fn keeps_decimals_and_arabic_question_marks() {
        assert_eq!(
            texts("3.5 km away. ok? yes"),
            vec!["3.5 km away.", "ok?", "yes"]
        );
    }

    #[test]
    fn word_boundaries() {
        let s = "l'armee attaque";
        assert!(is_word_byte_boundary(s, 0));
        assert!(is_word_byte_boundary(s, 2));
        assert!(!is_word_byte_boundary(s, 3));
        assert!(is_word_byte_boundary(s, s.len()));
    }
}
