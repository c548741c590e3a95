//! `rasd_text::find_numbers` on normalised arbitrary text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rasd_text::{find_numbers, normalize};

fuzz_target!(|s: &str| {
    let n = normalize(s);
    let t = n.as_str();
    for m in find_numbers(t) {
        assert!(
            m.start < m.end && m.end <= t.len(),
            "{m:?} in {} bytes",
            t.len()
        );
        assert!(
            t.is_char_boundary(m.start) && t.is_char_boundary(m.end),
            "{m:?}"
        );
        let (a, b) = n.original_span(m.start, m.end);
        assert!(a < b && b <= s.len());
        assert!(s.is_char_boundary(a) && s.is_char_boundary(b));
    }
});
