//! Counts (killed, wounded, abducted, displaced, participants) in digits and words, in Arabic,
//! French and English.
//!
//! Why a token grammar rather than regular expressions: counts are compositional
//! ("quatre-vingt-dix-neuf", "خمسة وعشرين", "two hundred and fifty"), carry qualifiers that change
//! how they are coded ("at least", "نحو", "une dizaine"), and sit next to look-alikes that are not
//! counts (years, dates, clock times, weapon and group names such as "AK-47", "Mi-24", "G5"). The
//! normalised text is split once into tokens ([`tokenize`]); small word tables, built once at first
//! use and normalised with [`crate::normalize`] so they are written here in ordinary spelling,
//! drive a left-to-right parse that keeps the longest reading at each position.
//!
//! Coding conventions (ACLED codebook: when a report is vague, code the conservative figure):
//! - "several", "many", "plusieurs", "عدة", "العديد" → 10; "a few", "some", "quelques", "بعض" → 3;
//!   "dozens", "des dizaines", "عشرات" → 12; "hundreds", "des centaines", "مئات" → 100;
//!   "thousands", "des milliers", "آلاف" → 1000; all [`Vagueness::Vague`].
//! - French collective nouns in "-aine" ("une dizaine" 10, "une quinzaine" 15, "une centaine" 100)
//!   and "a dozen"/"une douzaine" (12) are [`Vagueness::Vague`] with their face value: the same
//!   rule for the whole family, so that the coder treats "une quinzaine" and "une vingtaine" alike.
//! - Lower bounds ("at least 5", "plus de 20", "ما لا يقل عن", "20 or more") and ranges ("5 to 10",
//!   "entre 5 et 10", "بين 5 و10") → [`Vagueness::AtLeast`] with the lower figure, which is what
//!   ACLED codes for a range.
//! - Approximations ("about 20", "environ", "نحو", "حوالي", "قرابة") keep the stated number and its
//!   exactness: the approximation is within the tolerance of a fatality count.
//! - Upper bounds ("up to 30", "moins de", "أقل من") → [`Vagueness::Vague`] with the bound: the true
//!   figure is unknown below it.
//!
//! Mentions are sorted by start and do not overlap; each span covers the whole expression,
//! qualifiers included, and starts and ends on token (so word) boundaries: an Arabic conjunction or
//! preposition glued to the first word ("وخمسة", "بعشرات") is inside the span.

use std::collections::HashMap;

pub(crate) type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// The first words of every phrase table of the crate (numbers and dates), each with the bits
/// of the tables it starts a phrase of. Nearly all tokens are in no table, and a word of one
/// table in few others: one look-up here spares the per-table look-ups (and, for Arabic, the
/// clitic stems tried against each of the eighteen tables). A table added to the crate must be
/// listed here too, or its phrases are never found (its tests would fail).
static FIRST_WORDS: LazyLock<FastMap<Box<str>, u64>> = LazyLock::new(|| {
    let mut set = FastMap::default();
    EN_WORDS.first_words_into(&mut set);
    FR_WORDS.first_words_into(&mut set);
    AR_WORDS.first_words_into(&mut set);
    VAGUE.first_words_into(&mut set);
    PREFIX_QUALS.first_words_into(&mut set);
    POSTFIX_QUALS.first_words_into(&mut set);
    PERCENT.first_words_into(&mut set);
    crate::dates::first_words_into(&mut set);
    set
});

/// The tables (their bits, see [`Phrases::bit`]) that may have a phrase starting at the
/// token; 0 when none. For Arabic, the union over every clitic reading of the word, article
/// removed or not, which covers the readings each table tries.
fn phrase_tables(t: &Tok<'_>) -> u64 {
    if t.kind == Kind::Arabic {
        let mut bits = 0;
        arabic_stems(t.s, true, |stem, _, _| {
            bits |= FIRST_WORDS.get(stem).copied().unwrap_or(0)
        });
        bits
    } else {
        FIRST_WORDS.get(t.s).copied().unwrap_or(0)
    }
}
use std::sync::LazyLock;

/// How exact a count is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vagueness {
    Exact,
    /// "more than 20", "at least 5": the stated bound.
    AtLeast,
    /// "dozens", "several", "une dizaine": a conservative value.
    Vague,
}

/// A count found in normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberMention {
    pub start: usize,
    pub end: usize,
    pub value: u32,
    pub vagueness: Vagueness,
}

/// Find counts in normalised text.
///
/// Not counts, and so not reported: years 1900–2100 written as four bare digits, numeric dates and
/// day numbers inside date expressions ("17/01/2019", "le 17 janvier", "il y a deux jours"), clock
/// times ("10h30", "10:30"), percentages, decimals, ordinals ("1er", "17th", "first"), numbers glued
/// to letters ("G5", "M23", "AK-47", "12-year-old"), articles ("a", "an", "un", "une") and the
/// pronoun "one" ("one of the", "no one").
pub fn find_numbers(normalized: &str) -> Vec<NumberMention> {
    let toks = marked_tokens(normalized);
    let mut in_date = vec![false; toks.len()];
    for (a, b) in crate::dates::date_token_spans(&toks) {
        in_date[a..b].fill(true);
    }
    let cx = Cx {
        toks: &toks,
        in_date: &in_date,
    };
    let mut out: Vec<NumberMention> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // A count starts with digits or with a word of some phrase table (a qualifier, a
        // vague quantity, a number word): other tokens are passed over without the look-ups.
        if in_date[i] || !(toks[i].kind == Kind::Digits || toks[i].tables != 0) {
            i += 1;
            continue;
        }
        // "how many died", "combien de morts": a question, not a count.
        if age_apposition(&toks, i)
            || (i >= 1 && matches!(toks[i - 1].s, "how") && toks[i].s == "many")
        {
            i += 1;
            continue;
        }
        match cx.mention_at(i) {
            Step::Emit(m, next) => {
                // "deux (02) militaires", "dix-sept (17) terroristes": official communiqués
                // repeat a count in digits within parentheses; one count.
                match out.last_mut() {
                    Some(p)
                        if p.value == m.value
                            && normalized
                                .get(p.end..m.start)
                                .is_some_and(|between| between.trim() == "(")
                            && normalized[m.end..].trim_start().starts_with(')') =>
                    {
                        p.end = m.end + normalized[m.end..].find(')').map_or(0, |k| k + 1);
                    }
                    _ => out.push(m),
                }
                i = next;
            }
            Step::Skip(next) => i = next.max(i + 1),
            Step::Nothing => i += 1,
        }
    }
    out
}

/// "the motorcyclist, identified as Sani Lawal, 24, was shot dead": two digits between commas
/// right after a name are the person's age, not a count.
fn age_apposition(toks: &[Tok], i: usize) -> bool {
    toks[i].kind == Kind::Digits
        && toks[i].s.len() <= 2
        && i >= 2
        && toks[i - 1].s == ","
        && matches!(toks[i - 2].kind, Kind::Latin | Kind::Arabic)
        && toks.get(i + 1).is_some_and(|t| t.s == ",")
        && toks
            .get(i + 2)
            .is_some_and(|t| matches!(t.kind, Kind::Latin | Kind::Arabic))
}

// ---------------------------------------------------------------------------------------------
// Tokens (shared with dates.rs)

/// Token classes: a run of ASCII digits, a run of Latin letters, a run of Arabic letters, or one
/// other non-space character (punctuation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Digits,
    Latin,
    Arabic,
    Punct,
}

/// A token of normalised text with its byte range.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok<'a> {
    pub(crate) s: &'a str,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Kind,
    /// The phrase tables that may have a phrase beginning at this token, one bit per table
    /// (see `mark_phrase_starts`); all bits until marked, so an unmarked token is always
    /// looked up.
    pub(crate) tables: u64,
}

/// A token without its text: what [`marked_tokens`] keeps between calls.
#[derive(Clone, Copy)]
struct TokRec {
    start: u32,
    end: u32,
    kind: Kind,
    tables: u64,
}

thread_local! {
    /// The last text tokenised on this thread and its marked tokens: the coder asks for the
    /// numbers and then the dates of the same text, which share one tokenisation.
    static LAST_TOKENS: std::cell::RefCell<(String, Vec<TokRec>)> =
        const { std::cell::RefCell::new((String::new(), Vec::new())) };
}

/// [`tokenize`] then [`mark_phrase_starts`], reusing the previous call's work when the text is
/// the same.
pub(crate) fn marked_tokens(s: &str) -> Vec<Tok<'_>> {
    let cached = LAST_TOKENS.with_borrow(|(text, recs)| {
        (text == s).then(|| {
            recs.iter()
                .map(|r| Tok {
                    s: &s[r.start as usize..r.end as usize],
                    start: r.start as usize,
                    end: r.end as usize,
                    kind: r.kind,
                    tables: r.tables,
                })
                .collect::<Vec<_>>()
        })
    });
    if let Some(toks) = cached {
        return toks;
    }
    let mut toks = tokenize(s);
    mark_phrase_starts(&mut toks);
    // Long texts are not kept (a copy and its tokens would stay in memory on every thread;
    // tokenising them twice costs little beside the rest of their coding).
    LAST_TOKENS.with_borrow_mut(|(text, recs)| {
        text.clear();
        recs.clear();
        if s.len() > CACHE_MAX_BYTES {
            text.shrink_to(CACHE_MAX_BYTES);
            recs.shrink_to(CACHE_MAX_BYTES / 4);
        } else {
            text.push_str(s);
            recs.extend(toks.iter().map(|t| TokRec {
                start: t.start as u32,
                end: t.end as u32,
                kind: t.kind,
                tables: t.tables,
            }));
        }
    });
    toks
}

/// The longest text [`marked_tokens`] keeps for the next call (offsets then fit in u32).
const CACHE_MAX_BYTES: usize = 1 << 20;

/// Marks each token with the tables that may have a phrase starting there, once per text: the
/// other tables (and, for most tokens, all of them) then skip it without a look-up of their own.
pub(crate) fn mark_phrase_starts(toks: &mut [Tok<'_>]) {
    for t in toks {
        t.tables = phrase_tables(t);
    }
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

fn class(c: char) -> Option<Kind> {
    // Fast paths: ASCII, and the Arabic letters hamza..yeh (U+0621-U+064A less tatweel), which
    // are nearly all of the text; both agree with the general rule below (checked by the test
    // `char_class_fast_paths_agree`).
    if c.is_ascii() {
        return if c.is_ascii_digit() {
            Some(Kind::Digits)
        } else if c.is_ascii_alphabetic() {
            Some(Kind::Latin)
        } else if c.is_ascii_whitespace() || c == '\u{0B}' {
            None
        } else {
            Some(Kind::Punct)
        };
    }
    if matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}') {
        return Some(Kind::Arabic);
    }
    class_general(c)
}

fn class_general(c: char) -> Option<Kind> {
    if c.is_ascii_digit() {
        Some(Kind::Digits)
    } else if c.is_alphabetic() {
        Some(if is_arabic_letter(c) {
            Kind::Arabic
        } else {
            Kind::Latin
        })
    } else if c.is_whitespace() {
        None
    } else {
        Some(Kind::Punct)
    }
}

/// Split normalised text into tokens. Digits and letters are separate tokens even when glued
/// ("10h30" → "10" "h" "30", "و10" → "و" "10"), so that suffixes and clitics can be examined;
/// [`adjacent`] tells whether two tokens touch.
pub(crate) fn tokenize(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::with_capacity(s.len() / 5 + 1);
    let mut cur: Option<(usize, Kind)> = None;
    for (i, c) in s.char_indices() {
        let k = class(c);
        if let Some((st, ck)) = cur {
            if k == Some(ck) && ck != Kind::Punct {
                continue;
            }
            out.push(Tok {
                s: &s[st..i],
                start: st,
                end: i,
                kind: ck,
                tables: u64::MAX,
            });
            cur = None;
        }
        if let Some(k) = k {
            cur = Some((i, k));
        }
    }
    if let Some((st, ck)) = cur {
        out.push(Tok {
            s: &s[st..],
            start: st,
            end: s.len(),
            kind: ck,
            tables: u64::MAX,
        });
    }
    out
}

/// True when `b` starts where `a` ends (no space between).
pub(crate) fn adjacent(a: &Tok<'_>, b: &Tok<'_>) -> bool {
    a.end == b.start
}

// ---------------------------------------------------------------------------------------------
// Phrase tables (shared with dates.rs)

/// A table of word sequences, indexed by first word, matched against tokens.
///
/// Phrases are normalised and tokenised once. Hyphens are ignored between words on both sides, so
/// "avant-hier" matches "avant hier" and "quatre-vingt" matches "quatre vingt". The first word of
/// an Arabic phrase also matches when it carries clitics: a conjunction (و ف), then a preposition
/// (ب ل ك), and "لل" for ل + ال; with `strip_al`, a definite article ال is removed as well.
pub(crate) struct Phrases<T> {
    phrases: Vec<(Vec<Box<str>>, T)>,
    by_first: FastMap<Box<str>, Vec<usize>>,
    /// Phrases whose first word starts with ال, keyed by the rest (for "لل" = ل + ال).
    by_first_after_al: FastMap<Box<str>, Vec<usize>>,
    strip_al: bool,
    /// This table's bit in [`Tok::tables`]. Bits are handed out in construction order and
    /// wrap after 64 tables: two tables sharing a bit only make the filter less selective.
    bit: u64,
}

/// The number of tables built so far, for [`Phrases::bit`].
static TABLES_BUILT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// A phrase matched at a token: its value, the index of the token after it, and whether its first
/// word carried the conjunction و (which Arabic uses to join number words: "خمسة وعشرين").
#[derive(Debug, Clone, Copy)]
pub(crate) struct PhraseHit<T> {
    pub(crate) val: T,
    pub(crate) next: usize,
    pub(crate) waw: bool,
}

impl<T: Copy> Phrases<T> {
    pub(crate) fn new(list: &[(&str, T)], strip_al: bool) -> Self {
        let mut p = Phrases {
            phrases: Vec::with_capacity(list.len()),
            by_first: FastMap::default(),
            by_first_after_al: FastMap::default(),
            strip_al,
            bit: 1 << (TABLES_BUILT.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % 64),
        };
        for (text, val) in list {
            let n = crate::normalize(text);
            let words: Vec<Box<str>> = tokenize(n.as_str())
                .iter()
                .filter(|t| t.s != "-")
                .map(|t| t.s.into())
                .collect();
            assert!(!words.is_empty(), "empty phrase {text:?}");
            let id = p.phrases.len();
            p.by_first.entry(words[0].clone()).or_default().push(id);
            if let Some(rest) = words[0].strip_prefix("ال") {
                if !rest.is_empty() {
                    p.by_first_after_al.entry(rest.into()).or_default().push(id);
                }
            }
            p.phrases.push((words, *val));
        }
        p
    }

    /// Whether `word` (normalised) is the first word of one of the table's phrases.
    pub(crate) fn starts_with_word(&self, word: &str) -> bool {
        self.by_first.contains_key(word)
    }

    /// The longest phrase starting at token `i`.
    /// Adds the table's first words (and their forms after ال) to `set`.
    pub(crate) fn first_words_into(&self, set: &mut FastMap<Box<str>, u64>) {
        for k in self.by_first.keys().chain(self.by_first_after_al.keys()) {
            *set.entry(k.clone()).or_default() |= self.bit;
        }
    }

    pub(crate) fn at(&self, toks: &[Tok<'_>], i: usize) -> Option<PhraseHit<T>> {
        let t = toks.get(i)?;
        if t.tables & self.bit == 0 {
            return None;
        }
        let mut best: Option<PhraseHit<T>> = None;
        let mut consider = |ids: Option<&Vec<usize>>, waw: bool| {
            for &id in ids.into_iter().flatten() {
                let (words, val) = &self.phrases[id];
                if let Some(next) = match_rest(toks, i + 1, &words[1..]) {
                    if best.as_ref().is_none_or(|b| next > b.next) {
                        best = Some(PhraseHit {
                            val: *val,
                            next,
                            waw,
                        });
                    }
                }
            }
        };
        if t.kind == Kind::Arabic {
            arabic_stems(t.s, self.strip_al, |stem, after_al, waw| {
                let map = if after_al {
                    &self.by_first_after_al
                } else {
                    &self.by_first
                };
                consider(map.get(stem), waw);
            });
        } else {
            consider(self.by_first.get(t.s), false);
        }
        best
    }
}

fn match_rest(toks: &[Tok<'_>], mut j: usize, words: &[Box<str>]) -> Option<usize> {
    for w in words {
        if toks.get(j).is_some_and(|t| t.s == "-") {
            j += 1;
        }
        if toks.get(j)?.s != &**w {
            return None;
        }
        j += 1;
    }
    Some(j)
}

/// Call `f(stem, after_al, waw)` for each reading of an Arabic word with its proclitics removed:
/// the word itself first, then without و/ف, then without ب/ل/ك, then (for "لل") with ل + ال
/// removed (`after_al`: look the stem up among phrases starting with ال), then, with `strip_al`,
/// without the article. Stems of two letters or fewer ("ست" six, "اب" August) accept only a
/// conjunction, never a preposition or article: otherwise "لست" ("I am not") would read as
/// ل + ست = 6.
fn arabic_stems<'s>(t: &'s str, strip_al: bool, mut f: impl FnMut(&'s str, bool, bool)) {
    // The clitics are two-byte letters: compared as bytes (a `str::strip_prefix` per clitic
    // was a `memcmp` call each, the largest cost of the number and date scanners).
    const WAW: [u8; 2] = utf8_2('و');
    const FA: [u8; 2] = utf8_2('ف');
    const BA: [u8; 2] = utf8_2('ب');
    const LAM: [u8; 2] = utf8_2('ل');
    const KAF: [u8; 2] = utf8_2('ك');
    const ALEF: [u8; 2] = utf8_2('ا');
    for conj in [None, Some(WAW), Some(FA)] {
        let Some(r1) = strip2(t, conj) else {
            continue;
        };
        let waw = conj == Some(WAW);
        for prep in [None, Some(BA), Some(LAM), Some(KAF)] {
            let Some(r2) = strip2(r1, prep) else {
                continue;
            };
            if r2.is_empty() {
                continue;
            }
            let long = more_chars_than(r2, 2);
            if prep.is_none() || long {
                f(r2, false, waw);
            }
            if prep == Some(LAM) {
                if let Some(r3) = strip2(r2, Some(LAM)) {
                    if more_chars_than(r3, 1) {
                        f(r3, true, waw);
                    }
                }
            }
            if strip_al {
                if let Some(r3) = strip2(r2, Some(ALEF)).and_then(|r| strip2(r, Some(LAM))) {
                    if more_chars_than(r3, 2) {
                        f(r3, false, waw);
                    }
                }
            }
        }
    }
}

/// The UTF-8 bytes of a two-byte character.
const fn utf8_2(c: char) -> [u8; 2] {
    let c = c as u32;
    assert!(c >= 0x80 && c < 0x800);
    [0xC0 | (c >> 6) as u8, 0x80 | (c & 0x3F) as u8]
}

/// `s` without the two-byte character `p` at its start (`s` itself for `None`).
#[inline]
fn strip2(s: &str, p: Option<[u8; 2]>) -> Option<&str> {
    match p {
        None => Some(s),
        Some(p) => {
            let b = s.as_bytes();
            // A match is a whole character, so byte 2 is a char boundary.
            (b.len() >= 2 && b[0] == p[0] && b[1] == p[1]).then(|| &s[2..])
        }
    }
}

/// `s.chars().count() > n`, without counting past `n + 1`.
#[inline]
fn more_chars_than(s: &str, n: usize) -> bool {
    s.chars().nth(n).is_some()
}

// ---------------------------------------------------------------------------------------------
// Number words

/// What a number word contributes to the cardinal being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum W {
    /// 1–99 written as one unit ("seven", "dix", "خمسة", "عشرين", "احد عشر").
    Atom(u32),
    /// English "one": a count unless it is a pronoun ("one of", "no one").
    One,
    /// French "un"/"une": only inside a compound ("vingt et un", "cent un"), never an article.
    Article,
    /// "hundred", "cent", "مائة": multiplies a unit before it, or 100 alone.
    Hundred,
    /// A complete hundreds word: "مائتين" 200, "ثلاثمائة" 300.
    Hundreds(u32),
    /// "thousand", "mille", "ألف".
    Thousand,
    /// "آلاف": thousands after 3–10 ("ثلاثة آلاف"); alone it is the vague "thousands".
    ThousandPlural,
    /// "ألفين" 2000.
    Thousands(u32),
    Million,
    /// "ملايين" after 3–10.
    MillionPlural,
    /// English "and" after hundred/thousand.
    And,
    /// French "et" in "vingt et un", "soixante et onze".
    Et,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    En,
    Fr,
    Ar,
}

static EN_WORDS: LazyLock<Phrases<W>> = LazyLock::new(|| {
    use W::*;
    Phrases::new(
        &[
            ("one", One),
            ("two", Atom(2)),
            ("three", Atom(3)),
            ("four", Atom(4)),
            ("five", Atom(5)),
            ("six", Atom(6)),
            ("seven", Atom(7)),
            ("eight", Atom(8)),
            ("nine", Atom(9)),
            ("ten", Atom(10)),
            ("eleven", Atom(11)),
            ("twelve", Atom(12)),
            ("thirteen", Atom(13)),
            ("fourteen", Atom(14)),
            ("fifteen", Atom(15)),
            ("sixteen", Atom(16)),
            ("seventeen", Atom(17)),
            ("eighteen", Atom(18)),
            ("nineteen", Atom(19)),
            ("twenty", Atom(20)),
            ("thirty", Atom(30)),
            ("forty", Atom(40)),
            ("fourty", Atom(40)),
            ("fifty", Atom(50)),
            ("sixty", Atom(60)),
            ("seventy", Atom(70)),
            ("eighty", Atom(80)),
            ("ninety", Atom(90)),
            ("hundred", Hundred),
            ("a hundred", Hundred),
            ("thousand", Thousand),
            ("a thousand", Thousand),
            ("million", Million),
            ("a million", Million),
            ("and", And),
        ],
        false,
    )
});

static FR_WORDS: LazyLock<Phrases<W>> = LazyLock::new(|| {
    use W::*;
    Phrases::new(
        &[
            ("un", Article),
            ("une", Article),
            ("deux", Atom(2)),
            ("trois", Atom(3)),
            ("quatre", Atom(4)),
            ("cinq", Atom(5)),
            ("six", Atom(6)),
            ("sept", Atom(7)),
            ("huit", Atom(8)),
            ("neuf", Atom(9)),
            ("dix", Atom(10)),
            ("onze", Atom(11)),
            ("douze", Atom(12)),
            ("treize", Atom(13)),
            ("quatorze", Atom(14)),
            ("quinze", Atom(15)),
            ("seize", Atom(16)),
            ("vingt", Atom(20)),
            ("vingts", Atom(20)),
            ("trente", Atom(30)),
            ("quarante", Atom(40)),
            ("cinquante", Atom(50)),
            ("soixante", Atom(60)),
            ("septante", Atom(70)),
            ("huitante", Atom(80)),
            ("octante", Atom(80)),
            ("nonante", Atom(90)),
            ("cent", Hundred),
            ("cents", Hundred),
            ("mille", Thousand),
            ("million", Million),
            ("millions", Million),
            ("un million", Million),
            ("et", Et),
        ],
        false,
    )
});

static AR_WORDS: LazyLock<Phrases<W>> = LazyLock::new(|| {
    use W::*;
    Phrases::new(
        &[
            ("واحد", Atom(1)),
            ("واحدة", Atom(1)),
            ("واحداً", Atom(1)),
            ("اثنان", Atom(2)),
            ("اثنين", Atom(2)),
            ("اثنتان", Atom(2)),
            ("اثنتين", Atom(2)),
            // Duals of people nouns count two on their own ("مقتل جنديين", "إصابة شخصين");
            // forms shared with a plural ("مدنيين", "مسلحين") are left out.
            ("جنديين", Atom(2)),
            ("جنديان", Atom(2)),
            ("شخصين", Atom(2)),
            ("شخصان", Atom(2)),
            ("طفلين", Atom(2)),
            ("طفلان", Atom(2)),
            ("رجلين", Atom(2)),
            ("رجلان", Atom(2)),
            ("امرأتين", Atom(2)),
            ("امرأتان", Atom(2)),
            ("ضابطين", Atom(2)),
            ("ضابطان", Atom(2)),
            ("حارسين", Atom(2)),
            ("حارسان", Atom(2)),
            ("شرطيين", Atom(2)),
            ("شرطيان", Atom(2)),
            ("دركيين", Atom(2)),
            ("دركيان", Atom(2)),
            ("راعيين", Atom(2)),
            ("راعيان", Atom(2)),
            ("صحفيين", Atom(2)),
            ("صحفيان", Atom(2)),
            ("مدنيان", Atom(2)),
            ("عسكريان", Atom(2)),
            ("مسلحان", Atom(2)),
            ("قرويان", Atom(2)),
            ("مواطنان", Atom(2)),
            ("جريحين", Atom(2)),
            ("جريحان", Atom(2)),
            ("قتيلين", Atom(2)),
            ("قتيلان", Atom(2)),
            ("ثلاثة", Atom(3)),
            ("ثلاث", Atom(3)),
            ("أربعة", Atom(4)),
            ("أربع", Atom(4)),
            ("خمسة", Atom(5)),
            ("خمس", Atom(5)),
            ("ستة", Atom(6)),
            ("ست", Atom(6)),
            ("سبعة", Atom(7)),
            ("سبع", Atom(7)),
            ("ثمانية", Atom(8)),
            ("ثماني", Atom(8)),
            ("ثمان", Atom(8)),
            ("تسعة", Atom(9)),
            ("تسع", Atom(9)),
            ("عشرة", Atom(10)),
            ("عشر", Atom(10)),
            ("أحد عشر", Atom(11)),
            ("أحد عشرة", Atom(11)),
            ("إحدى عشرة", Atom(11)),
            ("إحدى عشر", Atom(11)),
            ("اثنا عشر", Atom(12)),
            ("اثني عشر", Atom(12)),
            ("اثنتا عشرة", Atom(12)),
            ("اثنتي عشرة", Atom(12)),
            ("اثنا عشرة", Atom(12)),
            ("اثني عشرة", Atom(12)),
            ("عشرون", Atom(20)),
            ("عشرين", Atom(20)),
            ("ثلاثون", Atom(30)),
            ("ثلاثين", Atom(30)),
            ("أربعون", Atom(40)),
            ("أربعين", Atom(40)),
            ("خمسون", Atom(50)),
            ("خمسين", Atom(50)),
            ("ستون", Atom(60)),
            ("ستين", Atom(60)),
            ("سبعون", Atom(70)),
            ("سبعين", Atom(70)),
            ("ثمانون", Atom(80)),
            ("ثمانين", Atom(80)),
            ("تسعون", Atom(90)),
            ("تسعين", Atom(90)),
            ("مائة", Hundred),
            ("مئة", Hundred),
            ("مية", Hundred),
            ("مائتان", Hundreds(200)),
            ("مائتين", Hundreds(200)),
            ("مئتان", Hundreds(200)),
            ("مئتين", Hundreds(200)),
            ("مائتي", Hundreds(200)),
            ("مئتي", Hundreds(200)),
            ("ثلاثمائة", Hundreds(300)),
            ("ثلاثمئة", Hundreds(300)),
            ("أربعمائة", Hundreds(400)),
            ("أربعمئة", Hundreds(400)),
            ("خمسمائة", Hundreds(500)),
            ("خمسمئة", Hundreds(500)),
            ("ستمائة", Hundreds(600)),
            ("ستمئة", Hundreds(600)),
            ("سبعمائة", Hundreds(700)),
            ("سبعمئة", Hundreds(700)),
            ("ثمانمائة", Hundreds(800)),
            ("ثمانمئة", Hundreds(800)),
            ("ثمانيمائة", Hundreds(800)),
            ("تسعمائة", Hundreds(900)),
            ("تسعمئة", Hundreds(900)),
            ("ألف", Thousand),
            ("ألفا", Thousand),
            ("ألفان", Thousands(2000)),
            ("ألفين", Thousands(2000)),
            ("آلاف", ThousandPlural),
            ("مليون", Million),
            ("مليونا", Million),
            ("ملايين", MillionPlural),
        ],
        true,
    )
});

impl Lang {
    fn table(self) -> &'static Phrases<W> {
        match self {
            Lang::En => &EN_WORDS,
            Lang::Fr => &FR_WORDS,
            Lang::Ar => &AR_WORDS,
        }
    }
}

/// Where the cardinal being read stands, which decides what may follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    Start,
    /// 1–9 alone in its group.
    Unit,
    /// 10 ("dix", also after "soixante"/"quatre-vingt", where "-sept" may follow).
    Ten,
    /// 11–19 starting a group.
    Teen,
    /// A round ten 20–90.
    Tens,
    /// French "quatre-vingt(s)".
    Eighty,
    /// A finished two-word group ("twenty-three", "خمسة وعشرين", "dix-sept").
    Compound,
    Hundred,
    Thousand,
    Million,
}

#[derive(Debug, Clone, Copy)]
struct Acc {
    total: u64,
    group: u64,
    last: Last,
    thousands: bool,
    millions: bool,
}

/// Add word `w` to the cardinal; `conj` says it was joined by "and"/"et"/و. Returns false (and
/// leaves `a` alone) when the word cannot continue this number, which ends it: "five six" is two
/// numbers, "خمسة وعشرة" is 5 then 10 (Arabic joins units to tens with و, never to ten).
fn step(a: &mut Acc, w: W, conj: bool, lang: Lang) -> bool {
    use Last::*;
    match w {
        W::And | W::Et => false,
        W::Atom(_) | W::One | W::Article => {
            let v = if let W::Atom(v) = w { v as u64 } else { 1 };
            let low = a.group % 100;
            if lang == Lang::Fr && a.last == Unit && low == 4 && v == 20 && !conj {
                a.group += 76; // quatre-vingt
                a.last = Eighty;
                return true;
            }
            let ok = match (lang, a.last) {
                (_, Start) => w != W::Article,
                (Lang::En, Hundred | Thousand) => true,
                (Lang::Fr, Hundred | Thousand) => !conj,
                (Lang::Ar, Hundred | Thousand) => conj,
                (Lang::En, Tens) => v < 10 && !conj,
                (Lang::Fr, Tens) => {
                    if conj {
                        v == 1 || (v == 11 && low == 60)
                    } else {
                        (2..=9).contains(&v) || (low == 60 && (10..=19).contains(&v))
                    }
                }
                (Lang::Fr, Eighty) => !conj && (1..=19).contains(&v),
                (Lang::Fr, Ten) => !conj && (7..=9).contains(&v),
                (Lang::Ar, Unit) => {
                    if conj {
                        v >= 20 && v % 10 == 0
                    } else {
                        v == 10
                    }
                }
                _ => false,
            };
            if !ok {
                return false;
            }
            let prev = a.last;
            a.group += v;
            a.last = match v {
                1..=9 if matches!(prev, Tens | Eighty | Ten) => Compound,
                1..=9 => Unit,
                10 if prev == Unit => Compound,
                10 => Ten,
                11..=19 if matches!(prev, Start | Hundred | Thousand) => Teen,
                11..=19 => Compound,
                _ if prev == Unit => Compound,
                _ => Tens,
            };
            true
        }
        W::Hundred => {
            let ok = match a.last {
                Start => true,
                Thousand => match lang {
                    Lang::En => false,
                    Lang::Fr => !conj,
                    Lang::Ar => conj,
                },
                Unit => !conj && a.group < 10,
                Ten | Teen => lang == Lang::En && !conj && a.group < 100,
                _ => false,
            };
            if !ok {
                return false;
            }
            a.group = a.group.max(1) * 100;
            a.last = Hundred;
            true
        }
        W::Hundreds(v) => {
            let ok = match a.last {
                Start => true,
                Thousand => lang == Lang::Ar && conj,
                _ => false,
            };
            if !ok {
                return false;
            }
            a.group = v as u64;
            a.last = Hundred;
            true
        }
        W::Thousand | W::ThousandPlural | W::Thousands(_) => {
            if a.thousands || a.millions || conj {
                return false;
            }
            let total = match w {
                W::Thousands(v) if a.last == Start => v as u64,
                W::Thousands(_) => return false,
                W::ThousandPlural
                    if (3..=10).contains(&a.group) && matches!(a.last, Unit | Ten) =>
                {
                    a.group * 1000
                }
                W::ThousandPlural => return false,
                _ => a.group.max(1) * 1000,
            };
            a.total = total;
            a.group = 0;
            a.thousands = true;
            a.last = Thousand;
            true
        }
        W::Million | W::MillionPlural => {
            if a.millions || conj {
                return false;
            }
            if w == W::MillionPlural && !(a.total == 0 && (3..=10).contains(&a.group)) {
                return false;
            }
            a.total = (a.total + a.group).max(1) * 1_000_000;
            a.group = 0;
            a.millions = true;
            a.last = Million;
            true
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Cardinal {
    value: u64,
    next: usize,
    /// The whole number is the English word "one".
    lone_one: bool,
}

fn cardinal_lang(toks: &[Tok<'_>], i: usize, lang: Lang) -> Option<Cardinal> {
    let table = lang.table();
    let mut a = Acc {
        total: 0,
        group: 0,
        last: Last::Start,
        thousands: false,
        millions: false,
    };
    let mut j = i;
    let mut conj = false;
    let mut words = 0;
    let mut first_one = false;
    let mut best = None;
    loop {
        let mut k = j;
        // "twenty-three", "quatre-vingt-dix": a glued hyphen between number words.
        if k > i
            && toks
                .get(k)
                .is_some_and(|t| t.s == "-" && adjacent(&toks[k - 1], t))
            && toks.get(k + 1).is_some_and(|n| adjacent(&toks[k], n))
        {
            k += 1;
        }
        let Some(hit) = table.at(toks, k) else { break };
        if matches!(hit.val, W::And | W::Et) {
            if conj || k == i {
                break;
            }
            conj = true;
            j = hit.next;
            continue;
        }
        let c = conj || (lang == Lang::Ar && hit.waw && k > i);
        if !step(&mut a, hit.val, c, lang) {
            break;
        }
        if words == 0 {
            first_one = hit.val == W::One;
        }
        words += 1;
        conj = false;
        j = hit.next;
        best = Some(Cardinal {
            value: a.total + a.group,
            next: j,
            lone_one: first_one && words == 1,
        });
    }
    best.filter(|c| c.value > 0 && c.value <= u32::MAX as u64)
}

/// A cardinal written in words starting at token `i`: its value and the token after it.
pub(crate) fn cardinal_at(toks: &[Tok<'_>], i: usize) -> Option<(u32, usize)> {
    let t = toks.get(i)?;
    let c = match t.kind {
        Kind::Latin => match (
            cardinal_lang(toks, i, Lang::En),
            cardinal_lang(toks, i, Lang::Fr),
        ) {
            (Some(e), Some(f)) => Some(if f.next > e.next { f } else { e }),
            (e, f) => e.or(f),
        },
        Kind::Arabic => cardinal_lang(toks, i, Lang::Ar),
        _ => None,
    }?;
    if c.lone_one && !one_is_a_count(toks, i) {
        return None;
    }
    Some((c.value as u32, c.next))
}

/// "one" is a pronoun in "one of the", "no one", "the one who", "one another", "one by one".
fn one_is_a_count(toks: &[Tok<'_>], i: usize) -> bool {
    let before = i.checked_sub(1).map(|p| toks[p].s);
    let after = toks.get(i + 1).map(|t| t.s);
    !matches!(
        before,
        Some(
            "no" | "the"
                | "any"
                | "every"
                | "each"
                | "which"
                | "that"
                | "this"
                | "someone"
                | "anyone"
                | "by"
        )
    ) && !matches!(after, Some("of" | "another" | "by" | "'"))
}

/// A small count for date arithmetic ("two days ago", "il y a 3 jours", "قبل ثلاثة أيام"):
/// digits or words, plus the articles that mean one there ("a week ago", "il y a un mois").
pub(crate) fn small_count_at(toks: &[Tok<'_>], i: usize) -> Option<(u32, usize)> {
    let t = toks.get(i)?;
    match t.kind {
        Kind::Digits => {
            let glued = toks
                .get(i + 1)
                .is_some_and(|n| adjacent(t, n) && n.kind != Kind::Arabic);
            if t.s.len() > 3 || glued {
                return None;
            }
            Some((t.s.parse().ok()?, i + 1))
        }
        _ if matches!(t.s, "a" | "an" | "un" | "une" | "one") => Some((1, i + 1)),
        _ => cardinal_at(toks, i),
    }
}

// ---------------------------------------------------------------------------------------------
// Vague quantities and qualifiers

static VAGUE: LazyLock<Phrases<u32>> = LazyLock::new(|| {
    Phrases::new(
        &[
            // English
            ("several", 10),
            ("many", 10),
            ("multiple", 10),
            ("numerous", 10),
            // "killed an unknown number of militiamen": ACLED's unknown fatalities, as "several".
            ("an unknown number of", 10),
            ("an unspecified number of", 10),
            ("an undetermined number of", 10),
            ("a few", 3),
            ("some", 3),
            ("a handful", 3),
            ("a couple of", 2),
            ("dozens", 12),
            ("a dozen", 12),
            ("several dozen", 12),
            ("a few dozen", 12),
            ("scores of", 20),
            ("hundreds", 100),
            ("several hundred", 100),
            ("a few hundred", 100),
            ("thousands", 1000),
            ("several thousand", 1000),
            ("a few thousand", 1000),
            ("tens of thousands", 10_000),
            ("hundreds of thousands", 100_000),
            // French
            ("plusieurs", 10),
            ("un nombre indéterminé de", 10),
            ("un nombre inconnu de", 10),
            ("un nombre non déterminé de", 10),
            ("de nombreux", 10),
            ("de nombreuses", 10),
            ("nombreux", 10),
            ("nombreuses", 10),
            ("quelques", 3),
            ("des dizaines", 12),
            ("dizaines", 12),
            ("plusieurs dizaines", 12),
            ("quelques dizaines", 12),
            ("une douzaine", 12),
            ("une dizaine", 10),
            ("une quinzaine", 15),
            ("une vingtaine", 20),
            ("une trentaine", 30),
            ("une quarantaine", 40),
            ("une cinquantaine", 50),
            ("une soixantaine", 60),
            ("une centaine", 100),
            ("des centaines", 100),
            ("centaines", 100),
            ("plusieurs centaines", 100),
            ("quelques centaines", 100),
            ("un millier", 1000),
            ("des milliers", 1000),
            ("milliers", 1000),
            ("plusieurs milliers", 1000),
            ("quelques milliers", 1000),
            ("des dizaines de milliers", 10_000),
            ("des centaines de milliers", 100_000),
            // Arabic
            ("عدة", 10),
            ("عدد غير محدد من", 10),
            ("عددا غير محدد من", 10),
            ("العديد", 10),
            ("عديد", 10),
            ("كثير", 10),
            ("الكثير", 10),
            ("كثيرون", 10),
            ("كثيرين", 10),
            ("بعض", 3),
            ("بضعة", 3),
            ("بضع", 3),
            ("عشرات", 12),
            ("العشرات", 12),
            ("مئات", 100),
            ("المئات", 100),
            ("آلاف", 1000),
            ("الآلاف", 1000),
            ("عشرات الآلاف", 10_000),
            ("عشرات آلاف", 10_000),
            ("مئات الآلاف", 100_000),
            ("مئات آلاف", 100_000),
        ],
        false,
    )
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Qual {
    AtLeast,
    Approx,
    Upper,
    /// "between"/"entre"/"بين": a range joined by and/et/و follows.
    Between,
    /// "from"/"de"/"من": a range joined by to/à/إلى follows.
    From,
}

static PREFIX_QUALS: LazyLock<Phrases<Qual>> = LazyLock::new(|| {
    use Qual::*;
    Phrases::new(
        &[
            ("at least", AtLeast),
            ("more than", AtLeast),
            ("over", AtLeast),
            ("upwards of", AtLeast),
            ("in excess of", AtLeast),
            ("no fewer than", AtLeast),
            ("no less than", AtLeast),
            ("not less than", AtLeast),
            ("not fewer than", AtLeast),
            ("a minimum of", AtLeast),
            ("about", Approx),
            ("around", Approx),
            ("some", Approx),
            ("nearly", Approx),
            ("almost", Approx),
            ("approximately", Approx),
            ("roughly", Approx),
            ("close to", Approx),
            ("an estimated", Approx),
            ("estimated", Approx),
            ("circa", Approx),
            ("up to", Upper),
            ("as many as", Upper),
            ("less than", Upper),
            ("fewer than", Upper),
            ("at most", Upper),
            ("no more than", Upper),
            ("between", Between),
            ("from", From),
            ("au moins", AtLeast),
            ("plus de", AtLeast),
            ("plus d'", AtLeast),
            ("pas moins de", AtLeast),
            ("pas moins d'", AtLeast),
            ("au minimum", AtLeast),
            ("environ", Approx),
            ("près de", Approx),
            ("près d'", Approx),
            ("quelque", Approx),
            ("autour de", Approx),
            ("autour d'", Approx),
            ("approximativement", Approx),
            ("à peu près", Approx),
            ("presque", Approx),
            ("pas loin de", Approx),
            ("pas loin d'", Approx),
            ("quasiment", Approx),
            ("aux alentours de", Approx),
            ("de l'ordre de", Approx),
            ("jusqu'à", Upper),
            ("moins de", Upper),
            ("moins d'", Upper),
            ("au plus", Upper),
            ("entre", Between),
            ("de", From),
            ("أكثر من", AtLeast),
            ("على الأقل", AtLeast),
            ("ما لا يقل عن", AtLeast),
            ("لا يقل عن", AtLeast),
            ("ما لا يقل على", AtLeast),
            ("أزيد من", AtLeast),
            ("ما يزيد عن", AtLeast),
            ("ما يزيد على", AtLeast),
            ("يزيد عن", AtLeast),
            ("يزيد على", AtLeast),
            ("ما يربو على", AtLeast),
            ("ما يربو عن", AtLeast),
            ("يربو على", AtLeast),
            ("ما يفوق", AtLeast),
            ("يفوق", AtLeast),
            ("نحو", Approx),
            ("حوالي", Approx),
            ("حوالى", Approx),
            ("قرابة", Approx),
            ("زهاء", Approx),
            ("ما يقارب", Approx),
            ("يقارب", Approx),
            ("ما يناهز", Approx),
            ("يناهز", Approx),
            ("ما يقرب من", Approx),
            ("تقريبا", Approx),
            ("أقل من", Upper),
            ("ما يصل إلى", Upper),
            ("يصل إلى", Upper),
            ("بين", Between),
            ("من", From),
        ],
        false,
    )
});

/// Qualifiers written after the count ("20 or more", "vingt morts au moins", "12 جنديا على الأقل").
static POSTFIX_QUALS: LazyLock<Phrases<Qual>> = LazyLock::new(|| {
    use Qual::*;
    Phrases::new(
        &[
            ("or more", AtLeast),
            ("at least", AtLeast),
            ("or so", Approx),
            ("approximately", Approx),
            ("ou plus", AtLeast),
            ("au moins", AtLeast),
            ("environ", Approx),
            ("أو أكثر", AtLeast),
            ("على الأقل", AtLeast),
            ("تقريبا", Approx),
        ],
        false,
    )
});

static PERCENT: LazyLock<Phrases<()>> = LazyLock::new(|| {
    Phrases::new(
        &[
            ("%", ()),
            ("٪", ()),
            ("percent", ()),
            ("per cent", ()),
            ("pour cent", ()),
            ("pourcent", ()),
            ("بالمئة", ()),
            ("بالمائة", ()),
            ("في المئة", ()),
            ("في المائة", ()),
        ],
        false,
    )
});

// ---------------------------------------------------------------------------------------------
// Digits

enum Lit {
    Count(u64, usize),
    /// "5-10": the lower bound.
    Range(u64, usize),
    /// Not a count (date, time, year, decimal, name); resume at the index.
    Skip(usize),
}

fn is_year(s: &str) -> bool {
    s.len() == 4 && s.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
}

/// A number written with thousands separators: "1,200", "1.200.000" (all groups after the first
/// exactly three digits; otherwise it is a decimal or a date and not a count).
fn grouped(parts: &[&str], seps: &[u8]) -> Option<u64> {
    if parts.len() == 1 {
        return if parts[0].len() <= 10 {
            parts[0].parse().ok()
        } else {
            None
        };
    }
    let sep = seps[0];
    if !matches!(sep, b',' | b'.') || seps.iter().any(|&s| s != sep) {
        return None;
    }
    if parts[0].len() > 3 || parts[1..].iter().any(|p| p.len() != 3) || parts.len() > 4 {
        return None;
    }
    parts
        .iter()
        .try_fold(0u64, |acc, p| Some(acc * 1000 + p.parse::<u64>().ok()?))
}

/// Digits preceded by glued letters are names: "G5", "M23", and with a hyphen "AK-47", "Mi-24",
/// "covid-19"; digits followed by a hyphen and letters are compounds ("12-year-old").
fn glued_to_name(toks: &[Tok<'_>], i: usize, last: usize) -> bool {
    let t = &toks[i];
    let before = i > 0
        && adjacent(&toks[i - 1], t)
        && (toks[i - 1].kind == Kind::Latin
            || (toks[i - 1].s == "-"
                && i > 1
                && adjacent(&toks[i - 2], &toks[i - 1])
                && toks[i - 2].kind == Kind::Latin));
    let after = toks
        .get(last + 1)
        .is_some_and(|h| h.s == "-" && adjacent(&toks[last], h))
        && toks
            .get(last + 2)
            .is_some_and(|w| w.kind == Kind::Latin && adjacent(&toks[last + 1], w));
    before || after
}

fn literal_at(toks: &[Tok<'_>], i: usize) -> Option<Lit> {
    let t = toks.get(i)?;
    if t.kind != Kind::Digits {
        return None;
    }
    // The chain of digit groups glued by separators: "1,200", "17/01/2019", "10:30", "5-10".
    let mut parts = [""; 8];
    let mut seps = [0u8; 8];
    let mut n = 1;
    parts[0] = t.s;
    let mut last = i;
    while let (Some(s), Some(d)) = (toks.get(last + 1), toks.get(last + 2)) {
        let sep = s.s.as_bytes()[0];
        if s.s.len() == 1
            && matches!(sep, b',' | b'.' | b'/' | b'-' | b':')
            && adjacent(&toks[last], s)
            && adjacent(s, d)
            && d.kind == Kind::Digits
        {
            if n == parts.len() {
                return Some(Lit::Skip(last + 3));
            }
            seps[n - 1] = sep;
            parts[n] = d.s;
            n += 1;
            last += 2;
        } else {
            break;
        }
    }
    let parts = &parts[..n];
    let seps = &seps[..n - 1];
    let mut end = last + 1;
    let skip = Some(Lit::Skip(end));
    if glued_to_name(toks, i, last) {
        return skip;
    }
    if seps.iter().any(|&c| c == b':' || c == b'/') {
        return skip; // clock time, numeric date, fraction
    }
    let dashes = seps.iter().filter(|&&c| c == b'-').count();
    let lit = match dashes {
        0 => {
            let Some(mut v) = grouped(parts, seps) else {
                return skip;
            };
            if n == 1 {
                // French thousands with a space: "1 200", "12 500 000" (groups of exactly three).
                if parts[0].len() <= 3 {
                    while let Some(d) = toks.get(end) {
                        let glued_on = toks.get(end + 1).is_some_and(|x| {
                            adjacent(d, x) && x.kind != Kind::Arabic && !matches!(x.s, "." | ",")
                        });
                        if d.kind == Kind::Digits
                            && d.s.len() == 3
                            && d.start == toks[end - 1].end + 1
                            && !glued_on
                        {
                            v = v * 1000 + d.s.parse::<u64>().ok()?;
                            end += 1;
                        } else {
                            break;
                        }
                    }
                }
                if end == i + 1 && is_year(parts[0]) {
                    return skip;
                }
            }
            Lit::Count(v, end)
        }
        1 => {
            let p = seps.iter().position(|&c| c == b'-')?;
            if is_year(parts[0]) || is_year(parts[n - 1]) {
                return skip;
            }
            match (
                grouped(&parts[..=p], &seps[..p]),
                grouped(&parts[p + 1..], &seps[p + 1..]),
            ) {
                (Some(lo), Some(hi)) if lo < hi => Lit::Range(lo, end),
                _ => return skip,
            }
        }
        _ => return skip, // 17-01-2019 and the like
    };
    // What follows: ordinals and units glued on ("17th", "1er", "10h", "50km"), percentages,
    // clock times ("10 am").
    if let Some(p) = PERCENT.at(toks, end) {
        return Some(Lit::Skip(p.next));
    }
    if let Some(nx) = toks.get(end) {
        if (adjacent(&toks[end - 1], nx) && nx.kind == Kind::Latin)
            || matches!(nx.s, "am" | "pm" | "gmt" | "utc")
        {
            return Some(Lit::Skip(end));
        }
    }
    Some(lit)
}

/// "3 000", "5 mille", "3 آلاف", "2 million", "two dozen": a multiplier after a count.
fn multiplier_at(toks: &[Tok<'_>], k: usize, v: u64) -> Option<(u64, usize)> {
    let t = toks.get(k)?;
    if t.s == "dozen" {
        return Some((v * 12, k + 1));
    }
    let table = match t.kind {
        Kind::Latin => [Lang::En, Lang::Fr]
            .into_iter()
            .find_map(|l| l.table().at(toks, k)),
        Kind::Arabic => Lang::Ar.table().at(toks, k),
        _ => None,
    }?;
    let m = match table.val {
        W::Thousand => 1000,
        W::ThousandPlural if (3..=10).contains(&v) => 1000,
        W::Million => 1_000_000,
        W::MillionPlural if (3..=10).contains(&v) => 1_000_000,
        _ => return None,
    };
    Some((v * m, table.next))
}

// ---------------------------------------------------------------------------------------------
// Mentions

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Count {
    Exact(u64),
    Vague(u64),
    Range(u64),
}

#[derive(Debug, Clone, Copy)]
struct CountHit {
    c: Count,
    next: usize,
}

enum CountAt {
    Hit(CountHit),
    Skip(usize),
    None,
}

enum Step {
    Emit(NumberMention, usize),
    Skip(usize),
    Nothing,
}

struct Cx<'a, 't> {
    toks: &'a [Tok<'t>],
    in_date: &'a [bool],
}

impl Cx<'_, '_> {
    fn clear(&self, from: usize, to: usize) -> bool {
        !self.in_date[from..to.min(self.in_date.len())]
            .iter()
            .any(|&d| d)
    }

    /// The longest count at `k`: a vague quantity, a literal, or a cardinal in words.
    fn count_at(&self, k: usize) -> CountAt {
        let toks = self.toks;
        let Some(t) = toks.get(k) else {
            return CountAt::None;
        };
        if self.in_date[k] {
            return CountAt::None;
        }
        let mut best: Option<CountHit> = None;
        let mut keep = |h: CountHit| {
            if self.clear(k, h.next) && best.is_none_or(|b| h.next >= b.next) {
                best = Some(h);
            }
        };
        if let Some(h) = VAGUE.at(toks, k) {
            keep(CountHit {
                c: Count::Vague(h.val as u64),
                next: h.next,
            });
        }
        let mut skip = None;
        match t.kind {
            Kind::Digits => match literal_at(toks, k) {
                Some(Lit::Count(v, n)) => {
                    let (v, n) = multiplier_at(toks, n, v).unwrap_or((v, n));
                    keep(CountHit {
                        c: Count::Exact(v),
                        next: n,
                    });
                }
                Some(Lit::Range(lo, n)) => keep(CountHit {
                    c: Count::Range(lo),
                    next: n,
                }),
                // "1,5 million": the multiplier belongs to the skipped decimal.
                Some(Lit::Skip(n)) => skip = Some(multiplier_at(toks, n, 1).map_or(n, |m| m.1)),
                None => {}
            },
            Kind::Latin | Kind::Arabic => {
                // "two-day", "one-third", "three-year-old": a compound adjective, not a count.
                let compound = |n: usize| {
                    toks.get(n)
                        .is_some_and(|h| h.s == "-" && adjacent(&toks[n - 1], h))
                        && toks
                            .get(n + 1)
                            .is_some_and(|w| w.kind == Kind::Latin && adjacent(&toks[n], w))
                };
                if let Some((v, n)) = cardinal_at(toks, k).filter(|&(_, n)| !compound(n)) {
                    let (v, n) = multiplier_at(toks, n, v as u64)
                        .filter(|_| toks[n].s == "dozen")
                        .unwrap_or((v as u64, n));
                    keep(CountHit {
                        c: Count::Exact(v),
                        next: n,
                    });
                }
            }
            Kind::Punct => {}
        }
        match (best, skip) {
            (Some(h), _) => CountAt::Hit(h),
            (None, Some(n)) => CountAt::Skip(n),
            (None, None) => CountAt::None,
        }
    }

    fn starts_count(&self, k: usize) -> bool {
        matches!(self.count_at(k), CountAt::Hit(_))
    }

    /// A range after the first count: "5 to 10", "between 5 and 10", "بين 5 و10", "بين خمسة
    /// وعشرة". Returns the lower bound and the end. Both ends must be exact, and the upper larger.
    fn range_after(&self, c1: CountHit, qual: Option<Qual>) -> Option<(u64, usize)> {
        let Count::Exact(lo) = c1.c else { return None };
        let j = c1.next;
        let t = self.toks.get(j)?;
        let k = match qual {
            Some(Qual::Between) => {
                if matches!(t.s, "and" | "et" | "و") {
                    j + 1
                } else if t.kind == Kind::Arabic && t.s.starts_with('و') {
                    j // the conjunction is glued to the second number word
                } else {
                    return None;
                }
            }
            Some(Qual::From) => {
                if matches!(
                    t.s,
                    "to" | "a" | "au" | "الي" | "-" | "until" | "through" | "حتي"
                ) {
                    j + 1
                } else {
                    return None;
                }
            }
            _ => {
                if matches!(t.s, "to" | "-" | "or" | "a" | "ou" | "الي" | "او") {
                    j + 1
                } else {
                    return None;
                }
            }
        };
        match self.count_at(k) {
            CountAt::Hit(CountHit {
                c: Count::Exact(hi),
                next,
            }) if hi > lo => Some((lo, next)),
            _ => None,
        }
    }

    /// A qualifier after the count, directly or after one word ("12 جنديا على الأقل",
    /// "vingt morts au moins"), but not when another count follows it ("5 soldiers at least 3
    /// civilians": "at least" belongs to the 3).
    fn postfix_at(&self, j: usize) -> Option<(Qual, usize)> {
        let try_at = |k: usize| {
            POSTFIX_QUALS
                .at(self.toks, k)
                .filter(|h| self.clear(k, h.next) && !self.starts_count(h.next))
                .map(|h| (h.val, h.next))
        };
        if let Some(r) = try_at(j) {
            return Some(r);
        }
        let t = self.toks.get(j)?;
        if matches!(t.kind, Kind::Latin | Kind::Arabic) && !self.in_date[j] && !self.starts_count(j)
        {
            return try_at(j + 1);
        }
        None
    }

    /// Range, then postfix qualifier, after a count.
    fn finish(&self, c: CountHit, qual: Option<Qual>) -> (u64, Vagueness, usize) {
        let (mut v, mut vag, mut end) = match c.c {
            Count::Exact(v) => (v, Vagueness::Exact, c.next),
            Count::Vague(v) => (v, Vagueness::Vague, c.next),
            Count::Range(lo) => (lo, Vagueness::AtLeast, c.next),
        };
        let range_qual = qual.filter(|q| matches!(q, Qual::Between | Qual::From));
        if let Some((lo, e)) = self.range_after(c, range_qual) {
            (v, vag, end) = (lo, Vagueness::AtLeast, e);
        }
        match qual {
            Some(Qual::AtLeast) => vag = Vagueness::AtLeast,
            Some(Qual::Upper) => vag = Vagueness::Vague,
            _ => {}
        }
        if let Some((q, e)) = self.postfix_at(end) {
            end = e;
            match q {
                Qual::AtLeast => vag = Vagueness::AtLeast,
                Qual::Upper => vag = Vagueness::Vague,
                _ => {}
            }
        }
        (v, vag, end)
    }

    fn mention_at(&self, i: usize) -> Step {
        let toks = self.toks;
        let emit = |v: u64, vagueness, end: usize| match u32::try_from(v) {
            Ok(value) => Step::Emit(
                NumberMention {
                    start: toks[i].start,
                    end: toks[end - 1].end,
                    value,
                    vagueness,
                },
                end,
            ),
            Err(_) => Step::Skip(end),
        };
        if let Some(q) = PREFIX_QUALS.at(toks, i).filter(|q| self.clear(i, q.next)) {
            if let CountAt::Hit(c) = self.count_at(q.next) {
                match q.val {
                    Qual::Between | Qual::From => {
                        if let Some((lo, end)) = self.range_after(c, Some(q.val)) {
                            return emit(lo, Vagueness::AtLeast, end);
                        }
                    }
                    qual => {
                        let (v, vag, end) = self.finish(c, Some(qual));
                        return emit(v, vag, end);
                    }
                }
            }
        }
        match self.count_at(i) {
            CountAt::Hit(c) => {
                let (v, vag, end) = self.finish(c, None);
                emit(v, vag, end)
            }
            CountAt::Skip(n) => Step::Skip(n),
            CountAt::None => Step::Nothing,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Vagueness::*;

    #[test]
    fn counts_start_only_at_digits_or_phrase_words() {
        let sample = include_str!("../../../examples/sample.jsonl");
        let texts = CASES.iter().map(|c| c.input).chain(sample.lines());
        let (mut skipped, mut kept) = (0, 0);
        for text in texts {
            let n = crate::normalize(text);
            let toks = marked_tokens(n.as_str());
            let in_date = vec![false; toks.len()];
            let cx = Cx {
                toks: &toks,
                in_date: &in_date,
            };
            for (i, t) in toks.iter().enumerate() {
                if t.kind == Kind::Digits || t.tables != 0 {
                    kept += 1;
                } else {
                    skipped += 1;
                    assert!(
                        matches!(cx.mention_at(i), Step::Nothing),
                        "{text:?} at {:?}",
                        t.s
                    );
                }
            }
        }
        assert!(skipped > 1000 && kept > 100, "{skipped} {kept}");
    }

    #[test]
    fn tokens_are_reused_only_for_the_same_text() {
        let a = marked_tokens("twelve soldiers");
        let b = marked_tokens("twelve soldiers");
        let c = marked_tokens("five soldiers");
        let key = |t: &[Tok<'_>]| -> Vec<(String, usize, bool)> {
            t.iter()
                .map(|t| (t.s.to_string(), t.end, t.tables != 0))
                .collect()
        };
        assert_eq!(key(&a), key(&b));
        assert_eq!(key(&c)[0], ("five".to_string(), 4, true));
        assert_eq!(key(&c)[1], ("soldiers".to_string(), 13, false));
        // A text too long to keep is tokenised afresh each time, and replaces the cached one.
        let long = "five ".repeat(CACHE_MAX_BYTES / 4);
        for _ in 0..2 {
            let t = marked_tokens(&long);
            assert_eq!(t.len(), CACHE_MAX_BYTES / 4);
            assert!(t.iter().all(|t| t.s == "five" && t.tables != 0));
        }
        assert_eq!(key(&marked_tokens("five soldiers")), key(&c));
    }

    #[test]
    fn char_class_fast_paths_agree() {
        for c in (0..0x3_0000u32).filter_map(char::from_u32) {
            assert_eq!(class(c), class_general(c), "{c:?} U+{:04X}", c as u32);
        }
    }

    /// The clitic reading as first written, with `str::strip_prefix`: the byte-wise version
    /// must call back with the same stems in the same order.
    fn arabic_stems_reference(t: &str, strip_al: bool) -> Vec<(String, bool, bool)> {
        let mut out = Vec::new();
        for conj in ["", "و", "ف"] {
            let Some(r1) = t.strip_prefix(conj) else {
                continue;
            };
            let waw = conj == "و";
            for prep in ["", "ب", "ل", "ك"] {
                let Some(r2) = r1.strip_prefix(prep) else {
                    continue;
                };
                if r2.is_empty() {
                    continue;
                }
                if prep.is_empty() || r2.chars().count() > 2 {
                    out.push((r2.to_string(), false, waw));
                }
                if prep == "ل" {
                    if let Some(r3) = r2.strip_prefix('ل') {
                        if r3.chars().count() > 1 {
                            out.push((r3.to_string(), true, waw));
                        }
                    }
                }
                if strip_al {
                    if let Some(r3) = r2.strip_prefix("ال") {
                        if r3.chars().count() > 2 {
                            out.push((r3.to_string(), false, waw));
                        }
                    }
                }
            }
        }
        out
    }

    #[test]
    fn arabic_stems_match_the_reference() {
        // Every word of up to four letters over the clitic letters and a few others, so that
        // each branch (conjunction, preposition, لل, article, the length limits) is reached.
        let letters = ['و', 'ف', 'ب', 'ل', 'ك', 'ا', 'س', 'ت'];
        let mut words = vec![String::new()];
        let mut layer = vec![String::new()];
        for _ in 0..4 {
            layer = layer
                .iter()
                .flat_map(|w| letters.iter().map(move |c| format!("{w}{c}")))
                .collect();
            words.extend(layer.iter().cloned());
        }
        words.extend(["وللخمسة", "فبالعشرين", "لست", "والست", "كالف"].map(String::from));
        let mut checked = 0;
        for w in &words {
            for strip_al in [false, true] {
                let mut got = Vec::new();
                arabic_stems(w, strip_al, |s, a, waw| got.push((s.to_string(), a, waw)));
                assert_eq!(got, arabic_stems_reference(w, strip_al), "{w:?} {strip_al}");
                checked += 1;
            }
        }
        assert!(checked > 8000, "{checked}");
    }

    struct Case {
        name: &'static str,
        /// Raw text; normalised before the call, as the coder does.
        input: &'static str,
        /// (span text in the normalised input, value, vagueness)
        expected: &'static [(&'static str, u32, Vagueness)],
    }

    const CASES: &[Case] = &[
        Case {
            name: "a count repeated in digits in parentheses is one count",
            input: "deux (02) militaires tombés, dix-sept (17) terroristes neutralisés",
            expected: &[("deux (02)", 2, Exact), ("dix-sept (17)", 17, Exact)],
        },
        Case {
            name: "a question is no count",
            input: "they do not know how many of their relatives died",
            expected: &[],
        },
        // Digits
        Case {
            name: "plain digits",
            input: "12 soldiers killed",
            expected: &[("12", 12, Exact)],
        },
        Case {
            name: "comma thousands",
            input: "1,200 displaced",
            expected: &[("1,200", 1200, Exact)],
        },
        Case {
            name: "space thousands",
            input: "1 200 déplacés",
            expected: &[("1 200", 1200, Exact)],
        },
        Case {
            name: "space thousands two groups",
            input: "12 500 000 personnes",
            expected: &[("12 500 000", 12_500_000, Exact)],
        },
        Case {
            name: "dot thousands",
            input: "1.200 morts",
            expected: &[("1.200", 1200, Exact)],
        },
        Case {
            name: "sentence-final dot",
            input: "Le bilan est de 12.",
            expected: &[("12", 12, Exact)],
        },
        Case {
            name: "year alone",
            input: "2019",
            expected: &[],
        },
        Case {
            name: "year in sentence",
            input: "en 2019, 40 morts",
            expected: &[("40", 40, Exact)],
        },
        Case {
            name: "numeric date slashes",
            input: "17/01/2019",
            expected: &[],
        },
        Case {
            name: "numeric date iso",
            input: "2019-01-17",
            expected: &[],
        },
        Case {
            name: "numeric date dots",
            input: "17.01.2019",
            expected: &[],
        },
        Case {
            name: "numeric date dashes",
            input: "17-01-2019",
            expected: &[],
        },
        Case {
            name: "time h",
            input: "vers 10h30, 3 morts",
            expected: &[("3", 3, Exact)],
        },
        Case {
            name: "time colon",
            input: "at 10:30",
            expected: &[],
        },
        Case {
            name: "time am",
            input: "at 10 am",
            expected: &[],
        },
        Case {
            name: "group name g5",
            input: "the G5 Sahel force",
            expected: &[],
        },
        Case {
            name: "weapon ak-47",
            input: "AK-47 rifles",
            expected: &[],
        },
        Case {
            name: "helicopter mi-24",
            input: "un Mi-24 abattu",
            expected: &[],
        },
        Case {
            name: "age compound",
            input: "a 12-year-old boy",
            expected: &[],
        },
        Case {
            name: "percent",
            input: "50% of the village, 30 pour cent",
            expected: &[],
        },
        Case {
            name: "decimal",
            input: "1,5 million",
            expected: &[],
        },
        Case {
            name: "ordinal suffix",
            input: "the 3rd battalion",
            expected: &[],
        },
        Case {
            name: "digits times thousand",
            input: "5 mille déplacés",
            expected: &[("5 mille", 5000, Exact)],
        },
        Case {
            name: "arabic-indic digits",
            input: "مقتل ١٢ جندياً",
            expected: &[("12", 12, Exact)],
        },
        Case {
            name: "arabic digits times thousands",
            input: "نزوح 3 آلاف شخص",
            expected: &[("3 الاف", 3000, Exact)],
        },
        // English words
        Case {
            name: "en twenty-three",
            input: "twenty-three soldiers",
            expected: &[("twenty-three", 23, Exact)],
        },
        Case {
            name: "en twenty three",
            input: "twenty three soldiers",
            expected: &[("twenty three", 23, Exact)],
        },
        Case {
            name: "en two hundred and fifty",
            input: "two hundred and fifty",
            expected: &[("two hundred and fifty", 250, Exact)],
        },
        Case {
            name: "en a hundred",
            input: "a hundred people",
            expected: &[("a hundred", 100, Exact)],
        },
        Case {
            name: "en fifteen hundred",
            input: "fifteen hundred",
            expected: &[("fifteen hundred", 1500, Exact)],
        },
        Case {
            name: "en three thousand",
            input: "three thousand people",
            expected: &[("three thousand", 3000, Exact)],
        },
        Case {
            name: "en one soldier",
            input: "one soldier was killed",
            expected: &[("one", 1, Exact)],
        },
        Case {
            name: "en one of the",
            input: "one of the soldiers",
            expected: &[],
        },
        Case {
            name: "en no one",
            input: "no one was hurt",
            expected: &[],
        },
        Case {
            name: "en article",
            input: "a soldier and an officer",
            expected: &[],
        },
        Case {
            name: "en ordinal",
            input: "the first attack",
            expected: &[],
        },
        Case {
            name: "en two numbers",
            input: "five soldiers and six civilians",
            expected: &[("five", 5, Exact), ("six", 6, Exact)],
        },
        Case {
            name: "en compound adjectives",
            input: "one-third of a two-day march",
            expected: &[],
        },
        Case {
            name: "en one by one",
            input: "one by one",
            expected: &[],
        },
        Case {
            name: "ar mi'atay construct",
            input: "مائتي شخص",
            expected: &[("مايتي", 200, Exact)],
        },
        Case {
            name: "en two dozen",
            input: "two dozen fighters",
            expected: &[("two dozen", 24, Exact)],
        },
        // French words
        Case {
            name: "fr vingt et un",
            input: "vingt et un morts",
            expected: &[("vingt et un", 21, Exact)],
        },
        Case {
            name: "fr vingt-trois",
            input: "vingt-trois soldats",
            expected: &[("vingt-trois", 23, Exact)],
        },
        Case {
            name: "fr dix-sept",
            input: "dix-sept morts",
            expected: &[("dix-sept", 17, Exact)],
        },
        Case {
            name: "fr soixante-dix",
            input: "soixante-dix",
            expected: &[("soixante-dix", 70, Exact)],
        },
        Case {
            name: "fr soixante et onze",
            input: "soixante et onze",
            expected: &[("soixante et onze", 71, Exact)],
        },
        Case {
            name: "fr quatre-vingts",
            input: "quatre-vingts",
            expected: &[("quatre-vingts", 80, Exact)],
        },
        Case {
            name: "fr quatre-vingt-dix",
            input: "quatre-vingt-dix",
            expected: &[("quatre-vingt-dix", 90, Exact)],
        },
        Case {
            name: "fr quatre-vingt-dix-neuf",
            input: "quatre-vingt-dix-neuf",
            expected: &[("quatre-vingt-dix-neuf", 99, Exact)],
        },
        Case {
            name: "fr deux cents",
            input: "deux cents civils",
            expected: &[("deux cents", 200, Exact)],
        },
        Case {
            name: "fr cent un",
            input: "cent un",
            expected: &[("cent un", 101, Exact)],
        },
        Case {
            name: "fr mille deux cent cinquante",
            input: "mille deux cent cinquante",
            expected: &[("mille deux cent cinquante", 1250, Exact)],
        },
        Case {
            name: "fr trois mille",
            input: "trois mille déplacés",
            expected: &[("trois mille", 3000, Exact)],
        },
        Case {
            name: "fr article un",
            input: "un soldat et une femme",
            expected: &[],
        },
        Case {
            name: "fr premier",
            input: "le premier bilan",
            expected: &[],
        },
        // Arabic words
        Case {
            name: "ar khamsa wa-ishrin",
            input: "خمسة وعشرين",
            expected: &[("خمسه وعشرين", 25, Exact)],
        },
        Case {
            name: "ar thalatha wa-ishrun",
            input: "ثلاثة وعشرون قتيلا",
            expected: &[("ثلاثه وعشرون", 23, Exact)],
        },
        Case {
            name: "ar teen",
            input: "خمسة عشر جنديا",
            expected: &[("خمسه عشر", 15, Exact)],
        },
        Case {
            name: "ar ithna ashar",
            input: "اثنا عشر",
            expected: &[("اثنا عشر", 12, Exact)],
        },
        Case {
            name: "ar ahad ashar",
            input: "أحد عشر",
            expected: &[("احد عشر", 11, Exact)],
        },
        Case {
            name: "ar thalathat alaf",
            input: "ثلاثة آلاف نازح",
            expected: &[("ثلاثه الاف", 3000, Exact)],
        },
        Case {
            name: "ar mi'a wa-khamsun",
            input: "مائة وخمسون",
            expected: &[("مايه وخمسون", 150, Exact)],
        },
        Case {
            name: "ar thalathumi'a",
            input: "ثلاثمائة",
            expected: &[("ثلاثمايه", 300, Exact)],
        },
        Case {
            name: "ar alfayn",
            input: "ألفين",
            expected: &[("الفين", 2000, Exact)],
        },
        Case {
            name: "ar conjunction on first word",
            input: "وخمسة جرحى",
            expected: &[("وخمسه", 5, Exact)],
        },
        Case {
            name: "ar units not joined to ten by wa",
            input: "خمسة وعشرة",
            expected: &[("خمسه", 5, Exact), ("وعشره", 10, Exact)],
        },
        Case {
            name: "ar lastu is not six",
            input: "لست أدري",
            expected: &[],
        },
        Case {
            name: "ar wahid",
            input: "جندي واحد",
            expected: &[("واحد", 1, Exact)],
        },
        // Bounds
        Case {
            name: "en at least",
            input: "at least 7 killed",
            expected: &[("at least 7", 7, AtLeast)],
        },
        Case {
            name: "en more than",
            input: "more than 20",
            expected: &[("more than 20", 20, AtLeast)],
        },
        Case {
            name: "en over words",
            input: "over thirty",
            expected: &[("over thirty", 30, AtLeast)],
        },
        Case {
            name: "en or more",
            input: "20 or more",
            expected: &[("20 or more", 20, AtLeast)],
        },
        Case {
            name: "fr au moins",
            input: "au moins 5 morts",
            expected: &[("au moins 5", 5, AtLeast)],
        },
        Case {
            name: "fr plus de",
            input: "plus de 20 morts",
            expected: &[("plus de 20", 20, AtLeast)],
        },
        Case {
            name: "fr pas moins de",
            input: "pas moins de 15",
            expected: &[("pas moins de 15", 15, AtLeast)],
        },
        Case {
            name: "fr postfix au moins",
            input: "vingt morts au moins",
            expected: &[("vingt morts au moins", 20, AtLeast)],
        },
        Case {
            name: "ar akthar min",
            input: "أكثر من 20",
            expected: &[("اكثر من 20", 20, AtLeast)],
        },
        Case {
            name: "ar ma la yaqillu an",
            input: "ما لا يقل عن 10 قتلى",
            expected: &[("ما لا يقل عن 10", 10, AtLeast)],
        },
        Case {
            name: "ar ala al-aqall postfix",
            input: "مقتل 12 جندياً على الأقل",
            expected: &[("12 جنديا علي الاقل", 12, AtLeast)],
        },
        Case {
            name: "ar azyad min",
            input: "أزيد من 30",
            expected: &[("ازيد من 30", 30, AtLeast)],
        },
        Case {
            name: "en more than a dozen",
            input: "more than a dozen",
            expected: &[("more than a dozen", 12, AtLeast)],
        },
        Case {
            name: "fr plus d'une dizaine",
            input: "plus d’une dizaine de morts",
            expected: &[("plus d'une dizaine", 10, AtLeast)],
        },
        Case {
            name: "en up to",
            input: "up to 30 people",
            expected: &[("up to 30", 30, Vague)],
        },
        Case {
            name: "postfix not stolen from next count",
            input: "5 soldiers at least 3 civilians",
            expected: &[("5", 5, Exact), ("at least 3", 3, AtLeast)],
        },
        // Ranges
        Case {
            name: "en between and",
            input: "between 5 and 10",
            expected: &[("between 5 and 10", 5, AtLeast)],
        },
        Case {
            name: "en to",
            input: "5 to 10 killed",
            expected: &[("5 to 10", 5, AtLeast)],
        },
        Case {
            name: "en words or",
            input: "two or three",
            expected: &[("two or three", 2, AtLeast)],
        },
        Case {
            name: "digits dash",
            input: "5-10 morts",
            expected: &[("5-10", 5, AtLeast)],
        },
        Case {
            name: "fr entre et",
            input: "entre 5 et 10",
            expected: &[("entre 5 et 10", 5, AtLeast)],
        },
        Case {
            name: "fr de a",
            input: "de 5 à 10 morts",
            expected: &[("de 5 a 10", 5, AtLeast)],
        },
        Case {
            name: "ar bayna wa",
            input: "بين 5 و10 قتلى",
            expected: &[("بين 5 و10", 5, AtLeast)],
        },
        Case {
            name: "ar bayna words",
            input: "بين خمسة وعشرة",
            expected: &[("بين خمسه وعشره", 5, AtLeast)],
        },
        Case {
            name: "ar ila",
            input: "5 إلى 10",
            expected: &[("5 الي 10", 5, AtLeast)],
        },
        Case {
            name: "range must rise",
            input: "10 to 5",
            expected: &[("10", 10, Exact), ("5", 5, Exact)],
        },
        // Approximations
        Case {
            name: "en about",
            input: "about 20 people",
            expected: &[("about 20", 20, Exact)],
        },
        Case {
            name: "en some number",
            input: "some 20 fighters",
            expected: &[("some 20", 20, Exact)],
        },
        Case {
            name: "fr environ",
            input: "environ 30 morts",
            expected: &[("environ 30", 30, Exact)],
        },
        Case {
            name: "fr pres de",
            input: "près de 40",
            expected: &[("pres de 40", 40, Exact)],
        },
        Case {
            name: "ar nahwa",
            input: "نحو 40 مسلحا",
            expected: &[("نحو 40", 40, Exact)],
        },
        Case {
            name: "ar hawali",
            input: "حوالي 50",
            expected: &[("حوالي 50", 50, Exact)],
        },
        Case {
            name: "ar qurabat",
            input: "قرابة 60",
            expected: &[("قرابه 60", 60, Exact)],
        },
        Case {
            name: "en about a dozen stays vague",
            input: "about a dozen",
            expected: &[("about a dozen", 12, Vague)],
        },
        // Vague quantities
        Case {
            name: "en dozens of",
            input: "dozens of civilians",
            expected: &[("dozens", 12, Vague)],
        },
        Case {
            name: "en an unknown number of",
            input: "killing an unknown number of militiamen",
            expected: &[("an unknown number of", 10, Vague)],
        },
        Case {
            name: "fr un nombre indéterminé de",
            input: "tuant un nombre indéterminé de combattants",
            expected: &[("un nombre indetermine de", 10, Vague)],
        },
        Case {
            name: "ar عددا غير محدد من",
            input: "وقتلوا عددا غير محدد من المقاتلين",
            expected: &[("عددا غير محدد من", 10, Vague)],
        },
        Case {
            name: "en several",
            input: "several soldiers",
            expected: &[("several", 10, Vague)],
        },
        Case {
            name: "en a few",
            input: "a few houses",
            expected: &[("a few", 3, Vague)],
        },
        Case {
            name: "en some",
            input: "some soldiers",
            expected: &[("some", 3, Vague)],
        },
        Case {
            name: "en a dozen",
            input: "a dozen",
            expected: &[("a dozen", 12, Vague)],
        },
        Case {
            name: "en hundreds",
            input: "hundreds fled",
            expected: &[("hundreds", 100, Vague)],
        },
        Case {
            name: "en thousands",
            input: "thousands fled",
            expected: &[("thousands", 1000, Vague)],
        },
        Case {
            name: "en tens of thousands",
            input: "tens of thousands",
            expected: &[("tens of thousands", 10_000, Vague)],
        },
        Case {
            name: "fr plusieurs",
            input: "plusieurs morts",
            expected: &[("plusieurs", 10, Vague)],
        },
        Case {
            name: "fr de nombreux",
            input: "de nombreux civils",
            expected: &[("de nombreux", 10, Vague)],
        },
        Case {
            name: "fr quelques",
            input: "quelques blessés",
            expected: &[("quelques", 3, Vague)],
        },
        Case {
            name: "fr des dizaines",
            input: "des dizaines de morts",
            expected: &[("des dizaines", 12, Vague)],
        },
        Case {
            name: "fr une dizaine",
            input: "une dizaine",
            expected: &[("une dizaine", 10, Vague)],
        },
        Case {
            name: "fr une quinzaine",
            input: "une quinzaine",
            expected: &[("une quinzaine", 15, Vague)],
        },
        Case {
            name: "fr une vingtaine",
            input: "une vingtaine",
            expected: &[("une vingtaine", 20, Vague)],
        },
        Case {
            name: "fr une centaine",
            input: "une centaine",
            expected: &[("une centaine", 100, Vague)],
        },
        Case {
            name: "fr une douzaine",
            input: "une douzaine",
            expected: &[("une douzaine", 12, Vague)],
        },
        Case {
            name: "fr des centaines",
            input: "des centaines",
            expected: &[("des centaines", 100, Vague)],
        },
        Case {
            name: "fr des milliers",
            input: "des milliers",
            expected: &[("des milliers", 1000, Vague)],
        },
        Case {
            name: "ar idda",
            input: "عدة جنود",
            expected: &[("عده", 10, Vague)],
        },
        Case {
            name: "ar al-adid",
            input: "العديد من القتلى",
            expected: &[("العديد", 10, Vague)],
        },
        Case {
            name: "ar lil-adid",
            input: "للعديد من",
            expected: &[("للعديد", 10, Vague)],
        },
        Case {
            name: "ar kathir",
            input: "كثير من",
            expected: &[("كثير", 10, Vague)],
        },
        Case {
            name: "ar ba'd",
            input: "بعض الجنود",
            expected: &[("بعض", 3, Vague)],
        },
        Case {
            name: "ar asharat",
            input: "عشرات القتلى",
            expected: &[("عشرات", 12, Vague)],
        },
        Case {
            name: "ar bi-asharat",
            input: "بعشرات",
            expected: &[("بعشرات", 12, Vague)],
        },
        Case {
            name: "ar mi'at",
            input: "مئات النازحين",
            expected: &[("ميات", 100, Vague)],
        },
        Case {
            name: "ar alaf",
            input: "آلاف النازحين",
            expected: &[("الاف", 1000, Vague)],
        },
        Case {
            name: "ar asharat al-alaf",
            input: "عشرات الآلاف",
            expected: &[("عشرات الالاف", 10_000, Vague)],
        },
        // Dates are not counts
        Case {
            name: "day in date",
            input: "le 17 janvier 2019, 5 morts",
            expected: &[("5", 5, Exact)],
        },
        Case {
            name: "day in english date",
            input: "killed 5 on 12 january",
            expected: &[("5", 5, Exact)],
        },
        Case {
            name: "modal may is not a date",
            input: "5 may have died",
            expected: &[("5", 5, Exact)],
        },
        Case {
            name: "days ago",
            input: "il y a deux jours, trois morts",
            expected: &[("trois", 3, Exact)],
        },
        Case {
            name: "ar day range",
            input: "بين 12 و14 يناير",
            expected: &[],
        },
        Case {
            name: "ar monday is not two",
            input: "يوم الاثنين قتل اثنين",
            expected: &[("اثنين", 2, Exact)],
        },
        Case {
            name: "ar dual of a people noun counts two, a plural-like form does not",
            input: "مقتل جنديين وإصابة مدنيين",
            expected: &[("جنديين", 2, Exact)],
        },
    ];

    #[test]
    fn cases() {
        let mut names = std::collections::HashSet::new();
        let mut failures = Vec::new();
        for c in CASES {
            assert!(names.insert(c.name), "duplicate case name {}", c.name);
            let n = crate::normalize(c.input);
            let s = n.as_str();
            let got: Vec<(&str, u32, Vagueness)> = find_numbers(s)
                .iter()
                .map(|m| (&s[m.start..m.end], m.value, m.vagueness))
                .collect();
            if got != c.expected {
                failures.push(format!(
                    "case {:?} on {s:?}:\n   got  {got:?}\n   want {:?}",
                    c.name, c.expected
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn tokens_cover_text_without_spaces() {
        let s = "l'armee: 10h30, و10 جنود";
        let t: Vec<&str> = tokenize(s).iter().map(|t| t.s).collect();
        assert_eq!(
            t,
            ["l", "'", "armee", ":", "10", "h", "30", ",", "و", "10", "جنود"]
        );
    }

    #[test]
    fn spans_are_sorted_disjoint_and_on_char_boundaries() {
        let n = crate::normalize(
            "Au moins 12 soldats et une dizaine de civils, بين 5 و10 قتلى وخمسة وعشرين جريحا, two hundred",
        );
        let s = n.as_str();
        let m = find_numbers(s);
        assert_eq!(m.len(), 5);
        for w in m.windows(2) {
            assert!(w[0].end <= w[1].start);
        }
        for x in &m {
            assert!(s.is_char_boundary(x.start) && s.is_char_boundary(x.end));
        }
    }

    #[test]
    fn an_age_after_a_name_is_not_a_count() {
        let n = crate::normalize("The motorcyclist, identified as Sani Lawal, 24, was shot dead.");
        assert!(find_numbers(n.as_str()).is_empty());
        // A count after a comma is still a count.
        let n = crate::normalize("Gunmen killed five in Djibo, 12 in Arbinda and 3 in Gorom.");
        assert_eq!(find_numbers(n.as_str()).len(), 3);
    }
}
