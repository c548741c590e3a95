//! Whatever the bytes, the readers return items or skips and never panic.

use crate::{Item, SkipReason};
use proptest::prelude::*;

/// Bytes that look a little like the formats: markup, JSON, dates, Arabic, controls.
fn messy() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"<rss><channel><item><title>".to_vec()),
        Just(b"</title></item>".to_vec()),
        Just(b"<feed><entry><link href='/a'/>".to_vec()),
        Just(b"<p>".to_vec()),
        Just(b"<div class='share'>".to_vec()),
        Just(b"&amp;&nbsp;&#1576;&bogus;".to_vec()),
        Just(b"{\"id\":1,\"text\":\"".to_vec()),
        Just(b"\"}\n".to_vec()),
        Just("التاريخ: ٥ مارس ٢٠٢٤\n".as_bytes().to_vec()),
        Just(b"Date: 2024-13-45\n".to_vec()),
        Just(b"<![CDATA[".to_vec()),
        proptest::collection::vec(any::<u8>(), 0..24),
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn decoding_and_parsing_never_panic(bytes in messy()) {
        if let Ok(d) = crate::encoding::decode(&bytes, Some("windows-1256")) {
            let page = crate::html::extract(&d.text, None);
            prop_assert!(!page.text.contains('\u{200F}'), "a bidi mark was left");
            let _ = crate::html::fragment_text(&d.text);
            let _ = crate::text_file::meta(&d.text);
            let items: Vec<Item> = crate::feed::FeedItems::new(
                d.text.clone(), "f".into(), "/f".into(), None, None,
            ).collect();
            // A feed ends with at most one skip, and nothing after it.
            let skips = items.iter().filter(|i| matches!(i, Item::Skipped {
                reason: SkipReason::Malformed { .. }, .. })).count();
            prop_assert!(skips <= 1);
        }
        let lines: Vec<Item> = crate::jsonl::JsonlItems::new(
            std::io::Cursor::new(bytes.clone()), "j".into(), "/j".into(), 64, true,
        ).collect();
        let newlines = bytes.iter().filter(|&&b| b == b'\n').count();
        prop_assert!(lines.len() <= newlines + 1);
    }

    #[test]
    fn dates_never_panic(s in "\\PC{0,40}") {
        let _ = crate::dates::parse_date(&s);
        let _ = crate::dates::date_line(&s);
    }
}
