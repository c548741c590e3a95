//! End-to-end tests of `rasd geocode` and `rasd gazetteer build` on the real binary.
//!
//! Index:
//! - `geocode_*`: place names in English and Arabic text (JSON output), `--point` lookups and
//!   bad `--point` input (exit 2).
//! - `gazetteer_build_*`: a build from the rasd-geo fixtures into a temp dir (never data/geo),
//!   the 20-row cap on listed skipped rows, and unusable source directories.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn rasd(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_rasd"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn geocode_json(text: &str) -> Vec<serde_json::Value> {
    let (code, out, err) = rasd(&["geocode", text, "--json"]);
    assert_eq!(code, 0, "stderr: {err}");
    serde_json::from_str::<serde_json::Value>(&out)
        .expect("--json prints JSON")
        .as_array()
        .expect("a JSON array")
        .clone()
}

#[test]
fn geocode_english_near_djibo_is_precision_2_in_burkina() {
    let text = "Gunmen attacked a village near Djibo";
    let m = geocode_json(text);
    let djibo = m
        .iter()
        .find(|v| v["location"] == "Djibo")
        .unwrap_or_else(|| panic!("Djibo not listed: {m:?}"));
    assert_eq!(djibo["country"], "Burkina Faso");
    assert_eq!(djibo["geo_precision"], 2);
    assert_eq!(djibo["text"], "Djibo");
    let (s, e) = (
        djibo["start"].as_u64().unwrap() as usize,
        djibo["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "Djibo");
    assert!(djibo["latitude"].as_f64().unwrap() > 13.0);
    assert!(djibo["longitude"].as_f64().unwrap() < 0.0);
    assert!(!djibo["why"].as_str().unwrap().is_empty());

    // The text form names lat and lon and the precision explicitly.
    let (code, out, err) = rasd(&["geocode", text]);
    assert_eq!(code, 0, "stderr: {err}");
    assert!(
        out.contains("Djibo") && out.contains("Burkina Faso"),
        "{out}"
    );
    assert!(
        out.contains("lat 14.") && out.contains(", lon -1."),
        "{out}"
    );
    assert!(
        out.contains("geo_precision 2") && out.contains("why:"),
        "{out}"
    );
}

#[test]
fn geocode_arabic_near_mopti_is_in_mali() {
    let text = "هجوم على قرية قرب موبتي";
    let m = geocode_json(text);
    let mopti = m
        .iter()
        .find(|v| v["location"] == "Mopti")
        .unwrap_or_else(|| panic!("Mopti not listed: {m:?}"));
    assert_eq!(mopti["country"], "Mali");
    // The words as written, mapped back to the original text.
    assert_eq!(mopti["text"], "موبتي");
    let (s, e) = (
        mopti["start"].as_u64().unwrap() as usize,
        mopti["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "موبتي");
}

#[test]
fn geocode_country_hints_are_accepted() {
    let (code, out, err) = rasd(&[
        "geocode",
        "Attack near Djibo",
        "--country",
        "Burkina Faso",
        "--country",
        "Mali",
    ]);
    assert_eq!(code, 0, "stderr: {err}");
    assert!(out.contains("Burkina Faso"), "{out}");
}

#[test]
fn geocode_point_in_bamako_is_mali() {
    let (code, out, err) = rasd(&["geocode", "--point", "12.64,-8.0"]);
    assert_eq!(code, 0, "stderr: {err}");
    assert!(out.contains("Mali") && out.contains("Bamako"), "{out}");
    let (code, out, err) = rasd(&["geocode", "--point", "12.64,-8.0", "--json"]);
    assert_eq!(code, 0, "stderr: {err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["country"], "Mali");
    assert_eq!(v["admin1"], "Bamako");
}

#[test]
fn geocode_bad_point_exits_2_naming_the_parameter() {
    for bad in ["abc", "12.64", "12.64,abc", "95,0", "12,-200"] {
        let (code, out, err) = rasd(&["geocode", "--point", bad]);
        assert_eq!(code, 2, "--point {bad}: stdout {out} stderr {err}");
        assert!(err.contains("--point"), "--point {bad}: {err}");
    }
}

/// A fresh temp dir unique to this test and process.
fn tmp_dir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("rasd-cli-geo-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The rasd-geo build fixtures laid out like ../shared/geo under `root/src` (the WOF places
/// file gzipped as the real one is, with `extra_places` appended), and `root/out` holding the
/// fixture aliases.tsv.
fn fixture_src(root: &Path, extra_places: &str) -> (PathBuf, PathBuf) {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../geo/tests/data");
    let (src, out) = (root.join("src"), root.join("out"));
    std::fs::create_dir_all(src.join("wof")).unwrap();
    std::fs::create_dir_all(src.join("geonames")).unwrap();
    std::fs::create_dir_all(&out).unwrap();
    for f in [
        "sahel_wof_country.geojson",
        "sahel_wof_region.geojson",
        "sahel_wof_county.geojson",
    ] {
        std::fs::copy(data.join("src/wof").join(f), src.join("wof").join(f)).unwrap();
    }
    let mut tsv = std::fs::read_to_string(data.join("src/wof/sahel_wof_places.tsv")).unwrap();
    tsv.push_str(extra_places);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(tsv.as_bytes()).unwrap();
    std::fs::write(
        src.join("wof/sahel_wof_places.tsv.gz"),
        gz.finish().unwrap(),
    )
    .unwrap();
    std::fs::copy(
        data.join("src/geonames/cities500_sahel.tsv"),
        src.join("geonames/cities500_sahel.tsv"),
    )
    .unwrap();
    std::fs::copy(data.join("aliases.tsv"), out.join("aliases.tsv")).unwrap();
    (src, out)
}

/// The skipped rows listed under the `skipped rows: N` header (the last section).
fn skipped_lines(out: &str) -> Vec<&str> {
    out.lines()
        .skip_while(|l| !l.starts_with("skipped rows: "))
        .skip(1)
        .filter(|l| l.starts_with("  ") && !l.starts_with("  ... and "))
        .collect()
}

#[test]
fn gazetteer_build_fixture_into_temp_dir_reports_skipped_rows() {
    let root = tmp_dir("build");
    let (src, out) = fixture_src(&root, "");
    let (code, stdout, err) = rasd(&[
        "gazetteer",
        "build",
        "--source",
        src.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "stdout: {stdout}\nstderr: {err}");
    assert!(out.join("admin.json.gz").is_file());
    assert!(out.join("places.tsv.gz").is_file());
    assert!(stdout.contains("places.total: "), "{stdout}");
    assert!(
        stdout.contains("places.tsv.gz ("),
        "outputs listed: {stdout}"
    );
    // file:line and reason: the Maltese town filed under ML, the bad latitude, the short row.
    assert!(
        stdout.contains("sahel_wof_places.tsv.gz:2: point lies"),
        "{stdout}"
    );
    assert!(
        stdout.contains("sahel_wof_places.tsv.gz:4: column lat"),
        "{stdout}"
    );
    assert!(stdout.contains("sahel_wof_places.tsv.gz:5: "), "{stdout}");
    assert!(stdout.contains("aliases.tsv:"), "alias rows too: {stdout}");
    let total: usize = stdout
        .lines()
        .find_map(|l| l.strip_prefix("skipped rows: "))
        .expect("a total of skipped rows")
        .trim()
        .parse()
        .unwrap();
    assert_eq!(total, skipped_lines(&stdout).len(), "{stdout}");
    assert!(!stdout.contains("more"), "{stdout}");
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn gazetteer_build_lists_at_most_20_skipped_rows() {
    let root = tmp_dir("many");
    let extra: String = (0..25)
        .map(|i| format!("9100000{i:02}\tlocality\n"))
        .collect();
    let (src, out) = fixture_src(&root, &extra);
    let (code, stdout, err) = rasd(&[
        "gazetteer",
        "build",
        "--source",
        src.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "stdout: {stdout}\nstderr: {err}");
    let total: usize = stdout
        .lines()
        .find_map(|l| l.strip_prefix("skipped rows: "))
        .expect("a total of skipped rows")
        .trim()
        .parse()
        .unwrap();
    assert!(total > 25, "{stdout}");
    assert_eq!(skipped_lines(&stdout).len(), 20, "{stdout}");
    assert!(
        stdout.contains(&format!("... and {} more", total - 20)),
        "{stdout}"
    );
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn gazetteer_build_missing_source_dir_fails_naming_it() {
    let root = tmp_dir("missing");
    let missing = root.join("no-such-geo-dir");
    let out = root.join("out");
    let (code, _, err) = rasd(&[
        "gazetteer",
        "build",
        "--source",
        missing.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_ne!(code, 0);
    assert!(err.contains(missing.to_str().unwrap()), "{err}");
    assert!(!out.join("places.tsv.gz").exists());
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn gazetteer_build_source_without_files_fails_naming_the_file() {
    let root = tmp_dir("empty");
    let src = root.join("src");
    std::fs::create_dir_all(&src).unwrap();
    let out = root.join("out");
    let (code, _, err) = rasd(&[
        "gazetteer",
        "build",
        "--source",
        src.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("sahel_wof_country.geojson"), "{err}");
    assert!(err.contains(src.to_str().unwrap()), "{err}");
    let _ = std::fs::remove_dir_all(&root);
}
