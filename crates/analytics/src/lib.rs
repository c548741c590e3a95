//! Analytics over coded events: series, early warning, a control indicator, capabilities and
//! situation reports. The crate reads no database: the caller (the `rasd` CLI, or the server's
//! in-memory index) loads events from the store and hands them over as [`EventRow`]s
//! ([`EventRow::from_stored`]).
//!
//! - [`EventRow`]: one event (ACLED fields, notes, tags, source count and names), cheap to
//!   build from a [`rasd_model::Event`] with [`EventRow::from_event`].
//! - [`EventTable`]: the rows as integer columns (day, ISO-week and month indices, interned
//!   areas, actors, actor families and sources) sorted by date once; every analysis is a method
//!   on it, and per-area work runs in parallel (rayon). Series ([`EventTable::series`],
//!   [`EventTable::area_series`]), early warning ([`EventTable::early_warning`], model and
//!   parameters on [`WarningConfig`]), [`backtest`], the control indicator
//!   ([`EventTable::control`]) and capabilities ([`EventTable::capabilities`]).
//! - [`SitRep`]: a period against the previous one of equal length, rendered by
//!   [`SitRep::to_markdown`] / [`SitRep::to_html`] in English, French or Arabic ([`Lang`]).
//! - [`bench::run`]: the synthetic workload behind `rasd bench analytics`.
//!
//! Why columns: ten years of a million events over a thousand districts must give every
//! district's weekly series and flags in well under two seconds on two cores. Strings are
//! interned once, weeks are consecutive integers (so "52 weeks before" is a subtraction and
//! a series is a plain array), and a baseline is two prefix sums, not a loop.
//!
//! No look-ahead anywhere: a flag for week `t` uses weeks before `t`, new spread looks back
//! only, and a situation report reads nothing after its period. Coordinates are always named
//! `latitude`/`longitude`; the one place they travel as a pair ([`Polyline`], [`Projection`])
//! the order is longitude first, as documented there.
//!
//! ```
//! use chrono::NaiveDate;
//! use rasd_analytics::{EventRow, EventTable, Filter, Interval, Lang, Metric, SitRep, WarningConfig};
//! use rasd_model::SubEventType;
//!
//! let day = |s: &str| s.parse::<NaiveDate>().unwrap();
//! // A clash every other week in Bankass for two years, then a week with nine attacks.
//! let mut rows: Vec<EventRow> = (0..56)
//!     .map(|k| {
//!         EventRow::new(k, day("2017-01-02") + chrono::Days::new(14 * k as u64), SubEventType::ArmedClash)
//!             .at("Mali", "Mopti", "Bankass")
//!             .actor1("JNIM: Group for Support of Islam and Muslims", 2)
//!             .actor2("Military Forces of Mali (2013-)", 1)
//!     })
//!     .collect();
//! for k in 0..9 {
//!     rows.push(
//!         EventRow::new(100 + k, day("2019-03-23"), SubEventType::Attack)
//!             .at("Mali", "Mopti", "Bankass")
//!             .actor1("Dan Na Ambassagou", 4)
//!             .actor2("Civilians (Mali)", 7)
//!             .killed(3),
//!     );
//! }
//! let table = EventTable::new(&rows);
//!
//! // A zero-filled monthly series for one district.
//! let f = Filter { admin2: Some("Bankass".into()), ..Default::default() };
//! let months = table.series(&f, Interval::Month);
//! assert_eq!(months.events(), 65);
//!
//! // The attack week is flagged against the district's own history, with its events.
//! let w = table.early_warning(&WarningConfig::default());
//! let flag = w.flags.iter()
//!     .find(|f| f.area == "Mali / Mopti / Bankass" && f.metric == Metric::Events)
//!     .unwrap();
//! assert_eq!((flag.week.as_str(), flag.observed, flag.event_ids.len()), ("2019-W12", 9, 9));
//!
//! // A March 2019 situation report, in Arabic HTML.
//! let rep = SitRep::build(&rows, day("2019-03-01"), day("2019-03-31"), &Filter::default())?;
//! assert_eq!(rep.fatalities.current, 27);
//! assert!(rep.to_html(Lang::Ar).contains(r#"dir="rtl""#));
//! # Ok::<(), rasd_analytics::AnalyticsError>(())
//! ```

pub mod bench;
mod capability;
mod codes;
mod control;
mod cues;
mod error;
mod i18n;
mod report;
mod row;
mod series;
mod svg;
mod table;
mod warning;

pub use capability::{
    classify, quarter_label, Capabilities, Capability, CapabilityConfig, CapabilityRow,
    CapabilitySet, FirstSeen, Period,
};
pub use codes::RowCodes;
pub use control::{ActorScore, Contribution, ControlCell, ControlConfig, ControlLabel, Reason};
pub use error::AnalyticsError;
pub use i18n::{capability_name, control_label, event_type_name, tr, Lang};
pub use report::{
    ControlChange, ControlSummary, Delta, Named, Notable, NotableKind, RenderOptions, SitRep,
    SitRepConfig, TypeRow, WeekBar,
};
pub use row::{source_names, EventRow};
pub use series::{series, AreaSeries, Bucket, Interval, Level, Series, SourceReports};
pub use svg::{escape, Equirectangular, MapPoint, Polyline, Projection};
pub use table::{
    fold_name, iso_week_label, month_label, short_name, AreaKey, EventTable, Family, Filter, Side,
};
pub use warning::{
    backtest, AreaAlarms, BacktestConfig, BacktestReport, Episode, EpisodeResult, Flag, Metric,
    Monitored, Scope, Spread, WarningConfig, Warnings,
};
