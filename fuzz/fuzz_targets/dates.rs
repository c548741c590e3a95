//! `rasd_text::find_dates` on normalised arbitrary text with an arbitrary publication date.
#![no_main]

use chrono::{Days, NaiveDate};
use libfuzzer_sys::fuzz_target;
use rasd_text::{find_dates, normalize};

/// The first bytes choose the publication date: none, a date in 1990–2169, or any date chrono
/// can represent. The rest is the text (lossily decoded, so every input is used).
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
    let (published, text) = split(data);
    let n = normalize(&text);
    let t = n.as_str();
    for m in find_dates(t, published) {
        assert!(
            m.start < m.end && m.end <= t.len(),
            "{m:?} in {} bytes",
            t.len()
        );
        assert!(
            t.is_char_boundary(m.start) && t.is_char_boundary(m.end),
            "{m:?}"
        );
        assert!((1..=3).contains(&m.precision), "{m:?}");
        let (a, b) = n.original_span(m.start, m.end);
        assert!(a < b && b <= text.len());
        assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
    }
});
