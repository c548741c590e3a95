//! Storage stories, run on SQLite and again on PostgreSQL (`postgres::*` at the end: the same
//! test bodies, with `new_store()` giving a store in a fresh database on the server named by
//! `RASD_TEST_PG`; they fail, never skip, when it is not set).
//!
//! Index:
//! - schema: `migrates_an_empty_file_and_reopens`
//! - change counter: `data_version_moves_when_another_connection_writes` (and `events_by_id`)
//! - round trip: `documents_and_events_round_trip`, `prop_round_trip`
//! - idempotency and duplicates: `reput_adds_nothing`, `exact_duplicates_by_url_and_hash`,
//!   `near_duplicate_is_stored_and_linked`, `id_conflict_is_skipped`
//! - merging: `two_languages_one_event_lowest_fatalities`, `different_place_or_date_two_events`,
//!   `same_batch_reports_merge`
//! - recode: `relink_is_reversible_and_keeps_ids`, `relink_unknown_document`
//! - ACLED: `acled_import_is_idempotent_and_updates`
//! - queries: `every_filter`, `cursor_pagination_walks_everything_once`, `aggregates`,
//!   `stats_and_runs`
//! - search: `fts_arabic_variants`, `fts_french_accents_and_snippets`
//! - export: `csv_export`, `csv_columns_match_the_acled_evaluation_file`, `geojson_export`,
//!   `jsonl_export_round_trips`, `parquet_export_has_the_csv_columns_typed`,
//!   `parquet_export_of_nothing_is_a_valid_file`, `parquet_export_to_a_failing_writer_is_an_error`
//! - crash safety: `error_on_third_document_leaves_nothing`, `killed_writer_leaves_nothing`

use chrono::NaiveDate;
use proptest::prelude::*;
use rasd_model::{
    Document, Event, EventType, Evidence, EvidenceField, Language, Role, SubEventType,
};
use rasd_store::*;

// ---------------------------------------------------------------------------------------------
// Fixtures: short made-up reports.

const FR_BONI: &str = "Des hommes armés ont attaqué lundi un poste de contrôle de l'armée à Boni, \
    dans la région de Mopti, tuant quatre soldats, selon une source sécuritaire. Les assaillants, \
    arrivés à moto, ont incendié deux véhicules avant de se replier vers la frontière.";
const AR_BONI: &str = "هاجم مسلحون يوم الإثنين نقطة تفتيش تابعة للجيش المالي في بوني بمنطقة موبتي، \
    ما أدى إلى مقتل ستة جنود، وفق مصدر أمني. وأحرق المهاجمون سيارتين قبل أن ينسحبوا نحو الحدود.";
const EN_GAO: &str = "Protesters marched through the centre of Gao on Friday to demand better \
    security on the roads leading to the city, a local journalist reported.";
const EN_MENAKA: &str = "An improvised explosive device struck a patrol vehicle near Menaka on \
    Sunday, wounding two peacekeepers, the mission said in a statement on Monday.";

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn doc(id: &str, text: &str) -> Document {
    Document {
        id: id.into(),
        text: text.into(),
        title: None,
        published: None,
        lang: None,
        url: None,
        source: None,
    }
}

#[allow(clippy::too_many_arguments)]
fn ev(
    sub: SubEventType,
    day: &str,
    coords: Option<(f64, f64)>,
    actor1: Option<&str>,
    country: &str,
    admin1: &str,
    location: &str,
    fatalities: Option<u32>,
) -> Event {
    Event {
        event_date: Some(date(day)),
        time_precision: Some(1),
        event_type: sub.event_type(),
        sub_event_type: sub,
        actor1: actor1.map(str::to_owned),
        assoc_actor_1: None,
        actor2: Some("Military Forces of Mali (2013-)".into()),
        assoc_actor_2: None,
        inter1: Some(3),
        inter2: Some(1),
        country: Some(country.into()),
        admin1: Some(admin1.into()),
        admin2: None,
        location: Some(location.into()),
        latitude: coords.map(|c| c.0),
        longitude: coords.map(|c| c.1),
        geo_precision: Some(1),
        fatalities,
        confidence: 0.8,
        tags: vec![],
        evidence: vec![Evidence {
            role: Role::Trigger,
            start: 0,
            end: 3,
            field: EvidenceField::Text,
        }],
    }
}

fn boni_fr() -> (Document, Vec<Event>) {
    let mut d = doc("fr-boni", FR_BONI);
    d.title = Some("Attaque à Boni".into());
    d.lang = Some(Language::Fr);
    d.source = Some("Journal du Sahel".into());
    d.url = Some("https://journal.example/2019/03/boni?utm_source=feed".into());
    d.published = Some(date("2019-03-05"));
    let e = ev(
        SubEventType::ArmedClash,
        "2019-03-04",
        Some((15.003, -1.933)),
        Some("Unidentified Armed Group (Mali)"),
        "Mali",
        "Mopti",
        "Boni",
        Some(4),
    );
    (d, vec![e])
}

fn boni_ar() -> (Document, Vec<Event>) {
    let mut d = doc("ar-boni", AR_BONI);
    d.lang = Some(Language::Ar);
    d.source = Some("وكالة الأنباء".into());
    let e = ev(
        SubEventType::ArmedClash,
        "2019-03-05",
        Some((15.03, -1.96)),
        Some("JNIM: Group for Support of Islam and Muslims"),
        "Mali",
        "Mopti",
        "بوني",
        Some(6),
    );
    (d, vec![e])
}

fn gao_protest() -> (Document, Vec<Event>) {
    let mut d = doc("en-gao", EN_GAO);
    d.source = Some("Gao Radio".into());
    let mut e = ev(
        SubEventType::PeacefulProtest,
        "2019-04-12",
        Some((16.27, -0.04)),
        Some("Protesters (Mali)"),
        "Mali",
        "Gao",
        "Gao",
        None,
    );
    e.actor2 = None;
    e.inter1 = Some(6);
    e.inter2 = None;
    (d, vec![e])
}

fn menaka_ied() -> (Document, Vec<Event>) {
    let d = doc("en-menaka", EN_MENAKA);
    let mut e = ev(
        SubEventType::RemoteExplosiveLandmineIed,
        "2019-05-05",
        None,
        Some("Unidentified Armed Group (Mali)"),
        "Mali",
        "Menaka",
        "Menaka",
        Some(0),
    );
    e.actor2 = Some(
        "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2013-)"
            .into(),
    );
    e.inter2 = Some(8);
    (d, vec![e])
}

thread_local! {
    /// Set by the `postgres::*` tests (each test runs on its own thread).
    static ON_POSTGRES: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn new_store() -> Box<dyn Store> {
    if ON_POSTGRES.get() {
        let url = rasd_store_pg::test_server_url();
        Box::new(rasd_store_pg::PgStore::scratch(&url, "store").unwrap())
    } else {
        Box::new(SqliteStore::open_in_memory().unwrap())
    }
}

/// Two connections to one fresh store (a file, or a database on the test server): a writer,
/// and a reader that never writes. The folder keeps the SQLite file alive.
fn two_connections() -> (Box<dyn Store>, Box<dyn Store>, Option<tempfile::TempDir>) {
    if ON_POSTGRES.get() {
        let url = rasd_store_pg::test_server_url();
        let writer = rasd_store_pg::PgStore::scratch(&url, "store").unwrap();
        let reader = rasd_store_pg::PgStore::connect(writer.url()).unwrap();
        (Box::new(writer), Box::new(reader), None)
    } else {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("two.db");
        let writer = SqliteStore::open(&path).unwrap();
        let reader = SqliteStore::open_read_only(&path).unwrap();
        (Box::new(writer), Box::new(reader), Some(dir))
    }
}

fn put(s: &mut dyn Store, batch: &[(Document, Vec<Event>)]) -> Vec<DocOutcome> {
    let run = s.begin_run(&["test".into()], Some("test-coder")).unwrap();
    s.put_batch(run, batch, "test-coder").unwrap()
}

fn all_events(s: &dyn Store) -> Vec<StoredEvent> {
    s.events(&EventFilter {
        limit: Some(10_000),
        ..Default::default()
    })
    .unwrap()
    .events
}

fn acled(id: &str, e: Event, notes: &str) -> AcledRecord {
    let mut e = e;
    e.evidence.clear();
    e.confidence = 1.0;
    AcledRecord {
        event: e,
        event_id_cnty: id.into(),
        notes: Some(notes.into()),
        source: Some("Synthetic Source".into()),
    }
}

// ---------------------------------------------------------------------------------------------
// Schema

#[test]
fn migrates_an_empty_file_and_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.sqlite");
    {
        let mut s = SqliteStore::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
        assert_eq!(s.stats().unwrap(), Stats::default());
        put(&mut s, &[boni_fr()]);
    }
    let s = SqliteStore::open(&path).unwrap();
    assert_eq!(s.stats().unwrap().documents, 1);
    let mode: String = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let ro = SqliteStore::open_read_only(&path).unwrap();
    assert_eq!(ro.stats().unwrap().events, 1);
}

// ---------------------------------------------------------------------------------------------
// Round trip

fn story_round_trip(s: &mut dyn Store) {
    let (d, events) = boni_fr();
    put(s, &[(d.clone(), events.clone())]);
    let stored = s.document(&d.id).unwrap().unwrap();
    assert_eq!(stored.document, d);
    assert_eq!(
        stored.canonical_url.as_deref(),
        Some("journal.example/2019/03/boni")
    );
    assert_eq!(stored.content_hash, content_hash(&d.text));
    assert_eq!(stored.events.len(), 1);
    let detail = s.event_detail(stored.events[0]).unwrap().unwrap();
    let mut bare = events[0].clone();
    bare.evidence.clear();
    assert_eq!(detail.event.event, bare);
    assert_eq!(detail.event.origin, Origin::Rasd);
    assert_eq!(detail.event.source.as_deref(), Some("Journal du Sahel"));
    assert_eq!(detail.event.coder_version.as_deref(), Some("test-coder"));
    assert_eq!(detail.sources.len(), 1);
    assert_eq!(detail.sources[0].coded, events[0]);
    assert_eq!(detail.sources[0].evidence, events[0].evidence);
    assert_eq!(detail.sources[0].merge_reason, None);
    assert_eq!(
        detail.sources[0].document.title.as_deref(),
        Some("Attaque à Boni")
    );
    assert!(s.document("nope").unwrap().is_none());
    assert!(s.event_detail(EventId(999)).unwrap().is_none());
}

#[test]
fn documents_and_events_round_trip() {
    story_round_trip(&mut new_store());
}

fn arb_text() -> impl Strategy<Value = String> {
    "[a-zA-Zéèàç \u{0627}-\u{064A}]{1,60}"
}

fn arb_event() -> impl Strategy<Value = Event> {
    (
        0..SubEventType::ALL.len(),
        proptest::option::of(0i64..5000),
        proptest::option::of(arb_text()),
        proptest::option::of((-90.0f64..90.0, -180.0f64..180.0)),
        proptest::option::of(0u32..500),
        0.0f32..1.0,
        proptest::collection::vec("[a-z]{1,8}", 0..3),
        proptest::option::of(1u8..9),
    )
        .prop_map(|(sub, day, actor, coords, fat, conf, tags, inter)| {
            let sub = SubEventType::ALL[sub];
            Event {
                event_date: day.map(|d| date("2010-01-01") + chrono::Days::new(d as u64)),
                time_precision: day.map(|_| 1),
                event_type: sub.event_type(),
                sub_event_type: sub,
                actor1: actor.clone(),
                assoc_actor_1: actor.map(|a| format!("{a}; Other")),
                actor2: None,
                assoc_actor_2: None,
                inter1: inter,
                inter2: None,
                country: Some("Niger".into()),
                admin1: None,
                admin2: None,
                location: None,
                latitude: coords.map(|c| c.0),
                longitude: coords.map(|c| c.1),
                geo_precision: Some(2),
                fatalities: fat,
                confidence: conf,
                tags,
                evidence: vec![],
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn prop_round_trip(
        text in arb_text(),
        title in proptest::option::of(arb_text()),
        published in proptest::option::of(0i64..9000),
        event in arb_event(),
    ) {
        let mut s = new_store();
        let d = Document {
            id: "p1".into(),
            text: format!("{text} x"),
            title,
            published: published.map(|p| date("2000-01-01") + chrono::Days::new(p as u64)),
            lang: Some(Language::Und),
            url: None,
            source: Some("src".into()),
        };
        let out = put(&mut s, &[(d.clone(), vec![event.clone()])]);
        let inserted = matches!(out[0], DocOutcome::Inserted { events_new: 1, .. });
        prop_assert!(inserted, "{:?}", out);
        let stored = s.document("p1").unwrap().unwrap();
        prop_assert_eq!(&stored.document, &d);
        let detail = s.event_detail(stored.events[0]).unwrap().unwrap();
        prop_assert_eq!(&detail.event.event, &event);
        prop_assert_eq!(&detail.sources[0].coded, &event);
    }
}

// ---------------------------------------------------------------------------------------------
// Idempotency and duplicates

fn story_reput(s: &mut dyn Store) {
    let batch = [boni_fr(), gao_protest(), menaka_ied()];
    let first = put(s, &batch);
    assert!(
        first
            .iter()
            .all(|o| matches!(o, DocOutcome::Inserted { .. })),
        "{first:?}"
    );
    let before = s.stats().unwrap();
    let second = put(s, &batch);
    for (o, (d, _)) in second.iter().zip(&batch) {
        assert_eq!(
            o,
            &DocOutcome::ExactDuplicate {
                doc_id: d.id.clone(),
                of: d.id.clone()
            }
        );
    }
    let after = s.stats().unwrap();
    assert_eq!(after.documents, before.documents);
    assert_eq!(after.events, before.events);
    assert_eq!(after.sources, before.sources);
    assert_eq!(after.actors, before.actors);
    assert!(s.contains_hash(&content_hash(EN_GAO)).unwrap());
    assert!(!s.contains_hash(&content_hash("never stored")).unwrap());
    assert_eq!(s.known_hashes().unwrap().len(), 3);
}

#[test]
fn reput_adds_nothing() {
    story_reput(&mut new_store());
}

#[test]
fn exact_duplicates_by_url_and_hash() {
    let mut s = new_store();
    put(&mut s, &[boni_fr()]);
    // Same canonical URL (http, www, tracking parameter, trailing slash), different text.
    let mut by_url = doc("copy-url", "Another text entirely, same page address.");
    by_url.url = Some("http://www.journal.example/2019/03/boni/?fbclid=1".into());
    // Same text, re-wrapped.
    let by_hash = doc("copy-text", &FR_BONI.replace(", ", ",\n   "));
    let out = put(&mut s, &[(by_url, vec![]), (by_hash, boni_fr().1)]);
    assert_eq!(
        out,
        vec![
            DocOutcome::ExactDuplicate {
                doc_id: "copy-url".into(),
                of: "fr-boni".into()
            },
            DocOutcome::ExactDuplicate {
                doc_id: "copy-text".into(),
                of: "fr-boni".into()
            },
        ]
    );
    let st = s.stats().unwrap();
    assert_eq!((st.documents, st.events, st.sources), (1, 1, 1));
    let run = s.runs().unwrap()[0].clone();
    assert_eq!(run.counts.docs_duplicate, 2);
}

#[test]
fn title_only_documents_are_told_apart_by_title() {
    let mut s = new_store();
    let mut a = doc("t1", "");
    a.title = Some("Attack on a convoy near Gao".into());
    let mut b = doc("t2", " ");
    b.title = Some("Protest in Niamey".into());
    let out = put(&mut s, &[(a.clone(), vec![]), (b, vec![])]);
    assert!(
        out.iter().all(|o| matches!(o, DocOutcome::Inserted { .. })),
        "{out:?}"
    );
    assert!(s.contains_hash(&document_hash(&a)).unwrap());
}

#[test]
fn id_conflict_is_skipped() {
    let mut s = new_store();
    put(&mut s, &[boni_fr()]);
    let out = put(
        &mut s,
        &[
            (doc("fr-boni", "different text"), vec![]),
            (doc(" ", "x"), vec![]),
            (doc("e", " "), vec![]),
        ],
    );
    assert_eq!(
        out,
        vec![
            DocOutcome::Skipped {
                doc_id: "fr-boni".into(),
                reason: SkipReason::IdConflict
            },
            DocOutcome::Skipped {
                doc_id: " ".into(),
                reason: SkipReason::EmptyId
            },
            DocOutcome::Skipped {
                doc_id: "e".into(),
                reason: SkipReason::Empty
            },
        ]
    );
}

const LONG_REPORT: &str = "Unidentified gunmen attacked the village of Kourou in the Mopti region \
    on Tuesday night, killing twelve civilians and burning several granaries, local officials \
    said on Wednesday. The assailants arrived on motorbikes shortly after the evening prayer and \
    opened fire on residents gathered near the market, according to a local elected official who \
    asked not to be named for security reasons. Several houses and a health post were set on fire \
    and cattle were taken towards the border. The army sent reinforcements to the area on \
    Wednesday morning and a search operation was under way, a military source said.";

#[test]
fn near_duplicate_is_stored_and_linked() {
    let mut s = new_store();
    let mut e = ev(
        SubEventType::Attack,
        "2019-06-11",
        Some((14.2, -3.1)),
        Some("Unidentified Armed Group (Mali)"),
        "Mali",
        "Mopti",
        "Kourou",
        Some(12),
    );
    e.actor2 = Some("Civilians (Mali)".into());
    e.inter2 = Some(7);
    let original = (doc("orig", LONG_REPORT), vec![e.clone()]);
    // A re-publication: upper case, other punctuation, a credit line, a lower toll in its coding.
    let copy_text = format!("{} (AFP)", LONG_REPORT.to_uppercase().replace(',', " -"));
    let mut e2 = e.clone();
    e2.fatalities = Some(11);
    let copy = (doc("copy", &copy_text), vec![e2]);
    let out = put(&mut s, &[original]);
    assert!(matches!(out[0], DocOutcome::Inserted { events_new: 1, .. }));
    let out = put(&mut s, &[copy]);
    match &out[0] {
        DocOutcome::NearDuplicate {
            doc_id,
            of,
            distance,
            events_linked,
        } => {
            assert_eq!(
                (doc_id.as_str(), of.as_str(), *events_linked),
                ("copy", "orig", 1)
            );
            assert!(*distance <= NEAR_DUPLICATE_DISTANCE);
        }
        other => panic!("{other:?}"),
    }
    let st = s.stats().unwrap();
    assert_eq!(
        (st.documents, st.events, st.sources, st.near_duplicates),
        (2, 1, 2, 1)
    );
    let stored = s.document("copy").unwrap().unwrap();
    assert_eq!(stored.near_duplicate_of.as_deref(), Some("orig"));
    let detail = s.event_detail(stored.events[0]).unwrap().unwrap();
    assert_eq!(detail.event.event.fatalities, Some(11));
    assert_eq!(detail.event.source_count, 2);
}

// ---------------------------------------------------------------------------------------------
// Merging

fn story_two_languages(s: &mut dyn Store) {
    let out = put(s, &[boni_fr()]);
    assert!(matches!(
        out[0],
        DocOutcome::Inserted {
            events_new: 1,
            events_merged: 0,
            ..
        }
    ));
    let out = put(s, &[boni_ar()]);
    assert!(
        matches!(
            out[0],
            DocOutcome::Inserted {
                events_new: 0,
                events_merged: 1,
                ..
            }
        ),
        "{out:?}"
    );
    let events = all_events(s);
    assert_eq!(events.len(), 1);
    let e = &events[0];
    assert_eq!(e.source_count, 2);
    assert_eq!(e.event.fatalities, Some(4), "lowest reported figure");
    assert_eq!(
        e.event.actor1.as_deref(),
        Some("JNIM: Group for Support of Islam and Muslims"),
        "a named actor beats an unidentified one"
    );
    assert_eq!(
        e.event.location.as_deref(),
        Some("Boni"),
        "place ties go to the first source"
    );
    assert_eq!(e.event.event_date, Some(date("2019-03-04")));
    assert_eq!(e.source.as_deref(), Some("Journal du Sahel; وكالة الأنباء"));
    let detail = s.event_detail(e.id).unwrap().unwrap();
    let ids: Vec<&str> = detail
        .sources
        .iter()
        .map(|s| s.document.id.as_str())
        .collect();
    assert_eq!(ids, ["fr-boni", "ar-boni"]);
    assert_eq!(detail.sources[0].merge_reason, None);
    let reason = detail.sources[1].merge_reason.as_deref().unwrap();
    assert!(
        reason.starts_with("same type Battles, dates 2019-03-04/2019-03-05, 4."),
        "{reason}"
    );
    assert!(reason.contains("one unidentified"), "{reason}");
    assert_eq!(detail.sources[1].fatalities, Some(6));
    assert_eq!(detail.sources[1].coded.location.as_deref(), Some("بوني"));
}

#[test]
fn two_languages_one_event_lowest_fatalities() {
    story_two_languages(&mut new_store());
}

#[test]
fn different_place_or_date_two_events() {
    let mut s = new_store();
    put(&mut s, &[boni_fr()]);
    // Same attack type and actors, 60 km away.
    let (mut d, mut e) = boni_ar();
    e[0].latitude = Some(15.5);
    put(&mut s, &[(d.clone(), e)]);
    // Three days later, same place (another report: a near-duplicate text would only link).
    d.id = "ar-boni-later".into();
    d.text = "اشتباكات جديدة قرب بوني بين الجيش ومسلحين".into();
    let (_, mut e) = boni_ar();
    e[0].event_date = Some(date("2019-03-07"));
    put(&mut s, &[(d, e)]);
    assert_eq!(s.stats().unwrap().events, 3);
    assert!(all_events(&s).iter().all(|e| e.source_count == 1));
}

#[test]
fn same_batch_reports_merge() {
    let mut s = new_store();
    let out = put(&mut s, &[boni_fr(), boni_ar()]);
    assert!(matches!(
        out[1],
        DocOutcome::Inserted {
            events_merged: 1,
            ..
        }
    ));
    assert_eq!(s.stats().unwrap().events, 1);
}

// ---------------------------------------------------------------------------------------------
// Recode

#[test]
fn relink_is_reversible_and_keeps_ids() {
    let mut s = new_store();
    put(&mut s, &[boni_fr(), boni_ar(), gao_protest()]);
    let merged = all_events(&s)
        .into_iter()
        .find(|e| e.source_count == 2)
        .unwrap();
    let gao_id = s.document("en-gao").unwrap().unwrap().events[0];

    // 1. The Arabic report is recoded as something else: its link goes, the merged event is
    //    back to the French report alone, and a new event appears.
    let (_, ar) = boni_ar();
    let mut other = ar[0].clone();
    other.sub_event_type = SubEventType::Attack;
    other.event_type = EventType::ViolenceAgainstCivilians;
    let r = s.relink_document("ar-boni", &[other], "coder-2").unwrap();
    assert_eq!(r.updated, vec![merged.id]);
    assert_eq!(r.created.len(), 1);
    assert!(r.deleted.is_empty() && r.kept.is_empty());
    let back = s.event_detail(merged.id).unwrap().unwrap();
    assert_eq!(back.sources.len(), 1);
    assert_eq!(back.event.event.fatalities, Some(4));
    assert_eq!(
        back.event.event.actor1.as_deref(),
        Some("Unidentified Armed Group (Mali)")
    );
    assert_eq!(back.event.source_count, 1);

    // 2. Recoding it back restores the merge: same event id as before.
    let r = s.relink_document("ar-boni", &ar, "coder-3").unwrap();
    assert_eq!(r.merged_into, vec![merged.id]);
    assert_eq!(r.deleted.len(), 1, "the Attack event had no other source");
    let again = s.event_detail(merged.id).unwrap().unwrap();
    assert_eq!(again.sources.len(), 2);
    assert_eq!(again.event.event, merged.event);
    assert_eq!(s.stats().unwrap().events, 2);

    // 3. A recode that only changes the toll keeps the event and its id.
    let (_, mut gao) = gao_protest();
    gao[0].fatalities = Some(1);
    let r = s.relink_document("en-gao", &gao, "coder-4").unwrap();
    assert_eq!(r.kept, vec![gao_id]);
    let g = s.event_detail(gao_id).unwrap().unwrap();
    assert_eq!(g.event.event.fatalities, Some(1));
    assert_eq!(g.event.coder_version.as_deref(), Some("coder-4"));

    // 4. A recode to no events deletes the document's only event; ids are never reused.
    let r = s.relink_document("en-gao", &[], "coder-5").unwrap();
    assert_eq!(r.deleted, vec![gao_id]);
    put(&mut s, &[menaka_ied()]);
    assert!(all_events(&s).iter().all(|e| e.id != gao_id));
    assert_eq!(s.document("en-gao").unwrap().unwrap().events, vec![]);
    // The id listing of a text (read from the full-text tables and source links alone) never
    // names an unlinked or deleted event: the same events as the text filter's pages.
    let texts = [
        s.document("en-gao").unwrap().unwrap().document.text,
        s.document("ar-boni").unwrap().unwrap().document.text,
    ];
    for word in texts.iter().flat_map(|t| t.split_whitespace()) {
        let word: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
        if word.chars().count() < 4 {
            continue;
        }
        let f = EventFilter {
            text: Some(word.clone()),
            ..Default::default()
        };
        let mut listed: Vec<i64> = s
            .events(&f)
            .unwrap()
            .events
            .iter()
            .map(|e| e.id.0)
            .collect();
        let mut bare: Vec<i64> = s.event_ids(&f).unwrap().iter().map(|e| e.0).collect();
        listed.sort_unstable();
        bare.sort_unstable();
        assert_eq!(bare, listed, "{word}");
        assert!(!bare.contains(&gao_id.0), "{word}");
    }
}

#[test]
fn relink_unknown_document() {
    let mut s = new_store();
    assert!(matches!(
        s.relink_document("missing", &[], "c"),
        Err(StoreError::DocumentNotFound { .. })
    ));
}

// ---------------------------------------------------------------------------------------------
// ACLED imports

#[test]
fn acled_import_is_idempotent_and_updates() {
    let mut s = new_store();
    let (_, fr) = boni_fr();
    let rows = vec![
        acled(
            "MLI1",
            fr[0].clone(),
            "Unidentified gunmen attacked an army checkpoint.",
        ),
        acled(
            "MLI2",
            gao_protest().1[0].clone(),
            "Residents marched for security.",
        ),
    ];
    assert_eq!(
        s.import_acled(&rows).unwrap(),
        ImportReport {
            inserted: 2,
            updated: 0,
            unchanged: 0
        }
    );
    assert_eq!(
        s.import_acled(&rows).unwrap(),
        ImportReport {
            inserted: 0,
            updated: 0,
            unchanged: 2
        }
    );
    let mut revised = rows.clone();
    revised[0].event.fatalities = Some(5);
    revised[0].notes = Some("Revised: gunmen attacked an army checkpoint near the border.".into());
    assert_eq!(
        s.import_acled(&revised).unwrap(),
        ImportReport {
            inserted: 0,
            updated: 1,
            unchanged: 1
        }
    );
    let st = s.stats().unwrap();
    assert_eq!((st.events, st.acled_events, st.rasd_events), (2, 2, 0));
    // ACLED events are never merge targets for Rasd reports.
    put(&mut s, &[boni_fr()]);
    assert_eq!(s.stats().unwrap().events, 3);
    let acled_only = s
        .events(&EventFilter {
            origin: Some(Origin::Acled),
            text: Some("border".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(acled_only.events.len(), 1);
    assert_eq!(acled_only.events[0].event_id_cnty.as_deref(), Some("MLI1"));
    assert_eq!(acled_only.events[0].event.fatalities, Some(5));
    let old_notes = s
        .events(&EventFilter {
            text: Some("unidentified".into()),
            origin: Some(Origin::Acled),
            ..Default::default()
        })
        .unwrap();
    assert!(old_notes.events.is_empty(), "notes index follows updates");
}

// ---------------------------------------------------------------------------------------------
// Queries

/// Three Rasd events (Boni merged, Gao, Menaka) and four ACLED events.
fn query_fixture() -> Box<dyn Store> {
    let mut s = new_store();
    put(&mut s, &[boni_fr(), boni_ar(), gao_protest(), menaka_ied()]);
    let mut niger = ev(
        SubEventType::AirDroneStrike,
        "2020-01-10",
        Some((14.0, 1.45)),
        Some("Military Forces of Niger (2011-)"),
        "Niger",
        "Tillaberi",
        "Inates",
        Some(15),
    );
    niger.admin2 = Some("Ayerou".into());
    let mut undated = ev(
        SubEventType::Arrests,
        "2020-01-01",
        None,
        Some("Police Forces of Burkina Faso (2015-)"),
        "Burkina Faso",
        "Centre",
        "Ouagadougou",
        None,
    );
    undated.event_date = None;
    let mut segou = ev(
        SubEventType::Attack,
        "2018-11-20",
        Some((13.43, -6.26)),
        Some("Dan Na Ambassagou"),
        "Mali",
        "Ségou",
        "Macina",
        Some(2),
    );
    segou.actor2 = Some("Civilians (Mali)".into());
    segou.inter2 = Some(7);
    segou.admin2 = Some("Macina".into());
    segou.assoc_actor_1 = Some("Dozo Militia; Fulani Ethnic Militia (Mali)".into());
    let low = ev(
        SubEventType::ArmedClash,
        "2019-03-20",
        Some((14.35, -3.6)),
        Some("Katiba Macina"),
        "Mali",
        "Mopti",
        "Douentza",
        Some(3),
    );
    let mut low = acled(
        "MLI11",
        low,
        "Clashes near Douentza were reported by residents.",
    );
    low.event.confidence = 0.3;
    s.import_acled(&[
        acled("NIR1", niger, "A drone strike hit a convoy near Inates."),
        acled(
            "BFO1",
            undated,
            "Police arrested two traders in the capital.",
        ),
        acled("MLI10", segou, "Militiamen attacked herders near Macina."),
        low,
    ])
    .unwrap();
    s
}

fn ids(s: &dyn Store, f: EventFilter) -> Vec<String> {
    s.events(&f)
        .unwrap()
        .events
        .into_iter()
        .map(|e| e.event.location.unwrap_or_default())
        .collect()
}

#[test]
fn every_filter() {
    let s = query_fixture();
    let f = EventFilter::default;
    assert_eq!(
        ids(&s, f()),
        [
            "Inates",
            "Menaka",
            "Gao",
            "Douentza",
            "Boni",
            "Macina",
            "Ouagadougou"
        ],
        "newest first, undated last"
    );
    assert_eq!(
        ids(
            &s,
            EventFilter {
                sort: Sort::DateAsc,
                ..f()
            }
        ),
        [
            "Ouagadougou",
            "Macina",
            "Boni",
            "Douentza",
            "Gao",
            "Menaka",
            "Inates"
        ]
    );
    struct Case {
        name: &'static str,
        filter: EventFilter,
        want: &'static [&'static str],
    }
    let cases = [
        Case {
            name: "from",
            filter: EventFilter {
                from: Some(date("2019-04-12")),
                ..f()
            },
            want: &["Inates", "Menaka", "Gao"],
        },
        Case {
            name: "to",
            filter: EventFilter {
                to: Some(date("2019-03-04")),
                ..f()
            },
            want: &["Boni", "Macina"],
        },
        Case {
            name: "from+to",
            filter: EventFilter {
                from: Some(date("2019-03-01")),
                to: Some(date("2019-03-31")),
                ..f()
            },
            want: &["Douentza", "Boni"],
        },
        Case {
            name: "country, case-insensitive",
            filter: EventFilter {
                country: Some("NIGER".into()),
                ..f()
            },
            want: &["Inates"],
        },
        Case {
            name: "admin1",
            filter: EventFilter {
                admin1: Some("mopti".into()),
                ..f()
            },
            want: &["Douentza", "Boni"],
        },
        Case {
            name: "admin1 with accent",
            filter: EventFilter {
                admin1: Some("Ségou".into()),
                ..f()
            },
            want: &["Macina"],
        },
        Case {
            name: "admin2",
            filter: EventFilter {
                admin2: Some("Ayerou".into()),
                ..f()
            },
            want: &["Inates"],
        },
        Case {
            name: "actor substring, any case",
            filter: EventFilter {
                actor: Some("jnim".into()),
                ..f()
            },
            want: &["Boni"],
        },
        Case {
            name: "actor2 and accents",
            filter: EventFilter {
                actor: Some("CIVILIÁNS".into()),
                ..f()
            },
            want: &["Macina"],
        },
        Case {
            name: "actor matches actor2",
            filter: EventFilter {
                actor: Some("military forces of mali".into()),
                ..f()
            },
            want: &["Inates", "Douentza", "Boni", "Ouagadougou"],
        },
        Case {
            name: "actor matches an associated actor",
            filter: EventFilter {
                actor: Some("dozo".into()),
                ..f()
            },
            want: &["Macina"],
        },
        Case {
            name: "actor LIKE metacharacters are literal",
            filter: EventFilter {
                actor: Some("%".into()),
                ..f()
            },
            want: &[],
        },
        Case {
            name: "event type",
            filter: EventFilter {
                event_type: Some(EventType::ExplosionsRemoteViolence),
                ..f()
            },
            want: &["Inates", "Menaka"],
        },
        Case {
            name: "sub-event type",
            filter: EventFilter {
                sub_event_type: Some(SubEventType::PeacefulProtest),
                ..f()
            },
            want: &["Gao"],
        },
        Case {
            name: "text in a source document (Arabic)",
            filter: EventFilter {
                text: Some("المهاجمون".into()),
                ..f()
            },
            want: &["Boni"],
        },
        Case {
            name: "text in ACLED notes",
            filter: EventFilter {
                text: Some("herders".into()),
                ..f()
            },
            want: &["Macina"],
        },
        Case {
            name: "near Boni 10 km",
            filter: EventFilter {
                near: Some(Near {
                    lat: 15.0,
                    lon: -1.93,
                    km: 10.0,
                }),
                ..f()
            },
            want: &["Boni"],
        },
        Case {
            name: "near Douentza 260 km",
            filter: EventFilter {
                near: Some(Near {
                    lat: 14.35,
                    lon: -3.6,
                    km: 260.0,
                }),
                ..f()
            },
            want: &["Douentza", "Boni"],
        },
        // Boni is inside the circle's bounding box (0.45 degrees each way) but 66 km away.
        Case {
            name: "near is a circle, not a box",
            filter: EventFilter {
                near: Some(Near {
                    lat: 15.4,
                    lon: -2.4,
                    km: 50.0,
                }),
                ..f()
            },
            want: &[],
        },
        Case {
            name: "bbox",
            filter: EventFilter {
                bbox: Some(BBox {
                    min_lat: 13.0,
                    min_lon: -7.0,
                    max_lat: 15.0,
                    max_lon: -3.0,
                }),
                ..f()
            },
            want: &["Douentza", "Macina"],
        },
        Case {
            name: "origin rasd",
            filter: EventFilter {
                origin: Some(Origin::Rasd),
                ..f()
            },
            want: &["Menaka", "Gao", "Boni"],
        },
        Case {
            name: "min confidence",
            filter: EventFilter {
                min_confidence: Some(0.9),
                ..f()
            },
            want: &["Inates", "Macina", "Ouagadougou"],
        },
        Case {
            name: "combined",
            filter: EventFilter {
                country: Some("Mali".into()),
                event_type: Some(EventType::Battles),
                from: Some(date("2019-01-01")),
                actor: Some("katiba".into()),
                ..f()
            },
            want: &["Douentza"],
        },
        Case {
            name: "limit",
            filter: EventFilter {
                limit: Some(2),
                ..f()
            },
            want: &["Inates", "Menaka"],
        },
    ];
    let mut names: Vec<_> = cases.iter().map(|c| c.name).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), cases.len(), "case names must be unique");
    for c in &cases {
        assert_eq!(ids(&s, c.filter.clone()), c.want, "{}", c.name);
        if c.filter.limit.is_none() {
            assert_eq!(
                s.count_events(&c.filter).unwrap(),
                c.want.len() as u64,
                "count: {}",
                c.name
            );
            // The unordered id listing (the server's full-text filter) finds the same events.
            let mut listed: Vec<i64> = s
                .events(&c.filter)
                .unwrap()
                .events
                .iter()
                .map(|e| e.id.0)
                .collect();
            let mut bare: Vec<i64> = s
                .event_ids(&c.filter)
                .unwrap()
                .into_iter()
                .map(|id| id.0)
                .collect();
            listed.sort_unstable();
            bare.sort_unstable();
            assert_eq!(bare, listed, "event_ids: {}", c.name);
        }
    }
    assert!(matches!(
        s.events(&EventFilter {
            text: Some("!!".into()),
            ..f()
        }),
        Err(StoreError::InvalidFilter { field: "text", .. })
    ));
}

#[test]
fn cursor_pagination_walks_everything_once() {
    let s = query_fixture();
    for sort in [Sort::DateDesc, Sort::DateAsc] {
        let all = ids(
            &s,
            EventFilter {
                sort,
                ..Default::default()
            },
        );
        for size in 1..=4 {
            let mut seen = Vec::new();
            let mut f = EventFilter {
                limit: Some(size),
                sort,
                ..Default::default()
            };
            loop {
                let page = s.events(&f).unwrap();
                assert!(page.events.len() <= size);
                seen.extend(
                    page.events
                        .iter()
                        .map(|e| e.event.location.clone().unwrap()),
                );
                match page.next {
                    // Cursors survive a trip through a URL.
                    Some(c) => f.after = Some(Cursor::decode(&c.encode()).unwrap()),
                    None => break,
                }
            }
            assert_eq!(seen, all, "{sort:?} page size {size}");
        }
    }
}

#[test]
fn aggregates() {
    let s = query_fixture();
    let by_month = s
        .aggregate(&EventFilter::default(), GroupBy::Month)
        .unwrap();
    let keys: Vec<&str> = by_month.iter().map(|b| b.key.as_str()).collect();
    assert_eq!(
        keys,
        ["2018-11", "2019-03", "2019-04", "2019-05", "2020-01"]
    );
    assert_eq!(by_month[1].events, 2);
    assert_eq!(by_month[1].fatalities, 4 + 3);
    let by_week = s
        .aggregate(
            &EventFilter {
                country: Some("Mali".into()),
                ..Default::default()
            },
            GroupBy::Week,
        )
        .unwrap();
    assert_eq!(by_week[0].key, "2018-11-19", "ISO weeks start on Monday");
    let by_admin1 = s
        .aggregate(&EventFilter::default(), GroupBy::Admin1)
        .unwrap();
    assert_eq!(
        (by_admin1[0].key.as_str(), by_admin1[0].events),
        ("Mopti", 2)
    );
    let by_actor = s
        .aggregate(&EventFilter::default(), GroupBy::Actor)
        .unwrap();
    assert_eq!(by_actor[0].key, "Military Forces of Mali (2013-)");
    assert_eq!(by_actor[0].events, 4);
    assert!(
        by_actor.iter().all(|b| b.key != "Dozo Militia"),
        "associated actors are not counted"
    );
    let top = s
        .aggregate(
            &EventFilter {
                limit: Some(1),
                ..Default::default()
            },
            GroupBy::EventType,
        )
        .unwrap();
    assert_eq!(top.len(), 1);
    let by_day = s.aggregate(&EventFilter::default(), GroupBy::Day).unwrap();
    assert_eq!(
        by_day.iter().map(|b| b.events).sum::<u64>(),
        6,
        "undated left out"
    );
}

#[test]
fn stats_and_runs() {
    let mut s = query_fixture();
    let st = s.stats().unwrap();
    assert_eq!(
        st,
        Stats {
            documents: 4,
            events: 7,
            sources: 4,
            ingest_runs: 1,
            rasd_events: 3,
            acled_events: 4,
            near_duplicates: 0,
            actors: st.actors,
        }
    );
    let run = s.runs().unwrap()[0].clone();
    assert_eq!(run.status, RunStatus::Running);
    assert_eq!(
        run.counts,
        RunCounts {
            docs_new: 4,
            events_new: 3,
            events_merged: 1,
            ..Default::default()
        }
    );
    s.finish_run(run.id, RunStatus::Finished).unwrap();
    let done = s.run(run.id).unwrap().unwrap();
    assert_eq!(done.status, RunStatus::Finished);
    assert!(done.finished_at.is_some());
    assert_eq!(done.inputs, ["test"]);
    assert!(matches!(
        s.finish_run(RunId(99), RunStatus::Failed),
        Err(StoreError::RunNotFound { run_id: 99 })
    ));
    assert!(matches!(
        s.put_batch(RunId(99), &[], "c"),
        Err(StoreError::RunNotFound { .. })
    ));
}

// ---------------------------------------------------------------------------------------------
// Search

#[test]
fn fts_arabic_variants() {
    let mut s = new_store();
    put(&mut s, &[boni_fr(), boni_ar(), gao_protest()]);
    for q in [
        "الجيش",          // the text has للجيش (article fused with the preposition)
        "المالى",         // alef maqsura for yaa
        "امني",           // no hamza on the alef (text: أمني)
        "منطقه",          // haa for taa marbuta, and the text has بمنطقة
        "الجَيْش",          // diacritics in the query
        "ستة جنود",       // two words
        "\"نقطة تفتيش\"", // a phrase
        "سيارت*",         // a prefix
    ] {
        let hits = s.search(q, 10).unwrap();
        let ids: Vec<&str> = hits.iter().map(|h| h.document.id.as_str()).collect();
        assert_eq!(ids, ["ar-boni"], "query {q}");
        assert!(
            !hits[0].snippet.highlights.is_empty(),
            "query {q}: {:?}",
            hits[0].snippet
        );
    }
    let hit = &s.search("منطقة", 1).unwrap()[0];
    assert!(
        hit.snippet.marked("[", "]").contains("[بمنطقة]"),
        "{:?}",
        hit.snippet
    );
    assert!(
        s.search("\"تفتيش نقطة\"", 10).unwrap().is_empty(),
        "phrase order matters"
    );
    assert!(s.search("", 10).unwrap().is_empty());
}

#[test]
fn fts_french_accents_and_snippets() {
    let mut s = new_store();
    put(&mut s, &[boni_fr(), boni_ar(), gao_protest()]);
    for (q, want) in [
        ("controle", "fr-boni"),
        ("CONTRÔLE", "fr-boni"),
        ("armee", "fr-boni"),
        ("Sécuritaire", "fr-boni"),
        ("attaque boni", "fr-boni"), // "attaque" is only in the title
        ("protesters gao", "en-gao"),
    ] {
        let hits = s.search(q, 10).unwrap();
        assert_eq!(hits.len(), 1, "query {q}");
        assert_eq!(hits[0].document.id, want, "query {q}");
    }
    let hit = &s.search("contrôle", 1).unwrap()[0];
    assert!(
        hit.snippet
            .marked("<b>", "</b>")
            .contains("<b>contrôle</b>"),
        "{:?}",
        hit.snippet
    );
    assert_eq!(hit.document.title.as_deref(), Some("Attaque à Boni"));
    assert!(s.search("moto", 10).unwrap().len() == 1);
    assert!(s.search("motos", 10).unwrap().is_empty(), "no stemming");
}

// ---------------------------------------------------------------------------------------------
// Export

#[test]
fn csv_export() {
    let s = query_fixture();
    let mut out = Vec::new();
    let summary = export_events(&s, &EventFilter::default(), ExportFormat::Csv, &mut out).unwrap();
    assert_eq!(summary.written, 7);
    let mut r = csv::Reader::from_reader(out.as_slice());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header, ACLED_COLUMNS);
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 7);
    let col = |name: &str| ACLED_COLUMNS.iter().position(|c| *c == name).unwrap();
    let inates = &rows[0];
    assert_eq!(&inates[col("event_id_cnty")], "NIR1");
    assert_eq!(&inates[col("event_date")], "2020-01-10");
    assert_eq!(&inates[col("year")], "2020");
    assert_eq!(&inates[col("sub_event_type")], "Air/drone strike");
    assert_eq!(&inates[col("latitude")], "14");
    assert_eq!(&inates[col("longitude")], "1.45");
    assert_eq!(
        &inates[col("notes")],
        "A drone strike hit a convoy near Inates."
    );
    assert_eq!(&inates[col("interaction")], "13");
    assert_eq!(&inates[col("iso")], "");
    let boni = rows.iter().find(|r| &r[col("location")] == "Boni").unwrap();
    assert!(boni[col("event_id_cnty")].starts_with("rasd-"));
    assert_eq!(&boni[col("fatalities")], "4");
    assert_eq!(&boni[col("source")], "Journal du Sahel; وكالة الأنباء");
    let macina = rows
        .iter()
        .find(|r| &r[col("location")] == "Macina")
        .unwrap();
    assert_eq!(&macina[col("civilian_targeting")], "Civilian targeting");
    let undated = rows
        .iter()
        .find(|r| &r[col("location")] == "Ouagadougou")
        .unwrap();
    assert_eq!(&undated[col("event_date")], "");
    assert_eq!(&undated[col("fatalities")], "", "unknown is empty, not 0");
}

#[test]
fn csv_columns_match_the_acled_evaluation_file() {
    // Only the header line is read; the file itself stays outside the repository.
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/eval/acled/acled_sahel_dev_2012_2019.csv");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} not found", path.display());
        return;
    };
    let header: Vec<&str> = text.lines().next().unwrap().split(',').collect();
    // Every column of the file is one of ours, in the same relative order.
    let mut at = 0;
    for h in header {
        let pos = ACLED_COLUMNS[at..].iter().position(|c| *c == h);
        assert!(pos.is_some(), "column {h} missing or out of order");
        at += pos.unwrap() + 1;
    }
}

#[test]
fn geojson_export() {
    let s = query_fixture();
    let mut out = Vec::new();
    let summary =
        export_events(&s, &EventFilter::default(), ExportFormat::GeoJson, &mut out).unwrap();
    assert_eq!(
        summary,
        ExportSummary {
            written: 5,
            skipped_without_coordinates: 2
        }
    );
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let features = v["features"].as_array().unwrap();
    assert_eq!(features.len(), 5);
    let inates = &features[0];
    assert_eq!(inates["geometry"]["type"], "Point");
    // [longitude, latitude]
    assert_eq!(
        inates["geometry"]["coordinates"],
        serde_json::json!([1.45, 14.0])
    );
    assert_eq!(inates["properties"]["event_id_cnty"], "NIR1");
    assert_eq!(inates["properties"]["sub_event_type"], "Air/drone strike");
    // An empty selection is still a valid collection.
    let mut out = Vec::new();
    export_events(
        &s,
        &EventFilter {
            country: Some("Chad".into()),
            ..Default::default()
        },
        ExportFormat::GeoJson,
        &mut out,
    )
    .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["features"].as_array().unwrap().len(), 0);
}

#[test]
fn jsonl_export_round_trips() {
    let s = query_fixture();
    let mut out = Vec::new();
    export_events(&s, &EventFilter::default(), ExportFormat::Jsonl, &mut out).unwrap();
    let parsed: Vec<StoredEvent> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(parsed, all_events(&s));
}

/// A Parquet cell as the CSV writes it, to compare the two exports cell by cell.
fn parquet_cell(f: &parquet::record::Field) -> String {
    use parquet::record::Field;
    match f {
        Field::Null => String::new(),
        Field::Str(s) => s.clone(),
        Field::Int(i) => i.to_string(),
        Field::Long(i) => i.to_string(),
        Field::Double(x) => x.to_string(),
        Field::Date(days) => (date("1970-01-01") + chrono::Days::new(*days as u64)).to_string(),
        other => panic!("unexpected Parquet field {other:?}"),
    }
}

#[test]
fn parquet_export_has_the_csv_columns_typed() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::Field;
    let s = query_fixture();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.parquet");
    // Row groups of 3 events: 7 events make three groups, read back in order.
    let file = std::fs::File::create(&path).unwrap();
    let summary = write_events(
        &s,
        &EventFilter::default(),
        ParquetExport::with_row_group_rows(std::io::BufWriter::new(file), 3).unwrap(),
    )
    .unwrap();
    assert_eq!(summary.written, 7);

    let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
    let meta = reader.metadata();
    assert_eq!(meta.file_metadata().num_rows(), 7);
    assert_eq!(meta.num_row_groups(), 3);
    let schema = meta.file_metadata().schema_descr();
    let names: Vec<&str> = schema.columns().iter().map(|c| c.name()).collect();
    assert_eq!(names, ACLED_COLUMNS);
    let rows: Vec<parquet::record::Row> = reader
        .get_row_iter(None)
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 7);

    // Cell by cell the same as the CSV export.
    let mut csv_out = Vec::new();
    export_events(&s, &EventFilter::default(), ExportFormat::Csv, &mut csv_out).unwrap();
    let mut csv = csv::Reader::from_reader(csv_out.as_slice());
    let csv_rows: Vec<csv::StringRecord> = csv.records().map(Result::unwrap).collect();
    for (row, csv_row) in rows.iter().zip(&csv_rows) {
        let cells: Vec<String> = row
            .get_column_iter()
            .map(|(_, f)| parquet_cell(f))
            .collect();
        let expected: Vec<&str> = csv_row.iter().collect();
        assert_eq!(cells, expected);
    }

    // Types and nulls.
    let col = |name: &str| ACLED_COLUMNS.iter().position(|c| *c == name).unwrap();
    let field = |r: &parquet::record::Row, name: &str| {
        r.get_column_iter().nth(col(name)).unwrap().1.clone()
    };
    let inates = &rows[0];
    assert_eq!(field(inates, "event_id_cnty"), Field::Str("NIR1".into()));
    let days = (date("2020-01-10") - date("1970-01-01")).num_days() as i32;
    assert_eq!(field(inates, "event_date"), Field::Date(days));
    assert_eq!(field(inates, "year"), Field::Int(2020));
    assert_eq!(field(inates, "latitude"), Field::Double(14.0));
    assert_eq!(field(inates, "longitude"), Field::Double(1.45));
    assert_eq!(field(inates, "interaction"), Field::Int(13));
    assert_eq!(field(inates, "iso"), Field::Null);
    assert!(matches!(field(inates, "timestamp"), Field::Long(t) if t > 0));
    let by_location = |place: &str| {
        rows.iter()
            .find(|r| field(r, "location") == Field::Str(place.into()))
            .unwrap()
    };
    let boni = by_location("Boni");
    assert_eq!(field(boni, "fatalities"), Field::Long(4));
    assert_eq!(
        field(boni, "source"),
        Field::Str("Journal du Sahel; وكالة الأنباء".into()),
        "Arabic text survives"
    );
    let undated = by_location("Ouagadougou");
    assert_eq!(field(undated, "event_date"), Field::Null);
    assert_eq!(field(undated, "year"), Field::Null);
    assert_eq!(
        field(undated, "fatalities"),
        Field::Null,
        "unknown is null, not 0"
    );
}

#[test]
fn parquet_export_of_nothing_is_a_valid_file() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let s = query_fixture();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("none.parquet");
    let filter = EventFilter {
        country: Some("Chad".into()),
        ..Default::default()
    };
    let file = std::fs::File::create(&path).unwrap();
    let summary = export_events(&s, &filter, ExportFormat::Parquet, file).unwrap();
    assert_eq!(summary.written, 0);
    let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
    assert_eq!(reader.metadata().file_metadata().num_rows(), 0);
    assert_eq!(
        reader
            .metadata()
            .file_metadata()
            .schema_descr()
            .num_columns(),
        31
    );
}

#[test]
fn parquet_export_to_a_failing_writer_is_an_error() {
    struct Full;
    impl std::io::Write for Full {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "disk full",
            ))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let s = query_fixture();
    let err = export_events(&s, &EventFilter::default(), ExportFormat::Parquet, Full).unwrap_err();
    assert!(matches!(err, StoreError::Parquet { .. }), "{err:?}");
    assert!(err.to_string().contains("Parquet"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// Crash safety

#[test]
fn error_on_third_document_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.sqlite");
    let mut s = SqliteStore::open(&path).unwrap();
    put(&mut s, &[menaka_ied()]);
    let before = s.stats().unwrap();
    // Inject a failure: a trigger that aborts when the third document is inserted.
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(
            "CREATE TRIGGER fail_third BEFORE INSERT ON documents WHEN NEW.id = 'third' \
             BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
        )
        .unwrap();
    let run = s.begin_run(&[], None).unwrap();
    let third = (
        doc("third", "A third report that will never be stored."),
        vec![],
    );
    let err = s
        .put_batch(run, &[boni_fr(), boni_ar(), third, gao_protest()], "c")
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::PutDocument { doc_id, .. } if doc_id == "third"),
        "{err}"
    );
    let after = s.stats().unwrap();
    assert_eq!(
        (after.documents, after.events, after.sources, after.actors),
        (
            before.documents,
            before.events,
            before.sources,
            before.actors
        )
    );
    assert_eq!(s.run(run).unwrap().unwrap().counts, RunCounts::default());
    assert!(
        s.search("Boni", 10).unwrap().is_empty(),
        "the FTS rows rolled back too"
    );
    // The store is still usable.
    assert_eq!(put(&mut s, &[boni_fr()]).len(), 1);
}

/// Child side of `killed_writer_leaves_nothing`: puts a large batch, announcing when it starts.
#[test]
fn crash_child_process() {
    let Ok(path) = std::env::var("RASD_STORE_CRASH_CHILD") else {
        return;
    };
    let mut s = SqliteStore::open(&path).unwrap();
    let docs = synthetic_documents(20_000, 3);
    let run = s.begin_run(&[], None).unwrap();
    println!("BATCH STARTED");
    use std::io::Write;
    std::io::stdout().flush().unwrap();
    s.put_batch(run, &docs, "c").unwrap();
    println!("BATCH DONE");
}

#[test]
fn killed_writer_leaves_nothing() {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.sqlite");
    drop(SqliteStore::open(&path).unwrap());
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "crash_child_process",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("RASD_STORE_CRASH_CHILD", &path)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    loop {
        let line = lines.next().expect("child announces the batch").unwrap();
        if line.contains("BATCH STARTED") {
            break;
        }
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    child.kill().unwrap(); // SIGKILL: no destructor, no rollback code runs
    child.wait().unwrap();
    let s = SqliteStore::open(&path).unwrap();
    let st = s.stats().unwrap();
    eprintln!("after the kill: {} documents", st.documents);
    assert!(
        st.documents == 0 || st.documents == 20_000,
        "half a batch: {st:?}"
    );
    assert_eq!(st.documents, st.sources, "every stored document is linked");
    let conn = rusqlite::Connection::open(&path).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

#[test]
fn geographic_filters_agree_with_a_scan_on_both_plans() {
    // 6,000 events: a small box starts from the R*Tree, a large one walks the date index.
    let mut s = new_store();
    s.import_acled(&synthetic_acled(6_000, 0, 1)).unwrap();
    let all: Vec<StoredEvent> = s
        .events(&EventFilter {
            limit: Some(10_000),
            ..Default::default()
        })
        .unwrap()
        .events;
    let boxes = [
        BBox {
            min_lat: 14.0,
            min_lon: -4.0,
            max_lat: 15.0,
            max_lon: -3.0,
        },
        BBox {
            min_lat: 0.0,
            min_lon: -20.0,
            max_lat: 30.0,
            max_lon: 20.0,
        },
    ];
    for b in boxes {
        let want: Vec<EventId> = all
            .iter()
            .filter(|e| {
                let (la, lo) = (e.event.latitude.unwrap(), e.event.longitude.unwrap());
                (b.min_lat..=b.max_lat).contains(&la) && (b.min_lon..=b.max_lon).contains(&lo)
            })
            .map(|e| e.id)
            .collect();
        let got: Vec<EventId> = s
            .events(&EventFilter {
                bbox: Some(b),
                limit: Some(10_000),
                ..Default::default()
            })
            .unwrap()
            .events
            .iter()
            .map(|e| e.id)
            .collect();
        assert_eq!(got, want, "{b:?}");
        assert!(!want.is_empty());
    }
    for km in [40.0, 2_000.0] {
        let n = Near {
            lat: 14.5,
            lon: -3.5,
            km,
        };
        let want: Vec<EventId> = all
            .iter()
            .filter(|e| {
                haversine_km(
                    n.lat,
                    n.lon,
                    e.event.latitude.unwrap(),
                    e.event.longitude.unwrap(),
                ) <= km
            })
            .map(|e| e.id)
            .collect();
        let f = EventFilter {
            near: Some(n),
            limit: Some(10_000),
            ..Default::default()
        };
        let got: Vec<EventId> = s.events(&f).unwrap().events.iter().map(|e| e.id).collect();
        assert_eq!(got, want, "{km} km");
        assert_eq!(s.count_events(&f).unwrap(), want.len() as u64);
    }
}

// ---------------------------------------------------------------------------------------------
// The same stories on PostgreSQL.

macro_rules! on_postgres {
    ($($name:ident),* $(,)?) => {
        mod postgres {
            $(
                #[test]
                fn $name() {
                    super::ON_POSTGRES.set(true);
                    super::$name();
                }
            )*
        }
    };
}

/// A reader's `data_version` moves when another connection commits a write of any kind, and
/// stays put while nothing is written (what the server's caches rely on).
#[test]
fn data_version_moves_when_another_connection_writes() {
    let (mut w, r, _dir) = two_connections();
    let v0 = r.data_version().unwrap();
    assert_eq!(r.data_version().unwrap(), v0, "nothing written");
    r.events(&EventFilter::default()).unwrap();
    assert_eq!(r.data_version().unwrap(), v0, "reads write nothing");
    let run = w.begin_run(&["test".into()], Some("test-coder")).unwrap();
    let v1 = r.data_version().unwrap();
    assert_ne!(v1, v0, "a run begun");
    w.put_batch(
        run,
        &[(
            doc("fr-boni", FR_BONI),
            vec![ev(
                SubEventType::ArmedClash,
                "2024-03-04",
                Some((15.0167, -1.9167)),
                Some("Unidentified Armed Group (Mali)"),
                "Mali",
                "Mopti",
                "Boni",
                Some(4),
            )],
        )],
        "test-coder",
    )
    .unwrap();
    let v2 = r.data_version().unwrap();
    assert_ne!(v2, v1, "a batch stored");
    w.import_acled(&synthetic_acled(3, 0, 1)).unwrap();
    let v3 = r.data_version().unwrap();
    assert_ne!(v3, v2, "an ACLED import");
    let id = r.events(&EventFilter::default()).unwrap().events[0].id;
    w.relink_document("fr-boni", &[], "test-coder").unwrap();
    let v4 = r.data_version().unwrap();
    assert_ne!(v4, v3, "a relink");
    w.finish_run(run, RunStatus::Finished).unwrap();
    assert_ne!(r.data_version().unwrap(), v4, "a run finished");
    // The relink removed the document's only event: `events_by_id` skips unknown ids and keeps
    // the order asked.
    let all: Vec<EventId> = r
        .events(&EventFilter::default())
        .unwrap()
        .events
        .iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(all.len(), 3);
    let asked = [all[2], id, all[0], all[1]];
    let got: Vec<EventId> = r
        .events_by_id(&asked)
        .unwrap()
        .iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(got, [all[2], all[0], all[1]]);
}

on_postgres!(
    data_version_moves_when_another_connection_writes,
    documents_and_events_round_trip,
    reput_adds_nothing,
    exact_duplicates_by_url_and_hash,
    title_only_documents_are_told_apart_by_title,
    id_conflict_is_skipped,
    near_duplicate_is_stored_and_linked,
    two_languages_one_event_lowest_fatalities,
    different_place_or_date_two_events,
    same_batch_reports_merge,
    relink_is_reversible_and_keeps_ids,
    relink_unknown_document,
    acled_import_is_idempotent_and_updates,
    every_filter,
    cursor_pagination_walks_everything_once,
    aggregates,
    stats_and_runs,
    fts_arabic_variants,
    fts_french_accents_and_snippets,
    csv_export,
    geojson_export,
    jsonl_export_round_trips,
    parquet_export_has_the_csv_columns_typed,
    geographic_filters_agree_with_a_scan_on_both_plans,
);
