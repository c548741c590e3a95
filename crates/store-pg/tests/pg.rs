//! PostgreSQL-only stories, on the server named by `RASD_TEST_PG` (each test in a fresh
//! database; the tests fail, never skip, when it is not set). The storage stories shared with
//! SQLite run from `crates/store/tests/store.rs` (`postgres::*`).
//!
//! Index:
//! - parity: `same_batches_give_the_same_answers_as_sqlite` (events, counts, aggregates,
//!   search, recode on synthetic en/fr/ar reports)
//! - filters: `actor_filter_agrees_with_sqlite_on_both_plans`
//! - ACLED imports: `acled_import_in_bulk_equals_sqlite`
//! - schema: `concurrent_clients_migrate_once`
//! - bulk batches: `one_big_batch_equals_sqlite_one_document_at_a_time`,
//!   `mixed_old_and_new_documents_are_stored_once`
//! - crash safety: `error_on_third_document_leaves_nothing`, `killed_writer_leaves_nothing`,
//!   `interrupted_batch_resumes_without_duplicates`
//! - locking: `one_writer_lock_at_a_time`

use rasd_model::Document;
use rasd_store::*;
use rasd_store_pg::{PgStore, ScratchDatabase};

fn server() -> String {
    rasd_store_pg::test_server_url()
}

/// Every event of a store, oldest first, without the timestamps of the write.
fn everything(s: &dyn Store) -> Vec<StoredEvent> {
    let mut out = Vec::new();
    let mut f = EventFilter {
        limit: Some(500),
        sort: Sort::DateAsc,
        ..Default::default()
    };
    loop {
        let page = s.events(&f).unwrap();
        out.extend(page.events.into_iter().map(|mut e| {
            e.updated_at = 0;
            e
        }));
        match page.next {
            Some(c) => f.after = Some(c),
            None => return out,
        }
    }
}

/// Reports of events, each event told by two outlets in other words (merges), plus
/// re-publications (near duplicates), exact copies and a few French and Arabic reports.
fn mixed_reports() -> Vec<(Document, Vec<rasd_model::Event>)> {
    let mut docs = Vec::new();
    for (i, (d, events)) in synthetic_documents(600, 11).into_iter().enumerate() {
        if i % 3 == 0 {
            let mut other = d.clone();
            other.id = format!("{}-b", d.id);
            other.text = format!("Second outlet, own words: item {i}, code {}.", i * 31);
            other.url = None;
            other.source = Some("Other Outlet".into());
            docs.push((other, events.clone()));
        }
        if i % 5 == 0 {
            let mut copy = d.clone();
            copy.id = format!("{}-copy", d.id);
            copy.url = None;
            copy.text = format!("{} (AFP)", d.text.to_uppercase());
            docs.push((copy, events.clone()));
        }
        docs.push((d, events));
    }
    for (id, text) in [
        (
            "fr-1",
            "Des hommes armés ont attaqué un poste de l'armée à Boni, tuant quatre soldats.",
        ),
        (
            "ar-1",
            "هاجم مسلحون نقطة تفتيش تابعة للجيش المالي في بوني بمنطقة موبتي.",
        ),
        (
            "ar-2",
            "وأحرق المسلحون سيارتين قبل أن ينسحبوا نحو الحدود، وفق مصدر أمنيّ.",
        ),
    ] {
        docs.push((doc(id, text), vec![]));
    }
    docs
}

#[test]
fn same_batches_give_the_same_answers_as_sqlite() {
    let mut lite = SqliteStore::open_in_memory().unwrap();
    let mut pg = PgStore::scratch(&server(), "parity").unwrap();
    let docs = mixed_reports();
    let stores: [&mut dyn Store; 2] = [&mut lite, &mut pg];
    let mut outcomes = Vec::new();
    for s in stores {
        let run = s.begin_run(&["parity".into()], Some("v1")).unwrap();
        let mut all = Vec::new();
        for chunk in docs.chunks(97) {
            all.extend(s.put_batch(run, chunk, "v1").unwrap());
        }
        s.import_acled(&synthetic_acled(400, 0, 5)).unwrap();
        outcomes.push(all);
    }
    assert_eq!(
        outcomes[0], outcomes[1],
        "the same outcome for every document"
    );
    let kinds: Vec<&str> = outcomes[0]
        .iter()
        .map(|o| match o {
            DocOutcome::Inserted { events_merged, .. } if *events_merged > 0 => "merged",
            DocOutcome::Inserted { .. } => "inserted",
            DocOutcome::NearDuplicate { .. } => "near",
            DocOutcome::ExactDuplicate { .. } => "exact",
            DocOutcome::Skipped { .. } => "skipped",
        })
        .collect();
    for k in ["merged", "inserted", "near"] {
        assert!(kinds.contains(&k), "the fixture exercises {k}: {kinds:?}");
    }
    assert_eq!(lite.stats().unwrap(), pg.stats().unwrap());
    let (a, b) = (everything(&lite), everything(&pg));
    assert!(a.len() > 900, "{}", a.len());
    assert_eq!(a, b, "events, field for field, in the same order");

    let mut rng = Rng::new(3);
    for kind in QUERY_KINDS {
        for _ in 0..4 {
            let f = bench_filter(kind, &mut rng);
            let (x, y) = (lite.events(&f).unwrap(), pg.events(&f).unwrap());
            let ids = |p: &EventPage| p.events.iter().map(|e| e.id).collect::<Vec<_>>();
            assert_eq!(ids(&x), ids(&y), "{kind}: {f:?}");
            assert_eq!(x.next, y.next, "{kind}");
            assert_eq!(
                lite.count_events(&f).unwrap(),
                pg.count_events(&f).unwrap(),
                "{kind}"
            );
        }
    }
    for by in [
        GroupBy::Day,
        GroupBy::Week,
        GroupBy::Month,
        GroupBy::Year,
        GroupBy::Country,
        GroupBy::Admin1,
        GroupBy::Actor,
        GroupBy::EventType,
        GroupBy::SubEventType,
    ] {
        let f = EventFilter::default();
        assert_eq!(
            lite.aggregate(&f, by).unwrap(),
            pg.aggregate(&f, by).unwrap(),
            "{by:?}"
        );
    }
    for q in [
        "attack",
        "gunmen convoy",
        "\"second outlet\"",
        "outl*",
        "armes",
        "ARMÉE",
        "المسلحون",
        "امني",
        "منطقه",
        "سيار*",
    ] {
        let ids = |s: &dyn Store| {
            let mut v: Vec<String> = s
                .search(q, 10_000)
                .unwrap()
                .into_iter()
                .map(|h| h.document.id)
                .collect();
            v.sort();
            v
        };
        let (x, y) = (ids(&lite), ids(&pg));
        assert!(!x.is_empty(), "{q} finds something");
        assert_eq!(x, y, "{q}");
    }

    // A recode that moves a few documents' events elsewhere gives the same result on both.
    let moved: Vec<(Document, Vec<rasd_model::Event>)> = docs.iter().take(40).cloned().collect();
    for s in [&mut lite as &mut dyn Store, &mut pg] {
        for (d, events) in &moved {
            let shifted: Vec<_> = events
                .iter()
                .map(|e| {
                    let mut e = e.clone();
                    e.event_date = e.event_date.map(|d| d + chrono::Days::new(30));
                    e
                })
                .collect();
            s.relink_document(&d.id, &shifted, "v2").unwrap();
        }
    }
    assert_eq!(everything(&lite), everything(&pg), "after the recode");
    assert_eq!(pg.replayed_batches(), 0, "every batch went in bulk");
}

#[test]
fn concurrent_clients_migrate_once() {
    let db = ScratchDatabase::create(&server(), "migrate").unwrap();
    let versions: Vec<i64> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| {
                s.spawn(|| {
                    PgStore::connect(db.url())
                        .unwrap()
                        .schema_version()
                        .unwrap()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(versions, vec![rasd_store_pg::SCHEMA_VERSION; 4]);
    let mut c = postgres::Client::connect(db.url(), postgres::NoTls).unwrap();
    let n: i64 = c
        .query_one("SELECT count(*) FROM schema_migrations", &[])
        .unwrap()
        .get(0);
    assert_eq!(n, rasd_store_pg::MIGRATIONS.len() as i64);
}

fn doc(id: &str, text: &str) -> Document {
    Document {
        id: id.into(),
        text: text.into(),
        ..Default::default()
    }
}

#[test]
fn error_on_third_document_leaves_nothing() {
    let mut s = PgStore::scratch(&server(), "third").unwrap();
    let docs = synthetic_documents(4, 9);
    let run = s.begin_run(&[], None).unwrap();
    s.put_batch(run, &docs[..1], "c").unwrap();
    let before = s.stats().unwrap();
    // Inject a failure: a trigger that raises when the third document is inserted.
    let mut admin = postgres::Client::connect(s.url(), postgres::NoTls).unwrap();
    admin
        .batch_execute(
            "CREATE FUNCTION fail_third() RETURNS trigger LANGUAGE plpgsql AS $$ \
             BEGIN IF NEW.id = 'third' THEN RAISE EXCEPTION 'injected failure'; END IF; \
             RETURN NEW; END $$; \
             CREATE TRIGGER fail_third BEFORE INSERT ON documents \
             FOR EACH ROW EXECUTE FUNCTION fail_third();",
        )
        .unwrap();
    let mut batch = docs[1..3].to_vec();
    batch.push((
        doc("third", "A third report that will never be stored."),
        vec![],
    ));
    batch.push(docs[3].clone());
    let err = s.put_batch(run, &batch, "c").unwrap_err();
    assert!(
        matches!(&err, StoreError::Backend { doc_id: Some(d), .. } if d == "third"),
        "{err}"
    );
    assert!(err.to_string().contains("\"third\""), "{err}");
    assert_eq!(s.stats().unwrap(), before);
    assert_eq!(
        s.run(run).unwrap().unwrap().counts.docs_new,
        1,
        "the failed batch's counts rolled back"
    );
    let word = docs[1].0.text.split_whitespace().last().unwrap().to_owned();
    assert!(
        s.search(&word, 10)
            .unwrap()
            .iter()
            .all(|h| h.document.id == docs[0].0.id),
        "the search rows rolled back too"
    );
    // The store is still usable, actors created by the failed batch included.
    admin
        .batch_execute("DROP TRIGGER fail_third ON documents")
        .unwrap();
    assert_eq!(
        s.replayed_batches(),
        1,
        "the bulk write failed, then its replay"
    );
    let out = s.put_batch(run, &batch, "c").unwrap();
    assert_eq!(out.len(), 4);
    assert_eq!(s.stats().unwrap().documents, 5);
    assert_eq!(
        s.replayed_batches(),
        1,
        "stored in bulk once the trigger is gone"
    );
}

/// Child side of `killed_writer_leaves_nothing`: puts a large batch, announcing when it starts.
#[test]
fn crash_child_process() {
    let Ok(url) = std::env::var("RASD_STORE_PG_CRASH_CHILD") else {
        return;
    };
    let mut s = PgStore::connect(&url).unwrap();
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
    let db = ScratchDatabase::create(&server(), "killed").unwrap();
    drop(PgStore::connect(db.url()).unwrap());
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "crash_child_process",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("RASD_STORE_PG_CRASH_CHILD", db.url())
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
    // Wait until the child's transaction has written rows (visible to itself only).
    let s = PgStore::connect(db.url()).unwrap();
    let mut admin = postgres::Client::connect(db.url(), postgres::NoTls).unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let n: i64 = admin
            .query_one(
                "SELECT n_tup_ins FROM pg_stat_xact_user_tables WHERE relname = 'documents' \
                 UNION ALL SELECT 0 LIMIT 1",
                &[],
            )
            .unwrap()
            .get(0);
        let busy: i64 = admin
            .query_one(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() \
                 AND state = 'active' AND pid <> pg_backend_pid()",
                &[],
            )
            .unwrap()
            .get(0);
        if busy > 0 || n > 0 || std::time::Instant::now() > deadline {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    child.kill().unwrap(); // SIGKILL: no destructor, no rollback code runs in the client
    child.wait().unwrap();
    let st = s.stats().unwrap();
    eprintln!("after the kill: {} documents", st.documents);
    assert!(
        st.documents == 0 || st.documents == 20_000,
        "half a batch: {st:?}"
    );
    assert_eq!(st.documents, st.sources, "every stored document is linked");
    // The server rolled the transaction back; the store takes the same batch afterwards.
    let mut s = s;
    let run = s.begin_run(&[], None).unwrap();
    let out = s.put_batch(run, &synthetic_documents(50, 3), "c").unwrap();
    assert_eq!(out.len(), 50);
}

#[test]
fn one_writer_lock_at_a_time() {
    let s = PgStore::scratch(&server(), "lock").unwrap();
    let first = s.try_lock_writer().unwrap();
    assert!(first.is_some());
    assert!(s.try_lock_writer().unwrap().is_none(), "held by the first");
    drop(first);
    assert!(s.try_lock_writer().unwrap().is_some(), "released with it");
}

/// The actor filter has two plans (a set of a rare actor's events, a per-row test for a common
/// one, past 20,000 links): both give SQLite's answers.
#[test]
fn actor_filter_agrees_with_sqlite_on_both_plans() {
    let mut lite = SqliteStore::open_in_memory().unwrap();
    let mut pg = PgStore::scratch(&server(), "actors").unwrap();
    // 36,000 events: "military forces" names about 25,000 actor links.
    for chunk_start in (0..36_000).step_by(12_000) {
        let rows = synthetic_acled(12_000, chunk_start, 2);
        lite.import_acled(&rows).unwrap();
        pg.import_acled(&rows).unwrap();
    }
    pg.analyze().unwrap();
    let mut c = postgres::Client::connect(pg.url(), postgres::NoTls).unwrap();
    let common: i64 = c
        .query_one(
            "SELECT count(*) FROM event_actors ea JOIN actors a ON a.id = ea.actor_id \
             WHERE a.name_norm LIKE '%military forces%'",
            &[],
        )
        .unwrap()
        .get(0);
    assert!(
        common > 20_000,
        "the common actor takes the per-row plan: {common}"
    );
    let mut rng = Rng::new(5);
    for kind in ["actor common", "actor rare", "country+type+actor+year"] {
        for _ in 0..5 {
            let f = bench_filter(kind, &mut rng);
            let ids = |s: &dyn Store| {
                s.events(&f)
                    .unwrap()
                    .events
                    .iter()
                    .map(|e| e.id)
                    .collect::<Vec<_>>()
            };
            let (x, y) = (ids(&lite), ids(&pg));
            assert!(!x.is_empty(), "{kind}: {f:?}");
            assert_eq!(x, y, "{kind}: {f:?}");
            assert_eq!(lite.count_events(&f).unwrap(), pg.count_events(&f).unwrap());
        }
    }
}

/// Every event with its sources, as `event_detail` gives them, without write timestamps.
fn details(s: &dyn Store) -> Vec<EventDetail> {
    everything(s)
        .into_iter()
        .map(|e| {
            let mut d = s.event_detail(e.id).unwrap().unwrap();
            d.event.updated_at = 0;
            d
        })
        .collect()
}

/// The bulk write keeps what a batch adds in memory until its end, so a batch must see its
/// own documents and events: one PostgreSQL batch of everything gives what SQLite gives
/// document by document (the same outcomes, event ids, fields, source links in link order and
/// merge reasons), and storing everything again adds nothing.
#[test]
fn one_big_batch_equals_sqlite_one_document_at_a_time() {
    let mut lite = SqliteStore::open_in_memory().unwrap();
    let mut pg = PgStore::scratch(&server(), "bigbatch").unwrap();
    let mut docs = mixed_reports();
    // Copies inside the batch: the same document twice, the same text under another id, the
    // same canonical URL under another id, an id reused for another text, an empty document.
    let (first, first_events) = docs[0].clone();
    docs.push((first.clone(), first_events.clone()));
    let mut same_text = first.clone();
    same_text.id = "same-text".into();
    same_text.url = None;
    docs.push((same_text, first_events.clone()));
    let with_url = docs
        .iter()
        .find(|(d, _)| d.url.is_some())
        .cloned()
        .expect("the fixture has URLs");
    let mut same_url = with_url.0.clone();
    same_url.id = "same-url".into();
    same_url.text = "Another text entirely, under a URL already in the batch.".into();
    docs.push((same_url, vec![]));
    let mut conflict = first.clone();
    conflict.text = "Another text under an id already in the batch.".into();
    docs.push((conflict, vec![]));
    docs.push((doc("empty", "  "), vec![]));

    let lite_run = lite.begin_run(&[], Some("v1")).unwrap();
    let mut expected = Vec::new();
    for one in docs.chunks(1) {
        expected.extend(lite.put_batch(lite_run, one, "v1").unwrap());
    }
    let run = pg.begin_run(&[], Some("v1")).unwrap();
    let got = pg.put_batch(run, &docs, "v1").unwrap();
    assert_eq!(got, expected, "the same outcome for every document");
    let count = |kind: fn(&DocOutcome) -> bool| got.iter().filter(|o| kind(o)).count();
    let near = count(|o| matches!(o, DocOutcome::NearDuplicate { .. }));
    let merged =
        count(|o| matches!(o, DocOutcome::Inserted { events_merged, .. } if *events_merged > 0));
    assert!(
        near > 30 && merged > 200,
        "{near} near duplicates, {merged} merged"
    );
    assert_eq!(
        count(|o| matches!(o, DocOutcome::ExactDuplicate { .. })),
        3,
        "the repeated document, the same text, the same URL"
    );
    assert_eq!(count(|o| matches!(o, DocOutcome::Skipped { .. })), 2);
    assert_eq!(pg.stats().unwrap(), lite.stats().unwrap());
    assert_eq!(
        pg.run(run).unwrap().unwrap().counts,
        lite.run(lite_run).unwrap().unwrap().counts
    );
    let d = details(&lite);
    assert!(d.len() > 500, "{}", d.len());
    assert_eq!(details(&pg), d, "events and their sources");
    assert_eq!(pg.replayed_batches(), 0);

    // Storing everything again, in other batch sizes, adds nothing.
    let before = pg.stats().unwrap();
    for chunk in docs.chunks(333) {
        for o in pg.put_batch(run, chunk, "v1").unwrap() {
            assert!(
                matches!(
                    o,
                    DocOutcome::ExactDuplicate { .. } | DocOutcome::Skipped { .. }
                ),
                "{o:?}"
            );
        }
    }
    assert_eq!(pg.stats().unwrap(), before);
    assert_eq!(details(&pg), d);
}

/// A batch of stored and new documents, split differently: the stored ones are exact
/// duplicates, the new ones are stored once, merges reach events of earlier batches.
#[test]
fn mixed_old_and_new_documents_are_stored_once() {
    let mut lite = SqliteStore::open_in_memory().unwrap();
    let mut pg = PgStore::scratch(&server(), "mixed").unwrap();
    let docs = mixed_reports();
    let (old, new) = docs.split_at(docs.len() / 2);
    // The second round: every other old document between the new ones.
    let mut round: Vec<_> = Vec::new();
    for (i, d) in new.iter().enumerate() {
        round.push(d.clone());
        if let Some(o) = old.get(2 * i) {
            round.push(o.clone());
        }
    }
    let mut outcomes = Vec::new();
    for (s, size) in [(&mut lite as &mut dyn Store, 10), (&mut pg, 250)] {
        let run = s.begin_run(&[], None).unwrap();
        for chunk in old.chunks(size) {
            s.put_batch(run, chunk, "v1").unwrap();
        }
        let mut out = Vec::new();
        for chunk in round.chunks(size) {
            out.extend(s.put_batch(run, chunk, "v1").unwrap());
        }
        outcomes.push(out);
    }
    assert_eq!(outcomes[0], outcomes[1]);
    let old_ids: std::collections::HashSet<&str> = old.iter().map(|(d, _)| d.id.as_str()).collect();
    for o in &outcomes[1] {
        if old_ids.contains(o.doc_id()) {
            assert!(
                matches!(
                    o,
                    DocOutcome::ExactDuplicate { .. } | DocOutcome::Skipped { .. }
                ),
                "{o:?}"
            );
        }
    }
    let merged_into_old = outcomes[1]
        .iter()
        .any(|o| matches!(o, DocOutcome::Inserted { events_merged, .. } if *events_merged > 0));
    assert!(
        merged_into_old,
        "some new reports merge into events of the first round"
    );
    assert_eq!(pg.stats().unwrap(), lite.stats().unwrap());
    assert_eq!(details(&pg), details(&lite));
    assert_eq!(pg.replayed_batches(), 0);
}

/// A batch that fails at its last write (the source links) leaves nothing, in bulk and in the
/// replay; once the failure is gone the same batch is stored exactly once, as SQLite stores
/// it (event ids aside: the failed attempts used up some).
#[test]
fn interrupted_batch_resumes_without_duplicates() {
    let mut lite = SqliteStore::open_in_memory().unwrap();
    let mut pg = PgStore::scratch(&server(), "interrupted").unwrap();
    let docs = mixed_reports();
    let (first, second) = docs.split_at(300);
    for s in [&mut lite as &mut dyn Store, &mut pg] {
        let run = s.begin_run(&[], None).unwrap();
        s.put_batch(run, first, "v1").unwrap();
    }
    let before = pg.stats().unwrap();
    let mut admin = postgres::Client::connect(pg.url(), postgres::NoTls).unwrap();
    admin
        .batch_execute(
            "CREATE FUNCTION no_links() RETURNS trigger LANGUAGE plpgsql AS $$ \
             BEGIN RAISE EXCEPTION 'injected failure'; END $$; \
             CREATE TRIGGER no_links BEFORE INSERT ON event_sources \
             FOR EACH ROW EXECUTE FUNCTION no_links();",
        )
        .unwrap();
    let run = pg.begin_run(&[], None).unwrap();
    let err = pg.put_batch(run, second, "v1").unwrap_err();
    assert!(
        err.to_string().contains("injected failure") || format!("{err:?}").contains("injected"),
        "{err:?}"
    );
    assert_eq!(pg.replayed_batches(), 1);
    assert_eq!(pg.stats().unwrap().documents, before.documents);
    assert_eq!(pg.stats().unwrap().events, before.events);
    assert_eq!(pg.stats().unwrap().sources, before.sources);
    assert_eq!(pg.run(run).unwrap().unwrap().counts, RunCounts::default());

    admin
        .batch_execute("DROP TRIGGER no_links ON event_sources")
        .unwrap();
    let got = pg.put_batch(run, second, "v1").unwrap();
    let lite_run = lite.begin_run(&[], None).unwrap();
    let expected = lite.put_batch(lite_run, second, "v1").unwrap();
    assert_eq!(got, expected);
    assert_eq!(pg.stats().unwrap(), lite.stats().unwrap());
    let strip = |s: &dyn Store| {
        details(s)
            .into_iter()
            .map(|mut d| {
                d.event.id = EventId(0);
                d
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(&pg), strip(&lite));
    assert_eq!(pg.replayed_batches(), 1, "the retry went in bulk");
}

/// ACLED rows go in bulk too: a chunk that holds an id twice (the second row revised) and ids
/// already stored, some revised, gives SQLite's report and events.
#[test]
fn acled_import_in_bulk_equals_sqlite() {
    let mut lite = SqliteStore::open_in_memory().unwrap();
    let mut pg = PgStore::scratch(&server(), "acled").unwrap();
    let first = synthetic_acled(300, 0, 4);
    // 100 stored ids (synthesised again: revised), 200 new.
    let mut second = synthetic_acled(300, 200, 4);
    for (i, row) in second.iter_mut().enumerate().take(100) {
        if i % 2 == 0 {
            row.notes = Some(format!("Revised note {i}."));
            row.event.fatalities = Some(i as u32);
            row.event.actor1 = Some(format!("Revised Actor {}", i % 7));
        }
    }
    let mut again = second[150].clone();
    again.event.fatalities = Some(99);
    again.event.actor2 = Some("Another Revised Actor".into());
    second.push(again);
    second.push(second[0].clone());
    let mut reports = Vec::new();
    for s in [&mut lite as &mut dyn Store, &mut pg] {
        reports.push((
            s.import_acled(&first).unwrap(),
            s.import_acled(&second).unwrap(),
        ));
    }
    assert_eq!(reports[0], reports[1]);
    let (_, r) = reports[0];
    assert_eq!((r.inserted, r.updated, r.unchanged), (200, 101, 1), "{r:?}");
    assert_eq!(pg.stats().unwrap(), lite.stats().unwrap());
    assert_eq!(everything(&pg), everything(&lite));
    for actor in ["Revised Actor 3", "Another Revised Actor"] {
        let f = EventFilter {
            actor: Some(actor.into()),
            ..Default::default()
        };
        let ids = |s: &dyn Store| {
            s.events(&f)
                .unwrap()
                .events
                .iter()
                .map(|e| e.id)
                .collect::<Vec<_>>()
        };
        assert!(!ids(&lite).is_empty(), "{actor}");
        assert_eq!(ids(&pg), ids(&lite), "{actor}");
    }
    let hits = |s: &dyn Store| s.search("revised", 1000).unwrap().len();
    assert_eq!(hits(&pg), hits(&lite));
}
