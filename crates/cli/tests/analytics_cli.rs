//! End-to-end tests of the analytics commands, driving the real `rasd` binary on temporary
//! databases filled by `rasd import acled` from invented ACLED-format rows with known answers
//! (no row comes from ACLED data).
//!
//! The story (`story_csv`), in Mali, 2018-01 .. 2019-06:
//! - Bankass: one armed clash every other week (not in the week of 2019-03-18), then eight
//!   attacks on civilians in that week (2019-W12) by a militia never seen there before.
//! - Douentza: one clash every other week, never more: a quiet district; the Islamic State
//!   (Greater Sahara) appears there for the first time on 2019-05-06.
//! - Tenenkou: JNIM establishes a base (2019-01-15), the army retakes it (2019-04-10).
//! - Niono: JNIM strikes an army camp with an armed drone (2019-02-20); the army's own air
//!   strike (2019-02-25) is not a drone capability of anyone.
//!
//! Index:
//! - `series_*`: weekly and monthly buckets, types, distinct sources and multi-source events;
//!   CSV header; JSON totals.
//! - `warn_*`: the spike week flagged with its events, the quiet district never; new spread;
//!   a flag does not change when later events are added (no look-ahead); actor level.
//! - `control_*`: the base month is JNIM influence, the retake month state influence, both
//!   with their events; output is labelled an indicator.
//! - `capabilities_*`: the non-state drone strike with its first-seen date; quarters.
//! - `report_*`: Markdown in English and French, Arabic HTML right to left, PDF through
//!   headless Chromium (required: `.ci/run` installs it), and a clear error without it.
//! - `backtest_*`: an episodes CSV (dates and ISO weeks, areas by short name), detection,
//!   lead weeks, false alarms; unknown areas skipped with exit 3.
//! - `bench_analytics_*`: a small synthetic run prints its timings and finds its spikes;
//!   `bench_serve_*`: the server's latency table, every scenario and request with an answer.
//! - `bad_arguments_exit_2`: every malformed option.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn rasd_cmd(db: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_rasd"));
    c.arg("--db")
        .arg(db)
        .args(args)
        .env_remove("RASD_DB")
        .env_remove("RASD_CHROMIUM");
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

/// Run and require exit 0.
fn ok(db: &Path, args: &[&str]) -> String {
    let o = rasd(db, args);
    assert_eq!(o.code, 0, "rasd {args:?}: {}", o.stderr);
    o.stdout
}

fn json(db: &Path, args: &[&str]) -> serde_json::Value {
    let s = ok(db, args);
    serde_json::from_str(&s).unwrap_or_else(|e| panic!("rasd {args:?}: not JSON ({e}): {s}"))
}

// Fixtures ------------------------------------------------------------------------------------

const HEADER: &str = "event_id_cnty,event_date,event_type,sub_event_type,actor1,inter1,actor2,\
inter2,country,admin1,admin2,location,latitude,longitude,source,notes,fatalities";

const JNIM: &str = "JNIM: Group for Support of Islam and Muslims";
const FAMA: &str = "Military Forces of Mali (2013-)";
const DNA: &str = "Dan Na Ambassagou";
const ISGS: &str = "Islamic State (Greater Sahara)";

fn date(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

#[allow(clippy::too_many_arguments)]
fn row(
    id: &str,
    day: chrono::NaiveDate,
    sub: (&str, &str),
    a1: (&str, u8),
    a2: (&str, u8),
    place: (&str, &str, &str),
    source: &str,
    notes: &str,
    fatalities: u32,
) -> String {
    let (admin1, admin2, location) = place;
    format!(
        "{id},{day},{},{},\"{}\",{},\"{}\",{},Mali,{admin1},{admin2},{location},14.0,-4.0,\"{source}\",\"{notes}\",{fatalities}",
        sub.0, sub.1, a1.0, a1.1, a2.0, a2.1
    )
}

const CLASH: (&str, &str) = ("Battles", "Armed clash");
const ATTACK: (&str, &str) = ("Violence against civilians", "Attack");
const BANKASS: (&str, &str, &str) = ("Mopti", "Bankass", "Bankass");
const DOUENTZA: (&str, &str, &str) = ("Mopti", "Douentza", "Boni");
const TENENKOU: (&str, &str, &str) = ("Mopti", "Tenenkou", "Dioura");
const NIONO: (&str, &str, &str) = ("Segou", "Niono", "Dogofry");

/// The story of the module documentation, as an ACLED CSV.
fn story_csv() -> String {
    let mut rows = Vec::new();
    let start = date("2018-01-01"); // a Monday
                                    // Bankass: a clash every other week up to 2019-06, one source each.
    for k in 0..39 {
        let d = start + chrono::Days::new(14 * k);
        rows.push(row(
            &format!("BAN{k:03}"),
            d,
            CLASH,
            (JNIM, 2),
            (FAMA, 1),
            BANKASS,
            "Studio Tamani",
            "Invented: clash near Bankass.",
            1,
        ));
    }
    // The spike: eight attacks on civilians on Saturday 2019-03-23, reported by two outlets.
    for k in 0..8 {
        rows.push(row(
            &format!("SPK{k:03}"),
            date("2019-03-23"),
            ATTACK,
            (DNA, 4),
            ("Civilians (Mali)", 7),
            BANKASS,
            "RFI; AFP",
            "Invented: militiamen attacked a village.",
            3,
        ));
    }
    // Douentza: a clash every other week, shifted by one week.
    for k in 0..39 {
        let d = start + chrono::Days::new(7 + 14 * k);
        rows.push(row(
            &format!("DOU{k:03}"),
            d,
            CLASH,
            (JNIM, 2),
            (FAMA, 1),
            DOUENTZA,
            "Studio Tamani",
            "Invented: clash near Boni.",
            1,
        ));
    }
    // A new actor in Douentza.
    rows.push(row(
        "NEW001",
        date("2019-05-06"),
        ATTACK,
        (ISGS, 2),
        ("Civilians (Mali)", 7),
        DOUENTZA,
        "Studio Tamani",
        "Invented: IS Sahel fighters attacked herders.",
        2,
    ));
    // Tenenkou: a base established, then retaken.
    rows.push(row(
        "BAS001",
        date("2019-01-15"),
        ("Strategic developments", "Headquarters or base established"),
        (JNIM, 2),
        ("", 0),
        TENENKOU,
        "Studio Tamani",
        "Invented: JNIM established a base in Dioura.",
        0,
    ));
    rows.push(row(
        "BAS002",
        date("2019-04-10"),
        ("Battles", "Government regains territory"),
        (FAMA, 1),
        (JNIM, 2),
        TENENKOU,
        "Studio Tamani",
        "Invented: FAMa retook the JNIM base in Dioura.",
        4,
    ));
    // Niono: a non-state drone strike, and the army's own air strike.
    rows.push(row(
        "DRN001",
        date("2019-02-20"),
        ("Explosions/Remote violence", "Air/drone strike"),
        (JNIM, 2),
        (FAMA, 1),
        NIONO,
        "Studio Tamani",
        "Invented: JNIM used an armed drone to drop explosives on the army camp.",
        2,
    ));
    rows.push(row(
        "AIR001",
        date("2019-02-25"),
        ("Explosions/Remote violence", "Air/drone strike"),
        (FAMA, 1),
        (JNIM, 2),
        NIONO,
        "Studio Tamani",
        "Invented: FAMa aircraft struck a JNIM position.",
        5,
    ));
    format!("{HEADER}\n{}\n", rows.join("\n"))
}

/// A temporary folder holding a database with the story imported.
struct Story {
    _dir: tempfile::TempDir,
    dir: PathBuf,
    db: PathBuf,
}

fn story() -> Story {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_path_buf();
    let csv = path.join("story.csv");
    std::fs::write(&csv, story_csv()).unwrap();
    let db = path.join("rasd.db");
    let o = rasd(&db, &["import", "acled", csv.to_str().unwrap()]);
    assert_eq!(o.code, 0, "import: {}", o.stderr);
    Story {
        _dir: dir,
        dir: path,
        db,
    }
}

/// Store ids of the events matching `rasd events` filters.
fn event_ids(db: &Path, filters: &[&str]) -> Vec<i64> {
    let mut args = vec!["events", "--format", "jsonl", "--limit", "1000"];
    args.extend_from_slice(filters);
    let mut ids: Vec<i64> = ok(db, &args)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_i64()
                .unwrap()
        })
        .collect();
    ids.sort_unstable();
    ids
}

fn sorted_ids(v: &serde_json::Value) -> Vec<i64> {
    let mut ids: Vec<i64> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_i64().unwrap())
        .collect();
    ids.sort_unstable();
    ids
}

fn flags_of<'a>(v: &'a serde_json::Value, area: &str) -> Vec<&'a serde_json::Value> {
    v["flags"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["area"] == area)
        .collect()
}

// Tests ---------------------------------------------------------------------------------------

#[test]
fn series_counts_events_types_and_sources_per_bucket() {
    let s = story();
    let v = json(
        &s.db,
        &[
            "series",
            "--admin2",
            "Bankass",
            "--from",
            "2019-03-04",
            "--to",
            "2019-03-31",
            "--format",
            "json",
        ],
    );
    let b = v["buckets"].as_array().unwrap();
    // Weeks of 03-04, 03-11, 03-18, 03-25, zero-filled.
    let periods: Vec<&str> = b.iter().map(|x| x["period"].as_str().unwrap()).collect();
    assert_eq!(periods, ["2019-W10", "2019-W11", "2019-W12", "2019-W13"]);
    // The fortnightly clash falls in W11 and W13; the spike week holds the eight attacks.
    let events: Vec<u64> = b.iter().map(|x| x["events"].as_u64().unwrap()).collect();
    assert_eq!(events, [0, 1, 8, 1]);
    let spike = &b[2];
    assert_eq!(spike["fatalities"], 8 * 3);
    assert_eq!(spike["violent"], 8);
    assert_eq!(spike["by_type"]["Violence against civilians"], 8);
    assert_eq!(spike["by_type"]["Battles"], 0);
    assert_eq!(spike["sources"], 2, "RFI and AFP, each counted once");
    assert_eq!(spike["multi_source"], 8);
    assert_eq!(b[1]["sources"], 1);
    assert_eq!(b[1]["multi_source"], 0);
    assert_eq!(b[0]["sources"], 0);

    // Monthly CSV over everything: header, and the months add up to all events.
    let csv = ok(&s.db, &["series", "--interval", "month", "--format", "csv"]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "period,start,events,fatalities,violent,battles,violence_against_civilians,\
         explosions_remote_violence,protests,riots,strategic_developments,sources,multi_source"
    );
    let rows: Vec<Vec<String>> = lines
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect();
    assert_eq!(rows.first().unwrap()[0], "2018-01");
    let total: u32 = rows.iter().map(|r| r[2].parse::<u32>().unwrap()).sum();
    assert_eq!(total, 39 + 8 + 39 + 1 + 2 + 2);
    let march = rows.iter().find(|r| r[0] == "2019-03").unwrap();
    assert_eq!(march[6], "8", "violence against civilians in March 2019");

    // The table names its columns and ends with the totals.
    let table = ok(
        &s.db,
        &["series", "--country", "mali", "--interval", "month"],
    );
    assert!(table.starts_with("period"), "{table}");
    assert!(table.contains("total"), "{table}");
}

#[test]
fn warn_flags_the_spike_week_not_the_quiet_district_and_finds_new_spread() {
    let s = story();
    let v = json(&s.db, &["warn", "--format", "json"]);
    assert_eq!(v["level"], "admin2");
    let bankass = flags_of(&v, "Mali / Mopti / Bankass");
    let week: Vec<&serde_json::Value> = bankass
        .iter()
        .copied()
        .filter(|f| f["week"] == "2019-W12" && f["metric"] == "events")
        .collect();
    assert_eq!(week.len(), 1, "{:#}", v["flags"]);
    let f = week[0];
    assert_eq!(f["observed"], 8);
    assert!(f["expected"].as_f64().unwrap() < 1.0);
    assert!(f["score"].as_f64().unwrap() >= 2.0);
    // The events behind the flag are exactly that week's violent events in Bankass.
    let want = event_ids(
        &s.db,
        &[
            "--admin2",
            "Bankass",
            "--from",
            "2019-03-18",
            "--to",
            "2019-03-24",
        ],
    );
    assert_eq!(want.len(), 8);
    assert_eq!(sorted_ids(&f["event_ids"]), want);
    // No flag before the spike; the quiet district never.
    assert!(bankass
        .iter()
        .all(|f| f["week"].as_str().unwrap() >= "2019-W12"));
    assert!(flags_of(&v, "Mali / Mopti / Douentza").is_empty());

    // New spread: the militia in Bankass on the spike day, IS Sahel in Douentza.
    let spread = v["spread"].as_array().unwrap();
    let isgs = spread
        .iter()
        .find(|x| x["actor"] == ISGS)
        .expect("IS Sahel's first event in Douentza");
    assert_eq!(isgs["area"]["admin2"], "Douentza");
    assert_eq!(isgs["date"], "2019-05-06");
    assert!(isgs["previous"].is_null());
    assert_eq!(
        sorted_ids(&isgs["event_ids"]),
        event_ids(&s.db, &["--admin2", "Douentza", "--actor", "Islamic State"])
    );
    assert!(spread
        .iter()
        .any(|x| x["actor"] == DNA && x["date"] == "2019-03-23"));
    // JNIM is new in Tenenkou and Niono, never absent from Bankass and Douentza.
    let jnim: Vec<&str> = spread
        .iter()
        .filter(|x| x["actor"] == JNIM)
        .map(|x| x["area"]["admin2"].as_str().unwrap())
        .collect();
    assert_eq!(jnim, ["Tenenkou", "Niono"]);

    // The table: one line per flag with the week, observed count and the ids.
    let t = ok(
        &s.db,
        &["warn", "--from", "2019-03-18", "--to", "2019-03-24"],
    );
    let line = t
        .lines()
        .find(|l| l.starts_with("2019-W12") && l.contains("Bankass") && l.contains("events"))
        .unwrap_or_else(|| panic!("{t}"));
    assert!(line.contains(&want[0].to_string()), "{line}");
    assert!(!t.contains("Douentza  "), "{t}");
    assert!(t.contains("new spread"), "{t}");
}

#[test]
fn warn_has_no_look_ahead_and_works_per_actor() {
    let s = story();
    // Reported up to the spike week: the same flag as with all later events loaded.
    let upto = json(&s.db, &["warn", "--to", "2019-03-24", "--format", "json"]);
    let all = json(&s.db, &["warn", "--format", "json"]);
    let pick = |v: &serde_json::Value| {
        flags_of(v, "Mali / Mopti / Bankass")
            .into_iter()
            .find(|f| f["week"] == "2019-W12" && f["metric"] == "events")
            .cloned()
            .expect("the spike flag")
    };
    assert_eq!(pick(&upto), pick(&all));
    // --from bounds what is reported, not the baseline.
    let later = json(&s.db, &["warn", "--from", "2019-04-01", "--format", "json"]);
    assert!(later["flags"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["week_start"].as_str().unwrap() >= "2019-04-01"));

    // Per actor: Dan Na Ambassagou had no history at all, so its first week is no flag (no
    // baseline); JNIM's steady clashes never are.
    let actors = json(&s.db, &["warn", "--level", "actor", "--format", "json"]);
    assert_eq!(actors["level"], "actor");
    assert!(actors["flags"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["scope"] == "actor"
            && f["area"] != "JNIM: Group for Support of Islam and Muslims"));
    // Admin1: Mopti holds the spike too.
    let a1 = json(&s.db, &["warn", "--level", "admin1", "--format", "json"]);
    assert!(flags_of(&a1, "Mali / Mopti")
        .iter()
        .any(|f| f["week"] == "2019-W12"));
}

#[test]
fn control_indicator_follows_a_base_established_then_retaken() {
    let s = story();
    let base_id = event_ids(&s.db, &["--admin2", "Tenenkou", "--to", "2019-01-31"]);
    let retake_id = event_ids(&s.db, &["--admin2", "Tenenkou", "--from", "2019-04-01"]);
    assert_eq!((base_id.len(), retake_id.len()), (1, 1));

    let jan = json(
        &s.db,
        &["control", "--month", "2019-01", "--format", "json"],
    );
    assert!(jan["note"]
        .as_str()
        .unwrap()
        .contains("not a map of control"));
    let cell = |v: &serde_json::Value, admin2: &str| {
        v["cells"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["area"]["admin2"] == admin2)
            .cloned()
            .unwrap_or_else(|| panic!("no {admin2} cell: {v:#}"))
    };
    let c = cell(&jan, "Tenenkou");
    assert_eq!(c["month"], "2019-01-01");
    assert_eq!(c["label"]["kind"], "group_influence");
    assert_eq!(c["label"]["actor"], "JNIM");
    assert_eq!(c["contributions"][0]["event_id"], base_id[0]);
    assert_eq!(c["contributions"][0]["reason"], "base_established");

    let apr = json(
        &s.db,
        &["control", "--month", "2019-04", "--format", "json"],
    );
    let c = cell(&apr, "Tenenkou");
    assert_eq!(c["label"]["kind"], "state_influence", "{c:#}");
    assert_eq!(c["dominant"], "State forces");
    let reasons: Vec<(&serde_json::Value, &serde_json::Value)> = c["contributions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| (&k["event_id"], &k["reason"]))
        .collect();
    assert!(reasons.contains(&(
        &serde_json::json!(retake_id[0]),
        &serde_json::json!("regains")
    )));
    assert!(reasons.contains(&(
        &serde_json::json!(retake_id[0]),
        &serde_json::json!("lost_territory")
    )));

    // Without --month or --from: the last month of the range, or of the data.
    let months = |v: &serde_json::Value| {
        let mut m: Vec<String> = v["cells"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["month"].as_str().unwrap().to_string())
            .collect();
        m.dedup();
        m
    };
    let upto = json(
        &s.db,
        &["control", "--to", "2019-02-10", "--format", "json"],
    );
    assert_eq!(months(&upto), ["2019-02-01"]);
    let last = json(&s.db, &["control", "--format", "json"]);
    assert_eq!(months(&last), ["2019-06-01"], "the data end in June 2019");

    // The table says it is an indicator, and shows the month range asked for.
    let t = ok(
        &s.db,
        &[
            "control",
            "--admin1",
            "Mopti",
            "--from",
            "2019-01-01",
            "--to",
            "2019-04-30",
        ],
    );
    assert!(
        t.starts_with("TERRITORIAL CONTROL / INFLUENCE INDICATOR"),
        "{t}"
    );
    let tenenkou: Vec<&str> = t.lines().filter(|l| l.contains("Tenenkou")).collect();
    assert!(tenenkou
        .iter()
        .any(|l| l.contains("2019-01") && l.contains("JNIM influence")));
    assert!(tenenkou
        .iter()
        .any(|l| l.contains("2019-04") && l.contains("state influence")));
    assert!(!t.contains("Niono"), "--admin1 Mopti: {t}");
}

#[test]
fn capabilities_show_a_non_state_drone_strike_with_its_first_seen_date() {
    let s = story();
    let drone_id = event_ids(
        &s.db,
        &["--admin2", "Niono", "--actor", "JNIM", "--to", "2019-02-21"],
    );
    let v = json(&s.db, &["capabilities", "--format", "json"]);
    let rows = v["rows"].as_array().unwrap();
    let jnim_feb = rows
        .iter()
        .find(|r| r["actor"] == JNIM && r["period"] == "2019-02")
        .unwrap_or_else(|| panic!("{v:#}"));
    assert_eq!(jnim_feb["counts"]["drone_armed"], 1);
    assert!(
        rows.iter()
            .filter(|r| r["actor"]
                .as_str()
                .unwrap()
                .starts_with("Military Forces of Mali"))
            .all(|r| r["counts"]["drone_armed"] == 0),
        "the army's air strike is no drone: {v:#}"
    );
    let first = v["first_seen"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["actor"] == JNIM && f["capability"] == "drone_armed")
        .expect("first-seen drone");
    assert_eq!(first["date"], "2019-02-20");
    assert_eq!(first["event_id"], drone_id[0]);
    assert_eq!(first["area"], "Mali / Segou / Niono");

    // Quarters, in the table: JNIM's 2019-Q1 row has the drone.
    let t = ok(
        &s.db,
        &["capabilities", "--period", "quarter", "--actor", "jnim"],
    );
    let q1 = t
        .lines()
        .find(|l| l.starts_with("JNIM") && l.contains("2019-Q1"))
        .unwrap_or_else(|| panic!("{t}"));
    let cols: Vec<&str> = q1.split_whitespace().collect();
    let n = cols.len();
    assert_eq!(cols[n - 10], "1", "drone column: {q1}");
    assert!(t.contains("first seen"), "{t}");
    assert!(t
        .lines()
        .any(|l| l.starts_with("2019-02-20") && l.contains("drone_armed")));
    assert!(
        !t.lines().any(|l| l.starts_with("Military Forces")),
        "--actor keeps JNIM's rows: {t}"
    );
}

#[test]
fn report_renders_markdown_html_and_arabic_right_to_left() {
    let s = story();
    let period = ["--from", "2019-03-01", "--to", "2019-03-31"];
    let md = ok(&s.db, &[&["report"][..], &period].concat());
    assert!(md.starts_with("# Situation report"), "{md}");
    assert!(md.contains("Bankass"), "the spike district: {md}");
    let fr = ok(&s.db, &[&["report", "--lang", "fr"][..], &period].concat());
    assert!(fr.contains("Rapport de situation"), "{fr}");

    let out = s.dir.join("sitrep-ar.html");
    let o = rasd(
        &s.db,
        &[
            &[
                "report",
                "--lang",
                "ar",
                "--format",
                "html",
                "--output",
                out.to_str().unwrap(),
            ][..],
            &period,
        ]
        .concat(),
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stdout.is_empty(), "the report goes to the file");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(
        html.contains(r#"<html lang="ar" dir="rtl">"#),
        "{}",
        &html[..300]
    );
    assert!(html.contains("تقرير الوضع"));
    assert!(html.contains("<svg"), "charts and map");
    assert!(html.contains("<polyline"), "admin1 lines on the map");

    // Country scope: Mali only has events; another country has none.
    let other = ok(
        &s.db,
        &[&["report", "--country", "Niger"][..], &period].concat(),
    );
    assert!(!other.contains("Bankass"), "{other}");
}

#[test]
fn report_prints_a_pdf_with_headless_chromium() {
    let s = story();
    let out = s.dir.join("sitrep.pdf");
    let o = rasd(
        &s.db,
        &[
            "report",
            "--from",
            "2019-03-01",
            "--to",
            "2019-03-31",
            "--lang",
            "ar",
            "--format",
            "pdf",
            "--output",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(
        o.code, 0,
        "PDF reports need Debian's chromium on PATH (.ci/run installs it): {}",
        o.stderr
    );
    let pdf = std::fs::read(&out).unwrap();
    assert!(pdf.starts_with(b"%PDF"), "{:?}", &pdf[..pdf.len().min(16)]);
    assert!(pdf.len() > 5_000, "{} bytes", pdf.len());
}

#[test]
fn report_pdf_without_chromium_names_the_missing_program() {
    let s = story();
    let empty = s.dir.join("empty-path");
    std::fs::create_dir_all(&empty).unwrap();
    let out = s.dir.join("x.pdf");
    let mut c = rasd_cmd(
        &s.db,
        &[
            "report",
            "--from",
            "2019-03-01",
            "--to",
            "2019-03-31",
            "--format",
            "pdf",
            "--output",
            out.to_str().unwrap(),
        ],
    );
    c.env("PATH", &empty);
    let o = run(c);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(o.stderr.contains("`chromium`"), "{}", o.stderr);
    assert!(!out.exists());
}

#[test]
fn backtest_scores_known_episodes_with_lead_weeks_and_false_alarms() {
    let s = story();
    let episodes = s.dir.join("episodes.csv");
    std::fs::write(
        &episodes,
        "# invented episodes for the story\n\
         area,peak_week\n\
         Bankass,2019-03-23\n\
         Mali / Mopti / Douentza,2019-W20\n",
    )
    .unwrap();
    let v = json(
        &s.db,
        &[
            "backtest",
            "--episodes",
            episodes.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    let r = &v["report"];
    assert_eq!(r["detected"], 1);
    assert_eq!(r["missed"], 1);
    let eps = r["episodes"].as_array().unwrap();
    assert_eq!(eps[0]["episode"]["area"], "Mali / Mopti / Bankass");
    assert_eq!(eps[0]["lead_weeks"], 0, "flagged in the peak week itself");
    assert!(eps[1]["first_flag"].is_null());
    assert_eq!(r["false_alarms"], 0);
    assert!(r["area_years"].as_f64().unwrap() > 1.0);

    let t = ok(
        &s.db,
        &["backtest", "--episodes", episodes.to_str().unwrap()],
    );
    assert!(t.contains("detected 1 of 2 episodes"), "{t}");
    assert!(t.contains("per area-year"), "{t}");

    // An area the store does not know is skipped and named; exit 3.
    std::fs::write(&episodes, "Bankass,2019-W12\nAtlantis,2019-01-01\n").unwrap();
    let o = rasd(
        &s.db,
        &["backtest", "--episodes", episodes.to_str().unwrap()],
    );
    assert_eq!(o.code, 3, "{}", o.stderr);
    assert!(
        o.stderr.contains(":2: no admin2 area `Atlantis`"),
        "{}",
        o.stderr
    );
    assert!(o.stdout.contains("detected 1 of 1"), "{}", o.stdout);
}

#[test]
fn bench_analytics_times_a_small_run_and_finds_its_spikes() {
    let dir = tempfile::tempdir().unwrap();
    let out = ok(
        &dir.path().join("unused.db"),
        &["bench", "analytics", "--events", "20000"],
    );
    let line = |key: &str| {
        out.lines()
            .find(|l| l.starts_with(key))
            .unwrap_or_else(|| panic!("no `{key}` line: {out}"))
    };
    assert!(line("analytics benchmark:").contains("1000 districts x 520 weeks"));
    assert!(line("admin2 flags").ends_with("with new spread)"));
    let spikes = line("injected spikes");
    let found: Vec<u32> = spikes
        .split_whitespace()
        .nth(2)
        .unwrap()
        .split('/')
        .map(|n| n.parse().unwrap())
        .collect();
    assert!(found[0] * 10 >= found[1] * 9 && found[1] == 50, "{spikes}");
    assert!(line("report").contains("ms to build"));
}

#[test]
fn bench_serve_prints_p50_and_p95_per_scenario_and_request() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("serve.db");
    let out = ok(
        &dir.path().join("unused.db"),
        &[
            "bench",
            "serve",
            "--events",
            "2000",
            "--repeat",
            "2",
            "--path",
            db.to_str().unwrap(),
        ],
    );
    assert!(out.contains("events           2000"), "{out}");
    assert!(db.exists(), "--path keeps the database");
    for name in [
        "first view",
        "filter change",
        "analysis panel",
        "/api/v1/events?limit=50",
        "/api/v1/analytics/series?interval=week",
        "/api/v1/analytics/capabilities?period=quarter",
    ] {
        let line = out
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("no `{name}` line: {out}"));
        // name, runs, p50, p95, max, bytes
        let cols: Vec<&str> = line[name.len()..].split_whitespace().collect();
        assert_eq!(cols.len(), 5, "{line}");
        let p50: f64 = cols[1].parse().unwrap();
        let p95: f64 = cols[2].parse().unwrap();
        let bytes: u64 = cols[4].parse().unwrap();
        assert!(p50 <= p95 && bytes > 0, "{line}");
    }
}

#[test]
fn bad_arguments_exit_2() {
    let s = story();
    let episodes = s.dir.join("bad.csv");
    std::fs::write(&episodes, "Bankass,next spring\n").unwrap();
    for args in [
        &["series", "--interval", "fortnight"][..],
        &["series", "--format", "xml"],
        &["series", "--from", "2019-13-01"],
        &["series", "--from", "2019-05-01", "--to", "2019-01-01"],
        &["series", "--limit", "10"],
        &["warn", "--level", "village"],
        &["warn", "--threshold", "0"],
        &["warn", "--threshold", "abc"],
        &["warn", "--spread-months", "0"],
        &["control", "--month", "2019-13"],
        &["control", "--month", "2019-01", "--from", "2019-01-01"],
        &["capabilities", "--period", "year"],
        &["report", "--from", "2019-03-01"],
        &["report", "--from", "2019-03-31", "--to", "2019-03-01"],
        &[
            "report",
            "--from",
            "2019-03-01",
            "--to",
            "2019-03-31",
            "--lang",
            "de",
        ],
        &[
            "report",
            "--from",
            "2019-03-01",
            "--to",
            "2019-03-31",
            "--format",
            "pdf",
        ],
        &[
            "report",
            "--from",
            "2019-03-01",
            "--to",
            "2019-03-31",
            "--format",
            "docx",
        ],
        &["backtest"],
        &["backtest", "--episodes", "x.csv", "--level", "actor"],
        &["bench", "analytics", "--events", "many"],
    ] {
        let o = rasd(&s.db, args);
        assert_eq!(o.code, 2, "rasd {args:?}: {}{}", o.stdout, o.stderr);
        assert!(!o.stderr.is_empty(), "rasd {args:?} says why");
    }
    // A malformed episodes file is an error naming file and line (exit 1: a bad input file).
    let o = rasd(
        &s.db,
        &["backtest", "--episodes", episodes.to_str().unwrap()],
    );
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains("bad.csv:1: peak week `next spring`"),
        "{}",
        o.stderr
    );
}
