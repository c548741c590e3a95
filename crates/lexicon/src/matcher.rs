//! Compiling the lexicon files into one automaton and matching it with word-boundary rules.

use crate::actors::{ActorEntry, ActorFile, ActorId, GenericRole, ResolvedActor};
use crate::cues::Cue;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use chrono::NaiveDate;
use rasd_model::Language;
use rasd_text::{is_word_char, normalize};
use std::collections::HashMap;
use std::sync::LazyLock;

/// What a pattern stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    Cue(Cue),
    Actor(ActorId),
    Generic(GenericRole),
    /// A word that places a report in a country (index into [`Lexicon::country_name`]).
    Country(u16),
}

/// A lexicon pattern found in normalised text (byte offsets into the normalised string).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub target: Target,
}

/// Errors in lexicon data. Each names the file and, where it applies, the line.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{file}: {source}")]
    Toml {
        file: String,
        #[source]
        source: toml::de::Error,
    },
    #[error("{file}:{line}: expected `cue<TAB>pattern`, found {found:?}")]
    BadLine {
        file: String,
        line: usize,
        found: String,
    },
    #[error("{file}:{line}: unknown cue {cue:?}")]
    UnknownCue {
        file: String,
        line: usize,
        cue: String,
    },
    #[error("{file}: actor {id:?}: {problem}")]
    BadActor {
        file: String,
        id: String,
        problem: &'static str,
    },
    #[error("building the automaton: {source}")]
    Automaton {
        #[from]
        source: aho_corasick::BuildError,
    },
}

#[derive(Debug, Clone, Copy)]
struct PatternInfo {
    target: Target,
    /// The last word may continue (`attaqu*`).
    wildcard: bool,
    /// Arabic pattern: clitic prefixes and pronoun suffixes are allowed around it.
    arabic: bool,
}

/// The compiled dictionaries. Build once ([`Lexicon::embedded`]) and share across threads.
pub struct Lexicon {
    automaton: AhoCorasick,
    patterns: Vec<PatternInfo>,
    actors: Vec<ActorEntry>,
    by_role_country: HashMap<(String, String), ActorId>,
    countries: Vec<String>,
    pattern_count_by_lang: [(Language, usize); 3],
}

/// Arabic proclitics that may stand, inside one written word, before a pattern.
const ARABIC_PREFIXES: &[&str] = &[
    "و", "ف", "ب", "ل", "ك", "س", "ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وب", "فب",
    "ول", "فل", "وك", "فك", "وس", "فس", "وبال", "فبال", "وكال",
];
/// The longest of [`ARABIC_PREFIXES`], in characters (checked by a test).
const MAX_PREFIX_CHARS: usize = 4;

/// String equality compared byte by byte: the strings are a few bytes long, shorter than the
/// cost of a `memcmp` call.
#[inline]
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

/// Arabic enclitic pronouns and inflection endings that may follow a pattern inside one word.
const ARABIC_SUFFIXES: &[&str] = &[
    "ه", "ها", "هم", "هما", "هن", "كم", "نا", "وا", "ون", "ين", "ان", "ات", "ت", "تا", "تم", "ا",
];

static EMBEDDED: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::from_sources(
        include_str!("../../../data/lexicon/actors.toml"),
        &[
            (
                Language::Ar,
                include_str!("../../../data/lexicon/events.ar.tsv"),
            ),
            (
                Language::Fr,
                include_str!("../../../data/lexicon/events.fr.tsv"),
            ),
            (
                Language::En,
                include_str!("../../../data/lexicon/events.en.tsv"),
            ),
            (
                Language::Und,
                include_str!("../../../data/lexicon/roles.tsv"),
            ),
        ],
        include_str!("../../../data/lexicon/country_cues.tsv"),
    )
    .expect("the embedded lexicon is checked by the test suite")
});

impl Lexicon {
    /// The lexicon shipped in `data/lexicon/`, compiled on first use.
    pub fn embedded() -> &'static Lexicon {
        &EMBEDDED
    }

    /// Compile a lexicon from the text of `actors.toml` and of one `events.<lang>.tsv` per
    /// language.
    pub fn from_sources(
        actors_toml: &str,
        events: &[(Language, &str)],
        country_cues: &str,
    ) -> Result<Lexicon, LexiconError> {
        let file: ActorFile = toml::from_str(actors_toml).map_err(|source| LexiconError::Toml {
            file: "actors.toml".into(),
            source,
        })?;
        let mut builder = PatternSet::default();
        let mut by_role_country = HashMap::new();
        let mut seen_ids = std::collections::HashSet::new();
        for (i, a) in file.actor.iter().enumerate() {
            let id = ActorId(i as u32);
            if !seen_ids.insert(a.id.clone()) {
                return Err(LexiconError::BadActor {
                    file: "actors.toml".into(),
                    id: a.id.clone(),
                    problem: "duplicate id",
                });
            }
            if a.name.trim().is_empty() {
                return Err(LexiconError::BadActor {
                    file: "actors.toml".into(),
                    id: a.id.clone(),
                    problem: "empty name",
                });
            }
            if !a.role.is_empty() && !a.country.is_empty() {
                by_role_country
                    .entry((a.role.clone(), a.country.clone()))
                    .or_insert(id);
            }
            for (lang, aliases) in [
                (Language::En, &a.en),
                (Language::Fr, &a.fr),
                (Language::Ar, &a.ar),
            ] {
                for alias in aliases {
                    builder.add(lang, alias, Target::Actor(id));
                }
            }
        }
        for g in &file.generic {
            for (lang, aliases) in [
                (Language::En, &g.en),
                (Language::Fr, &g.fr),
                (Language::Ar, &g.ar),
            ] {
                for alias in aliases {
                    builder.add(lang, alias, Target::Generic(g.role));
                }
            }
        }
        for (lang, text) in events {
            let name = match lang {
                Language::Und => "roles.tsv".to_string(),
                l => format!("events.{}.tsv", l.as_str()),
            };
            for (n, line) in text.lines().enumerate() {
                let line = line.trim_end_matches('\r');
                if line.trim().is_empty() || line.trim_start().starts_with('#') {
                    continue;
                }
                let mut parts = line.split('\t');
                let (Some(cue), Some(pattern), None) = (parts.next(), parts.next(), parts.next())
                else {
                    return Err(LexiconError::BadLine {
                        file: name,
                        line: n + 1,
                        found: line.into(),
                    });
                };
                let Some(cue) = Cue::from_key(cue.trim()) else {
                    return Err(LexiconError::UnknownCue {
                        file: name,
                        line: n + 1,
                        cue: cue.trim().into(),
                    });
                };
                builder.add(*lang, pattern, Target::Cue(cue));
            }
        }
        let mut countries: Vec<String> = Vec::new();
        for (n, line) in country_cues.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let mut parts = line.split('\t');
            let (Some(country), Some(pattern), None) = (parts.next(), parts.next(), parts.next())
            else {
                return Err(LexiconError::BadLine {
                    file: "country_cues.tsv".into(),
                    line: n + 1,
                    found: line.into(),
                });
            };
            let idx = match countries.iter().position(|c| c == country) {
                Some(i) => i,
                None => {
                    countries.push(country.to_string());
                    countries.len() - 1
                }
            };
            builder.add(Language::Und, pattern, Target::Country(idx as u16));
        }
        let pattern_count_by_lang = [
            (Language::Ar, builder.count(Language::Ar)),
            (Language::Fr, builder.count(Language::Fr)),
            (Language::En, builder.count(Language::En)),
        ];
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&builder.strings)?;
        Ok(Lexicon {
            automaton,
            patterns: builder.infos,
            actors: file.actor,
            by_role_country,
            countries,
            pattern_count_by_lang,
        })
    }

    /// Number of compiled patterns per language (after normalisation and de-duplication).
    pub fn pattern_counts(&self) -> [(Language, usize); 3] {
        self.pattern_count_by_lang
    }

    /// The country a [`Target::Country`] cue points to.
    pub fn country_name(&self, idx: u16) -> &str {
        &self.countries[idx as usize]
    }

    pub fn actor(&self, id: ActorId) -> &ActorEntry {
        &self.actors[id.0 as usize]
    }

    pub fn actors(&self) -> &[ActorEntry] {
        &self.actors
    }

    /// Resolve an actor entry to its ACLED name on `date`.
    pub fn resolve_actor(&self, id: ActorId, date: Option<NaiveDate>) -> ResolvedActor {
        let a = self.actor(id);
        ResolvedActor {
            name: a.name_on(date).to_string(),
            inter: a.kind.inter(),
            kind: a.kind,
            country: a.country().map(str::to_string),
        }
    }

    /// Bind a role noun to a country: the state entry for that role and country when there is
    /// one, ACLED's naming pattern otherwise. Without a country, `None` (no guessing).
    pub fn resolve_generic(
        &self,
        role: GenericRole,
        country: Option<&str>,
        date: Option<NaiveDate>,
    ) -> Option<ResolvedActor> {
        // With no country known, a non-state role keeps its family name ("Civilians"): what the
        // text says, without a country suffix that would be a guess.
        let Some(country) = country else {
            return role.family().map(|name| ResolvedActor {
                name: name.to_string(),
                inter: role.kind().inter(),
                kind: role.kind(),
                country: None,
            });
        };
        if let Some(state_role) = role.state_role() {
            if let Some(&id) = self
                .by_role_country
                .get(&(state_role.to_string(), country.to_string()))
            {
                return Some(self.resolve_actor(id, date));
            }
        }
        Some(ResolvedActor {
            name: role.template(country),
            inter: role.kind().inter(),
            kind: role.kind(),
            country: Some(country.to_string()),
        })
    }

    /// All lexicon matches in `normalized`, leftmost-longest and non-overlapping, except that
    /// one span may carry several targets (a phrase listed under two cues).
    pub fn find(&self, normalized: &str) -> Vec<Match> {
        let mut out = Vec::new();
        self.find_into(normalized, &mut out);
        out
    }

    /// [`Lexicon::find`] into a reusable buffer.
    pub fn find_into(&self, normalized: &str, out: &mut Vec<Match>) {
        out.clear();
        for m in self.automaton.find_overlapping_iter(normalized) {
            let info = self.patterns[m.pattern().as_usize()];
            let Some((start, end)) = accept(normalized, m.start(), m.end(), info) else {
                continue;
            };
            out.push(Match {
                start,
                end,
                target: info.target,
            });
        }
        out.sort_by(|a, b| {
            a.start
                .cmp(&b.start)
                .then(b.end.cmp(&a.end))
                .then(a.target.cmp(&b.target))
        });
        out.dedup();
        select_max_coverage(out);
    }
}

/// Keep the non-overlapping spans that cover the most text (weighted interval scheduling), so
/// "par le Groupe de soutien à l'islam et aux musulmans" is the group's name, not "le groupe"
/// followed by scraps; a span listed under several targets keeps them all. `out` is sorted by
/// start, longest first, and stays so.
fn select_max_coverage(out: &mut Vec<Match>) {
    if out.len() < 2 {
        return;
    }
    // Distinct spans, ordered by end.
    let mut spans: Vec<(usize, usize)> = out.iter().map(|m| (m.start, m.end)).collect();
    spans.sort_by_key(|&(s, e)| (e, s));
    spans.dedup();
    let n = spans.len();
    // best[j]: most bytes covered using spans[..j].
    let mut best = vec![0usize; n + 1];
    let mut take = vec![false; n];
    for j in 0..n {
        let (s, e) = spans[j];
        let prev = spans[..j].partition_point(|&(_, pe)| pe <= s);
        let with = best[prev] + (e - s);
        if with > best[j] {
            best[j + 1] = with;
            take[j] = true;
        } else {
            best[j + 1] = best[j];
        }
    }
    let mut chosen: Vec<(usize, usize)> = Vec::new();
    let mut j = n;
    while j > 0 {
        if take[j - 1] {
            let (s, e) = spans[j - 1];
            chosen.push((s, e));
            j = spans[..j - 1].partition_point(|&(_, pe)| pe <= s);
        } else {
            j -= 1;
        }
    }
    chosen.sort_unstable();
    out.retain(|m| chosen.binary_search(&(m.start, m.end)).is_ok());
}

/// Check the word-boundary rules for a raw automaton hit; return the accepted span.
fn accept(s: &str, start: usize, end: usize, info: PatternInfo) -> Option<(usize, usize)> {
    // Only an Arabic pattern may start inside a word, after one of the listed prefixes (at
    // most four letters): the walk back to the word's start stops there.
    let mut word_start = start;
    for (n, (i, c)) in s[..start].char_indices().rev().enumerate() {
        if !is_word_char(c) {
            break;
        }
        if !info.arabic || n >= MAX_PREFIX_CHARS {
            return None;
        }
        word_start = i;
    }
    // Two-letter Arabic words (لم, لن, هل) hide inside longer words (كلم, لنا, سهل): they take
    // only the conjunctions و/ف before them and nothing after.
    let short = info.arabic && s[start..end].chars().filter(|&c| is_word_char(c)).count() <= 2;
    if word_start != start {
        let prefix = &s[word_start..start];
        let allowed = if short {
            same(prefix, "و") || same(prefix, "ف")
        } else {
            ARABIC_PREFIXES.iter().any(|p| same(prefix, p))
        };
        if !info.arabic || !allowed {
            return None;
        }
    }
    let word_end = s[end..]
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map(|(i, _)| end + i)
        .unwrap_or(s.len());
    if word_end == end || info.wildcard {
        return Some((start, word_end));
    }
    // Pronoun suffixes attach to verbs ("قتلهم"); on actor nouns the same letters are mostly
    // the feminine ending of an adjective ("عسكرية" is not "soldier").
    let verbal = matches!(info.target, Target::Cue(_));
    if info.arabic && !short && verbal && ARABIC_SUFFIXES.iter().any(|x| same(&s[end..word_end], x))
    {
        return Some((start, word_end));
    }
    None
}

#[derive(Default)]
struct PatternSet {
    strings: Vec<String>,
    infos: Vec<PatternInfo>,
    langs: Vec<Language>,
    seen: HashMap<(String, Target), ()>,
}

impl PatternSet {
    fn add(&mut self, lang: Language, raw: &str, target: Target) {
        let raw = raw.trim();
        let (body, wildcard) = match raw.strip_suffix('*') {
            Some(b) => (b, true),
            None => (raw, false),
        };
        let norm = normalize(body).as_str().to_string();
        if norm.chars().filter(|&c| is_word_char(c)).count() < 2 {
            return;
        }
        let arabic = norm.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
        self.push(lang, norm.clone(), target, wildcard, arabic);
        // "الجيش" should also match "جيش مالي": add the form without the article.
        if arabic {
            if let Some(rest) = norm.strip_prefix("ال") {
                if rest.chars().count() >= 3 {
                    self.push(lang, rest.to_string(), target, wildcard, arabic);
                }
            }
        }
    }

    fn push(&mut self, lang: Language, norm: String, target: Target, wildcard: bool, arabic: bool) {
        if self.seen.insert((norm.clone(), target), ()).is_some() {
            return;
        }
        self.strings.push(norm);
        self.infos.push(PatternInfo {
            target,
            wildcard,
            arabic,
        });
        self.langs.push(lang);
    }

    fn count(&self, lang: Language) -> usize {
        self.langs.iter().filter(|&&l| l == lang).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_prefix_chars_is_the_longest_prefix() {
        let longest = ARABIC_PREFIXES.iter().map(|p| p.chars().count()).max();
        assert_eq!(longest, Some(MAX_PREFIX_CHARS));
    }

    const ACTORS: &str = r#"
[[actor]]
id = "jnim"
name = "JNIM: Group for Support of Islam and Muslims"
kind = "rebel"
en = ["JNIM"]
ar = ["نصرة الإسلام والمسلمين"]

[[actor]]
id = "military_mali"
name = "Military Forces of Mali (2021-)"
kind = "state"
country = "Mali"
role = "military"
periods = [{ to = "2012-03-21", name = "Military Forces of Mali (2002-2012)" }]
fr = ["armée malienne"]
ar = ["الجيش المالي"]

[[generic]]
role = "military"
en = ["soldiers"]
ar = ["جنود"]

[[generic]]
role = "civilians"
en = ["villagers"]
"#;

    fn lex() -> Lexicon {
        Lexicon::from_sources(
            ACTORS,
            &[
                (Language::En, "attack\tattack*\nkill\tshot dead\n"),
                (Language::Ar, "attack\tهاجم\nkill\tقتل\n"),
            ],
            "Mali\tIBK\n",
        )
        .unwrap()
    }

    fn targets(lex: &Lexicon, text: &str) -> Vec<(String, Target)> {
        let n = normalize(text);
        lex.find(n.as_str())
            .into_iter()
            .map(|m| {
                let (s, e) = n.original_span(m.start, m.end);
                (text[s..e].to_string(), m.target)
            })
            .collect()
    }

    #[test]
    fn wildcard_and_boundaries() {
        let lex = lex();
        let t = targets(&lex, "JNIM attacked; counterattack, JNIMX");
        assert_eq!(
            t,
            vec![
                ("JNIM".to_string(), Target::Actor(ActorId(0))),
                ("attacked".to_string(), Target::Cue(Cue::Attack)),
            ]
        );
    }

    #[test]
    fn overlapping_matches_keep_the_longest_coverage() {
        // "le groupe" (an anaphor) starts before the group's full French name: the name, which
        // covers more text, wins over the earlier, shorter match.
        let lex = Lexicon::from_sources(
            r#"
[[actor]]
id = "jnim"
name = "JNIM: Group for Support of Islam and Muslims"
kind = "rebel"
fr = ["Groupe de soutien à l'islam et aux musulmans"]

[[generic]]
role = "group_anaphor"
fr = ["le groupe"]
"#,
            &[(Language::Fr, "claim\trevendiqué*\n")],
            "",
        )
        .unwrap();
        let t = targets(
            &lex,
            "revendiquée par le Groupe de soutien à l'islam et aux musulmans",
        );
        assert_eq!(t.len(), 2, "{t:?}");
        assert_eq!(t[1].1, Target::Actor(ActorId(0)));
        assert!(t[1].0.starts_with("Groupe de soutien"));
    }

    #[test]
    fn arabic_clitics_and_article_variants() {
        let lex = lex();
        let t = targets(
            &lex,
            "وهاجمت جماعةُ نصرةِ الإسلامِ والمسلمين والجيشَ المالي ومقتل",
        );
        let got: Vec<&str> = t.iter().map(|(s, _)| s.as_str()).collect();
        // "ومقتل" holds "قتل" after "وم", which is not a clitic prefix: no match.
        assert_eq!(got, vec!["هاجمت", "نصرةِ الإسلامِ والمسلمين", "الجيشَ المالي"]);
        let no_article = targets(&lex, "جيش مالي");
        assert!(no_article.is_empty(), "different phrase: {no_article:?}");
    }

    #[test]
    fn generics_resolve_to_country_entries_or_templates() {
        let lex = lex();
        let d = NaiveDate::from_ymd_opt(2012, 1, 5);
        let mali = lex
            .resolve_generic(GenericRole::Military, Some("Mali"), d)
            .unwrap();
        assert_eq!(mali.name, "Military Forces of Mali (2002-2012)");
        assert_eq!(mali.inter, 1);
        let niger = lex
            .resolve_generic(GenericRole::Civilians, Some("Niger"), d)
            .unwrap();
        assert_eq!(niger.name, "Civilians (Niger)");
        assert_eq!(niger.inter, 7);
        // No country: a non-state role keeps its family name, a state role names no one.
        let civilians = lex
            .resolve_generic(GenericRole::Civilians, None, d)
            .unwrap();
        assert_eq!(civilians.name, "Civilians");
        assert_eq!(civilians.inter, 7);
        assert!(lex
            .resolve_generic(GenericRole::Military, None, d)
            .is_none());
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let err =
            Lexicon::from_sources("", &[(Language::Fr, "# c\nattack\tattaque\nnope\tx\n")], "")
                .err()
                .unwrap();
        assert_eq!(err.to_string(), "events.fr.tsv:3: unknown cue \"nope\"");
        let err = Lexicon::from_sources("", &[(Language::En, "attack only\n")], "")
            .err()
            .unwrap();
        assert!(err.to_string().starts_with("events.en.tsv:1:"), "{err}");
    }

    #[test]
    fn country_cues_point_to_their_country_and_bad_lines_are_named() {
        let lex = lex();
        let n = normalize("Supporters of IBK marched");
        let found = lex.find(n.as_str());
        let c = found.iter().find_map(|m| match m.target {
            Target::Country(c) => Some(lex.country_name(c).to_string()),
            _ => None,
        });
        assert_eq!(c.as_deref(), Some("Mali"));
        let err = Lexicon::from_sources("", &[], "Mali IBK\n").err().unwrap();
        assert!(err.to_string().starts_with("country_cues.tsv:1:"), "{err}");
    }

    #[test]
    fn embedded_lexicon_compiles_with_patterns_in_every_language() {
        let lex = Lexicon::embedded();
        for (lang, n) in lex.pattern_counts() {
            assert!(n > 100, "{lang:?} has only {n} patterns");
        }
    }
}
