//! `rasd_coder::Coder::code` on arbitrary text (and title, and publication date): never
//! panics, and every evidence span lies inside its field on character boundaries.
#![no_main]

use chrono::{Days, NaiveDate};
use libfuzzer_sys::fuzz_target;
use rasd_coder::Coder;
use rasd_model::{Document, EvidenceField};
use std::sync::OnceLock;

fn coder() -> &'static Coder {
    static CODER: OnceLock<Coder> = OnceLock::new();
    CODER.get_or_init(|| Coder::new(Default::default()))
}

/// As in the `dates` target: the first five bytes choose the publication date.
fn split(data: &[u8]) -> (Option<NaiveDate>, String) {
    if data.len() < 5 {
        return (None, String::from_utf8_lossy(data).into_owned());
    }
    let v = u32::from_le_bytes([data[1], data[2], data[3], data[4]]);
    let published = match data[0] % 4 {
        0 => None,
        1 | 2 => NaiveDate::from_ymd_opt(1990, 1, 1)
            .and_then(|d| d.checked_add_days(Days::new(u64::from(v % 65_536)))),
        _ => {
            let days = v as i32;
            let end = if days < 0 {
                NaiveDate::MIN
            } else {
                NaiveDate::MAX
            };
            NaiveDate::from_num_days_from_ce_opt(days).or(Some(end))
        }
    };
    (published, String::from_utf8_lossy(&data[5..]).into_owned())
}

fuzz_target!(|data: &[u8]| {
    let (published, all) = split(data);
    // A NUL separates an optional title from the text.
    let (title, text) = match all.split_once('\0') {
        Some((title, text)) => (Some(title.to_owned()), text.to_owned()),
        None => (None, all),
    };
    let doc = Document {
        id: "fuzz".into(),
        text,
        title,
        published,
        ..Document::default()
    };
    let coded = coder().code(&doc);
    for event in &coded.events {
        for ev in &event.evidence {
            let field = match ev.field {
                EvidenceField::Text => doc.text.as_str(),
                EvidenceField::Title => doc.title.as_deref().expect("title evidence needs a title"),
            };
            assert!(
                ev.start < ev.end && ev.end <= field.len(),
                "{ev:?} in {} bytes",
                field.len()
            );
            assert!(
                field.is_char_boundary(ev.start) && field.is_char_boundary(ev.end),
                "{ev:?}"
            );
        }
    }
    serde_json::to_string(&coded).expect("coded documents serialise");
});
