//! Situation reports: the numbers of a period against the previous period of equal length, the
//! flags, the control indicator, notable events; rendered to Markdown or HTML in English,
//! French or Arabic.
//!
//! [`SitRep::build`] does the analysis once; [`SitRep::to_markdown`] and [`SitRep::to_html`]
//! only lay it out, so one build serves three languages. Every number is computed from the
//! events in scope up to the period's end: nothing after `to` is read, so a report for a past
//! period is what an analyst could have written at the time.

use crate::capability::{Capability, CapabilityConfig};
use crate::control::{ControlConfig, ControlLabel};
use crate::error::AnalyticsError;
use crate::i18n::{capability_name, control_label, event_type_name, tr, Lang};
use crate::row::type_index;
use crate::series::Interval;
use crate::svg::{escape, fatalities_line, point_map, weekly_bars, MapPoint, Polyline, Projection};
use crate::table::{iso_week_label, month_index, EventTable, Filter, Side, NONE};
use crate::warning::{Flag, Metric, Spread, WarningConfig};
use crate::EventRow;
use chrono::{Days, NaiveDate};
use foldhash::HashMap;
use rasd_model::EventType;
use serde::{Deserialize, Serialize};
use std::fmt::Write;

/// A number this period and in the previous period of equal length.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delta {
    pub current: u64,
    pub previous: u64,
}

impl Delta {
    /// `current - previous`.
    pub fn change(&self) -> i64 {
        self.current as i64 - self.previous as i64
    }

    /// Relative change in percent; `None` when the previous period had none.
    pub fn percent(&self) -> Option<f64> {
        (self.previous > 0).then(|| self.change() as f64 * 100.0 / self.previous as f64)
    }

    fn render(&self) -> String {
        match self.percent() {
            Some(p) => format!("{} ({:+}, {:+.0}%)", self.current, self.change(), p),
            None if self.current > 0 => format!("{} (+{})", self.current, self.current),
            None => "0".to_string(),
        }
    }
}

/// Events and fatalities of one named thing (country, region, actor).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Named {
    pub name: String,
    pub events: Delta,
    pub fatalities: Delta,
}

/// Events and fatalities of one event type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TypeRow {
    pub event_type: EventType,
    pub events: Delta,
    pub fatalities: Delta,
}

/// One week of the period, for the charts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeekBar {
    pub week_start: NaiveDate,
    /// In [`EventType::ALL`] order.
    pub by_type: [u32; 6],
    pub fatalities: u32,
}

/// Why an event is notable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
pub enum NotableKind {
    HighestFatalities,
    /// The group that appeared in a new district.
    NewSpread(String),
    /// The group and the capability it showed for the first time.
    NewCapability(String, Capability),
}

/// A notable event with what a reader needs to judge it, including how many sources report it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notable {
    pub kind: NotableKind,
    pub event_id: i64,
    pub date: NaiveDate,
    pub event_type: EventType,
    /// Location, else the most specific admin name.
    pub place: String,
    /// `actor1 – actor2`.
    pub actors: String,
    pub fatalities: u32,
    pub sources: u32,
}

/// A district whose control label changed over the period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ControlChange {
    pub area: String,
    pub before: ControlLabel,
    pub after: ControlLabel,
}

/// The control indicator at the period's last month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ControlSummary {
    /// First day of that month.
    pub month: NaiveDate,
    /// Districts per label, most first.
    pub labels: Vec<(ControlLabel, usize)>,
    /// Label changes from the month before the period to its last month.
    pub changes: Vec<ControlChange>,
}

/// Report parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SitRepConfig {
    pub warning: WarningConfig,
    pub control: ControlConfig,
    pub capability: CapabilityConfig,
    /// Rows in the country / region / actor tables.
    pub top: usize,
    /// Flags listed (highest scores).
    pub max_flags: usize,
    /// Notable events listed per kind.
    pub max_notable: usize,
}

impl Default for SitRepConfig {
    fn default() -> Self {
        SitRepConfig {
            warning: WarningConfig::default(),
            control: ControlConfig::default(),
            capability: CapabilityConfig::default(),
            top: 10,
            max_flags: 20,
            max_notable: 5,
        }
    }
}

/// Rendering options: boundary lines for the map and a projection (`None`: fitted
/// equirectangular).
#[derive(Default)]
pub struct RenderOptions<'a> {
    /// Each line is `(longitude, latitude)` pairs.
    pub boundaries: &'a [Polyline],
    pub projection: Option<&'a dyn Projection>,
}

/// The data of a situation report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SitRep {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub previous_from: NaiveDate,
    pub previous_to: NaiveDate,
    /// The scope (its own dates are replaced by the period).
    pub filter: Filter,
    pub events: Delta,
    pub fatalities: Delta,
    /// Distinct named sources behind the events.
    pub sources: Delta,
    /// Events reported by more than one source.
    pub multi_source: Delta,
    pub by_type: Vec<TypeRow>,
    pub by_country: Vec<Named>,
    pub by_admin1: Vec<Named>,
    pub top_actors: Vec<Named>,
    /// Flags raised in the period, highest score first.
    pub flags: Vec<Flag>,
    pub spread: Vec<Spread>,
    pub control: Option<ControlSummary>,
    pub notable: Vec<Notable>,
    pub weekly: Vec<WeekBar>,
    pub points: Vec<MapPoint>,
}

fn top(map: HashMap<String, (Delta, Delta)>, n: usize) -> Vec<Named> {
    let mut v: Vec<Named> = map
        .into_iter()
        .map(|(name, (events, fatalities))| Named {
            name,
            events,
            fatalities,
        })
        .filter(|x| x.events.current > 0 || x.events.previous > 0)
        .collect();
    v.sort_by(|a, b| {
        (b.events.current, b.fatalities.current, &a.name).cmp(&(
            a.events.current,
            a.fatalities.current,
            &b.name,
        ))
    });
    v.truncate(n);
    v
}

impl SitRep {
    /// Build with default parameters. `filter`'s own dates are ignored: the period is
    /// `from..=to` and the comparison period the same number of days just before it.
    pub fn build(
        events: &[EventRow],
        from: NaiveDate,
        to: NaiveDate,
        filter: &Filter,
    ) -> Result<SitRep, AnalyticsError> {
        Self::build_with(events, from, to, filter, &SitRepConfig::default())
    }

    /// Build with explicit parameters.
    pub fn build_with(
        events: &[EventRow],
        from: NaiveDate,
        to: NaiveDate,
        filter: &Filter,
        cfg: &SitRepConfig,
    ) -> Result<SitRep, AnalyticsError> {
        if from > to {
            return Err(AnalyticsError::InvalidPeriod { from, to });
        }
        let days = (to - from).num_days() as u64 + 1;
        let previous_to = from - Days::new(1);
        let previous_from = from - Days::new(days);
        // The scope, up to the period's end (no look-ahead).
        let scope = Filter {
            to: Some(to),
            ..filter.without_dates()
        };
        // Borrow the caller's rows when all of them are in scope, copy the subset otherwise.
        let owned: Vec<EventRow>;
        let rows: &[EventRow] = if events.iter().all(|r| scope.matches_row(r)) {
            events
        } else {
            let all = EventTable::new(events);
            let cf = all.compile(&scope);
            owned = (0..events.len())
                .filter(|&i| cf.matches(&all, i))
                .map(|i| events[i].clone())
                .collect();
            &owned
        };
        let t = EventTable::new(rows);
        let cur = |d: NaiveDate| d >= from && d <= to;
        let prev = |d: NaiveDate| d >= previous_from && d <= previous_to;

        let mut rep = SitRep {
            from,
            to,
            previous_from,
            previous_to,
            filter: filter.without_dates(),
            events: Delta::default(),
            fatalities: Delta::default(),
            sources: Delta::default(),
            multi_source: Delta::default(),
            by_type: EventType::ALL
                .iter()
                .map(|&event_type| TypeRow {
                    event_type,
                    events: Delta::default(),
                    fatalities: Delta::default(),
                })
                .collect(),
            by_country: Vec::new(),
            by_admin1: Vec::new(),
            top_actors: Vec::new(),
            flags: Vec::new(),
            spread: Vec::new(),
            control: None,
            notable: Vec::new(),
            weekly: Vec::new(),
            points: Vec::new(),
        };
        let mut countries: HashMap<String, (Delta, Delta)> = HashMap::default();
        let mut admin1s: HashMap<String, (Delta, Delta)> = HashMap::default();
        let mut actors: HashMap<String, (Delta, Delta)> = HashMap::default();
        let mut src_cur: Vec<&str> = Vec::new();
        let mut src_prev: Vec<&str> = Vec::new();
        let bump = |d: &mut (Delta, Delta), is_cur: bool, f: u32| {
            if is_cur {
                d.0.current += 1;
                d.1.current += f as u64;
            } else {
                d.0.previous += 1;
                d.1.previous += f as u64;
            }
        };
        for (i, r) in rows.iter().enumerate() {
            let is_cur = cur(r.event_date);
            if !is_cur && !prev(r.event_date) {
                continue;
            }
            let f = r.fatalities;
            let mut pair = (rep.events, rep.fatalities);
            bump(&mut pair, is_cur, f);
            (rep.events, rep.fatalities) = pair;
            let tr_ = &mut rep.by_type[type_index(r.event_type)];
            let mut pair = (tr_.events, tr_.fatalities);
            bump(&mut pair, is_cur, f);
            (tr_.events, tr_.fatalities) = pair;
            let multi = r.sources > 1;
            if is_cur {
                rep.multi_source.current += multi as u64;
                src_cur.extend(r.source_names.iter().map(String::as_str));
            } else {
                rep.multi_source.previous += multi as u64;
                src_prev.extend(r.source_names.iter().map(String::as_str));
            }
            if let Some(c) = &r.country {
                bump(countries.entry(c.clone()).or_default(), is_cur, f);
            }
            if t.admin1[i] != NONE {
                let label = t.admin1s[t.admin1[i] as usize].label();
                bump(admin1s.entry(label).or_default(), is_cur, f);
            }
            for (k, fam) in [t.fam1[i], t.fam2[i]].into_iter().enumerate() {
                if fam == NONE || (k == 1 && fam == t.fam1[i]) {
                    continue;
                }
                let family = &t.families[fam as usize];
                if family.side == Side::Unarmed && family.key.starts_with("civilians") {
                    continue;
                }
                bump(actors.entry(family.name.clone()).or_default(), is_cur, f);
            }
        }
        for (v, d) in [(&mut src_cur, true), (&mut src_prev, false)] {
            v.sort_unstable();
            v.dedup();
            if d {
                rep.sources.current = v.len() as u64;
            } else {
                rep.sources.previous = v.len() as u64;
            }
        }
        rep.by_country = top(countries, cfg.top);
        rep.by_admin1 = top(admin1s, cfg.top);
        rep.top_actors = top(actors, cfg.top);

        // Flags and spread over the period, baselines from everything before.
        let wcfg = WarningConfig {
            from: Some(from),
            to: Some(to),
            ..cfg.warning.clone()
        };
        let warnings = t.early_warning(&wcfg);
        let mut flags = warnings.flags;
        flags.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.area.cmp(&b.area)));
        flags.truncate(cfg.max_flags);
        rep.flags = flags;
        rep.spread = warnings.spread;

        // Control at the last month, and changes since the month before the period.
        let cells = t.control_between(&cfg.control, Some(previous_to), Some(to));
        let last = month_index(to);
        let before = month_index(previous_to);
        let mut labels: HashMap<&ControlLabel, usize> = HashMap::default();
        let mut now: HashMap<String, &ControlLabel> = HashMap::default();
        let mut then: HashMap<String, &ControlLabel> = HashMap::default();
        for c in &cells {
            let m = month_index(c.month);
            if m == last {
                *labels.entry(&c.label).or_default() += 1;
                now.insert(c.area.label(), &c.label);
            } else if m == before && before != last {
                then.insert(c.area.label(), &c.label);
            }
        }
        if !now.is_empty() {
            let mut labels: Vec<(ControlLabel, usize)> =
                labels.into_iter().map(|(l, n)| (l.clone(), n)).collect();
            labels.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.to_string().cmp(&b.0.to_string())));
            let mut changes: Vec<ControlChange> = now
                .iter()
                .filter_map(|(area, &after)| {
                    let before = then.get(area).copied().unwrap_or(&ControlLabel::NoSignal);
                    (before != after).then(|| ControlChange {
                        area: area.clone(),
                        before: before.clone(),
                        after: after.clone(),
                    })
                })
                .collect();
            changes.sort_by(|a, b| a.area.cmp(&b.area));
            rep.control = Some(ControlSummary {
                month: crate::table::month_start(last),
                labels,
                changes,
            });
        }

        // Notable events.
        let by_id: HashMap<i64, usize> = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| cur(r.event_date))
            .map(|(i, r)| (r.id, i))
            .collect();
        let notable = |kind: NotableKind, id: i64| -> Option<Notable> {
            let r = &rows[*by_id.get(&id)?];
            let place = r
                .location
                .clone()
                .or_else(|| r.admin2.clone())
                .or_else(|| r.admin1.clone())
                .or_else(|| r.country.clone())
                .unwrap_or_default();
            let actors = match (&r.actor1, &r.actor2) {
                (Some(a), Some(b)) => format!("{a} – {b}"),
                (Some(a), None) => a.clone(),
                (None, Some(b)) => b.clone(),
                (None, None) => String::new(),
            };
            Some(Notable {
                kind,
                event_id: id,
                date: r.event_date,
                event_type: r.event_type,
                place,
                actors,
                fatalities: r.fatalities,
                sources: r.sources,
            })
        };
        let mut deadly: Vec<&EventRow> = rows
            .iter()
            .filter(|r| cur(r.event_date) && r.fatalities > 0)
            .collect();
        deadly.sort_by(|a, b| {
            (b.fatalities, a.event_date, a.id).cmp(&(a.fatalities, b.event_date, b.id))
        });
        for r in deadly.into_iter().take(cfg.max_notable) {
            rep.notable
                .extend(notable(NotableKind::HighestFatalities, r.id));
        }
        for s in rep.spread.iter().take(cfg.max_notable) {
            if let Some(&id) = s.event_ids.first() {
                rep.notable
                    .extend(notable(NotableKind::NewSpread(s.actor.clone()), id));
            }
        }
        let caps = t.capabilities(&cfg.capability);
        for f in caps
            .first_seen
            .iter()
            .filter(|f| cur(f.date))
            .take(cfg.max_notable)
        {
            rep.notable.extend(notable(
                NotableKind::NewCapability(f.actor.clone(), f.capability),
                f.event_id,
            ));
        }

        // Charts and map.
        let period = Filter {
            from: Some(from),
            to: Some(to),
            ..Default::default()
        };
        let weekly = t.series(&period, Interval::Week);
        rep.weekly = weekly
            .buckets
            .iter()
            .map(|b| WeekBar {
                week_start: b.start,
                by_type: b.by_type,
                fatalities: b.fatalities,
            })
            .collect();
        rep.points = rows
            .iter()
            .filter(|r| cur(r.event_date))
            .filter_map(|r| {
                Some(MapPoint {
                    longitude: r.longitude?,
                    latitude: r.latitude?,
                    event_type: r.event_type,
                    fatalities: r.fatalities,
                    event_id: r.id,
                })
            })
            .collect();
        Ok(rep)
    }

    /// Markdown (charts and map are HTML-only).
    pub fn to_markdown(&self, lang: Lang) -> String {
        let mut out = String::new();
        for b in self.blocks(lang) {
            match b {
                Block::H1(s) => {
                    let _ = writeln!(out, "# {s}\n");
                }
                Block::H2(s) => {
                    let _ = writeln!(out, "## {s}\n");
                }
                Block::P(s) => {
                    let _ = writeln!(out, "{s}\n");
                }
                Block::Note(s) => {
                    let _ = writeln!(out, "_{s}_\n");
                }
                Block::Table(head, rows) => {
                    let cell = |s: &str| s.replace('|', "\\|");
                    let _ = writeln!(
                        out,
                        "| {} |",
                        head.iter().map(|h| cell(h)).collect::<Vec<_>>().join(" | ")
                    );
                    let _ = writeln!(out, "|{}", "---|".repeat(head.len()));
                    for r in rows {
                        let _ = writeln!(
                            out,
                            "| {} |",
                            r.iter()
                                .map(|c| cell(&isolate(lang, c)))
                                .collect::<Vec<_>>()
                                .join(" | ")
                        );
                    }
                    out.push('\n');
                }
                Block::Svg(_) => {}
            }
        }
        out
    }

    /// A standalone HTML page (`dir="rtl"` for Arabic) with inline SVG charts and map.
    pub fn to_html(&self, lang: Lang) -> String {
        self.to_html_with(lang, &RenderOptions::default())
    }

    /// HTML with map boundaries and/or a projection.
    pub fn to_html_with(&self, lang: Lang, opts: &RenderOptions<'_>) -> String {
        let dir = if lang.is_rtl() { "rtl" } else { "ltr" };
        let mut out = String::new();
        let _ = write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\nbody{{font-family:system-ui,'Noto Sans','Noto Naskh Arabic',sans-serif;max-width:820px;margin:1em auto;padding:0 1em;color:#222}}\ntable{{border-collapse:collapse;margin:.5em 0}}th,td{{border:1px solid #ccc;padding:2px 8px;text-align:start}}\n.note{{color:#555;font-size:90%}}figure{{margin:1em 0}}\n</style>\n</head>\n<body>\n",
            lang.code(),
            escape(tr(lang, "title"))
        );
        for b in self.blocks(lang) {
            match b {
                Block::H1(s) => {
                    let _ = writeln!(out, "<h1>{}</h1>", escape(&s));
                }
                Block::H2(s) => {
                    let _ = writeln!(out, "<h2>{}</h2>", escape(&s));
                }
                Block::P(s) => {
                    let _ = writeln!(out, "<p>{}</p>", escape(&s));
                }
                Block::Note(s) => {
                    let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(&s));
                }
                Block::Table(head, rows) => {
                    out.push_str("<table>\n<thead><tr>");
                    for h in head {
                        let _ = write!(out, "<th>{}</th>", escape(&h));
                    }
                    out.push_str("</tr></thead>\n<tbody>\n");
                    for r in rows {
                        out.push_str("<tr>");
                        for c in r {
                            let _ = write!(out, "<td>{}</td>", escape(&isolate(lang, &c)));
                        }
                        out.push_str("</tr>\n");
                    }
                    out.push_str("</tbody>\n</table>\n");
                }
                Block::Svg(kind) => {
                    let svg = match kind {
                        SvgKind::Bars => {
                            let labels: Vec<String> = self
                                .weekly
                                .iter()
                                .map(|w| iso_week_label(w.week_start))
                                .collect();
                            let data: Vec<[u32; 6]> =
                                self.weekly.iter().map(|w| w.by_type).collect();
                            weekly_bars(lang, tr(lang, "weekly_chart"), &labels, &data)
                        }
                        SvgKind::Line => {
                            let labels: Vec<String> = self
                                .weekly
                                .iter()
                                .map(|w| iso_week_label(w.week_start))
                                .collect();
                            let data: Vec<u32> = self.weekly.iter().map(|w| w.fatalities).collect();
                            fatalities_line(tr(lang, "fatalities_chart"), &labels, &data)
                        }
                        SvgKind::Map => point_map(
                            lang,
                            tr(lang, "map"),
                            &self.points,
                            opts.boundaries,
                            opts.projection,
                        ),
                    };
                    let _ = writeln!(out, "<figure>{svg}</figure>");
                }
            }
        }
        out.push_str("</body>\n</html>\n");
        out
    }

    fn blocks(&self, lang: Lang) -> Vec<Block> {
        let s = |k: &str| tr(lang, k).to_string();
        let mut b = Vec::new();
        b.push(Block::H1(s("title")));
        let date = |d: NaiveDate| isolate(lang, &d.to_string());
        b.push(Block::P(format!(
            "{}: {} – {} ({}: {} – {})",
            s("period"),
            date(self.from),
            date(self.to),
            s("previous"),
            date(self.previous_from),
            date(self.previous_to)
        )));
        b.push(Block::P(format!(
            "{}: {}",
            s("filter"),
            self.scope_text(lang)
        )));
        b.push(Block::H2(s("headline")));
        b.push(Block::Table(
            vec![String::new(), s("current"), s("before"), s("change")],
            [
                (s("events"), self.events),
                (s("fatalities"), self.fatalities),
                (s("sources"), self.sources),
                (format!("{} > 1", s("sources")), self.multi_source),
            ]
            .into_iter()
            .map(|(name, d)| {
                vec![
                    name,
                    d.current.to_string(),
                    d.previous.to_string(),
                    match d.percent() {
                        Some(p) => format!("{:+} ({:+.0}%)", d.change(), p),
                        None => format!("{:+}", d.change()),
                    },
                ]
            })
            .collect(),
        ));
        b.push(Block::Note(s("sources_note")));
        b.push(Block::Svg(SvgKind::Bars));
        b.push(Block::Svg(SvgKind::Line));
        b.push(Block::H2(s("by_type")));
        b.push(Block::Table(
            vec![String::new(), s("events"), s("fatalities")],
            self.by_type
                .iter()
                .filter(|r| r.events.current + r.events.previous > 0)
                .map(|r| {
                    vec![
                        event_type_name(lang, r.event_type).to_string(),
                        r.events.render(),
                        r.fatalities.render(),
                    ]
                })
                .collect(),
        ));
        for (key, list) in [
            ("by_country", &self.by_country),
            ("by_admin1", &self.by_admin1),
            ("top_actors", &self.top_actors),
        ] {
            b.push(Block::H2(s(key)));
            b.push(Block::Table(
                vec![String::new(), s("events"), s("fatalities")],
                list.iter()
                    .map(|n| vec![n.name.clone(), n.events.render(), n.fatalities.render()])
                    .collect(),
            ));
        }
        b.push(Block::H2(s("flags")));
        b.push(Block::Note(s("flags_note")));
        if self.flags.is_empty() {
            b.push(Block::P(s("none")));
        } else {
            b.push(Block::Table(
                vec![
                    s("area"),
                    s("week"),
                    String::new(),
                    s("observed"),
                    s("expected"),
                    s("score"),
                ],
                self.flags
                    .iter()
                    .map(|f| {
                        vec![
                            f.area.clone(),
                            f.week.clone(),
                            match f.metric {
                                Metric::Events => s("metric_events"),
                                Metric::Fatalities => s("metric_fatalities"),
                                Metric::BuildUp => s("metric_build_up"),
                            },
                            f.observed.to_string(),
                            format!("{:.1}", f.expected),
                            format!("{:.1}", f.score),
                        ]
                    })
                    .collect(),
            ));
        }
        b.push(Block::H2(s("spread")));
        b.push(Block::Note(s("spread_note")));
        if self.spread.is_empty() {
            b.push(Block::P(s("none")));
        } else {
            b.push(Block::Table(
                vec![s("date"), s("actors"), s("area"), s("events")],
                self.spread
                    .iter()
                    .map(|x| {
                        vec![
                            x.date.to_string(),
                            x.actor.clone(),
                            x.area.label(),
                            x.event_ids.len().to_string(),
                        ]
                    })
                    .collect(),
            ));
        }
        b.push(Block::H2(s("control")));
        b.push(Block::Note(s("control_note")));
        match &self.control {
            None => b.push(Block::P(s("none"))),
            Some(c) => {
                b.push(Block::P(format!(
                    "{}: {}",
                    s("month"),
                    c.month.format("%Y-%m")
                )));
                b.push(Block::Table(
                    vec![s("label"), s("areas")],
                    c.labels
                        .iter()
                        .map(|(l, n)| vec![control_label(lang, l), n.to_string()])
                        .collect(),
                ));
                if !c.changes.is_empty() {
                    b.push(Block::Table(
                        vec![s("area"), s("before"), s("current")],
                        c.changes
                            .iter()
                            .map(|x| {
                                vec![
                                    x.area.clone(),
                                    control_label(lang, &x.before),
                                    control_label(lang, &x.after),
                                ]
                            })
                            .collect(),
                    ));
                }
            }
        }
        b.push(Block::H2(s("notable")));
        if self.notable.is_empty() {
            b.push(Block::P(s("none")));
        } else {
            b.push(Block::Table(
                vec![
                    s("what"),
                    s("date"),
                    s("place"),
                    s("actors"),
                    s("fatalities"),
                    s("sources"),
                ],
                self.notable
                    .iter()
                    .map(|n| {
                        let what = match &n.kind {
                            NotableKind::HighestFatalities => s("highest_fatalities"),
                            NotableKind::NewSpread(a) => format!("{}: {a}", s("spread")),
                            NotableKind::NewCapability(a, c) => format!(
                                "{}: {a} – {}",
                                s("new_capability"),
                                capability_name(lang, *c)
                            ),
                        };
                        vec![
                            format!("{what} ({})", event_type_name(lang, n.event_type)),
                            n.date.to_string(),
                            n.place.clone(),
                            n.actors.clone(),
                            n.fatalities.to_string(),
                            n.sources.to_string(),
                        ]
                    })
                    .collect(),
            ));
        }
        b.push(Block::H2(s("map")));
        b.push(Block::Svg(SvgKind::Map));
        b
    }

    fn scope_text(&self, lang: Lang) -> String {
        let f = &self.filter;
        let mut parts: Vec<String> = [&f.country, &f.admin1, &f.admin2, &f.actor]
            .into_iter()
            .flatten()
            .cloned()
            .collect();
        if let Some(t) = f.event_type {
            parts.push(event_type_name(lang, t).to_string());
        }
        if let Some(st) = f.sub_event_type {
            parts.push(st.as_acled().to_string());
        }
        if parts.is_empty() {
            tr(lang, "all").to_string()
        } else {
            parts.join(", ")
        }
    }
}

/// In Arabic, numbers, signed changes, ISO dates and week labels are isolated as
/// left-to-right runs (U+2066 ... U+2069), or "2019-12-31" reads "31-12-2019" and "+10 (+34%)"
/// loses its signs' places.
fn isolate(lang: Lang, s: &str) -> String {
    let numeric = s
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || c == '+' || c == '-');
    if lang.is_rtl() && numeric {
        format!("\u{2066}{s}\u{2069}")
    } else {
        s.to_string()
    }
}

enum SvgKind {
    Bars,
    Line,
    Map,
}

/// The report laid out once, rendered to Markdown or HTML.
enum Block {
    H1(String),
    H2(String),
    P(String),
    Note(String),
    Table(Vec<String>, Vec<Vec<String>>),
    Svg(SvgKind),
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasd_model::SubEventType::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }
    const JNIM: &str = "JNIM: Group for Support of Islam and Muslims";
    const FAMA: &str = "Military Forces of Mali (2013-)";

    /// Two quiet years of one clash a fortnight in Bankass, then March 2019: a massacre week.
    fn events() -> Vec<EventRow> {
        let mut rows = Vec::new();
        let mut id = 0;
        for w in 0..112u64 {
            if w % 2 == 0 {
                id += 1;
                rows.push(
                    EventRow::new(id, d("2017-01-02") + Days::new(7 * w), ArmedClash)
                        .at("Mali", "Mopti", "Bankass")
                        .actor1(JNIM, 2)
                        .actor2(FAMA, 1)
                        .killed(1)
                        .lat_lon(14.08, -3.52)
                        .sourced(&["RFI"]),
                );
            }
        }
        for k in 0..6 {
            rows.push(
                EventRow::new(500 + k, d("2019-03-23"), Attack)
                    .at("Mali", "Mopti", "Bankass")
                    .actor1("Dan Na Ambassagou", 4)
                    .actor2("Civilians (Mali)", 7)
                    .killed(if k == 0 { 157 } else { 2 })
                    .lat_lon(14.1, -3.6)
                    .sourced(&["RFI", "AFP", "Reuters"]),
            );
        }
        rows.push(
            EventRow::new(600, d("2019-03-25"), RemoteExplosiveLandmineIed)
                .at("Niger", "Tillaberi", "Ouallam")
                .actor1("Islamic State (Greater Sahara)", 2)
                .actor2(FAMA, 1)
                .notes("Un véhicule piégé a visé le poste")
                .killed(4),
        );
        rows
    }

    #[test]
    fn deltas_flags_and_notables() {
        let ev = events();
        let rep = SitRep::build(&ev, d("2019-03-01"), d("2019-03-31"), &Filter::default()).unwrap();
        assert_eq!(rep.previous_from, d("2019-01-29"));
        assert_eq!(rep.previous_to, d("2019-02-28"));
        // March: clashes on 03-11 and 03-25 (weeks 114? no: even weeks) + 6 attacks + 1 IED.
        let clashes = |from: &str, to: &str| {
            ev.iter()
                .filter(|r| {
                    r.sub_event_type == ArmedClash
                        && r.event_date >= d(from)
                        && r.event_date <= d(to)
                })
                .count() as u64
        };
        assert_eq!(rep.events.current, clashes("2019-03-01", "2019-03-31") + 7);
        assert_eq!(rep.events.previous, clashes("2019-01-29", "2019-02-28"));
        assert_eq!(
            rep.fatalities.current,
            clashes("2019-03-01", "2019-03-31") + 157 + 10 + 4
        );
        assert_eq!(rep.sources.current, 3);
        assert_eq!(rep.multi_source.current, 6);
        let vac = rep
            .by_type
            .iter()
            .find(|r| r.event_type == EventType::ViolenceAgainstCivilians)
            .unwrap();
        assert_eq!((vac.events.current, vac.events.previous), (6, 0));
        assert_eq!(rep.by_country[0].name, "Mali");
        assert_eq!(rep.top_actors[0].name, "Dan Na Ambassagou");
        assert!(rep
            .flags
            .iter()
            .any(|f| f.area == "Mali / Mopti / Bankass" && f.week == "2019-W12"));
        match &rep.notable[0].kind {
            NotableKind::HighestFatalities => assert_eq!(rep.notable[0].fatalities, 157),
            k => panic!("{k:?}"),
        }
        assert_eq!(rep.notable[0].sources, 3);
        // Dan Na Ambassagou's first act in Bankass after two years of data: new spread.
        assert!(rep
            .notable
            .iter()
            .any(|n| n.kind == NotableKind::NewSpread("Dan Na Ambassagou".into())));
        assert!(rep.notable.iter().any(|n| matches!(
            &n.kind,
            NotableKind::NewCapability(a, Capability::Vbied) if a.starts_with("Islamic State")
        )));
        assert_eq!(rep.weekly.first().unwrap().week_start, d("2019-02-25"));
        assert_eq!(
            rep.points.len() as u64,
            rep.events.current - 1,
            "the IED has no point"
        );
        let c = rep.control.as_ref().unwrap();
        assert_eq!(c.month, d("2019-03-01"));
    }

    #[test]
    fn later_events_do_not_change_a_report() {
        let ev = events();
        let from = d("2019-03-01");
        let to = d("2019-03-24");
        let before = SitRep::build(&ev, from, to, &Filter::default()).unwrap();
        let mut more = ev.clone();
        for k in 0..30 {
            more.push(
                EventRow::new(9000 + k, d("2019-03-25") + Days::new(k as u64), ArmedClash)
                    .at("Mali", "Mopti", "Koro")
                    .actor1(JNIM, 2)
                    .killed(10),
            );
        }
        let after = SitRep::build(&more, from, to, &Filter::default()).unwrap();
        assert_eq!(before, after);
    }

    #[test]
    fn filter_scopes_the_report_and_bad_periods_fail() {
        let ev = events();
        let f = Filter {
            country: Some("niger".into()),
            ..Default::default()
        };
        let rep = SitRep::build(&ev, d("2019-03-01"), d("2019-03-31"), &f).unwrap();
        assert_eq!(rep.events.current, 1);
        assert_eq!(
            SitRep::build(&ev, d("2019-03-31"), d("2019-03-01"), &f),
            Err(AnalyticsError::InvalidPeriod {
                from: d("2019-03-31"),
                to: d("2019-03-01")
            })
        );
    }

    #[test]
    fn renders_three_languages() {
        let ev = events();
        let rep = SitRep::build(&ev, d("2019-03-01"), d("2019-03-31"), &Filter::default()).unwrap();
        let ar = rep.to_html(Lang::Ar);
        assert!(ar.contains(r#"<html lang="ar" dir="rtl">"#));
        assert!(ar.contains("تقرير الوضع"));
        // Dates and signed numbers stay left-to-right inside Arabic text.
        assert!(ar.contains("\u{2066}2019-03-01\u{2069}"));
        assert!(!rep.to_html(Lang::En).contains('\u{2066}'));
        assert!(ar.contains("<svg") && ar.contains("<circle"));
        // Well-formed enough: every opened element we emit is closed.
        for tag in [
            "table", "svg", "figure", "tr", "h2", "html", "body", "title",
        ] {
            assert_eq!(
                ar.matches(&format!("<{tag}>")).count() + ar.matches(&format!("<{tag} ")).count(),
                ar.matches(&format!("</{tag}>")).count(),
                "<{tag}>"
            );
        }
        let fr = rep.to_html(Lang::Fr);
        assert!(
            fr.contains(r#"lang="fr" dir="ltr""#) && fr.contains("Violences contre les civils")
        );
        let md = rep.to_markdown(Lang::En);
        assert!(md.starts_with("# Situation report"));
        assert!(md.contains("| Events | "));
        assert!(md.contains("Mali / Mopti / Bankass"));
        assert!(!md.contains("<svg"));
        let boundary = vec![vec![(-5.0, 13.0), (-2.0, 15.5)]];
        let html = rep.to_html_with(
            Lang::En,
            &RenderOptions {
                boundaries: &boundary,
                projection: None,
            },
        );
        assert!(html.contains("<polyline fill=\"none\" stroke=\"#999\""));
    }
}
