//! Everything that turns user inputs into documents to code: files, directories, JSONL, RSS and
//! Atom feeds, HTML pages (on disk or fetched over HTTP), and ACLED CSV exports.
//!
//! The principal types:
//!
//! - [`Ingest`], built from [`IngestOptions`], streams [`Item`]s from a list of [`Input`]s
//!   (paths or `http(s)` URLs) with [`Ingest::items`].
//! - [`Item`] is either a [`rasd_model::Document`] with its [`Origin`] (file, line, feed item),
//!   canonical URL and the legacy encoding it was decoded from, or a skipped input with a
//!   typed [`SkipReason`]. One bad file, line or feed item never stops the batch: it becomes a
//!   `Skipped` item whose `Display` names the file and line, and the stream goes on.
//! - [`read_acled_csv`] reads an ACLED export into [`AcledRow`]s (a [`rasd_model::Event`] plus
//!   the ACLED id, notes and source), by column name.
//!
//! Formats are chosen by extension, then by sniffing the content: `.txt`/`.md` (one document
//! per file), `.html`/`.htm` (main text extraction), `.jsonl` (the `rasd code` input format),
//! `.xml`/`.rss`/`.atom` (one document per feed item). Text is decoded from UTF-8, UTF-16 with
//! a byte-order mark, a declared charset, or chardetng's guess (Windows-1256 Arabic,
//! Windows-1252 French), and [`Item::Doc::decoded_from`](Item::Doc) says which.
//!
//! Document ids are stable, so that re-reading the same inputs (a nightly re-ingest, a feed
//! polled again) gives the same ids: the user's `id` for JSONL; otherwise a hash of the
//! canonical URL when there is one (the same article from a saved page, a feed and a fetch gets
//! one id), else of the absolute path (with `#L<line>` for JSONL lines without an id, and
//! `#<guid or index>` for feed items without a link). See [`document_id`].
//!
//! ```
//! use rasd_ingest::{Ingest, IngestOptions, Input, Item};
//!
//! let dir = std::env::temp_dir().join(format!("rasd-ingest-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir).unwrap();
//! std::fs::write(dir.join("report.md"), "# Attaque à Boni\n\nPublié le 5 mars 2024\n\nDes hommes armés ont attaqué le poste.\n").unwrap();
//! std::fs::write(dir.join("blob.bin"), [0u8, 1, 2, 3]).unwrap();
//!
//! let ingest = Ingest::new(IngestOptions::default());
//! let inputs = [Input::parse(dir.to_str().unwrap()).unwrap()];
//! let mut docs = 0;
//! for item in ingest.items(&inputs) {
//!     match item {
//!         Item::Doc { doc, .. } => {
//!             assert_eq!(doc.title.as_deref(), Some("Attaque à Boni"));
//!             assert_eq!(doc.published.unwrap().to_string(), "2024-03-05");
//!             docs += 1;
//!         }
//!         skipped @ Item::Skipped { .. } => assert!(skipped.to_string().contains("blob.bin")),
//!     }
//! }
//! assert_eq!(docs, 1);
//! # std::fs::remove_dir_all(&dir).unwrap();
//! ```
//!
//! Fetching (cargo feature `http`, on by default) uses a blocking HTTP client: call
//! [`Ingest::items`] from a plain thread, not from inside an async runtime. Without the feature
//! the crate builds without the HTTP/TLS stack and URL inputs are skipped as
//! [`SkipReason::UnsupportedType`].

mod acled;
mod dates;
mod encoding;
mod error;
mod feed;
#[cfg(feature = "http")]
mod fetch;
mod html;
mod ids;
mod ingest;
mod jsonl;
mod text_file;
mod walk;

pub use acled::{read_acled_csv, AcledReader, AcledRow};
pub use error::Error;
pub use ids::{canonical_url, document_id};
pub use ingest::{
    Ingest, IngestOptions, Input, Item, Items, Origin, SkipReason, DEFAULT_MAX_FILE_BYTES,
};

#[cfg(test)]
mod proptests;
