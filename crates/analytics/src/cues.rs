//! Keyword cues in notes, tags and location names (English, French, Arabic), matched with one
//! Aho-Corasick automaton built once for the process.
//!
//! Capabilities (drones, IEDs, convoys) and control (blockades, taxation, courts, withdrawals)
//! both read the same cues, so one pass over an event's text answers both. Latin patterns are
//! matched ASCII-case-insensitively on word boundaries; a trailing `*` allows any suffix
//! ("drone*" matches "drones"). Accented French forms are listed as written and unaccented, as
//! notes use both. Arabic patterns match anywhere, since clitics (و، ب، ال) attach to the word.

use crate::EventRow;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::sync::LazyLock;

/// One kind of cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Cue {
    Drone,
    SurveillanceDrone,
    Ied,
    Vbied,
    Suicide,
    Shelling,
    Foreigner,
    Complex,
    Base,
    Convoy,
    Road,
    Blockade,
    Taxation,
    Governance,
    Patrol,
    Abandon,
    Aircraft,
}

/// A set of cues (bit `Cue as u8`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Cues(u32);

impl Cues {
    pub(crate) fn has(self, c: Cue) -> bool {
        self.0 & (1 << c as u8) != 0
    }
    fn add(&mut self, c: Cue) {
        self.0 |= 1 << c as u8;
    }
}

const PATTERNS: &[(Cue, &[&str])] = &[
    (
        Cue::Drone,
        &[
            "drone*",
            "uav*",
            "unmanned aerial",
            "quadcopter*",
            "مسيرة",
            "مسيّرة",
            "مسيرات",
            "مسيّرات",
            "درون",
            "بدون طيار",
        ],
    ),
    (
        Cue::SurveillanceDrone,
        &[
            "surveillance drone*",
            "reconnaissance drone*",
            "observation drone*",
            "drone de surveillance",
            "drones de surveillance",
            "drone de reconnaissance",
            "drones de reconnaissance",
            "drone footage",
            "filmed by drone*",
            "filmed with a drone",
            "مسيرة استطلاع",
            "طائرة استطلاع",
            "طائرات استطلاع",
        ],
    ),
    (
        Cue::Ied,
        &[
            "ied",
            "ieds",
            "improvised explosive*",
            "explosive device*",
            "landmine*",
            "land mine*",
            "roadside bomb*",
            "mine",
            "mines",
            "engin explosif*",
            "engins explosifs*",
            "eei",
            "mine artisanale",
            "mines artisanales",
            "عبوة ناسفة",
            "عبوات ناسفة",
            "لغم",
            "ألغام",
        ],
    ),
    (
        Cue::Vbied,
        &[
            "vbied*",
            "svbied*",
            "vehicle-borne",
            "vehicle borne",
            "car bomb*",
            "booby-trapped vehicle*",
            "booby-trapped car*",
            "explosive-laden vehicle*",
            "explosives-laden vehicle*",
            "véhicule piégé*",
            "vehicule piege*",
            "véhicules piégés",
            "vehicules pieges",
            "voiture piégée*",
            "voiture piegee*",
            "camion piégé*",
            "camion piege*",
            "سيارة مفخخة",
            "سيارات مفخخة",
            "عربة مفخخة",
        ],
    ),
    (
        Cue::Suicide,
        &["suicide*", "kamikaze*", "انتحاري", "انتحارية"],
    ),
    (
        Cue::Shelling,
        &[
            "mortar*",
            "rocket*",
            "shelling",
            "shelled",
            "shells",
            "artillery",
            "indirect fire",
            "obus",
            "mortier*",
            "roquette*",
            "tirs indirects",
            "قذائف",
            "قذيفة",
            "هاون",
            "صواريخ",
            "صاروخ",
        ],
    ),
    (
        Cue::Foreigner,
        &[
            "foreign*",
            "expatriate*",
            "tourist*",
            "étranger*",
            "etranger*",
            "expatrié*",
            "expatrie*",
            "ressortissant*",
            "german",
            "italian",
            "canadian",
            "american",
            "romanian",
            "swiss",
            "australian",
            "chinese",
            "turkish",
            "indian national*",
            "south african",
            "french national*",
            "french citizen*",
            "allemand*",
            "italien*",
            "canadien*",
            "américain*",
            "roumain*",
            "suisse*",
            "chinois*",
            "أجنبي",
            "أجانب",
            "اجانب",
        ],
    ),
    (
        Cue::Complex,
        &[
            "complex attack*",
            "attaque complexe*",
            "coordinated attack*",
            "attaque coordonnée*",
            "attaque coordonnee*",
            "هجوم معقد",
            "هجوم منسق",
        ],
    ),
    (
        Cue::Base,
        &[
            "base",
            "bases",
            "camp",
            "camps",
            "garrison*",
            "outpost*",
            "barracks",
            "military post*",
            "fob",
            "emprise*",
            "caserne*",
            "poste militaire",
            "poste avancé",
            "poste avance",
            "معسكر",
            "ثكنة",
            "قاعدة عسكرية",
            "موقع عسكري",
        ],
    ),
    (
        Cue::Convoy,
        &[
            "convoy*",
            "convoi*",
            "escort*",
            "supply*",
            "ravitaillement*",
            "logistic*",
            "logistique*",
            "رتل",
            "قافلة",
            "قوافل",
            "إمداد",
        ],
    ),
    (
        Cue::Road,
        &[
            "road*", "axis", "axe", "highway*", "route", "routes", "طريق", "محور",
        ],
    ),
    (
        Cue::Blockade,
        &[
            "blockade*",
            "blockading",
            "besieg*",
            "siege",
            "blocus",
            "assieg*",
            "assiég*",
            "encercl*",
            "embargo*",
            "حصار",
            "محاصر",
        ],
    ),
    (
        Cue::Taxation,
        &[
            "zakat",
            "zakkat",
            "zaka",
            "tax",
            "taxes",
            "taxed",
            "taxing",
            "taxation",
            "levy",
            "levies",
            "extort*",
            "racket*",
            "impôt*",
            "impot*",
            "taxe",
            "taxé*",
            "prélev*",
            "prelev*",
            "rançonn*",
            "extorsion*",
            "زكاة",
            "الزكاة",
            "ضريبة",
            "ضرائب",
            "إتاوة",
            "إتاوات",
            "اتاوات",
            "جباية",
        ],
    ),
    (
        Cue::Governance,
        &[
            "court",
            "courts",
            "tribunal*",
            "sharia",
            "shari'a",
            "charia",
            "islamic law",
            "preach*",
            "prêch*",
            "prech*",
            "sermon*",
            "cadi",
            "qadi",
            "hisba",
            "religious police",
            "islamic police",
            "police islamique",
            "agreement with",
            "accord avec",
            "pact with",
            "truce",
            "trêve",
            "treve",
            "governance",
            "محكمة",
            "قاضي",
            "الشريعة",
            "حسبة",
            "هدنة",
        ],
    ),
    (Cue::Patrol, &["patrol*", "patrouill*", "دورية", "دوريات"]),
    (
        Cue::Abandon,
        &[
            "abandon*",
            "withdr*",
            "retreat*",
            "evacuat*",
            "pulled out",
            "vacated",
            "retrait",
            "se sont retirés",
            "se sont retires",
            "repli",
            "replié*",
            "évacu*",
            "evacu*",
            "انسحاب",
            "انسحب",
            "انسحبت",
            "أخلت",
            "إخلاء",
        ],
    ),
    (
        Cue::Aircraft,
        &[
            "airstrike*",
            "air strike*",
            "air raid*",
            "aircraft",
            "helicopter*",
            "fighter jet*",
            "warplane*",
            "frappe aérienne",
            "frappes aériennes",
            "frappe aerienne",
            "frappes aeriennes",
            "hélicoptère*",
            "helicoptere*",
            "avion*",
            "غارة جوية",
            "غارات جوية",
            "مروحية",
            "الطيران الحربي",
        ],
    ),
];

struct Matcher {
    ac: AhoCorasick,
    /// Per pattern: its cue, whether it needs a word boundary after it (no `*`), and whether
    /// it is Latin (word boundaries checked at all).
    meta: Vec<(Cue, bool, bool)>,
}

static MATCHER: LazyLock<Matcher> = LazyLock::new(|| {
    let mut pats = Vec::new();
    let mut meta = Vec::new();
    for (cue, list) in PATTERNS {
        for p in *list {
            let (text, open) = match p.strip_suffix('*') {
                Some(t) => (t, true),
                None => (*p, false),
            };
            let latin = !text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
            pats.push(text.to_string());
            meta.push((*cue, !open, latin));
        }
    }
    let ac = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        // A few hundred short patterns: the DFA is small and scans several times faster than
        // the default NFA in overlapping mode (every event's notes are scanned per analysis).
        .kind(Some(AhoCorasickKind::DFA))
        .build(&pats)
        .expect("cue patterns are small literals");
    Matcher { ac, meta }
});

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// The cues in one text.
pub(crate) fn scan_text(text: &str, out: &mut Cues) {
    let m = &*MATCHER;
    for hit in m.ac.find_overlapping_iter(text) {
        let (cue, closed, latin) = m.meta[hit.pattern().as_usize()];
        if out.has(cue) {
            continue;
        }
        if latin {
            if is_word_char(text[..hit.start()].chars().next_back()) {
                continue;
            }
            if closed && is_word_char(text[hit.end()..].chars().next()) {
                continue;
            }
        }
        out.add(cue);
    }
}

/// The cues of an event: its notes, tags and location name.
pub(crate) fn scan(row: &EventRow) -> Cues {
    let mut c = Cues::default();
    if let Some(n) = &row.notes {
        scan_text(n, &mut c);
    }
    for t in &row.tags {
        scan_text(t, &mut c);
    }
    if let Some(l) = &row.location {
        scan_text(l, &mut c);
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(text: &str) -> Cues {
        let mut c = Cues::default();
        scan_text(text, &mut c);
        c
    }

    #[test]
    fn matches_three_languages_on_word_boundaries() {
        assert!(cues("JNIM used armed DRONES against the camp").has(Cue::Drone));
        assert!(cues("JNIM used armed DRONES against the camp").has(Cue::Base));
        assert!(cues("une voiture piégée a explosé").has(Cue::Vbied));
        assert!(cues("انفجار سيارة مفخخة قرب معسكر").has(Cue::Vbied));
        assert!(cues("انفجار سيارة مفخخة قرب معسكر").has(Cue::Base));
        assert!(cues("an IED struck the convoy").has(Cue::Ied));
        assert!(cues("an IED struck the convoy").has(Cue::Convoy));
        // "ied" inside words is not an IED; "camp" in "campaign" is not a camp.
        assert!(!cues("soldiers died; he carried supplies").has(Cue::Ied));
        assert!(!cues("an election campaign").has(Cue::Base));
        assert!(cues("les jihadistes prélèvent la zakat").has(Cue::Taxation));
        assert!(cues("base_abandoned").has(Cue::Abandon));
        assert!(cues("the army withdrew from Boulkessi").has(Cue::Abandon));
        assert!(cues("فرض حصار على المدينة").has(Cue::Blockade));
        assert!(cues("a surveillance drone was seen").has(Cue::SurveillanceDrone));
        assert_eq!(cues("nothing to see"), Cues::default());
    }
}
