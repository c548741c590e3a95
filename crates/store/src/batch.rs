//! The rules of [`Store::put_batch`](crate::Store::put_batch) and of relinking, written once
//! for every backend.
//!
//! A backend supplies row-level lookups and writes ([`BatchBackend`]); [`put_document`] and
//! [`place_event`] decide what a document is (skipped, exact duplicate, near duplicate, new)
//! and where each of its coded events goes (merged into which stored event, or new), and
//! [`recomputed`] what a merged event says. The SQLite store answers each lookup with a query
//! (cheap in-process); the PostgreSQL store answers them from rows it read for the whole batch
//! in a few round trips and buffers the writes until the end of the batch. Because the rules
//! live here, the two cannot drift apart: the same input gives the same outcomes, event ids and
//! fields on both.

use crate::fingerprint::{self, bands, hamming, ContentHash, SimHash, NEAR_DUPLICATE_DISTANCE};
use crate::merge::{best_merge, combine_sources};
use crate::{DocOutcome, Origin, Result, RunCounts, RunId, SkipReason, StoredEvent};
use rasd_model::{Document, Event};
use std::collections::HashSet;

/// A document with its fingerprints, ready to be looked up and stored. The keys of exact
/// duplicates are computed at once; the normalised text and SimHash on first use (a document
/// already stored never needs them, and a re-ingest is mostly those).
pub struct PreparedDocument<'a> {
    pub doc: &'a Document,
    /// [`fingerprint::document_hash`].
    pub hash: ContentHash,
    /// [`fingerprint::canonical_url`] of the document's URL.
    pub canonical_url: Option<String>,
    text: std::cell::OnceCell<(rasd_text::Normalized, SimHash)>,
}

impl PreparedDocument<'_> {
    fn text(&self) -> &(rasd_text::Normalized, SimHash) {
        self.text.get_or_init(|| {
            let norm = rasd_text::normalize(&self.doc.text);
            let words: Vec<&str> = crate::fulltext::words(norm.as_str())
                .map(|(_, w)| w)
                .collect();
            let simhash = fingerprint::simhash_words(&words);
            (norm, simhash)
        })
    }

    /// The normalised text.
    pub fn norm(&self) -> &rasd_text::Normalized {
        &self.text().0
    }

    /// The SimHash of the normalised text.
    pub fn simhash(&self) -> SimHash {
        self.text().1
    }

    /// The search form of title and text, `(body, alt)` as [`crate::index_form`] gives them:
    /// the title's words first, on a line of their own.
    pub fn index_form(&self) -> (String, String) {
        let (mut body, mut alt) = crate::fulltext::index_form_normalized(self.norm());
        if let Some(title) = self.doc.title.as_deref() {
            let (tb, ta) = crate::fulltext::index_form(title);
            body = format!("{tb}\n{body}");
            if !ta.is_empty() {
                alt = format!("{ta} {alt}");
            }
        }
        (body, alt)
    }

    /// The four SimHash band keys, when the text is long enough to compare.
    pub fn band_keys(&self) -> Option<[i64; 4]> {
        let sim = self.simhash();
        sim.is_comparable().then(|| bands(sim.hash))
    }
}

/// Fingerprint a document, or say why it cannot be stored at all.
pub fn prepare_document(doc: &Document) -> std::result::Result<PreparedDocument<'_>, SkipReason> {
    if doc.id.trim().is_empty() {
        return Err(SkipReason::EmptyId);
    }
    if doc.text.trim().is_empty() && doc.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        return Err(SkipReason::Empty);
    }
    Ok(PreparedDocument {
        doc,
        hash: fingerprint::document_hash(doc),
        canonical_url: doc.url.as_deref().and_then(fingerprint::canonical_url),
        text: std::cell::OnceCell::new(),
    })
}

/// The part of the merge-candidate lookup a database does: Rasd events of the same type dated
/// within a day of the new event and, when it has coordinates, either without coordinates or
/// inside a box a little larger than the merge radius. The exact rule
/// ([`crate::can_merge`]) runs on these few rows.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeWindow {
    /// ACLED spelling of the event type.
    pub event_type: &'static str,
    /// ISO dates (compared as text, as the `sort_date` column is).
    pub from: String,
    pub to: String,
    /// `[min_lat, max_lat, min_lon, max_lon]`.
    pub bbox: Option<[f64; 4]>,
}

impl MergeWindow {
    /// The window of a coded event, or `None` when it has no date (it merges with nothing).
    pub fn of(e: &Event) -> Option<Self> {
        let date = e.event_date?;
        let bbox = match (e.latitude, e.longitude) {
            (Some(lat), Some(lon)) => {
                // 1 degree of latitude is 111 km; longitude degrees shrink with cos(latitude).
                let dlat = crate::MERGE_RADIUS_KM / 110.0;
                let cos = lat.to_radians().cos().max(0.01);
                let dlon = (dlat / cos).min(360.0);
                Some([lat - dlat, lat + dlat, lon - dlon, lon + dlon])
            }
            _ => None,
        };
        Some(MergeWindow {
            event_type: e.event_type.as_acled(),
            from: date.pred_opt().unwrap_or(date).to_string(),
            to: date.succ_opt().unwrap_or(date).to_string(),
            bbox,
        })
    }

    /// Whether a stored event falls in the window: the SQL lookup, evaluated in Rust (for
    /// rows a backend already holds).
    pub fn contains(&self, s: &StoredEvent) -> bool {
        let e = &s.event;
        let date = e.event_date.map(|d| d.to_string()).unwrap_or_default();
        s.origin == Origin::Rasd
            && e.event_type.as_acled() == self.event_type
            && self.from <= date
            && date <= self.to
            && match (self.bbox, e.latitude, e.longitude) {
                (Some([a0, a1, b0, b1]), Some(lat), Some(lon)) => {
                    a0 <= lat && lat <= a1 && b0 <= lon && lon <= b1
                }
                _ => true,
            }
    }
}

/// The closest near-duplicate among `(doc_key, simhash)` neighbours: `(distance, doc_key)`,
/// the closest, then the oldest (lowest key).
pub fn closest_near_duplicate(
    hash: u64,
    neighbours: impl IntoIterator<Item = (i64, u64)>,
) -> Option<(u32, i64)> {
    let mut best: Option<(u32, i64)> = None;
    for (key, sim) in neighbours {
        let d = hamming(hash, sim);
        if d <= NEAR_DUPLICATE_DISTANCE && best.is_none_or(|b| (d, key) < b) {
            best = Some((d, key));
        }
    }
    best
}

/// What a stored Rasd event says after its sources changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Recomputed {
    pub event: Event,
    /// The distinct outlets of its documents in link order, `; ` separated.
    pub source: Option<String>,
    pub source_count: i64,
    pub change: FieldChange,
}

/// Which columns of a stored event a recomputation changes, against the stored row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldChange {
    /// Only the source list and count (most merges: the new report agrees with the event).
    Counts,
    /// ACLED fields, but not the actors.
    Fields,
    /// ACLED fields and actors (the actor links must be rewritten).
    FieldsAndActors,
}

/// The event of sources given in link order as `(coded event, outlet of its document)`;
/// `current` is the stored row when known (else every column is rewritten). `None` when there
/// is no source left (the event goes).
pub fn recomputed<'a>(
    sources: impl IntoIterator<Item = (&'a Event, Option<&'a str>)>,
    current: Option<&StoredEvent>,
) -> Option<Recomputed> {
    let mut coded: Vec<Event> = Vec::new();
    let mut outlets: Vec<&str> = Vec::new();
    for (e, outlet) in sources {
        coded.push(e.clone());
        if let Some(s) = outlet {
            if !outlets.contains(&s) {
                outlets.push(s);
            }
        }
    }
    let event = combine_sources(&coded)?;
    let change = match current {
        Some(cur) if cur.event == event => FieldChange::Counts,
        Some(cur)
            if cur.event.actor1 == event.actor1
                && cur.event.assoc_actor_1 == event.assoc_actor_1
                && cur.event.actor2 == event.actor2
                && cur.event.assoc_actor_2 == event.assoc_actor_2 =>
        {
            FieldChange::Fields
        }
        _ => FieldChange::FieldsAndActors,
    };
    Some(Recomputed {
        event,
        source: (!outlets.is_empty()).then(|| outlets.join("; ")),
        source_count: coded.len() as i64,
        change,
    })
}

/// For a recode: which old coding (by index) each new coded event continues, matched in order
/// by [`crate::same_identity`]; each old coding continues at most once.
pub fn match_recoded(old: &[&Event], new: &[Event]) -> Vec<Option<usize>> {
    let mut taken = vec![false; old.len()];
    new.iter()
        .map(|e| {
            let hit = (0..old.len()).find(|&i| !taken[i] && crate::same_identity(old[i], e));
            if let Some(i) = hit {
                taken[i] = true;
            }
            hit
        })
        .collect()
}

/// Where one coded event went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// A new stored event with this id.
    New(i64),
    /// Linked to this existing event.
    Merged(i64),
    /// A near-duplicate's event that matched none of the original's events: not stored.
    Dropped,
}

/// The row-level operations the shared rules need from a backend, inside one write
/// transaction. Keys are the backend's: `doc_key` of documents, `id` of events. Lookups must
/// see what this transaction wrote before.
pub trait BatchBackend {
    /// The content hash of the stored document with this id.
    fn hash_of_id(&mut self, id: &str) -> Result<Option<ContentHash>>;
    /// The id of the stored document with this canonical URL.
    fn id_of_canonical_url(&mut self, url: &str) -> Result<Option<String>>;
    /// The id of the stored document with this content hash.
    fn id_of_hash(&mut self, hash: &ContentHash) -> Result<Option<String>>;
    /// `(doc_key, simhash)` of the stored documents sharing one of the SimHash bands of `hash`.
    fn band_neighbours(&mut self, hash: u64) -> Result<Vec<(i64, u64)>>;
    /// The document a stored document nearly duplicates (itself when it duplicates none):
    /// `(doc_key, id)`.
    fn near_root(&mut self, doc_key: i64) -> Result<(i64, String)>;
    /// Store a document (with its search form and SimHash bands); returns its `doc_key`.
    fn insert_document(
        &mut self,
        doc: &PreparedDocument<'_>,
        near_duplicate_of: Option<i64>,
        run: RunId,
    ) -> Result<i64>;
    /// Ids of the events these documents are sources of.
    fn events_of_docs(&mut self, doc_keys: &[i64]) -> Result<HashSet<i64>>;
    /// The stored events in a merge window ([`MergeWindow::contains`]), in any order.
    fn merge_candidates(&mut self, window: &MergeWindow) -> Result<Vec<StoredEvent>>;
    /// Link a coded event to a stored event as one of its sources.
    fn link_source(
        &mut self,
        event_id: i64,
        doc_key: i64,
        coded: &Event,
        merge_reason: Option<&str>,
        run: Option<RunId>,
    ) -> Result<()>;
    /// Recompute a Rasd event from its sources ([`recomputed`]) and write it, or delete it
    /// when it has none; returns whether it still exists. `current` is the stored row when the
    /// caller has it.
    fn recompute(
        &mut self,
        event_id: i64,
        coder_version: Option<&str>,
        current: Option<&StoredEvent>,
    ) -> Result<bool>;
    /// Store a new Rasd event (evidence already cleared) with one source; returns its id.
    fn create_event(
        &mut self,
        event: &Event,
        doc_source: Option<&str>,
        coder_version: &str,
    ) -> Result<i64>;
}

/// Link `e` (coded from document `doc_key`) to the event it reports, creating one unless
/// `scope` restricts it to existing events (near-duplicates). `linked` holds the events this
/// document already reports (never merged into twice).
#[allow(clippy::too_many_arguments)]
pub fn place_event<B: BatchBackend + ?Sized>(
    b: &mut B,
    e: &Event,
    doc_key: i64,
    doc_source: Option<&str>,
    run: Option<RunId>,
    coder_version: &str,
    linked: &mut HashSet<i64>,
    scope: Option<&HashSet<i64>>,
) -> Result<Placement> {
    let candidates = match MergeWindow::of(e) {
        Some(w) => b.merge_candidates(&w)?,
        None => Vec::new(),
    };
    let mut found = None;
    if let Some(scope) = scope {
        found = best_merge(candidates.iter().cloned(), e, linked, Some(scope));
    }
    if found.is_none() {
        found = best_merge(candidates, e, linked, None);
    }
    if let Some((current, m)) = found {
        let id = current.id.0;
        b.link_source(id, doc_key, e, Some(&m.reason), run)?;
        b.recompute(id, Some(coder_version), Some(&current))?;
        linked.insert(id);
        return Ok(Placement::Merged(id));
    }
    if scope.is_some() {
        return Ok(Placement::Dropped);
    }
    let mut stored = e.clone();
    stored.evidence.clear();
    let id = b.create_event(&stored, doc_source, coder_version)?;
    b.link_source(id, doc_key, e, None, run)?;
    linked.insert(id);
    Ok(Placement::New(id))
}

/// Store one document of a batch with its coded events (what `put_batch` does per document),
/// adding to `counts`. `prepared` is [`prepare_document`] of `doc`.
pub fn put_document<B: BatchBackend + ?Sized>(
    b: &mut B,
    run: RunId,
    doc: &Document,
    prepared: std::result::Result<&PreparedDocument<'_>, SkipReason>,
    events: &[Event],
    coder_version: &str,
    counts: &mut RunCounts,
) -> Result<DocOutcome> {
    let doc_id = doc.id.clone();
    let p = match prepared {
        Ok(p) => p,
        Err(reason) => {
            counts.docs_skipped += 1;
            return Ok(DocOutcome::Skipped { doc_id, reason });
        }
    };
    // The three ways a document can already be stored, in this order.
    if let Some(stored) = b.hash_of_id(&doc.id)? {
        return Ok(if stored == p.hash {
            counts.docs_duplicate += 1;
            DocOutcome::ExactDuplicate {
                of: doc_id.clone(),
                doc_id,
            }
        } else {
            counts.docs_skipped += 1;
            DocOutcome::Skipped {
                doc_id,
                reason: SkipReason::IdConflict,
            }
        });
    }
    if let Some(c) = &p.canonical_url {
        if let Some(of) = b.id_of_canonical_url(c)? {
            counts.docs_duplicate += 1;
            return Ok(DocOutcome::ExactDuplicate { doc_id, of });
        }
    }
    if let Some(of) = b.id_of_hash(&p.hash)? {
        counts.docs_duplicate += 1;
        return Ok(DocOutcome::ExactDuplicate { doc_id, of });
    }

    // (matched doc_key, distance, root doc_key, root id)
    let sim = p.simhash();
    let near = match sim.is_comparable() {
        true => {
            let neighbours = b.band_neighbours(sim.hash)?;
            match closest_near_duplicate(sim.hash, neighbours) {
                Some((distance, key)) => {
                    let (root, root_id) = b.near_root(key)?;
                    Some((key, distance, root, root_id))
                }
                None => None,
            }
        }
        false => None,
    };
    let doc_key = b.insert_document(p, near.as_ref().map(|n| n.2), run)?;
    let scope = match &near {
        Some((matched, _, root, _)) => Some(b.events_of_docs(&[*root, *matched])?),
        None => None,
    };
    let mut linked = HashSet::new();
    let (mut new, mut merged) = (0, 0);
    for e in events {
        match place_event(
            b,
            e,
            doc_key,
            doc.source.as_deref(),
            Some(run),
            coder_version,
            &mut linked,
            scope.as_ref(),
        )? {
            Placement::New(_) => new += 1,
            Placement::Merged(_) => merged += 1,
            Placement::Dropped => {}
        }
    }
    counts.events_new += new as u64;
    counts.events_merged += merged as u64;
    Ok(match near {
        Some((_, distance, _, of)) => {
            counts.docs_near_duplicate += 1;
            DocOutcome::NearDuplicate {
                doc_id,
                of,
                distance,
                events_linked: merged,
            }
        }
        None => {
            counts.docs_new += 1;
            DocOutcome::Inserted {
                doc_id,
                events_new: new,
                events_merged: merged,
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasd_model::SubEventType;

    fn stored(id: i64, lat: Option<f64>, lon: Option<f64>, date: &str) -> StoredEvent {
        let sub = SubEventType::ArmedClash;
        StoredEvent {
            id: crate::EventId(id),
            origin: Origin::Rasd,
            event: Event {
                event_date: date.parse().ok(),
                event_type: sub.event_type(),
                sub_event_type: sub,
                latitude: lat,
                longitude: lon,
                ..crate::synthetic_documents(1, 1)[0].1[0].clone()
            },
            event_id_cnty: None,
            notes: None,
            source: None,
            coder_version: None,
            source_count: 1,
            updated_at: 0,
        }
    }

    #[test]
    fn window_matches_the_sql_lookup() {
        let e = stored(1, Some(14.0), Some(-1.6), "2020-03-02").event;
        let w = MergeWindow::of(&e).unwrap();
        assert_eq!(
            (w.from.as_str(), w.to.as_str()),
            ("2020-03-01", "2020-03-03")
        );
        assert!(w.contains(&stored(2, Some(14.1), Some(-1.5), "2020-03-03")));
        assert!(w.contains(&stored(2, None, None, "2020-03-01")));
        assert!(
            !w.contains(&stored(2, Some(16.0), Some(-1.6), "2020-03-02")),
            "far"
        );
        assert!(
            !w.contains(&stored(2, Some(14.0), Some(-1.6), "2020-03-04")),
            "late"
        );
        assert!(!w.contains(&stored(2, None, None, "")), "undated");
        let mut acled = stored(2, Some(14.0), Some(-1.6), "2020-03-02");
        acled.origin = Origin::Acled;
        assert!(!w.contains(&acled), "ACLED rows never merge");
        let mut undated = e.clone();
        undated.event_date = None;
        assert_eq!(MergeWindow::of(&undated), None);
    }

    #[test]
    fn closest_then_oldest_near_duplicate() {
        let h = 0b1011u64;
        assert_eq!(
            closest_near_duplicate(h, [(5, h ^ 1), (3, h ^ 2), (9, h)]),
            Some((0, 9))
        );
        assert_eq!(
            closest_near_duplicate(h, [(5, h ^ 1), (3, h ^ 2)]),
            Some((1, 3))
        );
        assert_eq!(closest_near_duplicate(h, [(5, !h)]), None);
    }

    #[test]
    fn recomputed_counts_outlets_once_in_link_order() {
        let a = stored(1, None, None, "2020-03-02");
        let r = recomputed(
            [
                (&a.event, Some("B")),
                (&a.event, Some("A")),
                (&a.event, Some("B")),
                (&a.event, None),
            ],
            Some(&a),
        )
        .unwrap();
        assert_eq!(r.source.as_deref(), Some("B; A"));
        assert_eq!(r.source_count, 4);
        assert_eq!(r.change, FieldChange::Counts);
        assert_eq!(recomputed([], Some(&a)), None);
        let mut other = a.event.clone();
        other.actor1 = Some("Someone Else".into());
        let r = recomputed([(&other, None)], Some(&a)).unwrap();
        assert_eq!(r.change, FieldChange::FieldsAndActors);
    }
}
