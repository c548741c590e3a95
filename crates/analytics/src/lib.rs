//! rasd-analytics (under construction).

pub mod bench;
mod capability;
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
pub use control::{ActorScore, Contribution, ControlCell, ControlConfig, ControlLabel, Reason};
pub use error::AnalyticsError;
pub use i18n::{capability_name, control_label, event_type_name, tr, Lang};
pub use report::{
    ControlChange, ControlSummary, Delta, Named, Notable, NotableKind, RenderOptions, SitRep,
    SitRepConfig, TypeRow, WeekBar,
};
pub use row::EventRow;
pub use series::{series, AreaSeries, Bucket, Interval, Level, Series};
pub use svg::{escape, Equirectangular, MapPoint, Polyline, Projection};
pub use table::{iso_week_label, short_name, AreaKey, EventTable, Family, Filter, Side};
pub use warning::{
    backtest, AreaAlarms, BacktestConfig, BacktestReport, Episode, EpisodeResult, Flag, Metric,
    Monitored, Scope, Spread, WarningConfig, Warnings,
};
