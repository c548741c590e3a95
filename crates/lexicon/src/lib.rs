//! Actor and event-phrase dictionaries, compiled once into one Aho-Corasick automaton.
//!
//! - [`Lexicon`]: every pattern of `data/lexicon/` (actors in three languages, event cues,
//!   modality cues), normalised with [`rasd_text::normalize`] and compiled into one automaton.
//! - [`Match`]: a pattern found in normalised text, with the [`Target`] it stands for.
//! - [`ActorEntry`], [`GenericRole`]: what an actor alias resolves to (ACLED name by date, inter
//!   code, country).
//!
//! ```
//! use rasd_lexicon::{Lexicon, Target, Cue};
//! let lex = Lexicon::embedded();
//! let text = rasd_text::normalize("Des hommes armés ont attaqué le village");
//! let found = lex.find(text.as_str());
//! assert!(found.iter().any(|m| m.target == Target::Cue(Cue::Attack)));
//! ```
//!
//! Why one automaton: a document is scanned once whatever the number of patterns (tens of
//! thousands across languages), and the patterns are data, reviewed as data, not code.

mod actors;
mod cues;
mod matcher;
mod outlets;

pub use actors::{ActorEntry, ActorId, GenericRole, Period, ResolvedActor};
pub use cues::Cue;
pub use matcher::{Lexicon, LexiconError, Match, Target};
pub use outlets::{outlet_country, outlets};
