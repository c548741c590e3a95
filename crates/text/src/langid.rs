//! Language identification for the three languages Rasd codes.
//!
//! Arabic is told by script. French and English share a script, so they are told by function
//! words, which are frequent in any news sentence, including short ones such as "Attack in
//! Mopti" (general-purpose detectors trained on many languages call that Swedish); a text with
//! neither enough Arabic letters nor any function word is `und`.

use crate::segment::is_word_char;
use rasd_model::Language;
use std::collections::HashMap;
use std::sync::LazyLock;

type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

const FR: &[&str] = &[
    "le", "la", "les", "des", "du", "de", "et", "est", "une", "un", "dans", "pour", "par", "sur",
    "au", "aux", "qui", "que", "ont", "ete", "ils", "elle", "ce", "cette", "avec", "pas", "selon",
    "lors", "d", "l", "qu", "a", "son", "sa", "ses", "leur", "leurs", "contre", "apres", "entre",
];
const EN: &[&str] = &[
    "the", "of", "and", "in", "to", "was", "were", "is", "are", "by", "on", "at", "for", "with",
    "that", "from", "has", "have", "been", "a", "an", "which", "who", "their", "his", "her",
    "after", "against", "into", "near", "killed", "attack", "people", "said", "between",
];

/// Each function word: (French, English).
static FUNCTION_WORDS: LazyLock<FastMap<&'static str, (bool, bool)>> = LazyLock::new(|| {
    let mut m = FastMap::default();
    for w in FR {
        m.entry(*w).or_insert((false, false)).0 = true;
    }
    for w in EN {
        m.entry(*w).or_insert((false, false)).1 = true;
    }
    m
});

/// Identify the language of normalised text (see [`crate::normalize`]).
pub fn detect_language(normalized: &str) -> Language {
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in normalized.chars() {
        if ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{0750}'..='\u{077F}').contains(&c) {
            arabic += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    if arabic == 0 && latin == 0 {
        return Language::Und;
    }
    if arabic >= latin {
        return Language::Ar;
    }
    let (mut fr, mut en) = (0u32, 0u32);
    for w in normalized
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
    {
        // "a" is French ("il a") and English ("a man"): counted for both, weakly.
        if let Some(&(is_fr, is_en)) = FUNCTION_WORDS.get(w) {
            fr += u32::from(is_fr);
            en += u32::from(is_en);
        }
    }
    match fr.cmp(&en) {
        std::cmp::Ordering::Greater => Language::Fr,
        std::cmp::Ordering::Less => Language::En,
        std::cmp::Ordering::Equal if fr == 0 => Language::Und,
        std::cmp::Ordering::Equal => {
            // Tie: French text carries elisions and accented letters that normalisation kept as
            // apostrophes; English rarely has "l'" or "d'".
            if normalized.contains(" l'") || normalized.contains(" d'") {
                Language::Fr
            } else {
                Language::En
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize;

    #[test]
    fn identifies_the_three_languages_on_short_headlines() {
        let cases = [
            ("Attack in Mopti", Language::En),
            ("Gunmen killed three villagers near Djibo", Language::En),
            (
                "Attaque contre un poste de la gendarmerie à Boulsa",
                Language::Fr,
            ),
            (
                "L'armée malienne a neutralisé des terroristes",
                Language::Fr,
            ),
            ("هجوم مسلح على قرية في وسط مالي", Language::Ar),
            ("12345 !!!", Language::Und),
        ];
        for (text, lang) in cases {
            assert_eq!(detect_language(normalize(text).as_str()), lang, "{text}");
        }
    }

    #[test]
    fn mixed_text_follows_the_dominant_script() {
        let t = "أعلنت جماعة نصرة الإسلام والمسلمين (JNIM) مسؤوليتها عن الهجوم";
        assert_eq!(detect_language(normalize(t).as_str()), Language::Ar);
    }
}
