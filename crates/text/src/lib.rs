//! The text layer: everything the coder needs to know about a string before it looks for events.
//!
//! - [`Normalized`]: a matching form of the text (lower case, accents and Arabic diacritics gone,
//!   Arabic letter variants unified, Arabic-Indic digits made ASCII) with a byte-offset map back
//!   to the original, so that every match can be reported as a span of the text the user sees.
//! - [`detect_language`]: Arabic / French / English identification by script and function words.
//! - [`sentences`], [`is_word_byte_boundary`]: sentence and word boundaries over normalised text.
//!
//! ```
//! use rasd_text::normalize;
//! let original = "L’armée a été attaquée à Ménaka";
//! let n = normalize(original);
//! assert_eq!(n.as_str(), "l'armee a ete attaquee a menaka");
//! let at = n.as_str().find("menaka").unwrap();
//! let (s, e) = n.original_span(at, at + "menaka".len());
//! assert_eq!(&original[s..e], "Ménaka");
//! ```
//!
//! Why one normalisation for everything: lexicon patterns are normalised with the same function
//! as documents, so a pattern written "الجيش المالي" matches "والجيشُ الماليّ" and "armée" matches
//! "ARMEE" without per-pattern variants.

mod dates;
mod langid;
mod normalize;
mod numbers;
mod segment;

pub use dates::{find_dates, is_weekday, DateMention};
pub use langid::detect_language;
pub use normalize::{normalize, normalize_into, Normalized};
pub use numbers::{find_numbers, NumberMention, Vagueness};
pub use segment::{is_word_byte_boundary, is_word_char, sentences, Sentence};
