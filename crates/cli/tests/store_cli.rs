//! End-to-end tests of the event-store commands, driving the real `rasd` binary, each on its own
//! temporary database. Fixture reports are written for these tests (the Arabic one quotes a
//! line of the shared seed article); ACLED rows are invented, in ACLED's format.
//!
//! Index:
//! - `ingest_folder_*`: txt, html, jsonl and rss in one folder; stats counts; a second ingest
//!   adds nothing.
//! - `ingest_reports_bad_files_*`: binary, empty and Windows-1256 files (exit 3, names).
//! - `same_event_two_outlets_*`: English and French reports merge into one event with two
//!   sources (`events show`), and `recode` keeps its id.
//! - `import_acled_*`: idempotent import, bad rows by file:line; `events --country` filter.
//! - `export_*`: CSV header in ACLED's column order; GeoJSON parses, longitude first.
//! - `search_*`: Arabic spelling variants (hamza, diacritics) find the document.
//! - `bad_arguments_*`: malformed dates and --near exit 2.
//! - `db_option_*`: default < RASD_DB < --db.
//! - `interrupted_ingest_*`: kill -9 mid-ingest, re-run, same store as an uninterrupted run.
//! - `serve_*`: `rasd serve` on a free port answers health, events and version over HTTP, and
//!   sees an ingest another process runs meanwhile.
//! - `postgres::*`: the same tests with `--db postgres://...` (a fresh database on the server of
//!   `RASD_TEST_PG` per test; they fail, never skip, without it).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

thread_local! {
    /// Set by the `postgres::*` tests (each test runs on its own thread).
    static ON_POSTGRES: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The scratch databases of this test, dropped when its thread ends.
    static SCRATCH: std::cell::RefCell<Vec<rasd_store_pg::ScratchDatabase>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// A fresh database for a test: `dir/name` (SQLite), or a fresh PostgreSQL database's URL.
fn new_db(dir: &Path, name: &str) -> PathBuf {
    if !ON_POSTGRES.get() {
        return dir.join(name);
    }
    let db = rasd_store_pg::ScratchDatabase::create(&rasd_store_pg::test_server_url(), "cli")
        .expect("create a scratch database on the test server");
    let url = PathBuf::from(db.url());
    SCRATCH.with(|s| s.borrow_mut().push(db));
    url
}

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn rasd_cmd(db: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_rasd"));
    c.arg("--db").arg(db).args(args).env_remove("RASD_DB");
    c
}

fn run(mut c: Command) -> Out {
    let out = c.stdin(Stdio::null()).output().expect("binary runs");
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn rasd(db: &Path, args: &[&str]) -> Out {
    run(rasd_cmd(db, args))
}

fn stats(db: &Path) -> serde_json::Value {
    let o = rasd(db, &["stats", "--format", "json"]);
    assert_eq!(o.code, 0, "stats: {}", o.stderr);
    serde_json::from_str(&o.stdout).expect("stats prints JSON")
}

fn jsonl(s: &str) -> Vec<serde_json::Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p
}

// Fixtures ------------------------------------------------------------------------------------

const EN_TXT: &str = "Security update from Djibo
Published: 6 March 2024

On Monday, JNIM militants attacked a military post near Djibo, killing 12 soldiers, security \
sources said. The attackers fled on motorbikes towards the border.
";

const FR_HTML: &str = r#"<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>Point sécuritaire à Djibo - Le Quotidien du Faso</title>
<meta property="og:site_name" content="Le Quotidien du Faso">
<meta property="article:published_time" content="2024-03-06T09:00:00Z">
<link rel="canonical" href="https://quotidien.example/2024/03/06/djibo-attaque">
</head><body>
<nav><a href="/">Accueil</a> | <a href="/politique">Politique</a></nav>
<article>
<h1>Point sécuritaire à Djibo</h1>
<p>Lundi, des militants du JNIM ont attaqué un poste militaire près de Djibo, tuant 12 soldats,
selon des sources sécuritaires.</p>
<p>Les assaillants ont pris la fuite à moto en direction de la frontière.</p>
</article>
<footer>© Le Quotidien du Faso</footer>
</body></html>
"#;

/// Two Arabic lines: a report and a line quoted from the shared seed article (commentary).
const AR_JSONL: &str = r#"{"id":"ar-menaka","published":"2024-05-12","source":"وكالة الساحل","title":"هجوم على سوق ميناكا","text":"هاجم مسلحون من تنظيم الدولة الإسلامية في الساحل يوم السبت سوق مدينة ميناكا شمال شرقي مالي، ما أدى إلى مقتل سبعة مدنيين، وفق مصادر محلية."}
{"id":"ar-seed","published":"2024-05-13","source":"تحليل","text":"هذا التباين الصارخ بين \"القدرة الأميركية\" على الوصول لأهدافها، وبين \"الفشل الأمني\" المتفاقم للأنظمة العسكرية في الساحل يطرح سيناريو كان مستبعداً قبل عام: هل تُجبر \"الخلافة\" الناشئة في مالي قادة الانقلابات على طرق أبواب واشنطن مجدداً؟ لم تكن الضربة التي نفذتها القيادة العسكرية الأميركية في إفريقيا \"أفريكوم\" مجرد عملية روتينية."}
"#;

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Niger Monitor</title><link>https://niger-monitor.example/</link>
<description>Security news</description>
<item>
<title>Soldiers killed in ambush near Tillaberi</title>
<link>https://niger-monitor.example/2024/02/ambush-tillaberi</link>
<pubDate>Wed, 14 Feb 2024 08:00:00 GMT</pubDate>
<description>On Tuesday, Islamic State Sahel fighters ambushed an army patrol near Tillaberi, killing five soldiers, the defence ministry said.</description>
</item>
<item>
<title>Manifestation à Niamey</title>
<link>https://niger-monitor.example/2024/02/manifestation-niamey</link>
<pubDate>Fri, 16 Feb 2024 08:00:00 GMT</pubDate>
<description>Jeudi, des centaines de personnes ont manifesté à Niamey contre la hausse du prix du carburant.</description>
</item>
</channel></rss>
"#;

/// A folder with 6 documents: one txt, one html, two JSONL lines and two feed items.
fn report_folder(dir: &Path) -> PathBuf {
    let f = dir.join("reports");
    std::fs::create_dir_all(&f).unwrap();
    write(&f, "djibo_en.txt", EN_TXT);
    write(&f, "djibo_fr.html", FR_HTML);
    write(&f, "arabic.jsonl", AR_JSONL);
    write(&f, "feed.rss", RSS);
    f
}

/// ACLED's export columns, in ACLED's order.
const ACLED_HEADER: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,\
event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,\
civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,\
geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

/// Invented rows in ACLED's format: two in Mali, one in Niger, one in Burkina Faso, and a row
/// with a bad date on line 6.
fn acled_csv() -> String {
    let rows = [
        "TST001,2023-01-10,2023,1,Political violence,Battles,Armed clash,Military Forces of Mali (2021-),,1,JNIM: Group for Support of Islam and Muslims,,2,12,,466,Western Africa,Mali,Mopti,Douentza,,Boni,15.0167,-1.9167,2,Invented Wire,National,Invented note: clash near Boni.,4,,1700000000",
        "TST002,2023-02-11,2023,1,Political violence,Violence against civilians,Attack,Unidentified Armed Group (Mali),,3,Civilians (Mali),,7,37,Civilian targeting,466,Western Africa,Mali,Gao,Ansongo,,Ansongo,15.6597,0.5022,1,Invented Wire,National,Invented note: villagers attacked.,2,,1700000001",
        "TST003,2023-03-12,2023,1,Political violence,Battles,Armed clash,Military Forces of Niger (2021-),,1,Islamic State (Sahel),,2,12,,562,Western Africa,Niger,Tillaberi,Tera,,Tera,14.0078,0.7531,2,Invented Wire,National,Invented note: patrol ambushed.,6,,1700000002",
        "TST004,2023-04-13,2023,1,Demonstrations,Protests,Peaceful protest,Protesters (Burkina Faso),,6,,,0,60,,854,Western Africa,Burkina Faso,Centre,Kadiogo,,Ouagadougou,12.3714,-1.5197,1,Invented Wire,National,Invented note: march in the capital.,0,crowd size=hundreds,1700000003",
        "TST005,someday,2023,1,Political violence,Battles,Armed clash,Military Forces of Mali (2021-),,1,,,0,10,,466,Western Africa,Mali,Mopti,Mopti,,Mopti,14.49,-4.19,1,Invented Wire,National,Invented note.,0,,1700000004",
    ];
    format!("{ACLED_HEADER}\n{}\n", rows.join("\n"))
}

// Tests ---------------------------------------------------------------------------------------

#[test]
fn ingest_folder_then_stats_counts_and_a_second_ingest_adds_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let db = new_db(tmp.path(), "rasd.db");
    let folder = report_folder(tmp.path());
    let o = rasd(&db, &["ingest", folder.to_str().unwrap()]);
    assert_eq!(o.code, 0, "stdout: {}\nstderr: {}", o.stdout, o.stderr);
    assert!(o.stdout.contains("new documents     6"), "{}", o.stdout);
    let s = stats(&db);
    assert_eq!(s["documents"], 6, "{s}");
    assert_eq!(s["ingest_runs"], 1);
    let events = s["events"].as_u64().unwrap();
    assert!(
        events >= 3,
        "the attack, the ambush, the market attack: {s}"
    );
    assert_eq!(s["last_run"]["status"], "finished");
    // The stored language is the detected one when the input did not give it.
    let o = rasd(&db, &["search", "Tillaberi", "--format", "json"]);
    let hits = jsonl(&o.stdout);
    assert_eq!(hits.len(), 1, "{}", o.stdout);
    assert_eq!(hits[0]["document"]["language"], "en");

    let again = rasd(&db, &["ingest", folder.to_str().unwrap()]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again.stdout.contains("new documents     0"),
        "{}",
        again.stdout
    );
    assert!(
        again
            .stdout
            .contains("exact duplicates  6 (6 recognised before coding)"),
        "{}",
        again.stdout
    );
    let s2 = stats(&db);
    assert_eq!(s2["documents"], 6);
    assert_eq!(s2["events"], events);
    assert_eq!(s2["sources"], s["sources"]);
    assert_eq!(s2["ingest_runs"], 2);
}

#[test]
fn ingest_reports_bad_files_by_name_and_stores_the_rest() {
    let tmp = tempfile::tempdir().unwrap();
    let db = new_db(tmp.path(), "rasd.db");
    let folder = tmp.path().join("mixed");
    std::fs::create_dir_all(&folder).unwrap();
    write(&folder, "good.txt", EN_TXT);
    write(
        &folder,
        "scan.txt",
        [0x25u8, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0xff, 0, 0],
    );
    write(&folder, "empty.txt", "");
    // An Arabic report saved as Windows-1256 (not valid UTF-8): decoded, stored, named.
    let arabic = "هجوم على موقع للجيش قرب تيلابيري\n\nهاجم مسلحون مجهولون يوم الثلاثاء موقعا \
                  للجيش النيجري قرب تيلابيري، ما أدى إلى مقتل خمسة جنود وإصابة ثلاثة آخرين، \
                  بحسب مصادر أمنية. وفر المهاجمون على دراجات نارية نحو الحدود.\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(arabic);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err());
    write(&folder, "legacy.txt", &bytes);

    let o = rasd(&db, &["ingest", folder.to_str().unwrap()]);
    assert_eq!(o.code, 3, "stdout: {}\nstderr: {}", o.stdout, o.stderr);
    for name in ["scan.txt", "empty.txt"] {
        assert!(o.stdout.contains(name), "{name} in summary: {}", o.stdout);
        assert!(o.stderr.contains(name), "{name} on stderr: {}", o.stderr);
    }
    assert!(o.stdout.contains("binary"), "{}", o.stdout);
    assert!(o.stdout.contains("skipped           2"), "{}", o.stdout);
    assert!(
        o.stdout.contains("legacy.txt: windows-1256"),
        "the legacy encoding is reported: {}",
        o.stdout
    );
    assert_eq!(stats(&db)["documents"], 2);
    // The decoded text is stored as Unicode: an Arabic search finds it.
    let o = rasd(&db, &["search", "دراجات", "--format", "json"]);
    let hits = jsonl(&o.stdout);
    assert_eq!(hits.len(), 1, "{}", o.stdout);
    assert!(hits[0]["snippet"]["text"]
        .as_str()
        .unwrap()
        .contains("دراجات"));
}

#[test]
fn same_event_two_outlets_two_languages_merge_into_one_event() {
    let tmp = tempfile::tempdir().unwrap();
    let db = new_db(tmp.path(), "rasd.db");
    let en = write(tmp.path(), "djibo_en.txt", EN_TXT);
    let fr = write(tmp.path(), "djibo_fr.html", FR_HTML);
    let o = rasd(&db, &["ingest", en.to_str().unwrap(), fr.to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}\n{}", o.stdout, o.stderr);
    assert!(
        o.stdout
            .contains("events            1 new, 1 merged into events already stored"),
        "{}",
        o.stdout
    );
    let s = stats(&db);
    assert_eq!(
        (s["documents"].as_u64(), s["events"].as_u64()),
        (Some(2), Some(1))
    );

    let list = rasd(&db, &["events", "--format", "jsonl"]);
    let events = jsonl(&list.stdout);
    assert_eq!(events.len(), 1);
    let id = events[0]["id"].as_i64().unwrap().to_string();
    assert_eq!(events[0]["source_count"], 2);
    assert_eq!(events[0]["location"], "Djibo");

    let show = rasd(&db, &["events", "show", &id]);
    assert_eq!(show.code, 0, "{}", show.stderr);
    let out = &show.stdout;
    assert!(out.contains("2 source documents"), "{out}");
    assert!(out.contains("Security update from Djibo"), "{out}");
    assert!(
        out.contains("https://quotidien.example/2024/03/06/djibo-attaque"),
        "{out}"
    );
    assert!(out.contains("created the event"), "{out}");
    assert!(out.contains("merged: same type"), "{out}");
    // Evidence spans are quoted from each document, in its own language.
    assert!(out.contains("\u{201c}attacked\u{201d}"), "{out}");
    assert!(out.contains("\u{201c}attaqué\u{201d}"), "{out}");
    assert!(out.contains("\u{201c}12\u{201d}"), "{out}");
    let json = rasd(&db, &["events", "show", &id, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["sources"].as_array().unwrap().len(), 2);
    assert_eq!(v["sources"][1]["evidence"][0]["quote"], "attaqué");

    // A recode with the same coder keeps the event and its id.
    let r = rasd(&db, &["recode"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("recoded 2 documents"), "{}", r.stdout);
    assert!(
        r.stdout.contains("events kept their id     1"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("events removed           0"),
        "{}",
        r.stdout
    );
    let again = jsonl(&rasd(&db, &["events", "--format", "jsonl"]).stdout);
    assert_eq!(again.len(), 1);
    assert_eq!(again[0]["id"].as_i64().unwrap().to_string(), id);

    let missing = rasd(&db, &["events", "show", "999"]);
    assert_eq!(missing.code, 1);
    assert!(
        missing.stderr.contains("no event 999"),
        "{}",
        missing.stderr
    );
}

#[test]
fn import_acled_is_idempotent_reports_bad_rows_and_country_filter_works() {
    let tmp = tempfile::tempdir().unwrap();
    let db = new_db(tmp.path(), "rasd.db");
    let csv = write(tmp.path(), "acled.csv", acled_csv());
    let csv_s = csv.to_str().unwrap();
    let o = rasd(&db, &["import", "acled", csv_s]);
    assert_eq!(o.code, 3, "a bad row: {}\n{}", o.stdout, o.stderr);
    assert!(
        o.stdout
            .contains("4 new, 0 updated, 0 unchanged, 1 bad rows"),
        "{}",
        o.stdout
    );
    assert!(
        o.stderr.contains(&format!("{csv_s}:6:")),
        "bad row by file:line: {}",
        o.stderr
    );
    let o = rasd(&db, &["import", "acled", csv_s]);
    assert!(
        o.stdout.contains("0 new, 0 updated, 4 unchanged"),
        "{}",
        o.stdout
    );
    let s = stats(&db);
    assert_eq!(
        (s["events"].as_u64(), s["acled_events"].as_u64()),
        (Some(4), Some(4))
    );

    let mali = rasd(&db, &["events", "--country", "Mali", "--format", "jsonl"]);
    assert_eq!(mali.code, 0, "{}", mali.stderr);
    let rows = jsonl(&mali.stdout);
    let ids: Vec<&str> = rows
        .iter()
        .map(|r| r["event_id_cnty"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["TST002", "TST001"], "newest first, Mali only");
    assert!(rows.iter().all(|r| r["country"] == "Mali"));

    let near = rasd(
        &db,
        &[
            "events",
            "--near",
            "14.0,0.75,50",
            "--origin",
            "acled",
            "--format",
            "jsonl",
        ],
    );
    let rows = jsonl(&near.stdout);
    assert_eq!(rows.len(), 1, "{}", near.stdout);
    assert_eq!(rows[0]["location"], "Tera");
    let battles = rasd(
        &db,
        &[
            "events",
            "--type",
            "battles",
            "--from",
            "2023-02-01",
            "--format",
            "jsonl",
        ],
    );
    assert_eq!(jsonl(&battles.stdout).len(), 1, "{}", battles.stdout);
    let origin = rasd(&db, &["events", "--origin", "rasd", "--format", "jsonl"]);
    assert_eq!(origin.stdout, "");
}

#[test]
fn export_csv_has_acled_columns_in_order_and_geojson_parses() {
    let tmp = tempfile::tempdir().unwrap();
    let db = new_db(tmp.path(), "rasd.db");
    let csv = write(tmp.path(), "acled.csv", acled_csv());
    rasd(&db, &["import", "acled", csv.to_str().unwrap()]);
    let en = write(tmp.path(), "djibo_en.txt", EN_TXT);
    assert_eq!(rasd(&db, &["ingest", en.to_str().unwrap()]).code, 0);
    let total = stats(&db)["events"].as_u64().unwrap();
    assert_eq!(total, 5);

    let out = tmp.path().join("events.csv");
    let o = rasd(
        &db,
        &[
            "export",
            "--format",
            "csv",
            "--output",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    let text = std::fs::read_to_string(&out).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let expected: Vec<&str> = ACLED_HEADER.split(',').collect();
    assert_eq!(header, expected);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len() as u64, total);
    let djibo = rows
        .iter()
        .find(|r| &r[21] == "Djibo")
        .expect("the coded event");
    assert!(djibo[0].starts_with("rasd-"), "{djibo:?}");
    assert_eq!(&djibo[6], "Armed clash");
    assert_eq!(&djibo[28], "12");

    // Stdout when no --output, filters apply.
    let o = rasd(&db, &["export", "--format", "csv", "--country", "Niger"]);
    assert_eq!(o.stdout.lines().count(), 2, "{}", o.stdout);

    let o = rasd(&db, &["export", "--format", "geojson"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let g: serde_json::Value = serde_json::from_str(&o.stdout).expect("GeoJSON is JSON");
    assert_eq!(g["type"], "FeatureCollection");
    let features = g["features"].as_array().unwrap();
    assert_eq!(features.len() as u64, total);
    let f = features
        .iter()
        .find(|f| f["properties"]["location"] == "Djibo")
        .unwrap();
    let c = f["geometry"]["coordinates"].as_array().unwrap();
    // [longitude, latitude]: Djibo is at 14.1 N, 1.6 W.
    assert!((c[0].as_f64().unwrap() + 1.6).abs() < 0.2, "{c:?}");
    assert!((c[1].as_f64().unwrap() - 14.1).abs() < 0.2, "{c:?}");

    let o = rasd(&db, &["export", "--format", "jsonl", "--limit", "2"]);
    assert_eq!(jsonl(&o.stdout).len(), 2);
}

#[test]
fn export_parquet_reads_back_and_names_an_unwritable_path() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::Field;
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("rasd.db");
    let csv = write(tmp.path(), "acled.csv", acled_csv());
    rasd(&db, &["import", "acled", csv.to_str().unwrap()]);
    let en = write(tmp.path(), "djibo_en.txt", EN_TXT);
    assert_eq!(rasd(&db, &["ingest", en.to_str().unwrap()]).code, 0);
    let total = stats(&db)["events"].as_u64().unwrap();

    let out = tmp.path().join("events.parquet");
    let o = rasd(
        &db,
        &[
            "export",
            "--format",
            "parquet",
            "--output",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stderr.contains("written as parquet"), "{}", o.stderr);
    let reader = SerializedFileReader::new(std::fs::File::open(&out).unwrap()).unwrap();
    let meta = reader.metadata().file_metadata();
    assert_eq!(meta.num_rows() as u64, total);
    let names: Vec<&str> = meta
        .schema_descr()
        .columns()
        .iter()
        .map(|c| c.name())
        .collect();
    let expected: Vec<&str> = ACLED_HEADER.split(',').collect();
    assert_eq!(names, expected);
    let djibo = reader
        .get_row_iter(None)
        .unwrap()
        .map(Result::unwrap)
        .find(|r| r.get_column_iter().nth(21).unwrap().1 == &Field::Str("Djibo".into()))
        .expect("the coded event");
    let cells: Vec<&Field> = djibo.get_column_iter().map(|(_, f)| f).collect();
    assert!(
        matches!(cells[0], Field::Str(id) if id.starts_with("rasd-")),
        "{djibo}"
    );
    assert_eq!(cells[6], &Field::Str("Armed clash".into()));
    assert_eq!(cells[28], &Field::Long(12));

    // Filters apply; stdout (not a terminal here) takes the bytes.
    let o = rasd_cmd(
        &db,
        &["export", "--format", "parquet", "--country", "Niger"],
    )
    .stdin(Stdio::null())
    .output()
    .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let piped = write(tmp.path(), "niger.parquet", &o.stdout);
    let reader = SerializedFileReader::new(std::fs::File::open(&piped).unwrap()).unwrap();
    assert_eq!(reader.metadata().file_metadata().num_rows(), 1);

    let bad = tmp.path().join("no such folder").join("events.parquet");
    let o = rasd(
        &db,
        &[
            "export",
            "--format",
            "parquet",
            "--output",
            bad.to_str().unwrap(),
        ],
    );
    assert_eq!(o.code, 1);
    assert!(o.stderr.contains("no such folder"), "{}", o.stderr);
    assert!(!bad.exists());
}

#[test]
fn search_finds_arabic_documents_written_with_other_spellings() {
    let tmp = tempfile::tempdir().unwrap();
    let db = new_db(tmp.path(), "rasd.db");
    let folder = report_folder(tmp.path());
    let o = rasd(&db, &["ingest", folder.to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    // Hamza: the document writes أفريكوم, the query افريكوم.
    let o = rasd(&db, &["search", "افريكوم", "--format", "json"]);
    let hits = jsonl(&o.stdout);
    assert_eq!(hits.len(), 1, "{}", o.stdout);
    assert_eq!(hits[0]["document"]["id"], "ar-seed");
    // Diacritics: the document writes تُجبر, the query تجبر; text output marks the match.
    let o = rasd(&db, &["search", "تجبر"]);
    assert_eq!(o.code, 0);
    assert!(o.stdout.contains("ar-seed"), "{}", o.stdout);
    assert!(o.stdout.contains("[تُجبر]"), "{}", o.stdout);
    // Taa marbuta and the article: مدينه finds مدينة in the other document only.
    let o = rasd(&db, &["search", "مدينه", "--format", "json"]);
    let hits = jsonl(&o.stdout);
    assert_eq!(hits.len(), 1, "{}", o.stdout);
    assert_eq!(hits[0]["document"]["id"], "ar-menaka");
    // Something absent finds nothing.
    let o = rasd(&db, &["search", "Kidal", "--format", "json"]);
    assert_eq!(o.stdout, "");
}

#[test]
fn bad_arguments_exit_2_with_a_message() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("rasd.db");
    let cases: [(&[&str], &str); 7] = [
        (&["events", "--from", "2024-13-01"], "malformed date"),
        (&["events", "--to", "yesterday"], "YYYY-MM-DD"),
        (&["events", "--near", "14.1,-1.6"], "LAT,LON,KM"),
        (&["events", "--near", "95,0,10"], "latitude"),
        (
            &["export", "--format", "csv", "--near", "14,2,-3"],
            "radius",
        ),
        (
            &["events", "--from", "2024-03-01", "--to", "2024-01-01"],
            "from",
        ),
        (&["events", "--type", "fight"], "unknown event type"),
    ];
    for (args, message) in cases {
        let o = rasd(&db, args);
        assert_eq!(o.code, 2, "{args:?}: {}", o.stderr);
        assert!(o.stderr.contains(message), "{args:?}: {}", o.stderr);
    }
}

#[test]
fn db_option_layers_default_env_and_flag() {
    let tmp = tempfile::tempdir().unwrap();
    let data_home = tmp.path().join("xdg");
    let from_env = tmp.path().join("env.db");
    let from_flag = tmp.path().join("flag.db");
    let stats_db = |c: Command| -> String {
        let o = run(c);
        assert_eq!(o.code, 0, "{}", o.stderr);
        let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
        v["db"].as_str().unwrap().to_owned()
    };
    let base = || {
        let mut c = Command::new(env!("CARGO_BIN_EXE_rasd"));
        c.args(["stats", "--format", "json"])
            .env("XDG_DATA_HOME", &data_home)
            .env_remove("RASD_DB");
        c
    };
    let default = stats_db(base());
    assert_eq!(
        PathBuf::from(&default),
        data_home.join("rasd").join("rasd.db")
    );
    assert!(
        data_home.join("rasd").is_dir(),
        "the data folder is created"
    );
    let mut c = base();
    c.env("RASD_DB", &from_env);
    assert_eq!(PathBuf::from(stats_db(c)), from_env);
    let mut c = base();
    c.env("RASD_DB", &from_env).arg("--db").arg(&from_flag);
    assert_eq!(PathBuf::from(stats_db(c)), from_flag);
    assert!(from_flag.is_file() && from_env.is_file());
}

/// `n` short reports (English, French, Arabic in turn), one event each, as JSONL.
fn synthetic_reports(n: usize) -> String {
    let places = [
        ("Djibo", "جيبو"),
        ("Mopti", "موبتي"),
        ("Gao", "غاو"),
        ("Menaka", "ميناكا"),
        ("Diffa", "ديفا"),
        ("Kaya", "كايا"),
    ];
    let mut out = String::new();
    for i in 0..n {
        let (place, place_ar) = places[i % places.len()];
        let killed = 2 + (i * 7) % 29;
        let day = 1 + (i * 13) % 28;
        let month = 1 + (i / 28) % 12;
        let year = 2020 + i % 5;
        let text =
            match i % 3 {
                0 => {
                    format!(
                "On {day} {} {year}, gunmen attacked a market near {place}, killing {killed} \
                 civilians, local officials said. Report {i}.",
                ["January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December"][month - 1]
            )
                }
                1 => {
                    format!(
                "Le {day} {} {year}, des hommes armés ont attaqué un marché près de {place}, \
                 tuant {killed} civils, selon des responsables locaux. Dépêche {i}.",
                ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                 "septembre", "octobre", "novembre", "décembre"][month - 1]
            )
                }
                _ => format!(
                "في {year}-{month:02}-{day:02} هاجم مسلحون سوقا قرب {place_ar} ما أدى إلى مقتل \
                 {killed} مدنيين بحسب مسؤولين محليين. تقرير {i}."
            ),
            };
        let line = serde_json::json!({"id": format!("s{i}"), "source": format!("Outlet {}", i % 7), "text": text});
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

/// Events as a multiset of their fields (ids and timestamps left out).
fn event_multiset(db: &Path) -> BTreeMap<String, usize> {
    let o = rasd(db, &["export", "--format", "jsonl"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let mut m = BTreeMap::new();
    for mut v in jsonl(&o.stdout) {
        let obj = v.as_object_mut().unwrap();
        obj.remove("id");
        obj.remove("updated_at");
        *m.entry(serde_json::to_string(&v).unwrap()).or_insert(0) += 1;
    }
    m
}

#[test]
fn interrupted_ingest_resumes_with_nothing_lost_or_doubled() {
    const N: usize = 3000;
    let tmp = tempfile::tempdir().unwrap();
    let input = write(tmp.path(), "reports.jsonl", synthetic_reports(N));
    let input = input.to_str().unwrap();
    let killed_db = new_db(tmp.path(), "killed.db");
    let clean_db = new_db(tmp.path(), "clean.db");

    // Start an ingest, wait until a few batches are committed, kill -9 it.
    let mut child = rasd_cmd(&killed_db, &["ingest", input, "--batch", "50"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    let stored_at_kill = loop {
        assert!(Instant::now() < deadline, "no batch stored in 120 s");
        if let Some(status) = child.try_wait().unwrap() {
            panic!("ingest finished ({status}) before it could be interrupted; raise N");
        }
        if ON_POSTGRES.get() || killed_db.exists() {
            let o = rasd(&killed_db, &["stats", "--format", "json"]);
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(&o.stdout) {
                let stored = v["documents"].as_u64().unwrap_or(0);
                if stored >= 100 {
                    break stored;
                }
            }
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let s = stats(&killed_db);
    let after_kill = s["documents"].as_u64().unwrap();
    assert!(
        (stored_at_kill..N as u64).contains(&after_kill),
        "interrupted part-way: {after_kill} of {N}"
    );
    assert_eq!(
        s["last_run"]["status"], "running",
        "the killed run never finished"
    );

    // Re-run to completion: the killed run is reported, the rest is stored.
    let o = rasd(&killed_db, &["ingest", input, "--batch", "50"]);
    assert_eq!(o.code, 0, "{}\n{}", o.stdout, o.stderr);
    assert!(o.stdout.contains("was interrupted"), "{}", o.stdout);
    assert!(
        o.stdout.contains(&format!(
            "exact duplicates  {after_kill} ({after_kill} recognised before coding)"
        )),
        "{}",
        o.stdout
    );

    // An uninterrupted run into another database.
    let o = rasd(&clean_db, &["ingest", input, "--batch", "50"]);
    assert_eq!(o.code, 0, "{}", o.stderr);

    let (a, b) = (stats(&killed_db), stats(&clean_db));
    assert_eq!(a["documents"], N as u64);
    assert_eq!(a["documents"], b["documents"]);
    assert_eq!(a["events"], b["events"]);
    assert_eq!(a["sources"], b["sources"]);
    assert!(
        b["events"].as_u64().unwrap() > N as u64 / 2,
        "the reports code to events: {b}"
    );
    // The same events, field for field, none twice.
    let (ea, eb) = (event_multiset(&killed_db), event_multiset(&clean_db));
    assert_eq!(ea, eb);
    assert!(ea.values().all(|&n| n == 1), "an event is stored twice");
    // Runs: the killed one is marked failed, the resumed one finished.
    let o = rasd(&killed_db, &["stats", "--format", "table"]);
    assert!(o.stdout.contains("ingest runs       2"), "{}", o.stdout);
}

/// `GET path` on a server over plain HTTP/1.1 (`Connection: close`): status and body.
fn http_get(addr: &str, path: &str) -> (u16, String) {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = String::new();
    s.read_to_string(&mut raw).unwrap();
    let (head, body) = raw.split_once("\r\n\r\n").expect("an HTTP answer");
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .expect("a status line");
    (status, body.to_owned())
}

/// Kills the server it holds when dropped (a failed assertion must not leave it running).
struct Running(std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn serve_answers_over_http_and_sees_another_process_ingest() {
    use std::io::BufRead;
    let tmp = tempfile::tempdir().unwrap();
    let db = new_db(tmp.path(), "served.db");
    let folder = report_folder(tmp.path());
    let o = rasd(&db, &["ingest", folder.to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let stored = stats(&db)["events"].as_u64().unwrap();
    assert!(stored >= 3);

    // Port 0: the server picks a free port and names it on stderr.
    let mut child = rasd_cmd(&db, &["serve", "--bind", "127.0.0.1:0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let server = Running(child);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(|l| l.ok())
        {
            let _ = tx.send(line);
        }
    });
    let addr = loop {
        let line = rx
            .recv_timeout(Duration::from_secs(120))
            .expect("the server names its address on stderr");
        if let Some(rest) = line.split("http://").nth(1) {
            break rest.split('/').next().unwrap().to_owned();
        }
    };

    let (status, body) = http_get(&addr, "/api/v1/health");
    assert_eq!(status, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["status"], "ok");
    assert_eq!(v["events"], stored);
    let (status, body) = http_get(&addr, "/api/v1/events?limit=2&country=Burkina%20Faso");
    assert_eq!(status, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let events = v["events"].as_array().unwrap();
    assert!(!events.is_empty(), "{v}");
    assert!(events.iter().all(|e| e["country"] == "Burkina Faso"), "{v}");
    let (_, body) = http_get(&addr, "/api/v1/version");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let backend = if ON_POSTGRES.get() {
        "postgresql"
    } else {
        "sqlite"
    };
    assert_eq!(v["store"], backend);

    // Another process ingests while the server runs (the server holds no writer lock between
    // its own writes), and the server notices the new data.
    let extra = write(
        tmp.path(),
        "extra.jsonl",
        r#"{"id":"x-1","published":"2026-01-14","text":"On Monday, suspected JNIM militants attacked a military post near Djibo, killing 12 soldiers."}"#,
    );
    let o = rasd(&db, &["ingest", extra.to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}\n{}", o.stdout, o.stderr);
    let after = stats(&db)["events"].as_u64().unwrap();
    assert!(after > stored, "the report codes to a new event");
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let (_, body) = http_get(&addr, "/api/v1/health");
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        if v["events"] == after {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the server never saw the ingest: {v}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let (status, body) = http_get(&addr, "/api/v1/documents?q=Djibo");
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("x-1"), "{body}");
    drop(server);
}

// The same tests on PostgreSQL ---------------------------------------------------------------

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

on_postgres!(
    ingest_folder_then_stats_counts_and_a_second_ingest_adds_nothing,
    ingest_reports_bad_files_by_name_and_stores_the_rest,
    same_event_two_outlets_two_languages_merge_into_one_event,
    import_acled_is_idempotent_reports_bad_rows_and_country_filter_works,
    export_csv_has_acled_columns_in_order_and_geojson_parses,
    search_finds_arabic_documents_written_with_other_spellings,
    interrupted_ingest_resumes_with_nothing_lost_or_doubled,
    serve_answers_over_http_and_sees_another_process_ingest,
);
