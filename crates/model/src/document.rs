//! Input documents: one report, as read from a `rasd code` JSONL line.

use serde::{Deserialize, Serialize};

/// The language of a document or span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Ar,
    Fr,
    En,
    /// Undetermined: too short, or none of the three.
    Und,
}

impl Language {
    pub fn as_str(self) -> &'static str {
        match self {
            Language::Ar => "ar",
            Language::Fr => "fr",
            Language::En => "en",
            Language::Und => "und",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ar" | "ara" | "arabic" => Some(Language::Ar),
            "fr" | "fra" | "fre" | "french" => Some(Language::Fr),
            "en" | "eng" | "english" => Some(Language::En),
            "und" => Some(Language::Und),
            _ => None,
        }
    }
}

/// One report. `text` is required; everything else helps the coder (a `published` date anchors
/// relative dates, `lang` skips identification).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<chrono::NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Language>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}
