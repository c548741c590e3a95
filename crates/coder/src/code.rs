//! Coding one document: sentences, cues, roles, casualties, dates, places, merging.

use crate::classify::{classify, Classified, Family};
use crate::places::{capital_places, find_places, Place};
use aho_corasick::{AhoCorasick, MatchKind};
use chrono::{Datelike, NaiveDate};
use rasd_lexicon::{ActorId, Cue, GenericRole, Lexicon, Match, ResolvedActor, Target};
use rasd_model::{
    ActorKind, CodedDocument, Document, Event, Evidence, EvidenceField, Language, Role,
    SubEventType,
};
use rasd_text::{
    detect_language, find_dates, find_numbers, is_word_byte_boundary, is_word_char, normalize,
    sentences, DateMention, Normalized, NumberMention, Vagueness,
};
use std::collections::HashMap;

/// Coder settings.
#[derive(Debug, Clone)]
pub struct CoderConfig {
    /// An event dated more than this many days before publication is background, not news.
    pub background_days: i64,
    /// Events below this confidence are not emitted.
    pub min_confidence: f32,
}

impl Default for CoderConfig {
    fn default() -> Self {
        CoderConfig {
            background_days: 60,
            min_confidence: 0.5,
        }
    }
}

/// The event coder. Cheap to share: the lexicon is compiled once for the process.
pub struct Coder {
    lexicon: &'static Lexicon,
    config: CoderConfig,
    /// Nationality adjectives of state forces ("french" -> the French military), from the
    /// lexicon's `<Adjective> forces/troops/army` patterns: "French and Malian forces" names
    /// two forces.
    demonyms: HashMap<String, ActorId>,
    /// The same adjectives where they follow the noun, from `forces <adjective>` and
    /// `القوات <adjective>` patterns: "les forces françaises et maliennes", "القوات الفرنسية
    /// والمالية".
    trailing_demonyms: HashMap<String, ActorId>,
    /// `TAKE_VERBS`, `SEIZE_VERBS` and `AT_HOME`, compiled once.
    take_verbs: AhoCorasick,
    seize_verbs: AhoCorasick,
    at_home: AhoCorasick,
    /// [`SOURCE_WORDS`], compiled once.
    source_words: AhoCorasick,
    /// The lexicon's `<Group> Ethnic Militia (<Country>)` entries by group, with their country.
    ethnic_militias: HashMap<&'static str, Vec<(&'static str, ActorId)>>,
}

/// Words that give a sentence its own source ("according to a local official", "selon une
/// source locale", "حسب مصادر"; "a CJTF leader told our correspondent", "une association de
/// ressortissants"; "un humanitaire évoque pour sa part « plus de 40 morts »", "a figure that
/// could not be confirmed"), normalised; matched anywhere in the sentence.
const SOURCE_WORDS: &[&str] = &[
    "according to",
    "source",
    "selon",
    "fait etat",
    "cite par",
    "حسب",
    "وفق",
    "مصدر",
    "مصادر",
    "official",
    "responsable",
    "مسوول",
    " told ",
    "leader",
    "association",
    "collectif",
    "جمعيه",
    "زعيم",
    "pour sa part",
    "evoque",
    "un chiffre",
    "a figure",
    "could not be confirmed",
    "could not be verified",
    "من جهته",
    "من جهتها",
];

/// An event dated more than this many days before the report's publication is history.
const STALE_DAYS: u64 = 30;
/// A body of more than this many words is an article, not a brief.
const ARTICLE_WORDS: usize = 120;
/// A body of at most this many words is a teaser, whose headline may be coded.
const TEASER_WORDS: usize = 60;
/// How far (in words) a modality cue may stand before the trigger and still govern it.
const MODALITY_WINDOW: usize = 6;
const NEGATION_WINDOW: usize = 3;
/// How far (in words) a count may stand from its casualty word.
const COUNT_WINDOW: usize = 8;
/// How many lexicon matches back "the group" may look for the group it names.
const ANTECEDENT_LOOKBACK: usize = 400;
/// How many earlier candidates a sentence may merge into.
const MERGE_LOOKBACK: usize = 8;
/// Below this geoparser score, a town in another country than the document's is not taken as
/// the scene of a sentence's event.
const STRAY_SCORE: f32 = 0.4;

/// An actor mention in a sentence, possibly two joined by "and/or".
#[derive(Debug, Clone)]
struct ActorMention {
    start: usize,
    end: usize,
    refs: Vec<ActorRef>,
    /// Other entries listed for the same words (ethnic militias per country): the one of the
    /// event's country is chosen at resolution.
    alts: Vec<ActorId>,
    /// A definite role noun ("the militants", "les assaillants"): it refers back to the armed
    /// group named before it, if any.
    definite: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum ActorRef {
    Named(ActorId),
    Generic(GenericRole),
}

/// An actor placed in an event, with the span that names it (if the text names it).
#[derive(Debug, Clone)]
struct Slot {
    kind: ActorKind,
    /// `None` when a role noun cannot be bound to a country: the kind still drives coding.
    name: Option<String>,
    span: Option<(usize, usize)>,
    /// Named only by a role noun ("gunmen", "militants", "the group" with nothing to refer
    /// to): a claim or a later sentence may name the actor.
    unidentified: bool,
}

/// A candidate event from one sentence, in normalised offsets.
#[derive(Debug, Clone)]
struct Candidate {
    sub: SubEventType,
    weak: bool,
    trigger: (usize, usize),
    /// End of the latest mention merged into this event (its own trigger's end at first): a
    /// sentence that goes on telling "the event" goes on the one told last.
    last: usize,
    actor1: Option<Slot>,
    assoc1: Option<String>,
    actor2: Option<Slot>,
    assoc2: Option<String>,
    fatalities: Option<(u32, Option<(usize, usize)>)>,
    date: Option<DateMention>,
    place: Option<usize>,
    confidence: f32,
    tags: Vec<&'static str>,
    /// The sentence claims responsibility ("IS Sahel claimed the attack").
    claim: bool,
    /// The date is the day something was said ("the army said on Thursday"), which a date of
    /// the event itself from another sentence replaces.
    date_said: bool,
    /// The sentence reads as an incident report (see `code_sentence`): only such a mention
    /// lifts the confidence of the event it merges with.
    specific: bool,
    /// Whose dead the count counts: 0 a state's forces, 1 armed groups, 2 civilians (the
    /// people named at the count: "12 terrorists", "جنديين").
    counted: Option<u8>,
    /// The trigger refers back to an event told elsewhere ("the attack", "الهجوم"): its place
    /// may be where it was spoken of.
    reference: bool,
    /// The sentence says no one claimed the event ("ولم تعلن أي جهة مسؤوليتها"): a group it
    /// goes on to name ("the area sees Islamic State activity") is not the perpetrator.
    unclaimed: bool,
    /// The place is the wire dateline's town, taken only because the sentence names none: a
    /// place told in another sentence of the event replaces it.
    dateline_place: bool,
    /// The sentence gives its own source ("according to a local official", "selon une source
    /// locale", "حسب مصادر"): a count there may be another source's figure for the same dead.
    sourced: bool,
    /// The dead of each side summed into `fatalities` so far (indexed like `counted`), so a
    /// later recount of one side replaces that side's figure only.
    sides: [Option<u32>; 3],
    /// The toll counts the dead of both sides ("18 killed on both sides", "au total"): a
    /// count of one side told elsewhere (often a party's claim) is part of it, not added.
    total: bool,
}

/// Everything found in a document's text, in normalised offsets.
struct Scan<'a> {
    norm: &'a Normalized,
    matches: Vec<Match>,
    numbers: Vec<NumberMention>,
    dates: Vec<DateMention>,
    places: Vec<Place>,
    /// Byte offset of every word start, for distances in words.
    word_starts: Vec<usize>,
    /// End of a wire dateline ("BAMAKO, March 3 (Reuters) -"), 0 when there is none: its date
    /// is the day of writing, not of the event.
    dateline_end: usize,
}

impl Scan<'_> {
    fn word_index(&self, byte: usize) -> usize {
        self.word_starts
            .partition_point(|&w| w <= byte)
            .saturating_sub(1)
    }

    /// Words strictly between the end of span a and the start of span b (a before b).
    fn gap(&self, a_end: usize, b_start: usize) -> usize {
        if b_start <= a_end {
            return 0;
        }
        let a = self.word_index(a_end.saturating_sub(1));
        let b = self.word_index(b_start);
        b.saturating_sub(a + 1)
    }
}

impl Coder {
    pub fn new(config: CoderConfig) -> Self {
        // The gazetteer loads on another thread while the lexicon compiles on this one.
        rasd_geo::Gazetteer::preload();
        let lexicon = Lexicon::embedded();
        let mut demonyms: HashMap<String, ActorId> = HashMap::new();
        for (i, a) in lexicon.actors().iter().enumerate() {
            let force = matches!(a.kind, ActorKind::State | ActorKind::External);
            if !force || !a.name.starts_with("Military Forces of") {
                continue;
            }
            for p in &a.en {
                let words: Vec<&str> = p.split_whitespace().collect();
                if let [adjective, "forces" | "troops" | "army" | "soldiers"] = words[..] {
                    demonyms
                        .entry(normalize(adjective).as_str().to_string())
                        .or_insert(ActorId(i as u32));
                }
            }
        }
        let mut trailing_demonyms: HashMap<String, ActorId> = HashMap::new();
        for (i, a) in lexicon.actors().iter().enumerate() {
            let force = matches!(a.kind, ActorKind::State | ActorKind::External);
            if !force || !a.name.starts_with("Military Forces of") {
                continue;
            }
            for p in a.fr.iter().chain(&a.ar) {
                let n = normalize(p);
                let words: Vec<&str> = n.as_str().split_whitespace().collect();
                let nouns = [
                    "forces",
                    "armee",
                    "soldats",
                    "troupes",
                    "militaires",
                    "القوات",
                    "الجيش",
                    "الجنود",
                    "قوات",
                ];
                if let [noun, adjective] = words[..] {
                    if nouns.contains(&noun) {
                        let id = ActorId(i as u32);
                        trailing_demonyms.entry(adjective.to_string()).or_insert(id);
                        // Other genders and numbers of a French adjective: "maliennes" after
                        // "forces", "maliens" after "soldats".
                        if let Some(stem) = adjective.strip_suffix("nnes") {
                            for form in [
                                format!("{stem}n"),
                                format!("{stem}ns"),
                                format!("{stem}nne"),
                            ] {
                                trailing_demonyms.entry(form).or_insert(id);
                            }
                        }
                    }
                }
            }
        }
        let automaton = |list: &[&str]| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(list)
                .expect("a fixed word list compiles")
        };
        let mut ethnic_militias: HashMap<&'static str, Vec<(&'static str, ActorId)>> =
            HashMap::new();
        for (i, e) in lexicon.actors().iter().enumerate() {
            if let (ActorKind::IdentityMilitia, Some((group, _)), Some(country)) =
                (e.kind, e.name.split_once(" Ethnic Militia ("), e.country())
            {
                ethnic_militias
                    .entry(group)
                    .or_default()
                    .push((country, ActorId(i as u32)));
            }
        }
        Coder {
            lexicon,
            ethnic_militias,
            config,
            demonyms,
            trailing_demonyms,
            take_verbs: automaton(TAKE_VERBS),
            seize_verbs: automaton(SEIZE_VERBS),
            at_home: automaton(AT_HOME),
            source_words: AhoCorasick::new(SOURCE_WORDS).expect("source words compile"),
        }
    }

    pub fn lexicon(&self) -> &'static Lexicon {
        self.lexicon
    }

    /// Code one document. Never fails: a document with nothing codable yields no events.
    pub fn code(&self, doc: &Document) -> CodedDocument {
        let norm = normalize(&doc.text);
        let lang = doc.lang.unwrap_or_else(|| detect_language(norm.as_str()));
        let mut events = self.code_field(doc, &doc.text, &norm, EvidenceField::Text);
        // A headline is coded only over a teaser (a feed's one-line summary): an article that
        // tells no new event is about a trial, an anniversary or a report on an old attack,
        // whatever its headline names ("Attaque d'Inata : trois accusés condamnés").
        // The body's words, counted only as far as the longest threshold needs.
        let words = norm
            .as_str()
            .split_whitespace()
            .take(ARTICLE_WORDS.max(TEASER_WORDS) + 1)
            .count();
        if events.is_empty() && words <= TEASER_WORDS {
            if let Some(title) = doc.title.as_deref().filter(|t| !t.trim().is_empty()) {
                let tnorm = normalize(title);
                events = self.code_field(doc, title, &tnorm, EvidenceField::Title);
            }
        }
        // "une marche pacifique le vendredi 23 janvier" in a 15 January paper: an event on a
        // day named with its weekday after the report (beyond a day or two of time-zone and
        // filing slop) is announced, not reported. (A later date without a weekday is more
        // often a slip of the pen, and keeps its event.)
        if let Some(published) = doc.published {
            let limit = published + chrono::Days::new(2);
            events.retain(|e| {
                e.event_date.is_none_or(|d| d <= limit)
                    || !e.evidence.iter().any(|v| {
                        let src = match v.field {
                            EvidenceField::Title => doc.title.as_deref().unwrap_or(""),
                            _ => doc.text.as_str(),
                        };
                        v.role == Role::Date
                            && src.get(v.start..v.end).is_some_and(|said| {
                                normalize(said)
                                    .as_str()
                                    .split(|c: char| !is_word_char(c))
                                    .filter(|w| !w.is_empty())
                                    .take(3)
                                    .any(rasd_text::is_weekday)
                            })
                    })
            });
        }
        // An event dated weeks before publication is history an article recalls (a verdict,
        // an analysis, an anniversary), not news: an article tells what happened lately. A
        // brief or a coder's note (a paragraph) is written about its one event, however late.
        if let Some(published) = doc.published.filter(|_| words > ARTICLE_WORDS) {
            let horizon = published - chrono::Days::new(STALE_DAYS);
            // A month ("in January") is coded on its 15th and a week on its middle: the
            // period's last day is what must be recent.
            events.retain(|e| {
                let slack = match e.time_precision {
                    Some(3) => 16,
                    Some(2) => 3,
                    _ => 0,
                };
                e.event_date
                    .is_none_or(|d| d + chrono::Days::new(slack) >= horizon)
            });
        }
        let lang = if lang == Language::Und {
            doc.title
                .as_deref()
                .map(|t| detect_language(normalize(t).as_str()))
                .unwrap_or(lang)
        } else {
            lang
        };
        CodedDocument {
            id: doc.id.clone(),
            lang,
            events,
        }
    }

    fn code_field(
        &self,
        doc: &Document,
        original: &str,
        norm: &Normalized,
        field: EvidenceField,
    ) -> Vec<Event> {
        let text = norm.as_str();
        let matches = self.lexicon.find(text);
        let mut hints = self.country_hints(&matches);
        let (mut strong, roaming): (Vec<String>, Vec<String>) = {
            let roams: Vec<&str> = self.roaming_homes(&matches);
            hints
                .iter()
                .cloned()
                .partition(|c| !roams.contains(&c.as_str()))
        };
        // "source": "Sidwaya": a national outlet's country is the context when the text names
        // no state, institution or country cue of its own (a roaming group's home is weaker).
        if strong.is_empty() {
            if let Some(c) = doc.source.as_deref().and_then(rasd_lexicon::outlet_country) {
                if !hints.iter().any(|h| h == c) {
                    hints.push(c.to_string());
                }
                strong.push(c.to_string());
            }
        }
        let scan = Scan {
            norm,
            numbers: find_numbers(text),
            dates: find_dates(text, doc.published),
            places: outside_actor_names(
                find_places(
                    original,
                    norm,
                    &strong,
                    &roaming,
                    self.actor_areas(text, &matches),
                ),
                &matches,
            ),
            word_starts: word_starts(text),
            dateline_end: dateline_end(text),
            matches,
        };
        let doc_country = self.document_country(&scan, &hints);
        // "marched in the capital": the document's capital, where no place name stands there.
        let mut scan = scan;
        if let Some(c) = doc_country.as_deref() {
            let capitals: Vec<Place> = capital_places(norm, c)
                .into_iter()
                .filter(|p| {
                    !scan
                        .places
                        .iter()
                        .any(|q| q.start < p.end && p.start < q.end)
                })
                .collect();
            if !capitals.is_empty() {
                scan.places.extend(capitals);
                scan.places.sort_by_key(|p| (p.start, p.end));
            }
        }
        let scan = scan;
        let mut candidates: Vec<Candidate> = Vec::new();
        let sents = sentences(text);
        let governed = self.governed_sentences(&scan, &sents);
        // The previous sentence recalled a past event ("one year after the massacre") and
        // yielded none: a definite mention right after it ("the attack") is that event.
        let mut after_background = false;
        // Start of the sentence before when it yielded no event (else of this one).
        let mut lead_start = 0;
        // Sentences that claim several events at once ("JNIM claimed both attacks"), with the
        // number of events told before them.
        let mut several_claimed: Vec<(usize, usize, usize)> = Vec::new();
        for (i, s) in sents.iter().enumerate() {
            if governed[i] {
                continue;
            }
            if claims_several(&scan, s.start, s.end) {
                several_claimed.push((s.start, s.end, candidates.len()));
            }
            // A denial recalls too: what follows it may retell the rumour it denies.
            let recalled = within(&scan.matches, s.start, s.end, |m| m.start)
                .iter()
                .any(|m| matches!(m.target, Target::Cue(Cue::Background | Cue::Denial)));
            // "Separately, ...", "Par ailleurs, ...", "ومن جهة أخرى": another story starts.
            let opening = &scan.norm.as_str()[s.start..s.end];
            let opening = opening.strip_prefix('و').unwrap_or(opening);
            if TOPIC_SHIFTS.iter().any(|t| opening.starts_with(t)) {
                after_background = false;
            }
            let ctx = Context {
                after_background,
                // Places may come from the two sentences before ("... in Djibo. Five were killed").
                window_start: sents[i.saturating_sub(2)].start,
                lead_start: lead_start.min(s.start),
                next_end: sents.get(i + 1).map_or(s.end, |n| n.end),
                short_doc: sents.len() <= 3,
                country: doc_country.as_deref(),
                prev_date: candidates.last().and_then(|c| c.date),
                prev_date_said: candidates.last().is_some_and(|c| c.date_said),
                follows: !candidates.is_empty(),
            };
            let coded = self.code_sentence(doc, &scan, s.start, s.end, &ctx);
            after_background = (recalled || after_background) && coded.is_none();
            lead_start = if coded.is_none() { s.start } else { s.end };
            if let Some(mut c) = coded {
                // "JNIM claimed destroying a MINUSMA vehicle ... by IED detonation": the
                // claimant of the sentence is the perpetrator.
                // "Police confirmed the attack and blamed Boko Haram": the state that blames a
                // group only speaks; the group it names is the perpetrator.
                // "اتهم الإطار الاستراتيجي ... الجيش المالي بقتل خمسة مدنيين", "residents
                // accused soldiers of killing": the accused did it, not the accuser.
                let accusing = accusation(&scan, s.start, s.end).filter(|_| c.claim);
                let named = accusing
                    .filter(|_| c.sub.event_type().is_violent())
                    .and_then(|cue| self.accused(&scan, cue, s.start, s.end, c.date));
                let no_one_armed = named.is_none();
                // "Local officials blamed the blast on fighters of JNIM": the group read as the
                // blast's object is the one blamed.
                let accused_is_victim = named.as_ref().is_some_and(|slot| {
                    c.actor2.as_ref().and_then(|a| a.span) == slot.span
                        && c.actor1.as_ref().is_none_or(|a| {
                            a.kind == ActorKind::State || a.unidentified || a.span.is_none()
                        })
                });
                if accused_is_victim {
                    c.actor2 = None;
                }
                let accused =
                    named.filter(|slot| c.actor2.as_ref().and_then(|a| a.span) != slot.span);
                let blamed = c.claim
                    && accused.is_none()
                    && c.actor1.as_ref().is_some_and(|a| is_force(a.kind))
                    && attribution(&scan, s.start, s.end);
                let was_accused = accused.is_some();
                if let Some(slot) = accused {
                    c.actor1 = Some(slot);
                } else if accusing.is_some() && no_one_armed {
                    // "the abductors accuse the butcher of supplying the army": an accusation
                    // of no armed actor claims nothing.
                    c.claim = false;
                }
                let unidentified = unknown_perpetrator(&c.actor1) || blamed;
                // "تبنّت جماعة نصرة الإسلام الهجوم، مدّعية أنها قتلت عشرات الجنود": forces in
                // a claim are its victims; the claimant did it.
                let forces_claimed =
                    c.claim && !was_accused && c.actor1.as_ref().is_some_and(|a| is_force(a.kind));
                if c.claim && (unidentified || forces_claimed) && c.sub.event_type().is_violent() {
                    if let Some(slot) = self.bare_claimant(&scan, s.start, s.end, c.date) {
                        if c.actor2.as_ref().and_then(|a| a.span) != slot.span {
                            if forces_claimed && !blamed && c.actor2.is_none() {
                                c.actor2 = c.actor1.take();
                            }
                            c.actor1 = Some(slot);
                        } else if blamed {
                            c.actor1 = Some(slot);
                            c.actor2 = None;
                        }
                    }
                }
                candidates.push(c);
            } else {
                // "... struck by an IED near Dioura. JNIM claimed responsibility.": a bare claim
                // names the perpetrator of the latest violent event just told whose
                // perpetrator is unknown.
                // An attribution ("residents blamed the Islamic State", "les habitants
                // accusent l'EIS") may come paragraphs after the event it names.
                // A claim, too, often closes the report ("JNIM claimed responsibility in a
                // statement on Tuesday") paragraphs after the attack.
                // A sentence dated weeks away from the event speaks of another one ("En
                // janvier 2021, le camp avait déjà été visé par un assaut attribué à ...").
                // ("ونسبت مصادر أمنية القصف إلى الجماعة، التي أعلنت في أغسطس الماضي حصارا": a
                // date after the claim tells of the claimant, not of the event.)
                let claim_at = within(&scan.matches, s.start, s.end, |m| m.start)
                    .iter()
                    .find(|m| m.target == Target::Cue(Cue::Claim))
                    .map_or(s.end, |m| m.start);
                // ("JNIM, which announced a blockade in early September, said it had killed
                // eight soldiers": a month named alone within weeks is the claimant's story.)
                let dated = within(&scan.dates, s.start, claim_at, |d| d.start);
                let background = self.config.background_days;
                let last = candidates
                    .iter_mut()
                    .rev()
                    .find(|c| unknown_perpetrator(&c.actor1) && c.sub.event_type().is_violent())
                    .filter(|c| {
                        c.date.is_none_or(|e| {
                            dated.iter().all(|d| {
                                let apart = (d.date - e.date).num_days().abs();
                                apart <= 14 || (d.precision == 3 && apart <= background)
                            })
                        })
                    });
                if let Some(last) = last {
                    if let Some(slot) = self.bare_claimant(&scan, s.start, s.end, last.date) {
                        last.actor1 = Some(slot);
                    }
                }
            }
        }
        // "Gunmen attacked a post at Kpinkankandi ... On Tuesday night, gunmen also attacked
        // the police station in Pama ... JNIM claimed both attacks": the claimant did every
        // violent event told before whose perpetrator is unknown.
        for &(start, end, told) in &several_claimed {
            let dated = within(&scan.dates, start, end, |d| d.start);
            for c in candidates[..told].iter_mut() {
                let near = c.date.is_none_or(|e| {
                    dated
                        .iter()
                        .all(|d| (d.date - e.date).num_days().abs() <= 14)
                });
                if near && unknown_perpetrator(&c.actor1) && c.sub.event_type().is_violent() {
                    if let Some(slot) = self.bare_claimant(&scan, start, end, c.date) {
                        c.actor1 = Some(slot);
                    }
                }
            }
        }
        let mut merged = merge(candidates, &scan.places, scan.norm.as_str(), &scan.numbers);
        retaken_from(&mut merged, &scan.places);
        merged
            .into_iter()
            .filter(|c| c.confidence >= self.config.min_confidence)
            .map(|c| self.to_event(&scan, c, doc, field, doc_country.as_deref()))
            .collect()
    }

    /// The armed group a sentence with a claim cue and no event of its own names ("JNIM
    /// claimed responsibility", "تبنت جماعة نصرة الإسلام والمسلمين الهجوم").
    fn bare_claimant(
        &self,
        scan: &Scan,
        start: usize,
        end: usize,
        date: Option<DateMention>,
    ) -> Option<Slot> {
        let in_sentence = within(&scan.matches, start, end, |m| m.start);
        // "Claimed by JNIM on 26/12." reads "claimed by" as the agent marker it is elsewhere.
        let claim = in_sentence.iter().find(|m| {
            m.target == Target::Cue(Cue::Claim)
                || (m.target == Target::Cue(Cue::PassiveBy)
                    && scan.norm.as_str()[m.start..m.end].starts_with("claimed"))
        })?;
        // "No group has claimed responsibility, but jihadists ... are active in the area".
        // ("Le texte ne désigne pas les auteurs, mais les habitants accusent l'EIS": the
        // negation is another clause's.)
        let text = scan.norm.as_str();
        if in_sentence.iter().any(|m| {
            m.target == Target::Cue(Cue::Negation)
                && m.end <= claim.start
                && scan.gap(m.end, claim.start) <= MODALITY_WINDOW
                && ![" mais ", " but ", " however", " لكن", " ولكن"]
                    .iter()
                    .any(|w| text[m.end..claim.start].contains(w))
        }) {
            return None;
        }
        let near = |m: &Match| {
            if m.end <= claim.start {
                scan.gap(m.end, claim.start) <= 6
            } else {
                scan.gap(claim.end, m.start) <= 6
            }
        };
        in_sentence
            .iter()
            .filter(|m| near(m))
            .find_map(|m| match m.target {
                Target::Actor(id) => {
                    let kind = self.lexicon.actor(id).kind;
                    (kind.is_armed() && !is_force(kind)).then(|| self.named_slot(id, m, date))
                }
                _ => None,
            })
    }

    /// The actor named right after a verb of accusing ("accused the army of", "les habitants
    /// accusent l'EIS", "اتهم ... الجيش المالي بقتل"): the one said to have done it.
    fn accused(
        &self,
        scan: &Scan,
        cue: &Match,
        start: usize,
        end: usize,
        date: Option<DateMention>,
    ) -> Option<Slot> {
        let text = scan.norm.as_str();
        let in_sentence = within(&scan.matches, start, end, |m| m.start);
        // The accuser may be named between the verb and the accused in Arabic (verb-subject-
        // object): the accused is the first armed actor after the accuser's name.
        let mut after = in_sentence.iter().filter(|m| {
            m.start >= cue.end && matches!(m.target, Target::Actor(_) | Target::Generic(_))
        });
        let first = after.next()?;
        let arabic = text[cue.start..].starts_with(is_arabic_letter);
        // "blamed the blast on fighters of JNIM": the blamed stands after "on", a few words
        // after the verb.
        if text[cue.start..cue.end].starts_with("blame") {
            let window = &text[cue.end..floor_char(text, (cue.end + 80).min(end))];
            if let Some(on) = window.find(" on ") {
                let at = cue.end + on + 4;
                if let Some(m) = in_sentence.iter().find(|m| {
                    m.start >= at
                        && scan.gap(at, m.start) <= 3
                        && matches!(m.target, Target::Actor(_))
                }) {
                    if let Target::Actor(id) = m.target {
                        let kind = self.lexicon.actor(id).kind;
                        if kind.is_armed() {
                            return Some(self.named_slot(id, m, date));
                        }
                    }
                }
            }
        }
        // "accuse the butcher of supplying the army": in Latin script the accused follows
        // the verb at once.
        if !arabic && scan.gap(cue.end, first.start) > 2 {
            return None;
        }
        let m = if arabic && text[first.end..].trim_start().starts_with(['،', ',']) {
            // Past the accuser's apposition ("، وهو تحالف لجماعات مسلحة ،") to a named actor.
            after.find(|m| matches!(m.target, Target::Actor(_)))?
        } else if arabic
            && scan.gap(cue.end, first.start) == 0
            && after
                .clone()
                .next()
                .is_some_and(|n| scan.gap(first.end, n.start) <= 1)
        {
            after.next()?
        } else {
            first
        };
        if scan.gap(cue.end, m.start) > 14 {
            return None;
        }
        let Target::Actor(id) = m.target else {
            return None;
        };
        let kind = self.lexicon.actor(id).kind;
        kind.is_armed().then(|| self.named_slot(id, m, date))
    }

    /// The slot of a named actor mention, named as the lexicon calls it on the event's day.
    fn named_slot(&self, id: ActorId, m: &Match, date: Option<DateMention>) -> Slot {
        let r = self.lexicon.resolve_actor(id, date.map(|d| d.date));
        Slot {
            kind: self.lexicon.actor(id).kind,
            name: Some(r.name),
            span: Some((m.start, m.end)),
            unidentified: false,
        }
    }

    /// Sentences whose events are not asserted because a frame around them is hypothetical: a
    /// heading such as "Scenario: the coming war" governs its section, and a modal sentence
    /// ending in a colon ("Washington could find an opening, on new terms:") governs the list
    /// that follows it.
    fn governed_sentences(&self, scan: &Scan, sents: &[rasd_text::Sentence]) -> Vec<bool> {
        let text = scan.norm.as_str();
        let modal = |a: usize, b: usize| {
            within(&scan.matches, a, b, |m| m.start).iter().any(|m| {
                m.end <= b && matches!(m.target, Target::Cue(Cue::Hypothetical | Cue::Future))
            })
        };
        let mut out = vec![false; sents.len()];
        let mut section_modal = false;
        let mut colon_modal = false;
        for (i, s) in sents.iter().enumerate() {
            let body = text[s.start..s.end].trim_end();
            let at_line_end = text[s.end..].starts_with('\n') || s.end == text.len();
            let heading = at_line_end
                && !body.ends_with(['.', '!', '?', ';', ':', ',', '"'])
                && body.split_whitespace().count() <= 12;
            if heading {
                // A headline may itself report an event; a modal one frames its section.
                // "Scenario: the coming war" splits at the colon: the frame carries over.
                section_modal = modal(s.start, s.end) || colon_modal;
                colon_modal = false;
                out[i] = section_modal;
                continue;
            }
            out[i] = section_modal || colon_modal;
            if body.ends_with(':') {
                colon_modal = colon_modal || modal(s.start, s.end);
            } else if at_line_end {
                colon_modal = false;
            }
        }
        out
    }

    /// Countries implied by named state actors ("Malian army" implies Mali).
    fn country_hints(&self, matches: &[Match]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (i, m) in matches.iter().enumerate() {
            if let Target::Country(c) = m.target {
                let c = self.lexicon.country_name(c);
                if !out.iter().any(|x| x == c) {
                    out.push(c.to_string());
                }
                continue;
            }
            let Target::Actor(id) = m.target else {
                continue;
            };
            let actor = self.lexicon.actor(id);
            // Foreign forces act abroad: only where they operate counts (MINUSMA: Mali). Words
            // listed under several countries ("Fulani militia") hint none of them.
            let hint = if actor.kind == ActorKind::External {
                (!actor.home.is_empty()).then_some(actor.home.as_str())
            } else {
                actor.country_hint()
            };
            let Some(c) = hint else {
                continue;
            };
            // Matches are sorted by start: the ones on the same words are neighbours.
            let lo = matches.partition_point(|o| o.start < m.start);
            let hi = matches.partition_point(|o| o.start <= m.start);
            let ambiguous = matches[lo..hi].iter().enumerate().any(|(j, o)| {
                lo + j != i
                    && o.end == m.end
                    && matches!(o.target, Target::Actor(other) if self.lexicon.actor(other).country_hint() != Some(c))
            });
            if !ambiguous && !out.iter().any(|x| x == c) {
                out.push(c.to_string());
            }
        }
        out
    }

    /// Home countries that only groups operating across borders imply (JNIM: Mali, though it
    /// is as active in Burkina Faso): no state's forces and no country cue points there.
    fn roaming_homes<'a>(&'a self, matches: &[Match]) -> Vec<&'a str> {
        let mut roaming: Vec<&str> = Vec::new();
        let mut firm: Vec<&str> = Vec::new();
        for m in matches {
            match m.target {
                Target::Country(c) => firm.push(self.lexicon.country_name(c)),
                Target::Actor(id) => {
                    let a = self.lexicon.actor(id);
                    if a.kind == ActorKind::External || a.country().is_some() {
                        if let Some(c) = a.country_hint() {
                            firm.push(c);
                        }
                        continue;
                    }
                    let Some(home) = a.country_hint() else {
                        continue;
                    };
                    let cc = a.areas.first().and_then(|x| x.split_once(':')).map(|x| x.0);
                    let abroad = a.areas.iter().any(|x| x.split_once(':').map(|x| x.0) != cc);
                    if abroad {
                        roaming.push(home);
                    } else {
                        firm.push(home);
                    }
                }
                _ => {}
            }
        }
        roaming.retain(|c| !firm.contains(c));
        roaming
    }

    /// Where the document's named non-state actors mostly operate (`ISO2:Name` admin1 areas),
    /// and where the communities it names live ("the Dogon hamlet of X", "members of the
    /// Foulse community"): the areas of that group's ethnic militias. Fulani live across the
    /// whole region and say nothing about where.
    fn actor_areas(&self, text: &str, matches: &[Match]) -> (Vec<String>, Vec<String>) {
        fn add(out: &mut Vec<String>, areas: &[String]) {
            for a in areas {
                if !out.contains(a) {
                    out.push(a.clone());
                }
            }
        }
        let mut actors: Vec<String> = Vec::new();
        for m in matches {
            if let Target::Actor(id) = m.target {
                add(&mut actors, &self.lexicon.actor(id).areas);
            }
        }
        // One automaton over the community words, built once (a prefiltered scan, no
        // per-word work).
        static WORDS: std::sync::OnceLock<AhoCorasick> = std::sync::OnceLock::new();
        let words = WORDS.get_or_init(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(ETHNIC_GROUPS.iter().map(|(w, _)| w))
                .expect("a fixed word list compiles")
        });
        let mut local: Vec<String> = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        for m in words.find_iter(text) {
            let starts =
                is_word_byte_boundary(text, m.start()) || text[..m.start()].ends_with("ال");
            if !starts || !is_word_byte_boundary(text, m.end()) {
                continue;
            }
            let group = ETHNIC_GROUPS[m.pattern().as_usize()].1;
            // Fulani and Arab communities live across the region: they tell no country.
            if !matches!(group, "Fulani" | "Arab") && !seen.contains(&group) {
                seen.push(group);
                for &(_, id) in self.ethnic_militias.get(group).into_iter().flatten() {
                    add(&mut local, &self.lexicon.actor(id).areas);
                }
            }
        }
        local.retain(|a| !actors.contains(a));
        (actors, local)
    }

    /// The country most of the document's places and state actors point to. With no place
    /// named, two groups that operate across borders ("JNIM and/or ISGS militants") point to
    /// the country of most of the areas they share (the Burkinabe Sahel and Est), not to the
    /// home of either.
    fn document_country(&self, scan: &Scan, hints: &[String]) -> Option<String> {
        if scan.places.is_empty() {
            if let Some(c) = self.shared_area_country(&scan.matches) {
                return Some(c.to_string());
            }
        }
        let mut votes: HashMap<&str, u32> = HashMap::new();
        for p in &scan.places {
            *votes.entry(p.country.as_str()).or_default() += if p.is_country { 1 } else { 2 };
        }
        for h in hints {
            *votes.entry(h.as_str()).or_default() += 1;
        }
        votes
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
            .map(|(c, _)| c.to_string())
    }

    /// The country holding most of the areas that every named non-state group with areas
    /// shares, when at least two such groups are named and one country leads.
    fn shared_area_country(&self, matches: &[Match]) -> Option<&'static str> {
        let mut ids: Vec<ActorId> = Vec::new();
        for m in matches {
            if let Target::Actor(id) = m.target {
                let a = self.lexicon.actor(id);
                // A state's forces (the French in Mali) say where the event is.
                if is_force(a.kind) {
                    return None;
                }
                if !a.areas.is_empty() && !ids.iter().any(|&i| self.lexicon.actor(i).name == a.name)
                {
                    ids.push(id);
                }
            }
        }
        let (first, rest) = ids.split_first()?;
        if rest.is_empty() {
            return None;
        }
        let shared: Vec<&String> = self
            .lexicon
            .actor(*first)
            .areas
            .iter()
            .filter(|a| {
                rest.iter()
                    .all(|&i| self.lexicon.actor(i).areas.contains(a))
            })
            .collect();
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for a in shared {
            let cc = a.split_once(':')?.0;
            match counts.iter_mut().find(|(c, _)| *c == cc) {
                Some(x) => x.1 += 1,
                None => counts.push((cc, 1)),
            }
        }
        counts.sort_by_key(|c| std::cmp::Reverse(c.1));
        match counts.as_slice() {
            [(cc, n), rest @ ..] if rest.first().is_none_or(|r| r.1 < *n) => {
                rasd_geo::acled_country(cc)
            }
            _ => None,
        }
    }

    fn code_sentence(
        &self,
        doc: &Document,
        scan: &Scan,
        start: usize,
        end: usize,
        ctx: &Context,
    ) -> Option<Candidate> {
        let doc_country = ctx.country;
        let in_sentence: Vec<Match> = within(&scan.matches, start, end, |m| m.start)
            .iter()
            .copied()
            .filter(|m| m.end <= end)
            .collect();
        let numbers_in = within(&scan.numbers, start, end, |n| n.start);
        // "The insurgency, which began in 2009, has killed more than 40,000": a war's running
        // toll is background, not an event, unless a town or a day pins it down.
        if cumulative_toll(scan.norm.as_str(), start, end)
            && !within(&scan.dates, start, end, |d| d.start)
                .iter()
                .any(|d| d.precision == 1)
            && !within(&scan.places, start, end, |p| p.start)
                .iter()
                .any(|p| p.geo_precision < 3)
        {
            return None;
        }
        // "more than 1,500 students have been abducted in Nigeria since Chibok", "قتل أكثر من
        // 2000 مدني منذ ...": thousands killed or abducted since some start are a running total.
        // ("depuis" is also "from": "joint au téléphone depuis Mokolo".)
        let victims_cue = |n: &NumberMention| {
            in_sentence.iter().any(|m| {
                matches!(
                    m.target,
                    Target::Cue(Cue::Kill | Cue::Dead | Cue::Abduct | Cue::Neutralise)
                ) && m.start >= n.end
                    && scan.gap(n.end, m.start) <= 4
            })
        };
        if numbers_in
            .iter()
            .any(|n| n.value >= 1000 && n.vagueness != Vagueness::Vague && victims_cue(n))
            && since_in(scan.norm.as_str(), start, end)
        {
            return None;
        }
        let event_cues: Vec<(Cue, usize, usize)> = in_sentence
            .iter()
            .filter_map(|m| match m.target {
                Target::Cue(c) if !c.is_modality() && !c.is_grammar() => Some((c, m.start, m.end)),
                _ => None,
            })
            .collect();
        // "واستعادت دراجات نارية وأسلحة": what was recovered is gear, not ground.
        let event_cues: Vec<(Cue, usize, usize)> = {
            let text = scan.norm.as_str();
            event_cues
                .into_iter()
                .filter(|&(c, s, e)| {
                    c != Cue::Retake
                        || !text[s..].starts_with(is_arabic_letter)
                        || !text[e..]
                            .split_whitespace()
                            .next()
                            .is_some_and(|w| RECOVERED_GEAR.iter().any(|g| w.starts_with(g)))
                })
                .collect()
        };
        // "killed three militants and seized two motorbikes, two AK rifles, a grenade and
        // explosives": arms listed after a verb of seizing are what was seized, not a blast.
        let event_cues = seized_arms(scan, start, event_cues);
        // "arrested fourteen people suspected of taking part in the lynching", "interpellé des
        // personnes soupçonnées d'avoir participé au lynchage": what those seized are suspected
        // of is the reason for the sentence's event, not another one.
        let event_cues: Vec<(Cue, usize, usize)> = if event_cues.len() < 2 {
            event_cues
        } else {
            let text = scan.norm.as_str();
            static PHRASES: std::sync::LazyLock<AhoCorasick> = std::sync::LazyLock::new(|| {
                AhoCorasick::new(SUSPECTED_OF).expect("suspected-of phrases compile")
            });
            let reasons: Vec<(usize, usize)> = PHRASES
                .find_overlapping_iter(&text[start..end])
                .map(|m| (start + m.start(), start + m.end()))
                .collect();
            event_cues
                .iter()
                .copied()
                .filter(|&(_, s, _)| {
                    !reasons.iter().any(|&(rs, re)| {
                        s >= re
                            && scan.gap(re, s) <= 4
                            && event_cues.iter().any(|&(_, s0, _)| s0 < rs)
                    })
                })
                .collect()
        };
        // "The registry was burned down by demonstrators": protesters who burn, loot or block
        // roads riot, even with no protest word in the sentence.
        let mut event_cues = event_cues;
        // "setting at least 16 trucks on fire", "set the tankers alight": the burning starts
        // at the verb, five words at most before its complement.
        for c in event_cues.iter_mut().filter(|c| c.0 == Cue::Burn) {
            let text = scan.norm.as_str();
            if matches!(&text[c.1..c.2], "on fire" | "alight") {
                let from = floor_char(text, c.1.saturating_sub(64).max(start));
                let verb = spanned_words(text, from, c.1)
                    .filter(|&(_, _, w)| matches!(w, "set" | "sets" | "setting"))
                    .last()
                    .filter(|&(a, _, _)| scan.gap(a, c.1) <= 6);
                if let Some((a, _, _)) = verb {
                    c.1 = a;
                }
            }
        }
        // "Nigerian troops retook Magumeri on Thursday, a day after insurgents overran its
        // base": the sentence tells the retaking; what came "a day after" is its antecedent.
        // "A day after the raid, troops ...": an antecedent that opens the sentence runs to
        // the first comma.
        if let Some(a) = in_sentence
            .iter()
            .find(|m| m.target == Target::Cue(Cue::Antecedent))
        {
            let text = scan.norm.as_str();
            // "Cette attaque intervient quelques jours après l'enlèvement de six personnes":
            // a main clause that only places a known event in time leaves the antecedent as
            // the sentence's news.
            let placing = [
                " comes ",
                " came ",
                "intervient",
                "survient",
                "ياتي",
                "تاتي",
                "جاء",
            ]
            .iter()
            .any(|w| text[start..a.start].contains(w));
            let b = if event_cues.iter().any(|c| c.1 < a.start) {
                end
            } else {
                text[a.end..end].find(',').map_or(end, |i| a.end + i)
            };
            let keep = |at: usize| {
                if placing {
                    at >= a.end
                } else {
                    at < a.start || at >= b
                }
            };
            if event_cues.iter().any(|c| keep(c.1)) {
                event_cues.retain(|c| keep(c.1));
            }
        }
        // "put the number of soldiers killed at 26", "le nombre de civils tués": a killing
        // counted is a toll told, not a killing told.
        let text = scan.norm.as_str();
        for c in event_cues.iter_mut().filter(|c| c.0 == Cue::Kill) {
            let before = &text[floor_char(text, c.1.saturating_sub(40).max(start))..c.1];
            if ["number of ", "nombre de ", "nombre des ", "عدد "]
                .iter()
                .any(|w| before.contains(w))
            {
                c.0 = Cue::Dead;
            }
        }
        if !event_cues
            .iter()
            .any(|c| matches!(c.0, Cue::Protest | Cue::Riot | Cue::Mob))
        {
            // A crowd noun is who acts, not what happened ("مشاغبون", "rioters"): with unrest
            // it is a riot, alone it is no event.
            let crowd = in_sentence.iter().find_map(|m| match m.target {
                Target::Generic(GenericRole::Protesters) => Some((Cue::Protest, m)),
                Target::Generic(GenericRole::Rioters) => Some((Cue::Riot, m)),
                _ => None,
            });
            let unrest = event_cues
                .iter()
                .any(|c| matches!(c.0, Cue::Burn | Cue::Loot | Cue::Destroy | Cue::Blockade));
            if let (Some((cue, m)), true) = (crowd, unrest) {
                event_cues.push((cue, m.start, m.end));
            }
        }
        // "A female suicide bomber killed five", "une femme kamikaze", "انتحاري": the attacker's
        // name tells how the attack was carried out.
        if !event_cues.iter().any(|c| c.0 == Cue::Suicide) {
            let text = scan.norm.as_str();
            if let Some(m) = in_sentence.iter().find(|m| {
                matches!(m.target, Target::Generic(_))
                    && text[m.start..m.end]
                        .split(|c: char| !is_word_char(c))
                        .any(|w| {
                            w == "suicide"
                                || w.starts_with("kamikaze")
                                || w.trim_start_matches(['و', 'ف', 'ب', 'ل'])
                                    .trim_start_matches("ال")
                                    .starts_with("انتحاري")
                        })
            }) {
                event_cues.push((Cue::Suicide, m.start, m.end));
            }
        }
        // "Nigerian military aircraft struck ..., killing scores": a force named by its aircraft
        // (an actor alias) strikes from the air when the sentence tells harm.
        if !event_cues
            .iter()
            .any(|c| matches!(c.0, Cue::Airstrike | Cue::Drone))
            && event_cues.iter().any(|c| {
                matches!(
                    c.0,
                    Cue::Kill
                        | Cue::Dead
                        | Cue::Attack
                        | Cue::Destroy
                        | Cue::Wound
                        | Cue::Neutralise
                )
            })
        {
            let text = scan.norm.as_str();
            if let Some(m) = in_sentence.iter().find(|m| {
                matches!(m.target, Target::Actor(_))
                    && text[m.start..m.end]
                        .split(' ')
                        .next_back()
                        .is_some_and(|w| {
                            matches!(
                                w,
                                "aircraft"
                                    | "warplanes"
                                    | "jets"
                                    | "helicopters"
                                    | "gunships"
                                    | "drones"
                            )
                        })
            }) {
                event_cues.push((Cue::Airstrike, m.start, m.end));
            }
        }
        // "Students blocked National Road No. 7 to demand ...", "ont bloqué la route ... pour
        // exiger": people who block a road to press a demand protest (ACLED codes most such
        // blockades as violent demonstrations); gunmen who block roads do not.
        if !event_cues
            .iter()
            .any(|c| matches!(c.0, Cue::Protest | Cue::Riot | Cue::Mob))
        {
            let text = scan.norm.as_str();
            let said = &text[start..end];
            let block = event_cues
                .iter()
                .find(|c| c.0 == Cue::Blockade)
                .map(|c| (c.1, c.2))
                .or_else(|| {
                    ["block", "bloqu", "barr"]
                        .iter()
                        .any(|w| said.contains(w))
                        .then(|| blocked_road(text, start, end))
                        .flatten()
                });
            if let Some((a, b)) = block {
                let armed_actor = in_sentence.iter().any(|m| {
                    let k = match m.target {
                        Target::Actor(id) => self.lexicon.actor(id).kind,
                        Target::Generic(g) => g.kind(),
                        _ => return false,
                    };
                    k.is_armed()
                });
                if !armed_actor && DEMANDS.iter().any(|p| has_phrase(said, p)) {
                    event_cues.push((Cue::Protest, a, b));
                }
            }
        }
        // "Tuareg rebels took over the northern town of Menaka", "MNLA rebels capture a
        // military base", "ont pris le contrôle ... de": a verb of taking with a town or a post
        // a few words after it takes territory (whole phrases such as "captured the town" are
        // lexicon cues; this reads the verb with any place or post after it).
        let place_or_post = in_sentence
            .iter()
            .any(|m| m.target == Target::Cue(Cue::MilObject))
            || within(&scan.places, start, end, |p| p.start)
                .iter()
                .any(|p| !p.is_country);
        if place_or_post
            && !event_cues
                .iter()
                .any(|c| matches!(c.0, Cue::TakeControl | Cue::Retake))
        {
            let text = scan.norm.as_str();
            if let Some((a, b)) = find_word_phrase(text, start, end, &self.take_verbs) {
                let post = in_sentence.iter().any(|m| {
                    m.target == Target::Cue(Cue::MilObject)
                        && m.start >= b
                        && scan.gap(b, m.start) <= 3
                });
                // The town is the verb's object: no one, no count and no "near" or "in"
                // stands between ("captured three militants near Djibo" takes no town).
                let lo = scan.places.partition_point(|p| p.start < b);
                let town = scan.places[lo..].first().is_some_and(|p| {
                    !p.is_country
                        && scan.gap(b, p.start) <= 5
                        && !in_sentence.iter().any(|m| {
                            matches!(m.target, Target::Actor(_) | Target::Generic(_))
                                && m.start >= b
                                && m.end <= p.start
                        })
                        && !scan
                            .numbers
                            .iter()
                            .any(|n| n.start >= b && n.end <= p.start)
                        && !text[b..p.start]
                            .split(|c: char| !is_word_char(c))
                            .any(|w| NOT_OBJECT.contains(&w))
                });
                if post || town {
                    event_cues.push((Cue::TakeControl, a, b));
                }
            }
        }
        // "unknown gunmen seized two NGO vehicles", "ont emporté le bétail": taking property
        // loots it; taking weapons is a seizure of arms. (Whole phrases like "seized
        // livestock" are lexicon cues; this reads the verb with any property noun after it.)
        if in_sentence
            .iter()
            .any(|m| m.target == Target::Cue(Cue::Unit))
            && !event_cues
                .iter()
                .any(|c| matches!(c.0, Cue::Loot | Cue::WeaponsSeized))
        {
            let text = scan.norm.as_str();
            if let Some((a, b)) = find_word_phrase(text, start, end, &self.seize_verbs) {
                let object = in_sentence.iter().find(|m| {
                    m.target == Target::Cue(Cue::Unit) && m.start >= b && scan.gap(b, m.start) <= 5
                });
                if let Some(o) = object {
                    let arms = WEAPON_NOUNS
                        .iter()
                        .any(|w| text[o.start..o.end].contains(w));
                    if arms {
                        event_cues.push((Cue::WeaponsSeized, a, b));
                    } else if !SEIZE_BY_FORCES.contains(&&text[a..b]) {
                        event_cues.push((Cue::Loot, a, b));
                    }
                }
            }
        }
        // "imposed levies on villagers and threatened to kill those who refuse": the threat
        // governs the killing, not the levies before it; drop the cues a threat, forecast or
        // hypothesis governs when others stand outside its scope.
        let modals: Vec<usize> = in_sentence
            .iter()
            .filter(|m| {
                matches!(
                    m.target,
                    Target::Cue(Cue::Threat | Cue::Hypothetical | Cue::Future)
                )
            })
            .map(|m| m.end)
            .collect();
        let governed = |cs: usize| {
            modals
                .iter()
                .any(|&me| me <= cs && scan.gap(me, cs) <= MODALITY_WINDOW)
        };
        // "a appelé à une grande marche samedi ..., une manifestation aussitôt interdite":
        // one protest told twice; the call governs both mentions.
        let called_protest = event_cues
            .iter()
            .any(|c| c.0 == Cue::Protest && governed(c.1));
        if event_cues.iter().any(|c| !governed(c.1)) {
            event_cues.retain(|c| !(governed(c.1) || (called_protest && c.0 == Cue::Protest)));
        }
        // "marched the worshippers into the bush": a march with an object leads captives away.
        event_cues.retain(|&(c, a, b)| !(c == Cue::Protest && led_away(scan.norm.as_str(), a, b)));
        let mut cue_set: Vec<Cue> = event_cues.iter().map(|c| c.0).collect();
        // "Hundreds marched to denounce the blockade imposed by JNIM": the blockade belongs to
        // the armed group the protest is about, not to the protesters.
        if cue_set.contains(&Cue::Protest)
            && cue_set.contains(&Cue::Blockade)
            && in_sentence.iter().any(|m| {
                matches!(m.target, Target::Actor(id) if {
                    let k = self.lexicon.actor(id).kind;
                    k.is_armed() && !is_force(k)
                })
            })
        {
            cue_set.retain(|&c| c != Cue::Blockade);
        }
        let Classified {
            family,
            trigger,
            weak,
            tag,
        } = classify(&cue_set)?;
        // Bombs, shells and air power are organised violence, never a mob's.
        let war_weapon = cue_set.iter().any(|c| {
            matches!(
                c,
                Cue::Shelling
                    | Cue::Airstrike
                    | Cue::Drone
                    | Cue::Ied
                    | Cue::Vbied
                    | Cue::Suicide
                    | Cue::Grenade
            )
        });
        let (_, t_start, t_end) = *event_cues.iter().find(|c| c.0 == trigger)?;
        // A question ("هل تستخدم ... التعذيب؟", "Who attacked Djibo?") asserts nothing.
        if scan.norm.as_str()[start..end]
            .trim_end()
            .ends_with(['?', '\u{061F}'])
        {
            return None;
        }
        // "The assailants withdrew towards the border": attackers leaving in a direction hand
        // over no territory (forces that fall back towards a town leave the one they held).
        if trigger == Cue::Withdraw {
            let after = scan.norm.as_str()[t_end..end].trim_start();
            let forces = in_sentence.iter().any(|m| match m.target {
                Target::Actor(id) => is_force(self.lexicon.actor(id).kind),
                Target::Generic(g) => is_force(g.kind()),
                _ => false,
            });
            if !forces && WITHDRAW_TOWARDS.iter().any(|w| has_phrase_start(after, w)) {
                return None;
            }
        }

        // Modality: hypotheses, forecasts, threats and negations govern a trigger they precede
        // closely; history and anniversaries govern the whole sentence.
        // Confidence is built from what makes a report specific: an event phrase alone (an
        // "assassination" mentioned in passing) stays under the threshold; actors, casualties,
        // a date and a place in the same sentence lift it. Modality then scales it.
        // Protest, riot and strategic vocabulary is specific on its own; violent words are
        // not ("an assassination", "attacks on the government"), so they need anchors.
        let violent_family = matches!(family, Family::Violence { .. })
            || matches!(family, Family::Fixed(s) if s.event_type().is_violent());
        let mut confidence: f32 = match (weak, violent_family) {
            (true, _) => 0.35,
            (false, true) => 0.4,
            (false, false) => 0.5,
        };
        let mut factor: f32 = 1.0;
        let mut tags: Vec<&'static str> = tag.into_iter().collect();
        for m in &in_sentence {
            let Target::Cue(c) = m.target else { continue };
            let before = m.end <= t_start;
            // A modal right after a nominal trigger governs it too ("ضربات جوية يمكن أن تستهدف").
            let dist = if before {
                scan.gap(m.end, t_start)
            } else {
                usize::MAX
            };
            let right_after = m.start >= t_end && scan.gap(t_end, m.start) <= 1;
            // "Could ...", "لن ...", "Si ..." opening a sentence govern all of it.
            let opens = scan
                .word_index(m.start)
                .saturating_sub(scan.word_index(start))
                <= 1;
            match c {
                Cue::Hypothetical | Cue::Future | Cue::Threat
                    if opens || right_after || dist <= MODALITY_WINDOW =>
                {
                    return None
                }
                // "National Road No. 7", "n° 7" is a number sign, not a negation.
                Cue::Negation
                    if dist <= NEGATION_WINDOW && !number_sign(scan.norm.as_str(), m.end) =>
                {
                    return None
                }
                // A march on an anniversary is itself an event; a massacre recalled is not.
                Cue::Background if family != Family::Protest => return None,
                // "the trial over the attack", "ملف اغتيال", "accusé d'avoir tué": a judicial
                // process about violence is not the violence (an arrest still is an arrest).
                // Latin-script cues govern the next word or two ("accused of adultery was
                // whipped" is a punishment told); Arabic legal nouns govern a clause.
                Cue::Legal
                    if before
                        && violent_family
                        && (dist <= 1
                            || (dist <= MODALITY_WINDOW
                                && scan.norm.as_str()[m.start..m.end].starts_with(
                                    |c: char| ('\u{0600}'..='\u{06FF}').contains(&c),
                                ))) =>
                {
                    return None
                }
                // "The army denied killing civilians" doubts the event; "charges he denied"
                // after it is about something else.
                // "dismissed as false reports that jihadists had overrun", "نفت ... أنباء عن سقوط
                // مدينة": the event is the content of the reports denied.
                Cue::Denial if before && denied_report(scan.norm.as_str(), m.end, t_start) => {
                    return None
                }
                Cue::Denial if before && dist <= MODALITY_WINDOW => {
                    factor *= 0.6;
                    push_tag(&mut tags, "denied");
                }
                // "suspected militants attacked", "presumed JNIM": a hedge before the trigger
                // or on its actor; "the allegedly corrupt government" after it is not about
                // the event.
                Cue::Hedge if before || right_after => {
                    factor *= 0.9;
                    push_tag(&mut tags, "hedged");
                }
                Cue::Claim => confidence += 0.1,
                _ => {}
            }
        }

        let mut date = nearest_date(scan, start, end, t_start, ctx.prev_date);
        // "L'armée a mené des frappes le lendemain", "the next day", "في اليوم التالي": the day
        // after the event told before, when the sentence has no date of its own.
        if let (Some(prev), Some(d)) = (ctx.prev_date, date) {
            let own = d.start >= ctx.lead_start && d.end <= end;
            let text = &scan.norm.as_str()[ctx.lead_start..end];
            if !own && prev.precision == 1 {
                if let Some((at, w)) = NEXT_DAY.iter().find_map(|w| text.find(w).map(|i| (i, w))) {
                    if let Some(next) = prev.date.succ_opt() {
                        date = Some(DateMention {
                            start: ctx.lead_start + at,
                            end: ctx.lead_start + at + w.len(),
                            date: next,
                            precision: 1,
                            relative: true,
                        });
                    }
                }
            }
        }
        // A month alone ("in October 2019", "mid-September") is coded, as ACLED does, on the
        // 15th; "mid-" makes it the week around it. Never after publication.
        if let Some(d) = date.as_mut() {
            if d.precision == 3 && d.date.day() == 1 {
                let span = &scan.norm.as_str()[d.start..d.end];
                // "since early September", "depuis début septembre": the start of the month.
                let before = scan.norm.as_str()[..d.start].trim_end();
                let start_of_month = ["early", "debut", "beginning", "start", "بدايه", "اوائل"]
                    .iter()
                    .any(|w| span.starts_with(w))
                    || ["since", "depuis", "منذ"]
                        .iter()
                        .any(|w| before.ends_with(w));
                if let Some(mid) = d.date.with_day(15).filter(|_| !start_of_month) {
                    d.date = doc.published.map_or(mid, |p| mid.min(p.max(d.date)));
                    if ["mid", "mi-", "mi ", "منتصف"]
                        .iter()
                        .any(|w| span.starts_with(w))
                    {
                        d.precision = 2;
                    }
                }
            }
        }
        if let (Some(d), Some(p)) = (date, doc.published) {
            // "Indelimane in November, where 49 soldiers died, and Inates in December": a
            // month named alone in a report of the next month or later is a recap; a report's
            // news names its day.
            // (A short note may be a summary dated by month only; a development dated
            // "(January 2026)", year and all, may be what a February analysis reports.)
            let year_given = || {
                scan.norm.as_str()[d.start..d.end]
                    .split(|c: char| !c.is_ascii_digit())
                    .any(|w| w.len() == 4)
            };
            let past_month = !ctx.short_doc
                && d.precision == 3
                && (d.date.year(), d.date.month()) < (p.year(), p.month())
                && (violent_family || !year_given());
            if (p - d.date).num_days() > self.config.background_days || past_month {
                // "held a protest ... following their October 2015 dismissals", "marched for
                // the victims of the October 2014 uprising": an old date after a protest's
                // trigger, or inside a noun phrase ("in the October 2014 insurrection"), is
                // what the protest is about; the protest itself is undated.
                let text = scan.norm.as_str();
                let about = family == Family::Protest
                    && d.start >= start
                    && d.end <= end
                    && (d.start >= t_end || text[d.start..d.end].starts_with("in the "));
                if !about {
                    return None;
                }
                date = None;
            }
        }
        let date_in_sentence = date.is_some_and(|d| d.start >= start && d.end <= end);
        if !date_in_sentence
            && (past_year_before(scan, start, t_start, doc.published)
                // A protest's year is right after it ("protests in 2017 and 2018 were
                // repressed"); further on it is what the protest is about ("following their
                // October 2015 dismissals").
                || past_year_after(
                    scan.norm.as_str(),
                    t_end,
                    end,
                    doc.published,
                    if family == Family::Protest { 3 } else { 14 },
                ))
        {
            return None;
        }
        let event_date = date.map(|d| d.date).or(doc.published);
        let place = nearest_place(scan, start, end, t_start, ctx);
        let country: Option<String> = place
            .map(|i| scan.places[i].country.clone())
            .or_else(|| doc_country.map(str::to_string));
        let country = country.as_deref();

        let mut mentions = actor_mentions(
            self.lexicon,
            (&self.demonyms, &self.trailing_demonyms),
            scan,
            &in_sentence,
        );
        // "أعلنت الحكومة البنينية مقتل ستة جنود في هجوم", "the government said": a government
        // that announces the violence only speaks of it.
        {
            let text = scan.norm.as_str();
            let armed_other = mentions.iter().any(|o| {
                let k = self.mention_kind(o);
                k.is_armed() && !is_force(k)
            });
            let speakers: Vec<bool> = mentions
                .iter()
                .map(|m| {
                    let mut back = text[..m.start].split_whitespace().rev();
                    let before = back.next();
                    let mut after = text[m.end..].split_whitespace();
                    // "أعلنت وزارة الدفاع مقتل ...": a ministry speaks too.
                    let ministry = || {
                        ["ministry", "ministere", "وزاره"]
                            .iter()
                            .any(|w| text[m.start..m.end].contains(w))
                    };
                    // "وقال أحد السكان إن المهاجمين أحرقوا": an unarmed witness who says,
                    // before "إن", only speaks ("قال الجيش إنه قتل" is the army's own deed).
                    let says_that = !self.mention_kind(m).is_armed()
                        && before
                            .and_then(|w| {
                                if matches!(w, "احد" | "احدي") {
                                    back.next()
                                } else {
                                    Some(w)
                                }
                            })
                            .is_some_and(speech_word)
                        && after.clone().next().is_some_and(|w| w == "ان");
                    // "Police confirmed the killing of nine persons", "police said nine
                    // villagers were killed", "أكدت الشرطة مقتل تسعة أشخاص": forces that tell of
                    // violence in which no armed group is named, and not as their own deed
                    // ("the army said it killed ..."), only speak of it.
                    let speech_after = after.clone().take(3).any(speech_word);
                    let force_speaks = || {
                        is_force(self.mention_kind(m))
                            && m.end <= t_start
                            && !armed_other
                            // The verb before its subject only in Arabic ("said soldiers
                            // shot dead" names the soldiers as the doers).
                            && ((before.is_some_and(speech_word)
                                && text[m.start..m.end].starts_with(is_arabic_letter))
                                || speech_after)
                            && !text[m.end..t_start]
                                .split(|c: char| !is_word_char(c))
                                .any(|w| OWN_DEED_PRONOUNS.contains(&w))
                    };
                    says_that
                        || violent_family
                            && (((self.is_government(m) || ministry())
                                && (before.is_some_and(speech_word)
                                    || after.next().is_some_and(speech_word)
                                    || after.next().is_some_and(speech_word)))
                                || force_speaks())
                })
                .collect();
            // Alone in the sentence it stays: an event with no actor at all reads weaker.
            if speakers.contains(&false) {
                let mut speaking = speakers.into_iter();
                mentions.retain(|_| !speaking.next().unwrap_or(false));
            }
        }
        // "executed four men, accusing them of having collaborated with the army": forces
        // the victims are said to have served are neither side.
        if violent_family {
            let text = scan.norm.as_str();
            mentions.retain(|m| {
                !(is_force(self.mention_kind(m))
                    && m.start > t_end
                    && serves_forces(text, t_end, m.start))
            });
        }
        let (mut a1, mut a2) = self.assign_roles(
            scan,
            &in_sentence,
            &mentions,
            t_start,
            t_end,
            violent_family,
        );
        // "au moins vingt de nos éléments sont tombés, dont des VDP", "including two
        // soldiers": people named after "including" are among the dead, not their killers.
        if violent_family
            && a1.as_ref().is_some_and(|m| {
                matches!(m.refs[0], ActorRef::Named(_)) && included(scan.norm.as_str(), m.start)
            })
        {
            if a2.is_none() {
                a2 = a1.take();
            } else {
                a1 = None;
            }
        }
        let resolve = |m: &ActorMention| -> Option<Slot> {
            let admin1 = place.and_then(|i| scan.places[i].admin1.as_deref());
            let resolved = self.resolve_mention(&scan.matches, m, country, admin1, event_date);
            let mut kind = self.mention_kind(m);
            // A state's forces acting in another country are external forces in ACLED (inter 8).
            if kind == ActorKind::State {
                if let (Some(own), Some(here)) = (
                    resolved.as_ref().and_then(|r| r.country.as_deref()),
                    country,
                ) {
                    if own != here {
                        kind = ActorKind::External;
                    }
                }
            }
            let unidentified = match m.refs[..] {
                [ActorRef::Generic(g @ (GenericRole::Unidentified | GenericRole::Militants))] => {
                    !m.definite || self.antecedent(&scan.matches, m.start, g).is_none()
                }
                [ActorRef::Generic(GenericRole::GroupAnaphor)] => self
                    .antecedent(&scan.matches, m.start, GenericRole::GroupAnaphor)
                    .is_none(),
                _ => false,
            };
            let mut name = resolved.map(|r| r.name);
            // ACLED named unattributed "Islamists", "jihadists" and "militants" "Islamist
            // Militia (Country)" from 2016 to 2018, and an unidentified armed group before and
            // after.
            if let ([ActorRef::Generic(GenericRole::Militants)], Some(c), Some(d)) =
                (&m.refs[..], country, event_date)
            {
                let said = &scan.norm.as_str()[m.start..m.end];
                if unidentified
                    && (2016..=2018).contains(&d.year())
                    && ISLAMIST_WORDS.iter().any(|w| said.contains(w))
                {
                    name = Some(format!("Islamist Militia ({c})"));
                }
            }
            Some(Slot {
                kind,
                name,
                span: Some((m.start, m.end)),
                unidentified,
            })
        };
        let mut actor1 = a1.take().and_then(|m| resolve(&m));
        let mut actor2 = a2.take().and_then(|m| resolve(&m));
        // "tués lors d'une attaque de Boko Haram", "a JNIM attack": the armed group named with
        // the attack noun is its author, whatever the clause made of it.
        if violent_family && unknown_perpetrator(&actor1) {
            let text = scan.norm.as_str();
            let author = in_sentence
                .iter()
                .filter(|c| c.target == Target::Cue(Cue::Attack))
                .find_map(|c| {
                    mentions.iter().find(|m| {
                        let group = matches!(m.refs[..], [ActorRef::Named(id)] if {
                            let k = self.lexicon.actor(id).kind;
                            k.is_armed() && !is_force(k)
                        });
                        group
                            && ((m.start >= c.end
                                && matches!(
                                    text[c.end..m.start].trim(),
                                    "de" | "du" | "des" | "de l'" | "by"
                                ))
                                || (m.end <= c.start && text[m.end..c.start].trim().is_empty()))
                    })
                });
            if let Some(m) = author {
                if actor2.as_ref().and_then(|a| a.span) != Some((m.start, m.end)) {
                    actor1 = resolve(m);
                }
            }
        }
        let mention_at = |slot: &Option<Slot>| {
            slot.as_ref()
                .and_then(|a| a.span)
                .and_then(|sp| mentions.iter().find(|m| (m.start, m.end) == sp))
        };
        let mut assoc1 = None;
        // A second actor before the trigger joined by "and" is an associate of actor1.
        if let Some(a) = &actor1 {
            let side2 = actor2.as_ref().and_then(|s| s.span);
            if let Some(other) = mentions.iter().find(|m| {
                m.end <= t_start
                    && Some((m.start, m.end)) != a.span
                    && Some((m.start, m.end)) != side2
                    && {
                        let (s, e) = a.span.unwrap_or((0, 0));
                        let text = scan.norm.as_str();
                        m.end <= s && (scan.gap(m.end, s) <= 1 || coordinated(text, m.end, s))
                            || m.start >= e
                                && (scan.gap(e, m.start) <= 1
                                    || coordinated(text, e, m.start)
                                    || supported_by(scan, e, m.start))
                    }
            }) {
                if let Some(r) = resolve(other) {
                    if r.kind.is_armed() && r.name.is_some() && r.name != a.name {
                        // "VDP and soldiers", "les VDP et l'armée": the forces lead.
                        if mention_at(&actor1).is_some_and(|m| self.force_leads(m, &r)) {
                            assoc1 = actor1.replace(r).and_then(|a| a.name);
                        } else {
                            assoc1 = r.name;
                        }
                    }
                }
            }
        }
        // "Des frappes de drones de l'armée malienne et de l'Africa Corps ont tué 12 civils",
        // "des VDP et des soldats ont repoussé une attaque": forces and their allies are one
        // side. The ally is actor1's associate; the opponent is the next actor named after it.
        if let (Some(ma), Some(mb)) = (mention_at(&actor1), mention_at(&actor2)) {
            // A force killed in a passive clause ("a soldier was killed ...") is a victim,
            // whatever the other side.
            let passive_victim = mb.end <= t_start
                && in_sentence.iter().any(|c| {
                    c.target == Target::Cue(Cue::PassiveAux)
                        && c.end <= t_start
                        && scan.gap(c.end, t_start) == 0
                });
            if violent_family && !passive_victim && self.allied(ma, mb) {
                let own = actor1.as_ref().and_then(|a| a.name.clone());
                // The opponent: an actor named after the ally, else a non-state armed actor
                // anywhere in the sentence ("Presumed JNIM attack ... against joint MINUSMA
                // and FAMa forces").
                let opponent = |m: &&ActorMention| {
                    m.refs != ma.refs
                        && m.refs != mb.refs
                        && !self.allied(ma, m)
                        && !self.allied(mb, m)
                };
                let found = mentions
                    .iter()
                    .filter(|m| m.start >= mb.end.max(t_end))
                    .filter(opponent)
                    .chain(mentions.iter().filter(opponent).filter(|m| {
                        let k = self.mention_kind(m);
                        k.is_armed() && !is_force(k)
                    }))
                    .filter_map(resolve)
                    .find(|r| r.name.is_none() || r.name != own);
                // With no opponent named, a pair of allies is left as it stands (two forces
                // counted among the dead are both victims), unless they repelled an attack:
                // then the attacker is unnamed.
                if found.is_some() || repels(scan.norm.as_str(), t_start, t_end) {
                    let ally = std::mem::replace(&mut actor2, found);
                    if assoc1.is_none() {
                        assoc1 = ally.and_then(|a| a.name);
                    }
                }
            }
        }

        // The target after the verb, or before a passive one ("the checkpoint was attacked",
        // "a military convoy came under attack").
        // A headline drops the auxiliary: "Police station in Solle attacked by gunmen".
        let passive_trigger = in_sentence.iter().any(|c| {
            (c.target == Target::Cue(Cue::PassiveAux)
                && c.end <= t_start
                && scan.gap(c.end, t_start) == 0)
                || (c.target == Target::Cue(Cue::PassiveBy)
                    && c.start >= t_end
                    && match scan.gap(t_end, c.start) {
                        0 => true,
                        1..=3 => !scan.norm.as_str()[t_end..c.start].contains([',', ';', '.']),
                        _ => false,
                    })
        });
        let objects = |cue: Cue| {
            in_sentence.iter().any(|m| {
                m.target == Target::Cue(cue)
                    && (m.start >= t_start
                        || (cue == Cue::MilObject
                            && m.end <= t_start
                            && (scan.gap(m.end, t_start) <= 2
                                || (passive_trigger && scan.gap(m.end, t_start) <= 5))
                            && !mentions
                                .iter()
                                .any(|a| a.start >= m.end && a.end <= t_start)))
            })
        };
        let generic = |role: GenericRole| -> Option<Slot> {
            let name = self
                .lexicon
                .resolve_generic(role, country, event_date)
                .map(|r| r.name);
            Some(Slot {
                kind: role.kind(),
                name,
                span: None,
                unidentified: matches!(role, GenericRole::Unidentified | GenericRole::Militants),
            })
        };
        let militants_named = mentions.iter().any(|m| {
            matches!(
                m.refs[0],
                ActorRef::Generic(GenericRole::Militants | GenericRole::Unidentified)
            ) || matches!(m.refs[0], ActorRef::Named(id) if {
                let k = self.lexicon.actor(id).kind;
                k.is_armed() && !is_force(k)
            })
        });
        // "ولم تعلن أي جهة مسؤوليتها", "no group has claimed it": a denied claim names no one.
        let negated = |m: &Match| {
            in_sentence.iter().any(|n| {
                n.target == Target::Cue(Cue::Negation)
                    && n.end <= m.start
                    && scan.gap(n.end, m.start) <= MODALITY_WINDOW
            })
        };
        let claims = in_sentence
            .iter()
            .filter(|m| m.target == Target::Cue(Cue::Claim));
        // "ISWAP ... claimed to have killed 20 soldiers": an armed group's boast about its
        // deed is its claim (a hedge elsewhere: "a man who claimed to have seen them").
        // "JNIM ... said it had killed 21 soldiers", "a affirmé avoir tué": the same told as
        // its own word.
        let group_before = |at: usize| {
            in_sentence.iter().any(|m| {
                m.end <= at
                    && matches!(m.target, Target::Actor(id) if {
                        let k = self.lexicon.actor(id).kind;
                        k.is_armed() && !is_force(k)
                    })
            })
        };
        let boast = in_sentence.iter().any(|h| {
            h.target == Target::Cue(Cue::Hedge)
                && scan.norm.as_str()[h.start..h.end].starts_with("claim")
                && group_before(h.start)
        }) || in_sentence
            .iter()
            .any(|m| matches!(m.target, Target::Cue(Cue::Kill | Cue::Neutralise)))
            && {
                static SAID_KILLED: std::sync::LazyLock<AhoCorasick> =
                    std::sync::LazyLock::new(|| {
                        AhoCorasick::new(SAID_IT_KILLED).expect("boast phrases compile")
                    });
                SAID_KILLED
                    .find_iter(&scan.norm.as_str()[start..end])
                    .any(|m| group_before(start + m.start()))
            };
        let cue_set_claim = boast || claims.clone().any(|m| !negated(m));
        let unclaimed = claims.clone().any(negated);
        let kill_present = cue_set.iter().any(|c| matches!(c, Cue::Kill | Cue::Dead));

        // "The militants attacked ... the assailants fled": one actor named twice is not its own
        // opponent.
        // But "one of the assailants was killed" says someone fought back: a battle.
        let mut fought_back = false;
        if actor1.is_some()
            && actor2.as_ref().is_some_and(|b| {
                b.name.is_some() && actor1.as_ref().is_some_and(|a| a.name == b.name)
            })
        {
            if let Some((s2, e2)) = actor2.as_ref().and_then(|b| b.span) {
                fought_back = in_sentence.iter().any(|m| {
                    matches!(
                        m.target,
                        Target::Cue(Cue::Kill | Cue::Dead | Cue::Wound | Cue::Neutralise)
                    ) && (m.start >= e2 && scan.gap(e2, m.start) <= 2
                        // "killing two of the assailants"; in Arabic a verb before the noun
                        // has it as subject ("قتل المسلحون").
                        || m.end <= s2
                            && scan.gap(m.end, s2) <= 2
                            && !scan.norm.as_str()[s2..e2]
                                .starts_with(|c: char| ('\u{0600}'..='\u{06FF}').contains(&c)))
                        && m.start != t_start
                });
            }
            actor2 = None;
        }
        // Government officials (prefects, mayors) are unarmed targets: attacking them is
        // violence against civilians in ACLED, not a battle.
        let is_government = |s: &Option<Slot>| {
            s.as_ref()
                .and_then(|a| a.name.as_deref())
                .is_some_and(|n| n.starts_with("Government of"))
        };
        // The forces a crowd rioted against: those of the post it burnt or wrecked (within
        // `reach` words of the verb), else those who dispersed it in this sentence or the next.
        let riot_target = |reach: usize| -> Option<GenericRole> {
            let text = scan.norm.as_str();
            let post = in_sentence.iter().find(|m| {
                m.target == Target::Cue(Cue::MilObject)
                    && m.start >= t_end
                    && scan.gap(t_end, m.start) <= reach
                    && !is_convoy(&text[m.start..m.end])
            });
            let dispersed = || {
                in_sentence.iter().any(|m| dispersal(text, m))
                    || within(&scan.matches, end, ctx.next_end, |m| m.start)
                        .iter()
                        .any(|m| dispersal(text, m))
            };
            match post {
                Some(m) => Some(installation_role(&text[m.start..m.end])),
                None => dispersed().then_some(GenericRole::Police),
            }
        };
        let sub = match family {
            Family::Fixed(s) => {
                let mut s = s;
                match s.event_type() {
                    // Rioters riot; whoever else was named is their target.
                    rasd_model::EventType::Riots
                        if actor1.as_ref().is_none_or(|a| a.kind != ActorKind::Rioters) =>
                    {
                        if let Some(a) = actor1.take() {
                            if actor2.is_none() {
                                actor2 = Some(a);
                            }
                        }
                        actor1 = generic(GenericRole::Rioters);
                    }
                    rasd_model::EventType::ExplosionsRemoteViolence
                    | rasd_model::EventType::ViolenceAgainstCivilians => {
                        // Mines and IEDs are laid by armed groups: soldiers or civilians named
                        // with one are its victims unless the text says who planted it.
                        // Armed groups have no aircraft: with an air strike, forces named
                        // anywhere in the sentence are actor1 and the group is the target ("the
                        // Air Force said its jets killed dozens of Boko Haram fighters").
                        // Armed groups fly drones too: there, only a group that is the
                        // object of the killing ("killed dozens of terrorists in drone
                        // strikes") gives way.
                        let object_of_killing =
                            actor1.as_ref().and_then(|a| a.span).is_some_and(|(s1, _)| {
                                in_sentence.iter().any(|m| {
                                    matches!(m.target, Target::Cue(Cue::Kill | Cue::Neutralise))
                                        && m.end <= s1
                                })
                            });
                        if s == SubEventType::AirDroneStrike
                            && (cue_set.contains(&Cue::Airstrike) || object_of_killing)
                            && actor1.as_ref().is_none_or(|a| !is_force(a.kind))
                        {
                            if let Some(f) = mentions
                                .iter()
                                .find(|m| is_force(self.mention_kind(m)))
                                .and_then(resolve)
                            {
                                let old = actor1.take();
                                if actor2.as_ref().is_none_or(|a| a.name == f.name) {
                                    actor2 = old;
                                }
                                actor1 = Some(f);
                            }
                        }
                        // No state force lays mines or sends suicide bombers in ACLED's Sahel:
                        // forces named with one are its victims.
                        let laid = matches!(
                            s,
                            SubEventType::RemoteExplosiveLandmineIed | SubEventType::SuicideBomb
                        );
                        if actor1.as_ref().is_some_and(|a| {
                            a.kind == ActorKind::Civilians || (laid && is_force(a.kind))
                        }) {
                            let victim = actor1.take();
                            if actor2
                                .as_ref()
                                .is_some_and(|a| a.kind.is_armed() && !is_force(a.kind))
                            {
                                actor1 = actor2.take();
                            }
                            actor2 = victim;
                        }
                        // "MUJAO killed 2 civilians ... with landmines", "Ansar Dine militants
                        // launched an attack ..., initiated by a suicide car bomb": a named
                        // armed group that is the sentence's subject laid the device.
                        if actor1.is_none() {
                            let a2_span = actor2.as_ref().and_then(|a| a.span);
                            actor1 = mentions
                                .iter()
                                .filter(|m| m.end <= t_start && Some((m.start, m.end)) != a2_span)
                                // "a vehicle carrying MSA militiamen was struck by an IED":
                                // the subject of a passive verb in its own clause is hit.
                                .filter(|m| {
                                    !in_sentence.iter().any(|c| {
                                        c.target == Target::Cue(Cue::PassiveAux)
                                            && c.start >= m.end
                                            && c.end <= t_start
                                            && !scan.norm.as_str()[m.end..c.start]
                                                .contains([',', ';'])
                                    })
                                })
                                .find(|m| {
                                    matches!(m.refs[0], ActorRef::Named(id) if {
                                        let k = self.lexicon.actor(id).kind;
                                        k.is_armed() && !is_force(k)
                                    })
                                })
                                .and_then(resolve);
                        }
                        if actor1.is_none() {
                            actor1 = generic(GenericRole::Unidentified);
                        }
                        // "mortar shells were fired at the military camp in Sevare", "an IED
                        // targeted the gendarmerie post": a post or camp that is aimed at
                        // stands for the forces in it.
                        if actor2.is_none()
                            && s.event_type() == rasd_model::EventType::ExplosionsRemoteViolence
                            && actor1.as_ref().is_some_and(|a| !is_force(a.kind))
                        {
                            let text = scan.norm.as_str();
                            if let Some(m) = in_sentence.iter().find(|m| {
                                m.target == Target::Cue(Cue::MilObject)
                                    && m.start >= t_end
                                    && !is_convoy(&text[m.start..m.end])
                            }) {
                                actor2 = generic(installation_role(&text[m.start..m.end]));
                            }
                        }
                        if actor2.is_none()
                            && s.event_type() == rasd_model::EventType::ViolenceAgainstCivilians
                        {
                            actor2 = generic(GenericRole::Civilians);
                        }
                    }
                    // "Dozens of young people set fire to the police post ... Police fired tear
                    // gas to disperse them": a crowd that burns or wrecks a post of the forces,
                    // or that the forces disperse, riots (ACLED: violent demonstration), with
                    // no armed group beside it.
                    rasd_model::EventType::StrategicDevelopments
                        if s == SubEventType::LootingPropertyDestruction
                            && actor1.as_ref().is_some_and(|a| {
                                a.kind == ActorKind::Civilians
                                    && a.span.is_some_and(|(_, e)| e <= t_start)
                            })
                            && !mentions.iter().any(|m| {
                                let k = self.mention_kind(m);
                                k.is_armed() && !is_force(k)
                            }) =>
                    {
                        if let Some(role) = riot_target(2) {
                            s = SubEventType::ViolentDemonstration;
                            actor1 = generic(GenericRole::Rioters);
                            actor2 = generic(role);
                        }
                    }
                    // "Un accord a été conclu dimanche à Monimpébougou entre des représentants des
                    // chasseurs dozos et des émissaires de la katiba Macina": the parties follow
                    // "between"; a community that signs with an armed group comes second.
                    rasd_model::EventType::StrategicDevelopments
                        if s == SubEventType::Agreement =>
                    {
                        let text = scan.norm.as_str();
                        let between = [" between ", " entre ", " بين "]
                            .iter()
                            .filter_map(|w| Some(t_end + text[t_end..end].find(w)? + w.len()))
                            .min()
                            .filter(|&at| !text[t_end..at].contains(['.', ';']));
                        if let Some(at) = between {
                            let mut parties = mentions.iter().filter(|m| m.start >= at);
                            let first = parties.next();
                            let second = first.and_then(|a| parties.find(|m| m.refs != a.refs));
                            if let (Some(a), Some(b)) =
                                (first.and_then(resolve), second.and_then(resolve))
                            {
                                actor1 = Some(a);
                                actor2 = Some(b);
                            }
                        }
                        let armed = |a: &Option<Slot>| {
                            a.as_ref()
                                .is_some_and(|a| a.kind.is_armed() && !is_force(a.kind))
                        };
                        if actor1
                            .as_ref()
                            .is_some_and(|a| a.kind == ActorKind::Civilians)
                            && armed(&actor2)
                        {
                            std::mem::swap(&mut actor1, &mut actor2);
                        }
                    }
                    // "Fighters of the Islamic State entered Inekar a day after the army
                    // withdrew", "soldiers pulled out and dozens of armed men arrived": the
                    // group that takes the ground forces leave is ACLED's actor1 of the
                    // transfer, the forces that left its actor2.
                    rasd_model::EventType::StrategicDevelopments
                        if tags.contains(&"withdrawal")
                            && actor1.as_ref().is_some_and(|a| is_force(a.kind)) =>
                    {
                        let taker = if actor2
                            .as_ref()
                            .is_some_and(|a| a.kind.is_armed() && !is_force(a.kind))
                        {
                            actor2.take()
                        } else {
                            mentions
                                .iter()
                                .filter(|m| {
                                    let k = self.mention_kind(m);
                                    k.is_armed() && !is_force(k)
                                })
                                .find_map(resolve)
                        };
                        if let Some(t) = taker {
                            actor2 = actor1.replace(t);
                        }
                    }
                    _ => {}
                }
                // "Angry youths set fire to a police checkpoint ... Police fired tear gas to
                // disperse them": the post burnt, or the forces that disperse the rioters,
                // are the other side.
                if s == SubEventType::ViolentDemonstration && actor2.is_none() {
                    if let Some(role) = riot_target(usize::MAX) {
                        actor2 = generic(role);
                    }
                }
                s
            }
            Family::Protest => {
                let state = [&actor1, &actor2]
                    .into_iter()
                    .flatten()
                    .find(|a| a.kind == ActorKind::State)
                    .cloned();
                // Whoever shoots at the crowd: forces, or gunmen of any side.
                // "gunmen in Timbuktu opened fire on residents protesting": an armed subject just
                // before a past attack verb; "marched in support of the forces amid attacks" is not.
                let attack_at = event_cues
                    .iter()
                    .find(|c| c.0 == Cue::Attack && past_verb(scan.norm.as_str(), c.1, c.2))
                    .map(|c| c.1);
                let shooter = [&actor1, &actor2]
                    .into_iter()
                    .flatten()
                    .find(|a| {
                        a.kind.is_armed()
                            && a.span.is_some_and(|(_, e)| {
                                attack_at.is_some_and(|t| e <= t && scan.gap(e, t) <= 4)
                            })
                    })
                    .cloned();
                let violence_on_crowd = attack_at.is_some();
                let protesters = [&actor1, &actor2]
                    .into_iter()
                    .flatten()
                    .find(|a| a.kind == ActorKind::Protesters)
                    .cloned();
                actor1 = protesters.or_else(|| generic(GenericRole::Protesters));
                // "Hundreds protested. Police fired tear gas.": the intervention may follow.
                // "Protesters were arrested while holding a sit-in": arrests of the crowd too
                // (not "demanded the release of people arrested").
                let text = scan.norm.as_str();
                let intervened = in_sentence.iter().any(|m| dispersal(text, m))
                    || protesters_arrested(scan, &in_sentence)
                    || within(&scan.matches, end, ctx.next_end, |m| m.start)
                        .iter()
                        .any(|m| m.target == Target::Cue(Cue::Arrest) || dispersal(text, m));
                if (kill_present && (intervened || state.is_some()))
                    || (violence_on_crowd && shooter.is_some())
                {
                    actor2 = shooter.or(state).or_else(|| generic(GenericRole::Police));
                    SubEventType::ExcessiveForceAgainstProtesters
                } else if intervened {
                    actor2 = state.or_else(|| generic(GenericRole::Police));
                    SubEventType::ProtestWithIntervention
                } else {
                    actor2 = None;
                    SubEventType::PeacefulProtest
                }
            }
            Family::Arrest => {
                // "The army and its Russian partners led an operation ... several suspects were
                // arrested": with state forces in the sentence, the arrest is theirs.
                if actor1.as_ref().is_none_or(|a| a.kind != ActorKind::State) {
                    if let Some(f) = mentions
                        .iter()
                        .find(|m| self.mention_kind(m) == ActorKind::State)
                        .and_then(resolve)
                    {
                        if actor1.as_ref().is_some_and(|a| a.kind.is_armed()) {
                            assoc1 = actor1.take().and_then(|a| a.name);
                        }
                        actor1 = Some(f);
                    }
                }
                // Foreign forces arrest too (ACLED: arrests by external forces).
                let armed_non_state = actor1
                    .as_ref()
                    .is_some_and(|a| a.kind.is_armed() && !is_force(a.kind));
                if armed_non_state {
                    if actor2.is_none() {
                        actor2 = generic(GenericRole::Civilians);
                    }
                    SubEventType::AbductionForcedDisappearance
                } else {
                    if actor1.is_none() {
                        actor1 = generic(GenericRole::Police);
                    }
                    SubEventType::Arrests
                }
            }
            Family::TerritoryTaken => {
                // Government forces or their affiliates (VDP, pro-government militias) regain.
                let affiliate = actor1.as_ref().and_then(|a| a.span).is_some_and(|span| {
                    mentions
                        .iter()
                        .any(|m| (m.start, m.end) == span && self.pro_government(m))
                });
                let state = actor1.as_ref().is_some_and(|a| is_force(a.kind)) || affiliate;
                // Territory changing hands with no fighting told is ACLED's non-violent transfer
                // (a battle needs violence).
                let fighting = within(&scan.matches, ctx.window_start, ctx.next_end, |m| m.start)
                    .iter()
                    .any(|m| {
                        matches!(
                            m.target,
                            Target::Cue(
                                Cue::Attack
                                    | Cue::Clash
                                    | Cue::Kill
                                    | Cue::Dead
                                    | Cue::Wound
                                    | Cue::Neutralise
                                    | Cue::Shelling
                                    | Cue::Airstrike
                            )
                        )
                    });
                // "seized Tinzaouaten from the Islamists", "seized control of Douentza following
                // a long occupation by rebels": a place taken from an armed group is taken by
                // force. (A bare "regained control", with no fighting told, is ACLED's
                // non-violent transfer as often as a regain.)
                let from_armed = mentions.iter().any(|m| {
                    m.start >= t_end
                        && self.mention_kind(m).is_armed()
                        && actor1
                            .as_ref()
                            .is_none_or(|a| a.span != Some((m.start, m.end)))
                        && {
                            let pre = scan.norm.as_str()[..m.start].trim_end();
                            let pre = pre.strip_suffix("the").map_or(pre, str::trim_end);
                            pre.ends_with(" from") || pre.ends_with(" occupation by")
                        }
                });
                // "after overrunning the local army base": a manned post of the forces is not
                // handed over to a group (one they "withdrew from" is).
                let post = objects(Cue::MilObject);
                let withdrawn = in_sentence
                    .iter()
                    .any(|m| m.target == Target::Cue(Cue::Withdraw));
                let stormed_post = !state
                    && actor1.as_ref().is_some_and(|a| a.kind.is_armed())
                    && post
                    && !withdrawn
                    && !scan.norm.as_str()[start..end]
                        .split(|c: char| !is_word_char(c))
                        .any(|w| EMPTY_POST.contains(&w));
                if !fighting && !from_armed && !stormed_post {
                    SubEventType::NonViolentTransferOfTerritory
                } else if state {
                    SubEventType::GovernmentRegainsTerritory
                } else {
                    // "took control of Sebba after overrunning the local army base": the
                    // forces of the base lost the town.
                    if post
                        && actor2
                            .as_ref()
                            .is_none_or(|a| a.kind == ActorKind::Civilians)
                    {
                        actor2 = generic(GenericRole::Military);
                    }
                    SubEventType::NonStateActorOvertakesTerritory
                }
            }
            // "Clashes between farmers and herders", "des affrontements entre agriculteurs et
            // éleveurs": ACLED codes a fight between farming and herding communities as a battle
            // between their communal militias (ethnic militias when the groups are named).
            Family::Violence { .. }
                if !weak
                    && cue_set.contains(&Cue::Clash)
                    && !mentions.iter().any(|m| self.mention_kind(m).is_armed())
                    && farmers_and_herders(&scan.norm.as_str()[start..end]) =>
            {
                let groups = ethnic_groups(&scan.norm.as_str()[start..end]);
                let home = country.or_else(|| groups.iter().find_map(|g| self.ethnic_home(g)));
                let mut militias = groups
                    .iter()
                    .filter_map(|g| self.ethnic_militia(g, home, event_date));
                actor1 = militias
                    .next()
                    .or_else(|| generic(GenericRole::CommunalMilitia));
                actor2 = militias
                    .next()
                    .or_else(|| generic(GenericRole::CommunalMilitia));
                SubEventType::ArmedClash
            }
            // Residents, youths or villagers who attack or fight, as the subject before the verb
            // and with no armed group beside them, are a mob (ACLED: mob violence by rioters).
            Family::Violence { .. }
                if !weak
                    && !war_weapon
                    && actor1.as_ref().is_some_and(|a| {
                        a.kind == ActorKind::Civilians && a.span.is_some_and(|(_, e)| e <= t_start)
                    })
                    && actor2
                        .as_ref()
                        .is_none_or(|a| !a.kind.is_armed() || is_force(a.kind))
                    && trigger != Cue::Kill
                    && !mentions.iter().any(|m| {
                        let k = self.mention_kind(m);
                        (k.is_armed() && !is_force(k)) || (is_force(k) && m.end <= t_start)
                    }) =>
            {
                actor1 = generic(GenericRole::Rioters);
                if actor2.as_ref().is_some_and(|a| is_force(a.kind)) {
                    // "students clashed with police": a crowd fighting the forces riots.
                    SubEventType::ViolentDemonstration
                } else {
                    if actor2.is_none() {
                        actor2 = generic(GenericRole::Civilians);
                    }
                    SubEventType::MobViolence
                }
            }
            // "Clashes between students and police forces", "des heurts entre jeunes et
            // gendarmes": a crowd fighting the forces, with no armed group named, riots.
            Family::Violence { two_sided: true }
                if !weak
                    && !war_weapon
                    && trigger == Cue::Clash
                    && !mentions.iter().any(|m| {
                        let k = self.mention_kind(m);
                        k.is_armed() && !is_force(k)
                    })
                    && mentions.iter().any(|m| {
                        self.mention_kind(m) == ActorKind::Civilians && {
                            let said = &scan.norm.as_str()[m.start..m.end];
                            MOB_PARTIES.iter().any(|w| has_phrase(said, w))
                        }
                    })
                    && mentions.iter().any(|m| is_force(self.mention_kind(m))) =>
            {
                actor1 = generic(GenericRole::Rioters);
                actor2 = mentions
                    .iter()
                    .find(|m| is_force(self.mention_kind(m)))
                    .and_then(resolve);
                SubEventType::ViolentDemonstration
            }
            // "clashes between students of two faculties", "opposing political groups
            // clashed": a fight between unarmed groups, with no armed actor named, is mob
            // violence between rioters.
            Family::Violence { two_sided: true }
                if !weak
                    && !mentions.iter().any(|m| self.mention_kind(m).is_armed())
                    && !war_weapon
                    && {
                        let text = &scan.norm.as_str()[start..end];
                        MOB_PARTIES.iter().any(|w| has_phrase(text, w))
                    } =>
            {
                actor1 = generic(GenericRole::Rioters);
                actor2 = generic(GenericRole::Rioters);
                SubEventType::MobViolence
            }
            Family::Violence { two_sided } => {
                // "French forces carried out an operation near In-Ates against ISGS militants,
                // seven militants were killed": with the victims told in the passive and no
                // agent, the armed subject that opens the sentence did it.
                if actor1.as_ref().is_none_or(|a| a.span.is_none()) {
                    let victim = actor2.as_ref().and_then(|a| a.span);
                    let text = scan.norm.as_str();
                    let opener = mentions.iter().find(|m| m.start >= start).filter(|m| {
                        m.start < t_start
                            && self.mention_kind(m).is_armed()
                            && victim.is_none_or(|(s, e)| m.end <= s || e <= m.start)
                            && !in_sentence.iter().any(|c| {
                                matches!(c.target, Target::Cue(k) if !k.is_grammar() && !k.is_modality())
                                    && c.end <= m.start
                            })
                            && !after_preposition(text, m.start)
                            // "a MINUSMA vehicle was struck by an IED": the patient of a
                            // passive verb of its own.
                            && !in_sentence.iter().any(|c| {
                                c.target == Target::Cue(Cue::PassiveAux)
                                    && c.start >= m.end
                                    && scan.gap(m.end, c.start) <= 2
                            })
                            // Not itself a subject of the passive ("A soldier and a civilian
                            // were killed in an ambush"): a clause break or a verb of its own
                            // stands between.
                            && (text[m.end..t_start].contains([',', ';'])
                                || in_sentence.iter().any(|c| {
                                    matches!(c.target, Target::Cue(k) if !k.is_grammar() && !k.is_modality())
                                        && c.start >= m.end
                                        && c.end <= victim.map_or(t_start, |v| v.0)
                                }))
                            && !scan
                                .numbers
                                .iter()
                                .any(|n| n.end <= m.start && scan.gap(n.end, m.start) == 0)
                    });
                    if let Some(slot) = opener.and_then(resolve) {
                        if actor2.as_ref().is_none_or(|a| a.name != slot.name) {
                            actor1 = Some(slot);
                        }
                    }
                }
                // Civilians are targets, not perpetrators, of organised violence.
                if actor1
                    .as_ref()
                    .is_some_and(|a| a.kind == ActorKind::Civilians)
                {
                    let victim = actor1.take();
                    if actor2.as_ref().is_some_and(|a| a.kind.is_armed()) {
                        actor1 = actor2.take();
                    } else if let Some(v) = victim.as_ref().and_then(|v| v.span) {
                        // "Malian soldiers kidnapped seven farmers and detained them, carrying
                        // out torture": the armed subject named before the victims did it.
                        actor1 = mentions
                            .iter()
                            .rev()
                            .find(|m| {
                                m.end <= v.0
                                    && m.start >= start
                                    && self.mention_kind(m).is_armed()
                                    && in_sentence.iter().any(|c| {
                                        matches!(c.target, Target::Cue(cue) if cue.is_violent_act())
                                            && c.start >= m.end
                                            && c.end <= v.0
                                            && scan.gap(m.end, c.start) <= 2
                                    })
                            })
                            .and_then(resolve);
                    }
                    actor2 = victim;
                }
                let armed = |s: &Option<Slot>| s.as_ref().is_some_and(|a| a.kind.is_armed());
                let civ = |s: &Option<Slot>| {
                    s.as_ref().is_some_and(|a| {
                        matches!(a.kind, ActorKind::Civilians | ActorKind::Protesters)
                    })
                };
                if actor1.is_none() {
                    actor1 = generic(GenericRole::Unidentified);
                }
                let harm = cue_set.iter().any(|c| {
                    matches!(
                        c,
                        Cue::Kill
                            | Cue::Dead
                            | Cue::Wound
                            | Cue::Neutralise
                            | Cue::Abduct
                            | Cue::Sexual
                    )
                });
                // "assaulted villagers, burned a bar", "whipped them ... and torched their
                // trucks": bodily violence beside the looting makes an attack on people.
                let bodily = in_sentence.iter().any(|m| {
                    m.target == Target::Cue(Cue::Attack) && {
                        let text = scan.norm.as_str();
                        let w = &text[m.start..m.end];
                        // Shooting at people or at their vehicle attacks them even when no
                        // one is hit ("opened fire on herders"; not "opened fire in the
                        // village", nor at a building).
                        let shot_at = SHOOT.contains(&w) && {
                            let mut next = text[m.end..]
                                .split(|c: char| !is_word_char(c))
                                .filter(|x| !x.is_empty());
                            let prep = next.next().unwrap_or("");
                            let mut object = next.next().unwrap_or("");
                            if matches!(
                                object,
                                "the" | "a" | "an" | "les" | "la" | "le" | "des" | "un" | "une"
                            ) {
                                object = next.next().unwrap_or("");
                            }
                            (w.starts_with("fired ")
                                || matches!(
                                    prep,
                                    "on" | "at" | "against" | "upon" | "sur" | "contre"
                                ))
                                && !BUILDINGS.iter().any(|b| object.starts_with(b))
                        };
                        shot_at || BODILY.iter().any(|b| w.starts_with(b))
                    }
                });
                let property = cue_set
                    .iter()
                    .any(|c| matches!(c, Cue::Loot | Cue::Burn | Cue::Destroy));
                // "wounded two villagers by gunfire": shots at named civilians, with no other
                // sign of a fight and no bomb or shell, are one-sided.
                let lone_gunfire = two_sided
                    && !war_weapon
                    && civ(&actor2)
                    && actor2.as_ref().is_some_and(|a| a.span.is_some())
                    && in_sentence
                        .iter()
                        .filter(|m| m.target == Target::Cue(Cue::Clash))
                        .all(|m| GUNFIRE.contains(&&scan.norm.as_str()[m.start..m.end]));
                // Soldiers among the dead or the targets make it a battle ("3 soldiers and 1
                // civilian were killed when FLM attacked").
                let armed_target = mentions.iter().any(|m| {
                    let k = self.mention_kind(m);
                    let government = match m.refs[0] {
                        ActorRef::Named(id) => {
                            self.lexicon.actor(id).name.starts_with("Government of")
                        }
                        ActorRef::Generic(g) => g == GenericRole::Government,
                    };
                    is_force(k)
                        && !government
                        && actor1
                            .as_ref()
                            .is_none_or(|a| a.span != Some((m.start, m.end)) && !is_force(a.kind))
                        // "killed a woman accused of collaborating with the army": forces
                        // named as what the victim was accused of serving are not targets.
                        && !serves_forces(scan.norm.as_str(), start, m.start)
                });
                // "shot dead three peacekeepers on leave", "un gendarme en permission": armed
                // personnel out of combat are attacked, not fought (ACLED: violence against
                // civilians).
                // "A soldier was shot outside his home", "tué à son domicile": killed at home,
                // out of combat (looked up once per sentence).
                let at_home = armed_target
                    && !two_sided
                    && !fought_back
                    && find_word_phrase(scan.norm.as_str(), start, end, &self.at_home).is_some();
                let off_duty = armed_target
                    && !two_sided
                    && !fought_back
                    && mentions
                        .iter()
                        .filter(|m| {
                            self.mention_kind(m).is_armed()
                                && actor1
                                    .as_ref()
                                    .is_none_or(|a| a.span != Some((m.start, m.end)))
                        })
                        .all(|m| {
                            let text = scan.norm.as_str();
                            let lo = floor_char(text, m.start.saturating_sub(16).max(start));
                            let hi = floor_char(text, (m.end + 24).min(end));
                            at_home || OFF_DUTY.iter().any(|w| has_phrase(&text[lo..hi], w))
                        });
                // "attacked the border police station", "هاجم مسلحون مركزا للدرك": a military
                // or police installation as the direct object makes a battle, even when a
                // civilian was also hurt.
                let installation = if off_duty {
                    None
                } else {
                    in_sentence.iter().find(|m| {
                        // A convoy may carry miners or traders: only a post or unit counts.
                        m.target == Target::Cue(Cue::MilObject)
                            && !is_convoy(&scan.norm.as_str()[m.start..m.end])
                            && ((m.start >= t_end && scan.gap(t_end, m.start) <= 3)
                                || (passive_trigger
                                    && m.end <= t_start
                                    && scan.gap(m.end, t_start) <= 5))
                    })
                }
                .map(|m| installation_role(&scan.norm.as_str()[m.start..m.end]));
                // "attacked the police station ... ransacked and burned it": an attack on an
                // armed post is a battle in ACLED even when only property suffered.
                // (An empty post is property: "while it was unmanned", "abandonné".)
                let manned = installation.is_some()
                    && !scan.norm.as_str()[start..end]
                        .split(|c: char| !is_word_char(c))
                        .any(|w| EMPTY_POST.contains(&w));
                if property && !harm && !bodily && !two_sided && !armed(&actor2) && !manned {
                    // ACLED: an attack that harms no one but loots or burns is property destruction.
                    if actor2.is_none() {
                        actor2 = generic(GenericRole::Civilians);
                    }
                    SubEventType::LootingPropertyDestruction
                } else if actor2
                    .as_ref()
                    .is_some_and(|a| a.kind == ActorKind::Protesters)
                    && actor1.as_ref().is_some_and(|a| is_force(a.kind))
                {
                    // "Police opened fire on protesters": ACLED's excessive force, coded like
                    // every protest with the protesters as actor1.
                    std::mem::swap(&mut actor1, &mut actor2);
                    SubEventType::ExcessiveForceAgainstProtesters
                } else if off_duty {
                    SubEventType::Attack
                } else if (two_sided && !lone_gunfire) || armed_target || fought_back {
                    let text = scan.norm.as_str();
                    // "Clashes between Fulani herders and Mossi farmers": two communities named
                    // by their ethnic groups fight as their militias in ACLED.
                    if civ(&actor2) && actor1.as_ref().is_none_or(|a| a.span.is_none()) {
                        let groups = ethnic_groups(&text[start..end]);
                        if let [a, b, ..] = groups[..] {
                            // The Mossi live in Burkina Faso: their country is the Fulani's.
                            let home = country
                                .or_else(|| [a, b].into_iter().find_map(|g| self.ethnic_home(g)));
                            let (ma, mb) = (
                                self.ethnic_militia(a, home, event_date),
                                self.ethnic_militia(b, home, event_date),
                            );
                            if let (Some(ma), Some(mb)) = (ma, mb) {
                                actor1 = Some(ma);
                                actor2 = Some(mb);
                            }
                        }
                    }
                    // "Dozo hunters and Fulani herders clashed": people named by their ethnic
                    // group who fight are that group's militia in ACLED.
                    if let Some((s2, e2)) = actor2
                        .as_ref()
                        .filter(|a| a.kind == ActorKind::Civilians && armed(&actor1))
                        .and_then(|a| a.span)
                    {
                        if let Some(m) = ethnic_group(&text[s2..e2])
                            .and_then(|g| self.ethnic_militia(g, country, event_date))
                        {
                            actor2 = Some(Slot {
                                span: Some((s2, e2)),
                                ..m
                            });
                        }
                    }
                    if actor2.is_none() {
                        // A communal militia's fight with no other side named is with another
                        // community (ACLED's Sahel data: 100 of 131 such clashes), not with the
                        // army: the ethnic group named in the sentence, else an unidentified
                        // communal militia.
                        actor2 = if actor1
                            .as_ref()
                            .is_some_and(|a| a.kind == ActorKind::IdentityMilitia)
                        {
                            let own = actor1.as_ref().and_then(|a| a.name.clone());
                            text[start..end]
                                .split(|c: char| !is_word_char(c))
                                .filter_map(ethnic_group)
                                .filter_map(|g| self.ethnic_militia(g, country, event_date))
                                .find(|m| m.name.is_some() && m.name != own)
                                .or_else(|| generic(GenericRole::CommunalMilitia))
                        } else if actor1.as_ref().is_some_and(|a| is_force(a.kind)) {
                            // Forces that fight with no other side named fight an
                            // unidentified group, not themselves.
                            generic(GenericRole::Unidentified)
                        } else {
                            generic(GenericRole::Military)
                        };
                    }
                    SubEventType::ArmedClash
                } else if let Some(role) =
                    installation.filter(|_| !is_government(&actor2) && !armed(&actor2))
                {
                    // (A government that only announced the attack is no side of it.)
                    if actor1
                        .as_ref()
                        .is_some_and(|a| is_force(a.kind) && !government_slot(a))
                    {
                        actor2 = generic(GenericRole::Unidentified);
                    } else {
                        actor2 = generic(role);
                    }
                    SubEventType::ArmedClash
                } else if civ(&actor2) || is_government(&actor2) {
                    SubEventType::Attack
                } else if armed(&actor2) {
                    SubEventType::ArmedClash
                } else if objects(Cue::MilObject) {
                    if actor1
                        .as_ref()
                        .is_some_and(|a| is_force(a.kind) && !government_slot(a))
                    {
                        actor2 = generic(GenericRole::Unidentified);
                    } else {
                        actor2 = generic(GenericRole::Military);
                    }
                    SubEventType::ArmedClash
                } else if cue_set.contains(&Cue::Neutralise)
                    || (actor1.as_ref().is_some_and(|a| is_force(a.kind))
                        && (two_sided || militants_named))
                {
                    // Forces that "neutralise" or fight are in a battle; forces that kill or
                    // execute people with no armed opponent named commit violence against
                    // civilians (ACLED codes extrajudicial killings as attacks).
                    if actor2.is_none() && actor1.as_ref().is_some_and(|a| is_force(a.kind)) {
                        actor2 = generic(GenericRole::Unidentified);
                    }
                    SubEventType::ArmedClash
                } else {
                    if actor2.is_none() {
                        actor2 = generic(GenericRole::Civilians);
                    }
                    SubEventType::Attack
                }
            }
        };

        // "..., the device was likely planted by JNIM militants", "..., an attack
        // attributed to JNIM": a named armed group after "by" anywhere in the sentence did it.
        if sub.event_type().is_violent() && unknown_perpetrator(&actor1) {
            if let Some(g) = mentions
                .iter()
                .filter(|m| m.start >= t_end)
                .find(|m| {
                    let k = self.mention_kind(m);
                    let text = scan.norm.as_str();
                    k.is_armed()
                        && !is_force(k)
                        && matches!(m.refs[0], ActorRef::Named(_))
                        && in_sentence.iter().any(|c| {
                            (c.target == Target::Cue(Cue::PassiveBy)
                                && c.end <= m.start
                                && scan.gap(c.end, m.start) <= 1)
                                // "... were killed when gunmen from IS Sahel attacked a
                                // mosque": the subject of a later violent verb.
                                || (matches!(c.target, Target::Cue(k) if k.is_violent_act())
                                    && c.start >= m.end
                                    && scan.gap(m.end, c.start) == 0
                                    && !text[m.end..c.start].contains([',', ';']))
                                // "lors d'une attaque du JNIM", "une attaque de l'EIGS": the
                                // attack's own group.
                                || (matches!(c.target, Target::Cue(Cue::Attack | Cue::Clash))
                                    && c.end <= m.start
                                    && matches!(
                                        text[c.end..m.start].trim(),
                                        "du" | "de l'" | "de l" | "des" | "de la" | "d'" | "d"
                                    ))
                        })
                })
                .and_then(resolve)
            {
                if actor2.as_ref().is_some_and(|a| a.name == g.name) {
                    actor2 = None;
                }
                actor1 = Some(g);
            }
        }
        // "The strike carried out by AFRICOM ... the operation targeted", "les frappes de
        // l'armée": forces that strike, with no ground fighting told, strike from the air.
        let mut sub = sub;
        // "abducted seven people in an overnight raid": an attack on civilians that only
        // takes people is an abduction (ACLED codes the attack once someone dies).
        if sub == SubEventType::Attack
            && cue_set.contains(&Cue::Abduct)
            && ![Cue::Clash, Cue::Kill, Cue::Neutralise, Cue::Dead]
                .iter()
                .any(|c| cue_set.contains(c))
        {
            sub = SubEventType::AbductionForcedDisappearance;
        }
        // "abducted and beat a journalist", "wounded and abducted a guide": an abduction that
        // harms is an attack in ACLED (of the 41 development abductions told with a beating or
        // a wound, 25 are attacks and only 3 stay abductions).
        if sub == SubEventType::AbductionForcedDisappearance
            && (in_sentence
                .iter()
                .any(|m| m.target == Target::Cue(Cue::Wound))
                || scan.norm.as_str()[start..end]
                    .split(|c: char| !is_word_char(c))
                    .any(|w| HARMS.contains(&w)))
        {
            sub = SubEventType::Attack;
        }
        if matches!(sub, SubEventType::ArmedClash | SubEventType::Attack)
            && actor1.as_ref().is_some_and(|a| is_force(a.kind))
            && !cue_set.contains(&Cue::Clash)
        {
            let lo = floor_char(scan.norm.as_str(), ctx.window_start.min(start));
            let window = &scan.norm.as_str()[lo..end];
            if window.split(|c: char| !is_word_char(c)).any(|w| {
                STRIKE_NOUNS.contains(&w)
                    || w.strip_prefix('و')
                        .is_some_and(|w| STRIKE_NOUNS.contains(&w))
            }) {
                sub = SubEventType::AirDroneStrike;
                push_tag(&mut tags, "air_strike");
            }
        }
        let mut fatalities = casualties(scan, &in_sentence, start, end);
        // "protested after police killed a man", "burned a car that allegedly killed a
        // motorcyclist", "over the death of a youth": a death a protest or riot answers is its
        // cause, not its toll.
        if matches!(
            sub.event_type(),
            rasd_model::EventType::Protests | rasd_model::EventType::Riots
        ) {
            if let Some((_, Some((fs, _)))) = fatalities {
                let text = scan.norm.as_str();
                let lo = scan.word_starts[scan.word_index(fs).saturating_sub(6)].max(start);
                let before = &text[lo.min(fs)..fs];
                let clause = before.rsplit([',', ';', '(']).next().unwrap_or(before);
                // "over" only right before the death ("over the death of"), not "hand over".
                let over_the = ["over the", "over a", "over his", "over her"]
                    .iter()
                    .any(|p| clause.trim_end().ends_with(p));
                // "A man accused of stealing a goat was beaten to death by a crowd": in mob
                // violence the accusation is the victim's, and the death the mob's doing.
                let victim_accused =
                    |w: &str| sub == SubEventType::MobViolence && matches!(w, "accused" | "accuse");
                if over_the
                    || clause
                        .split(|c: char| !is_word_char(c))
                        .any(|w| PROTEST_CAUSES.contains(&w) && !victim_accused(w))
                {
                    fatalities = Some((0, None));
                }
            }
        }
        let mut assoc2 = None;
        // "15 soldiers were killed in an attack by JNIM", "قتل 15 جنديا في هجوم شنه مسلحون":
        // the side counted among the dead is the target; ACLED's actor1 is the attacker.
        if sub == SubEventType::ArmedClash {
            let counted_victim = |a: &Option<Slot>| {
                a.as_ref().and_then(|a| a.span).is_some_and(|(s, _)| {
                    fatalities.and_then(|f| f.1).is_some_and(|(ns, ne)| {
                        (ns <= s && s < ne)
                            || (ne <= s
                                && (scan.gap(ne, s) == 0
                                    || among_the_dead(&scan.norm.as_str()[ne..s])))
                    })
                })
            };
            if counted_victim(&actor1)
                && !counted_victim(&actor2)
                && actor2
                    .as_ref()
                    .is_some_and(|a| a.kind.is_armed() && (a.span.is_some() || a.unidentified))
            {
                // "14 soldiers and VDP were killed": the dead's associates go with them.
                std::mem::swap(&mut actor1, &mut actor2);
                std::mem::swap(&mut assoc1, &mut assoc2);
            }
        }
        // "troops discovered an IED planted by the terrorists": the force that disrupts the
        // weapon is ACLED's actor1, the group that laid it actor2.
        if sub == SubEventType::DisruptedWeaponsUse
            && actor2.as_ref().is_some_and(|a| is_force(a.kind))
            && actor1.as_ref().is_none_or(|a| !is_force(a.kind))
        {
            std::mem::swap(&mut actor1, &mut actor2);
            std::mem::swap(&mut assoc1, &mut assoc2);
        }
        // "The gendarmes repelled the attack", "les FAMa ont repoussé une attaque jihadiste":
        // ACLED's actor1 is the attacker (unidentified when unnamed); the forces that repelled
        // it, with their associates, are actor2.
        if sub == SubEventType::ArmedClash
            && repels(scan.norm.as_str(), t_start, t_end)
            && mention_at(&actor1).is_some_and(|m| {
                m.end <= t_start && (is_force(self.mention_kind(m)) || self.pro_government(m))
            })
        {
            let attacker = actor2
                .take()
                .filter(|a| a.kind.is_armed() && !is_force(a.kind));
            actor2 = actor1.take();
            actor1 = attacker.or_else(|| generic(GenericRole::Unidentified));
            assoc2 = assoc1.take();
        }
        // "The Malian army and Wagner repelled an attack by JNIM": allies named together are
        // one side, whichever role it plays. The first named leads, but a state's forces
        // lead the militia beside them.
        let ally_of = |slot: &Option<Slot>| -> Option<(Slot, bool)> {
            let m = mention_at(slot)?;
            let text = scan.norm.as_str();
            let ally = mentions.iter().find(|o| {
                self.allied(m, o)
                    && (coordinated(text, o.end, m.start) || coordinated(text, m.end, o.start))
            })?;
            let r = resolve(ally)?;
            let name = slot.as_ref().and_then(|a| a.name.as_ref());
            if r.name.is_none() || r.name.as_ref() == name {
                return None;
            }
            let lead = ally.end <= m.start || self.force_leads(m, &r);
            Some((r, lead))
        };
        for (slot, assoc) in [(&mut actor1, &mut assoc1), (&mut actor2, &mut assoc2)] {
            if assoc.is_some() {
                continue;
            }
            if let Some((r, lead)) = ally_of(slot) {
                *assoc = if lead {
                    slot.replace(r).and_then(|a| a.name)
                } else {
                    r.name
                };
            }
        }
        let in_sentence_span = |a: usize, b: usize| a >= start && b <= end;
        // Named actors anchor a report more than role nouns; "residents" or "a man" least.
        let actor_anchor = [&actor1, &actor2]
            .into_iter()
            .flatten()
            .filter(|a| a.span.is_some())
            .map(|a| {
                let named = mentions.iter().any(|m| {
                    Some((m.start, m.end)) == a.span && matches!(m.refs[0], ActorRef::Named(_))
                });
                let government = mentions.iter().any(|m| {
                    Some((m.start, m.end)) == a.span
                        && matches!(m.refs[0], ActorRef::Generic(GenericRole::Government))
                });
                match (named, a.kind) {
                    (true, _) => 0.15,
                    (false, ActorKind::Civilians) => 0.05,
                    (false, _) if government => 0.05,
                    (false, _) => 0.1,
                }
            })
            .fold(0.0f32, f32::max);
        confidence += actor_anchor;
        // A stated count of dead or wounded is the mark of an incident report.
        let counted = |span: Option<(usize, usize)>| {
            span.is_some_and(|(s, _)| numbers_in.iter().any(|n| n.start == s))
        };
        // A count of wounded or abducted people anchors a report as well as a death toll.
        let wounded_count = in_sentence.iter().any(|m| {
            matches!(m.target, Target::Cue(Cue::Wound | Cue::Abduct))
                && numbers_in
                    .iter()
                    .any(|n| n.end <= end && n.start.abs_diff(m.start) < 40)
        });
        if fatalities.is_some_and(|f| f.0 > 0 && counted(f.1)) || wounded_count {
            confidence += 0.15;
        }
        if date.is_some_and(|d| in_sentence_span(d.start, d.end)) {
            confidence += 0.1;
        }
        if place.is_some_and(|i| in_sentence_span(scan.places[i].start, scan.places[i].end)) {
            confidence += 0.1;
        }
        if sub.event_type().is_violent() && !weak {
            confidence += 0.05;
        }
        // Violence words are common in commentary ("the assassination", "suicide attacks");
        // an incident report says who, when, where or how many. Without casualties it needs an
        // actor and a time or place; with them, any one anchor.
        let date_in = date.is_some_and(|d| in_sentence_span(d.start, d.end));
        let place_in = place.is_some_and(|i| {
            !scan.places[i].is_country && in_sentence_span(scan.places[i].start, scan.places[i].end)
        });
        let count = fatalities.is_some_and(|f| counted(f.1)) || wounded_count;
        let casualty_word = fatalities.is_some_and(|f| f.0 > 0) || cue_set.contains(&Cue::Wound);
        let two_sided_cue = cue_set.contains(&Cue::Clash);
        let killing = in_sentence
            .iter()
            .any(|m| matches!(m.target, Target::Cue(Cue::Kill | Cue::Neutralise)));
        let weapon = matches!(family, Family::Fixed(s) if s.event_type() == rasd_model::EventType::ExplosionsRemoteViolence);
        // Protest words also fill commentary ("the demonstrations of 2011", banners, chants): a
        // protest report names a place, a day or a crowd size.
        let crowd = numbers_in.iter().any(|n| n.end <= end);
        let protest_family = matches!(family, Family::Protest)
            || matches!(family, Family::Fixed(s) if matches!(s.event_type(), rasd_model::EventType::Protests | rasd_model::EventType::Riots));
        // (A crowd that dispersed calmly is no intervention, but it is still a crowd told.)
        let intervention = cue_set.contains(&Cue::Disperse)
            || (matches!(family, Family::Protest) && protesters_arrested(scan, &in_sentence));
        // "a 96-hour work stoppage", "un sit-in de 72 heures", "إضراب لمدة ثلاثة أيام": a
        // protest with its length is a report of one.
        let duration = numbers_in.iter().any(|n| {
            n.start.abs_diff(t_start) < 40
                && scan.norm.as_str()[n.end..end]
                    .trim_start_matches(['-', ' '])
                    .split(|c: char| !is_word_char(c))
                    .next()
                    .is_some_and(|w| DURATION_UNITS.contains(&w))
        }) || {
            // "96-hour", "three-day": one hyphenated word.
            let text = scan.norm.as_str();
            let lo = floor_char(text, t_start.saturating_sub(40).max(start));
            let hi = floor_char(text, (t_end + 40).min(end));
            text[lo..hi].split_whitespace().any(|w| {
                w.split_once('-').is_some_and(|(n, u)| {
                    (n.bytes().all(|b| b.is_ascii_digit())
                        || NUMBER_WORDS.iter().any(|(w, _)| *w == n))
                        && DURATION_UNITS.contains(&u.trim_end_matches([',', '.']))
                })
            })
        };
        // The trigger itself or a verb right next to it is a finite past form: "staged a
        // sit-in", "held a sit-in", "a march was held".
        let past = {
            let (wi, wn) = (scan.word_index(t_start), scan.word_starts.len());
            let text = scan.norm.as_str();
            past_verb(text, t_start, t_end)
                || (wi.saturating_sub(2)..(wi + 3).min(wn)).any(|k| {
                    let ws = scan.word_starts[k];
                    let we = text[ws..]
                        .find(|c: char| !is_word_char(c))
                        .map_or(text.len(), |e| ws + e);
                    k != wi && past_verb(text, ws, we) && ws >= start && we <= end
                })
        };
        // Arabic names events with verbal nouns: a definite or generic one ("التفجير الذي
        // استهدف ...", "بالقتل والتفجير") refers to an event told elsewhere unless a finite
        // verb or a count in the sentence reports it (`arabic_nominal`).
        // "In a statement issued in Bamako on Monday, the army confirmed the fighting": after
        // an event is told, a definite event noun with no verb or count of its own refers back
        // to it; the place and day are the statement's.
        // "Fourteen of our compatriots lost their lives in this cowardly attack": a
        // demonstrative points back whatever the sentence adds.
        let latin_reference = {
            let text = scan.norm.as_str();
            ctx.follows
                && ((latin_definite(text, t_start)
                    && !count
                    && !event_cues.iter().any(|&(_, s, e)| past_verb(text, s, e)))
                    || latin_demonstrative(text, t_start))
        };
        // ... and so is one whose subject is a definite event noun ("The assault, claimed by
        // the Islamic State group, began with mortar fire").
        // "Less than a month later, another 89 soldiers were killed": what followed the
        // recalled event is recalled too.
        // A sentence with a day of its own ("On Monday, gunmen who had arrived ...") is news
        // again, whatever its tense.
        let own_day = || {
            within(&scan.dates, start, end, |d| d.start)
                .iter()
                .any(|d| d.end <= end && d.precision <= 2)
        };
        if ctx.after_background && {
            let text = scan.norm.as_str();
            let said = &text[start..end];
            event_cues.iter().any(|&(_, s, _)| {
                s <= t_start && (arabic_nominal(text, s) || latin_definite(text, s))
            }) || ((said.contains(" later")
                || said.contains("plus tard")
                || said.contains("لاحقا")
                // The pluperfect of a retold story: "وكانت صفحات محلية قد تحدثت عن",
                // "local pages had reported", "avaient fait état".
                || ((said.starts_with("وكان") || said.starts_with("كان")) && said.contains(" قد "))
                || said.contains(" had ")
                || said.contains(" avaient ")
                || said.contains(" avait ")
                // A party's boast about it: "Le groupe affirme y avoir tué des dizaines de
                // militaires", "claims to have killed".
                || said.contains(" y avoir ")
                || said.contains("affirme avoir")
                || said.contains("claims to have")
                || said.contains("claimed to have"))
                && !own_day())
                // "with captions claiming dozens of soldiers had been killed": the trigger
                // itself in the pluperfect is the retold story, whatever day the telling has.
                || {
                    let b = text[start..t_start].trim_end();
                    PLUPERFECT_PASSIVE
                        .iter()
                        .chain(&[" had", " قد"])
                        .any(|p| b.ends_with(p))
                }
        } {
            return None;
        }
        // "Une cinquantaine de personnes avaient été tuées selon le bilan officiel initial":
        // once the story is told, a killing in the pluperfect with no day of its own is what
        // happened before it.
        // (Reported speech keeps its pluperfect: "sources told AFP that at least 20 fighters
        // had been killed".)
        if ctx.follows && !own_day() && {
            let text = scan.norm.as_str();
            let b = text[start..t_start].trim_end();
            // "وكانت جماعة نصرة الإسلام قد بسطت سيطرتها على غومبورو منذ الخريف": the Arabic
            // pluperfect (كان ... قد + verb) opening the sentence.
            let arabic_pluperfect = ["وكان", "كان"].iter().any(|k| b.starts_with(k))
                && (b.contains(" قد ") || b.ends_with(" قد"));
            arabic_pluperfect
                || PLUPERFECT_PASSIVE.iter().any(|p| b.ends_with(p))
                    && ![
                        " that ",
                        " que ",
                        " qu'",
                        " told ",
                        " said ",
                        " selon ",
                        " according ",
                    ]
                    .iter()
                    .any(|w| b.contains(w))
        } {
            return None;
        }
        let reference = {
            let text = scan.norm.as_str();
            arabic_nominal(text, t_start)
                && !count
                && !occurrence_verb_before(text, start, t_start)
                && !purpose_after_verb(scan, start, t_start)
                && !event_cues.iter().any(|&(_, s, e)| {
                    s != t_start
                        && past_verb(text, s, e)
                        && !arabic_nominal(text, s)
                        && !(s > t_end && relative_between(text, t_end, s))
                })
                || latin_reference
        };
        // An Arabic sentence that names a protest or its details (banners, chants) without a
        // verb that reports people gathering, marching or striking refers to a protest told
        // elsewhere: a date or a place alone does not make it a report.
        let arabic_trigger = scan.norm.as_str()[t_start..].starts_with(is_arabic_letter);
        let reported = !arabic_trigger || {
            let text = scan.norm.as_str();
            let (a, b) = (
                scan.word_index(start),
                scan.word_index(end.saturating_sub(1)),
            );
            (a..=b.min(scan.word_starts.len().saturating_sub(1))).any(|k| {
                let ws = scan.word_starts[k];
                let we = text[ws..]
                    .find(|c: char| !is_word_char(c))
                    .map_or(text.len(), |e| ws + e);
                ws >= start && we <= end && arabic_past_verb(&text[ws..we])
            })
        };
        let specific = if protest_family {
            (crowd || intervention || duration || (reported && (date_in || place_in || past)))
                && !reference
        } else {
            !reference
        };
        let specific = specific
            && (!violent_family
                || count
                || (actor_anchor >= 0.1 && (date_in || place_in || casualty_word || past))
                || (casualty_word && (date_in || past))
                || (killing && actor_anchor >= 0.1)
                || place_in
                || (date_in && (killing || two_sided_cue))
                || (actor_anchor >= 0.15
                    && [&actor1, &actor2]
                        .iter()
                        .all(|a| a.as_ref().is_some_and(|a| a.span.is_some())))
                || (weapon && (actor_anchor >= 0.1 || (casualty_word && date_in))));
        if !specific {
            confidence = confidence.min(0.45);
        }
        // "Les pluies diluviennes ... ont détruit 2.100 habitations", "floods destroyed":
        // weather that destroys is no one's act.
        if sub == SubEventType::LootingPropertyDestruction
            && actor1.as_ref().is_none_or(|a| a.span.is_none())
            && scan.norm.as_str()[start..t_start]
                .split(|c: char| !is_word_char(c))
                .any(|w| NATURAL_HAZARDS.contains(&w))
        {
            return None;
        }
        let mut confidence = confidence * factor;
        // "The governor imposed a night curfew", "the government has deployed thousands of troops
        // and recruited more": in a longer report, a strategic development told after an event
        // and borrowing its day is the story's context, not news of its own.
        if !ctx.short_doc
            && ctx.follows
            && !date_in_sentence
            && matches!(
                sub,
                SubEventType::ChangeToGroupActivity
                    | SubEventType::Other
                    | SubEventType::NonViolentTransferOfTerritory
                    | SubEventType::Agreement
                    | SubEventType::HeadquartersOrBaseEstablished
                    | SubEventType::DisruptedWeaponsUse
            )
        {
            confidence = confidence.min(0.45);
        }
        if latin_reference {
            confidence = confidence.min(0.4);
        }
        let counted: Option<u8> = fatalities.and_then(|(_, span)| {
            let (fs, fe) = span?;
            // The people named right after the count, within its sentence ("11
            // fatalities. The assailants ..." counts no assailant).
            let text = scan.norm.as_str();
            let hi = floor_char(text, (fe + 24).min(text.len()));
            let hi = text[fe..hi]
                .find(['.', ';', '!', '?'])
                .map_or(hi, |i| fe + i);
            within(&scan.matches, fs, hi, |m| m.start)
                .iter()
                .find_map(|m| self.side(m).map(|k| k as u8))
                // "Some twenty of them were neutralised": only fighters are neutralised.
                .or_else(|| {
                    in_sentence
                        .iter()
                        .any(|m| m.target == Target::Cue(Cue::Neutralise))
                        .then_some(1)
                })
        });
        let total = fatalities
            .and_then(|(_, span)| span)
            .is_some_and(|(_, fe)| both_sides_after(scan.norm.as_str(), fe));
        Some(Candidate {
            sub,
            weak,
            trigger: (t_start, t_end),
            last: t_end,
            actor1,
            assoc1,
            actor2,
            assoc2,
            fatalities,
            reference,
            unclaimed,
            dateline_place: place.is_some_and(|i| scan.places[i].end <= scan.dateline_end),
            sourced: self
                .source_words
                .find(&scan.norm.as_str()[start..end])
                .is_some(),
            counted,
            sides: self.toll_sides(scan, fatalities, counted),
            total,
            date,
            place,
            confidence: confidence.min(0.99),
            tags,
            claim: cue_set_claim,
            // A claim is a statement too: "claimed on Saturday" dates the claim.
            date_said: cue_set_claim
                || date.is_some_and(|d| said_date(scan.norm.as_str(), &d, start, t_start))
                // A date borrowed from the sentence before keeps what it was there.
                || (ctx.prev_date_said
                    && date.is_some_and(|d| {
                        d.start < start && ctx.prev_date.is_some_and(|p| p.start == d.start)
                    })),
            specific,
        })
    }

    /// Put the sentence's actor mentions into actor1 / actor2 around the trigger.
    fn assign_roles(
        &self,
        scan: &Scan,
        in_sentence: &[Match],
        mentions: &[ActorMention],
        t_start: usize,
        t_end: usize,
        violent: bool,
    ) -> (Option<ActorMention>, Option<ActorMention>) {
        // "clashes between Dogon hunters and Fulani herders", "affrontements entre X et Y",
        // "اشتباكات بين X و Y": the two sides in the order named.
        let text = scan.norm.as_str();
        // "MNLA and government forces clashed", "Le MNLA et l'armée se sont affrontés": a pair
        // right before a verb of fighting are its two sides, not allies.
        let fight_verb = in_sentence
            .iter()
            .any(|c| c.target == Target::Cue(Cue::Clash) && c.start == t_start);
        if fight_verb {
            if let [.., a, b] = mentions
                .iter()
                .filter(|m| m.end <= t_start)
                .collect::<Vec<_>>()[..]
            {
                let joined = coordinated(text, a.end, b.start);
                // "Dozo hunters and Fulani herders clashed": a people named by its ethnic
                // group that fights is a side too (coded as that group's militia).
                let armed = |m: &ActorMention| {
                    self.mention_kind(m).is_armed()
                        || (self.mention_kind(m) == ActorKind::Civilians
                            && ethnic_group(&text[m.start..m.end]).is_some())
                };
                if joined
                    && scan.gap(b.end, t_start) <= 1
                    && a.refs != b.refs
                    && armed(a)
                    && armed(b)
                    && !self.allied(a, b)
                    && !repels(text, t_start, t_end)
                {
                    return (Some(a.clone()), Some(b.clone()));
                }
            }
        }
        for c in in_sentence {
            if c.target != Target::Cue(Cue::Clash) {
                continue;
            }
            // "clashes between", "اشتباكات عنيفة دارت أول أمس الأحد بين": "between" at once
            // or within a few words of the trigger.
            let hi = floor_char(text, (c.end + 90).min(text.len()));
            let Some(at) = [" between ", " entre ", " بين "]
                .iter()
                .filter_map(|w| {
                    let i = c.end + text[c.end..hi].find(w)?;
                    Some(i + w.len())
                })
                .min()
                .filter(|&i| {
                    let gap = &text[c.end..i];
                    scan.gap(c.end, i) <= 7 && !gap.contains(['.', ';', ':'])
                })
            else {
                continue;
            };
            let sides: Vec<&ActorMention> = mentions.iter().filter(|m| m.start >= at).collect();
            if let [a, b, ..] = sides[..] {
                if a.start == at && coordinated(text, a.end, b.start) {
                    return (Some(a.clone()), Some(b.clone()));
                }
            }
            // "بين مقاتلي جماعة نصرة الإسلام المرتبطة بتنظيم القاعدة ومسلحي تنظيم الدولة",
            // "between fighters of JNIM, linked to al-Qaeda, and IS militants": a side named
            // after a word or two, its affiliation, then "and" the other side.
            if let Some(a) = sides.first().filter(|a| scan.gap(at, a.start) <= 2) {
                let b = sides.windows(2).find_map(|w| {
                    let between = text[w[0].end..w[1].start].trim();
                    let lead = between
                        .split(|c: char| !is_word_char(c))
                        .find(|w| !w.is_empty())
                        .unwrap_or("");
                    let joined = matches!(lead, "and" | "et") || lead.starts_with('و');
                    (w[1].refs != a.refs
                        && joined
                        && self.mention_kind(a).is_armed()
                        && self.mention_kind(w[1]).is_armed()
                        && between.split_whitespace().count() <= 3
                        && !between.contains(['.', ';']))
                    .then_some(w[1])
                });
                // Between the two sides only the first one's own names and affiliation.
                let affiliation =
                    |m: &ActorMention| words_in_reach(text, m.start, 16, m.end, AFFILIATION_WORDS);
                if let Some(b) = b.filter(|b| {
                    sides
                        .iter()
                        .skip(1)
                        .take_while(|m| m.start < b.start)
                        .all(|m| m.refs == a.refs || affiliation(m))
                }) {
                    return (Some((*a).clone()), Some(b.clone()));
                }
            }
        }
        // "des affrontements ont opposé samedi X, lié à al-Qaïda, à Y", "fighting pitted X
        // against Y": the verb's object and the one it is set against are the two sides.
        if violent {
            if let Some(sides) = pitted_sides(scan, mentions, t_end) {
                return sides;
            }
        }
        let before: Vec<&ActorMention> = mentions.iter().filter(|m| m.end <= t_start).collect();
        let after: Vec<&ActorMention> = mentions.iter().filter(|m| m.start >= t_end).collect();
        // "killed by X", "على يد X": the agent follows a passive marker.
        let passive_verb = in_sentence.iter().any(|c| {
            c.target == Target::Cue(Cue::PassiveAux)
                && c.end <= t_start
                && scan.gap(c.end, t_start) <= 1
        });
        // "were killed and 60 injured by soldiers": after a passive verb the agent may come later.
        let agent_reach = if passive_verb { 6 } else { 2 };
        // "civilians escorted by the military": a "by" after another participle belongs to it.
        let other_participle = |by: usize| {
            by > t_end
                && text[..by]
                    .trim_end()
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| ESCORTED.contains(&w))
        };
        // "by members of the security forces", "par des éléments de l'armée": a partitive
        // between "by" and the actor.
        let partitive = |a: usize, b: usize| {
            let between = text[a..b].trim();
            fn article(s: &str) -> &str {
                ["the ", "des ", "les ", "a ", "an ", "un ", "une "]
                    .iter()
                    .find_map(|d| s.strip_prefix(d))
                    .unwrap_or(s)
            }
            if PARTITIVES.iter().any(|p| article(between).starts_with(p)) && scan.gap(a, b) <= 5 {
                return true;
            }
            // Partitives in a row, up to the name: "by a large group of terrorists of the
            // so-called Islamic State".
            // (The space before the name stays, so that a last article is stripped whole.)
            let mut rest = text[a..b].trim_start();
            let mut steps = 0;
            while let Some(r) = PARTITIVES
                .iter()
                .find_map(|p| article(rest).strip_prefix(p))
            {
                rest = r.trim_start();
                steps += 1;
            }
            let rest = article(rest);
            let rest = ["so-called ", "soi-disant ", "self-styled ", "autoproclame "]
                .iter()
                .find_map(|w| rest.strip_prefix(w))
                .unwrap_or(rest);
            steps > 0 && rest.trim().is_empty() && scan.gap(a, b) <= 10
        };
        // "مقتل ثلاثة من جنوده ... في هجوم شنته الجماعة", "killed ... in an attack carried out
        // by": the agent of the attack the dead fell in.
        let attack_by = |by: &Match| {
            in_sentence.iter().any(|a| {
                a.target == Target::Cue(Cue::Attack)
                    && a.start >= t_end
                    && a.end <= by.start
                    && scan.gap(a.end, by.start) == 0
                    && scan.gap(t_end, a.start) <= 10
                    && !text[t_end..a.start].contains(['.', ';', ':'])
            })
        };
        let agent_by = |m: &ActorMention, reach: &dyn Fn(&Match) -> bool| {
            in_sentence.iter().any(|c| {
                c.target == Target::Cue(Cue::PassiveBy)
                    && c.end <= m.start
                    && (scan.gap(c.end, m.start) <= 2 || partitive(c.end, m.start))
                    && c.start >= t_end
                    && reach(c)
                    && !(c.start > t_end
                        && scan.gap(t_end, c.start) > 0
                        && other_participle(c.start))
            })
        };
        // A passive's agent may come after where it happened: "was ambushed about 20
        // kilometres north of Tillia, in the Tahoua region, by": nothing but places and
        // measures stand between.
        let near_by = |c: &Match| {
            let gap = scan.gap(t_end, c.start);
            gap <= agent_reach
                || (passive_verb
                    && gap <= 16
                    && !text[t_end..c.start].contains(['.', ';', ':'])
                    && !in_sentence.iter().any(|m| {
                        m.start >= t_end && m.end <= c.start && m.target != Target::Cue(Cue::Unit)
                    }))
        };
        let agent = after.iter().copied().find(|m| agent_by(m, &near_by));
        // The agent of an attack told after the dead: who is named before a nominal trigger
        // (the ministry that announced "the killing of") is not the victim; the subject of a
        // passive verb is ("10 hunters were killed ... when they were ambushed by").
        let of_attack = agent.is_none() && !passive_verb;
        let agent = agent.or_else(|| after.iter().copied().find(|m| agent_by(m, &attack_by)));
        if let Some(agent) = agent {
            let victim = before
                .last()
                .copied()
                .filter(|_| !of_attack)
                .or_else(|| after.iter().copied().find(|m| m.start != agent.start));
            return (Some(agent.clone()), victim.cloned());
        }
        // "Five soldiers, including a lieutenant, were killed on Wednesday night when fighters
        // of ISWAP attacked a military base", "... lorsque des hommes armés ont attaqué": the
        // subject of the clause that says how they died is the agent.
        if let (true, Some(&victim)) = (passive_verb, before.last()) {
            let when_agent = after.iter().copied().find(|m| {
                words_in_reach(text, m.start, 24, m.start, WHEN_WORDS)
                    && self.mention_kind(m).is_armed()
                    && m.refs != victim.refs
                    && in_sentence.iter().any(|c| {
                        matches!(c.target, Target::Cue(k) if k.is_violent_act())
                            && c.start >= m.end
                            && scan.gap(m.end, c.start) <= 3
                    })
            });
            if let Some(a) = when_agent {
                return (Some(a.clone()), Some(victim.clone()));
            }
        }
        // "Three gendarmes killed in an attack near Dori", "Deux soldats tués dans une
        // embuscade": a headline's bare participle right after the actor makes it the victim.
        // "French and Malian forces carried out an operation near Dialloube, 15 presumed JNIM
        // militants killed": a counted actor right before a bare participle is the victim; an
        // actor named before it acted.
        let counted_victim = before.last().copied().filter(|m| {
            scan.gap(m.end, t_start) == 0
                && in_sentence.iter().any(|c| {
                    matches!(c.target, Target::Cue(Cue::Kill | Cue::Wound | Cue::Abduct))
                        && c.start == t_start
                        && bare_participle(text, c.start, c.end)
                })
                && scan
                    .numbers
                    .iter()
                    .any(|n| n.end <= m.start && scan.gap(n.end, m.start) <= 1)
        });
        if let Some(victim) = counted_victim {
            if let Some(&attacker) = before.iter().find(|m| {
                m.end <= victim.start
                    && m.refs != victim.refs
                    && self.mention_kind(m).is_armed()
                    && !after_preposition(text, m.start)
                    // "Two policemen, 1 civilian killed": counted too, a victim as well.
                    && !scan
                        .numbers
                        .iter()
                        .any(|n| n.end <= m.start && scan.gap(n.end, m.start) <= 1)
            }) {
                return (Some(attacker.clone()), Some(victim.clone()));
            }
        }
        let headline_victim = before.first().copied().filter(|m| {
            in_sentence.iter().any(|c| {
                matches!(c.target, Target::Cue(Cue::Kill | Cue::Wound | Cue::Abduct))
                    && c.start >= m.end
                    && scan.gap(m.end, c.start) == 0
                    && c.start <= t_start
                    && bare_participle(text, c.start, c.end)
            })
        });
        if let Some(victim) = headline_victim {
            return (None, Some(victim.clone()));
        }
        // "Au moins sept civils ont perdu la vie lors d'une attaque", "لقي ثلاثة جنود حتفهم",
        // "سقط خمسة قتلى في صفوف الجيش خلال كمين نصبه مسلحون": people who died, or in whose
        // ranks the dead fell, are the victims; the attacker is another actor if one is named.
        let died = before.iter().copied().find(|m| {
            in_sentence.iter().any(|c| {
                c.target == Target::Cue(Cue::Dead)
                    && c.end <= t_start
                    && ((c.start >= m.end && scan.gap(m.end, c.start) == 0)
                        || (c.end <= m.start
                            && scan.gap(c.end, m.start) <= 3
                            && RANKS
                                .iter()
                                .any(|r| text[c.end..m.start].trim().ends_with(r))))
            })
        });
        if let Some(victim) = died {
            let attacker = before
                .iter()
                .rev()
                .copied()
                .find(|m| m.start > victim.start)
                .or_else(|| after.first().copied());
            return (attacker.cloned(), Some(victim.clone()));
        }
        // "five soldiers were killed", "a Malian army vehicle was struck by an IED": an actor
        // followed by a passive verb or "by" before the trigger is its target.
        let undergo = undergoes(scan.norm.as_str(), t_start, t_end);
        let passive = in_sentence.iter().any(|c| {
            c.target == Target::Cue(Cue::PassiveAux)
                && c.end <= t_start
                && scan.gap(c.end, t_start) <= 1
        }) || undergo;
        let target_before = before.last().copied().filter(|m| {
            in_sentence.iter().any(|c| {
                matches!(c.target, Target::Cue(Cue::PassiveAux | Cue::PassiveBy))
                    && c.start >= m.end
                    && c.end <= t_start
            })
        });
        // "23 individuals arrested earlier by the army were reportedly executed", "3 people
        // arrested by FAMa soldiers were allegedly executed": the captors did it.
        if passive {
            if let Some(&m) = before.last() {
                let captor = in_sentence.iter().any(|by| {
                    by.target == Target::Cue(Cue::PassiveBy)
                        && by.end <= m.start
                        && scan.gap(by.end, m.start) <= 1
                        && in_sentence.iter().any(|a| {
                            a.target == Target::Cue(Cue::Arrest)
                                && a.end <= by.start
                                && scan.gap(a.end, by.start) <= 2
                        })
                });
                if captor && is_force(self.mention_kind(m)) {
                    return (Some(m.clone()), None);
                }
            }
        }
        if passive || target_before.is_some() {
            // "the Malian army arrested twenty civilians who were beaten", "GFAT arrested a
            // man who was executed": those who made the arrest did it.
            let target = target_before.or(before.last().copied());
            let captor = before.first().copied().filter(|&first| {
                target.is_some_and(|t| first.start < t.start)
                    && is_force(self.mention_kind(first))
                    && in_sentence.iter().any(|c| {
                        c.target == Target::Cue(Cue::Arrest)
                            && c.start >= first.end
                            && target.is_some_and(|t| c.end <= t.start)
                    })
            });
            if let Some(captor) = captor {
                if !undergo {
                    return (Some(captor.clone()), target.cloned());
                }
            }
        }
        if passive {
            // "soldiers carried out arrests in X, eight were summarily executed": the actor is
            // in another clause or a count stands before the passive verb; the victims are the
            // count, and the actor of the sentence is the one who did it.
            let aux = in_sentence.iter().find(|c| {
                c.target == Target::Cue(Cue::PassiveAux)
                    && c.end <= t_start
                    && scan.gap(c.end, t_start) <= 1
            });
            if let (Some(aux), Some(&m)) = (aux, before.last()) {
                let text = scan.norm.as_str();
                let clause_break =
                    m.end <= aux.start && text[m.end..aux.start].contains([',', ';']);
                let counted_victims = scan.numbers.iter().any(|n| {
                    n.start >= m.end && n.end <= aux.start && scan.gap(n.end, aux.start) <= 1
                });
                if clause_break || counted_victims {
                    return (Some(m.clone()), None);
                }
            }
        }
        if passive || target_before.is_some() {
            // "villagers came under attack from JNIM fighters": the attacker follows.
            // "8 Islamists were killed in clashes with French troops", "... killed in an
            // operation by French Barkhane forces": the other side is named after "with",
            // "by" or "between", however far.
            let target = target_before.or(before.last().copied());
            let other_side = || {
                after.iter().copied().find(|m| {
                    let pre = text[..m.start].trim_end();
                    // Past a nationality ("by French Barkhane forces") and an article.
                    let pre = pre
                        .rsplit_once(' ')
                        .filter(|(_, w)| self.demonyms.contains_key(*w))
                        .map_or(pre, |(r, _)| r.trim_end());
                    let pre = ["the", "les", "des", "la", "le", "l'", "du"]
                        .iter()
                        .find_map(|a| {
                            pre.strip_suffix(a)
                                .filter(|r| r.is_empty() || r.ends_with(' '))
                                .map(str::trim_end)
                        })
                        .unwrap_or(pre);
                    // Not a government ("Tuaregs aligned with the government") nor an ally
                    // of the target ("civilians escorted by the military").
                    let government = self.is_government(m);
                    self.mention_kind(m).is_armed()
                        && !government
                        && target.is_none_or(|t| {
                            t.refs != m.refs
                                && !self.allied(t, m)
                                && !(is_force(self.mention_kind(t))
                                    && is_force(self.mention_kind(m)))
                        })
                        && ["with", "by", "between", "avec", "par", "entre"]
                            .iter()
                            .any(|w| pre.strip_suffix(w).is_some_and(|r| r.ends_with(' ')))
                })
            };
            let from = undergo
                .then(|| after.first().copied())
                .flatten()
                .or_else(|| passive.then(other_side).flatten());
            // "des frappes aériennes ont été conduites contre un regroupement d'éléments de
            // l'EIGS": with nothing before the passive, the object of "against" is the target.
            let target = target_before.or(before.last().copied()).or_else(|| {
                after.iter().copied().find(|m| {
                    object_of_preposition(text, m.start) && from.is_none_or(|f| f.start != m.start)
                })
            });
            return (from.cloned(), target.cloned());
        }
        // "Malian army convoy ambushed near Menaka", "FAMa checkpoint on the outskirts of
        // Timbuktu attacked last night": a headline participle whose subject is a force's unit
        // or post, with no object after it, tells the force was attacked.
        if let Some(&m) = before.last() {
            let participle = text[t_start..t_end].ends_with("ed");
            let unit = in_sentence.iter().any(|c| {
                c.target == Target::Cue(Cue::MilObject)
                    && c.start >= m.end
                    && scan.gap(m.end, c.start) == 0
                    && c.end <= t_start
                    && scan.gap(c.end, t_start) <= 6
            }) || (scan.gap(m.end, t_start) <= 6
                && text[m.start..m.end]
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| UNIT_NOUNS.contains(&w)));
            let object_follows = {
                let rest = text[t_end..].trim_start();
                let word = rest.split(|c: char| !is_word_char(c)).next().unwrap_or("");
                matches!(word, "a" | "an" | "the" | "its" | "their" | "his" | "her")
                    || rest.starts_with(|c: char| c.is_ascii_digit())
                    || scan
                        .numbers
                        .iter()
                        .any(|n| n.start >= t_end && scan.gap(t_end, n.start) == 0)
            };
            // Actors after a comma are another clause's ("FAMa patrol ambushed near
            // Dioungani, ... the presumed militants").
            let clause_end = text[t_end..]
                .find([',', ';', '.'])
                .map_or(text.len(), |i| t_end + i);
            if violent
                && participle
                && unit
                && after.iter().all(|a| a.start > clause_end)
                && !object_follows
                && is_force(self.mention_kind(m))
            {
                return (None, Some(m.clone()));
            }
        }
        // A counted actor is a victim: "killing 12 soldiers", "قتل 12 جنديا", "tuant 5 civils".
        // An Arabic dual counts itself ("مقتل جنديين": two soldiers).
        let counted = |m: &ActorMention| {
            scan.numbers.iter().any(|n| {
                (n.end <= m.start && scan.gap(n.end, m.start) == 0 && n.end + 12 > m.start)
                    || (n.start == m.start && n.end == m.end)
            })
        };
        // "JNIM militants carried out an ambush against the Malian army, initiated by an IED",
        // "gunmen opened fire on soldiers, killing three": the actor nearest the trigger is the
        // object of a preposition; the subject is the actor named before it.
        let object_of_preposition = |m: &ActorMention| object_of_preposition(text, m.start);
        if let (Some(k), Some(&object)) = (
            before.iter().rposition(|m| !object_of_preposition(m)),
            before.last(),
        ) {
            if k + 1 < before.len() {
                return (Some(before[k].clone()), Some(object.clone()));
            }
        }
        // "soldiers arrested seventeen traders and summarily executed them", "les hommes armés
        // ont enlevé deux bergers avant de les tuer": the actor nearest the trigger is the
        // object of an earlier verb joined to it; both verbs have the subject named first.
        if let [.., _, object] = before.as_slice() {
            let between = &text[object.end..t_start];
            let joined = scan.gap(object.end, t_start) <= 3
                && !between.contains([',', ';'])
                && COORDINATORS.iter().any(|c| has_phrase(between, c));
            if joined {
                let subject = before[..before.len() - 1].iter().rev().find(|m| {
                    in_sentence.iter().any(|c| {
                        matches!(c.target, Target::Cue(cue) if cue.is_violent_act())
                            && c.start >= m.end
                            && c.end <= object.start
                            && scan.gap(m.end, c.start) <= 2
                    })
                });
                if let Some(&subject) = subject {
                    return (Some(subject.clone()), Some((*object).clone()));
                }
                // "militants chased away the teachers and ransacked a school": the verb before
                // is none of the lexicon's, but civilians between an armed group and a joined
                // verb are that group's object, never the subject of the second verb.
                let armed_first = before[..before.len() - 1]
                    .iter()
                    .rev()
                    .find(|m| self.mention_kind(m).is_armed());
                if let (Some(&subject), ActorKind::Civilians) =
                    (armed_first, self.mention_kind(object))
                {
                    return (Some(subject.clone()), Some((*object).clone()));
                }
            }
        }
        // "army reinforcements pursued the attackers ... neutralising eleven terrorists":
        // forces neutralise; the group they chased or neutralised is the other side.
        let neutralises = in_sentence
            .iter()
            .any(|c| c.target == Target::Cue(Cue::Neutralise) && c.start == t_start);
        if neutralises {
            let force = |m: &ActorMention| is_force(self.mention_kind(m));
            if let (Some(&f), Some(&last)) = (before.iter().find(|m| force(m)), before.last()) {
                if !force(last) && self.mention_kind(last).is_armed() {
                    let other = after
                        .iter()
                        .find(|m| !force(m) && self.mention_kind(m).is_armed())
                        .copied()
                        .unwrap_or(last);
                    return (Some(f.clone()), Some(other.clone()));
                }
            }
        }
        match before.last() {
            Some(&subject) => {
                // "The Malian army and Wagner struck ...": the first of a pair leads.
                // "Malian troops backed by Russia's Africa Corps retook ...": the supported
                // force leads.
                let lead = before
                    .iter()
                    .rev()
                    .nth(1)
                    .filter(|first| {
                        scan.gap(first.end, subject.start) <= 1
                            || supported_by(scan, first.end, subject.start)
                    })
                    .copied()
                    .unwrap_or(subject);
                (Some(lead.clone()), after.first().copied().cloned())
            }
            // Verb-first (Arabic) or nominal ("the killing of ... by"): subject after, unless
            // it is counted ("قتل 12 جنديا ... في هجوم شنه مسلحون": the soldiers died).
            None => match after.first() {
                // "Attack on GATIA near Kidal", "Embuscade contre l'armée", "هجوم ضد الجيش": the
                // object of a nominal trigger is the target; the attacker, if named, follows
                // "by" ("Ambush targeting the army by JNIM fighters").
                // "shells landed near the airport and the army camp": a force named as the
                // owner of a post is where the blow fell.
                Some(&first)
                    if violent
                        && (object_of_preposition(first)
                            || (is_force(self.mention_kind(first)) && {
                                let rest = text[first.end..].trim_start();
                                let w = rest.split(|c: char| !is_word_char(c)).next().unwrap_or("");
                                UNIT_NOUNS.contains(&w)
                            })) =>
                {
                    let by = after.iter().skip(1).find(|m| {
                        let pre = text[..m.start].trim_end();
                        ["by", "par"].iter().any(|w| {
                            pre.strip_suffix(w)
                                .is_some_and(|r| r.is_empty() || r.ends_with(' '))
                        })
                    });
                    (by.copied().cloned(), Some(first.clone()))
                }
                // "مقتل جنديين وإصابة ثلاثة مدنيين": a second count is a victim too.
                // "قتل عشرة جنود ومتطوعي الدفاع عن الوطن في كمين نصبه مسلحون": those joined to
                // the counted victims died with them; the attacker is named after them.
                Some(&first) if counted(first) => {
                    let mut rest = after.iter().skip(1).copied();
                    let mut prev = first;
                    let next = rest.find(|m| {
                        let joined = coordinated(text, prev.end, m.start);
                        prev = m;
                        !joined
                    });
                    (next.filter(|m| !counted(m)).cloned(), Some(first.clone()))
                }
                // The subject of a verb-first clause stands close to the verb; an actor many
                // words on ("... imposes the blockade on Bamako and taxes the countryside,
                // exploiting the limited reach of the Malian army") is not it.
                // (Violence keeps the far actor: "the killing on Monday of ... by X".)
                Some(&first) if !violent && scan.gap(t_end, first.start) > 10 => (None, None),
                // "des combattants du Groupe de soutien ... (JNIM) à ceux de l'État islamique":
                // a name repeated as an abbreviation is not the other side.
                Some(&first) => (
                    Some(first.clone()),
                    after
                        .iter()
                        .skip(1)
                        .find(|m| !(m.refs == first.refs && scan.gap(first.end, m.start) <= 1))
                        .copied()
                        .cloned(),
                ),
                None => (None, None),
            },
        }
    }

    /// The last named non-state armed actor before `pos`: what "the group" refers to.
    /// The armed non-state group a "the group" / "the militants" at `pos` refers back to. A
    /// jihadist role noun ("the militants") only takes a rebel or political group, not a
    /// communal militia named in between.
    fn antecedent(&self, matches: &[Match], pos: usize, role: GenericRole) -> Option<ActorId> {
        let upto = matches.partition_point(|m| m.start < pos);
        matches[..upto]
            .iter()
            .rev()
            .take(ANTECEDENT_LOOKBACK)
            .filter(|m| m.end <= pos)
            .find_map(|m| match m.target {
                // The VDP are not "the jihadists".
                Target::Actor(id) if self.lexicon.actor(id).pro_government => None,
                Target::Actor(id) => {
                    let k = self.lexicon.actor(id).kind;
                    let fits = match role {
                        GenericRole::Militants => {
                            matches!(k, ActorKind::Rebel | ActorKind::PoliticalMilitia)
                        }
                        _ => k.is_armed() && k != ActorKind::State && k != ActorKind::External,
                    };
                    fits.then_some(id)
                }
                _ => None,
            })
    }

    /// Whether two mentions name actors of one side: state and foreign forces (the army and
    /// Wagner, French and Malian troops), or such forces and a militia that fights beside
    /// them (`pro_government` in the lexicon: the VDP, the Civilian JTF). ACLED codes them as
    /// associates, never as each other's opponents; mutineers and former forces are not
    /// allies.
    fn allied(&self, a: &ActorMention, b: &ActorMention) -> bool {
        let loyal = |m: &ActorMention| match m.refs[0] {
            ActorRef::Named(id) => {
                let e = self.lexicon.actor(id);
                !e.name.starts_with("Mutiny")
                    && !e.name.starts_with("Former")
                    && !e.name.starts_with("Government")
            }
            ActorRef::Generic(g) => g != GenericRole::Government,
        };
        let force = |m: &ActorMention| is_force(self.mention_kind(m)) && loyal(m);
        let beside = |m: &ActorMention| force(m) || self.pro_government(m);
        a.refs != b.refs && ((force(a) && beside(b)) || (beside(a) && force(b)))
    }

    /// The ethnic militia of `group` ("Fulani") in `country`, as the lexicon names it
    /// ("Fulani Ethnic Militia (Mali)").
    fn ethnic_militia(
        &self,
        group: &str,
        country: Option<&str>,
        date: Option<NaiveDate>,
    ) -> Option<Slot> {
        // With no country known, a group with one militia in the lexicon (the Mossi: Burkina
        // Faso) still names it.
        let country = country.or_else(|| self.ethnic_home(group))?;
        self.ethnic_militias
            .get(group)?
            .iter()
            .find(|(c, _)| *c == country)
            .map(|&(_, id)| {
                let r = self.lexicon.resolve_actor(id, date);
                Slot {
                    kind: r.kind,
                    name: Some(r.name),
                    span: None,
                    unidentified: false,
                }
            })
    }

    /// The one country whose ethnic militia of `group` the lexicon knows, if only one.
    fn ethnic_home(&self, group: &str) -> Option<&'static str> {
        match self.ethnic_militias.get(group)?.as_slice() {
            [(country, _)] => Some(country),
            _ => None,
        }
    }

    /// Whose people an actor match names, indexed like `Candidate::counted`: 0 a state's
    /// forces, 1 armed groups, 2 civilians; `None` for a cue.
    fn side(&self, m: &Match) -> Option<usize> {
        // Pro-government militias (VDP, CJTF) fight on the forces' side: "about thirty
        // terrorists were killed ... Two VDP lost their lives" counts both sides.
        let (kind, pro_government) = match m.target {
            Target::Actor(id) => {
                let a = self.lexicon.actor(id);
                (a.kind, a.pro_government)
            }
            Target::Generic(g) => (g.kind(), false),
            _ => return None,
        };
        Some(if is_force(kind) || pro_government {
            0
        } else if kind.is_armed() {
            1
        } else {
            2
        })
    }

    /// The dead of each side in a toll (indexed like `Candidate::counted`): "Deux soldats ont
    /// été tués et onze jihadistes abattus" counts two of the forces and eleven of the group.
    /// A toll whose counts do not each name their people counts the whole for `counted`.
    fn toll_sides(
        &self,
        scan: &Scan,
        fatalities: Option<(u32, Option<(usize, usize)>)>,
        counted: Option<u8>,
    ) -> [Option<u32>; 3] {
        let mut sides = [None; 3];
        let Some((total, span)) = fatalities else {
            return sides;
        };
        let text = scan.norm.as_str();
        let counts = span.map_or(&[][..], |(fs, fe)| {
            within(&scan.numbers, fs, fe + 1, |n| n.start)
        });
        // Only a toll of several counts can name several sides (and only it allocates).
        if counts.len() > 1 {
            let side_of = |n: &NumberMention| {
                let hi = floor_char(text, (n.end + 24).min(text.len()));
                within(&scan.matches, n.end, hi, |m| m.start)
                    .iter()
                    .take_while(|m| !text[n.end..m.start].contains([',', '.', ';']))
                    .find_map(|m| self.side(m))
            };
            let named: Vec<(usize, u32)> = counts
                .iter()
                .filter_map(|n| Some((side_of(n)?, n.value)))
                .collect();
            if named.len() == counts.len() && named.iter().map(|&(_, v)| v).sum::<u32>() == total {
                for (k, v) in named {
                    sides[k] = Some(sides[k].unwrap_or(0) + v);
                }
                return sides;
            }
        }
        if let Some(k) = counted {
            sides[k as usize] = Some(total);
        }
        sides
    }

    /// Whether the forces `ally` lead the pro-government militia `m` named with them ("VDP and
    /// soldiers": the soldiers are actor1, the VDP their associate).
    fn force_leads(&self, m: &ActorMention, ally: &Slot) -> bool {
        !is_force(self.mention_kind(m)) && self.pro_government(m) && is_force(ally.kind)
    }

    /// The mention names a government (not its forces): "the government", "Government of Mali".
    fn is_government(&self, m: &ActorMention) -> bool {
        match m.refs[0] {
            ActorRef::Generic(g) => g == GenericRole::Government,
            ActorRef::Named(id) => self.lexicon.actor(id).name.starts_with("Government"),
        }
    }

    /// Whether a mention names a militia that fights beside the state's forces.
    fn pro_government(&self, m: &ActorMention) -> bool {
        matches!(m.refs[0], ActorRef::Named(id) if self.lexicon.actor(id).pro_government)
    }

    fn mention_kind(&self, m: &ActorMention) -> ActorKind {
        match m.refs[0] {
            ActorRef::Named(id) => self.lexicon.actor(id).kind,
            ActorRef::Generic(g) => g.kind(),
        }
    }

    fn resolve_mention(
        &self,
        matches: &[Match],
        m: &ActorMention,
        country: Option<&str>,
        admin1: Option<&str>,
        date: Option<NaiveDate>,
    ) -> Option<ResolvedActor> {
        let pick = |id: ActorId| -> ActorId {
            let same_country = |i: &ActorId| self.lexicon.actor(*i).country() == country;
            if country.is_some() && !same_country(&id) {
                if let Some(alt) = m.alts.iter().copied().find(same_country) {
                    return alt;
                }
            }
            // "Islamic State" names the West Africa province in Borno or Diffa and the Sahel
            // province in Ménaka or Tillabéri: where the group operates decides.
            if let (Some(c), Some(a1)) = (country, admin1) {
                let operates = |i: &ActorId| {
                    self.lexicon.actor(*i).areas.iter().any(|area| {
                        area.split_once(':').is_some_and(|(cc, name)| {
                            name.eq_ignore_ascii_case(a1) && rasd_geo::acled_country(cc) == Some(c)
                        })
                    })
                };
                if !operates(&id) {
                    if let Some(alt) = m.alts.iter().copied().find(operates) {
                        return alt;
                    }
                }
            }
            id
        };
        let resolved: Vec<ResolvedActor> = m
            .refs
            .iter()
            .filter_map(|r| match *r {
                ActorRef::Named(id) => Some(self.lexicon.resolve_actor(pick(id), date)),
                ActorRef::Generic(g @ (GenericRole::Militants | GenericRole::Unidentified))
                    if m.definite =>
                {
                    self.antecedent(matches, m.start, g)
                        .map(|id| self.lexicon.resolve_actor(id, date))
                        .or_else(|| self.lexicon.resolve_generic(g, country, date))
                }
                ActorRef::Generic(GenericRole::GroupAnaphor) => self
                    .antecedent(matches, m.start, GenericRole::GroupAnaphor)
                    .map(|id| self.lexicon.resolve_actor(id, date))
                    .or_else(|| {
                        self.lexicon
                            .resolve_generic(GenericRole::Unidentified, country, date)
                    }),
                ActorRef::Generic(g) => self.lexicon.resolve_generic(g, country, date),
            })
            .collect();
        let mut it = resolved.into_iter();
        let first = it.next()?;
        match it.next() {
            None => Some(first),
            Some(second) if second.name != first.name => Some(ResolvedActor {
                name: format!("{} and/or {}", first.name, second.name),
                ..first
            }),
            Some(_) => Some(first),
        }
    }

    fn to_event(
        &self,
        scan: &Scan,
        c: Candidate,
        doc: &Document,
        field: EvidenceField,
        doc_country: Option<&str>,
    ) -> Event {
        let mut evidence = Vec::new();
        let mut span = |role: Role, (s, e): (usize, usize)| {
            let (os, oe) = scan.norm.original_span(s, e);
            if oe > os {
                evidence.push(Evidence {
                    role,
                    start: os,
                    end: oe,
                    field,
                });
            }
        };
        span(Role::Trigger, c.trigger);
        if let Some(s) = c.actor1.as_ref().and_then(|a| a.span) {
            span(Role::Actor1, s);
        }
        if let Some(s) = c.actor2.as_ref().and_then(|a| a.span) {
            span(Role::Actor2, s);
        }
        if let Some(d) = c.date {
            span(Role::Date, (d.start, d.end));
        }
        if let Some((_, Some(s))) = c.fatalities {
            span(Role::Fatalities, s);
        }
        let place = c.place.map(|i| &scan.places[i]);
        if let Some(p) = place {
            span(Role::Location, (p.start, p.end));
        }
        // A government named beside violence ("attacks in Riyom Local Government Area", "local
        // authorities said") announced it: ACLED's data has no violent event with a government
        // as actor1. The perpetrator is unknown.
        let mut c = c;
        // A generic actor of the event's country on its day, named by no words of the text.
        let day = c.date.map(|d| d.date).or(doc.published);
        let generic = |role: GenericRole| Slot {
            kind: role.kind(),
            name: self
                .lexicon
                .resolve_generic(role, place.map(|p| p.country.as_str()).or(doc_country), day)
                .map(|r| r.name),
            span: None,
            unidentified: matches!(role, GenericRole::Unidentified),
        };
        if c.sub.event_type().is_violent()
            && c.sub != SubEventType::GovernmentRegainsTerritory
            && c.actor1.as_ref().is_some_and(government_slot)
        {
            c.actor1 = Some(generic(GenericRole::Unidentified));
        }
        // Property looted or destroyed, and people arrested, are civilians' unless the text
        // names whose (ACLED's Sahel export: 265 of 330 looting rows, the largest share of
        // arrests).
        if c.actor2.is_none()
            && matches!(
                c.sub,
                SubEventType::LootingPropertyDestruction | SubEventType::Arrests
            )
            && c.actor1
                .as_ref()
                .is_some_and(|a| a.kind != ActorKind::Civilians)
        {
            c.actor2 = Some(generic(GenericRole::Civilians));
        }
        // ACLED never names a government as the side that suffered violence (none of 3,900
        // such rows in the Sahel export): a prefect or "the authorities" in the sentence are
        // the speakers; the target is the people, the forces in a battle, the police at a riot.
        if c.actor2.as_ref().is_some_and(government_slot) {
            let role = match c.sub.event_type() {
                rasd_model::EventType::Battles => Some(GenericRole::Military),
                rasd_model::EventType::ViolenceAgainstCivilians
                | rasd_model::EventType::ExplosionsRemoteViolence => Some(GenericRole::Civilians),
                rasd_model::EventType::Riots | rasd_model::EventType::Protests => {
                    Some(GenericRole::Police)
                }
                _ => None,
            };
            if let Some(role) = role {
                c.actor2 = Some(generic(role));
            }
        }
        // An air or drone strike whose striker no one names is the state's: armed groups'
        // drones are reported as theirs ("JNIM drones hit the camp"). "An engineering team
        // detected and neutralised an IED": a device defused with no one named was defused by
        // the forces.
        let forces_by_default = match c.sub {
            SubEventType::AirDroneStrike => c
                .actor1
                .as_ref()
                .is_none_or(|a| a.unidentified || a.name.is_none() || a.span.is_none()),
            SubEventType::DisruptedWeaponsUse => c.actor1.is_none(),
            _ => false,
        };
        if forces_by_default {
            let military = generic(GenericRole::Military);
            if military.name.is_some() {
                c.actor1 = Some(military);
            }
        }
        // "a nightly curfew was imposed", "le couvre-feu a été prorogé": a change of rules
        // that no one is named as making is the government's.
        if c.sub == SubEventType::ChangeToGroupActivity && c.actor1.is_none() {
            let government = generic(GenericRole::Government);
            if government.name.is_some() {
                c.actor1 = Some(government);
            }
        }
        let (event_date, time_precision) = match (c.date, doc.published) {
            (Some(d), _) => (Some(d.date), Some(d.precision)),
            (None, Some(p)) => (Some(p), Some(2)),
            (None, None) => (None, None),
        };
        // No place and no country cue: the country an actor's ACLED name carries ("Dogon
        // Ethnic Militia (Mali)", where "Dogon militiamen" alone hinted two countries).
        let country = place
            .map(|p| p.country.clone())
            .or_else(|| doc_country.map(str::to_string))
            .or_else(|| {
                [&c.actor1, &c.actor2]
                    .into_iter()
                    .flatten()
                    .filter_map(|a| a.name.as_deref())
                    .find_map(country_in_name)
            });
        // An ethnic militia named where no place was known ("blamed the attack on armed
        // Fulani herders") is that group's militia in the event's country.
        if let Some(k) = country.as_deref() {
            for slot in [&mut c.actor1, &mut c.actor2].into_iter().flatten() {
                let group = slot
                    .name
                    .as_deref()
                    .and_then(|n| n.strip_suffix(')'))
                    .and_then(|n| n.split_once(" Ethnic Militia ("))
                    .filter(|(_, home)| *home != k)
                    .map(|(g, _)| g.to_string());
                if let Some(other) = group.and_then(|g| self.ethnic_militia(&g, Some(k), day)) {
                    slot.name = other.name;
                }
            }
        }
        // A generic role named without its country ("Civilians") takes the event's, as the
        // lexicon writes it (`GenericRole::template`).
        let named = |a: Option<String>| match (a, country.as_deref()) {
            (Some(n), Some(k)) => Some(
                COUNTRY_FAMILIES
                    .iter()
                    .find(|r| r.family() == Some(n.as_str()))
                    .map_or(n, |r| r.template(k)),
            ),
            (a, _) => a,
        };
        let fatalities = match c.sub.event_type() {
            rasd_model::EventType::Protests
                if c.sub != SubEventType::ExcessiveForceAgainstProtesters =>
            {
                0
            }
            rasd_model::EventType::StrategicDevelopments => 0,
            _ => c.fatalities.map(|f| f.0).unwrap_or(0),
        };
        // "abducted a councillor ... and beheaded him", "their bodies were found executed":
        // an abduction that kills is an attack (ACLED codes no abduction with fatalities).
        let sub = if c.sub == SubEventType::AbductionForcedDisappearance && fatalities > 0 {
            SubEventType::Attack
        } else {
            c.sub
        };
        Event {
            event_date,
            time_precision,
            event_type: sub.event_type(),
            sub_event_type: sub,
            inter1: c.actor1.as_ref().map(|a| a.kind.inter()),
            inter2: c.actor2.as_ref().map(|a| a.kind.inter()),
            actor1: named(c.actor1.and_then(|a| a.name)),
            assoc_actor_1: c.assoc1,
            actor2: named(c.actor2.and_then(|a| a.name)),
            assoc_actor_2: c.assoc2,
            country,
            admin1: place.and_then(|p| {
                let a1 = p.admin1.as_deref()?;
                let year = event_date.map_or(0, |d| chrono::Datelike::year(&d));
                Some(
                    rasd_geo::admin1_in_year(&p.country, a1, p.admin2.as_deref(), year).to_string(),
                )
            }),
            admin2: place.and_then(|p| p.admin2.clone()),
            location: place.filter(|p| !p.is_country).map(|p| p.location.clone()),
            latitude: place.and_then(|p| p.latitude),
            longitude: place.and_then(|p| p.longitude),
            geo_precision: place.map(|p| p.geo_precision),
            fatalities: Some(fatalities),
            confidence: (c.confidence * 100.0).round() / 100.0,
            tags: c.tags.iter().map(|t| t.to_string()).collect(),
            evidence,
        }
    }
}

/// Words after a toll that make it the dead of both sides (normalised).
const BOTH_SIDES: &[&str] = &[
    "both sides",
    "both camps",
    "either side",
    "in total",
    "deux camps",
    "deux cotes",
    "de part et d'autre",
    "au total",
    "en tout",
    "الجانبين",
    "الطرفين",
    "في المجمل",
];

/// Between two counts of one sentence: a contrast ("tandis que", "while", "بينما") then a
/// source giving its figure ("avance le chiffre de", "put the toll at", "حسب").
fn other_source_figure(between: &str) -> bool {
    const CONTRAST: &[&str] = &[
        "tandis qu",
        "alors qu",
        "while ",
        "whereas",
        "but ",
        "mais ",
        "بينما",
        "في حين",
        "لكن",
    ];
    const SOURCE: &[&str] = &[
        "chiffre",
        "bilan",
        "avance",
        "evoqu",
        "parle",
        "fait etat",
        "selon",
        "affirm",
        "toll",
        "figure",
        "according",
        "claim",
        "put ",
        "puts ",
        "say",
        "said",
        "حسب",
        "وفق",
        "حصيله",
        "تحدث",
        "اكد",
        "قال",
    ];
    let contrast = CONTRAST.iter().filter_map(|w| between.find(w)).min();
    contrast.is_some_and(|i| SOURCE.iter().any(|w| between[i..].contains(w)))
}

/// The toll ending at `at` is followed, within its sentence, by words that make it the dead of
/// both sides ([`BOTH_SIDES`]).
fn both_sides_after(text: &str, at: usize) -> bool {
    let hi = floor_char(text, (at + 48).min(text.len()));
    let after = &text[at..hi];
    let after = &after[..after.find(['.', ';', '!', '?']).unwrap_or(after.len())];
    BOTH_SIDES.iter().any(|w| after.contains(w))
}

/// Generic roles whose ACLED name has a family without a country (`GenericRole::family`):
/// "Civilians" until the country is known, then "Civilians (Mali)".
const COUNTRY_FAMILIES: &[GenericRole] = &[
    GenericRole::Civilians,
    GenericRole::Unidentified,
    GenericRole::Protesters,
    GenericRole::Rioters,
    GenericRole::CommunalMilitia,
];

/// The country in the parentheses that close an ACLED actor name: "Dogon Ethnic Militia
/// (Mali)" gives Mali, "Military Forces of Mali (2013-2020)" nothing.
fn country_in_name(name: &str) -> Option<String> {
    let inner = name.rsplit_once('(')?.1.strip_suffix(')')?;
    rasd_geo::capital_of(inner).map(|_| inner.to_string())
}

/// State forces at home or abroad: the side that regains territory and fights armed groups.
fn is_force(kind: ActorKind) -> bool {
    matches!(kind, ActorKind::State | ActorKind::External)
}

/// The items of a list sorted by start offset whose start lies in `[start, end)`: every
/// per-sentence lookup is a binary search, so a 200 MB document stays linear.
fn within<T>(items: &[T], start: usize, end: usize, key: impl Fn(&T) -> usize) -> &[T] {
    let a = items.partition_point(|x| key(x) < start);
    let b = items.partition_point(|x| key(x) < end);
    &items[a..b.max(a)]
}

fn push_tag(tags: &mut Vec<&'static str>, t: &'static str) {
    if !tags.contains(&t) {
        tags.push(t);
    }
}

fn word_starts(s: &str) -> Vec<usize> {
    let mut out = Vec::with_capacity(s.len() / 5);
    let mut prev_word = false;
    for (i, c) in s.char_indices() {
        let w = is_word_char(c);
        if w && !prev_word {
            out.push(i);
        }
        prev_word = w;
    }
    out
}

/// Actor mentions of a sentence, with "X or Y" / "X and/or Y" pairs joined.
fn actor_mentions(
    lexicon: &Lexicon,
    (demonyms, trailing): (&HashMap<String, ActorId>, &HashMap<String, ActorId>),
    scan: &Scan,
    in_sentence: &[Match],
) -> Vec<ActorMention> {
    let mut out: Vec<ActorMention> = Vec::new();
    let mut after_force: Vec<ActorMention> = Vec::new();
    let mut pending_join: Option<usize> = None;
    let text = scan.norm.as_str();
    for m in in_sentence {
        // "French and Malian forces", "Malian, French and Nigerien troops": nationality
        // adjectives joined before a force's name are forces of their own.
        if let Target::Actor(id) = m.target {
            if matches!(
                lexicon.actor(id).kind,
                ActorKind::State | ActorKind::External
            ) {
                let mut extra: Vec<ActorMention> = Vec::new();
                let mut at = m.start;
                loop {
                    let before = text[..at].trim_end();
                    let Some(rest) = before
                        .strip_suffix(" and")
                        .or_else(|| before.strip_suffix(','))
                        .map(str::trim_end)
                    else {
                        break;
                    };
                    let word_start = rest.rfind(|c: char| !is_word_char(c)).map_or(0, |i| {
                        i + rest[i..].chars().next().map_or(1, char::len_utf8)
                    });
                    let word = &rest[word_start..];
                    match demonyms.get(word) {
                        Some(&other) if lexicon.actor(other).name != lexicon.actor(id).name => {
                            extra.push(ActorMention {
                                start: word_start,
                                end: rest.len(),
                                refs: vec![ActorRef::Named(other)],
                                alts: Vec::new(),
                                definite: false,
                            });
                            at = word_start;
                        }
                        _ => break,
                    }
                }
                let keep = out
                    .last()
                    .is_none_or(|l| extra.last().is_none_or(|e| l.end <= e.start));
                if keep {
                    out.extend(extra.into_iter().rev());
                }
                // "les forces françaises et maliennes", "القوات الفرنسية والمالية": an
                // adjective joined after the force's name is a force of its own.
                let after = text[m.end..].trim_start();
                let rest = after
                    .strip_prefix("et ")
                    .or_else(|| after.strip_prefix('و'))
                    .map(str::trim_start);
                if let Some(rest) = rest {
                    let len = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
                    let at = text.len() - rest.len();
                    match trailing.get(&rest[..len]) {
                        Some(&other) if lexicon.actor(other).name != lexicon.actor(id).name => {
                            after_force.push(ActorMention {
                                start: at,
                                end: at + len,
                                refs: vec![ActorRef::Named(other)],
                                alts: Vec::new(),
                                definite: false,
                            });
                        }
                        _ => {}
                    }
                }
            }
        }
        let r = match m.target {
            Target::Actor(id) => ActorRef::Named(id),
            Target::Generic(g) => ActorRef::Generic(g),
            Target::Cue(Cue::OrJoin) => {
                if let Some(last) = out.last() {
                    if scan.gap(last.end, m.start) == 0 {
                        pending_join = Some(m.end);
                    }
                }
                continue;
            }
            Target::Cue(_) | Target::Country(_) => continue,
        };
        if let (Some(join_end), Some(last)) = (pending_join.take(), out.last_mut()) {
            if scan.gap(join_end, m.start) == 0 {
                last.end = m.end;
                last.refs.push(r);
                continue;
            }
        }
        // Same span listed under two entries: keep the first, remember the others.
        if let Some(last) = out.last_mut() {
            if last.start == m.start && last.end == m.end {
                if let ActorRef::Named(id) = r {
                    last.alts.push(id);
                }
                continue;
            }
        }
        out.push(ActorMention {
            start: m.start,
            end: m.end,
            refs: vec![r],
            alts: Vec::new(),
            definite: false,
        });
    }
    for extra in after_force {
        let i = out.partition_point(|o| o.start < extra.start);
        let free = out.get(i).is_none_or(|o| o.start >= extra.end)
            && (i == 0 || out[i - 1].end <= extra.start);
        if free {
            out.insert(i, extra);
        }
    }
    // "Ansaroul Islam (JNIM) militants", "Katiba Serma (JNIM)": a rebel group followed by
    // another in parentheses is a unit of that alliance, and ACLED names the alliance.
    let mut i = 0;
    while i + 1 < out.len() {
        let (a, b) = (&out[i], &out[i + 1]);
        let umbrella = match (&a.refs[..], &b.refs[..]) {
            ([ActorRef::Named(x)], [ActorRef::Named(y)]) => {
                let (ax, ay) = (lexicon.actor(*x), lexicon.actor(*y));
                // Militias keep their own name: "Dogon hunters (Dan Na Ambassagou)". An
                // abbreviation ("Katiba Macina (JNIM)" after 2017) is the same actor, one mention.
                ax.kind == ActorKind::Rebel
                    && ay.kind == ActorKind::Rebel
                    && text[a.end..b.start].trim() == "("
                    && text[b.end..].trim_start().starts_with(')')
            }
            _ => false,
        };
        if umbrella {
            let b = out.remove(i + 1);
            let a = &mut out[i];
            a.refs = b.refs;
            a.alts.clear();
            a.end = b.end + text[b.end..].find(')').map_or(0, |k| k + 1);
        }
        i += 1;
    }
    // "the Volunteers for the Defence of the Homeland (VDP), civilian auxiliaries of the army,":
    // one actor named again in parentheses or in apposition is one mention.
    out.dedup_by(|b, a| {
        let same = matches!((&a.refs[..], &b.refs[..]),
            ([ActorRef::Named(x)], [ActorRef::Named(y)]) if x == y);
        let apposed = a.end <= b.start
            && text[a.end..b.start]
                .chars()
                .all(|c| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '،'));
        if same && apposed {
            a.end = b.end;
        }
        same && apposed
    });
    // "JNIM militants", "gunmen suspected of belonging to JNIM", "soldats des FAMa": a role noun
    // next to a named actor of the same side is that actor, not a second one.
    let named: Vec<(usize, usize, bool)> = out
        .iter()
        .filter_map(|m| match m.refs[..] {
            [ActorRef::Named(id)] => Some((m.start, m.end, is_force(lexicon.actor(id).kind))),
            _ => None,
        })
        .collect();
    let cue_between = |a: usize, b: usize| {
        in_sentence.iter().any(|c| {
            matches!(c.target, Target::Cue(k) if !k.is_grammar() && !k.is_modality())
                && c.start >= a
                && c.end <= b
        })
    };
    // Role nouns right after a named actor ("Russian Africa Corps troops") extend its span, so
    // "X troops and Y soldiers" reads as a joined pair.
    let mut absorbed: Vec<(usize, usize)> = Vec::new();
    let mut led: Vec<(usize, usize)> = Vec::new();
    out.retain(|m| {
        let [ActorRef::Generic(g)] = m.refs[..] else {
            return true;
        };
        let wants_state = match g {
            GenericRole::Unidentified | GenericRole::Militants | GenericRole::GroupAnaphor => false,
            GenericRole::Military => true,
            _ => return true,
        };
        let right_after = named.iter().find(|&&(_, e, state)| {
            state == wants_state && e <= m.start && scan.gap(e, m.start) == 0
        });
        if let Some(&(_, e, _)) = right_after {
            absorbed.push((e, m.end));
            return false;
        }
        let named_after = named.iter().find(|&&(s, _, state)| {
            state == wants_state
                && s >= m.end
                && scan.gap(m.end, s) <= ATTRIBUTION_WINDOW
                && !cue_between(m.end, s)
        });
        // "by armed men believed to be JNIM fighters": the named actor takes the role noun's
        // place in the sentence.
        // (The lexicon's passive-agent markers, an article at most between.)
        let agent = in_sentence.iter().any(|c| {
            c.target == Target::Cue(Cue::PassiveBy)
                && c.end <= m.start
                && matches!(text[c.end..m.start].trim(), "" | "the" | "des" | "les")
        });
        if let (Some(&(s, _, _)), true) = (named_after, agent) {
            led.push((s, m.start));
        }
        named_after.is_none()
    });
    for m in &mut out {
        if let Some(&(_, new_end)) = absorbed.iter().find(|&&(e, _)| e == m.end) {
            m.end = new_end;
        }
        if let Some(&(_, new_start)) = led.iter().find(|&&(s, _)| s == m.start) {
            m.start = new_start;
        }
    }
    // "the militants", "les assaillants", "المسلحون": a definite role noun refers back to the
    // group the document named before, like "the group" does. So does a bare one after a group
    // named earlier in the same sentence ("against ISGS militants, seven militants were
    // killed").
    let groups: Vec<usize> = out
        .iter()
        .filter(|m| match m.refs[..] {
            [ActorRef::Named(id)] => {
                let k = lexicon.actor(id).kind;
                k.is_armed() && !is_force(k)
            }
            _ => false,
        })
        .map(|m| m.end)
        .collect();
    for m in &mut out {
        if matches!(
            m.refs[..],
            [ActorRef::Generic(
                GenericRole::Militants | GenericRole::Unidentified
            )]
        ) && (is_definite(scan.norm.as_str(), m.start, m.end)
            || (groups.iter().any(|&e| e <= m.start) && {
                let text = scan.norm.as_str();
                let lo = floor_char(text, m.start.saturating_sub(20));
                !marked_unknown(&text[lo..m.end])
            }))
        {
            m.definite = true;
        }
    }
    out
}

/// "unknown gunmen", "hommes armés non identifiés", "مسلحون مجهولون": said to be unknown.
fn marked_unknown(noun: &str) -> bool {
    const UNKNOWN: [&str; 6] = [
        "unknown",
        "unidentified",
        "inconnu",
        "non identifi",
        "مجهول",
        "مجهولين",
    ];
    UNKNOWN.iter().any(|u| noun.contains(u))
}

/// Whether the role noun at `start..end` of the normalised text is definite and not itself
/// marked unknown: "the attackers", "ces jihadistes", "المهاجمون" (not "the unknown gunmen").
fn is_definite(text: &str, start: usize, end: usize) -> bool {
    let noun = &text[start..end];
    if marked_unknown(noun) {
        return false;
    }
    let bare = noun
        .strip_prefix('و')
        .or_else(|| noun.strip_prefix('ف'))
        .unwrap_or(noun);
    if bare.starts_with("ال") {
        return true;
    }
    let before = text[..start].trim_end();
    let mut words = before
        .rsplit(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty());
    match words.next().unwrap_or("") {
        "the" | "these" | "those" | "les" | "ces" => true,
        // "à la poursuite des assaillants", "les corps des assaillants": "des" after a noun is
        // "de les", definite; "des assaillants ont attaqué" is indefinite.
        "des" => words.next().is_some_and(|w| DE_LES_NOUNS.contains(&w)),
        _ => false,
    }
}

/// French nouns after which "des" is "de les" (definite): pursuit, retreat, bodies, hands.
const DE_LES_NOUNS: &[&str] = &[
    "poursuite",
    "trousses",
    "traque",
    "fuite",
    "repli",
    "retrait",
    "arrivee",
    "depart",
    "identite",
    "corps",
    "cadavres",
    "armes",
    "motos",
    "vehicules",
    "mains",
    "repaire",
    "repaires",
    "bastion",
    "bastions",
    "base",
    "bases",
    "part",
    "cote",
    "rangs",
];

/// Drop place mentions inside an actor's name: "Sahel" in "Islamic State Sahel Province",
/// "Macina" in "Katiba Macina", "Mali" in "Military Forces of Mali" are not where it happened.
fn outside_actor_names(mut places: Vec<Place>, matches: &[Match]) -> Vec<Place> {
    let actors: Vec<(usize, usize)> = matches
        .iter()
        .filter(|m| matches!(m.target, Target::Actor(_)))
        .map(|m| (m.start, m.end))
        .collect();
    places.retain(|p| {
        let i = actors.partition_point(|&(s, _)| s < p.end);
        // Actor spans are sorted by start and do not overlap: only the last one starting
        // before the place's end can cover it.
        i == 0 || actors[i - 1].1 <= p.start
    });
    places
}

/// How far (in words) after a role noun a named group may stand and still be its attribution.
const ATTRIBUTION_WINDOW: usize = 4;

/// The date mention of the sentence nearest the trigger, else the last one before the sentence,
/// else the first one of the document after it.
fn nearest_date(
    scan: &Scan,
    start: usize,
    end: usize,
    trigger: usize,
    prev: Option<DateMention>,
) -> Option<DateMention> {
    // The day of the event before the day it was told ("said on Thursday that on Tuesday").
    let in_sentence = within(&scan.dates, start, end, |d| d.start);
    let written_day = in_sentence
        .iter()
        .any(|d| d.end <= end && d.start >= scan.dateline_end && !d.relative && d.precision == 1);
    let inside = in_sentence
        .iter()
        .filter(|d| d.end <= end && d.start >= scan.dateline_end)
        .min_by_key(|d| {
            let said = said_date(scan.norm.as_str(), d, start, trigger);
            // "closed the court on November 5 ..., guards on strike since October 25": a date
            // after "since" starts a state of affairs, not the event.
            let text = scan.norm.as_str();
            let since = ["since", "depuis", "منذ"].iter().any(|w| {
                text[..d.start].trim_end().ends_with(w) || text[d.start..d.end].starts_with(w)
            });
            // The most precise date of the sentence: "On April 18, students suspended in
            // March clashed" happened on April 18.
            // "during Pentecost Sunday mass on June 5, 2022": a date written out beats a
            // weekday read against the publication day, unless the weekday stands by the
            // trigger ("تجمع آلاف الأشخاص، الجمعة، ... للانقلاب في 26 يوليو 2023").
            let (a, b) = if d.start < trigger {
                (d.end, trigger)
            } else {
                (trigger, d.start)
            };
            let loose_relative = written_day && d.relative && scan.gap(a, b) > 3;
            // "Last month, 34 soldiers were killed ..., and in March 44 worshippers died
            // during Friday prayers": a weekday a clause away is another event's.
            let far_weekday = d.relative && d.precision == 1 && scan.gap(a, b) > 12;
            (
                said,
                since,
                far_weekday,
                d.precision,
                loose_relative,
                d.start.abs_diff(trigger),
            )
        });
    inside
        .copied()
        .or(prev)
        .or_else(|| {
            scan.dates[..scan.dates.partition_point(|d| d.start < start)]
                .iter()
                .rev()
                .find(|d| d.end <= start)
                .copied()
        })
        .or_else(|| scan.dates.first().copied())
}

/// The place of the sentence that best fits the trigger (towns before countries): close to it,
/// after it rather than before ("attacked X", "in X"), and salient by the geoparser's score
/// (a dateline or "said in the capital" scores low). Else the document's most salient town,
/// else its first country.
fn nearest_place(
    scan: &Scan,
    start: usize,
    end: usize,
    trigger: usize,
    ctx: &Context,
) -> Option<usize> {
    // "le camp militaire de Sokolo, dans le cercle de Niono (région de Ségou)": a region that
    // locates a town named in the same sentence is not the event's place.
    let lo = scan.places.partition_point(|p| p.start < start);
    let in_sentence = || {
        scan.places[lo..]
            .iter()
            .take_while(|p| p.start < end)
            .filter(|p| p.end <= end && !p.said)
    };
    let locates_town = |p: &Place| {
        p.geo_precision == 3
            && !p.is_country
            && in_sentence().any(|q| {
                q.geo_precision < 3
                    && !q.is_country
                    && q.location != p.location
                    // The region follows the town it locates.
                    && q.end <= p.start
                    && scan.gap(q.end, p.start) <= 12
                    && q.country == p.country
                    && q.admin1 == p.admin1
            })
    };
    let cost = |p: &Place| {
        let words = scan.word_index(p.start).abs_diff(scan.word_index(trigger)) as f32;
        let before = if p.start < trigger { 2.0 } else { 0.0 };
        let region = if locates_town(p) { 3.0 } else { 0.0 };
        words / 4.0 + before + (1.0 - p.score) * 6.0 + region
    };
    // "dans la Cité des Askia" in a report on Gao: a weak match in another country than the
    // document's is a namesake, not the scene.
    let stray = |p: &Place| {
        !p.is_country
            && !p.cued
            && p.score < STRAY_SCORE
            && ctx.country.is_some_and(|c| c != p.country)
    };
    // The dateline ("BAMAKO (Reuters) -") is where the report was filed: the event's place
    // only when the text names no other.
    let dateline = |p: &Place| p.end <= scan.dateline_end;
    // A town named only as where something was said ("in a statement issued in Bamako"), or
    // in passing ("they came from the Sambisa axis"), stands for the event only when no town
    // is named in the sentences before.
    let pick_any = |towns: bool, said: bool| {
        scan.places
            .iter()
            .enumerate()
            .skip(lo)
            .take_while(|(_, p)| p.start < end)
            .filter(|(_, p)| {
                p.end <= end
                    && p.is_country != towns
                    && !dateline(p)
                    && (said || !(p.said || p.passing))
                    && !stray(p)
            })
            .min_by(|a, b| cost(a.1).total_cmp(&cost(b.1)))
            .map(|(i, _)| i)
    };
    let best_in_doc = |towns: bool| {
        scan.places
            .iter()
            .enumerate()
            .filter(|(_, p)| p.is_country != towns && !dateline(p))
            .max_by(|a, b| a.1.score.total_cmp(&b.1.score).then(b.0.cmp(&a.0)))
            .map(|(i, _)| i)
    };
    // The last town named shortly before ("... in Djibo. Five soldiers were killed.").
    let recent = |towns: bool| {
        let from = scan.places.partition_point(|p| p.start < ctx.window_start);
        scan.places
            .iter()
            .enumerate()
            .skip(from)
            .take_while(|(_, p)| p.start < start)
            .filter(|(_, p)| p.end <= start && p.is_country != towns && !dateline(p))
            // "recaptured Marte, a town in Borno State. ... moved into the town": the town,
            // not the region that locates it; and a place of the story before one named in
            // passing ("... in the province du Lac. ... blessés, évacués sur N'Djamena").
            .max_by_key(|(_, p)| (!(p.passing || p.said), p.geo_precision < 3, p.start))
            .map(|(i, _)| i)
    };
    // A short report (a brief, a coder's note) has one scene; a long article has many, and a
    // town from another paragraph would be a guess.
    let doc_wide = |towns: bool| {
        if ctx.short_doc {
            best_in_doc(towns)
        } else {
            None
        }
    };
    let pick = |towns: bool| pick_any(towns, false);
    pick(true)
        .or_else(|| recent(true))
        .or_else(|| pick_any(true, true))
        .or_else(|| doc_wide(true))
        .or_else(|| pick(false))
        .or_else(|| recent(false))
        .or_else(|| doc_wide(false))
        .or_else(|| {
            scan.places
                .iter()
                .position(|p| dateline(p) && !p.is_country)
        })
}

/// The ethnic group a phrase names ("Fulani herders", "des éleveurs peuls", "رعاة الفولاني"),
/// in the English form of the lexicon's ethnic militias.
fn ethnic_group(said: &str) -> Option<&'static str> {
    said.split(|c: char| !is_word_char(c)).find_map(|w| {
        let w = w.strip_prefix("ال").unwrap_or(w);
        ETHNIC_GROUPS
            .iter()
            .find(|(word, _)| *word == w)
            .map(|&(_, group)| group)
    })
}

/// The distinct ethnic groups a sentence names, in order ("Clashes between Fulani herders and
/// Mossi farmers": Fulani, Mossi).
fn ethnic_groups(sentence: &str) -> Vec<&'static str> {
    let mut groups: Vec<&'static str> = Vec::new();
    for g in sentence
        .split(|c: char| !is_word_char(c))
        .filter_map(ethnic_group)
    {
        if !groups.contains(&g) {
            groups.push(g);
        }
    }
    groups
}

/// Whether a sentence names both a farming and a herding community ("farmers and herders",
/// "agriculteurs et éleveurs", "المزارعين والرعاة"), clitics and article stripped.
fn farmers_and_herders(sentence: &str) -> bool {
    let (mut farm, mut herd) = (false, false);
    for w in sentence.split(|c: char| !is_word_char(c)) {
        let w = w.strip_prefix('و').filter(|r| r.len() > 4).unwrap_or(w);
        let w = w.strip_prefix("ال").unwrap_or(w);
        farm |= FARMERS.contains(&w);
        herd |= HERDERS.contains(&w);
    }
    farm && herd
}

/// Directions after a verb of withdrawing (normalised): the withdrawers leave for somewhere.
/// (French "repliés vers" is a cue of its own, kept for forces falling back.)
const WITHDRAW_TOWARDS: &[&str] = &["towards", "toward", "in the direction", "نحو", "باتجاه"];

/// Whether `s` starts with the word or phrase `w` (a whole word).
fn has_phrase_start(s: &str, w: &str) -> bool {
    s.starts_with(w) && is_word_byte_boundary(s, w.len())
}

/// Farming communities (normalised; Arabic without its article).
const FARMERS: &[&str] = &[
    "farmers",
    "farmer",
    "cultivators",
    "agriculteurs",
    "agriculteur",
    "cultivateurs",
    "paysans",
    "مزارعين",
    "مزارعون",
];

/// Herding communities (normalised; Arabic without its article).
const HERDERS: &[&str] = &[
    "herders",
    "herder",
    "pastoralists",
    "pastoralist",
    "breeders",
    "eleveurs",
    "eleveur",
    "pasteurs",
    "رعاه",
];

/// Ethnic words (normalised; Arabic without its article) and the group they name.
const ETHNIC_GROUPS: &[(&str, &str)] = &[
    ("fulani", "Fulani"),
    ("fulanis", "Fulani"),
    ("fula", "Fulani"),
    ("peul", "Fulani"),
    ("peuls", "Fulani"),
    ("peulh", "Fulani"),
    ("peulhs", "Fulani"),
    ("dogon", "Dogon"),
    ("dogons", "Dogon"),
    ("bambara", "Bambara"),
    ("bambaras", "Bambara"),
    ("tuareg", "Tuareg"),
    ("tuaregs", "Tuareg"),
    ("touareg", "Tuareg"),
    ("touaregs", "Tuareg"),
    ("songhai", "Songhai"),
    ("sonrai", "Songhai"),
    ("bozo", "Bozo"),
    ("bozos", "Bozo"),
    ("mossi", "Mossi"),
    ("mossis", "Mossi"),
    ("foulse", "Foulse"),
    ("gourmantche", "Gourmantche"),
    ("gourmantches", "Gourmantche"),
    ("fulse", "Foulse"),
    ("kurumba", "Foulse"),
    ("songhay", "Songhai"),
    ("sonrhai", "Songhai"),
    ("dawsahak", "Dawsahak"),
    ("daoussahak", "Dawsahak"),
    ("imghad", "Imghad"),
    ("toubou", "Toubou"),
    ("arab", "Arab"),
    ("arabs", "Arab"),
    ("arabe", "Arab"),
    ("arabes", "Arab"),
    ("ngambaye", "Ngambaye"),
    ("maba", "Maba"),
    ("dadjo", "Dadjo"),
    ("daju", "Dadjo"),
    ("فولاني", "Fulani"),
    ("فلاني", "Fulani"),
    ("فلان", "Fulani"),
    ("دوغون", "Dogon"),
    ("طوارق", "Tuareg"),
    ("بمبارا", "Bambara"),
    ("عرب", "Arab"),
    ("نغامباي", "Ngambaye"),
    ("مابا", "Maba"),
    ("داجو", "Dadjo"),
];

/// Whether only a coordinating conjunction (and an article or "of") stands between two actor
/// mentions: "X and the Y", "X et de l'Y", "X ainsi que Y", "X وY".
/// The pluperfect passive right before a trigger ("had been killed", "avaient été tuées").
const PLUPERFECT_PASSIVE: &[&str] = &[" had been", " avait ete", " avaient ete"];

/// Whether `text[start - reach .. end]` holds one of `words` (the reach cut back to a char
/// boundary).
fn words_in_reach(text: &str, start: usize, reach: usize, end: usize, words: &[&str]) -> bool {
    let lo = floor_char(text, start.saturating_sub(reach));
    words.iter().any(|w| text[lo..end].contains(w))
}

/// Words of affiliation before or inside a group's name ("linked to", "lié à", "المرتبطة").
const AFFILIATION_WORDS: &[&str] = &[
    "link",
    "lie",
    "affili",
    "allied",
    "loyal",
    "مرتبط",
    "تابع",
    "موالي",
];

/// Conjunctions that open the clause telling how a passive toll came about.
const WHEN_WORDS: &[&str] = &[
    " when ",
    " as ",
    " lorsque ",
    " lorsqu'",
    " quand ",
    " alors que ",
];

/// The two sides of "X ont opposé X à Y" / "combats opposant X à Y" / "pitted X against Y",
/// the verb within three words after the trigger ending at `t_end`.
fn pitted_sides(
    scan: &Scan,
    mentions: &[ActorMention],
    t_end: usize,
) -> Option<(Option<ActorMention>, Option<ActorMention>)> {
    let text = scan.norm.as_str();
    let hi = floor_char(text, (t_end + 40).min(text.len()));
    let (verb, against): (usize, &[&str]) =
        text[t_end..hi].split_whitespace().take(3).find_map(|w| {
            let at = t_end + text[t_end..].find(w)?;
            if w.starts_with("oppos") {
                Some((at + w.len(), &[" a ", " aux "][..]))
            } else if w.starts_with("pitt") {
                Some((at + w.len(), &[" against "][..]))
            } else {
                None
            }
        })?;
    let a = mentions
        .iter()
        .find(|m| m.start >= verb && scan.gap(verb, m.start) <= 4)?;
    let b = mentions
        .iter()
        .filter(|m| m.start > a.end && m.refs != a.refs)
        .find(|m| {
            let between = &text[a.end..m.start];
            // "lié à al-Qaïda, à ceux de l'EI": the last "à" that no "lié" governs.
            against.iter().any(|w| {
                between.rfind(w).is_some_and(|i| {
                    let head = between[..i].trim_end();
                    !head.ends_with("lie") && !head.ends_with("liee") && !head.ends_with("affilie")
                })
            }) && !between.contains(['.', ';'])
        })?;
    Some((Some(a.clone()), Some(b.clone())))
}

fn coordinated(text: &str, a_end: usize, b_start: usize) -> bool {
    if b_start < a_end {
        return false;
    }
    let between = text[a_end..b_start].trim();
    if between.is_empty() {
        return text[b_start..].starts_with('و');
    }
    let mut words = between
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty());
    let lead = match words.next() {
        Some("and" | "et" | "و") => true,
        Some("ainsi") => words.next() == Some("que"),
        Some("as") => words.next() == Some("well") && words.next() == Some("as"),
        _ => false,
    };
    // At most two articles or "of" after the conjunction, or "members of the", "des
    // éléments de la" (the partitive noun among the first two words).
    let article = |w: &str| {
        matches!(
            w,
            "the" | "of" | "de" | "des" | "du" | "d" | "l" | "la" | "le" | "les"
        )
    };
    let partitive = |w: &str| matches!(w, "members" | "membres" | "elements" | "éléments");
    let mut n = 0;
    lead && words.all(|w| {
        n += 1;
        article(w) && n <= 3 || partitive(w) && n <= 2
    })
}

/// Whether the trigger at `t_start..t_end` says an attack was repelled ("repelled the attack",
/// "repoussé une attaque", "صد الهجوم"): its subject defended, the attacker is the other side.
fn repels(text: &str, t_start: usize, t_end: usize) -> bool {
    let said = &text[t_start..t_end];
    said.split(|c: char| !is_word_char(c)).any(|word| {
        REPEL_STEMS.iter().any(|w| word.starts_with(w))
            || word == "صد"
            || word == "وصد"
            || word == "فصد"
    })
}

/// Stems of the Latin-script verbs of repelling (normalised), read by `repels`.
const REPEL_STEMS: &[&str] = &["repel", "repuls", "repouss", "fended"];

/// The trigger is a finite past verb in English or French ("marched", "attacked", "ont
/// manifesté"): the sentence asserts that something happened, where a noun ("the attacks",
/// "les manifestations") may only refer to it. Arabic script is unmarked for this and never
/// passes.
fn past_verb(text: &str, t_start: usize, t_end: usize) -> bool {
    let word = text[t_start..t_end].split(' ').next().unwrap_or("");
    if word.starts_with(|c: char| ('\u{0600}'..='\u{06FF}').contains(&c)) {
        return arabic_past_verb(word);
    }
    if !word.is_ascii() || word.len() < 4 {
        return false;
    }
    const IRREGULAR: &[&str] = &[
        "went", "held", "took", "began", "rose", "shot", "struck", "fought",
    ];
    let before = text[..t_start].trim_end();
    let french_aux = ["ont", "a", "sont", "est", "ont ete", "a ete"]
        .iter()
        .any(|aux| before.ends_with(&format!(" {aux}")) || before == *aux);
    word.ends_with("ed") || IRREGULAR.contains(&word) || (french_aux && word.ends_with(['e', 's']))
}

/// Perfective (past) forms of the verbs Arabic news uses to report what happened, in the
/// normalised spelling, with the conjunctions و/ف and the plural/feminine endings: "وتجمع",
/// "احتشدوا", "خرجت". A report says what people did; commentary uses nouns. Verbs that only
/// tell the details of a protest already reported (chanted, raised banners, demanded) are left
/// out: they describe, they do not report a new event.
fn arabic_past_verb(word: &str) -> bool {
    const STEMS: &[&str] = &[
        "خرج",
        "تجمع",
        "احتشد",
        "تظاهر",
        "اعتصم",
        "سار",
        "احرق",
        "اضرم",
        "قطع",
        "اغلق",
        "نظم",
        "اقتحم",
        "اشتبك",
        "هاجم",
        "اطلق",
        "فجر",
        "انفجر",
        "قتل",
        "اصاب",
        "اغتصب",
        "اعدم",
        "ذبح",
        "نجا",
        "سقط",
        "احتجز",
        "اختطف",
        "خطف",
        "استهدف",
        "اعتقل",
        "دمر",
        "نهب",
        "شن",
        "قصف",
        "اغتال",
        "نفذ",
        "سيطر",
        "تجمهر",
        "اضرب",
        "نزل",
        "توجه",
        "حاصر",
        "فرق",
        "داهم",
        "كمن",
        "نصب",
        "تعرض",
        "فض",
        "سد",
        "احتج",
        "اندلع",
        "انطلق",
        "تجدد",
        "شارك",
    ];
    // A leading و or ف is a conjunction or the verb's own letter (فض, فجر, فرق).
    let bare = word
        .strip_prefix('و')
        .or_else(|| word.strip_prefix('ف'))
        .unwrap_or(word);
    // "فجر أمس" is "at dawn yesterday": the bare noun is never read as the verb.
    let whole = if word == "فجر" { bare } else { word };
    [whole, bare].iter().any(|w| {
        STEMS.iter().any(|s| {
            w.strip_prefix(s)
                .is_some_and(|rest| matches!(rest, "" | "وا" | "ت" | "ن" | "ا" | "تا"))
        })
    })
}

/// A convoy or escort (normalised cue text): it may carry miners or traders, so unlike a post
/// or camp it does not stand for the forces.
fn is_convoy(w: &str) -> bool {
    matches!(
        w,
        "convoy" | "convoi" | "رتل" | "قافله" | "escort" | "escorte"
    )
}

fn is_arabic_letter(c: char) -> bool {
    ('\u{0621}'..='\u{064A}').contains(&c)
}

/// An Arabic event word used as a name for an event rather than to report one: a definite noun
/// ("التفجير", "بالقتل", "للاغتيالات": the bombing, by killing) or a noun governed by a head that
/// makes it a kind or a charge ("جرائم قتل", "تهمة الخطف", "أعمال العنف"). In news Arabic such a
/// word refers to an event told elsewhere ("the attack, which killed ...", "after the
/// bombing") or to violence in general; a report uses a verb ("قتل مسلحون", "انفجرت سيارة") or an
/// indefinite noun with a count ("مقتل 15 شخصا"). Latin-script words are never nominal here.
fn arabic_nominal(text: &str, t_start: usize) -> bool {
    const HEADS: &[&str] = &[
        "جرايم",
        "جريمه",
        "اعمال",
        "تهمه",
        "تهم",
        "بتهمه",
        "بتهم",
        "ظاهره",
        "مسلسل",
        "سياسه",
        "ثقافه",
        "لغه",
        "ضحايا",
        "شهداء",
    ];
    if !text[t_start..].starts_with(is_arabic_letter) {
        return false;
    }
    let before = &text[..t_start];
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_arabic_letter(c))
        .last()
        .map_or(t_start, |(i, _)| i);
    let prefix = &text[word_start..t_start];
    let prefix = prefix
        .strip_prefix('و')
        .or_else(|| prefix.strip_prefix('ف'))
        .unwrap_or(prefix);
    if prefix.ends_with("ال") || prefix == "لل" {
        return true;
    }
    let prev = text[..word_start]
        .trim_end_matches(|c: char| !is_arabic_letter(c) && c != '\n')
        .rsplit(|c: char| !is_arabic_letter(c))
        .next()
        .unwrap_or("");
    let prev = prev
        .strip_prefix('و')
        .filter(|p| p.chars().count() >= 3)
        .unwrap_or(prev);
    // "بعد انسحاب القوات الفرنسية", "عقب اغتيال الرئيس": a verbal noun after a preposition of
    // time, with a definite noun after it, names a known event.
    const TIME_PREPOSITIONS: &[&str] = &["بعد", "قبل", "اثر", "عقب", "منذ", "جراء", "بسبب"];
    let next_definite = text[t_start..]
        .split(|c: char| !is_arabic_letter(c))
        .filter(|w| !w.is_empty())
        .nth(1)
        .is_some_and(|w| w.starts_with("ال"));
    HEADS.contains(&prev) || (TIME_PREPOSITIONS.contains(&prev) && next_definite)
}

/// An English or French event noun with a definite article or demonstrative right before it:
/// "the fighting", "this attack", "l'attaque", "les combats", "cette embuscade".
fn latin_definite(text: &str, t_start: usize) -> bool {
    if !text[t_start..].starts_with(|c: char| c.is_ascii_alphabetic()) {
        return false;
    }
    let before = &text[..t_start];
    if before.ends_with("l'") {
        return true;
    }
    let prev = before.trim_end().rsplit(' ').next().unwrap_or("");
    before.ends_with(' ')
        && matches!(
            prev,
            "the" | "this" | "that" | "these" | "le" | "la" | "les" | "cette" | "ces" | "cet"
        )
}

/// The trigger at `t_start` follows a demonstrative, with at most one English adjective
/// between: "this cowardly attack", "these attacks", "cette attaque", "ces violences".
fn latin_demonstrative(text: &str, t_start: usize) -> bool {
    if !text[t_start..].starts_with(|c: char| c.is_ascii_alphabetic()) {
        return false;
    }
    let mut words = text[..t_start].split_whitespace().rev();
    let prev = words.next().unwrap_or("");
    let demonstrative = |w: &str| matches!(w, "this" | "these" | "cette" | "ces" | "cet" | "ce");
    demonstrative(prev)
        || (prev.chars().all(|c| c.is_ascii_alphabetic())
            && words.next().is_some_and(|w| matches!(w, "this" | "these")))
}

/// "ووقع الهجوم", "وجرت التظاهرة": a verb of occurrence right before a definite event noun
/// reports the event the noun names (a follow-up sentence of a report).
fn occurrence_verb_before(text: &str, sentence_start: usize, t_start: usize) -> bool {
    const STEMS: &[&str] = &[
        "وقع",
        "جرى",
        "جرت",
        "حدث",
        "اندلع",
        "تجدد",
        "نفذ",
        "شن",
        "بدا",
    ];
    let before = &text[sentence_start..t_start];
    let mut words = before
        .rsplit(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty());
    // The noun's own proclitics ("ال", "بال") come first.
    let own = words.next().unwrap_or("");
    let prev = if own.chars().all(|c| "وفبلكال".contains(c)) && !before.ends_with(' ') {
        words.next().unwrap_or("")
    } else {
        own
    };
    let w = prev
        .strip_prefix('و')
        .or_else(|| prev.strip_prefix('ف'))
        .unwrap_or(prev);
    STEMS.iter().any(|s| {
        w.strip_prefix(s)
            .is_some_and(|r| matches!(r, "" | "ت" | "وا"))
    })
}

/// "تعرض قيادي ... للخطف" (was subjected to abduction), "نزل الآلاف إلى الشوارع للاحتجاج" (took
/// to the streets to protest): a noun after لل completes a finite verb shortly before it.
fn purpose_after_verb(scan: &Scan, sentence_start: usize, t_start: usize) -> bool {
    let text = scan.norm.as_str();
    if !text[..t_start].ends_with("لل") {
        return false;
    }
    let wi = scan.word_index(t_start);
    (wi.saturating_sub(12)..wi).any(|k| {
        let ws = scan.word_starts[k];
        let we = text[ws..]
            .find(|c: char| !is_word_char(c))
            .map_or(text.len(), |e| ws + e);
        ws >= sentence_start && arabic_past_verb(&text[ws..we])
    })
}

/// A relative pronoun between `a` and `b` ("الهجوم الذي استهدف", "the attack which killed"):
/// what follows it describes the noun before it, it does not report anew.
fn relative_between(text: &str, a: usize, b: usize) -> bool {
    const RELATIVES: &[&str] = &[
        "الذي",
        "التي",
        "الذين",
        "اللذين",
        "اللتين",
        "اللذان",
        "اللتان",
    ];
    b > a
        && text[a..b]
            .split(|c: char| !is_word_char(c))
            .any(|w| RELATIVES.contains(&w))
}

/// The end of a wire-story dateline ("bamako, march 3 (reuters) -", "ouagadougou (afp) -"):
/// a short opening without a full stop, ended by a dash, that names an agency or is a city.
fn dateline_end(text: &str) -> usize {
    // An editor's note above the dateline ("(Adds ISWAP claim, updates army toll)") is skipped.
    let mut from = 0;
    while let Some(line) = text[from..].trim_start().split('\n').next().filter(|l| {
        let l = l.trim_end();
        l.starts_with('(') && l.ends_with(')') && l.len() < 200
    }) {
        from = line.as_ptr() as usize - text.as_ptr() as usize + line.len();
    }
    if from > 0 {
        from = text.len() - text[from..].trim_start().len();
    }
    let head = &text[from..floor_char(text, text.len().min(from + 100))];
    // "BAMAKO (Reuters) -", "ياوندي –": a hyphen or a dash after the filing place.
    let Some((dash, len)) = [" - ", " -- ", " – ", " — "]
        .iter()
        .filter_map(|d| head.find(d).map(|i| (i, d.len())))
        .min()
    else {
        return 0;
    };
    let prefix = &head[..dash];
    // "Niamey, 9 déc. 2025 -": a full stop after a short word is an abbreviation's.
    let abbreviation = |at: usize| {
        let word = prefix[..at].rsplit(' ').next().unwrap_or("");
        (1..=5).contains(&word.chars().count()) && word.chars().all(char::is_alphabetic)
    };
    if prefix.contains(['!', '?', '\n'])
        || prefix.match_indices('.').any(|(at, _)| !abbreviation(at))
        || prefix.split_whitespace().count() > 8
    {
        return 0;
    }
    from + dash + len
}

/// What a sentence's coding may borrow from the rest of the document.
struct Context<'a> {
    /// The date of the event coded just before: a follow-up sentence without a date of its own
    /// continues it ("The gunmen arrived on motorbikes ...").
    prev_date: Option<DateMention>,
    /// That date is the day something was said about it.
    prev_date_said: bool,
    /// An event was coded from an earlier sentence of the document.
    follows: bool,
    /// The sentence before recalled a past event and yielded none.
    after_background: bool,
    /// End of the next sentence: what happened to a protest is often told right after it.
    next_end: usize,
    /// Start of the earliest sentence whose places may stand for this one.
    window_start: usize,
    /// Start of the sentence before when it yielded no event, else of this one: "The following
    /// day, a reconnaissance mission spotted them near Abala. Air strikes neutralised ...".
    lead_start: usize,
    /// The document is a brief of at most three sentences.
    short_doc: bool,
    /// The country most of the document points to.
    country: Option<&'a str>,
}

/// "most of whom were arrested in Borno and Yobe states in 2019", "survenue en janvier 2023": a
/// past year after "in" (and perhaps a month), a few words after the trigger in its clause,
/// dates the clause to that year.
fn past_year_after(
    text: &str,
    t_end: usize,
    end: usize,
    published: Option<NaiveDate>,
    reach: usize,
) -> bool {
    let Some(p) = published else { return false };
    let clause = &text[t_end..end];
    let clause = &clause[..clause.find([',', ';', '.']).unwrap_or(clause.len())];
    let words: Vec<&str> = clause.split_whitespace().take(reach).collect();
    // "in 2019", "en janvier 2023", "في مارس 2018", "around Christmas 2023", "late 2022": the
    // year right after the preposition or after a month or feast.
    let at = |w: &str| {
        matches!(
            w,
            "in" | "en" | "في" | "عام" | "around" | "during" | "late" | "early" | "lors" | "fin"
        )
    };
    (1..words.len()).any(|i| {
        let year = words[i].len() == 4
            && words[i]
                .parse::<i32>()
                .is_ok_and(|y| (1900..p.year()).contains(&y));
        year && (at(words[i - 1]) || (i >= 2 && at(words[i - 2])))
    })
}

/// "In 2012, rebels seized Gao": a past year shortly before the trigger makes the clause history.
/// "Since 2012" / "depuis 2012" / "منذ 2012" only sets the scene and does not count.
fn past_year_before(
    scan: &Scan,
    start: usize,
    trigger: usize,
    published: Option<NaiveDate>,
) -> bool {
    let Some(p) = published else { return false };
    let text = scan.norm.as_str();
    let lo = scan
        .word_starts
        .get(scan.word_index(trigger).saturating_sub(24))
        .copied()
        .unwrap_or(start)
        .max(start);
    let window = &text[lo..trigger];
    for w in window.split(|c: char| !c.is_ascii_digit()) {
        // Separators may be multi-byte (Arabic letters): take the offset from the slice itself.
        let at = lo + (w.as_ptr() as usize - window.as_ptr() as usize);
        if w.len() != 4
            || !w
                .parse::<i32>()
                .is_ok_and(|y| (1900..p.year()).contains(&y))
        {
            continue;
        }
        // "2000 people demonstrated", "1500 manifestants": a count of people, not a year.
        let after = text[at + 4..].trim_start();
        let next_word = after.split(|c: char| !is_word_char(c)).next().unwrap_or("");
        let counted_people = COUNTED_PEOPLE.contains(&next_word)
            || (text[at + 4..].starts_with(' ')
                && after.starts_with(is_word_char)
                && within(&scan.matches, at + 4, trigger, |m| m.start)
                    .iter()
                    .any(|m| {
                        matches!(m.target, Target::Actor(_) | Target::Generic(_))
                            && m.start >= at + 4
                            && scan.gap(at + 4, m.start) == 0
                    }));
        if counted_people {
            continue;
        }
        let before = text[start..at].trim_end();
        let scene = ["since", "depuis", "منذ", "منذ عام", "depuis l'an"]
            .iter()
            .any(|s| before.ends_with(s));
        if !scene {
            return true;
        }
    }
    false
}

/// "JNIM took control of Mansila ... On Saturday the army retook the town from the
/// terrorists": the town is retaken from the group the report says took it.
fn retaken_from(events: &mut [Candidate], places: &[Place]) {
    let town = |c: &Candidate| {
        c.place
            .map(|i| &places[i])
            .filter(|p| !p.is_country)
            .map(|p| (p.location.as_str(), p.country.as_str()))
    };
    for i in 0..events.len() {
        let c = &events[i];
        if c.sub != SubEventType::GovernmentRegainsTerritory || !unknown_perpetrator(&c.actor2) {
            continue;
        }
        let Some(at) = town(c) else { continue };
        let holder = events[..i]
            .iter()
            .rev()
            .find(|o| {
                o.sub == SubEventType::NonStateActorOvertakesTerritory
                    && town(o) == Some(at)
                    && !unknown_perpetrator(&o.actor1)
            })
            .and_then(|o| o.actor1.clone());
        if holder.is_some() {
            events[i].actor2 = holder;
        }
    }
}

/// The sentence claims more than one event: "claimed both attacks", "a revendiqué les deux
/// actions", "تبنت ... الهجومين".
fn claims_several(scan: &Scan, start: usize, end: usize) -> bool {
    const SEVERAL: [&str; 16] = [
        " both",
        " the two attacks",
        " the attacks",
        " the two assaults",
        " les deux attaques",
        " les deux actions",
        " les deux assauts",
        " les deux operations",
        " ces deux attaques",
        " les attaques",
        " ces attaques",
        " الهجومين",
        " العمليتين",
        " الهجمتين",
        " الهجمات",
        " العمليات",
    ];
    let Some(claim) = within(&scan.matches, start, end, |m| m.start)
        .iter()
        .find(|m| m.target == Target::Cue(Cue::Claim))
    else {
        return false;
    };
    let text = &scan.norm.as_str()[claim.end.min(end)..end];
    SEVERAL.iter().any(|w| {
        text.match_indices(w).any(|(at, _)| {
            text[at + w.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
        })
    })
}

/// The sentence's claim cue lays the blame on someone ("blamed", "imputé à", "attributed
/// the attack to") rather than reporting a claim of responsibility.
fn attribution(scan: &Scan, start: usize, end: usize) -> bool {
    let text = scan.norm.as_str();
    within(&scan.matches, start, end, |m| m.start)
        .iter()
        .any(|m| {
            m.target == Target::Cue(Cue::Claim)
                && [
                    "blam", "imput", "attribu", "accus", "pointe", "identif", "اتهم", "يتهم",
                    "تتهم", "نسب", "ينسب", "تنسب", "حمل", "يحمل", "تحمل",
                ]
                .iter()
                // "ont attribué l'attentat à", "has blamed": the auxiliary comes first.
                .any(|w| {
                    text[m.start..m.end]
                        .split(' ')
                        .any(|word| word.starts_with(w))
                })
        })
}

/// An English march verb with an object ("marched the worshippers into the bush", "marched
/// them away"): captives led away, not a protest. "Marched the streets" is still a march.
fn led_away(text: &str, start: usize, end: usize) -> bool {
    if !text[start..end].starts_with("march") || text[start..end].contains(' ') {
        return false;
    }
    let mut words = text[end..].split_whitespace();
    match words.next() {
        Some("them" | "him" | "her" | "us") => true,
        Some("the" | "their" | "some" | "all") => !matches!(
            words
                .next()
                .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric())),
            Some("streets" | "street" | "road" | "roads" | "city" | "town" | "capital" | "length")
        ),
        _ => false,
    }
}

/// The sentence's verb of accusing ("accused", "blamed", "accusent", "اتهم"), if any.
fn accusation<'s>(scan: &'s Scan, start: usize, end: usize) -> Option<&'s Match> {
    let text = scan.norm.as_str();
    within(&scan.matches, start, end, |m| m.start)
        .iter()
        .find(|m| {
            m.target == Target::Cue(Cue::Claim)
                && ["accus", "blame", "اتهم", "يتهم", "تتهم"]
                    .iter()
                    .any(|w| text[m.start..m.end].starts_with(w))
        })
}

/// Words that make a denied sentence a denied report ("denied reports of", "نفت الشائعات")
/// (normalised).
const REPORTS: &[&str] = &[
    "reports",
    "report",
    "rumours",
    "rumors",
    "allegations",
    "claims",
    "informations",
    "information",
    "rumeurs",
    "انباء",
    "الانباء",
    "تقارير",
    "التقارير",
    "شايعات",
    "الشايعات",
    "اخبار",
    "الاخبار",
    // What circulated on social media: "ما تداولته حسابات", "circulating", "des vidéos".
    "circulating",
    "circulated",
    "posts",
    "videos",
    "video",
    "circulaient",
    "circulent",
    "تداولته",
    "تداولتها",
    "تداولت",
    "حسابات",
    "مقاطع",
];

/// Between a denial and the trigger stands a noun of report or rumour: what is denied is the
/// report of the event ("denied reports that", "démenti les informations faisant état",
/// "نفت أنباء عن").
fn denied_report(text: &str, denial_end: usize, t_start: usize) -> bool {
    text[denial_end..t_start]
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .take(16)
        .any(|w| {
            // "بالشائعات", "والأنباء": a clitic before the noun.
            REPORTS.contains(&w)
                || w.strip_prefix(['و', 'ب', 'ل', 'ف'])
                    .is_some_and(|x| REPORTS.contains(&x))
        })
}

/// The sentence has "since" or "منذ" as a word.
fn since_in(text: &str, start: usize, end: usize) -> bool {
    text[start..end]
        .split(|c: char| !is_word_char(c))
        .any(|w| matches!(w, "since" | "منذ"))
}

/// A sentence that tells a conflict's running toll: a war word ("insurgency", "conflit",
/// "التمرد") and a span of years ("since 2009", "depuis 2012", "منذ عام 2012", "its 14-year
/// insurgency", "a decade-long war").
fn cumulative_toll(text: &str, start: usize, end: usize) -> bool {
    const WARS: &[&str] = &[
        "insurgency",
        "insurrection",
        "conflict",
        "conflit",
        "rebellion",
        "war",
        "guerre",
        "crisis",
        "crise",
        "violence",
        "violences",
        "jihad",
        "التمرد",
        "تمرد",
        "النزاع",
        "الصراع",
        "الحرب",
        "الازمه",
        "العنف",
    ];
    const SPANS: &[&str] = &["since", "depuis", "منذ"];
    let year = |w: &str| {
        w.len() == 4
            && w.bytes().all(|b| b.is_ascii_digit())
            && (w.starts_with("19") || w.starts_with("20"))
    };
    // A span of years needs a year or a hyphenated "14-year": most sentences have neither.
    if !text.as_bytes()[start..end]
        .iter()
        .any(|&b| b.is_ascii_digit() || b == b'-')
    {
        return false;
    }
    let (mut war, mut span, mut since_left) = (false, false, 0usize);
    for w in text[start..end]
        .split(|c: char| !is_word_char(c) && c != '-')
        .filter(|w| !w.is_empty())
    {
        war |= WARS.contains(&w);
        // "since 2009", "depuis 2012", "منذ عام 2012", "since early 2012".
        if since_left > 0 {
            span |= year(w);
            since_left -= 1;
        }
        if SPANS.contains(&w) {
            since_left = 3;
        }
        // "14-year", "decade-long", "years-long".
        span |= w.ends_with("-year") || w.ends_with("-long");
        if war && span {
            return true;
        }
    }
    false
}

/// Fatalities from counts next to casualty words. Each count goes to its nearest casualty word;
/// counts at killing/death words are summed ("43 soldiers and 17 militants were killed"),
/// wounded and abducted counts are not fatalities. A killing with no count gives 1 (at least one
/// death is stated); a negated one gives 0.
fn casualties(
    scan: &Scan,
    in_sentence: &[Match],
    start: usize,
    end: usize,
) -> Option<(u32, Option<(usize, usize)>)> {
    let words: Vec<(Cue, usize, usize)> = in_sentence
        .iter()
        .filter_map(|m| match m.target {
            Target::Cue(c) if c.is_casualty() => Some((c, m.start, m.end)),
            _ => None,
        })
        .collect();
    if !words
        .iter()
        .any(|w| matches!(w.0, Cue::Kill | Cue::Dead | Cue::Neutralise))
    {
        return None;
    }
    let negated = |w_start: usize| {
        in_sentence.iter().any(|m| {
            matches!(m.target, Target::Cue(Cue::Negation | Cue::Attempt))
                && m.end <= w_start
                && scan.gap(m.end, w_start) <= NEGATION_WINDOW
        })
    };
    let mut total = 0u32;
    let mut span: Option<(usize, usize)> = None;
    let mut counted = false;
    let mut last_counted_end: Option<usize> = None;
    // Counts before the first counted one, not yet tied to a casualty word.
    let mut loose: Vec<NumberMention> = Vec::new();
    let in_range = within(&scan.numbers, start, end, |n| n.start);
    for (k, n) in in_range.iter().enumerate().filter(|(_, n)| n.end <= end) {
        // "قتل مدنيان اثنان": a numeral that repeats the dual noun before it counts no one more.
        if k > 0 && {
            let p = &in_range[k - 1];
            p.value == n.value
                && p.end <= n.start
                && scan.norm.as_str()[p.end..n.start].trim().is_empty()
        } {
            continue;
        }
        if within(&scan.dates, start, end, |d| d.start)
            .iter()
            .any(|d| d.start <= n.start && n.end <= d.end)
        {
            continue;
        }
        // "thousands", "des dizaines de milliers", "آلاف": a war's toll, never one event's.
        if n.value >= 1000 && n.vagueness == Vagueness::Vague {
            continue;
        }
        // "attacked by several hundred terrorists": the attackers counted, not the dead.
        // "revising upwards an initial toll of 12 dead": a figure the sentence replaces.
        // (The words just before the count are enough: a long sentence is not searched again
        // for each of its numbers.)
        let text = scan.norm.as_str();
        let from = floor_char(text, n.start.saturating_sub(96).max(start));
        let before = text[from..n.start].trim_end_matches([' ', '"', '«', '“']);
        if before.ends_with(" by") || before.ends_with(" par") || superseded_toll(before) {
            continue;
        }
        // "six years", "8 vehicles", "20 km": not people.
        // ("une soixantaine de kilomètres": a vague count takes "de" before its unit.)
        let measured = in_sentence.iter().any(|m| {
            m.target == Target::Cue(Cue::Unit)
                && m.start >= n.end
                && (scan.gap(n.end, m.start) == 0
                    || matches!(
                        scan.norm.as_str()[n.end..m.start].trim(),
                        "de" | "d'" | "of"
                    ))
        });
        if measured {
            continue;
        }
        let text = scan.norm.as_str();
        let nearest = words
            .iter()
            .filter(|w| {
                // "killed, 8 vehicles seized": a clause break separates a count from the word.
                // Before the word a list may run on ("Two policemen, 1 civilian killed"); after
                // it the count must follow at once ("killing 12 soldiers", "مقتل 12").
                if n.end <= w.1 {
                    // "Two armed men killed two gendarmes": a count before a killing verb
                    // with its own object after it counts the killers.
                    // ("2 armed men killed an off-duty policeman": an article may stand
                    // between the verb and its object.)
                    let right_after = |s: usize| {
                        s >= w.2
                            && matches!(
                                text[w.2..s].trim(),
                                "" | "a" | "an" | "the" | "un" | "une" | "le" | "la" | "les"
                            )
                    };
                    let passive = in_sentence.iter().any(|m| {
                        m.target == Target::Cue(Cue::PassiveAux)
                            && m.end <= w.1
                            && scan.gap(m.end, w.1) <= 1
                    });
                    let object_after = w.0 == Cue::Kill
                        && !passive
                        && (within(&scan.numbers, w.2, end, |m| m.start)
                            .iter()
                            .any(|m| right_after(m.start))
                            || in_sentence.iter().any(|m| {
                                matches!(m.target, Target::Actor(_) | Target::Generic(_))
                                    && right_after(m.start)
                            }));
                    // "مقتل جنديين وإصابة ثلاثة": a count before "و" + a casualty noun ends
                    // the previous clause.
                    let arabic_and = matches!(text[n.end..w.1].trim(), "و" | "ف");
                    // "One resident said he saw at least ten bodies": the count before a verb
                    // of saying counts the speakers.
                    let speaker = spanned_words(text, n.end, w.1)
                        .any(|(_, _, v)| COUNT_SPEAKER_VERBS.contains(&v));
                    !object_after
                        && !arabic_and
                        && !speaker
                        && !breaks_count(text, n.end, w.1, in_sentence)
                } else if w.2 <= n.start {
                    // Arabic verb-subject-object: "قتل المسلحون ثلاثة مدنيين" (the agent
                    // stands between the verb and the count).
                    let agent_between = in_sentence.iter().any(|m| {
                        matches!(m.target, Target::Actor(_) | Target::Generic(_))
                            && m.start >= w.2
                            && m.end <= n.start
                            && scan.gap(w.2, m.start) == 0
                            && scan.gap(m.end, n.start) == 0
                    });
                    // "cut the throats of nine", "the killing of at least 39".
                    // "قتل خلالها سبعة", "قتل منهم سبعة": a pronoun object of a preposition
                    // between the verb and its count.
                    let of_between = scan.gap(w.2, n.start) == 1
                        && matches!(
                            text[w.2..n.start].trim(),
                            "of" | "de" | "d'" | "من" | "خلالها" | "خلاله" | "منهم"
                        );
                    // "killed herself and five worshippers": the bomber, then the count.
                    let reflexive_between = matches!(
                        text[w.2..n.start].trim(),
                        "himself and" | "herself and" | "themselves and"
                    );
                    // "ont tué jeudi soir onze personnes", "قتلوا الثلاثاء خمسة": the day
                    // between the verb and its count.
                    let day_between =
                        within(&scan.dates, w.2, n.start, |d| d.start)
                            .iter()
                            .any(|d| {
                                d.start >= w.2
                                    && d.end <= n.start
                                    && text[w.2..d.start].trim().is_empty()
                                    && text[d.end..n.start].trim().is_empty()
                            });
                    (scan.gap(w.2, n.start) == 0
                        || agent_between
                        || of_between
                        || reflexive_between
                        || day_between)
                        && !text[w.2..n.start].contains([',', ';', ':', '.', '(', ')', '&'])
                } else {
                    true // the count phrase holds the word ("ثمانية قتلى على الأقل")
                }
            })
            .map(|w| {
                let d = if n.end <= w.1 {
                    // "Vingt-trois soldats et supplétifs civils de l'armée burkinabè ont été
                    // tués": the people counted, however many words name them, are not
                    // distance.
                    // Only when the count names people at once ("23 soldiers and ...") and in
                    // Latin script (Arabic puts the count after the verb).
                    let people = |m: &&Match| {
                        matches!(m.target, Target::Actor(_) | Target::Generic(_))
                            && m.start >= n.end
                            && m.end <= w.1
                    };
                    let names_people = in_sentence.iter().filter(people).any(|m| {
                        scan.gap(n.end, m.start) == 0
                            && text[m.start..].starts_with(|c: char| c.is_ascii_alphabetic())
                    });
                    let naming: usize = if names_people {
                        in_sentence
                            .iter()
                            .filter(people)
                            .map(|m| scan.word_index(m.end - 1) + 1 - scan.word_index(m.start))
                            .sum()
                    } else {
                        0
                    };
                    scan.gap(n.end, w.1).saturating_sub(naming)
                } else {
                    scan.gap(w.2, n.start).min(1) + 1
                };
                // "killed four, injured two": a count right after one word beats the word
                // after the comma.
                let rank = if n.end <= w.1 && text[n.end..w.1].contains(',') {
                    d + 2
                } else {
                    d
                };
                (d, rank, w)
            })
            .filter(|(d, _, _)| *d <= COUNT_WINDOW)
            .min_by_key(|(_, rank, _)| *rank)
            .map(|(d, _, w)| (d, w));
        if nearest.is_none() && last_counted_end.is_none() {
            loose.push(*n);
        }
        if let Some((_, w)) = nearest {
            if matches!(w.0, Cue::Kill | Cue::Dead | Cue::Neutralise) && !negated(w.1) {
                // "au moins 18 combattants tués dans les deux camps, tandis que le JNIM
                // affirme avoir tué plus de quarante": a toll of both sides is the
                // sentence's figure; other counts there are parts or claims.
                if both_sides_after(text, n.end) {
                    return Some((n.value, Some((n.start, n.end))));
                }
                // "au moins 17 morts, tandis qu'un collectif avance le chiffre de 34
                // victimes": another source's figure for the same dead; ACLED keeps the
                // lower.
                // (Unless the two counts name different people: "معترفة بمقتل اثنين من
                // عناصرها، في حين أكد مصدر عسكري مقتل ثلاثة جنود" are both sides' dead.)
                let people_after = |at: usize| {
                    in_sentence
                        .iter()
                        .find(|m| {
                            matches!(m.target, Target::Actor(_) | Target::Generic(_))
                                && m.start >= at
                                && scan.gap(at, m.start) <= 2
                        })
                        .map(|m| m.target)
                };
                // A party counting "two of its own" and a source counting soldiers count
                // different dead.
                let own_side = |at: usize| {
                    let rest = text[at..].trim_start();
                    [
                        "من عناصر",
                        "من مقاتل",
                        "of its",
                        "of their",
                        "de ses",
                        "parmi ses",
                    ]
                    .iter()
                    .any(|w| rest.starts_with(w))
                };
                let same_people = |prev: usize| match (people_after(prev), people_after(n.end)) {
                    (Some(a), Some(b)) => a == b,
                    (None, Some(_)) => !own_side(prev),
                    _ => true,
                };
                if last_counted_end.is_some_and(|prev| {
                    other_source_figure(&text[prev..n.start]) && same_people(prev)
                }) {
                    total = total.min(n.value);
                    continue;
                }
                // "eight people had died, including two who succumbed in hospital", "dont
                // deux", "بينهم اثنان": a part of the count just made, not more dead.
                if last_counted_end.is_some_and(|prev| {
                    n.value <= total
                        && scan.gap(prev, n.start) <= 6
                        && !text[prev..n.start].contains(['.', ';'])
                        && ends_with_inclusion(&text[prev..n.start])
                }) {
                    continue;
                }
                total = total.saturating_add(n.value);
                counted = true;
                span = Some(match span {
                    None => (n.start, n.end),
                    Some((s, _)) => (s, n.end),
                });
                last_counted_end = Some(n.end);
            }
        } else if let Some(prev_end) = last_counted_end {
            // "killing two policemen and two civilians": a count joined to the one just
            // counted belongs to the same toll.
            let between = &text[prev_end..n.start];
            if scan.gap(prev_end, n.start) <= 3
                && (between.contains(" and ") || between.contains(" et ") || between.contains(" و"))
                && !between.contains(['.', ';', ':'])
                // "killing one and arresting five": another verb starts another count. Only
                // "and" and the actor nouns of the first count may stand between.
                && {
                    let mut rest = between.to_string();
                    for m in in_sentence.iter().filter(|m| {
                        matches!(m.target, Target::Actor(_) | Target::Generic(_))
                            && m.start >= prev_end
                            && m.end <= n.start
                    }) {
                        rest = rest.replace(&text[m.start..m.end], " ");
                    }
                    // "killing one Koglweogo member and 3 miners": a noun or two of the first
                    // count's people may stand there too, but no other event word.
                    let others = rest
                        .split(|c: char| c.is_whitespace() || c == ',')
                        .filter(|w| !w.is_empty())
                        .filter(|w| !matches!(*w, "and" | "et" | "و" | "others" | "autres"))
                        .count();
                    // A verb there ("taking six hostage", "captured three") starts another
                    // count.
                    let verb = rest
                        .split(|c: char| c.is_whitespace() || c == ',')
                        .any(|w| w.ends_with("ing") || w.ends_with("ed") || w.ends_with("ant"));
                    others == 0
                        || (others <= 2
                            && !verb
                            && (between.contains(" and ")
                                || between.contains(" et ")
                                || between.ends_with(" و"))
                            && !in_sentence.iter().any(|m| {
                                matches!(m.target, Target::Cue(k) if !k.is_grammar())
                                    && m.start >= prev_end
                                    && m.end <= n.start
                            }))
                }
            {
                total = total.saturating_add(n.value);
                span = span.map(|(s, _)| (s, n.end));
                last_counted_end = Some(n.end);
            }
        }
    }
    if counted {
        // "killing two soldiers and a child": a singular person joined to the last count
        // adds one.
        let text = scan.norm.as_str();
        if let Some(last) = last_counted_end {
            let people_after = |from: usize| {
                in_sentence.iter().find(|m| {
                    matches!(m.target, Target::Actor(_) | Target::Generic(_))
                        && m.start >= from
                        && scan.gap(from, m.start) == 0
                })
            };
            // Past the noun of the last count.
            let after_noun = people_after(last).map_or(last, |m| m.end);
            let rest = text[after_noun..end].trim_start();
            // "سبعة جنود ومدني": an Arabic singular person noun joined by "و".
            let arabic_single = rest.strip_prefix('و').is_some_and(|r| {
                let w = &r[..r.find(|c: char| !is_word_char(c)).unwrap_or(r.len())];
                AR_SINGLE_PERSON.contains(&w)
            });
            if arabic_single {
                total = total.saturating_add(1);
            }
            // "A UN peacekeeper from Togo and two Malian civilians were killed", "killing a
            // man and two children": one person named before the first count adds one.
            if let Some((first, _)) = span {
                let head = text[start..first].trim_end();
                let head = head
                    .strip_suffix(" and")
                    .or_else(|| head.strip_suffix(" et"));
                if let Some(head) = head {
                    let from = head.rfind([',', ';', ':', '.', '(']).map_or(0, |i| i + 1);
                    let words: Vec<&str> = head[from..].split_whitespace().collect();
                    let np = (2..=5)
                        .rev()
                        .filter(|&k| k <= words.len())
                        .map(|k| &words[words.len() - k..])
                        .find(|w| matches!(w[0], "a" | "an" | "one" | "un" | "une"));
                    // Where the phrase starts (its first word is a slice of `text`).
                    let np_start =
                        np.map_or(first, |w| w[0].as_ptr() as usize - text.as_ptr() as usize);
                    let person = np.is_some()
                        && in_sentence.iter().any(|m| {
                            matches!(m.target, Target::Actor(_) | Target::Generic(_))
                                && m.start >= np_start
                                && m.end <= start + head.len()
                        });
                    let plural = np
                        .and_then(|w| w.last())
                        .is_some_and(|w| w.ends_with('s') && w.len() > 3);
                    if person && !plural {
                        total = total.saturating_add(1);
                    }
                }
            }
            let mut words = rest.split_whitespace();
            let joined = matches!(words.next(), Some("and" | "et"))
                && matches!(
                    words.next(),
                    Some("a" | "an" | "his" | "her" | "their" | "un" | "une" | "son" | "sa")
                );
            if joined {
                let article_end = after_noun
                    + (text[after_noun..end].len() - rest.len())
                    + rest
                        .split_whitespace()
                        .take(2)
                        .map(|w| w.len() + 1)
                        .sum::<usize>();
                let article_end = article_end.min(end);
                if in_sentence.iter().any(|m| {
                    matches!(m.target, Target::Actor(_) | Target::Generic(_))
                        && m.start >= article_end
                        && scan.gap(article_end, m.start) <= 1
                }) && !scan
                    .numbers
                    .iter()
                    .any(|n| n.start >= after_noun && n.start < article_end + 12)
                {
                    total = total.saturating_add(1);
                }
            }
        }
        // "Seven soldiers, 15 fighters and one civilian were killed", "twenty-seven
        // militiamen and one militant were killed": counts listed before the one next to the
        // word, joined by commas and "and" with only their people between, add to it.
        for n in loose.iter().rev() {
            let Some((first, _)) = span else { break };
            if n.end > first {
                continue;
            }
            let mut rest = text[n.end..first].to_string();
            for m in in_sentence.iter().filter(|m| {
                matches!(m.target, Target::Actor(_) | Target::Generic(_))
                    && m.start >= n.end
                    && m.end <= first
            }) {
                rest = rest.replace(&text[m.start..m.end], " ");
            }
            let words: Vec<&str> = rest
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|w| !w.is_empty())
                .collect();
            let joined = words.iter().all(|w| matches!(*w, "and" | "et" | "و"))
                && (rest.contains(',') || !words.is_empty());
            if !joined || scan.gap(n.end, first) > 6 {
                break;
            }
            total = total.saturating_add(n.value);
            span = span.map(|(_, e)| (n.start, e));
        }
        return Some((total, span));
    }
    // "several of their livestock were killed": animals are no fatalities.
    let text = scan.norm.as_str();
    let animals = |w: &(Cue, usize, usize)| {
        in_sentence.iter().any(|m| {
            m.target == Target::Cue(Cue::Unit)
                && ANIMALS.iter().any(|a| text[m.start..m.end].contains(a))
                && ((m.end <= w.1
                    && text[m.end..w.1].split_whitespace().all(|x| {
                        matches!(x, "were" | "was" | "been" | "have" | "had" | "ont" | "ete")
                    }))
                    || (m.start >= w.2 && text[w.2..m.start].trim().is_empty()))
        })
    };
    // "The kidnappers took the victims": uncounted victims are not a death. Nor is a toll
    // word with no count ("Bilan :", "the toll", "حصيلة").
    let victims = |w: &(Cue, usize, usize)| {
        w.0 == Cue::Dead
            && [
                "victim",
                "ضحاي",
                "الضحاي",
                "bilan",
                "the toll",
                "death toll",
                "حصيله",
                "الحصيله",
            ]
            .iter()
            .any(|v| text[w.1..w.2].starts_with(v))
    };
    let killing = words.iter().find(|w| {
        matches!(w.0, Cue::Kill | Cue::Dead | Cue::Neutralise)
            && !negated(w.1)
            && !animals(w)
            && !victims(w)
    });
    match killing {
        Some(w) => {
            // "A Malian soldier and a civilian were killed", "killing a notable and his son":
            // singular victims joined by "and" count one each.
            let clause_start = text[start..w.1]
                .rfind([',', ';', ':', '.'])
                .map_or(start, |i| start + i + 1);
            let clause_end = text[w.2..end]
                .find([',', ';', ':', '.'])
                .map_or(end, |i| w.2 + i);
            let before = text[clause_start..w.1].trim_end();
            let before = ["were", "was", "ont ete", "ont", "sont"]
                .iter()
                .find_map(|a| before.strip_suffix(a))
                .unwrap_or(before);
            // "a police officer, a security guard, and a Belgian citizen", "a father and his
            // two sons": a list of people closed by "and" may run past commas.
            let sentence_end = text[w.2..end]
                .find([';', ':', '.'])
                .map_or(end, |i| w.2 + i);
            // "abducted four Fulani men ..., they were executed", "arrested at least 24
            // people who were executed", "abducted six men, executed them": with no count of
            // its own, the killing is of the captives counted before it.
            let captives = {
                let rest = text[w.2..end].trim_start();
                let mut next = rest
                    .split(|c: char| !is_word_char(c))
                    .filter(|x| !x.is_empty());
                let pronoun = matches!(
                    next.next(),
                    None | Some(
                        "them"
                            | "all"
                            | "both"
                            | "les"
                            | "in"
                            | "near"
                            | "on"
                            | "at"
                            | "and"
                            | "by"
                            | "outside"
                            | "after"
                            | "dans"
                            | "pres"
                    )
                ) || rest.starts_with("a few")
                    || rest.starts_with(['.', ',', ';']);
                pronoun
                    .then(|| {
                        within(&scan.numbers, start, w.1, |n| n.start)
                            .iter()
                            .rev()
                            .find(|n| {
                                n.end <= w.1
                                    && in_sentence.iter().any(|c| {
                                        matches!(c.target, Target::Cue(Cue::Abduct | Cue::Arrest))
                                            && c.end <= n.start
                                            && scan.gap(c.end, n.start) <= 2
                                    })
                            })
                            .map(|n| n.value)
                    })
                    .flatten()
            };
            let n = captives
                .or_else(|| coordinated_singulars(before))
                .or_else(|| coordinated_singulars(&text[w.2..clause_end]))
                .or_else(|| listed_people(&text[w.2..sentence_end]))
                .unwrap_or(1);
            Some((n, Some((w.1, w.2))))
        }
        None => Some((0, None)),
    }
}

/// Whether punctuation in `text[a..b]` cuts a count from its casualty word; parenthesised
/// names of actors do not ("15 presumed Katiba Macina (JNIM) militants killed").
fn breaks_count(text: &str, a: usize, b: usize, in_sentence: &[Match]) -> bool {
    let seg = &text[a..b];
    if !seg.contains(['(', ')']) {
        return seg.contains([';', ':', '.']);
    }
    // "2 MAA fighters (members of the CMA) were killed", "five militiamen (including four
    // CMFPR1 and 1 GATIA) were killed": a short aside between the count and the verb.
    let rest = without_named_parens(text, a, b, in_sentence);
    let mut out = String::with_capacity(rest.len());
    let mut tail = rest.as_str();
    while let Some(open) = tail.find('(') {
        match tail[open..].find(')') {
            // ("68 نائباً (من اصل 128)": a figure in the aside is another count.)
            Some(close)
                if tail[open..open + close].split_whitespace().count() <= 8
                    && (!tail[open..open + close].contains(|c: char| c.is_ascii_digit())
                        || ["(including", "(dont", "(among"]
                            .iter()
                            .any(|w| tail[open..].starts_with(w))) =>
            {
                out.push_str(&tail[..open]);
                out.push(' ');
                tail = &tail[open + close + 1..];
            }
            _ => break,
        }
    }
    out.push_str(tail);
    out.contains([';', ':', '.', '(', ')'])
}

/// `text[a..b]` without the parentheses that name actors in it: "(JNIM)", "(VDP, supplétifs
/// civils de l'armée)" (an apposition that opens with an actor's name).
fn without_named_parens(text: &str, a: usize, b: usize, in_sentence: &[Match]) -> String {
    let mut out = String::with_capacity(b - a);
    let mut at = a;
    for m in in_sentence
        .iter()
        .filter(|m| matches!(m.target, Target::Actor(_)) && m.start > a && m.end < b)
    {
        if m.start <= at || !text[..m.start].ends_with('(') {
            continue;
        }
        let Some(close) = text[m.end..b].find(')').map(|i| m.end + i) else {
            continue;
        };
        out.push_str(&text[at..m.start - 1]);
        out.push(' ');
        at = close + 1;
    }
    out.push_str(&text[at..b]);
    out
}

/// How many singular noun phrases ("a soldier", "his son", "un gendarme") `s` joins with
/// "and"/"et": `None` unless at least two and every part is singular and short.
/// How many people a list after a killing verb names, when it is a list closed by "and":
/// "a police officer, a security guard, and a Belgian citizen" (3), "a father and his two
/// sons" (3), "an MSA officer and one of his associates near Menaka" (2). Each part is a
/// singular person ("a/an/his/the ..."), "one of ...", or a small count ("his two sons",
/// "deux enfants"); a place or time after the last part ends the list. `None` when the text
/// is not such a list.
fn listed_people(s: &str) -> Option<u32> {
    const SINGULAR: &[&str] = &[
        "a", "an", "his", "her", "the", "un", "une", "son", "sa", "le", "la",
    ];
    // Words that end a person and the list: a place, a time or a clause follows.
    const ENDS: &[&str] = &[
        "in", "near", "at", "on", "during", "while", "after", "before", "when", "as", "who",
        "dans", "pres", "a", "au", "aux", "en", "lors", "pendant", "apres", "avant", "qui",
    ];

    let count = |w: &str| {
        w.parse::<u32>()
            .ok()
            .filter(|n| (1..=100).contains(n))
            .or_else(|| NUMBER_WORDS.iter().find(|(s, _)| *s == w).map(|&(_, n)| n))
    };
    // One part: its head count, and whether a place or time after it ends the list.
    let value = |part: &str| -> Option<(u32, bool)> {
        let words: Vec<&str> = part.split_whitespace().collect();
        let cut = words
            .iter()
            .skip(1)
            .position(|w| ENDS.contains(w))
            .map(|i| i + 1);
        let person = &words[..cut.unwrap_or(words.len())];
        let v = match person {
            ["one", "of", ..] | ["un", "de", ..] => Some(1),
            [first, second, ..] if SINGULAR.contains(first) && count(second).is_some() => {
                count(second)
            }
            [first, _, ..] if count(first).is_some() => count(first),
            [first, .., last] if SINGULAR.contains(first) && person.len() <= 4 => {
                (!(clause_verb(last) || (last.ends_with('s') && last.len() > 3))).then_some(1)
            }
            _ => None,
        }?;
        Some((v, cut.is_some()))
    };
    let mut total = 0u32;
    let mut rest = s.trim();
    loop {
        // "..., and a Belgian citizen": an Oxford comma before the last part.
        if let Some(last) = rest
            .strip_prefix("and ")
            .or_else(|| rest.strip_prefix("et "))
        {
            return (total > 0)
                .then(|| value(last.split(',').next().unwrap_or("")).map(|(v, _)| total + v))
                .flatten();
        }
        // The next part runs to a comma or to "and"/"et"; the part after "and" is the last.
        let comma = rest.find(',');
        let and = [" and ", " et "]
            .iter()
            .filter_map(|c| rest.find(c).map(|i| (i, c.len())))
            .min();
        let (part, next, last_follows) = match (comma, and) {
            (Some(c), Some((a, _))) if c < a => (&rest[..c], &rest[c + 1..], false),
            (_, Some((a, l))) => (&rest[..a], &rest[a + l..], true),
            _ => return None,
        };
        let part = part
            .trim()
            .trim_start_matches("and ")
            .trim_start_matches("et ");
        let (v, ends) = value(part)?;
        if ends {
            return None;
        }
        total += v;
        rest = next.trim_start();
        if last_follows {
            let last = rest.split(',').next().unwrap_or("");
            return value(last).map(|(v, _)| total + v);
        }
    }
}

/// Whether a list part's last word is a verb, so the part is a clause, not a person ("a
/// civilian and the attackers fled", "... and the army arrived").
fn clause_verb(w: &str) -> bool {
    const VERBS: &[&str] = &[
        "fled", "left", "went", "ran", "said", "says", "took", "came", "fought", "escaped",
        "arrived", "withdrew", "was", "were", "is", "are", "had", "has",
    ];
    let w = w.trim_end_matches([',', '.', ';']);
    VERBS.contains(&w) || (w.ends_with("ed") && w.len() > 4)
}

fn coordinated_singulars(s: &str) -> Option<u32> {
    const SINGULAR: &[&str] = &[
        "a", "an", "one", "another", "his", "her", "the", "un", "une", "son", "sa", "le", "la",
    ];
    let s = s.trim();
    let parts: Vec<&str> = s
        .split(" and ")
        .flat_map(|p| p.split(" et "))
        .map(str::trim)
        .collect();
    if parts.len() < 2 || parts.len() > 4 {
        return None;
    }
    let singular = |p: &str| {
        let words: Vec<&str> = p.split_whitespace().collect();
        (2..=6).contains(&words.len())
            && SINGULAR.contains(&words[0])
            // "his two sons" counts more than one.
            && !words.iter().any(|w| {
                w.chars().any(|c| c.is_ascii_digit())
                    || matches!(
                        *w,
                        "two" | "three" | "four" | "five" | "deux" | "trois" | "quatre" | "cinq"
                    )
            })
            && !words
                .last()
                .is_some_and(|w| (w.ends_with('s') && w.len() > 3) || clause_verb(w))
    };
    // "killed a peacekeeper and a civilian de-mining expert and seriously wounded several
    // others": the list ends where a part opens with no article (another clause).
    let listed = parts.iter().take_while(|p| singular(p)).count();
    let rest_is_clause = parts[listed..].first().is_none_or(|p| {
        p.split_whitespace()
            .next()
            .is_some_and(|w| !SINGULAR.contains(&w) && !w.chars().any(|c| c.is_ascii_digit()))
            && listed + 1 == parts.len()
    });
    (listed >= 2 && rest_is_clause).then_some(listed as u32)
}

/// Merge candidates that are mentions of one event: a casualty-only sentence joins the violent
/// event before it; same sub-event type at a compatible place and date becomes one event.
fn merge(
    candidates: Vec<Candidate>,
    places: &[Place],
    text: &str,
    numbers: &[rasd_text::NumberMention],
) -> Vec<Candidate> {
    // The counts inside a toll's span.
    let figures = |f: Option<(u32, Option<(usize, usize)>)>| {
        f.and_then(|(_, span)| span)
            .map_or(&[][..], |(s, e)| within(numbers, s, e, |n| n.start))
    };
    // A toll that counts ("two soldiers"), not a bare death word ("heavy losses").
    let counted_figure = |f| !figures(f).is_empty();
    // A toll given only in vague words ("several victims", "plusieurs morts").
    let vague = |f| {
        let inside = figures(f);
        !inside.is_empty()
            && inside
                .iter()
                .all(|n| n.vagueness == rasd_text::Vagueness::Vague)
    };
    let mut out: Vec<Candidate> = Vec::new();
    for mut c in candidates {
        // Mentions of one event stand close together: look back a few candidates only, which
        // also keeps a huge document linear.
        let mut sequel_only = false;
        // The candidate's sentence (normalised offsets): where its own words are.
        let c_sentence = (
            text[..c.trigger.0]
                .rfind(['.', '!', '?'])
                .map_or(0, |i| i + 1),
            text[c.trigger.1..]
                .find(['.', '!', '?'])
                .map_or(text.len(), |i| c.trigger.1 + i),
        );
        // The few latest events, the one told last first.
        // (On the stack: this runs for every candidate.)
        let from = out.len().saturating_sub(MERGE_LOOKBACK);
        let mut recent = [0usize; MERGE_LOOKBACK];
        let recent = &mut recent[..out.len() - from];
        for (k, r) in recent.iter_mut().enumerate() {
            *r = from + k;
        }
        recent.sort_unstable_by_key(|&i| std::cmp::Reverse((out[i].last, i)));
        let target = recent.iter().copied().find(|&i| {
            let o = &out[i];
            let violent = o.sub.event_type().is_violent() && c.sub.event_type().is_violent();
            // A later violent sentence that names no actor of its own ("6 Islamists killed")
            // continues the event before it.
            // (An air strike by the other side is a strike of its own: ACLED codes the army's
            // strikes on the attackers apart from the attack.)
            let continues = violent
                && (c.sub != SubEventType::AirDroneStrike || o.sub == c.sub)
                && c.actor1.as_ref().is_none_or(|a| {
                    a.span.is_none()
                        || same_actor(&o.actor1, &c.actor1)
                        || same_actor(&o.actor2, &c.actor1)
                });
            // "The attackers also burned two vehicles": damage done in the attack is part of it.
            let damage = o.sub.event_type().is_violent()
                && c.sub == SubEventType::LootingPropertyDestruction
                && c.actor1.as_ref().is_none_or(|a| {
                    a.span.is_none()
                        || same_actor(&o.actor1, &c.actor1)
                        // "the attackers", "les assaillants": a role noun refers back.
                        || a.unidentified
                        || a.name.is_none()
                });
            // "Boko Haram stormed Diffa. The army fought back and the militants fled.": forces
            // that fight the attackers turn the attack into a battle.
            let fought_back = o.sub == SubEventType::Attack
                && c.sub == SubEventType::ArmedClash
                && c.actor1.as_ref().is_some_and(|a| is_force(a.kind))
                && o.actor1.as_ref().is_none_or(|a| !is_force(a.kind))
                && c.actor2.as_ref().is_none_or(|a| {
                    a.span.is_none() || a.unidentified || same_actor(&o.actor1, &c.actor2)
                });
            // "The Islamic State claimed the attack": the claim names who did it.
            // It goes to the latest violent event whose perpetrator is unknown or the same.
            let claimed = c.claim
                && o.sub.event_type().is_violent()
                && (unknown_perpetrator(&o.actor1) || same_actor(&o.actor1, &c.actor1));
            // "ont repris le contrôle de Tin-Akoff ... Après de brefs mais intenses combats,
            // une dizaine de terroristes ont été neutralisés": the fight for a town taken the
            // same day at the same place is how it was taken.
            let territory_fight = territorial(o.sub)
                && !o.tags.contains(&"withdrawal")
                && c.sub == SubEventType::ArmedClash
                && !c.weak;
            // "Police fired tear gas ... 23 people had been arrested": arrests at a protest
            // are its intervention.
            // (Activists arrested the evening before, handing out leaflets, are another event.)
            let protest_arrests = protest_rank(o.sub).is_some()
                && c.sub == SubEventType::Arrests
                && match (o.date, c.date) {
                    (Some(a), Some(b)) => a.date == b.date,
                    _ => true,
                };
            let same_kind = damage
                || fought_back
                || claimed
                || territory_fight
                || protest_arrests
                || (protest_rank(o.sub).is_some() && protest_rank(c.sub).is_some())
                || protest_casualty(o, &c)
                || o.sub == c.sub
                // "Reports of 2 dead": casualties told after a battle or a riot belong to it.
                || (c.weak
                    && (o.sub.event_type().is_violent()
                        || o.sub.event_type() == rasd_model::EventType::Riots))
                || (o.weak && c.sub.event_type().is_violent())
                || continues;
            let place_ok = borrowed_or_said(&c, places, text)
                || c.reference
                || o.dateline_place
                || c.dateline_place
                || match (o.place, c.place) {
                    (Some(a), Some(b)) => {
                        let (a, b) = (&places[a], &places[b]);
                        let same = a.location == b.location && a.country == b.country;
                        // "in the Mopti region ... residents of Ogossagou": the town is inside.
                        let nested = (a.geo_precision == 3 || b.geo_precision == 3)
                            && a.country == b.country
                            && a.admin1.is_some()
                            && a.admin1 == b.admin1;
                        // "in central Mali ... the base in Dioura": the country holds the town.
                        let in_country = (a.is_country || b.is_country) && a.country == b.country;
                        same || nested || in_country
                    }
                    _ => true,
                };
            let date_ok = match (o.date, c.date) {
                (Some(a), Some(b)) => a.date == b.date || o.date_said || c.date_said,
                _ => true,
            };
            // "Five soldiers were killed on Sunday when JNIM ambushed a convoy. The convoy came
            // under fire as it returned from Hombori": a violent sentence right after a violent
            // event, with no day of its own (it borrows the event's), goes on telling it
            // wherever its places are, unless it says it is another ("another attack").
            let ordinary = same_kind && place_ok && date_ok;
            let sequel = !ordinary
                && violent
                && !c.claim
                && c.date.is_some_and(|d| {
                    o.date.is_some_and(|od| od.start == d.start) && d.end <= c_sentence.0
                })
                && o.trigger.1 <= c.trigger.0
                // A toll told alone ("The death toll rose to 21") may come later still.
                && (c.weak
                    || (c.trigger.0 - o.trigger.1 < 3000
                        && text[o.trigger.1..c.trigger.0]
                            .matches(['.', '!', '?'])
                            .count()
                            <= 2))
                && !another_event(&text[c_sentence.0..c_sentence.1]);
            // "deux blessés ont succombé mardi", "le ministère a confirmé mardi le bilan de
            // neuf morts": a toll told days later, in the event's area or where it was
            // announced, is still the event's.
            let late_toll = !ordinary
                && !sequel
                && c.weak
                && o.sub.event_type().is_violent()
                && !c.claim
                && o.trigger.1 <= c.trigger.0
                && match (o.date, c.date) {
                    (Some(a), Some(b)) => (0..=7).contains(&(b.date - a.date).num_days()),
                    _ => true,
                }
                && match (o.place, c.place) {
                    (Some(a), Some(b)) => {
                        borrowed_or_said(&c, places, text)
                            || (places[a].admin1.is_some()
                                && places[a].admin1 == places[b].admin1
                                && places[a].country == places[b].country)
                    }
                    _ => true,
                }
                && !another_event(&text[c_sentence.0..c_sentence.1]);
            sequel_only = sequel || late_toll;
            ordinary || sequel || late_toll
        });
        let target = target.map(|i| {
            out[i].last = out[i].last.max(c.trigger.1);
            &mut out[i]
        });
        // A sequel's places are where the story goes on (a convoy's destination, a hospital),
        // a reference's where it was spoken of, a dateline's where it was filed, a borrowed
        // one was told before: the event's own place stays.
        let keeps_place =
            sequel_only || c.reference || c.dateline_place || borrowed_or_said(&c, places, text);
        match target {
            Some(o) => {
                if territorial(o.sub) && c.sub == SubEventType::ArmedClash {
                    if o.sub == SubEventType::NonViolentTransferOfTerritory {
                        o.sub = if o.actor1.as_ref().is_some_and(|a| is_force(a.kind)) {
                            SubEventType::GovernmentRegainsTerritory
                        } else {
                            SubEventType::NonStateActorOvertakesTerritory
                        };
                    }
                    // The fight names the side that lost the town when the taking did not.
                    if o.actor2
                        .as_ref()
                        .is_none_or(|a| a.unidentified || a.span.is_none())
                    {
                        let other = [&c.actor1, &c.actor2].into_iter().flatten().find(|a| {
                            o.actor1.as_ref().is_some_and(|t| {
                                t.name != a.name && is_force(t.kind) != is_force(a.kind)
                            })
                        });
                        if let Some(a) = other {
                            o.actor2 = Some(a.clone());
                        }
                    }
                }
                if o.weak && !c.weak {
                    let fat = o.fatalities.take();
                    let place = o.place.or(c.place);
                    let date = o.date.or(c.date);
                    *o = c.clone();
                    o.place = place;
                    o.date = date;
                    o.fatalities = max_fatalities(fat, c.fatalities);
                } else if c.claim
                    && c.actor1.as_ref().is_some_and(|a| {
                        a.span.is_some()
                            && a.name.is_some()
                            && a.kind.is_armed()
                            && !is_force(a.kind)
                    })
                {
                    // The claimant replaces an unidentified perpetrator. Its count of the dead
                    // is a claim, not a toll: it stands only when no one else gave one ("The
                    // Alliance ... claimed that they had killed four Dozos").
                    if unknown_perpetrator(&o.actor1) {
                        o.actor1 = c.actor1;
                    }
                    if o.fatalities.is_none_or(|f| f.0 == 0)
                        && c.fatalities.is_some_and(|f| f.0 > 0)
                    {
                        o.fatalities = c.fatalities;
                        o.counted = c.counted;
                        o.sides = c.sides;
                    }
                    o.confidence = (o.confidence + 0.05).min(0.99);
                } else if protest_rank(o.sub).is_some() && c.sub == SubEventType::Arrests {
                    if o.sub == SubEventType::PeacefulProtest {
                        o.sub = SubEventType::ProtestWithIntervention;
                    }
                    let force = |a: &Option<Slot>| a.as_ref().is_some_and(|a| is_force(a.kind));
                    if !force(&o.actor2) && force(&c.actor1) {
                        o.actor2 = c.actor1;
                    }
                    o.confidence = (o.confidence + 0.05).min(0.99);
                } else if protest_casualty(o, &c) {
                    // "One protester was killed": the protest's dead, not a new attack.
                    o.fatalities = max_fatalities(o.fatalities, c.fatalities);
                    o.confidence = (o.confidence + 0.05).min(0.99);
                } else if let (Some(ro), Some(rc)) = (protest_rank(o.sub), protest_rank(c.sub)) {
                    // One protest told in several sentences: the most violent reading wins
                    // (protesters who burn tyres make a violent demonstration), and the force
                    // that intervened stays as actor2.
                    if rc > ro {
                        o.sub = c.sub;
                        if c.sub == SubEventType::ViolentDemonstration {
                            o.actor1 = c.actor1.clone().or(o.actor1.take());
                        }
                    }
                    let force = |a: &Option<Slot>| a.as_ref().is_some_and(|a| is_force(a.kind));
                    if (!force(&o.actor2) && force(&c.actor2)) || o.actor2.is_none() {
                        o.actor2 = c.actor2;
                    }
                    o.fatalities = max_fatalities(o.fatalities, c.fatalities);
                    o.place = o.place.or(c.place);
                    o.date = o.date.or(c.date);
                    o.confidence = (o.confidence.max(c.confidence) + 0.05).min(0.99);
                } else {
                    // "Gunmen attacked the convoy. Three soldiers were killed.": forces among
                    // the victims make the attack a battle.
                    if o.sub == SubEventType::Attack
                        && o.actor1.as_ref().is_none_or(|a| !is_force(a.kind))
                        && o.actor2.as_ref().is_none_or(|a| a.span.is_none())
                    {
                        let force = [&c.actor1, &c.actor2]
                            .into_iter()
                            .flatten()
                            .find(|a| is_force(a.kind) && a.span.is_some())
                            .cloned();
                        if let Some(f) = force {
                            o.sub = SubEventType::ArmedClash;
                            o.actor2 = Some(f);
                        }
                    }
                    // Dead counted on each side of a battle add up: "7 soldiers were killed
                    // ... the army killed about twenty of the attackers".
                    let other_side = match (counted_side(o), counted_side(&c)) {
                        (Some(a), Some(b)) => a != b,
                        // A party's vague claim about the same strike's dead ("killed scores
                        // of terrorists", of villagers counted by others) adds nothing; in a
                        // battle both sides die.
                        _ => {
                            matches!((o.counted, c.counted), (Some(a), Some(b)) if a != b)
                                && counted_figure(c.fatalities)
                                && (o.sub.event_type() == rasd_model::EventType::Battles
                                    || !vague(c.fatalities))
                        }
                    };
                    // The event's first toll told in a later sentence ("Deux militaires ont
                    // été tués"): whose dead it counts goes with it.
                    let told_sides = o.sides;
                    if o.fatalities.is_none_or(|f| f.0 == 0)
                        && c.fatalities.is_some_and(|f| f.0 > 0)
                    {
                        o.counted = c.counted;
                        o.sides = c.sides;
                    }

                    // The same dead counted again by another source: ACLED keeps the lowest
                    // figure ("six dead, says the police; nine, says a militia leader").
                    let side = match (c.counted, c.fatalities) {
                        (Some(k), Some((n, _))) => Some((k as usize, n)),
                        _ => None,
                    };
                    if c.total && c.fatalities.is_some_and(|f| f.0 > 0) {
                        o.fatalities = c.fatalities;
                        o.total = true;
                    } else if o.total && o.fatalities.is_some_and(|f| f.0 > 0) {
                        // One side's dead against a both-sides toll: the toll stands.
                    } else if side.is_some_and(|(k, n)| n > 0 && told_sides[k] == Some(n)) {
                        // "onze jihadistes abattus ... « onze terroristes ont été neutralisés »":
                        // the same side's dead told again.
                    } else if o.fatalities.is_some_and(|f| f.0 > 1)
                        && o.fatalities.map(|f| f.0) == c.fatalities.map(|f| f.0)
                        && c.fatalities
                            .and_then(|f| f.1)
                            .is_some_and(|(a, b)| within(numbers, a, b, |n| n.start).len() > 1)
                    {
                        // "At least 17 people ... were killed ... 12 VDP and five soldiers had
                        // been killed": the toll told again, broken down by side.
                    } else if other_side || additional_dead(text, o.fatalities, c.fatalities) {
                        o.fatalities = sum_fatalities(o.fatalities, c.fatalities);
                        if let Some((k, n)) = side {
                            o.sides[k] = Some(o.sides[k].unwrap_or(0).saturating_add(n));
                        }
                    } else if o.fatalities.is_some_and(|f| f.0 > 0)
                        && c.fatalities.is_some_and(|f| f.0 > 0)
                        && vague(o.fatalities) != vague(c.fatalities)
                    {
                        // "killed six civilians ... a communiqué confirmed several victims":
                        // the figure beats the vague word (a bare "fatalities" is no figure).
                        if vague(o.fatalities) && counted_figure(c.fatalities) {
                            o.fatalities = c.fatalities;
                        }
                    } else if recount(o.fatalities, c.fatalities)
                        && c.sourced
                        && !preliminary(&text[c_sentence.0..c_sentence.1])
                        && (o.counted.is_none() || c.counted.is_none() || o.counted == c.counted)
                    {
                        // A recount of one side's dead, when several sides were summed,
                        // replaces that side's figure only.
                        let summed = o.sides.iter().flatten().count() > 1;
                        match (side, o.fatalities) {
                            (Some((k, n)), Some((total, span)))
                                if summed && o.sides[k].is_some() =>
                            {
                                let before = o.sides[k].unwrap_or(0);
                                let now = before.min(n);
                                o.sides[k] = Some(now);
                                o.fatalities = Some((total.saturating_sub(before - now), span));
                            }
                            _ => o.fatalities = min_fatalities(o.fatalities, c.fatalities),
                        }
                    } else {
                        o.fatalities = max_fatalities(o.fatalities, c.fatalities);
                    }
                    // A later sentence that names the group ("JNIM said it killed 20 soldiers")
                    // names the gunmen of the first.
                    let unnamed = unknown_perpetrator(&o.actor1);
                    let named_group = c.actor1.as_ref().is_some_and(|a| {
                        a.span.is_some()
                            && !a.unidentified
                            && a.name.is_some()
                            && a.kind.is_armed()
                            && !is_force(a.kind)
                    });
                    if c.unclaimed {
                        c.actor1 = None;
                    }
                    // "The army said it carried out precision strikes": only a state flies
                    // the strike its statement owns.
                    let air_force = o.sub == SubEventType::AirDroneStrike
                        && c.actor1.as_ref().is_some_and(|a| {
                            a.span.is_some() && a.name.is_some() && is_force(a.kind)
                        });
                    if unnamed
                        && (named_group || air_force)
                        && !c.unclaimed
                        && !same_actor(&o.actor2, &c.actor1)
                    {
                        o.actor1 = c.actor1.clone();
                    }
                    o.actor1 = o.actor1.take().or(c.actor1);
                    o.actor2 = o.actor2.take().or(c.actor2);
                    // The more precise place wins (a town over its region); any place told
                    // in the text wins over the dateline's town.
                    if o.dateline_place && c.place.is_some() && !c.dateline_place {
                        o.place = c.place;
                        o.dateline_place = false;
                    }
                    o.place = match (o.place, c.place) {
                        (Some(a), Some(_)) if keeps_place => Some(a),
                        (Some(a), Some(b)) if places[a].geo_precision > places[b].geo_precision => {
                            Some(b)
                        }
                        (a, b) => a.or(b),
                    };
                    if o.date.is_none()
                        || (o.date_said && !c.date_said && c.date.is_some() && !sequel_only)
                    {
                        o.date = c.date;
                        o.date_said = c.date_said;
                    }
                    // Two passing mentions of violence ("the bombing ... such attacks") are
                    // commentary twice over, not a report: only a specific mention lifts.
                    let lift = if o.specific || c.specific { 0.05 } else { 0.0 };
                    o.confidence = (o.confidence.max(c.confidence) + lift).min(0.99);
                    o.specific = o.specific || c.specific;
                }
            }
            None => out.push(c),
        }
    }
    out
}

/// The candidate's place says nothing new about where the event happened: it was taken from
/// an earlier sentence ("... between Gao and Ansongo. Vehicles were burned."), or it is where
/// something was said ("speaking on state television in Bamako").
fn borrowed_or_said(c: &Candidate, places: &[Place], text: &str) -> bool {
    c.place.is_some_and(|b| {
        let p = &places[b];
        p.said
            || (p.end <= c.trigger.0 && {
                // The segmenter also ends a sentence at a colon or semicolon ("near Sampelga, in
                // the Sahel region: three soldiers were killed").
                let between = &text[p.end..c.trigger.0];
                between.contains(['.', '!', '?'])
                    || between.contains(": ")
                    || between.contains("; ")
            })
    })
}

/// The sentence gives a first, since revised toll ("in an initial toll", "un premier bilan",
/// "حصيلة أولية"): a later figure is not its recount.
fn preliminary(sentence: &str) -> bool {
    FIRST_TOLL
        .iter()
        .chain(&["preliminary toll", "first toll", "bilan provisoire"])
        .any(|m| sentence.contains(m))
}

/// A first toll a later figure replaces ("initial toll", "un premier bilan", "حصيلة أولية").
const FIRST_TOLL: &[&str] = &[
    "initial toll",
    "earlier toll",
    "previous toll",
    "premier bilan",
    "precedent bilan",
    "bilan initial",
    "حصيله اوليه",
    "حصيله سابقه",
];

/// The words before a count name it a first, since revised figure ("an initial toll of",
/// "un premier bilan de", "حصيلة أولية بلغت").
/// ("بعد أن كانت حصيلة أولية قد تحدثت عن أربعة قتلى": up to four words may tell how the
/// first figure was given.)
fn superseded_toll(before: &str) -> bool {
    FIRST_TOLL.iter().any(|m| {
        before.rfind(m).is_some_and(|i| {
            let rest = &before[i + m.len()..];
            !rest.contains([',', '.', ';', '،']) && rest.split_whitespace().count() <= 4
        })
    })
}

/// Words in a sentence that make its event a new one of the same kind: "another attack",
/// "une autre attaque", "هجوم آخر", "in a separate incident".
fn another_event(sentence: &str) -> bool {
    const MARKS: &[&str] = &[
        "another",
        "separate",
        "elsewhere",
        "second attack",
        "autre",
        "ailleurs",
        "distinct",
        "اخر",
        "اخري",
        "منفصل",
    ];
    MARKS.iter().any(|m| has_phrase(sentence, m))
}

/// Whether the mention at `start` follows "including" / "dont" / "بينهم" (an article or a count
/// between): part of a toll's people.
fn included(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end();
    let before = before
        .rsplit_once(' ')
        .filter(|(_, w)| {
            matches!(
                *w,
                "des"
                    | "les"
                    | "the"
                    | "two"
                    | "three"
                    | "deux"
                    | "trois"
                    | "several"
                    | "plusieurs"
            ) || w.bytes().all(|b| b.is_ascii_digit())
        })
        .map_or(before, |(b, _)| b.trim_end());
    ends_with_inclusion(before)
}

/// Whether `s` ends with "including" / "dont" / "بينهم" as a word of its own.
fn ends_with_inclusion(s: &str) -> bool {
    let s = s.trim_end();
    INCLUSION_WORDS.iter().any(|w| {
        s.strip_suffix(w)
            .is_some_and(|r| r.is_empty() || r.ends_with([' ', ',']))
    })
}

/// A dispersal cue that reports a force breaking up a crowd, not a crowd that went home ("the
/// protesters ... dispersed calmly", "les manifestants se sont dispersés dans le calme").
fn dispersal(text: &str, m: &Match) -> bool {
    const CALM: &[&str] = &[
        "calmly",
        "peacefully",
        "quietly",
        "without incident",
        "of their own accord",
        "calmement",
        "dans le calme",
        "sans incident",
        "pacifiquement",
        "d'eux-memes",
        "بهدوء",
        "بسلام",
    ];
    if m.target != Target::Cue(Cue::Disperse) {
        return false;
    }
    let before = text[..m.start].trim_end();
    let after = text[m.end..].trim_start();
    let reflexive = before.ends_with(" se sont") || before.ends_with(" s'est");
    let calm = CALM.iter().any(|w| {
        after.starts_with(w)
            || after
                .split_once(' ')
                .is_some_and(|(_, rest)| rest.starts_with(w))
    });
    !(reflexive || calm)
}

/// A government (not its forces): it speaks of violence, announces and attributes it, but in
/// ACLED's data it never commits it.
fn government_slot(a: &Slot) -> bool {
    a.name
        .as_deref()
        .is_some_and(|n| n.starts_with("Government"))
}

/// Territory changing hands, by force or not.
fn territorial(sub: SubEventType) -> bool {
    matches!(
        sub,
        SubEventType::NonViolentTransferOfTerritory
            | SubEventType::GovernmentRegainsTerritory
            | SubEventType::NonStateActorOvertakesTerritory
    )
}

/// No perpetrator, or an unidentified or unnamed one: a claim or a later mention may name it.
fn unknown_perpetrator(actor1: &Option<Slot>) -> bool {
    actor1
        .as_ref()
        .is_none_or(|a| a.unidentified || a.name.is_none())
}

fn same_actor(a: &Option<Slot>, b: &Option<Slot>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.name.is_some() && a.name == b.name,
        _ => false,
    }
}

/// The force holding an installation named by a `mil_object` phrase.
fn installation_role(phrase: &str) -> GenericRole {
    if ["gendarm", "درك"].iter().any(|w| phrase.contains(w)) {
        GenericRole::Gendarmerie
    } else if [
        "police",
        "customs",
        "douane",
        "commissariat",
        "شرطه",
        "جمرك",
    ]
    .iter()
    .any(|w| phrase.contains(w))
    {
        GenericRole::Police
    } else {
        GenericRole::Military
    }
}

/// Unarmed groups whose fights are mob violence ("clashes between students").
const MOB_PARTIES: &[&str] = &[
    "students",
    "pupils",
    "youths",
    "youngsters",
    "young people",
    "supporters",
    "political opponents",
    "opponents",
    "activists",
    "rival groups",
    "political groups",
    "opposing groups",
    "two groups",
    "brotherhoods",
    "vendors",
    "traders",
    "fans",
    "etudiants",
    "eleves",
    "jeunes",
    "partisans",
    "groupes rivaux",
    "طلاب",
    "الطلاب",
    "شبان",
    "الشبان",
    "انصار",
];

/// Words of a militants mention that ACLED named "Islamist Militia" in 2016-2018.
const ISLAMIST_WORDS: &[&str] = &[
    "islamist",
    "jihad",
    "militant",
    "islamiste",
    "اسلامي",
    "جهادي",
];

/// Animal nouns among the `unit` cues: their dead are no fatalities.
const ANIMALS: &[&str] = &[
    "livestock",
    "cattle",
    "animals",
    "donkey",
    "cows",
    "oxen",
    "horses",
    "goats",
    "sheep",
    "camels",
    "animaux",
    "anes",
    "vaches",
    "chevaux",
    "chameaux",
    "dromadaires",
    "betail",
    "chevres",
    "moutons",
    "ماشيه",
    "مواشي",
    "ابقار",
    "اغنام",
    "ماعز",
    "جمال",
    "حمير",
    "ابل",
];

/// Attack cues that name violence on a body, not on property.
/// Whether the word before `pos` (past an article) is a preposition: an actor there is an
/// object or a complement ("against the army", "by JNIM", "of the gendarmerie"), not a subject.
fn after_preposition(text: &str, pos: usize) -> bool {
    let mut words = text[..pos]
        .trim_end()
        .rsplit(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty());
    let mut w = words.next().unwrap_or("");
    if matches!(
        w,
        "the" | "a" | "an" | "les" | "la" | "le" | "l" | "des" | "du" | "d"
    ) {
        w = words.next().unwrap_or("");
    }
    OBJECT_MARKERS.contains(&w) || PREPOSITIONS.contains(&w)
}

const PREPOSITIONS: &[&str] = &[
    "by", "of", "from", "with", "between", "among", "at", "to", "par", "de", "avec", "entre",
    "parmi", "a", "من", "مع", "بين",
];

/// Verbs of taking ground, read with the town or post after them (normalised: Arabic "على"
/// is "علي").
const TAKE_VERBS: &[&str] = &[
    "took over",
    "take over",
    "takes over",
    "taken over",
    "capture",
    "captures",
    "captured",
    "ont pris",
    "a pris",
    "se sont empares",
    "s est empare",
    "سيطروا علي",
    "سيطر مسلحون علي",
];

/// Arabic singular nouns of people (their plurals differ: جندي / جنود, مدني / مدنيين).
const AR_SINGLE_PERSON: &[&str] = &[
    "مدني",
    "جندي",
    "شرطي",
    "دركي",
    "طفل",
    "طفله",
    "امراه",
    "رجل",
    "راع",
    "راعي",
    "مزارع",
    "تاجر",
    "سايق",
    "مسلح",
    "عسكري",
];

/// Prepositions that make the place after a verb of taking a setting, not its object.
const NOT_OBJECT: &[&str] = &[
    "near", "in", "at", "from", "around", "outside", "pres", "dans", "a", "vers", "قرب", "في",
];

/// Verbs of taking something by force, read with the property noun after them.
const SEIZE_VERBS: &[&str] = &[
    "seized",
    "seizing",
    "ont emporte",
    "ont emportes",
    "emportant",
    "se sont empares",
    "استولوا علي",
    "استولي مسلحون علي",
    "confiscated",
    "ont saisi",
    "a saisi",
    "ضبطت",
    "ضبط",
    "صادرت",
];

/// The verbs of `SEIZE_VERBS` that say the forces seized something: with arms, a seizure of
/// weapons; with anything else, no event (customs seizing goods is not looting).
const SEIZE_BY_FORCES: &[&str] = &[
    "confiscated",
    "ont saisi",
    "a saisi",
    "ضبطت",
    "ضبط",
    "صادرت",
];

/// Nouns of arms among the `unit` cues: taking them is a seizure of weapons, not looting.
const WEAPON_NOUNS: &[&str] = &[
    "weapon",
    "arms",
    "armes",
    "fusil",
    "rifle",
    "guns",
    "ammunition",
    "munitions",
    "اسلح",
    "سلاح",
    "ذخاير",
    "ذخيره",
];

/// Words joining two verbs of one subject ("arrested them and executed them").
const COORDINATORS: &[&str] = &["and", "then", "before", "et", "puis", "avant de", "avant d"];

/// Clash cues that only say shots were fired, not that anyone fired back.
const GUNFIRE: &[&str] = &[
    "gunfire",
    "heavy gunfire",
    "sporadic gunfire",
    "tirs nourris",
    "feu nourri",
];

/// Shooting cues (normalised) that attack whoever they are aimed at.
const SHOOT: &[&str] = &["opened fire", "fired on", "fired at", "ouvert le feu"];

/// Buildings a shot may be aimed at without aiming at anyone (normalised prefixes).
const BUILDINGS: &[&str] = &[
    "school",
    "house",
    "home",
    "shop",
    "store",
    "building",
    "office",
    "church",
    "mosque",
    "ecole",
    "maison",
    "boutique",
    "batiment",
    "bureau",
    "eglise",
    "mosquee",
    "secondary",
    "primary",
    "health",
    "centre",
    "center",
];

const BODILY: &[&str] = &[
    "beat",
    "tortur",
    "flogg",
    "whipp",
    "amputat",
    "assaulted",
    "maltreat",
    "mistreat",
    "agress",
    "fouett",
    "passe a tabac",
    "تعذيب",
    "عذب",
    "جلد",
    "اعتدي",
    "اعتدوا",
];

/// Nouns a count of people stands before ("2000 people"): such a number is no year.
const COUNTED_PEOPLE: &[&str] = &[
    "people",
    "persons",
    "individuals",
    "men",
    "women",
    "personnes",
    "hommes",
    "femmes",
    "individus",
    "شخص",
    "شخصا",
    "مواطن",
];

/// "among the ranks of": the dead named before it fell on that side.
const RANKS: &[&str] = &[
    "في صفوف",
    "بين صفوف",
    "dans les rangs de",
    "dans les rangs du",
    "among",
];

/// A casualty participle used without an auxiliary, as headlines do ("three gendarmes killed in
/// an attack", "deux soldats tués dans une embuscade"): the next word is a preposition, a
/// conjunction or the end of the clause, never an object ("soldiers killed three militants").
fn bare_participle(text: &str, start: usize, end: usize) -> bool {
    if text[start..end].starts_with(is_arabic_letter) {
        return false;
    }
    // "ont tué mardi cinq soldats", "have killed": an auxiliary makes the verb finite.
    let first = text[start..end].split(' ').next().unwrap_or("");
    if text[start..end].contains(' ')
        && matches!(
            first,
            "ont" | "a" | "avait" | "avaient" | "has" | "have" | "had"
        )
    {
        return false;
    }
    let rest = text[end..].trim_start();
    if rest.is_empty() || rest.starts_with([',', '.', ';', ':', '(', '-']) {
        return true;
    }
    let mut words = rest
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty());
    let word = words.next().unwrap_or("");
    // "killed at least two" is active.
    (PARTICIPLE_FOLLOWERS.contains(&word) || rasd_text::is_weekday(word))
        && !(word == "at" && words.next() == Some("least"))
}

const PARTICIPLE_FOLLOWERS: &[&str] = &[
    "in",
    "during",
    "near",
    "at",
    "on",
    "when",
    "while",
    "after",
    "as",
    "following",
    "overnight",
    "yesterday",
    "today",
    "by",
    "outside",
    "between",
    "dans",
    "lors",
    "pres",
    "au",
    "aux",
    "en",
    "par",
    "pendant",
    "entre",
    "hier",
];

/// "X backed by Y", "X appuyés par Y", "X بدعم من Y": Y supports X, within a few words and
/// no clause break.
fn supported_by(scan: &Scan, a_end: usize, b_start: usize) -> bool {
    if b_start < a_end || scan.gap(a_end, b_start) > 5 {
        return false;
    }
    // "Les FAMa, avec l'appui des partenaires russes, ...": an aside may open with a comma.
    let between = scan.norm.as_str()[a_end..b_start]
        .trim()
        .trim_start_matches([',', '،'])
        .trim_start();
    !between.contains([',', ';', '.', ':', '،'])
        && SUPPORT_PHRASES.iter().any(|p| has_phrase(between, p))
}

const SUPPORT_PHRASES: &[&str] = &[
    "backed by",
    "supported by",
    "assisted by",
    "alongside",
    "with the support of",
    "appuyes par",
    "appuyee par",
    "appuyees par",
    "appuye par",
    "soutenus par",
    "soutenu par",
    "avec l'appui",
    "avec le soutien",
    "aux cotes",
    "بدعم من",
    "مدعوما",
    "مدعومه",
    "مدعومين",
    "بمسانده",
    "الي جانب",
];

/// Whether the actor mention starting at `start` is the object of a preposition of attack:
/// "against fighters of the Islamic State", "contre un regroupement d'éléments de l'EIGS",
/// "ضد مسلحي تنظيم الدولة".
fn object_of_preposition(text: &str, start: usize) -> bool {
    let pre = text[..start].trim_end();
    let mut words = pre
        .rsplit(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty());
    let article = |w: &str| {
        matches!(
            w,
            "the" | "a" | "an" | "les" | "la" | "le" | "l" | "des" | "du" | "un" | "une"
        )
    };
    let mut w = words.next().unwrap_or("");
    if article(w) {
        w = words.next().unwrap_or("");
    }
    if OBJECT_MARKERS.contains(&w) {
        return true;
    }
    // "against fighters of the Islamic State", "contre des combattants de l'EI",
    // "ضد مسلحي تنظيم الدولة": the group that the object belongs to; "contre un
    // regroupement d'éléments de l'EIGS": two nouns deep.
    for hop in 0..2 {
        if matches!(w, "of" | "de" | "d") {
            // Past the noun of the fighters.
            words.next();
        } else if hop > 0 || !w.starts_with(is_arabic_letter) {
            return false;
        }
        w = words.next().unwrap_or("");
        if article(w) {
            w = words.next().unwrap_or("");
        }
        if OBJECT_MARKERS.contains(&w) {
            return true;
        }
    }
    false
}

/// Prepositions whose noun is the object of an action ("an ambush against the army", "opened
/// fire on soldiers", "une attaque contre les FAMa", "هجوم ضد الجيش").
const OBJECT_MARKERS: &[&str] = &[
    "against",
    "on",
    "targeting",
    "contre",
    "visant",
    "ciblant",
    "ضد",
];

/// Nouns that end an actor mention naming a unit or post of a force ("army convoy").
const UNIT_NOUNS: &[&str] = &[
    "convoy",
    "patrol",
    "post",
    "checkpoint",
    "base",
    "camp",
    "position",
    "unit",
    "column",
];

/// Words that put armed personnel out of combat ("peacekeepers on leave").
const OFF_DUTY: &[&str] = &[
    "off duty",
    "off-duty",
    "on leave",
    "retired",
    "unarmed soldier",
    "unarmed soldiers",
    "en permission",
    "en conge",
    "hors service",
    "a la retraite",
    "non arme",
    "في اجازه",
    "متقاعد",
    "غير مسلح",
];

/// Words that make a death the cause a protest or riot answers ("after police killed a man",
/// "over the death of", "accused of murdering", "suite au meurtre", "احتجاجا على مقتل").
const PROTEST_CAUSES: &[&str] = &[
    "after",
    "following",
    "against",
    "accused",
    "allegedly",
    "related",
    "denounce",
    "denouncing",
    "protest",
    "suite",
    "apres",
    "contre",
    "accuse",
    "denoncer",
    "احتجاجا",
    "بعد",
    "اثر",
    "ضد",
];

/// Words between "by" and an actor that name part of it ("by members of the army").
/// Objects of an Arabic verb of recovering that are gear, not territory (normalised stems).
const RECOVERED_GEAR: &[&str] = &[
    "دراج",
    "اسلح",
    "سلاح",
    "معدات",
    "ذخاير",
    "مركب",
    "سيار",
    "اليات",
    "جثث",
    "الجثث",
    "عتاد",
    "الاسلح",
    "الدراج",
    "المعدات",
    "الذخاير",
    "العتاد",
];

const PARTITIVES: &[&str] = &[
    "members of",
    "elements of",
    "some of",
    // (an article before is stripped: "a group of", "un groupe de")
    "group of",
    "large group of",
    "men of",
    "membres de",
    "membres du",
    "membres des",
    "elements de",
    "elements du",
    "groupe de",
    // "ambushed by terrorists of the so-called Islamic State", "par des combattants de l'EI".
    "terrorists of",
    "fighters of",
    "militants of",
    "jihadists of",
    "gunmen of",
    "combattants de",
    "combattants du",
    "jihadistes de",
    "jihadistes du",
    "terroristes de",
    "terroristes du",
    "hommes de",
    "hommes du",
];

/// Participles that take their own "by" ("escorted by the military", "escortés par
/// l'armée"): the agent of the killing is not there.
const ESCORTED: &[&str] = &[
    "escorted",
    "accompanied",
    "backed",
    "supported",
    "protected",
    "guarded",
    "owned",
    "led",
    "commanded",
    "employed",
    "hired",
    "escorte",
    "escortes",
    "escortee",
    "escortees",
    "accompagne",
    "accompagnes",
    "appuye",
    "appuyes",
    "soutenu",
    "soutenus",
];

/// Whether the sentence tells protesters arrested: "Protesters were arrested", "police
/// arrested 17 protesters", "des manifestants ont été interpellés".
fn protesters_arrested(scan: &Scan, in_sentence: &[Match]) -> bool {
    let crowd = |m: &Match| matches!(m.target, Target::Generic(GenericRole::Protesters));
    in_sentence
        .iter()
        .filter(|a| a.target == Target::Cue(Cue::Arrest))
        .any(|a| {
            in_sentence.iter().filter(|m| crowd(m)).any(|m| {
                (m.end <= a.start && scan.gap(m.end, a.start) <= 2)
                    || (m.start >= a.end && scan.gap(a.end, m.start) <= 2)
            })
        })
}

/// Whether "no" ending at `end` is a number sign ("Road No. 7", "No.7", "no 3"): a digit
/// follows, after an optional period.
fn number_sign(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start_matches('.').trim_start();
    rest.starts_with(|c: char| c.is_ascii_digit())
}

/// Small number words in English and French: the counts of a victim list ("his two sons")
/// and the opening of a hyphenated length ("three-day").
const NUMBER_WORDS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("twenty", 20),
    ("deux", 2),
    ("trois", 3),
    ("quatre", 4),
    ("cinq", 5),
    ("sept", 7),
    ("huit", 8),
    ("neuf", 9),
    ("dix", 10),
    ("vingt", 20),
];

/// Units of a protest's length ("48-hour", "72 heures", "ثلاثة أيام").
const DURATION_UNITS: &[&str] = &[
    "hour",
    "hours",
    "day",
    "days",
    "heures",
    "heure",
    "jours",
    "jour",
    "ساعه",
    "ساعات",
    "ايام",
    "يوما",
];

/// Words that say a post was empty when attacked.
const EMPTY_POST: &[&str] = &[
    "unmanned",
    "abandoned",
    "deserted",
    "empty",
    "vide",
    "abandonne",
    "abandonnee",
    "deserte",
    "مهجور",
    "مهجوره",
    "خاليه",
];

/// Words of bodily harm read as whole words (not prefixes: "Beatrice").
const HARMS: &[&str] = &[
    "beat",
    "beaten",
    "beating",
    "beatings",
    "tortured",
    "whipped",
    "flogged",
    "caned",
    "assaulted",
    "amputated",
    "mutilated",
    "battu",
    "battus",
    "tabasse",
    "tabasses",
    "torture",
    "tortures",
    "ampute",
    "amputes",
    "mutile",
    "mutiles",
    "ضربوه",
    "عذبوه",
];

/// Weather and disasters that destroy homes and crops.
const NATURAL_HAZARDS: &[&str] = &[
    "rain",
    "rains",
    "rainfall",
    "flood",
    "floods",
    "flooding",
    "storm",
    "storms",
    "windstorm",
    "pluie",
    "pluies",
    "inondation",
    "inondations",
    "crue",
    "crues",
    "orage",
    "orages",
    "tempete",
    "امطار",
    "الامطار",
    "سيول",
    "السيول",
    "فيضانات",
    "الفيضانات",
];

/// Where personnel are killed out of combat: at home or visiting family.
const AT_HOME: &[&str] = &[
    "in his house",
    "in his home",
    "at his home",
    "at his house",
    "outside his home",
    "outside his house",
    "in front of his house",
    "in front of his home",
    "near his home",
    "at his residence",
    "on a family visit",
    "visiting his family",
    "chez lui",
    "a son domicile",
    "devant son domicile",
    "dans son domicile",
    "en visite familiale",
    "في منزله",
    "امام منزله",
    "داخل منزله",
];

/// What a victim is accused of serving ("accused of collaborating with the army", "soupçonné
/// de collaborer avec", "بتهمه التعاون مع"), closely before a force mention.
const SERVES: &[&str] = &[
    "collaborat",
    "collabor",
    "informant",
    "informer",
    "spy for",
    "spying for",
    "working for",
    "worked for",
    "supporting the",
    "indicateur",
    "espion",
    "التعاون مع",
    "التخابر مع",
    "العماله",
    "التجسس",
];

/// Whether the text shortly before `at` (within the sentence from `start`) says the victim
/// served the forces named at `at`.
fn serves_forces(text: &str, start: usize, at: usize) -> bool {
    let lo = floor_char(text, at.saturating_sub(48).max(start));
    let window = &text[lo..at.min(text.len())];
    SERVES.iter().any(|w| window.contains(w))
}

/// Verbs read before a list of arms besides `SEIZE_VERBS` (normalised): recovering, and the
/// seizure told as a noun or a bare participle.
const RECOVER_VERBS: &[&str] = &[
    "seizure of",
    "recovered",
    "recovering",
    "saisi",
    "saisie de",
    "recupere",
    "recuperes",
    "ont recupere",
    "a recupere",
    "حجز",
    "حجزت",
];

/// Nouns of explosive arms inside blast cues (normalised).
const ARMS_NOUNS: &[&str] = &[
    "grenade",
    "explosive",
    "ied",
    "bomb",
    "mine",
    "rocket",
    "mortar",
    "shell",
    "obus",
    "roquette",
    "engin",
    "عبو",
    "قنبل",
    "قناب",
    "متفجر",
    "لغم",
    "الغام",
    "قذيف",
    "صاروخ",
    "صواريخ",
];

/// First words of blast cues that tell the blast ("planted mines", "hit a mine").
const BLAST_VERBS: &[&str] = &[
    "plant",
    "hit",
    "struck",
    "ran",
    "stepped",
    "drove",
    "deton",
    "explod",
    "set",
    "laid",
    "fired",
    "launch",
    "lobb",
    "threw",
    "hurl",
    "saute",
    "pose",
    "tire",
    "lance",
    "انفجر",
    "فجر",
    "زرع",
    "اطلق",
    "قصف",
    "سقط",
];

/// Words that open a new clause inside a sentence: a blast told after one of them is not an
/// item of the list before it.
const CLAUSE_OPENERS: &[&str] = &[
    "which",
    "who",
    "that",
    "when",
    "while",
    "before",
    "after",
    "then",
    "but",
    "qui",
    "lorsque",
    "quand",
    "avant",
    "apres",
    "puis",
    "mais",
    "الذي",
    "التي",
    "عندما",
    "قبل",
    "بعد",
    "ثم",
];

/// "seized two motorbikes, two AK rifles, a grenade and explosives", "saisi ... des
/// grenades", "ضبط ... عبوات ناسفة": the blasts named in the list after a verb of seizing are
/// arms taken, not explosions; each becomes a seizure of weapons read at the verb.
fn seized_arms(
    scan: &Scan,
    start: usize,
    cues: Vec<(Cue, usize, usize)>,
) -> Vec<(Cue, usize, usize)> {
    if !cues
        .iter()
        .any(|c| matches!(c.0, Cue::Grenade | Cue::Ied | Cue::Shelling))
    {
        return cues;
    }
    static VERBS: std::sync::LazyLock<AhoCorasick> = std::sync::LazyLock::new(|| {
        AhoCorasick::new(SEIZE_VERBS.iter().chain(RECOVER_VERBS)).expect("seizing verbs compile")
    });
    let text = scan.norm.as_str();
    let end = cues.iter().map(|c| c.2).max().unwrap_or(start);
    let verbs: Vec<(usize, usize)> = VERBS
        .find_iter(&text[start..end])
        .map(|m| (start + m.start(), start + m.end()))
        .filter(|&(a, b)| {
            let lead = text[..a]
                .strip_suffix(['و', 'ف'])
                .filter(|l| is_word_byte_boundary(text, l.len()));
            (is_word_byte_boundary(text, a) || lead.is_some()) && is_word_byte_boundary(text, b)
        })
        .collect();
    if verbs.is_empty() {
        return cues;
    }
    // "grenades", "explosive devices", "عبوات": a noun of arms; "detonated", "planted mines",
    // "انفجرت عبوة" tell a blast.
    let nominal = |c: Cue, s: usize, e: usize| {
        let said = &text[s..e];
        matches!(c, Cue::Grenade | Cue::Ied | Cue::Shelling)
            && ARMS_NOUNS.iter().any(|n| said.contains(n))
            && !said
                .split(|ch: char| !is_word_char(ch))
                .next()
                .is_some_and(|w| BLAST_VERBS.iter().any(|v| w.starts_with(v)))
    };
    let listed = |&(c, s, e): &(Cue, usize, usize)| -> Option<(usize, usize)> {
        if !nominal(c, s, e) {
            return None;
        }
        let &(a, b) = verbs.iter().rev().find(|v| v.1 <= s)?;
        let between = &text[b..s];
        let clean = scan.gap(b, s) <= 14
            && !between.contains([';', ':', '.'])
            && !spanned_words(text, b, s).any(|(_, _, w)| CLAUSE_OPENERS.contains(&w))
            && !cues
                .iter()
                .any(|o| o.1 >= b && o.2 <= s && o.0 != Cue::Unit && !nominal(o.0, o.1, o.2));
        clean.then_some((a, b))
    };
    let mut out: Vec<(Cue, usize, usize)> = Vec::with_capacity(cues.len());
    for c in &cues {
        match listed(c) {
            Some((a, b)) => {
                if !out.contains(&(Cue::WeaponsSeized, a, b)) {
                    out.push((Cue::WeaponsSeized, a, b));
                }
            }
            None => out.push(*c),
        }
    }
    out
}

/// The first phrase of a compiled word list found on word boundaries in `text[start..end]`,
/// as a byte range of `text`.
fn find_word_phrase(
    text: &str,
    start: usize,
    end: usize,
    list: &AhoCorasick,
) -> Option<(usize, usize)> {
    list.find_iter(&text[start..end])
        .map(|m| (start + m.start(), start + m.end()))
        .find(|&(a, b)| is_word_byte_boundary(text, a) && is_word_byte_boundary(text, b))
}

/// The words of `text[start..end]` with their byte spans in `text`.
fn spanned_words(
    text: &str,
    start: usize,
    end: usize,
) -> impl Iterator<Item = (usize, usize, &str)> {
    let mut pos = start;
    text[start..end]
        .split(|c: char| !is_word_char(c))
        .filter_map(move |w| {
            let (a, b) = (pos, pos + w.len());
            pos = b + text[b..].chars().next().map_or(1, char::len_utf8);
            (!w.is_empty()).then_some((a, b, w))
        })
}

/// A verb of blocking with a road, a bridge or traffic within four words after it ("blocked
/// National Road No. 7", "bloqué la RN 4"): the verb's span.
fn blocked_road(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let mut verb: Option<((usize, usize), usize)> = None;
    for (n, (a, b, w)) in spanned_words(text, start, end).enumerate() {
        if let Some((span, at)) = verb {
            if n - at <= 4 && ROAD_WORDS.contains(&w) {
                return Some(span);
            }
        }
        if ["block", "bloqu", "barricad", "barr"]
            .iter()
            .any(|p| w.starts_with(p))
            && !w.starts_with("barrage")
        {
            verb = Some(((a, b), n));
        }
    }
    None
}

/// Roads and traffic a blocking verb acts on (normalised).
const ROAD_WORDS: &[&str] = &[
    "road",
    "roads",
    "highway",
    "bridge",
    "street",
    "streets",
    "traffic",
    "axis",
    "route",
    "routes",
    "rn",
    "axe",
    "axes",
    "pont",
    "circulation",
    "voie",
    "voies",
    "rue",
    "rues",
];

/// Phrases that give a demand as the purpose of an action ("to demand", "pour exiger").
const DEMANDS: &[&str] = &[
    "to demand",
    "demanding",
    "to ask for",
    "asking for",
    "to call for",
    "calling for",
    "to protest",
    "protesting",
    "in protest",
    "to denounce",
    "denouncing",
    "to press",
    "to request",
    "to claim",
    "pour exiger",
    "exigeant",
    "pour reclamer",
    "reclamant",
    "pour demander",
    "demandant",
    "pour protester",
    "pour denoncer",
    "en protestation",
    "pour obtenir",
    "للمطالبه",
    "مطالبين",
    "احتجاجا",
    "للاحتجاج",
];

fn has_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(i, _)| {
        is_word_byte_boundary(text, i) && is_word_byte_boundary(text, i + phrase.len())
    })
}

/// Verbs whose subject undergoes the attack ("a convoy came under attack", "fell into an
/// ambush", "est tombé dans une embuscade", "تعرضت دورية لهجوم", "وقعت قافلة في كمين").
const UNDERGO: &[&str] = &[
    "came under",
    "come under",
    "comes under",
    "coming under",
    "fell into",
    "fallen into",
    "tombe dans",
    "tombes dans",
    "tombee dans",
    "tombees dans",
    "تعرض",
    "وقع في",
    "وقعت في",
    "وقعوا في",
];

fn undergoes(text: &str, t_start: usize, t_end: usize) -> bool {
    // (Arabic letters take two bytes: "تعرضت المفرزة العسكرية المتمركزة في جيبو لهجوم".)
    let lo = floor_char(text, t_start.saturating_sub(128));
    let window = &text[lo..t_end.min(text.len())];
    // Within the trigger's clause only.
    let window = window.rsplit(['.', ';', ',']).next().unwrap_or(window);
    let in_ambush = text[..t_start].ends_with("في ")
        && window.split_whitespace().any(|w| {
            matches!(w.trim_start_matches('و'), "قعت" | "قع" | "قعوا")
                || matches!(w, "وقعت" | "وقع" | "وقعوا")
        });
    in_ambush
        || UNDERGO.iter().any(|u| {
            window.match_indices(u).any(|(i, _)| {
                i == 0 || !window[..i].ends_with(|c: char| is_word_char(c)) || u.starts_with('ت')
            })
        })
}

/// Order of protest readings from peaceful to violent; `None` for other sub-event types.
fn protest_rank(s: SubEventType) -> Option<u8> {
    match s {
        SubEventType::PeacefulProtest => Some(0),
        SubEventType::ProtestWithIntervention => Some(1),
        SubEventType::ExcessiveForceAgainstProtesters => Some(2),
        SubEventType::ViolentDemonstration => Some(3),
        _ => None,
    }
}

/// A later sentence that only counts protesters killed or wounded, by no one named.
fn protest_casualty(o: &Candidate, c: &Candidate) -> bool {
    protest_rank(o.sub).is_some()
        && c.sub.event_type().is_violent()
        && c.actor1.as_ref().is_none_or(|a| a.span.is_none())
        && c.actor2
            .as_ref()
            .is_some_and(|a| a.kind == ActorKind::Protesters)
}

/// The words between a death toll and the side it counts: "45 morts parmi les soldats",
/// "12 dead among the soldiers", "20 killed, including 15 soldiers", "بينهم".
fn among_the_dead(between: &str) -> bool {
    between.len() <= 32
        && !between.contains(['.', ';'])
        && [
            " parmi ",
            " among ",
            " dont ",
            " including ",
            "بينهم",
            "من بين",
        ]
        .iter()
        .any(|w| between.contains(w))
}

/// "The next day" in the three languages (normalised).
const NEXT_DAY: &[&str] = &[
    "the next day",
    "the following day",
    "a day later",
    "le lendemain",
    "le jour suivant",
    "في اليوم التالي",
    "اليوم التالي",
    "في اليوم الموالي",
];

/// Nouns for a strike by forces, which in Sahel reporting is an air or drone strike.
const STRIKE_NOUNS: &[&str] = &[
    "strike",
    "strikes",
    "frappe",
    "frappes",
    "ضربه",
    "الضربه",
    "ضربات",
    "الضربات",
];

/// An armed group's word for its own killing (normalised): a claim, not a toll.
const SAID_IT_KILLED: &[&str] = &[
    "said it had killed",
    "said it killed",
    "says it killed",
    "said it has killed",
    "said they had killed",
    "said it had neutralised",
    "said it had neutralized",
    // "JNIM said in a statement on its channels that it had killed 'more than 60' soldiers".
    "that it had killed",
    "that it killed",
    "that it has killed",
    "that they had killed",
    "that it had neutralised",
    "qu'il avait tue",
    "qu'il a tue",
    "انها قتلت",
    "انهم قتلوا",
    "affirme avoir tue",
    "a affirme avoir tue",
    "dit avoir tue",
    "assure avoir tue",
    "affirme avoir neutralise",
    "قال انه قتل",
    "قالت انها قتلت",
    "زعمت انها قتلت",
];

/// Verbs of saying (normalised) that end a count's reach: a count before one counts who spoke.
const COUNT_SPEAKER_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "recounted",
    "explained",
    "affirme",
    "declare",
    "raconte",
    "explique",
    "temoigne",
    "قال",
    "افاد",
    "اكد",
    "روي",
];

/// Verbs of saying (normalised) that a date may belong to instead of the event.
const SPEECH_WORDS: &[&str] = &[
    "said",
    "says",
    "announced",
    "stated",
    "told",
    "reported",
    "confirmed",
    "annonce",
    "indique",
    "declare",
    "affirme",
    "precise",
    "rapporte",
    "confirme",
    "annoncait",
    // A toll revised on a day was told that day: "On Wednesday it revised the toll to 15".
    "revised",
    "revise",
    "updated",
    "actualise",
    // A statement's own date: "un communiqué publié lundi soir", "a statement issued on Monday",
    // "a statement read on state television late Tuesday".
    "statement",
    "communique",
    "television",
    "radio",
    "بيان",
    "البيان",
    "publie",
    "publiee",
    "published",
    "issued",
    "released",
    // "disclosed this at the bi-weekly briefing on Sunday", "a révélé", "كشف".
    "disclosed",
    "revealed",
    "briefing",
    "revele",
    "كشف",
    "كشفت",
    "صدر",
    "نشر",
    "نشرت",
    "قال",
    "قالت",
    "اعلن",
    "اعلنت",
    "افاد",
    "افادت",
    "ذكر",
    "ذكرت",
    "اكد",
    "اكدت",
    "اوضح",
    "اوضحت",
    "صرح",
    "صرحت",
];

/// What people seized or sought are suspected of (normalised): the reason, not an event.
const SUSPECTED_OF: &[&str] = &[
    "suspected of",
    "accused of",
    "soupconnes d'avoir",
    "soupconnees d'avoir",
    "soupconne d'avoir",
    "soupconnee d'avoir",
    "accuses d'avoir",
    "accusees d'avoir",
    "accuse d'avoir",
    "soupconnes de",
    "soupconnees de",
];

/// Sentence openings (normalised, an Arabic "و" before them stripped) that turn to another
/// story: what the sentence before recalled does not carry over.
const TOPIC_SHIFTS: &[&str] = &[
    "separately",
    "meanwhile",
    "elsewhere",
    "in another development",
    "in a separate incident",
    "in a separate development",
    "par ailleurs",
    "ailleurs",
    "dans un autre registre",
    "d'autre part",
    "من جهه اخري",
    "في سياق منفصل",
    "في سياق اخر",
    "في تطور اخر",
];

/// Words that make the violence a speaker tells of its own deed: "the army said it killed",
/// "la police a indiqué qu'elle avait abattu", "قال الجيش إنه قتل", "announced that units had
/// repelled", "أن إحدى وحداته".
const OWN_DEED_PRONOUNS: &[&str] = &[
    "it",
    "its",
    "they",
    "their",
    "we",
    "our",
    "il",
    "ils",
    "elle",
    "elles",
    "nous",
    "ses",
    "leurs",
    "انه",
    "انها",
    "انهم",
    "اننا",
    "units",
    "unit",
    "unites",
    "unite",
    "وحداته",
    "وحداتها",
    "وحده",
];

/// A verb or noun of saying ("said", "a annoncé", "أعلنت", with a clitic "و"), punctuation
/// around it ignored.
fn speech_word(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !is_word_char(c));
    SPEECH_WORDS.contains(&w)
        || w.strip_prefix('و')
            .is_some_and(|w| SPEECH_WORDS.contains(&w))
}

/// The date mention is the day of a statement: a verb of saying stands within a few words
/// before it ("said on Thursday", "a annoncé jeudi", "أعلن الجيش المالي، الخميس") or between it
/// and the trigger ("On Thursday, the army said it killed ..."), with the trigger elsewhere.
fn said_date(text: &str, d: &DateMention, sent_start: usize, trigger: usize) -> bool {
    // A date borrowed from another sentence is judged there, not here.
    if (trigger >= d.start && trigger < d.end) || d.start < sent_start || d.end > text.len() {
        return false;
    }
    if trigger > d.end {
        // Speech word between the date and the trigger.
        let between = &text[d.end..trigger];
        if between.split_whitespace().take(8).any(speech_word) {
            return true;
        }
    }
    // Speech word in the few words right before the date, trigger not between.
    // Five words back (Arabic letters take two bytes each).
    let lo = floor_char(text, d.start.saturating_sub(120).max(sent_start));
    let before = &text[lo..d.start];
    let mut words: Vec<(usize, &str)> = before
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - before.as_ptr() as usize, w))
        .collect();
    let keep = words.len().saturating_sub(5);
    words.drain(..keep);
    match words.iter().rev().find(|(_, w)| speech_word(w)) {
        Some(&(at, _)) => !(trigger > lo + at && trigger < d.start),
        None => false,
    }
}

/// Words that introduce a part of a count just given ("20 killed, including two children").
const INCLUSION_WORDS: &[&str] = &[
    "including",
    "among them",
    "among whom",
    "of whom",
    "dont",
    "parmi eux",
    "parmi lesquels",
    "parmi lesquelles",
    "y compris",
    "بينهم",
    "من بينهم",
    "منهم",
];

/// "Eleven attackers were also killed", "trois assaillants ont également été tués", "كما قتل
/// ثلاثة من المهاجمين": a later count that adds to the earlier one rather than repeating it.
fn additional_dead(
    text: &str,
    a: Option<(u32, Option<(usize, usize)>)>,
    b: Option<(u32, Option<(usize, usize)>)>,
) -> bool {
    let (Some((x, Some((as_, _)))), Some((y, Some((bs, be))))) = (a, b) else {
        return false;
    };
    if x == 0 || y == 0 || bs <= as_ {
        return false;
    }
    // The words around the second count, within its clause.
    let lo = text[..bs]
        .rfind(['.', ';', '\n'])
        .map_or(0, |i| i + 1)
        .max(bs.saturating_sub(40));
    let hi = (be + 60).min(text.len());
    let (lo, hi) = (floor_char(text, lo), floor_char(text, hi));
    let window = &text[lo..hi];
    let clause_end = window[be - lo..]
        .find(['.', ';', ','])
        .map_or(window.len(), |i| be - lo + i);
    let window = &window[..clause_end];
    [
        " also ",
        " as well",
        " egalement ",
        " aussi ",
        "كما ",
        " ايضا",
        // "two of the wounded have since died", "deux blessés ont succombé".
        "succomb",
        "died of their wounds",
        "died of his wounds",
        "died of her wounds",
        "later died",
        "died later",
        "متاثرا بجراح",
        "متاثرين بجراح",
        "متاثرا بجروح",
        "متاثرين بجروح",
    ]
    .iter()
    .any(|w| window.contains(w))
}

/// The actor whose dead a candidate's count counts: the one named right after the number
/// ("20 soldiers", "عشرين من المهاجمين").
fn counted_side(c: &Candidate) -> Option<String> {
    let (_, Some((fs, fe))) = c.fatalities? else {
        return None;
    };
    [&c.actor1, &c.actor2]
        .into_iter()
        .flatten()
        .filter_map(|a| Some((a.span?, a.name.clone()?)))
        .filter(|((s, _), _)| *s >= fs && *s <= fe + 12)
        .min_by_key(|((s, _), _)| *s)
        .map(|(_, n)| n)
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn sum_fatalities(
    a: Option<(u32, Option<(usize, usize)>)>,
    b: Option<(u32, Option<(usize, usize)>)>,
) -> Option<(u32, Option<(usize, usize)>)> {
    match (a, b) {
        (Some(x), Some(y)) => Some((x.0.saturating_add(y.0), x.1)),
        (x, y) => x.or(y),
    }
}

/// Two tolls of several dead each (a killing told without a number counts one and is no
/// figure to compare).
fn recount(
    a: Option<(u32, Option<(usize, usize)>)>,
    b: Option<(u32, Option<(usize, usize)>)>,
) -> bool {
    matches!((a, b), (Some((x, Some(_))), Some((y, Some(_)))) if x > 1 && y > 1)
}

fn min_fatalities(
    a: Option<(u32, Option<(usize, usize)>)>,
    b: Option<(u32, Option<(usize, usize)>)>,
) -> Option<(u32, Option<(usize, usize)>)> {
    match (a, b) {
        (Some(x), Some(y)) => Some(if y.0 < x.0 { y } else { x }),
        (x, y) => x.or(y),
    }
}

fn max_fatalities(
    a: Option<(u32, Option<(usize, usize)>)>,
    b: Option<(u32, Option<(usize, usize)>)>,
) -> Option<(u32, Option<(usize, usize)>)> {
    match (a, b) {
        (Some(x), Some(y)) => Some(if y.0 > x.0 { y } else { x }),
        (x, y) => x.or(y),
    }
}

#[cfg(test)]
mod word_list_tests {
    use super::*;

    #[test]
    fn a_second_nationality_after_the_force_is_its_partner() {
        let coder = Coder::new(CoderConfig::default());
        for text in [
            "Vendredi, les forces françaises et maliennes ont mené une opération près de Ménaka, tuant quinze jihadistes.",
            "نفذت القوات الفرنسية والمالية يوم الجمعة عملية قرب ميناكا قتل خلالها خمسة عشر مسلحا.",
            "On Friday, French and Malian forces carried out an operation near Menaka, killing fifteen militants.",
        ] {
            let doc = Document {
                id: "t".into(),
                text: text.into(),
                published: chrono::NaiveDate::from_ymd_opt(2026, 3, 2),
                ..Default::default()
            };
            let events = coder.code(&doc).events;
            let e = events.first().unwrap_or_else(|| panic!("no event: {text}"));
            assert!(e.actor1.as_deref().is_some_and(|a| a.starts_with("Military Forces of France")), "{text}: {e:?}");
            assert!(e.assoc_actor_1.as_deref().is_some_and(|a| a.starts_with("Military Forces of Mali")), "{text}: {e:?}");
        }
    }

    /// Word lists are compared with normalised text, so each entry must already be in
    /// normalised form (lower case, no accents, Arabic "على" as "علي").
    #[test]
    fn word_lists_are_normalised() {
        let lists: &[(&str, &[&str])] = &[
            ("MOB_PARTIES", MOB_PARTIES),
            ("FARMERS", FARMERS),
            ("WITHDRAW_TOWARDS", WITHDRAW_TOWARDS),
            ("HERDERS", HERDERS),
            ("ISLAMIST_WORDS", ISLAMIST_WORDS),
            ("ANIMALS", ANIMALS),
            ("PREPOSITIONS", PREPOSITIONS),
            ("TAKE_VERBS", TAKE_VERBS),
            ("NOT_OBJECT", NOT_OBJECT),
            ("SEIZE_VERBS", SEIZE_VERBS),
            ("SEIZE_BY_FORCES", SEIZE_BY_FORCES),
            ("REPORTS", REPORTS),
            ("RECOVER_VERBS", RECOVER_VERBS),
            ("CLAUSE_OPENERS", CLAUSE_OPENERS),
            ("ARMS_NOUNS", ARMS_NOUNS),
            ("BLAST_VERBS", BLAST_VERBS),
            ("COUNT_SPEAKER_VERBS", COUNT_SPEAKER_VERBS),
            ("SAID_IT_KILLED", SAID_IT_KILLED),
            ("WEAPON_NOUNS", WEAPON_NOUNS),
            ("COORDINATORS", COORDINATORS),
            ("REPEL_STEMS", REPEL_STEMS),
            ("GUNFIRE", GUNFIRE),
            ("BODILY", BODILY),
            ("COUNTED_PEOPLE", COUNTED_PEOPLE),
            ("RANKS", RANKS),
            ("PARTICIPLE_FOLLOWERS", PARTICIPLE_FOLLOWERS),
            ("SUPPORT_PHRASES", SUPPORT_PHRASES),
            ("OBJECT_MARKERS", OBJECT_MARKERS),
            ("UNIT_NOUNS", UNIT_NOUNS),
            ("OFF_DUTY", OFF_DUTY),
            ("AT_HOME", AT_HOME),
            ("HARMS", HARMS),
            ("EMPTY_POST", EMPTY_POST),
            ("PARTITIVES", PARTITIVES),
            ("DURATION_UNITS", DURATION_UNITS),
            ("ESCORTED", ESCORTED),
            ("PROTEST_CAUSES", PROTEST_CAUSES),
            ("SHOOT", SHOOT),
            ("BUILDINGS", BUILDINGS),
            ("ROAD_WORDS", ROAD_WORDS),
            ("DEMANDS", DEMANDS),
            ("SERVES", SERVES),
            ("UNDERGO", UNDERGO),
            ("NEXT_DAY", NEXT_DAY),
            ("STRIKE_NOUNS", STRIKE_NOUNS),
            ("SPEECH_WORDS", SPEECH_WORDS),
            ("AR_SINGLE_PERSON", AR_SINGLE_PERSON),
        ];
        let ethnic: Vec<&str> = ETHNIC_GROUPS.iter().map(|&(w, _)| w).collect();
        let numbers: Vec<&str> = NUMBER_WORDS.iter().map(|&(w, _)| w).collect();
        let lists: Vec<(&str, &[&str])> = lists
            .iter()
            .copied()
            .chain([
                ("ETHNIC_GROUPS", ethnic.as_slice()),
                ("NUMBER_WORDS", numbers.as_slice()),
            ])
            .collect();
        let mut bad = Vec::new();
        for (name, list) in &lists {
            for w in *list {
                let n = normalize(w);
                if n.as_str() != *w {
                    bad.push(format!("{name}: {w:?} normalises to {:?}", n.as_str()));
                }
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }
}
