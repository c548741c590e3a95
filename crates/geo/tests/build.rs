//! Build tests on small fixture sources (tests/data/src, laid out like ../shared/geo).
//!
//! Index: `fixture_build_reports_bad_rows_and_repairs` (file:line reports, misfiled point
//! dropped, localadmin as town, alias places added), `build_is_reproducible`.

use rasd_geo::{build, Gazetteer, GeoHints, SkipReason};
use std::io::Write;
use std::path::{Path, PathBuf};

fn tmp_dir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("rasd-geo-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Copy the fixture sources into a temp dir, gzipping the WOF places file as the real one is.
fn fixture_src(tag: &str) -> (PathBuf, PathBuf) {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let root = tmp_dir(tag);
    let src = root.join("src");
    let out = root.join("out");
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
    let tsv = std::fs::read(data.join("src/wof/sahel_wof_places.tsv")).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&tsv).unwrap();
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
    std::fs::copy(
        data.join("admin_aliases.tsv"),
        out.join("admin_aliases.tsv"),
    )
    .unwrap();
    (src, out)
}

fn load(out: &Path) -> Gazetteer {
    Gazetteer::from_bytes(
        &std::fs::read(out.join("admin.json.gz")).unwrap(),
        &std::fs::read(out.join("places.tsv.gz")).unwrap(),
    )
    .unwrap()
}

#[test]
fn fixture_build_reports_bad_rows_and_repairs() {
    let (src, out) = fixture_src("report");
    let report = build(&src, &out).unwrap();
    let find = |file: &str, line: usize| {
        report
            .skipped
            .iter()
            .find(|s| s.path.ends_with(file) && s.line == line)
            .map(|s| s.reason.clone())
            .unwrap_or_else(|| panic!("no skip reported for {file}:{line}\n{report}"))
    };
    // WOF: line 2 is a Maltese town filed under ML, line 4 has a bad latitude, line 5 is short.
    assert!(
        matches!(find("sahel_wof_places.tsv.gz", 2), SkipReason::OutsideCountry { ref cc, km } if cc == "ML" && km > 1000.0)
    );
    assert!(matches!(
        find("sahel_wof_places.tsv.gz", 4),
        SkipReason::BadNumber { column: "lat", .. }
    ));
    assert!(matches!(
        find("sahel_wof_places.tsv.gz", 5),
        SkipReason::ColumnCount {
            found: 6,
            expected: 17
        }
    ));
    // GeoNames: line 4 is short, line 5 lies in Paris.
    assert!(matches!(
        find("cities500_sahel.tsv", 4),
        SkipReason::ColumnCount { .. }
    ));
    assert!(matches!(
        find("cities500_sahel.tsv", 5),
        SkipReason::OutsideCountry { .. }
    ));
    // Aliases: line 6 bad latitude, line 7 in the Atlantic.
    assert!(matches!(
        find("aliases.tsv", 6),
        SkipReason::BadNumber { .. }
    ));
    assert!(matches!(
        find("aliases.tsv", 7),
        SkipReason::OutsideCountry { .. }
    ));
    // Admin aliases: line 4 names no unit, line 5 has no numeric level.
    assert!(matches!(
        find("admin_aliases.tsv", 4),
        SkipReason::BadAlias { .. }
    ));
    assert!(matches!(
        find("admin_aliases.tsv", 5),
        SkipReason::BadNumber {
            column: "level",
            ..
        }
    ));
    assert_eq!(report.counts["admin_aliases.names"], 3);
    // Region without geometry (feature 5) and a country not covered (feature 3).
    assert!(matches!(
        find("sahel_wof_region.geojson", 5),
        SkipReason::NoGeometry
    ));
    assert!(matches!(
        find("sahel_wof_country.geojson", 3),
        SkipReason::UnknownCountry { .. }
    ));
    // Display carries file:line.
    let shown = report
        .skipped
        .iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        shown.contains("sahel_wof_places.tsv.gz:4: column lat"),
        "{shown}"
    );
    assert_eq!(report.counts["wof.localadmin_as_town"], 1);
    assert_eq!(report.counts["aliases.added"], 2);
    assert_eq!(report.counts["aliases.merged"], 2);
    assert_eq!(report.counts["aliases.fixed"], 1);

    let g = load(&out);
    let parse = |s: &str| g.geoparse(&rasd_text::normalize(s), &GeoHints::default());
    // The misfiled Maltese town is gone.
    assert!(parse("Fighting in San Giljan.").is_empty());
    // Kidal (WOF localadmin) is a town, with its admin units from the polygons.
    let m = parse("Attaque à Kidal.");
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!((m[0].location.as_str(), m[0].geo_precision), ("Kidal", 1));
    assert_eq!(m[0].admin1.as_deref(), Some("Kidal"));
    assert_eq!(m[0].admin2.as_deref(), Some("Kidal"));
    // Missing places added from the alias file, in the right admin units.
    let m = parse("Des soldats ont été tués à Boulkessi.");
    assert_eq!(m[0].location, "Boulkessi");
    assert_eq!(
        (m[0].admin1.as_deref(), m[0].admin2.as_deref()),
        (Some("Mopti"), Some("Douentza"))
    );
    let m = parse("Massacre in Moura.");
    assert_eq!(
        (m[0].location.as_str(), m[0].country.as_str()),
        ("Moura", "Mali")
    );
    // A `fix` row moves a misplaced source record (54 km here) instead of adding a namesake.
    let m = parse("Attack in Hombori.");
    assert_eq!(m.len(), 1, "{m:?}");
    assert!((m[0].longitude - -1.20037).abs() < 1e-4, "{m:?}");
    // GeoNames alternate names merged by id (Arabic for Douentza), and added places (Boni).
    assert_eq!(parse("هجوم في دوينتزا")[0].location, "Douentza");
    assert_eq!(parse("Attack in Boni")[0].location, "Boni");
    // Admin alias names find their unit (the region, and the cercle at level 2).
    let m = parse("هجوم في ماسينا الكبرى");
    assert_eq!(
        (m[0].location.as_str(), m[0].geo_precision),
        ("Mopti", 3),
        "{m:?}"
    );
    assert_eq!(parse("هجوم في دوانزا الكبرى")[0].location, "Douentza");
    // ACLED admin spelling: WOF's "Timbuktu" region is "Tombouctou".
    assert_eq!(
        g.admin_for_point(20.0, -5.0).unwrap().admin1.as_deref(),
        Some("Tombouctou")
    );
    assert!(g.admin_for_point(45.0, 10.0).is_none());
}

#[test]
fn build_is_reproducible() {
    let (src, out1) = fixture_src("repro1");
    build(&src, &out1).unwrap();
    let (_, out2) = fixture_src("repro2");
    build(&src, &out2).unwrap();
    for f in ["admin.json.gz", "places.tsv.gz"] {
        assert_eq!(
            std::fs::read(out1.join(f)).unwrap(),
            std::fs::read(out2.join(f)).unwrap(),
            "{f}"
        );
    }
}

#[test]
fn missing_source_is_an_error_with_its_path() {
    let out = tmp_dir("missing");
    let err = build(Path::new("/nonexistent/geo"), &out).unwrap_err();
    assert!(
        err.to_string().contains("sahel_wof_country.geojson"),
        "{err}"
    );
}
