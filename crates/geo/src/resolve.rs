//! Toponym recognition and resolution over normalised text.
//!
//! Recognition: one byte trie ([`NameTrie`]) over every normalised name in the gazetteer plus
//! "blockers" (longer names that contain a place name but are something else:
//! "Guinea-Bissau", "fleuve Niger", "Katiba Macina"), asked for the longest name at each
//! position where a name may start. A match counts when it sits on word
//! boundaries; in Arabic the word may carry clitics (و ف ب ل ك and the article ال) before the
//! name. A match that fails is retried one character later, so a failing long name does not
//! hide a shorter one inside it.
//!
//! Resolution: each mention's candidates are scored with evidence from the document: countries
//! hinted by the caller or named in the text, admin units named beside the place ("(Solle,
//! Loroum)", "cercle de Douentza"), distance to the other places, population, and whether the
//! hand-kept alias file lists the place (a known conflict place). The cue before or after the
//! name ("près de", "قرب", "X area", "région de") sets ACLED's geo_precision.

use crate::common;
use crate::gazetteer::{Gazetteer, Target};
use crate::geometry::haversine_km;
use crate::names::{self, COUNTRIES};
use crate::trie::NameTrie;
use aho_corasick::AhoCorasick;
use rasd_text::{is_word_byte_boundary, is_word_char, Normalized};
use std::collections::{BTreeSet, HashSet};

/// Evidence from outside the text (the coder's other stages).
#[derive(Debug, Clone, Default)]
pub struct GeoHints {
    /// ACLED country names implied by the actors, e.g. "Mali".
    pub countries: Vec<String>,
    /// Home countries of groups that operate across borders (JNIM: Mali, but Burkina Faso and
    /// Niger too): a weaker preference than `countries`.
    pub roaming: Vec<String>,
    /// Admin1 areas where the document's actors mostly operate, as `ISO2:Name` ("ML:Mopti"):
    /// a weak preference among namesake villages.
    pub areas: Vec<String>,
    /// Admin1 areas where the communities the text names live ("a Dogon hamlet": Mopti): the
    /// same preference as `areas`, but they add no country to the context.
    pub local_areas: Vec<String>,
}

/// What a mention resolved to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    Country,
    Admin1,
    Admin2,
    Locality,
}

/// The words around a place name that say how it relates to the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceCue {
    /// "in X", "à X", "في X", "village of X", Arabic بـX.
    In,
    /// "near X", "north of X", "près de X", "au nord de X", "قرب X", "شمال X", "10 km from X".
    Near,
    /// "between X and Y", "entre X et Y", "بين X و Y".
    Between,
    /// "on the road from X to Y", "axe X-Y", "طريق X".
    Road,
    /// "X area", "zone de X", "ضواحي X".
    Area,
    /// "region of X", "province du Soum", "cercle de Douentza", "ولاية بورنو", "X state".
    Region,
    /// "commune de X", "commune of X", "بلدية X".
    Commune,
    /// "(Solle, Loroum)": admin context in parentheses.
    Parenthetical,
}

/// A place name found in a document and resolved.
#[derive(Debug, Clone)]
pub struct PlaceMention {
    /// Byte range in the NORMALISED text (map back with `Normalized::original_span`).
    pub start: usize,
    pub end: usize,
    /// ACLED-style location name ("Timbuktu", "Djibo", "Fada NGourma").
    pub location: String,
    pub country: String,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    /// WGS84.
    pub latitude: f64,
    pub longitude: f64,
    /// 1 = the town itself, 2 = near a town / small area coded to it, 3 = a region only.
    pub geo_precision: u8,
    pub kind: PlaceKind,
    /// Resolution confidence times salience as the event's place (0..1): places only mentioned
    /// in passing (a dateline, "said in Bamako", "evacuated to") score lower.
    pub score: f32,
    pub cue: Option<PlaceCue>,
    /// Where something was said, not done: "said in Bamako", "in a statement issued in".
    pub said: bool,
    /// Named in passing, not as a scene: where fighters came from or fled to, where a convoy
    /// was heading ("came from the Sambisa axis", "fled to Niger").
    pub passing: bool,
    /// Short explanation, for `rasd geocode`.
    pub why: String,
}

/// The compiled name index, built on first use.
pub(crate) struct Matcher {
    trie: NameTrie,
    /// Per pattern: the targets (empty for blockers) and whether the name is Latin script.
    pats: Vec<Pat>,
    words: WordSets,
    /// Transliteration skeletons of Latin names (see [`skeleton`]), built on the first
    /// unknown name after a settlement cue.
    skeletons: std::sync::OnceLock<Skeletons>,
    /// Consonant keys of Latin place names, built on the first unknown Arabic name after a
    /// settlement noun.
    ar_skeletons: std::sync::OnceLock<ArSkeletons>,
}

struct Pat {
    key: String,
    targets: Vec<Target>,
    latin: bool,
    /// An ordinary word as well as a name ([`common::AR_COMMON`], [`common::LATIN_NEED_CUE`]):
    /// a place only with an explicit cue.
    common: bool,
    /// A blocker for a foreign country or city ([`common::FOREIGN`]).
    foreign: bool,
}

impl Pat {
    /// A Latin-script name of somewhere, not an ordinary word: what the spelling keys index.
    fn is_latin_name(&self) -> bool {
        self.latin && !self.common && !self.targets.is_empty()
    }
}

/// Normalised word sets used by the recogniser, built with the name trie.
struct WordSets {
    ar_common: HashSet<String>,
    latin_need_cue: HashSet<String>,
    /// Normalised Arabic settlement nouns ("مدينه", "بقريه") and locative cues ("قرب").
    settle: Vec<String>,
    locative: Vec<String>,
    ar_person_before: HashSet<String>,
    /// Normalised function words that may precede a capitalised place name.
    stop: HashSet<&'static str>,
}

fn word_sets() -> WordSets {
    let norm = |w: &str| rasd_text::normalize(w).as_str().to_string();
    let mut ar_common: HashSet<String> = HashSet::new();
    for w in common::AR_COMMON {
        let n = norm(w);
        if let Some(bare) = n.strip_prefix("ال") {
            if bare.chars().count() >= 3 {
                ar_common.insert(bare.to_string());
            }
        } else {
            ar_common.insert(format!("ال{n}"));
        }
        ar_common.insert(n);
    }
    WordSets {
        ar_common,
        latin_need_cue: common::LATIN_NEED_CUE.iter().map(|w| norm(w)).collect(),
        settle: common::AR_SETTLEMENT_NOUNS
            .iter()
            .map(|w| norm(w))
            .collect(),
        locative: common::AR_LOCATIVE_CUES.iter().map(|w| norm(w)).collect(),
        ar_person_before: common::AR_PERSON_BEFORE.iter().map(|w| norm(w)).collect(),
        stop: names::STOPWORDS.iter().copied().collect(),
    }
}

/// Arabic country names that are also ordinary words: مالي "financial", بنين "sons".
const AR_AMBIGUOUS_COUNTRY: &[&str] = &["مالي", "بنين"];

/// Words right before an ambiguous Arabic country name that make it the country.
const AR_COUNTRY_GOVERNORS: &[&str] = &[
    "في",
    "الي",
    "من",
    "علي",
    "عن",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "دوله",
    "جمهوريه",
    "حكومه",
    "رييس",
    "جيش",
    "شعب",
    "سلطات",
    "عاصمه",
    "حدود",
    "دول",
    "مثل",
    "بين",
    "داخل",
    "خارج",
    "قوات",
    "شمالي",
    "جنوبي",
    "وسطي",
    "جنود",
    "اراضي",
    "ازمه",
    "ولايات",
    "و",
];

pub(crate) fn is_arabic(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c)
}

fn alnum_len(s: &str) -> usize {
    s.chars().filter(|&c| is_word_char(c)).count()
}

impl Matcher {
    fn new(g: &Gazetteer) -> Matcher {
        let words = word_sets();
        let stop: HashSet<&str> = names::STOPWORDS.iter().copied().collect();
        let allowed: HashSet<&str> = names::ALLOWED_SHORT.iter().copied().collect();
        // In byte order, so pattern indices (and so ties between equal keys) are fixed.
        let keys: Vec<(&String, &[Target])> = g.names.iter().collect();
        // Blockers: a foreign country or city, or a word that must not be read as a place.
        // The first listing of a key decides whether it is foreign.
        let mut blockers: Vec<(String, bool, bool)> = Vec::new();
        let mut blocker_of: std::collections::HashMap<String, usize> =
            std::collections::HashMap::new();
        for b in names::BLOCKERS.iter().chain(common::FOREIGN) {
            let key = rasd_text::normalize(b).as_str().to_string();
            if blocker_of.contains_key(&key) {
                continue;
            }
            // A foreign name that is also a covered place name: "باريس" is Paris, not a
            // village in Togo.
            let foreign = common::FOREIGN.contains(b);
            blocker_of.insert(key.clone(), blockers.len());
            blockers.push((key, foreign, !b.chars().any(is_arabic)));
        }
        // The patterns of one gazetteer key: the key itself and its space/hyphen variant.
        let pats_of = |k: &String, names_targets: &[Target], out: &mut Vec<Pat>| {
            // At most 3 letters or digits (counting stops at the fourth).
            let short = k.chars().filter(|&c| is_word_char(c)).nth(3).is_none()
                && !allowed.contains(k.as_str());
            // "في اي" (a Burkina village transliterated back from "Vi") is "in any": a name
            // made only of stopwords is one.
            let is_stop =
                stop.contains(k.as_str()) || k.split_whitespace().all(|w| stop.contains(w));
            let mut targets: Vec<Target> = names_targets
                .iter()
                .copied()
                .filter(|t| match *t {
                    Target::Country(_) => true,
                    Target::Area(_) => !is_stop || allowed.contains(k.as_str()),
                    Target::Place(p) => {
                        let p = &g.places[p as usize];
                        p.curated || (!is_stop && !short)
                    }
                })
                .collect();
            targets.sort();
            targets.dedup();
            if targets.is_empty() {
                return;
            }
            let latin = k
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(|c| !is_arabic(c));
            let common = if latin {
                words.latin_need_cue.contains(k.as_str())
            } else {
                words.ar_common.contains(k.as_str())
            };
            // The press writes "Pobe-Mengao" and "Pobe Mengao", "Tin-Akoff" and "Tin Akoff".
            for sep in [' ', '-'] {
                let other = if sep == ' ' { '-' } else { ' ' };
                if latin && k.contains(sep) {
                    let variant = k.replace(sep, &other.to_string());
                    if !g.names.contains_key(&variant) {
                        out.push(Pat {
                            key: variant,
                            targets: targets.clone(),
                            latin,
                            common,
                            foreign: false,
                        });
                    }
                }
            }
            out.push(Pat {
                key: k.clone(),
                targets,
                latin,
                common,
                foreign: false,
            });
        };
        // Two halves on two threads (this runs once, before any document can be placed).
        let mid = keys.len() / 2;
        let (head, tail) = keys.split_at(mid);
        let run = |part: &[(&String, &[Target])]| {
            let mut out = Vec::with_capacity(part.len() + part.len() / 8);
            for (k, t) in part {
                pats_of(k, t, &mut out);
            }
            out
        };
        let (mut pats, tail_pats) = std::thread::scope(|s| {
            let tail_job = s.spawn(|| run(tail));
            (run(head), tail_job.join().expect("pattern thread"))
        });
        pats.extend(tail_pats);
        let mut blocker_seen = vec![false; blockers.len()];
        for pat in &mut pats {
            if let Some(&bi) = blocker_of.get(&pat.key) {
                pat.targets.retain(|t| matches!(t, Target::Country(_)));
                pat.foreign = blockers[bi].1;
                blocker_seen[bi] = true;
            }
        }
        for ((key, foreign, latin), seen) in blockers.into_iter().zip(blocker_seen) {
            if !seen {
                pats.push(Pat {
                    key,
                    targets: Vec::new(),
                    latin,
                    common: false,
                    foreign,
                });
            }
        }
        let trie = NameTrie::new(pats.iter().map(|p| p.key.as_bytes()));
        Matcher {
            trie,
            pats,
            words,
            skeletons: std::sync::OnceLock::new(),
            ar_skeletons: std::sync::OnceLock::new(),
        }
    }
}

/// Skeleton → pattern, and the patterns past the trie's that hold the targets of
/// several names sharing a skeleton.
struct Skeletons {
    map: std::collections::HashMap<String, usize>,
    extra: Vec<Pat>,
}

/// For Arabic spellings of villages the gazetteer names in Latin script only: each consonant
/// key (see [`spelling_keys`]) lists the spellings with vowels of the places that have it,
/// each with the index in `extra` of the merged pattern of its names.
struct ArSkeletons {
    map: std::collections::HashMap<String, Vec<(String, usize)>>,
    extra: Vec<Pat>,
}

/// Pattern indices from this one on are [`ArSkeletons::extra`]'s.
const AR_EXTRA: usize = 1 << 40;

impl Matcher {
    /// Pattern `i`: one of the trie's, or one merged for a shared skeleton.
    fn pat(&self, i: usize) -> &Pat {
        if i >= AR_EXTRA {
            let ar = self
                .ar_skeletons
                .get()
                .expect("an Arabic guess comes from the table");
            return &ar.extra[i - AR_EXTRA];
        }
        match self.pats.get(i) {
            Some(p) => p,
            None => {
                let sk = self
                    .skeletons
                    .get()
                    .expect("a merged pattern comes from the map");
                &sk.extra[i - self.pats.len()]
            }
        }
    }

    /// An unknown capitalised Latin name of one to three words at `at`, right after a
    /// settlement or locative cue ("village of", "in", "near", "près de"), whose
    /// transliteration skeleton is that of exactly one gazetteer name ("Sagho" and Sago,
    /// "Iolonioro" and Yolonioro, "Tin Agadel" and Ti-n-Agadel): the end of the name and the
    /// pattern. Needs the original text (for capitals); cheap checks come first, as this runs
    /// at every word start the trie finds no name at.
    fn fuzzy_at(
        &self,
        hay: &str,
        at: usize,
        original: Option<(&str, &Normalized)>,
    ) -> Option<(usize, usize)> {
        let (orig, text) = original?;
        if !hay[at..].starts_with(|c: char| c.is_ascii_lowercase()) {
            return None;
        }
        let capital = |i: usize| {
            let (os, _) = text.original_span(i, i + 1);
            orig[os..].chars().next().is_some_and(|c| c.is_uppercase())
        };
        if !capital(at) {
            return None;
        }
        let before = &hay[floor_boundary(hay, at.saturating_sub(24))..at];
        ends_with_any(before, FUZZY_CUES)?;
        // The capitalised words from `at`, joined by a space or a hyphen.
        let mut ends = Vec::with_capacity(3);
        let mut i = at;
        while ends.len() < 3 {
            let e = i + hay[i..]
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(hay.len() - i);
            if e == i {
                break;
            }
            ends.push(e);
            let rest = &hay[e..];
            if !(rest.starts_with(' ') || rest.starts_with('-'))
                || !rest[1..].starts_with(|c: char| c.is_ascii_lowercase())
                || !capital(e + 1)
            {
                break;
            }
            i = e + 1;
        }
        // Not a word that stands capitalised for other reasons ("In", "The", "Fulani"),
        // unless a hyphen joins it to the rest of a name ("In-Deliman").
        let first_end = *ends.first()?;
        let first = &hay[at..first_end];
        let joined = ends.len() > 1 && hay[first_end..].starts_with('-');
        if self.words.latin_need_cue.contains(first) || (self.words.stop.contains(first) && !joined)
        {
            return None;
        }
        let ends = if joined && self.words.stop.contains(first) {
            &ends[1..]
        } else {
            &ends[..]
        };
        let map = &self.skeletons().map;
        ends.iter().rev().find_map(|&e| {
            let key = skeleton(&hay[at..e]);
            (key.len() >= 4)
                .then(|| map.get(&key).map(|&p| (e, p)))
                .flatten()
        })
    }
}

impl Matcher {
    fn skeletons(&self) -> &Skeletons {
        self.skeletons.get_or_init(|| skeleton_map(&self.pats))
    }

    fn ar_skeletons(&self) -> &ArSkeletons {
        self.ar_skeletons
            .get_or_init(|| ar_skeleton_map(&self.pats))
    }

    /// An unknown one-word Arabic name at `at`, right after a settlement noun
    /// ("قرية غاسكيندي", "بلدة ديدييني"), whose consonants are those of Latin names of the
    /// gazetteer (Gaskinde, Didieni): the end of the name and the merged pattern of those
    /// names. Arabic writes few vowels, so a key needs three consonants, and the candidates
    /// are only guesses: [`Geo::gate`] keeps those in the document's countries.
    fn fuzzy_ar_at(&self, hay: &str, at: usize) -> Option<(usize, usize)> {
        // Every cue ends in ه or ي before the space: a cheap test first, as this runs at
        // every Arabic word the trie finds no name at.
        if !hay[at..].starts_with(is_arabic)
            || !(hay[..at].ends_with("ه ") || hay[..at].ends_with("ي "))
        {
            return None;
        }
        let (_, cue) = prev_word(hay, at)?;
        if !AR_FUZZY_CUES.contains(&cue) {
            return None;
        }
        let word_end = |i: usize| {
            i + hay[i..]
                .find(|c: char| !is_word_char(c))
                .unwrap_or(hay.len() - i)
        };
        let first = word_end(at);
        // Not a common or locative word ("مدينة قرب"), nor an adjective ("قرية قريبة من",
        // "القرى المجاورة"): a feminine ending or the article marks one; Sahel names end in
        // ا or ي.
        let word = &hay[at..first];
        if first == at
            || self.words.ar_common.contains(word)
            || self.words.locative.iter().any(|l| l == word)
            || word.starts_with("ال")
            || word.ends_with('ه')
        {
            return None;
        }
        let (key, spelt) = spelling_keys(word);
        if key.len() < 3 {
            return None;
        }
        // Arabic may leave out a short vowel ("منغايزي", Mangaize): one edit between the
        // spellings with vowels is allowed, two in long names.
        let allowed = if spelt.len() >= 8 { 2 } else { 1 };
        self.ar_skeletons()
            .map
            .get(&key)?
            .iter()
            .filter(|(k, _)| k.len().abs_diff(spelt.len()) <= allowed)
            .map(|(k, p)| (edit_distance(k.as_bytes(), spelt.as_bytes()), *p))
            .filter(|&(d, _)| d <= allowed)
            .min_by_key(|&(d, _)| d)
            .map(|(_, p)| (first, AR_EXTRA + p))
    }
}

/// Normalised Arabic town and village nouns after which an unknown name is looked up by its
/// consonants.
const AR_FUZZY_CUES: &[&str] = &[
    "مدينه",
    "بمدينه",
    "لمدينه",
    "ومدينه",
    "بلده",
    "ببلده",
    "لبلده",
    "وبلده",
    "قريه",
    "بقريه",
    "لقريه",
    "وقريه",
    "قريتي",
    "بلدتي",
];

/// Spelling-independent keys shared by Latin and Arabic spellings of a name, without and with
/// vowels, in one pass. Consonants fall in the classes Arabic and the colonial spellings both
/// keep apart (b/p, t, d, k/g/j/q with ج غ ق خ, s/z/ch/sh with س ص ز ش ث, f/v, l, m, n, r); h
/// and ع ح ه are dropped; the second key keeps vowels in three classes (a and ا; e, i, y and ي;
/// o, u, ou, w and و); a letter doubled side by side is single. "Gaskinde" and "غاسكيندي" are
/// "ksknd", or "kaskindi" with vowels.
fn spelling_keys(name: &str) -> (String, String) {
    let mut bare: Vec<u8> = Vec::with_capacity(name.len());
    let mut spelt: Vec<u8> = Vec::with_capacity(name.len());
    // Only letters side by side are doubled: "Bebedjia" keeps both b.
    let mut push = |c: u8, vowel: bool| {
        if spelt.last() != Some(&c) {
            spelt.push(c);
            if !vowel {
                bare.push(c);
            }
        }
    };
    let mut rest = name;
    while let Some(c) = rest.chars().next() {
        let c = c.to_ascii_lowercase();
        let tail = &rest[c.len_utf8()..];
        let next = tail.chars().next().map(|n| n.to_ascii_lowercase());
        let after = tail.get(1..).and_then(|t| t.chars().next());
        let (class, len): (Option<(u8, bool)>, usize) = match (c, next) {
            ('t', Some('c')) if after == Some('h') => {
                push(b't', false);
                (Some((b's', false)), 3)
            }
            ('c' | 's', Some('h')) => (Some((b's', false)), 2),
            ('k' | 'g', Some('h')) | ('d', Some('j')) | ('q', Some('u')) => {
                (Some((b'k', false)), 2)
            }
            ('g', Some('u')) if matches!(after, Some('e' | 'i' | 'y')) => (Some((b'k', false)), 2),
            ('t', Some('h')) => (Some((b't', false)), 2),
            ('p', Some('h')) => (Some((b'f', false)), 2),
            ('o', Some('u')) => (Some((b'u', true)), 2),
            ('c', Some('e' | 'i' | 'y')) => (Some((b's', false)), 1),
            ('x', _) => {
                push(b'k', false);
                (Some((b's', false)), 1)
            }
            (c, _) => (
                match c {
                    'b' | 'p' | 'ب' | 'پ' => Some((b'b', false)),
                    't' | 'ت' | 'ط' => Some((b't', false)),
                    'd' | 'د' | 'ذ' | 'ض' | 'ظ' => Some((b'd', false)),
                    'k' | 'c' | 'q' | 'g' | 'j' | 'ك' | 'ق' | 'غ' | 'خ' | 'ج' | 'گ' => {
                        Some((b'k', false))
                    }
                    's' | 'z' | 'س' | 'ص' | 'ز' | 'ش' | 'ث' => Some((b's', false)),
                    'f' | 'v' | 'ف' | 'ڤ' => Some((b'f', false)),
                    'l' | 'ل' => Some((b'l', false)),
                    'm' | 'م' => Some((b'm', false)),
                    'n' | 'ن' => Some((b'n', false)),
                    'r' | 'ر' => Some((b'r', false)),
                    'a' | 'à' | 'â' | 'ا' | 'أ' | 'إ' | 'آ' => Some((b'a', true)),
                    'e' | 'é' | 'è' | 'ê' | 'i' | 'î' | 'y' | 'ي' | 'ى' | 'ئ' => {
                        Some((b'i', true))
                    }
                    'o' | 'ô' | 'u' | 'w' | 'و' | 'ؤ' => Some((b'u', true)),
                    _ => None,
                },
                1,
            ),
        };
        if let Some((c, vowel)) = class {
            push(c, vowel);
        }
        // `len` counts characters; the digraphs above are ASCII.
        let mut cut = c.len_utf8();
        if len > 1 {
            cut += len - 1;
        }
        rest = &rest[cut..];
    }
    (
        String::from_utf8(bare).expect("ASCII letters"),
        String::from_utf8(spelt).expect("ASCII letters"),
    )
}

/// Levenshtein distance of two short byte strings.
fn edit_distance(a: &[u8], b: &[u8]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, &x) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(x != y))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Skeleton → pattern for Latin names of places and admin units. Names of different places
/// that share a skeleton get one more pattern (after the trie's, so never matched
/// directly) holding all their targets.
fn skeleton_map(pats: &[Pat]) -> Skeletons {
    // (skeleton, pattern) sorted: the names sharing a skeleton are neighbours, in a fixed
    // order (no hashing until the final map).
    let mut keyed: Vec<(String, usize)> = pats
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.is_latin_name() && !p.targets.iter().any(|t| matches!(t, Target::Country(_)))
        })
        .map(|(i, p)| (skeleton(&p.key), i))
        .filter(|(k, _)| k.len() >= 4)
        .collect();
    keyed.sort_unstable();
    let mut map = std::collections::HashMap::with_capacity(keyed.len());
    let mut extra = Vec::new();
    let mut rest = keyed.as_slice();
    while let Some((key, first)) = rest.first() {
        let n = rest.iter().take_while(|(k, _)| k == key).count();
        let group = &rest[..n];
        rest = &rest[n..];
        if group
            .iter()
            .all(|&(_, j)| pats[j].targets == pats[*first].targets)
        {
            map.insert(key.clone(), *first);
            continue;
        }
        let mut targets: Vec<Target> = group
            .iter()
            .flat_map(|&(_, j)| pats[j].targets.iter().copied())
            .collect();
        targets.sort();
        targets.dedup();
        map.insert(key.clone(), pats.len() + extra.len());
        extra.push(Pat {
            key: key.clone(),
            targets,
            latin: true,
            common: false,
            foreign: false,
        });
    }
    Skeletons { map, extra }
}

/// The consonant keys of the Latin names of places (see [`ArSkeletons`]).
fn ar_skeleton_map(pats: &[Pat]) -> ArSkeletons {
    // Consonant keys for Arabic spellings: each spelling with vowels under a key gets a
    // merged pattern of its own (not Latin, so no capital is asked of the Arabic word),
    // holding places only (admin units have Arabic names).
    let mut extra: Vec<Pat> = Vec::new();
    let mut keyed: Vec<(String, String, usize)> = pats
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.is_latin_name() && p.targets.iter().all(|t| matches!(t, Target::Place(_)))
        })
        .filter_map(|(i, p)| {
            let (bare, spelt) = spelling_keys(&p.key);
            (bare.len() >= 3).then_some((bare, spelt, i))
        })
        .collect();
    keyed.sort_unstable();
    let mut ar_map: std::collections::HashMap<String, Vec<(String, usize)>> =
        std::collections::HashMap::with_capacity(keyed.len());
    let mut rest = keyed.as_slice();
    while let Some((key, spelt, _)) = rest.first() {
        let n = rest
            .iter()
            .take_while(|(k, v, _)| k == key && v == spelt)
            .count();
        let mut targets: Vec<Target> = rest[..n]
            .iter()
            .flat_map(|&(_, _, j)| pats[j].targets.iter().copied())
            .collect();
        rest = &rest[n..];
        targets.sort();
        targets.dedup();
        ar_map
            .entry(key.clone())
            .or_default()
            .push((spelt.clone(), extra.len()));
        extra.push(Pat {
            key: spelt.clone(),
            targets,
            latin: false,
            common: false,
            foreign: false,
        });
    }
    ArSkeletons { map: ar_map, extra }
}

/// Cues after which an unknown capitalised name is looked up by its skeleton.
const FUZZY_CUES: &[&str] = &[
    "village of ",
    "villages of ",
    "hamlet of ",
    "town of ",
    "locality of ",
    "area of ",
    "commune of ",
    "market of ",
    "camp of ",
    "outskirts of ",
    "village de ",
    "villages de ",
    "hameau de ",
    "localite de ",
    "commune de ",
    "zone de ",
    "marche de ",
    "camp de ",
    "poste de ",
    "abords de ",
    "in ",
    "near ",
    "pres de ",
];

/// A spelling-independent key for Latin place names: the letters only, with the usual
/// transliteration variants of French, English and local spellings merged (ou/u, dj/j, c/k,
/// w/u, y/i, gu/g, ph/f, ch/sh/tch, a silent h), doubled letters single and a final e dropped:
/// "Sagho" and "Sago", "Iolonioro" and "Yolonioro", "Fili-Fili" and "Filifili".
fn skeleton(name: &str) -> String {
    let b: Vec<u8> = name
        .bytes()
        .filter(u8::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let rest = &b[i..];
        let (c, n) = if rest.starts_with(b"tch") {
            (Some(b'x'), 3)
        } else if rest.starts_with(b"ch") || rest.starts_with(b"sh") {
            (Some(b'x'), 2)
        } else if rest.starts_with(b"ou") {
            (Some(b'u'), 2)
        } else if rest.starts_with(b"dj") {
            (Some(b'j'), 2)
        } else if rest.starts_with(b"ph") {
            (Some(b'f'), 2)
        } else if rest.starts_with(b"gu") {
            (Some(b'g'), 2)
        } else {
            let c = match rest[0] {
                b'c' | b'q' => Some(b'k'),
                b'w' => Some(b'u'),
                b'y' => Some(b'i'),
                b'h' => None,
                c => Some(c),
            };
            (c, 1)
        };
        if let Some(c) = c {
            if out.last() != Some(&c) {
                out.push(c);
            }
        }
        i += n;
    }
    if out.len() > 4 && out.last() == Some(&b'e') {
        out.pop();
    }
    String::from_utf8(out).expect("ASCII letters")
}

/// Names of vast regions that also name villages somewhere: never resolved as a village.
const REGION_WORDS: &[&str] = &[
    "sahel",
    "الساحل",
    "ساحل",
    "sahara",
    "الصحراء",
    "azawad",
    "ازواد",
];

/// Which side of a place name a cue word stands on.
#[derive(Clone, Copy)]
enum Side {
    Before,
    After,
}

/// How many mentions on each side of a place count as its textual neighbours.
const NEIGHBOURS: usize = 12;

/// Arabic clitics before a name: up to two of و ف ب ل ك, then optionally the article.
fn is_clitic_prefix(p: &str) -> (bool, bool) {
    let core = p.strip_suffix("ال").unwrap_or(p);
    let n = core.chars().count();
    let ok = n <= 2
        && core
            .chars()
            .all(|c| matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك'));
    let bi = core.ends_with('ب');
    (ok && !p.is_empty(), bi)
}

struct Raw {
    start: usize,
    end: usize,
    pat: usize,
    /// Found by its transliteration skeleton, not its spelling ("Sagho" for Sago).
    fuzzy: bool,
    cue: Option<PlaceCue>,
    passing: bool,
    /// Where something was said: "said in", "in a statement issued in".
    said: bool,
    cue_text: &'static str,
    /// Arabic: a settlement noun right before the name ("مدينة", "قرية", "ولاية").
    settle: bool,
    /// Arabic: a locative word right before the name ("قرب", "شمال", "ضواحي").
    locative: bool,
    /// Arabic: the name follows a clitic (و، ف، ب، ل) rather than standing alone, so the
    /// "name" may be the tail of an ordinary word (فتوى read as ف + توى).
    clitic: bool,
    /// Arabic: a speech verb, title or given name right before ("قال X", "الشيخ X").
    person: bool,
    /// The mention is in the document's first sentence.
    first_sentence: bool,
    /// Latin: a capitalised word right beside the name ("Amadou Haya Sanogo", "Bissa Gold"):
    /// the name is likely part of a person's or an organisation's name.
    in_proper_name: bool,
    /// Latin: the word right after is capitalised and not a place ("Tin Abao" where only "Tin"
    /// is known): even with a cue the match is likely a fragment of a longer, unknown name.
    next_capitalised: bool,
    /// The name qualifies a border ("near the Mali border", "à la frontière du Niger",
    /// "الحدود مع مالي"): the event is usually on the other side, so it is no country context.
    border: bool,
    /// English: "the" right before a capitalised name ("in the Soum", "the Seno"): a
    /// province or region, not a town (nobody writes "in the Djibo").
    article: bool,
}

/// The byte offsets where `recognise` may keep a name that starts there, in increasing order:
/// word boundaries ([`is_word_byte_boundary`]), and the positions inside a word right after
/// a clitic prefix ([`is_clitic_prefix`]: at most four Arabic letters, so at most 8 bytes).
/// A match starting anywhere else fails the word-boundary test and is never kept.
fn candidate_starts(hay: &str) -> Vec<usize> {
    let mut out = Vec::with_capacity(hay.len() / 3 + 1);
    let mut prev_word = false;
    // Start of the run of alphanumeric characters that ends at the current position, and
    // whether all its letters so far may belong to a clitic prefix (و ف ب ل ك, then ال).
    let mut run_start = 0;
    let mut run_clitic = false;
    for (i, c) in hay.char_indices() {
        let word = is_word_char(c);
        let boundary = !(prev_word && word);
        if boundary || (run_clitic && i - run_start <= 8 && is_clitic_prefix(&hay[run_start..i]).0)
        {
            out.push(i);
        }
        let clitic_letter = matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك' | 'ا');
        if !prev_word {
            run_start = i;
            run_clitic = clitic_letter;
        } else {
            run_clitic &= clitic_letter;
        }
        prev_word = word;
    }
    out
}

/// The word that ends right before byte `s` (separated by exactly one space), if any.
fn prev_word(hay: &str, s: usize) -> Option<(usize, &str)> {
    let b = hay[..s].strip_suffix(' ')?;
    let start = b
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word_char(*c) || *c == '\'' || *c == '-')
        .last()
        .map(|(i, _)| i)?;
    Some((start, &b[start..]))
}

/// The word that starts right after byte `e` (separated by exactly one space), if any.
fn next_word(hay: &str, e: usize) -> Option<(usize, &str)> {
    let a = hay[e..].strip_prefix(' ')?;
    let len: usize = a
        .chars()
        .take_while(|c| is_word_char(*c) || *c == '\'' || *c == '-')
        .map(char::len_utf8)
        .sum();
    (len > 0).then(|| (e + 1, &a[..len]))
}

/// Words that may stand capitalised right before a place name without making it part of a
/// proper name: sentence-initial prepositions and the like.
const CAPITAL_OK_BEFORE: &[&str] = &[
    "in",
    "at",
    "near",
    "around",
    "from",
    "to",
    "toward",
    "towards",
    "outside",
    "inside",
    "across",
    "throughout",
    "between",
    "across",
    "on",
    "of",
    "a",
    "au",
    "aux",
    "dans",
    "vers",
    "pres",
    "entre",
    "sur",
    "le",
    "la",
    "les",
    "de",
    "du",
    "des",
    "en",
    "the",
    "and",
    "et",
    "attacked",
    "reports",
    "report",
    "meanwhile",
    "also",
    "hier",
    "yesterday",
    "today",
    "aujourd'hui",
    "jihadists",
    "gunmen",
    "militants",
];

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i.min(s.len())
}

/// The text before a place ends with a direction or a distance from it ("200 kilometers north
/// of", "au nord de", "شمال"): the place locates another one. `before` is normalised text
/// (trailing spaces ignored).
pub fn direction_before(before: &str) -> bool {
    const DIRECTIONAL: &[&str] = &[
        "north", "south", "east", "west", "nord", "sud", "est", "ouest", "km", "kilomet", "miles",
        "شمال", "جنوب", "شرق", "غرب",
    ];
    let before = before.trim_end();
    NEAR_BEFORE.iter().any(|p| {
        let p = p.trim_end();
        DIRECTIONAL.iter().any(|d| p.contains(d)) && before.ends_with(p)
    })
}

const NEAR_BEFORE: &[&str] = &[
    "near ",
    "close to ",
    "outside ",
    "outskirts of ",
    "vicinity of ",
    "north of ",
    "south of ",
    "east of ",
    "west of ",
    "northeast of ",
    "northwest of ",
    "southeast of ",
    "southwest of ",
    "north-east of ",
    "north-west of ",
    "south-east of ",
    "south-west of ",
    "km from ",
    "kilometres from ",
    "kilometers from ",
    "miles from ",
    "km of ",
    "kilometres of ",
    "kilometers of ",
    "pres de ",
    "pres d'",
    "non loin de ",
    "non loin d'",
    "a proximite de ",
    "a proximite d'",
    "proximite de ",
    "aux environs de ",
    "aux environs d'",
    "environs de ",
    "aux abords de ",
    "a la sortie de ",
    "au nord de ",
    "au sud de ",
    "a l'est de ",
    "a l'ouest de ",
    "au nord-est de ",
    "au nord-ouest de ",
    "au sud-est de ",
    "au sud-ouest de ",
    "au nord d'",
    "au sud d'",
    "a l'est d'",
    "a l'ouest d'",
    "km de ",
    "km d'",
    "kilometres de ",
    "kilometres d'",
    "قرب ",
    "بالقرب من ",
    "علي مقربه من ",
    "بمقربه من ",
    "شمال ",
    "جنوب ",
    "شرق ",
    "غرب ",
    "شمالي ",
    "جنوبي ",
    "شرقي ",
    "غربي ",
    "شمال شرق ",
    "شمال غرب ",
    "جنوب شرق ",
    "جنوب غرب ",
    "شمال شرقي ",
    "شمال غربي ",
    "جنوب شرقي ",
    "جنوب غربي ",
    "كلم من ",
    "كم من ",
    "كيلومترا من ",
    "كيلومترات من ",
    "نواحي ",
    "محيط ",
    "اطراف ",
];
const REGION_BEFORE: &[&str] = &[
    "region of ",
    "region de ",
    "region du ",
    "region d'",
    "province of ",
    "province de ",
    "province du ",
    "province d'",
    "cercle de ",
    "cercle d'",
    "cercle du ",
    "department of ",
    "departement de ",
    "departement d'",
    "departement du ",
    "state of ",
    "etat de ",
    "etat du ",
    "etat d'",
    "prefecture de ",
    "prefecture of ",
    "local government area of ",
    "lga of ",
    "wilaya de ",
    "wilaya d'",
    "ولايه ",
    "اقليم ",
    "محافظه ",
    "دايره ",
    "منطقه ",
    "مقاطعه ",
    "region ",
    "regions de ",
    "regions of ",
];
const REGION_AFTER: &[&str] = &[
    " region",
    " province",
    " cercle",
    " state",
    " department",
    " lga",
    " local government",
    " prefecture",
    " governorate",
];
/// Words that say the name before them is an admin unit, after "<village>, <unit>": the unit
/// must hold the village (see `geoparse_inner`).
const UNIT_AFTER: &[&str] = &[
    " local government area",
    " lga",
    " local government",
    " district",
    " department",
    " departement",
    " province",
    " cercle",
];
const AREA_BEFORE: &[&str] = &[
    "zone de ",
    "zone d'",
    "zone of ",
    "area of ",
    "la zone de ",
    "ضواحي ",
    "secteur de ",
    "localite de ",
    "forest of ",
    "foret de ",
    "foret du ",
    "غابه ",
];
const AREA_AFTER: &[&str] = &[
    " area",
    " zone",
    " axis",
    " sector",
    " forest",
    " outskirts",
];
const COMMUNE_BEFORE: &[&str] = &[
    "commune de ",
    "commune d'",
    "commune of ",
    "commune rurale de ",
    "commune rurale d'",
    "municipality of ",
    "municipalite de ",
    "بلديه ",
];
const COMMUNE_AFTER: &[&str] = &[" commune", " municipality", " rural commune"];
const ROAD_BEFORE: &[&str] = &[
    "road from ",
    "road between ",
    "road to ",
    "axe ",
    "l'axe ",
    "route de ",
    "route d'",
    "route entre ",
    "road ",
    "highway ",
    "طريق ",
    "الطريق بين ",
    "طريق بين ",
    "محور ",
    "route nationale ",
    "the road between ",
    "la route entre ",
];
const BETWEEN_BEFORE: &[&str] = &["between ", "entre ", "بين "];
const IN_BEFORE: &[&str] = &[
    "streets of ",
    "rues de ",
    "locality of ",
    "site of ",
    "marched to ",
    "marched in ",
    "town hall of ",
    "mairie de ",
    "in ",
    "at ",
    "a ",
    "en ",
    "dans ",
    "au ",
    "village of ",
    "village de ",
    "village d'",
    "town of ",
    "city of ",
    "ville de ",
    "ville d'",
    "localite de ",
    "في ",
    "بمدينه ",
    "مدينه ",
    "قريه ",
    "بلده ",
    "بقريه ",
    "ببلده ",
    "village ",
];
/// Words after a country name that make it a border ("the Mali border", "Niger-Nigeria border").
const BORDER_AFTER: &[&str] = &[
    " border",
    "-nigeria border",
    "-niger border",
    "-mali border",
    " frontier",
];
/// Words around a country's name that make it a neighbour of the report's country.
const NEIGHBOUR_AFTER: &[&str] = &[" voisin", " المجاور"];
const NEIGHBOUR_BEFORE: &[&str] = &["neighbouring ", "neighboring "];
/// Words before a country name that make it a border.
const BORDER_BEFORE: &[&str] = &[
    "border with ",
    "border with the ",
    "borders with ",
    "border of ",
    "frontiere avec le ",
    "frontiere avec la ",
    "frontiere avec l'",
    "frontiere du ",
    "frontiere de la ",
    "frontiere de l'",
    "frontiere avec ",
    "الحدود مع ",
    "الحدود مع ال",
    "حدود ",
    "الحدود ",
];

/// Words that name a neighbour of the place spoken of (see `recognise`).
const BORDERING: &[&str] = &[
    "frontaliere avec ",
    "frontaliere de ",
    "limitrophe de ",
    "bordering ",
    "border with ",
    "borders with ",
    "frontiere avec ",
    "الحدوديه مع ",
    "الحدود مع ",
    "المتاخمه ل",
    "المحاذيه ل",
];

const PASSING_BEFORE: &[&str] = &[
    // Where a convoy was heading is not where it was hit.
    "towards ",
    "toward ",
    "heading to ",
    "bound for ",
    "en route to ",
    "en direction de ",
    "en direction d'",
    "a destination de ",
    "باتجاه ",
    "نحو ",
    "متجهه الي ",
    "متجها الي ",
    "based in ",
    "headquartered in ",
    "depuis ",
    "returned to ",
    "flown to ",
    "evacuated to ",
    "transferred to ",
    "taken to ",
    "evacues vers ",
    "evacues a ",
    "evacues sur ",
    "evacue sur ",
    "evacuees sur ",
    "achemines vers ",
    "achemines sur ",
    "transportes a ",
    "transportes vers ",
    "transferes a ",
    "hospital in ",
    "hopital de ",
    "court in ",
    "tribunal de ",
    "من العاصمه ",
    "نقلوا الي ",
    "نقل الي ",
    "visit to ",
    "visite a ",
    "visited ",
    "arrived in ",
    "arrive a ",
    "meeting in ",
    "reunion a ",
    "summit in ",
    "sommet de ",
    "talks in ",
    "flew to ",
    "embassy in ",
    "ambassade a ",
    "correspondent in ",
    "correspondant a ",
    "مراسلنا في ",
    // Officials of a place and origins of actors: "the governor of X said", "gunmen coming
    // from Nigeria".
    "governor of ",
    "gouverneur de ",
    "gouverneur d'",
    "mayor of ",
    "maire de ",
    "maire d'",
    "prefect of ",
    "prefet de ",
    "high commissioner of ",
    "haut-commissaire de ",
    "coming from ",
    "came from ",
    "fled from ",
    "fled to ",
    // Where forces fell back to is not where they fought.
    "retreated to ",
    "withdrew to ",
    "fell back to ",
    "fell back on ",
    "se replier sur ",
    "se sont replies sur ",
    "s'est replie sur ",
    "repli sur ",
    "repli vers ",
    "se replier vers ",
    "الانسحاب نحو ",
    "الانسحاب الي ",
    "انسحبوا الي ",
    "انسحبوا نحو ",
    "originating from ",
    "originally from ",
    "native of ",
    "from ",
    "venus de ",
    "venus du ",
    "venus des ",
    "venues de ",
    "venues du ",
    "venant de ",
    "venant du ",
    "venant des ",
    "en provenance de ",
    "en provenance d'",
    "originaire de ",
    "originaires de ",
    "refugies a ",
    "refugees in ",
    "transfer to ",
    "حاكم ",
    "والي ",
    "محافظ ",
    "قادمين من ",
    "قادمون من ",
    "القادمين من ",
    "فروا الي ",
    "نزحوا الي ",
];

/// `p` is the first end of the road that `r` closes ("Kaya" in "the Kaya-Dori road").
fn road_end_of(p: &Raw, r: &Raw) -> bool {
    p.end < r.start && r.start <= p.end + 1 && r.cue == Some(PlaceCue::Road)
}

/// Nouns of a statement, normalised: "press release", "conference de presse", "مؤتمر صحفي"
/// need only their last or first word ("press", "presse", "صحفي" are frame words).
const STATEMENT_NOUNS: &[&str] = &[
    "statement",
    "communique",
    "release",
    "conference",
    "speaking",
    "spoke",
    "interview",
    "briefing",
    "s'exprimant",
    "entretien",
    "بيان",
    "البيان",
    "موتمر",
    "تصريحات",
    "مقابله",
];
/// Words that may stand between a statement's noun and its town: the statement's verbs,
/// medium and day ("issued in", "تلي عبر التلفزيون الرسمي في", "publié lundi soir à").
const STATEMENT_FRAME: &[&str] = &[
    // The statement's own time of day (its weekday is `rasd_text::is_weekday`): "publié
    // lundi soir à", "صدر مساء الاثنين في".
    "soir",
    "matin",
    "evening",
    "morning",
    "night",
    "hier",
    "yesterday",
    "late",
    "early",
    "امس",
    "مساء",
    "صباح",
    "يوم",
    "issued",
    "press",
    "presse",
    "صحفي",
    "released",
    "published",
    "read",
    "broadcast",
    "aired",
    "on",
    "in",
    "at",
    "from",
    "state",
    "television",
    "radio",
    "publie",
    "diffuse",
    "lu",
    "a",
    "la",
    "sur",
    "depuis",
    "de",
    "the",
    "national",
    "nationale",
    "publique",
    "public",
    "officielle",
    "officiel",
    "official",
    "chaine",
    "journal",
    "le",
    "تلي",
    "صادر",
    "صدر",
    "نشر",
    "بث",
    "عبر",
    "عن",
    "التلفزيون",
    "الاذاعه",
    "الرسمي",
    "الرسميه",
    "الوطني",
    "في",
    "من",
];

/// A place that only says where a statement was made: "in a statement issued in Bamako",
/// "dans un communiqué publié à Niamey", "في بيان تلي عبر التلفزيون الرسمي في نيامي". `before` is the
/// sentence text before the name; only the statement's own words may stand between.
fn statement_place(before: &str) -> bool {
    // Walk back over the statement's own words to its noun; anything else ends the frame.
    let mut words = before.split_whitespace().rev();
    for _ in 0..9 {
        let Some(w) = words.next() else { return false };
        let w = w.trim_end_matches(|c: char| !is_word_char(c));
        if STATEMENT_NOUNS.contains(&w) {
            return true;
        }
        if !STATEMENT_FRAME.contains(&w) && !rasd_text::is_weekday(w) {
            return false;
        }
    }
    false
}

/// Phrases of saying right before a place: mentioned in passing, and flagged `said` (the
/// other passing phrases are in [`PASSING_BEFORE`]).
const SAID_IN: &[&str] = &[
    "said in ",
    "told reporters in ",
    "statement in ",
    "statement from ",
    "press conference in ",
    "speaking in ",
    "speaking from ",
    "a declare a ",
    "publie a ",
    "conference de presse a ",
    "point de presse a ",
    "point presse a ",
    "briefing in ",
    "news conference in ",
    "موتمر صحفي في ",
    "s'exprimant a ",
    "بيان صادر في ",
    "وقال في ",
    // A witness reached by telephone speaks from where they fled.
    "by telephone from ",
    "by phone from ",
    "reached by telephone in ",
    "reached by phone in ",
    "par telephone depuis ",
    "joint par telephone a ",
    "joints par telephone a ",
    "هاتفيا من ",
    // A security source speaks from a garrison town, not from the scene.
    "a security source in ",
    "a military source in ",
    "une source securitaire a ",
    "une source administrative a ",
    "une source militaire a ",
    "une source locale a ",
    "une source hospitaliere a ",
    "un responsable local a ",
    "مصدر امني في ",
    "مصدر امني في مدينه ",
    "مصدر عسكري في ",
    "مصدر محلي في ",
];

/// Verbs and nouns of an attack right before the place attacked: "attacked X", "raid on X",
/// "هاجم X": the event's place, like "in X".
const EVENT_BEFORE: &[&str] = &[
    "attacked ",
    "attack on ",
    "attacks on ",
    "attack against ",
    "raided ",
    "raid on ",
    "stormed ",
    "overran ",
    "shelled ",
    "bombed ",
    "ambushed ",
    "besieged ",
    "attaque contre ",
    "attaque de ",
    "attaque du ",
    "attaque d'",
    "ont attaque ",
    "a attaque ",
    "attaquent ",
    "assaut contre ",
    "incursion a ",
    "هاجم ",
    "هاجموا ",
    "هاجمت ",
    "هجوم علي ",
    "الهجوم علي ",
    "هجوما علي ",
    "هجمات علي ",
    "اقتحم ",
    "اقتحموا ",
    "استهدف ",
];

/// The text between two place names joins another place ("and", "et", "then", "ثم") rather
/// than locating the second by the first.
fn joins_another(gap: &str) -> bool {
    gap.split(|c: char| !c.is_alphanumeric())
        .any(|w| matches!(w, "and" | "et" | "or" | "ou" | "then" | "puis" | "و" | "ثم"))
}

/// The longest cue of `list` that `s` ends with as whole words ("a " after "Haya " is not the
/// French "à"); an Arabic cue may carry a clitic و or ف ("وبمدينة").
/// `s.ends_with(c)`, compared byte by byte from the end: the cue lists are matched against
/// every mention, and a mismatch is nearly always found in the last byte or two, sooner
/// than a `memcmp` call is made.
#[inline]
fn has_suffix(s: &str, c: &str) -> bool {
    let (s, c) = (s.as_bytes(), c.as_bytes());
    c.len() <= s.len() && s.iter().rev().zip(c.iter().rev()).all(|(a, b)| a == b)
}

/// `s.starts_with(c)`, byte by byte (see [`has_suffix`]).
#[inline]
fn has_prefix(s: &str, c: &str) -> bool {
    let (s, c) = (s.as_bytes(), c.as_bytes());
    c.len() <= s.len() && s.iter().zip(c.iter()).all(|(a, b)| a == b)
}

fn ends_with_any(s: &str, list: &[&'static str]) -> Option<&'static str> {
    list.iter()
        .copied()
        .filter(|c| {
            if !has_suffix(s, c) {
                return false;
            }
            // `s` ends with the whole character sequence `c`: a char boundary.
            let head = &s[..s.len() - c.len()];
            let starts_word = c.chars().next().is_some_and(is_word_char);
            let mut prev = head.chars().rev();
            match prev.next() {
                None => true,
                Some(p) if !is_word_char(p) || !starts_word => true,
                Some('و' | 'ف') => prev.next().is_none_or(|q| !is_word_char(q)),
                Some(_) => false,
            }
        })
        .max_by_key(|c| c.len())
}

fn starts_with_any(s: &str, list: &[&'static str]) -> Option<&'static str> {
    list.iter()
        .copied()
        .filter(|c| has_prefix(s, c))
        .max_by_key(|c| c.len())
}

struct Cand {
    target: Target,
    score: f64,
    /// Rank of its admin1 among the actors' areas in its country (0 = the group's main area;
    /// `usize::MAX` when not among them): breaks ties between namesakes of one country.
    area_rank: usize,
    /// How many of the mention's candidates lie in its country (set before sorting).
    mass: usize,
    notes: Vec<&'static str>,
}

impl Gazetteer {
    pub(crate) fn matcher(&self) -> &Matcher {
        self.matcher.get_or_init(|| Matcher::new(self))
    }

    /// Build every index geoparsing uses, including the two spelling-variant tables that are
    /// otherwise built by the first document that needs them (together they added 0.35-0.4 s
    /// to `rasd bench`'s start-up).
    pub fn warm(&self) {
        let m = self.matcher();
        m.skeletons();
        m.ar_skeletons();
    }

    /// Find and resolve place mentions in a document. Without the original text Latin names
    /// cannot be checked for a capital letter; prefer [`Gazetteer::geoparse_original`] when the
    /// original is at hand.
    pub fn geoparse(&self, text: &Normalized, hints: &GeoHints) -> Vec<PlaceMention> {
        self.geoparse_inner(None, text, hints)
    }

    /// As [`Gazetteer::geoparse`], with the original text `text` was normalised from: Latin
    /// names must then start with a capital letter there ("Bamba" the village, not "bamba").
    pub fn geoparse_original(
        &self,
        original: &str,
        text: &Normalized,
        hints: &GeoHints,
    ) -> Vec<PlaceMention> {
        self.geoparse_inner(Some(original), text, hints)
    }

    fn geoparse_inner(
        &self,
        original: Option<&str>,
        text: &Normalized,
        hints: &GeoHints,
    ) -> Vec<PlaceMention> {
        let m = self.matcher();
        let (mut raws, foreign_ctx) = self.recognise(m, original, text, hints);
        // "Benena, Segou", "Douna, Mopti": a name right after a comma that names an admin
        // unit holding a namesake of the place before it is that place's admin context, as in
        // "(Solle, Loroum)".
        let mut unknown: Vec<usize> = Vec::new();
        for i in 1..raws.len() {
            let (a, b) = (&raws[i - 1], &raws[i]);
            if text.as_str().get(a.end..b.start).map(str::trim) != Some(",") {
                continue;
            }
            let holds =
                m.pat(b.pat).targets.iter().any(|&t| match t {
                    Target::Area(area) => m.pat(a.pat).targets.iter().any(|&p| {
                        matches!(p, Target::Place(_)) && self.is_town_of(p, area as usize)
                    }),
                    _ => false,
                });
            // "Kawuri, Konduga Local Government Area of Borno State": an admin unit, said to
            // be one, that holds none of the place's namesakes; the village is not in the
            // gazetteer, and the unit (resolved on its own cue) stands for it.
            let unit_named = starts_with_any(&text.as_str()[b.end..], UNIT_AFTER).is_some();
            if holds && b.cue.is_none() {
                raws[i].cue = Some(PlaceCue::Parenthetical);
                raws[i].cue_text = ",";
            } else if unit_named
                && a.cue.is_some()
                && m.pat(a.pat)
                    .targets
                    .iter()
                    .all(|t| matches!(t, Target::Place(_)))
            {
                // Not even in the unit's region (the sources misplace villages across a
                // province line, never across a region's).
                let region_of = |t: Target| self.area_chain(t).last().copied();
                let regions: Vec<usize> = m
                    .pat(b.pat)
                    .targets
                    .iter()
                    .filter(|t| matches!(t, Target::Area(_)))
                    .filter_map(|&t| region_of(t))
                    .collect();
                let elsewhere = !regions.is_empty()
                    && m.pat(a.pat)
                        .targets
                        .iter()
                        .all(|&p| region_of(p).is_none_or(|r| !regions.contains(&r)));
                if elsewhere {
                    unknown.push(i - 1);
                }
            }
        }
        for i in unknown.into_iter().rev() {
            raws.remove(i);
        }
        let raws = raws;

        // Context: countries hinted or named, admin units named.
        let mut ctx_countries: BTreeSet<usize> = hints
            .countries
            .iter()
            .filter_map(|c| names::country_by_acled(c))
            .collect();
        // A group that operates across borders (ISWAP: Borno and Diffa; JNIM: Mopti and the
        // Burkinabe Sahel) makes each of its countries context, not only its home country.
        // Only a weak preference, though: a state's forces, or a country the text names, count
        // more than the home and areas of a group that roams across borders.
        let mut roamed: BTreeSet<usize> = BTreeSet::new();
        for c in hints
            .roaming
            .iter()
            .filter_map(|c| names::country_by_acled(c))
        {
            if ctx_countries.insert(c) {
                roamed.insert(c);
            }
        }
        for h in &hints.areas {
            if let Some((cc, _)) = h.split_once(':') {
                if let Some(i) = names::country_index(cc) {
                    if ctx_countries.insert(i) {
                        roamed.insert(i);
                    }
                }
            }
        }
        for r in &raws {
            let t = &m.pat(r.pat).targets;
            if !state_cue(r) && !r.border {
                for t in t {
                    if let Target::Country(c) = t {
                        ctx_countries.insert(*c as usize);
                        roamed.remove(&(*c as usize));
                    }
                }
            }
        }
        // What each mention may refer to, once ordinary words and weak Arabic matches are
        // filtered out (see `gate`).
        let allowed: Vec<Vec<Target>> = raws
            .iter()
            .map(|r| self.gate(r, m.pat(r.pat), &ctx_countries, foreign_ctx))
            .collect();
        let area_hints: Vec<String> = hints
            .areas
            .iter()
            .chain(&hints.local_areas)
            .cloned()
            .collect();
        let mut ctx_areas: BTreeSet<usize> = BTreeSet::new();
        for (r, targets) in raws.iter().zip(&allowed) {
            for t in targets {
                if let Target::Area(a) = t {
                    let a = *a as usize;
                    let explicit =
                        matches!(r.cue, Some(PlaceCue::Region | PlaceCue::Parenthetical));
                    let only_areas = targets.iter().all(|t| matches!(t, Target::Area(_)));
                    if explicit || only_areas {
                        ctx_areas.insert(a);
                    }
                }
            }
        }
        // An admin unit named as such, of one country only ("département de Gaya, région de
        // Dosso"), names its country as surely as the country's own name: it joins the other
        // countries in context ("groupes armés venus du Burkina Faso"). With none, every
        // country is open and the unit already favours its own places.
        for (r, targets) in raws.iter().zip(&allowed) {
            if ctx_countries.is_empty() || r.passing || !matches!(r.cue, Some(PlaceCue::Region)) {
                continue;
            }
            let mut countries = targets.iter().filter_map(|t| match t {
                Target::Area(a) => Some(self.areas[*a as usize].country),
                _ => None,
            });
            // The biggest town of the name lies there too ("the Bosso region": Bosso is a
            // town and department of Niger, the only area so named a Nigerian LGA).
            let biggest = targets
                .iter()
                .filter_map(|t| match t {
                    Target::Place(p) => Some(&self.places[*p as usize]),
                    _ => None,
                })
                .filter(|pl| pl.population > 0)
                .max_by_key(|pl| pl.population)
                .map(|pl| pl.country);
            if let Some(c) = countries.next() {
                if countries.all(|x| x == c) && biggest.is_none_or(|b| b == c) {
                    ctx_countries.insert(c);
                    roamed.remove(&c);
                }
            }
        }

        // Two passes: the second adds distance to the other mentions' first choices.
        let mut firsts: Vec<Option<(f64, f64, f64)>> = vec![None; raws.len()];
        let mut out = Vec::new();
        // Per mention in `out`: how big its place is (population; a listed conflict town
        // counts as large), for the ends of a road or a "between".
        let mut sizes: Vec<u64> = Vec::new();
        for pass in 0..2 {
            out.clear();
            sizes.clear();
            for (i, r) in raws.iter().enumerate() {
                let pat = m.pat(r.pat);
                let mut cands: Vec<Cand> = Vec::new();
                for &t in &allowed[i] {
                    if let Some(c) = self.score(
                        t,
                        r,
                        pat,
                        (&ctx_countries, &roamed),
                        &ctx_areas,
                        &raws,
                        i,
                        m,
                        &area_hints,
                    ) {
                        cands.push(c);
                    }
                }
                if pass == 1 {
                    for c in &mut cands {
                        let Some((lat, lon)) = self.point(c.target) else {
                            continue;
                        };
                        if matches!(c.target, Target::Country(_)) {
                            continue;
                        }
                        let mut best = f64::MAX;
                        // Neighbours in the text only: a long document names hundreds of
                        // places, and comparing each with all would be quadratic.
                        let lo = i.saturating_sub(NEIGHBOURS);
                        let hi = (i + NEIGHBOURS + 1).min(firsts.len());
                        for (j, f) in firsts.iter().enumerate().take(hi).skip(lo) {
                            if let (true, Some((flat, flon, conf))) = (j != i, f) {
                                if *conf >= 0.4 {
                                    best = best.min(haversine_km(lat, lon, *flat, *flon));
                                }
                            }
                        }
                        if best < 60.0 {
                            c.score += 0.35;
                            c.notes.push("near other places");
                        } else if best < 150.0 {
                            c.score += 0.2;
                            c.notes.push("same area as other places");
                        } else if best < 400.0 {
                            c.score += 0.08;
                        }
                    }
                }
                // Equal scores: the country with more places of that name is likelier
                // (a village name common in Burkina Faso and found once in Mali).
                let countries: Vec<usize> =
                    cands.iter().map(|c| self.country_of(c.target)).collect();
                for (c, k) in cands.iter_mut().zip(&countries) {
                    c.mass = countries.iter().filter(|&x| x == k).count();
                }
                cands.sort_by(|a, b| {
                    b.score
                        .total_cmp(&a.score)
                        .then(b.mass.cmp(&a.mass))
                        .then(self.country_of(a.target).cmp(&self.country_of(b.target)))
                        .then(a.area_rank.cmp(&b.area_rank))
                        .then(a.target.cmp(&b.target))
                });
                let Some(best) = cands.first() else { continue };
                let second = cands.get(1).map(|c| c.score).unwrap_or(0.0);
                let margin = (best.score - second).max(0.0);
                let conf = 0.5 * (best.score.min(1.4) / 1.4) + 0.5 * (margin.min(0.6) / 0.6);
                if pass == 0 {
                    if let Some((lat, lon)) = self.point(best.target) {
                        if !matches!(best.target, Target::Country(_)) {
                            firsts[i] = Some((lat, lon, conf));
                        }
                    }
                    continue;
                }
                // Weak, cue-less Latin matches of unknown villages are word collisions.
                let weak = best.score < 0.3 && r.cue.is_none();
                if weak {
                    continue;
                }
                if let Some(pm) = self.mention(r, best, conf, cands.len(), &raws, i) {
                    sizes.push(match best.target {
                        Target::Place(p) => {
                            let pl = &self.places[p as usize];
                            pl.population + if pl.curated { 100_000 } else { 0 }
                        }
                        _ => u64::MAX,
                    });
                    out.push(pm);
                }
            }
        }
        // "between Foube and Barsalogho", "axis Banh-Ouahigouya": the event is nearer the
        // smaller place (the larger names the road); ACLED codes the smaller.
        for i in 1..out.len() {
            let (a, b) = (&out[i - 1], &out[i]);
            let pair = matches!(a.cue, Some(PlaceCue::Between | PlaceCue::Road))
                && b.cue == a.cue
                && b.start >= a.end
                && b.start - a.end <= 8;
            if pair && sizes[i - 1] != sizes[i] {
                let larger = if sizes[i - 1] > sizes[i] { i - 1 } else { i };
                out[larger].score *= 0.9;
                out[larger]
                    .why
                    .push_str("; the larger end of a road or a between");
            }
        }
        // "Atara, 25 km from Niafunke", "Bague near Toumour": a place given relative to a
        // landmark lies near it. A namesake far from the landmark means the village itself is
        // not in the gazetteer: the landmark stands for it (geo_precision 2).
        let hay = text.as_str();
        let mut drop = vec![false; out.len()];
        for i in 1..out.len() {
            let (a, b) = (&out[i - 1], &out[i]);
            let gap = hay.get(a.end..b.start).unwrap_or(".");
            if b.cue == Some(PlaceCue::Near)
                && a.cue != Some(PlaceCue::Near)
                && matches!(a.kind, PlaceKind::Locality)
                && matches!(b.kind, PlaceKind::Locality)
                && gap.len() <= 60
                && !gap.contains(['.', ';', '(', ')'])
                && !joins_another(gap)
                && haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)
                    > stated_km(gap).map_or(100.0, |d| (1.5 * d + 30.0).max(100.0))
            {
                drop[i - 1] = true;
                out[i].geo_precision = out[i].geo_precision.max(2);
                out[i]
                    .why
                    .push_str("; landmark of a place not in the gazetteer");
            }
        }
        let mut dropped = drop.into_iter();
        out.retain(|_| !dropped.next().unwrap_or(false));
        // "near Didieni, about 200 kilometers north of the capital, Bamako", "Bague, près de
        // Toumour": when the village is found, the landmark it is given by only locates it.
        for i in 1..out.len() {
            let (a, b) = (&out[i - 1], &out[i]);
            let gap = hay.get(a.end..b.start).unwrap_or(".");
            if b.cue == Some(PlaceCue::Near)
                && !matches!(a.cue, Some(PlaceCue::Road | PlaceCue::Between))
                && matches!(a.kind, PlaceKind::Locality)
                && matches!(b.kind, PlaceKind::Locality)
                && !b.why.contains("landmark of a place not in the gazetteer")
                && a.country == b.country
                && haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)
                    <= stated_km(gap).map_or(50.0, |d| 1.5 * d + 30.0)
                // "on the outskirts of Bamako": the town is the place.
                && !["outskirts", "periph", "banlieue", "abords", "ضواحي", "اطراف"]
                    .iter()
                    .any(|w| gap.contains(w))
                && gap.len() <= 80
                && !gap.contains(['.', ';'])
                && !joins_another(gap)
            {
                out[i].score *= 0.6;
                out[i].why.push_str("; landmark of the place before");
            }
        }
        // "on the Dori-Sebba axis, near Sampelga", "on the road between Goundam and Tonka, near
        // the village of Douekire": the place named after a road is the spot on it; the road's
        // ends only say which road.
        for i in 1..out.len() {
            let (a, b) = (&out[i - 1], &out[i]);
            let gap = hay.get(a.end..b.start).unwrap_or(".");
            let spot = matches!(a.cue, Some(PlaceCue::Road | PlaceCue::Between))
                && matches!(b.cue, Some(PlaceCue::Near | PlaceCue::In))
                && matches!(b.kind, PlaceKind::Locality)
                && a.country == b.country
                && gap.len() <= 40
                && !gap.contains(['.', ';', '(', ')'])
                && !joins_another(gap)
                && haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) <= 100.0;
            if spot {
                let cue = a.cue;
                let mut j = i;
                while j > 0
                    && out[j - 1].cue == cue
                    && (j == i || out[j].start - out[j - 1].end <= 8)
                {
                    j -= 1;
                    out[j].score *= 0.6;
                    out[j]
                        .why
                        .push_str("; an end of the road a spot on it is named after");
                }
            }
        }
        // Capitals are seldom the event's place when other places are named.
        let localities = out.iter().filter(|p| p.kind == PlaceKind::Locality).count();
        if localities > 1 {
            for p in &mut out {
                if p.kind == PlaceKind::Locality && CAPITALS.contains(&p.location.as_str()) {
                    p.score *= 0.85;
                    p.why.push_str("; national capital beside other places");
                }
            }
        }
        // A place named again is more likely the event's place.
        let mut counts: std::collections::HashMap<String, usize> = Default::default();
        for p in &out {
            *counts.entry(p.location.clone()).or_default() += 1;
        }
        for p in &mut out {
            let n = counts[&p.location];
            if n > 1 && p.kind != PlaceKind::Country {
                p.score = (p.score + 0.05 * (n - 1).min(2) as f32).min(1.0);
                p.why.push_str("; named again");
            }
        }
        out
    }

    fn point(&self, t: Target) -> Option<(f64, f64)> {
        match t {
            Target::Country(c) => self.country_points[c as usize],
            Target::Area(a) => {
                let a = &self.areas[a as usize];
                Some((a.lat, a.lon))
            }
            Target::Place(p) => {
                let p = &self.places[p as usize];
                Some((p.lat, p.lon))
            }
        }
    }

    /// Admin units (self and ancestors) of a target, deepest first.
    fn area_chain(&self, t: Target) -> Vec<usize> {
        let mut a = match t {
            Target::Area(a) => Some(a as usize),
            Target::Place(p) => self.places[p as usize].area,
            Target::Country(_) => None,
        };
        let mut out = Vec::new();
        while let Some(i) = a {
            out.push(i);
            a = self.areas[i].parent;
        }
        out
    }

    fn country_of(&self, t: Target) -> usize {
        match t {
            Target::Country(c) => c as usize,
            Target::Area(a) => self.areas[a as usize].country,
            Target::Place(p) => self.places[p as usize].country,
        }
    }

    /// The targets a mention may refer to. Latin names are capitalised (checked when
    /// recognised); Arabic has no capitals, so an Arabic name must be (a) a country, an admin
    /// unit, a listed conflict place, a town over 20,000 people or a capital, or (b) follow a
    /// settlement or locative noun ("مدينة X", "قرية X", "قرب X"), or (c) lie in a country the
    /// document names or the caller hints. An Arabic name that is also an ordinary word
    /// (`AR_COMMON`: الخميس، بئر، تاريخ) needs (b), or is a listed place with a cue in a
    /// country of the document. Latin names that are mostly person names or peoples
    /// (`LATIN_NEED_CUE`), or stand beside another capitalised word ("Amadou Haya Sanogo"),
    /// need a cue unless listed.
    fn gate(
        &self,
        r: &Raw,
        pat: &Pat,
        ctx_countries: &BTreeSet<usize>,
        foreign_ctx: bool,
    ) -> Vec<Target> {
        let has_country = pat.targets.iter().any(|t| matches!(t, Target::Country(_)));
        let explicit_area = matches!(r.cue, Some(PlaceCue::Region | PlaceCue::Parenthetical));
        pat.targets
            .iter()
            .copied()
            // A spelling variant is only a guess: never in a country the document is not about.
            // An Arabic guess from a Latin name's consonants needs that country named or
            // implied ("مدينة سانت بول" in a report on Minnesota is no Sahel village).
            .filter(|&t| {
                !r.fuzzy
                    || (ctx_countries.is_empty() && pat.latin)
                    || ctx_countries.contains(&self.country_of(t))
            })
            .filter(|&t| match t {
                Target::Country(_) => true,
                // "Algeria" is the country, not Algiers; "Mali" not a village called Mali.
                _ if has_country && !state_cue(r) => false,
                Target::Area(_) if pat.latin => true,
                Target::Area(a) => {
                    let country_ctx = ctx_countries.contains(&self.areas[a as usize].country);
                    let cued = r.settle || explicit_area;
                    let foreign_ok = country_ctx || !foreign_ctx;
                    if r.person && !cued {
                        false
                    } else if pat.common {
                        cued && foreign_ok
                    } else {
                        foreign_ok && (cued || country_ctx || !r.clitic)
                    }
                }
                // "the Sahel", "le Sahara", "l'Azawad" name vast regions, never the village
                // that shares the name.
                Target::Place(_) if REGION_WORDS.contains(&pat.key.as_str()) => false,
                Target::Place(p) => {
                    let pl = &self.places[p as usize];
                    let country_ctx = ctx_countries.contains(&pl.country);
                    if pat.latin {
                        // A large town inside a proper name ("the Bobo-Dioulasso Polytechnic
                        // University", "the Niamey summit") still places the report.
                        // A listed place named by an ordinary word ("More than 300 people")
                        // needs its cue like any other.
                        (pl.curated && !(pat.common && r.cue.is_none()))
                            || (pl.population >= 100_000 && !pat.common)
                            || (r.cue.is_some() && !r.next_capitalised)
                            || !(pat.common || r.in_proper_name)
                    } else if r.person && !r.settle {
                        false
                    } else if pat.common {
                        // "قرب دوري", "شمال دوري": a listed conflict place after "near" or a
                        // bearing (a sports league is never "near").
                        (r.settle && (country_ctx || !foreign_ctx))
                            || (pl.curated && country_ctx && r.cue.is_some())
                            || (pl.curated && r.locative && !foreign_ctx)
                    } else if pl.curated || country_ctx {
                        true
                    } else if foreign_ctx {
                        // A document about Lebanon or Egypt: طرابلس is not in Libya, and
                        // "إقليم الخروب" is in Lebanon.
                        false
                    } else {
                        r.settle
                            || r.locative
                            || (!r.clitic
                                && alnum_len(&pat.key) >= 4
                                && (pl.population >= 20_000 || self.is_capital(p as usize)))
                    }
                }
            })
            .collect()
    }

    /// A national capital, or a town named like its admin1 or admin2 unit (a regional or
    /// district capital: Mopti in Mopti region).
    fn is_capital(&self, p: usize) -> bool {
        let pl = &self.places[p];
        if CAPITALS.contains(&pl.location.as_str()) {
            return true;
        }
        let name = rasd_text::normalize(&pl.location);
        let chain = self.area_chain(Target::Place(p as u32));
        chain
            .iter()
            .any(|&a| rasd_text::normalize(&self.areas[a].name).as_str() == name.as_str())
    }

    #[allow(clippy::too_many_arguments)]
    fn score(
        &self,
        t: Target,
        r: &Raw,
        pat: &Pat,
        (ctx_countries, roamed): (&BTreeSet<usize>, &BTreeSet<usize>),
        ctx_areas: &BTreeSet<usize>,
        raws: &[Raw],
        i: usize,
        m: &Matcher,
        hint_areas: &[String],
    ) -> Option<Cand> {
        let mut notes = Vec::new();
        let generic = names::GENERIC_AREA.contains(&pat.key.as_str());
        let mut s = match t {
            Target::Country(_) => {
                if state_cue(r) {
                    0.3 // "Niger State", "ولاية النيجر": the state, not the country
                } else {
                    1.0
                }
            }
            Target::Area(a) => {
                let area = &self.areas[a as usize];
                let explicit = matches!(r.cue, Some(PlaceCue::Region | PlaceCue::Parenthetical));
                if generic && !explicit {
                    return None;
                }
                let mut s = if area.level == 1 { 0.5 } else { 0.4 };
                if r.cue == Some(PlaceCue::Region) {
                    s += 0.6;
                    notes.push("region cue");
                } else if r.article && !generic {
                    s += 0.35;
                    notes.push("\"the\" before the name");
                } else if pat.targets.iter().any(|&o| self.is_town_of(o, a as usize)) {
                    s -= 0.3;
                    notes.push("town of the same name preferred");
                }
                s
            }
            Target::Place(p) => {
                let pl = &self.places[p as usize];
                let mut s = 0.2 + 0.07 * ((pl.population + 1) as f64).log10();
                if r.fuzzy {
                    s -= 0.1;
                    notes.push("spelling variant");
                }
                if pl.curated {
                    s += 0.35;
                    notes.push("known conflict place");
                }
                if r.cue == Some(PlaceCue::Region) {
                    // "Soum Province": a town named so is the unlikely reading when an area
                    // of that name exists.
                    // A known conflict town is often named loosely for its area ("the Bosso
                    // region"), so only unknown villages take the larger penalty.
                    let area_too = pat.targets.iter().any(|t| matches!(t, Target::Area(_)));
                    s -= if area_too && !pl.curated { 0.45 } else { 0.15 };
                }
                s
            }
        };
        let c = self.country_of(t);
        // Rasd's focus is the central Sahel: with nothing else to tell two namesakes apart, a
        // village in Mali, Burkina Faso or Niger is likelier than one in a neighbouring country.
        if !matches!(t, Target::Country(_))
            && ["Mali", "Burkina Faso", "Niger"]
                .iter()
                .any(|n| names::country_by_acled(n) == Some(c))
        {
            s += 0.15;
            notes.push("central Sahel prior");
        }
        let mut area_rank = usize::MAX;
        if !hint_areas.is_empty() && !matches!(t, Target::Country(_)) {
            let chain = self.area_chain(t);
            if let Some(&a1) = chain.iter().find(|&&a| self.areas[a].level == 1) {
                let area = &self.areas[a1];
                let cc = names::COUNTRIES[area.country].cc;
                // Groups list their main areas first: between two namesakes in a country
                // where a group operates, the one in its stronghold.
                if let Some(pos) = hint_areas
                    .iter()
                    .position(|h| h.split_once(':') == Some((cc, area.name.as_str())))
                {
                    let rank = hint_areas[..pos]
                        .iter()
                        .filter(|h| h.split_once(':').map(|x| x.0) == Some(cc))
                        .count();
                    s += 0.3;
                    area_rank = rank;
                    notes.push("where the actors operate");
                }
            }
        }
        if !ctx_countries.is_empty() && !matches!(t, Target::Country(_)) {
            if roamed.contains(&c) {
                s += 0.3;
                notes.push("country where the actors roam");
            } else if ctx_countries.contains(&c) {
                s += 0.6;
                notes.push("country in context");
            } else {
                s -= 0.6;
            }
        }
        if !matches!(t, Target::Country(_)) {
            let chain = self.area_chain(t);
            let own_area = matches!(t, Target::Area(_))
                .then(|| chain.first().copied())
                .flatten();
            let hit = chain
                .iter()
                .any(|a| Some(*a) != own_area && ctx_areas.contains(a));
            if hit {
                s += 0.5;
                notes.push("admin unit named in text");
                // Parenthetical right after this mention: "(Solle, Loroum)".
                if let Some(next) = raws.get(i + 1) {
                    if next.cue == Some(PlaceCue::Parenthetical) && next.start <= r.end + 3 {
                        let named: Vec<usize> = m
                            .pat(next.pat)
                            .targets
                            .iter()
                            .filter_map(|t| match t {
                                Target::Area(a) => Some(*a as usize),
                                _ => None,
                            })
                            .collect();
                        if chain.iter().any(|a| named.contains(a)) {
                            s += 0.3;
                        }
                    }
                }
            }
        }
        Some(Cand {
            target: t,
            area_rank,
            mass: 0,
            score: s,
            notes,
        })
    }

    /// True when `t` is a town inside area `a` (Gao the town inside Gao the region).
    fn is_town_of(&self, t: Target, a: usize) -> bool {
        match t {
            Target::Place(p) => self.area_chain(Target::Place(p)).contains(&a),
            _ => false,
        }
    }

    fn recognise(
        &self,
        m: &Matcher,
        original: Option<&str>,
        text: &Normalized,
        hints: &GeoHints,
    ) -> (Vec<Raw>, bool) {
        let hay = text.as_str();
        let mut raws: Vec<Raw> = Vec::new();
        let mut foreign = false;
        // The longest name at each position where a match can be kept (word starts and ends,
        // and after Arabic clitics), never over the letters inside words, and never again
        // over text already scanned.
        let starts = candidate_starts(hay);
        let (mut sent_start, mut sent_scanned) = (0, 0);
        let mut pos = 0;
        // Arabic names found by their letters after a settlement noun, found again anywhere
        // later in the document ("بلدة غومبورو ... سيطرتها على غومبورو").
        let mut guessed: Vec<(&str, usize)> = Vec::new();
        for &at in &starts {
            if at < pos {
                continue;
            }
            // (A match that ends inside a word is never kept: "Sag" in "Sagho".)
            let found = match m
                .trie
                .longest_at(hay.as_bytes(), at)
                .filter(|&(end, _)| is_word_byte_boundary(hay, end))
            {
                // "Fili-Fili" where only Fili is known by that spelling: the whole compound's
                // variant (Filifili) when there is one.
                Some((end, p)) if hay[end..].starts_with('-') => m
                    .fuzzy_at(hay, at, original.map(|o| (o, text)))
                    .filter(|&(e, _)| e > end)
                    .map(|(e, p)| (at, e, p, true))
                    .or(Some((at, end, p, false))),
                Some((end, p)) => Some((at, end, p, false)),
                None => m
                    .fuzzy_at(hay, at, original.map(|o| (o, text)))
                    .or_else(|| {
                        let found = m.fuzzy_ar_at(hay, at);
                        if let Some((e, p)) = found {
                            guessed.push((&hay[at..e], p));
                        }
                        found.or_else(|| {
                            guessed.iter().find_map(|&(w, p)| {
                                (hay[at..].starts_with(w)
                                    && is_word_byte_boundary(hay, at + w.len()))
                                .then_some((at + w.len(), p))
                            })
                        })
                    })
                    .map(|(e, p)| (at, e, p, true)),
            };
            let Some((s, e, pat_index, fuzzy)) = found else {
                continue;
            };
            let pat = m.pat(pat_index);
            let mut ok = is_word_byte_boundary(hay, e);
            let mut clitic_bi = false;
            if ok && !is_word_byte_boundary(hay, s) {
                // Arabic clitics: the word starts a few letters earlier.
                let ws = hay[..s]
                    .char_indices()
                    .rev()
                    .take_while(|&(_, c)| is_word_char(c))
                    .last()
                    .map(|(i, _)| i)
                    .unwrap_or(s);
                let first_arabic = hay[s..].starts_with(is_arabic);
                let (clitic, bi) = is_clitic_prefix(&hay[ws..s]);
                ok = first_arabic && clitic;
                clitic_bi = bi;
            }
            if ok && pat.latin && !pat.targets.is_empty() {
                if let Some(orig) = original {
                    let (os, _) = text.original_span(s, s + 1);
                    ok = orig[os..].chars().next().is_some_and(|c| c.is_uppercase());
                }
            }
            if !ok {
                continue;
            }
            pos = e;
            if pat.targets.is_empty() {
                foreign |= pat.foreign;
                continue; // blocker
            }
            // The last sentence end before `s`, found by scanning only the text since the
            // previous mention (mentions come in text order).
            if let Some(i) = hay[sent_scanned..s].rfind(['.', '!', '?', ';']) {
                sent_start = sent_scanned + i + 1;
            }
            sent_scanned = s;
            let before = &hay[floor_boundary(hay, s.saturating_sub(60)).max(sent_start)..s];
            let after = &hay[e..ceil_boundary(hay, (e + 40).min(hay.len()))];
            let (mut cue, mut cue_text) = detect_cue(before, after, clitic_bi, raws.last(), hay, s);
            // French "à X" loses its accent in normalisation: English "a Bozo" is no cue.
            if cue_text == "a " && s >= 2 {
                if let Some(orig) = original {
                    let (os, _) = text.original_span(s - 2, s - 1);
                    if !orig[os..].starts_with(['à', 'À']) {
                        (cue, cue_text) = (None, "");
                    }
                }
            }
            let dateline = s < 3
                && (after.starts_with(" (") || after.starts_with(" -") || after.starts_with(","))
                && after.len() > 2
                && hay[e..].find(['-', ')']).is_some_and(|k| k < 30);
            // Passing only when the passing phrase is longer than the locative cue it contains
            // ("said in X" over "in X", but not "from X" inside "10 km from X").
            let said = statement_place(
                &hay[floor_boundary(hay, s.saturating_sub(120)).max(sent_start)..s],
            ) || ends_with_any(before, SAID_IN).is_some();
            // An article may stand between the phrase and the name ("came from the Sambisa
            // axis", "en provenance de la forêt de X").
            let bare = ["the ", "la ", "le ", "les ", "l'"]
                .iter()
                .find_map(|a| before.strip_suffix(a));
            let passes = |b: &str| {
                ends_with_any(b, PASSING_BEFORE).is_some_and(|p| p.len() > cue_text.len())
            };
            // "active in the zone bordering the Malian region of Ménaka", "frontalière avec la
            // région malienne de Ménaka": a neighbour named to locate another place.
            let bordering = {
                static WORDS: std::sync::LazyLock<AhoCorasick> = std::sync::LazyLock::new(|| {
                    AhoCorasick::new(BORDERING).expect("bordering words compile")
                });
                let near = &before[floor_boundary(before, before.len().saturating_sub(48))..];
                WORDS
                    .find_iter(near)
                    .last()
                    .is_some_and(|w| !near[w.end()..].contains([',', '.', ';', '(']))
            };
            let passing =
                dateline || said || bordering || passes(before) || bare.is_some_and(passes);
            let (mut settle, mut locative, mut in_proper_name) = (false, false, false);
            let mut next_capitalised = false;
            let (mut has_clitic, mut person) = (false, false);
            if pat.latin {
                let (prev_cap, next_cap) = capitalised_neighbour(m, self, original, text, s, e);
                in_proper_name = prev_cap || next_cap;
                next_capitalised = next_cap;
            } else {
                let b = before.trim_end();
                let ends_with_word = |c: &String| {
                    has_suffix(b, c)
                        && b[..b.len() - c.len()]
                            .chars()
                            .next_back()
                            .is_none_or(|ch| !is_word_char(ch))
                };
                settle = m.words.settle.iter().any(ends_with_word);
                locative = m.words.locative.iter().any(ends_with_word);
                let ws = hay[..s]
                    .char_indices()
                    .rev()
                    .take_while(|&(_, c)| is_word_char(c))
                    .last()
                    .map(|(i, _)| i)
                    .unwrap_or(s);
                let clitic = hay[ws..s].trim_end_matches("ال");
                // The article counts too when the name does not carry it: اليندي is not Yendi.
                has_clitic = ws < s && !(clitic.is_empty() && pat.key.starts_with("ال"));
                person = prev_word(hay, ws).is_some_and(|(_, w)| {
                    m.words.ar_person_before.contains(w)
                        || m.words.ar_person_before.contains(w.trim_start_matches('و'))
                });
                let ar_governed = clitic.contains(['ب', 'ل'])
                    || prev_word(hay, ws).is_some_and(|(_, w)| AR_COUNTRY_GOVERNORS.contains(&w));
                // مالي "financial", بنين "sons": the country only when governed or hinted.
                if AR_AMBIGUOUS_COUNTRY.contains(&pat.key.as_str()) && !ar_governed {
                    let hinted = pat.targets.iter().any(|t| match t {
                        Target::Country(c) => hints
                            .countries
                            .iter()
                            .any(|h| h.eq_ignore_ascii_case(COUNTRIES[*c as usize].acled)),
                        _ => false,
                    });
                    if !hinted {
                        continue;
                    }
                }
            }
            // A neighbouring country named as such ("venus du Nigeria voisin", "neighbouring
            // Niger", "من النيجر المجاورة") is no country context either.
            let neighbour = pat.targets.iter().any(|t| matches!(t, Target::Country(_)))
                && (starts_with_any(after, NEIGHBOUR_AFTER).is_some()
                    || ends_with_any(before, NEIGHBOUR_BEFORE).is_some());
            let border = neighbour
                || starts_with_any(after, BORDER_AFTER).is_some()
                || ends_with_any(before, BORDER_BEFORE).is_some();
            let article = pat.latin && before.ends_with(" the ");
            raws.push(Raw {
                border,
                article,
                start: s,
                end: e,
                pat: pat_index,
                fuzzy,
                cue,
                passing: passing || border,
                said,
                cue_text,
                first_sentence: sent_start == 0,
                settle,
                locative,
                clitic: has_clitic,
                person,
                in_proper_name,
                next_capitalised,
            });
        }
        (raws, foreign)
    }

    fn mention(
        &self,
        r: &Raw,
        best: &Cand,
        conf: f64,
        ncands: usize,
        raws: &[Raw],
        i: usize,
    ) -> Option<PlaceMention> {
        let (lat, lon) = self.point(best.target)?;
        // Salience as the event's place: the cue (after "in", "attacked", "village of" it is
        // the event's place; a region or a bare name is more often context), passing
        // mentions, and the first sentence (news and ACLED notes open with the event).
        let mut salience = if r.passing { 0.5 } else { 1.0 };
        salience *= match r.cue {
            Some(PlaceCue::In) => 1.0,
            Some(PlaceCue::Near) => 0.97,
            Some(PlaceCue::Area | PlaceCue::Commune) => 0.93,
            Some(PlaceCue::Between | PlaceCue::Road) => 0.9,
            Some(PlaceCue::Parenthetical) => 0.85,
            Some(PlaceCue::Region) => 0.75,
            None => 0.8,
        };
        if matches!(best.target, Target::Area(_)) {
            salience *= 0.85; // a whole region rather than a town
        }
        if !r.first_sentence {
            salience *= 0.9;
        }
        // Earlier mentions first when all else is equal (the event opens the report).
        salience *= 1.0 - 0.01 * i.min(10) as f64;
        // "(Solle, Loroum)" after a place: admin context of that place, whatever it resolves to.
        let after_known = r.cue == Some(PlaceCue::Parenthetical)
            && i > 0
            && raws[i - 1].cue != Some(PlaceCue::Parenthetical)
            && raws[i - 1].end + 3 >= r.start;
        let area_context = after_known && !matches!(best.target, Target::Place(_));
        if area_context {
            salience *= 0.5;
        }
        // "near Yalgo on the Kaya-Dori road": the road locates the place just named; its ends
        // are not where it happened.
        let road_end = |k: usize| {
            matches!(raws[k].cue, Some(PlaceCue::Road | PlaceCue::Between))
                || raws
                    .get(k + 1)
                    .is_some_and(|n| n.cue == Some(PlaceCue::Road) && n.start <= raws[k].end + 1)
        };
        let located = road_end(i)
            && raws[..i]
                .iter()
                .rev()
                .find(|p| !road_end_of(p, r))
                .is_some_and(|p| {
                    matches!(p.cue, Some(PlaceCue::Near | PlaceCue::In)) && r.start <= p.end + 40
                });
        if located {
            salience *= 0.6;
        }
        let mut why: Vec<String> = Vec::new();
        if r.cue_text.is_empty() {
            why.push("no cue".into());
        } else {
            why.push(format!("cue `{}`", r.cue_text.trim()));
        }
        if r.passing {
            why.push("mentioned in passing".into());
        }
        if area_context {
            why.push("admin context of the previous place".into());
        }
        if located {
            why.push("end of a road that locates the place before".into());
        }
        let (kind, precision, location, admin) = match best.target {
            Target::Country(c) => {
                let name = COUNTRIES[c as usize].acled.to_string();
                (PlaceKind::Country, 3, name.clone(), (name, None, None))
            }
            Target::Area(a) => {
                let area = &self.areas[a as usize];
                let adm = self.admin_of_area(a as usize);
                let kind = if area.level == 1 {
                    PlaceKind::Admin1
                } else {
                    PlaceKind::Admin2
                };
                (
                    kind,
                    3,
                    area.name.clone(),
                    (adm.country, adm.admin1, adm.admin2),
                )
            }
            Target::Place(p) => {
                let pl = &self.places[p as usize];
                let adm = pl.area.map(|a| self.admin_of_area(a));
                let (c, a1, a2) = match adm {
                    Some(a) => (a.country, a.admin1, a.admin2),
                    None => (COUNTRIES[pl.country].acled.to_string(), None, None),
                };
                let precision = match r.cue {
                    Some(
                        PlaceCue::Near
                        | PlaceCue::Between
                        | PlaceCue::Road
                        | PlaceCue::Area
                        | PlaceCue::Commune,
                    ) => 2,
                    Some(PlaceCue::Region) => 3,
                    Some(PlaceCue::Parenthetical) => {
                        // Context for the place before the parenthesis, or the commune of an
                        // unknown village: either way not the point itself.
                        let after_known = i > 0
                            && raws[i - 1].cue != Some(PlaceCue::Parenthetical)
                            && raws[i - 1].end + 3 >= r.start;
                        if after_known {
                            salience *= 0.5;
                            why.push("admin context of the previous place".into());
                        } else {
                            why.push("commune of an unknown village".into());
                        }
                        2
                    }
                    _ => 1,
                };
                (
                    PlaceKind::Locality,
                    precision,
                    pl.location.clone(),
                    (c, a1, a2),
                )
            }
        };
        for n in &best.notes {
            why.push((*n).to_string());
        }
        if ncands > 1 {
            why.push(format!("{ncands} candidates"));
        }
        Some(PlaceMention {
            start: r.start,
            end: r.end,
            location,
            country: admin.0,
            admin1: admin.1,
            admin2: admin.2,
            latitude: lat,
            longitude: lon,
            geo_precision: precision,
            kind,
            score: (conf * salience).clamp(0.0, 1.0) as f32,
            cue: r.cue,
            said: r.said,
            passing: r.passing && !r.border,
            why: why.join("; "),
        })
    }
}

/// Whether a capitalised word that is neither a function word nor a place stands right before,
/// and right after, the Latin name at `s..e` (separated by one space only).
fn capitalised_neighbour(
    m: &Matcher,
    g: &Gazetteer,
    original: Option<&str>,
    text: &Normalized,
    s: usize,
    e: usize,
) -> (bool, bool) {
    let Some(orig) = original else {
        return (false, false);
    };
    let hay = text.as_str();
    let (mut prev, mut next) = (false, false);
    let capital = |i: usize| {
        let (os, _) = text.original_span(i, i + 1);
        orig[os..].chars().next().is_some_and(|c| c.is_uppercase())
    };
    let is_place = |w: &str| g.names.contains_key(w) && !m.words.latin_need_cue.contains(w);
    let ok_word = |w: &str| {
        (m.words.stop.contains(w)
            && !m.words.latin_need_cue.contains(w)
            && !NAME_WORDS.contains(&w))
            || CAPITAL_OK_BEFORE.contains(&w)
            || w.len() <= 2
    };
    if let Some((i, w)) = prev_word(hay, s) {
        if capital(i) && !ok_word(w) && !is_place(w) {
            prev = true;
        }
    }
    if let Some((i, w)) = next_word(hay, e) {
        let cue_word = starts_with_any(&hay[e..], REGION_AFTER).is_some()
            || starts_with_any(&hay[e..], AREA_AFTER).is_some()
            || starts_with_any(&hay[e..], COMMUNE_AFTER).is_some();
        if capital(i) && !cue_word && !ok_word(w) && !is_place(w) && !FACILITY_AFTER.contains(&w) {
            next = true;
        }
    }
    (prev, next)
}

/// Capitalised words after a place name that make it a site in that place, not a longer proper
/// name: "the Mentao Refugee Camp", "Kidal Military Camp", "the Gao Airport", "Boni Market".
const FACILITY_AFTER: &[&str] = &[
    "refugee",
    "refugees",
    "idp",
    "camp",
    "market",
    "airport",
    "airfield",
    "gold",
    "mine",
    "mining",
    "prison",
    "military",
    "barracks",
    "hospital",
    "health",
    "bridge",
    "dam",
    "checkpoint",
    "police",
    "gendarmerie",
    "customs",
    "village",
    "town",
    "city",
    "mosque",
    "church",
    "valley",
    "river",
    "lake",
    "forest",
    "border",
    "crossing",
    "garrison",
    "base",
    "post",
    "outpost",
];

/// Stopwords that are titles or given names: a capitalised place-like word beside them is part
/// of a person's name ("General Sanogo", "Amadou Haya").
const NAME_WORDS: &[&str] = &[
    "mr",
    "mrs",
    "dr",
    "president",
    "general",
    "minister",
    "chief",
    "emir",
    "imam",
    "sheikh",
    "king",
    "queen",
    "ali",
    "musa",
    "moussa",
    "ibrahim",
    "amadou",
    "ahmed",
    "mohamed",
    "muhammad",
    "abdoulaye",
    "capitaine",
    "colonel",
    "sergent",
    "lieutenant",
    "ministre",
    "maire",
    "roi",
    "chef",
    "gen",
];

const CAPITALS: &[&str] = &[
    "Bamako",
    "Ouagadougou",
    "Niamey",
    "Abuja",
    "NDjamena",
    "Nouakchott",
    "Algiers",
    "Alger",
    "Dakar",
    "Conakry",
    "Abidjan",
    "Yamoussoukro",
    "Porto-Novo",
    "Cotonou",
    "Lome",
    "Accra",
    "Tripoli",
    "Khartoum",
    "Yaounde",
];

/// The distance a gap between two place names states ("Diabaly, 140 kilometers from"), in km.
fn stated_km(gap: &str) -> Option<f64> {
    let digits: String = gap
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit())
        .collect();
    digits.parse().ok()
}

/// A region cue that can make a country's name a state's ("Niger State", "ولاية النيجر",
/// "l'État du Niger"); "the regions of Niger" or "la région du Niger" still name the country.
fn state_cue(r: &Raw) -> bool {
    r.cue == Some(PlaceCue::Region)
        && !(r.cue_text.starts_with("region") || r.cue_text.starts_with("province"))
}

fn detect_cue(
    before: &str,
    after: &str,
    clitic_bi: bool,
    prev: Option<&Raw>,
    hay: &str,
    s: usize,
) -> (Option<PlaceCue>, &'static str) {
    // Continuations of the previous mention: "entre X et Y", "(Solle, Loroum)", "from X to Y".
    if let Some(p) = prev {
        let gap = &hay[p.end..s];
        if gap.len() <= 8 {
            let g = gap.trim();
            match p.cue {
                Some(PlaceCue::Between) if matches!(g, "and" | "et" | "و" | "," | "&") => {
                    return (Some(PlaceCue::Between), "between");
                }
                Some(PlaceCue::Road)
                    if matches!(g, "to" | "a" | "-" | "and" | "et" | "الي" | "و") =>
                {
                    return (Some(PlaceCue::Road), "road");
                }
                Some(PlaceCue::Parenthetical) if g == "," || g == ", " => {
                    return (Some(PlaceCue::Parenthetical), "(");
                }
                _ => {}
            }
            if g == "-" && before.contains("axe") {
                return (Some(PlaceCue::Road), "axe");
            }
        }
    }
    let b = before;
    if b.ends_with('(') || b.ends_with("( ") {
        return (Some(PlaceCue::Parenthetical), "(");
    }
    // Cue words in priority order: the first that stands before (or after) the name wins.
    const CUES: &[(PlaceCue, Side, &[&str])] = &[
        (PlaceCue::Region, Side::Before, REGION_BEFORE),
        (PlaceCue::Region, Side::After, REGION_AFTER),
        (PlaceCue::Commune, Side::Before, COMMUNE_BEFORE),
        (PlaceCue::Commune, Side::After, COMMUNE_AFTER),
        (PlaceCue::Road, Side::Before, ROAD_BEFORE),
        (PlaceCue::Between, Side::Before, BETWEEN_BEFORE),
        (PlaceCue::Road, Side::After, &[" road", " highway"]),
        (PlaceCue::Area, Side::Before, AREA_BEFORE),
        (PlaceCue::Area, Side::After, AREA_AFTER),
        (PlaceCue::Near, Side::Before, NEAR_BEFORE),
        (PlaceCue::In, Side::Before, EVENT_BEFORE),
        (PlaceCue::In, Side::Before, IN_BEFORE),
    ];
    for &(cue, side, words) in CUES {
        let found = match side {
            Side::Before => ends_with_any(b, words),
            Side::After => starts_with_any(after, words),
        };
        if let Some(c) = found {
            return (Some(cue), c);
        }
    }
    if clitic_bi {
        return (Some(PlaceCue::In), "ب");
    }
    (None, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skeletons_merge_transliteration_variants_only() {
        for (a, b) in [
            ("sagho", "sago"),
            ("iolonioro", "yolonioro"),
            ("fili-fili", "filifili"),
            ("tin agadel", "ti-n-agadel"),
            ("hamakouladji", "amakouladji"),
            ("ouolon", "wolon"),
        ] {
            assert_eq!(skeleton(a), skeleton(b), "{a} / {b}");
        }
        for (a, b) in [("ndaki", "ndachi"), ("boni", "bani"), ("dori", "doro")] {
            assert_ne!(skeleton(a), skeleton(b), "{a} / {b}");
        }
    }

    #[test]
    fn arabic_and_latin_spellings_share_a_key() {
        for (latin, arabic) in [
            ("gaskinde", "غاسكيندي"),
            ("tondikiwindi", "تونديكيويندي"),
            ("didieni", "ديدييني"),
            ("ngouboua", "نغوبوا"),
            ("tillaberi", "تيلابيري"),
            ("tchoma bangou", "تشوما بانغو"),
        ] {
            assert_eq!(
                spelling_keys(latin).0,
                spelling_keys(arabic).0,
                "{latin} / {arabic}"
            );
        }
        // With vowels, a short vowel left out is one edit; another name is more.
        let (a, b) = (spelling_keys("mangaize").1, spelling_keys("منغايزي").1);
        assert_eq!(edit_distance(a.as_bytes(), b.as_bytes()), 1, "{a} / {b}");
        let (a, b) = (spelling_keys("kucheri").1, spelling_keys("كاسوار").1);
        assert!(edit_distance(a.as_bytes(), b.as_bytes()) > 1, "{a} / {b}");
    }

    #[test]
    fn arabic_clitics() {
        for (p, ok, bi) in [
            ("و", true, false),
            ("ب", true, true),
            ("وب", true, true),
            ("بال", true, true),
            ("لل", true, false),
            ("ال", true, false),
            ("وال", true, false),
            ("سا", false, false),
            ("وبفل", false, false),
        ] {
            assert_eq!(is_clitic_prefix(p), (ok, bi), "{p}");
        }
    }

    #[test]
    fn statement_words_are_normalised() {
        for w in STATEMENT_NOUNS.iter().chain(STATEMENT_FRAME) {
            assert_eq!(rasd_text::normalize(w).as_str(), *w, "not normalised: {w}");
        }
    }

    #[test]
    fn cue_tables_are_normalised() {
        for list in [
            NEAR_BEFORE,
            REGION_BEFORE,
            AREA_BEFORE,
            COMMUNE_BEFORE,
            ROAD_BEFORE,
            IN_BEFORE,
            PASSING_BEFORE,
            SAID_IN,
            EVENT_BEFORE,
        ] {
            for c in list {
                let n = rasd_text::normalize(c);
                assert_eq!(n.as_str(), c.trim_end(), "not normalised: {c}");
            }
        }
    }
}
