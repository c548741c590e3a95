//! `rasd backtest`: the early warning scored against known escalation episodes.
//!
//! The episodes file is `area,peak_week` lines (a header and `#` comments allowed), the area
//! written as flags spell it or by its most specific parts (`Bankass`, `Mopti / Bankass`), the
//! peak as any day of its week or an ISO week. The flags come from one pass of
//! [`rasd_analytics::EventTable::early_warning`] over every stored event: each week's flag uses
//! only earlier weeks, so the pass is the week-by-week run without look-ahead, and
//! [`rasd_analytics::backtest`] scores it (lead weeks, detected or missed, false alarms per
//! monitored area-year).

use crate::analytics_cmd::{
    history_filter, scope_name, scope_of, stdout, usage, warning_config, width, AreaLevel, Format,
    WarnLevel,
};
use crate::rows::load;
use crate::store_cmd::{cell, FilterArgs};
use anyhow::{Context, Result};
use chrono::NaiveDate;
use rasd_analytics::{
    backtest, fold_name, iso_week_label, BacktestConfig, BacktestReport, Episode, EventTable,
};
use serde_json::json;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Parameters of `rasd backtest` besides the filters.
pub struct BacktestArgs<'a> {
    pub episodes: &'a Path,
    pub level: AreaLevel,
    pub threshold: f64,
    pub max_lead_weeks: u32,
    pub format: Format,
}

/// One line of the episodes file: the area as written and the peak week's Monday.
#[derive(Debug, Clone, PartialEq)]
pub struct EpisodeLine {
    pub line: u64,
    pub area: String,
    pub peak: NaiveDate,
}

/// `2019-03-23` (any day of the peak week) or the ISO week `2019-W12` (its Monday).
pub fn parse_peak(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    let (y, w) = s.split_once(['-', ' '])?;
    let w = w.trim_start_matches(['W', 'w']);
    NaiveDate::from_isoywd_opt(y.parse().ok()?, w.parse().ok()?, chrono::Weekday::Mon)
}

/// Read `area,peak_week` lines (a header line and `#` comments allowed).
pub fn read_episodes(path: &Path) -> Result<Vec<EpisodeLine>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the episodes file {}", path.display()))?;
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.with_context(|| format!("{}: not CSV", path.display()))?;
        let line = rec.position().map_or(0, |p| p.line());
        let area = rec.get(0).unwrap_or_default();
        let peak = rec.get(1).unwrap_or_default();
        if area.is_empty() && peak.is_empty() {
            continue;
        }
        if out.is_empty() && area.eq_ignore_ascii_case("area") {
            continue; // the header
        }
        let Some(peak) = parse_peak(peak) else {
            anyhow::bail!(
                "{}:{line}: peak week `{peak}` is neither YYYY-MM-DD nor YYYY-Www",
                path.display()
            );
        };
        if area.is_empty() {
            anyhow::bail!("{}:{line}: no area", path.display());
        }
        out.push(EpisodeLine {
            line,
            area: area.to_string(),
            peak,
        });
    }
    Ok(out)
}

/// The area labels (as flags spell them) that a written area names: `Bankass`,
/// `Mopti / Bankass` or `Mali / Mopti / Bankass`, compared case- and accent-insensitively from
/// the most specific part.
fn resolve_area<'a>(written: &str, labels: &'a [String]) -> Vec<&'a str> {
    let want: Vec<String> = written.split('/').map(fold_name).collect();
    labels
        .iter()
        .filter(|l| {
            let have: Vec<String> = l.split(" / ").map(fold_name).collect();
            have.len() >= want.len() && have[have.len() - want.len()..] == want[..]
        })
        .map(String::as_str)
        .collect()
}

pub fn run(db: &Path, args: &FilterArgs, b: &BacktestArgs<'_>) -> Result<ExitCode> {
    let filter = match history_filter("backtest", args) {
        Ok(f) => f,
        Err(code) => return Ok(code),
    };
    let lines = read_episodes(b.episodes)?;
    if lines.is_empty() {
        return Ok(usage(
            "backtest",
            &format!("{} lists no episodes", b.episodes.display()),
        ));
    }
    let loaded = load(db, &filter)?;
    let table = EventTable::new(&loaded.rows);
    let level = match b.level {
        AreaLevel::Admin1 => WarnLevel::Admin1,
        AreaLevel::Admin2 => WarnLevel::Admin2,
    };
    let labels: Vec<String> = match b.level {
        AreaLevel::Admin1 => table.admin1_areas().iter().map(|a| a.label()).collect(),
        AreaLevel::Admin2 => table.admin2_areas().iter().map(|a| a.label()).collect(),
    };
    let mut episodes = Vec::new();
    let mut skipped = 0;
    for e in &lines {
        match resolve_area(&e.area, &labels)[..] {
            [one] => episodes.push(Episode {
                area: one.to_string(),
                peak: e.peak,
            }),
            [] => {
                skipped += 1;
                eprintln!(
                    "{}:{}: no {} area `{}` among the stored events: episode skipped",
                    b.episodes.display(),
                    e.line,
                    scope_name(scope_of(level)),
                    e.area
                );
            }
            ref many => {
                skipped += 1;
                eprintln!(
                    "{}:{}: `{}` names {} areas ({}): write it as Country / Admin1{}; episode skipped",
                    b.episodes.display(),
                    e.line,
                    e.area,
                    many.len(),
                    many.join("; "),
                    if b.level == AreaLevel::Admin2 {
                        " / Admin2"
                    } else {
                        ""
                    }
                );
            }
        }
    }
    // One pass over all weeks is the week-by-week run: each week's flag uses earlier weeks
    // only (the library's no-look-ahead rule), so later events never change it.
    let cfg = warning_config(Some(level), b.threshold, args);
    let warnings = table.early_warning(&cfg);
    let bcfg = BacktestConfig {
        max_lead_weeks: b.max_lead_weeks,
        scope: scope_of(level),
        ..Default::default()
    };
    let report = backtest(&warnings, &episodes, &bcfg);
    match b.format {
        Format::Json => {
            let v = json!({
                "level": scope_name(scope_of(level)),
                "threshold": b.threshold,
                "max_lead_weeks": b.max_lead_weeks,
                "after_weeks": bcfg.after_weeks,
                "skipped_episodes": skipped,
                "report": report,
            });
            let mut out = stdout();
            serde_json::to_writer_pretty(&mut out, &v)?;
            writeln!(out)?;
        }
        Format::Table => write_backtest(&report, b, &bcfg)?,
    }
    Ok(if skipped > 0 {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    })
}

fn write_backtest(r: &BacktestReport, b: &BacktestArgs<'_>, cfg: &BacktestConfig) -> Result<()> {
    let mut out = stdout();
    writeln!(
        out,
        "back-test of the early warning ({} flags, threshold {}; a flag from {} weeks before to {} week after a peak warns of it)",
        scope_name(cfg.scope),
        b.threshold,
        cfg.max_lead_weeks,
        cfg.after_weeks
    )?;
    let aw = width(r.episodes.iter().map(|e| e.episode.area.as_str()), 4, 48);
    writeln!(
        out,
        "{} {:<10} {:<9} {:<10} {:>10} {:>8}",
        cell("area", aw),
        "peak week",
        "result",
        "first flag",
        "lead weeks",
        "flagged"
    )?;
    for e in &r.episodes {
        writeln!(
            out,
            "{} {:<10} {:<9} {:<10} {:>10} {:>8}",
            cell(&e.episode.area, aw),
            iso_week_label(e.episode.peak),
            if e.first_flag.is_some() {
                "detected"
            } else {
                "missed"
            },
            e.first_flag.map_or("-".into(), iso_week_label),
            e.lead_weeks.map_or("-".into(), |l| l.to_string()),
            e.flagged_weeks
        )?;
    }
    writeln!(
        out,
        "\ndetected {} of {} episodes; median lead {} weeks",
        r.detected,
        r.detected + r.missed,
        r.median_lead_weeks
            .map_or("-".into(), |m| format!("{m:.1}"))
    )?;
    writeln!(
        out,
        "false alarms (runs of flagged weeks outside every episode window): {} over {:.1} monitored area-years = {:.3} per area-year",
        r.false_alarms, r.area_years, r.false_alarms_per_area_year
    )?;
    writeln!(
        out,
        "  in the episodes' own areas: {:.3} per area-year over {:.1} area-years",
        r.episode_area_false_alarms_per_year, r.episode_area_years
    )?;
    writeln!(
        out,
        "  (every flag outside the listed episodes counts as false: list more episodes for a fairer rate)"
    )?;
    if !r.by_area.is_empty() {
        writeln!(out, "areas with the most false alarms:")?;
        for a in r.by_area.iter().take(10) {
            writeln!(
                out,
                "  {} {:>3} over {:.1} years",
                cell(&a.area, aw.max(30)),
                a.false_alarms,
                a.years
            )?;
        }
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peak_weeks_parse_as_dates_or_iso_weeks() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(parse_peak("2019-03-23"), Some(d("2019-03-23")));
        assert_eq!(parse_peak("2019-W12"), Some(d("2019-03-18")));
        assert_eq!(parse_peak("2020-W01"), Some(d("2019-12-30")));
        assert_eq!(parse_peak("2019-W54"), None);
        assert_eq!(parse_peak("March 2019"), None);
    }

    #[test]
    fn areas_resolve_from_the_most_specific_part() {
        let labels: Vec<String> = [
            "Mali / Mopti / Bankass",
            "Mali / Mopti / Douentza",
            "Niger / Tillabéri / Ayorou",
            "Niger / Tahoua / Bankass",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            resolve_area("Douentza", &labels),
            ["Mali / Mopti / Douentza"]
        );
        assert_eq!(
            resolve_area("tillaberi/AYOROU", &labels),
            ["Niger / Tillabéri / Ayorou"]
        );
        assert_eq!(resolve_area("Bankass", &labels).len(), 2);
        assert_eq!(
            resolve_area("Mopti / Bankass", &labels),
            ["Mali / Mopti / Bankass"]
        );
        assert!(resolve_area("Gao", &labels).is_empty());
    }
}
