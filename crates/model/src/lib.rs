//! The shared vocabulary of Rasd: documents in, ACLED-coded events out.
//!
//! Every other crate speaks these types. The crate does no I/O.
//!
//! - [`Document`]: one report as read by `rasd code` (JSONL input contract).
//! - [`Event`]: one coded event with the ACLED fields, a confidence and [`Evidence`] spans.
//! - [`SubEventType`]: the 25 ACLED sub-event types; each knows its [`EventType`].
//!
//! ```
//! use rasd_model::{SubEventType, EventType};
//! let s = SubEventType::from_acled("Air/drone strike").unwrap();
//! assert_eq!(s.event_type(), EventType::ExplosionsRemoteViolence);
//! assert_eq!(s.event_type().as_acled(), "Explosions/Remote violence");
//! ```
//!
//! Coordinates are always stored as separate `latitude` and `longitude` fields (WGS84 degrees),
//! never as an anonymous pair, so the lat/lon vs lon/lat hazard cannot arise here.

mod actor;
mod document;
mod event;
mod taxonomy;

pub use actor::{actor_family, ActorKind, Inter};
pub use document::{Document, Language};
pub use event::{CodedDocument, Event, Evidence, EvidenceField, Role};
pub use taxonomy::{EventType, SubEventType};
