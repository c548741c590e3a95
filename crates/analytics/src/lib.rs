//! rasd-analytics (under construction).

pub mod bench;
mod capability;
mod control;
mod cues;
mod row;
mod series;
mod table;
mod warning;

pub use capability::{
    classify, quarter_label, Capabilities, Capability, CapabilityConfig, CapabilityRow,
    CapabilitySet, FirstSeen, Period,
};
pub use control::{ActorScore, Contribution, ControlCell, ControlConfig, ControlLabel, Reason};
pub use row::EventRow;
pub use series::{series, AreaSeries, Bucket, Interval, Level, Series};
pub use table::{iso_week_label, short_name, AreaKey, EventTable, Family, Filter, Side};
pub use warning::{
    backtest, AreaAlarms, BacktestConfig, BacktestReport, Episode, EpisodeResult, Flag, Metric,
    Monitored, Scope, Spread, WarningConfig, Warnings,
};
