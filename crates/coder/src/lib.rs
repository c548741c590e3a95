//! The event coder: a report in Arabic, French or English in, ACLED-coded events out, every field
//! backed by an evidence span into the original text.
//!
//! - [`Coder`]: holds the compiled [`rasd_lexicon::Lexicon`] and codes [`rasd_model::Document`]s; share one
//!   across threads.
//! - [`CoderConfig`]: thresholds (how old an event may be before it counts as background).
//!
//! ```
//! use rasd_coder::{Coder, CoderConfig};
//! use rasd_model::{Document, EventType};
//! let coder = Coder::new(CoderConfig::default());
//! let doc = Document {
//!     id: "1".into(),
//!     text: "On Monday, JNIM militants attacked a Malian army post, killing 5 soldiers.".into(),
//!     published: chrono::NaiveDate::from_ymd_opt(2026, 1, 14),
//!     ..Default::default()
//! };
//! let out = coder.code(&doc);
//! assert_eq!(out.events[0].event_type, EventType::Battles);
//! assert_eq!(out.events[0].fatalities, Some(5));
//! ```
//!
//! How it works, per sentence: the lexicon automaton marks actors, event cues and modality cues;
//! [`classify`] picks the sub-event family from the event cues; modality cues close to the trigger
//! (negation, hypothesis, forecast, threat, history) drop the sentence; actors are put into roles
//! by position, passive markers and their kind (civilians are targets); counts next to casualty
//! words give fatalities; dates and places nearest the trigger give time and location. Mentions
//! of the same event in one document are merged.

mod classify;
mod code;
mod places;

pub use classify::{classify, Classified, Family};
pub use code::{Coder, CoderConfig};
pub use places::{find_places, Place};

#[cfg(test)]
mod tests;
